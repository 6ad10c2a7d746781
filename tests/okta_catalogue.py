"""Okta's published error catalogues, the oracle for every simulator error a test checks.

The catalogues are the entries of Okta's files that the tests use, extracted into
``tests/reference/`` by tools/extract_reference.py (see its SOURCE.md):
``okta-error-codes.json`` (``E0000xxx``: HTTP status, ``errorSummary``) and
``okta-oauth2-error-codes.json`` (internal code: HTTP status, ``error``, ``error_description``).
Nothing here reads the simulator's own tables: a wrong status or wording in the simulator fails
a test.

Two quirks of the published data, handled here rather than in each test:
- The OAuth catalogue renders every message parameter (``{0}``) as the locale name ``en``
  ("Valid values: [en]"); ``oauth_error(code, "client_credentials")`` puts the value back.
- A ``{0}`` API summary without a detail loses its ``": {0}"`` tail ("Api validation
  failed"), as in Okta's documented error example (OKTA-FACTS section 9).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from tests.conftest import okta_reference

_PARAMETER = re.compile(r"\ben\b")


class _Extract(dict[str, dict[str, Any]]):
    def __missing__(self, code: str) -> dict[str, Any]:
        raise KeyError(
            f"{code} is not in the extract of Okta's catalogue: add it to the code lists of "
            "tools/extract_reference.py and run it"
        )


@cache
def _entries(file_name: str, key: str) -> dict[str, dict[str, Any]]:
    return _Extract({entry[key]: entry for entry in okta_reference(file_name)["errors"]})


def api_error(code: str, detail: str | None = None) -> tuple[int, str]:
    """(HTTP status, errorSummary) Okta publishes for ``code``, with ``detail`` filled in."""
    entry = _entries("okta-error-codes.json", "errorCode")[code]
    template = str(entry["errorSummary"])
    if "{0}" not in template:
        assert detail is None, f"{code}'s summary takes no detail"
        return int(entry["statusCode"]), template
    summary = template.replace("{0}", detail) if detail else template.replace(": {0}", "")
    return int(entry["statusCode"]), summary


def api_status(code: str) -> int:
    return api_error(code, "x")[0]


def oauth_error(internal_code: str, *values: str) -> tuple[int, str, str]:
    """(HTTP status, ``error``, ``error_description``) Okta publishes for ``internal_code``."""
    entry = _entries("okta-oauth2-error-codes.json", "internalErrorCode")[internal_code]
    description = str(entry["errorDescription"])
    slots = len(_PARAMETER.findall(description))
    assert slots == len(values), f"{internal_code} takes {slots} parameter(s): {description!r}"
    for value in values:
        description = _PARAMETER.sub(value, description, count=1)
    return int(entry["statusCode"]), str(entry["errorCode"]), description


def assert_api_error(status: int, body: Any, code: str, detail: str | None = None) -> None:
    """Okta's error envelope for ``code``: catalogued status and summary, errorLink, errorId.

    Without ``detail``, a ``{0}`` summary may carry any detail (or none).
    """
    expected_status, summary = api_error(code, detail)
    assert (expected_status, code) == (status, body["errorCode"]), body
    if detail is None and "{0}" in _entries("okta-error-codes.json", "errorCode")[code]["errorSummary"]:
        assert body["errorSummary"] == summary or body["errorSummary"].startswith(summary + ": "), body
    else:
        assert summary == body["errorSummary"]
    assert code == body["errorLink"]  # Okta: "currently the same value as errorCode"
    assert len(body["errorId"]) == 25
    assert isinstance(body["errorCauses"], list)


def assert_oauth_error(status: int, body: Any, internal_code: str, *values: str) -> None:
    """The response is Okta's OAuthError for ``internal_code`` (status, error, description)."""
    expected_status, error, description = oauth_error(internal_code, *values)
    assert (expected_status, {"error": error, "error_description": description}) == (status, body)
