# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""A client library for accessing Okta user lifecycle (oktakit subset)"""

from .client import RawResponse

__all__ = ("RawResponse",)
