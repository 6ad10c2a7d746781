"""Credentials: how a request proves who sends it.

``ApiToken`` sends Okta's ``SSWS`` header. ``PrivateKeyJWT`` is an OAuth 2.0 service app
(client credentials with a private-key JWT, optionally DPoP-bound), which Okta recommends over
API tokens. Both plug into ``OktaClient(auth=...)``; so does your own ``Auth``, whose
``connect(OrgConnection)`` returns an ``Authorizer`` (which may ask for a ``Resend``).
"""

from ._credentials import ApiToken, PrivateKeyJWT
from ._protocol import Auth, Authorizer, CredentialInfo, OrgConnection, Resend

__all__ = ["ApiToken", "Auth", "Authorizer", "CredentialInfo", "OrgConnection", "PrivateKeyJWT", "Resend"]
