"""JSON of a user's OAuth clients, consent grants, refresh tokens and factors, in Okta's shapes
(OAuth2Client, OAuth2ScopeConsentGrant, OAuth2RefreshToken, UserFactor of the published spec)."""

from __future__ import annotations

from typing import Any

from ._account_state import FACTOR_TYPES, SimGrant, SimRefreshToken
from ._credentials import factor_id
from ._state import Org
from ._users import SimUser
from ._util import iso8601


def _user_href(org: Org, user: SimUser) -> str:
    return f"{org.base_url}/api/v1/users/{user.id}"


def client_dict(org: Org, user: SimUser, client_id: str) -> dict[str, Any]:
    app = org.client_apps[client_id]
    base = f"{_user_href(org, user)}/clients/{client_id}"
    data: dict[str, Any] = {"client_id": client_id, "client_name": app.name}
    if app.uri is not None:
        data["client_uri"] = app.uri
    data["_links"] = {
        "self": {"href": f"{org.base_url}/oauth2/v1/clients/{client_id}"},
        "grants": {"href": f"{base}/grants"},
        "tokens": {"href": f"{base}/tokens"},
    }
    return data


def grant_dict(org: Org, user: SimUser, grant: SimGrant, *, expand: bool) -> dict[str, Any]:
    user_href = _user_href(org, user)
    data: dict[str, Any] = {
        "id": grant.id,
        "status": "ACTIVE",
        "created": iso8601(grant.created),
        "lastUpdated": iso8601(grant.created),
        "issuer": org.base_url,
        "clientId": grant.client_id,
        "userId": user.id,
        "scopeId": grant.scope_id,
        "source": grant.source,
    }
    if expand:
        data["_embedded"] = {"scope": {"id": grant.scope_id}}
    data["_links"] = {
        "app": {"href": f"{org.base_url}/api/v1/apps/{grant.client_id}"},
        "client": {"href": f"{org.base_url}/oauth2/v1/clients/{grant.client_id}"},
        "scope": {"href": f"{org.base_url}/api/v1/authorizationServers/default/scopes/{grant.scope_id}"},
        "user": {"href": user_href},
        "authorizationServer": {"href": f"{org.base_url}/api/v1/authorizationServers/default"},
        "self": {"href": f"{user_href}/grants/{grant.id}"},
    }
    return data


def token_dict(org: Org, user: SimUser, token: SimRefreshToken, *, expand: bool) -> dict[str, Any]:
    user_href = _user_href(org, user)
    href = f"{user_href}/clients/{token.client_id}/tokens/{token.id}"
    data: dict[str, Any] = {
        "id": token.id,
        "status": "ACTIVE",
        "created": iso8601(token.created),
        "lastUpdated": iso8601(token.created),
        "expiresAt": iso8601(token.expires_at),
        "issuer": org.base_url,
        "clientId": token.client_id,
        "userId": user.id,
        "scopes": list(token.scopes),
    }
    if expand:
        data["_embedded"] = {"scopes": [{"id": scope, "name": scope} for scope in token.scopes]}
    data["_links"] = {
        "app": {"href": f"{org.base_url}/api/v1/apps/{token.client_id}"},
        "client": {"href": f"{org.base_url}/oauth2/v1/clients/{token.client_id}"},
        "user": {"href": user_href},
        "authorizationServer": {"href": org.base_url},
        "revoke": {"href": href, "hints": {"allow": ["DELETE"]}},
        "self": {"href": href},
    }
    return data


def factor_dict(org: Org, user: SimUser, key: str) -> dict[str, Any]:
    factor_type, provider = FACTOR_TYPES[key]
    fid = factor_id(user, key)
    href = f"{_user_href(org, user)}/factors/{fid}"
    enrolled = user.activated or user.created
    return {
        "id": fid,
        "factorType": factor_type,
        "provider": provider,
        "vendorName": provider,
        "status": "ACTIVE",
        "created": iso8601(enrolled),
        "lastUpdated": iso8601(enrolled),
        "profile": _factor_profile(user, factor_type),
        "_links": {
            "self": {"href": href, "hints": {"allow": ["GET", "DELETE"]}},
            "verify": {"href": f"{href}/verify", "hints": {"allow": ["POST"]}},
            "user": {"href": _user_href(org, user), "hints": {"allow": ["GET"]}},
        },
    }


def _factor_profile(user: SimUser, factor_type: str) -> dict[str, Any]:
    login = user.login
    if factor_type == "sms":
        digits = "".join(c for c in str(user.profile.get("mobilePhone") or "") if c.isdigit())
        return {"phoneNumber": "+" + (digits.lstrip("0") or "15550100")[:15]}
    if factor_type == "email":
        return {"email": str(user.profile.get("email") or login)}
    if factor_type == "webauthn":
        return {"credentialId": f"cred-{user.id}", "authenticatorName": "Security key"}
    return {
        "credentialId": login,
        "deviceType": "SmartPhone_IPhone",
        "name": "iPhone",
        "platform": "IOS",
        "version": "17.5",
    }
