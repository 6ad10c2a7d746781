# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Errors raised by the generated parsers."""


class UnexpectedStatus(Exception):
    """The server answered with a status code the spec does not document for this operation."""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content
        super().__init__(f"Unexpected status code: {status_code}")


__all__ = ["UnexpectedStatus"]
