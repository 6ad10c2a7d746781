"""Service-app credentials (private-key JWT, DPoP), keys and the credential CLI, on the wire."""
