"""What to grant a service app for a job, and whether a credential has it.

``requirements([...])`` derives the OAuth scopes, admin-role permissions and resource set a job
needs from ``okta_spec/`` (``_requirements``); ``OktaClient.preflight`` (``_preflight``, with
``_roles`` and ``_verdict``) and ``OktaClient.check`` (``_check``) compare a live credential
with it; ``oktakit permissions`` prints it, as text, JSON or Terraform (``_terraform``).

>>> from oktakit.permissions import requirements
>>> print(requirements(["suspend_user"], bulk=True).summary())
>>> print(requirements(["contain"], bulk=True).summary())  # okta.contain's every step
"""

from ._grants import Grants
from ._requirements import (
    OperationNeeds,
    PermissionInfo,
    Requirements,
    ResourceInfo,
    StandardRole,
    containment_table,
    markdown_table,
    requirements,
    resolve_operations,
    standard_roles,
)

__all__ = [
    "Grants",
    "OperationNeeds",
    "PermissionInfo",
    "Requirements",
    "ResourceInfo",
    "StandardRole",
    "containment_table",
    "markdown_table",
    "requirements",
    "resolve_operations",
    "standard_roles",
]
