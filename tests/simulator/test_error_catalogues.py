"""Every error the simulator can produce is the one Okta publishes.

The oracle is Okta's catalogues, as extracted into ``tests/reference/``
(tests/okta_catalogue.py); these tests hold the simulator's tables to them entry by entry, so an
error no endpoint test reaches cannot drift either. Entries the catalogues do not have say which
source they rely on.
"""

from __future__ import annotations

import pytest

from oktakit.testing._errors import CATALOGUE, SimulatedError
from oktakit.testing._oauth_errors import OAUTH_CATALOGUE, OAuthError
from tests.okta_catalogue import api_error, oauth_error

from .oauth_support import CATALOGUE_PARAMETERS

# Simulator codes that are not Okta internal codes: the Okta code (and its parameter values)
# whose published entry they answer with.
OKTA_CODE_OF = {"missing_client_assertion": ("missing_token_request_parameter", ("client_assertion",))}
# Simulator codes with no published entry at all, and the source of their status and `error`.
UNPUBLISHED = {
    # RFC 9449 section 9: a resource server demanding a nonce answers 401, error use_dpop_nonce.
    "use_dpop_nonce_resource": (401, "use_dpop_nonce"),
}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_api_error_status_and_summary_are_okta_s(code: str) -> None:
    detail = "detail" if "{0}" in CATALOGUE[code][1] else None
    error = SimulatedError(code, detail)
    assert api_error(code, detail) == (error.status, error.summary)


@pytest.mark.parametrize("code", sorted(c for c, (_, summary) in CATALOGUE.items() if "{0}" in summary))
def test_api_error_without_detail_drops_the_placeholder_like_okta(code: str) -> None:
    error = SimulatedError(code)
    assert api_error(code) == (error.status, error.summary)


@pytest.mark.parametrize("code", sorted(set(OAUTH_CATALOGUE) - set(UNPUBLISHED)))
def test_oauth_error_status_error_and_description_are_okta_s(code: str) -> None:
    okta_code, values = OKTA_CODE_OF.get(code, (code, CATALOGUE_PARAMETERS.get(code, ())))
    error = OAuthError(code)
    assert oauth_error(okta_code, *values) == (error.status, error.error, error.description)


@pytest.mark.parametrize("code", sorted(UNPUBLISHED))
def test_unpublished_oauth_errors_follow_their_stated_source(code: str) -> None:
    error = OAuthError(code)
    assert UNPUBLISHED[code] == (error.status, error.error)
    assert error.description
