# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""The permission catalogue from okta_spec/permissions.yaml: each admin-role permission's
Admin Console label path and resource kind, the resource kinds, and the standard roles.
"""

from typing import Any, Final

CATALOGUE: Final[dict[str, Any]] = {
    "permissions": {
        "okta.apps.read": {
            "console": ["Application", "View applications and their details"],
            "resource": "apps",
            "source": "W2",
        },
        "okta.groups.read": {
            "console": ["Group", "View groups and their details"],
            "resource": "groups",
            "source": "W2",
        },
        "okta.iam.read": {
            "console": [
                "Identity and access management",
                "View roles, resources, and admin assignments",
            ],
            "resource": "iam",
            "source": "D11",
        },
        "okta.users.credentials.manage": {
            "console": ["User", "Edit users' authenticator operations"],
            "resource": "users",
            "source": "W2",
        },
        "okta.users.credentials.manageTemporaryAccessCode": {
            "console": [
                "User",
                "Edit users' authenticator operations",
                "Manage temporary access codes",
            ],
            "resource": "users",
            "source": "inferred (the key is in S1; the label is our reading of the Console)",
        },
        "okta.users.credentials.resetFactors": {
            "console": [
                "User",
                "Edit users' authenticator operations",
                "Reset users' authenticators",
            ],
            "resource": "users",
            "source": "W2",
        },
        "okta.users.lifecycle.activate": {
            "console": ["User", "Edit users' lifecycle states", "Activate users"],
            "resource": "users",
            "source": "W2",
        },
        "okta.users.lifecycle.deactivate": {
            "console": ["User", "Edit users' lifecycle states", "Deactivate users"],
            "resource": "users",
            "source": "W2",
        },
        "okta.users.lifecycle.manage": {
            "console": ["User", "Edit users' lifecycle states"],
            "resource": "users",
            "source": "W2",
        },
        "okta.users.lifecycle.suspend": {
            "console": ["User", "Edit users' lifecycle states", "Suspend users"],
            "resource": "users",
            "source": "W2",
        },
        "okta.users.lifecycle.unlock": {
            "console": ["User", "Edit users' lifecycle states", "Unlock users"],
            "resource": "users",
            "source": "W2",
        },
        "okta.users.lifecycle.unsuspend": {
            "console": ["User", "Edit users' lifecycle states", "Unsuspend users"],
            "resource": "users",
            "source": "W2",
        },
        "okta.users.manage": {
            "console": ["User", "Manage users"],
            "resource": "users",
            "source": "W2",
        },
        "okta.users.read": {
            "console": ["User", "View users and their details"],
            "resource": "users",
            "source": "W2",
        },
        "okta.users.userprofile.manage": {
            "console": ["User", "Edit users' profile attributes"],
            "resource": "users",
            "source": "W2",
        },
    },
    "resources": {
        "apps": {
            "console": "All applications",
            "orn": "orn:okta:idp:{org}:apps",
            "rest": "/api/v1/apps",
        },
        "groups": {
            "console": "All groups",
            "orn": "orn:okta:directory:{org}:groups",
            "rest": "/api/v1/groups",
        },
        "iam": {
            "console": "All identity and access management resources",
            "orn": "orn:okta:iam:{org}",
            "rest": "/api/v1/iam",
        },
        "users": {
            "console": "All users",
            "orn": "orn:okta:directory:{org}:users",
            "rest": "/api/v1/users",
        },
    },
    "standard_roles": {
        "API_ACCESS_MANAGEMENT_ADMIN": {
            "documented": "manage authorization servers (W3)",
            "inferred": "no user permission",
            "label": "API Access Management Administrator",
            "permissions": ["okta.authzServers.manage"],
        },
        "APP_ADMIN": {
            "documented": "manage apps (W3)",
            "inferred": "no user or group permission that oktakit operations need",
            "label": "Application Administrator",
            "permissions": ["okta.apps.manage"],
        },
        "GROUP_MEMBERSHIP_ADMIN": {
            "documented": "view users and groups, manage group membership (W3)",
            "inferred": "",
            "label": "Group Membership Administrator",
            "permissions": [
                "okta.users.read",
                "okta.groups.read",
                "okta.groups.members.manage",
            ],
        },
        "HELP_DESK_ADMIN": {
            "documented": "view users, reset passwords and factors, unlock users, clear sessions (W3)",
            "inferred": "no suspend, profile edits or temporary access codes",
            "label": "Help Desk Administrator",
            "permissions": [
                "okta.users.read",
                "okta.users.lifecycle.unlock",
                "okta.users.lifecycle.clearSessions",
                "okta.users.credentials.resetFactors",
                "okta.users.credentials.resetPassword",
                "okta.groups.read",
            ],
        },
        "ORG_ADMIN": {
            "documented": "manage users, groups and apps; no adding or removing admins (W3)",
            "inferred": "okta.iam.read (reading role assignments)",
            "label": "Organization Administrator",
            "permissions": [
                "okta.users.manage",
                "okta.groups.manage",
                "okta.apps.manage",
                "okta.iam.read",
            ],
        },
        "READ_ONLY_ADMIN": {
            "documented": "view everything, change nothing (W3)",
            "inferred": "",
            "label": "Read-only Administrator",
            "permissions": ["*.read"],
        },
        "REPORT_ADMIN": {
            "documented": "view reports and the System Log (W3)",
            "inferred": "no user permission",
            "label": "Report Administrator",
            "permissions": ["okta.reports.read"],
        },
        "SUPER_ADMIN": {
            "documented": "every admin task, including admin roles (W3)",
            "inferred": "",
            "label": "Super Administrator",
            "permissions": ["*"],
        },
        "USER_ADMIN": {
            "documented": "manage the users of its groups (all users when unconstrained), their lifecycle, passwords and factors (W3)",
            "inferred": "temporary access codes through okta.users.manage; no okta.iam.read",
            "label": "Group Administrator",
            "permissions": ["okta.users.manage", "okta.groups.read"],
        },
    },
}
