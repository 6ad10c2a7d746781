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
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.groups.members.manage": {
            "console": ["Group", "Manage group membership"],
            "resource": "groups",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "note": 'also needs "Edit users\' group membership" on the user',
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.groups.read": {
            "console": ["Group", "View groups and their details"],
            "resource": "groups",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.iam.read": {
            "console": [
                "Identity and access management",
                "View roles, resources, and admin assignments",
            ],
            "resource": "iam",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "note": '"view roles, resources, and admin assignments"',
                    "source": "docs-role-assignment",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.logs.read": {
            "console": ["Reports", "System Log"],
            "custom_role": False,
            "sources": [
                {
                    "fact": "console",
                    "kind": "inferred",
                    "note": "report admins see only the reports and the System Log menu items; Okta's help id for the System Log page is ext_Reports_SysLog (linked by the spec's SystemLog tag), so it sits under Reports",
                    "source": "help-report-admin",
                },
                {
                    "fact": "custom_role",
                    "kind": "inferred",
                    "note": "the custom-role permissions (users, groups, applications, profile sources) name nothing for the System Log, nor does docs-role-assignment's permission list; standard roles only",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "custom_role",
                    "kind": "documented",
                    "note": 'the "View System Log (system events)" row of the standard roles\' table',
                    "source": "help-admin-comparison",
                },
            ],
        },
        "okta.users.create": {
            "console": ["User", "Create users"],
            "resource": "groups",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "note": "applicable resources: all groups or a specific group (the new user joins them)",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.credentials.expirePassword": {
            "console": [
                "User",
                "Edit users' authenticator operations",
                "Set users' temporary password",
            ],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "note": '"expire a user\'s password and set a new temporary password"',
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.credentials.manage": {
            "console": ["User", "Edit users' authenticator operations"],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.credentials.manageTemporaryAccessCode": {
            "console": [
                "User",
                "Edit users' authenticator operations",
                "Manage user's temporary access code",
            ],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "note": '"Search for the Manage user\'s temporary access code permission"',
                    "source": "help-tac-roles",
                },
                {
                    "fact": "console",
                    "kind": "inferred",
                    "note": 'placed under "Edit users\' authenticator operations" like the other credential permissions (okta.users.credentials.*)',
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "note": "the TAC role's resource set holds Users",
                    "source": "help-tac-roles",
                },
            ],
        },
        "okta.users.credentials.resetFactors": {
            "console": [
                "User",
                "Edit users' authenticator operations",
                "Reset users' authenticators",
            ],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.credentials.resetPassword": {
            "console": [
                "User",
                "Edit users' authenticator operations",
                "Reset users' passwords",
            ],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.groupMembership.manage": {
            "console": ["User", "Edit users' group membership"],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "note": 'also needs "Manage group membership" on the group',
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.lifecycle.activate": {
            "console": ["User", "Edit users' lifecycle states", "Activate users"],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.lifecycle.clearSessions": {
            "console": [
                "User",
                "Edit users' lifecycle states",
                "Clear users' sessions",
            ],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "note": '"clear all active Okta sessions and OAuth tokens for an end user"',
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.lifecycle.deactivate": {
            "console": ["User", "Edit users' lifecycle states", "Deactivate users"],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.lifecycle.delete": {
            "console": ["User", "Edit users' lifecycle states", "Delete users"],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.lifecycle.manage": {
            "console": ["User", "Edit users' lifecycle states"],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.lifecycle.suspend": {
            "console": ["User", "Edit users' lifecycle states", "Suspend users"],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.lifecycle.unlock": {
            "console": ["User", "Edit users' lifecycle states", "Unlock users"],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.lifecycle.unsuspend": {
            "console": ["User", "Edit users' lifecycle states", "Unsuspend users"],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.manage": {
            "console": ["User", "Manage users"],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.read": {
            "console": ["User", "View users and their details"],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
        "okta.users.userprofile.manage": {
            "console": ["User", "Edit users' profile attributes"],
            "resource": "users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "help-role-permissions",
                },
                {
                    "fact": "resource",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
            ],
        },
    },
    "resources": {
        "apps": {
            "console": "All applications",
            "orn": "orn:okta:idp:{org}:apps",
            "rest": "/api/v1/apps",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
                {"fact": "rest", "kind": "documented", "source": "okta-mgmt-spec"},
                {"fact": "orn", "kind": "documented", "source": "okta-mgmt-spec"},
            ],
        },
        "groups": {
            "console": "All groups",
            "orn": "orn:okta:directory:{org}:groups",
            "rest": "/api/v1/groups",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
                {"fact": "rest", "kind": "documented", "source": "okta-mgmt-spec"},
                {"fact": "orn", "kind": "documented", "source": "okta-mgmt-spec"},
            ],
        },
        "iam": {
            "console": "All identity and access management resources",
            "orn": "orn:okta:iam:{org}",
            "rest": "/api/v1/iam",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
                {
                    "fact": "rest",
                    "kind": "inferred",
                    "note": "the base path of the roles and resource-sets APIs",
                    "source": "okta-mgmt-spec",
                },
                {
                    "fact": "orn",
                    "kind": "inferred",
                    "note": "by analogy with the directory and idp ORNs; the spec shows no iam example",
                    "source": "okta-mgmt-spec",
                },
            ],
        },
        "users": {
            "console": "All users",
            "orn": "orn:okta:directory:{org}:users",
            "rest": "/api/v1/users",
            "sources": [
                {
                    "fact": "console",
                    "kind": "documented",
                    "source": "docs-role-assignment",
                },
                {
                    "fact": "rest",
                    "kind": "documented",
                    "note": "the all-users resource of a resource set links to /api/v1/users",
                    "source": "okta-mgmt-spec",
                },
                {"fact": "orn", "kind": "documented", "source": "okta-mgmt-spec"},
            ],
        },
    },
    "standard_roles": {
        "API_ACCESS_MANAGEMENT_ADMIN": {
            "documented": "manage authorization servers",
            "inferred": "no user permission",
            "label": "API Access Management Administrator",
            "permissions": ["okta.authzServers.manage"],
            "sources": [
                {
                    "fact": "label",
                    "kind": "documented",
                    "source": "help-admin-comparison",
                },
                {
                    "fact": "okta.authzServers.manage",
                    "kind": "documented",
                    "note": "the authorization server rows",
                    "source": "help-admin-comparison",
                },
            ],
        },
        "APP_ADMIN": {
            "documented": "manage apps; view users and groups",
            "inferred": "no other user or group permission that oktakit operations need",
            "label": "Application Administrator",
            "permissions": ["okta.apps.manage", "okta.users.read", "okta.groups.read"],
            "sources": [
                {"fact": "label", "kind": "documented", "source": "help-app-admin"},
                {
                    "fact": "okta.apps.manage",
                    "kind": "documented",
                    "note": '"Add and configure apps"',
                    "source": "help-app-admin",
                },
                {
                    "fact": "okta.users.read",
                    "kind": "documented",
                    "note": '"View users and groups"',
                    "source": "help-app-admin",
                },
                {
                    "fact": "okta.groups.read",
                    "kind": "documented",
                    "note": '"View users and groups"',
                    "source": "help-app-admin",
                },
            ],
        },
        "GROUP_MEMBERSHIP_ADMIN": {
            "documented": "view users and groups, manage group membership",
            "inferred": "managing membership takes both halves of it in Okta's permission keys: the group's members and the user's groups",
            "label": "Group Membership Administrator",
            "permissions": [
                "okta.users.read",
                "okta.groups.read",
                "okta.groups.members.manage",
                "okta.users.groupMembership.manage",
            ],
            "sources": [
                {
                    "fact": "label",
                    "kind": "documented",
                    "source": "help-admin-comparison",
                },
                {
                    "fact": "okta.users.read",
                    "kind": "documented",
                    "source": "help-admin-comparison",
                },
                {
                    "fact": "okta.groups.read",
                    "kind": "documented",
                    "source": "help-admin-comparison",
                },
                {
                    "fact": "okta.groups.members.manage",
                    "kind": "documented",
                    "source": "help-admin-comparison",
                },
                {
                    "fact": "okta.users.groupMembership.manage",
                    "kind": "inferred",
                    "note": 'okta.users.groupMembership.manage "also need okta.groups.members.manage": a role that manages membership holds both',
                    "source": "docs-role-assignment",
                },
            ],
        },
        "HELP_DESK_ADMIN": {
            "documented": "view user profiles, reset passwords and MFA, unlock accounts, clear sessions; not suspend, create or activate users",
            "inferred": "reading groups; no profile edits or temporary access codes",
            "label": "Help Desk Administrator",
            "permissions": [
                "okta.users.read",
                "okta.users.lifecycle.unlock",
                "okta.users.lifecycle.clearSessions",
                "okta.users.credentials.resetFactors",
                "okta.users.credentials.resetPassword",
                "okta.groups.read",
            ],
            "sources": [
                {
                    "fact": "label",
                    "kind": "documented",
                    "source": "help-help-desk-admin",
                },
                {
                    "fact": "okta.users.read",
                    "kind": "documented",
                    "note": '"View user profiles"',
                    "source": "help-help-desk-admin",
                },
                {
                    "fact": "okta.users.lifecycle.unlock",
                    "kind": "documented",
                    "note": '"Unlock account"',
                    "source": "help-help-desk-admin",
                },
                {
                    "fact": "okta.users.lifecycle.clearSessions",
                    "kind": "documented",
                    "note": '"Clear user session"',
                    "source": "help-help-desk-admin",
                },
                {
                    "fact": "okta.users.credentials.resetFactors",
                    "kind": "documented",
                    "note": '"Reset Multifactor Authentication"',
                    "source": "help-help-desk-admin",
                },
                {
                    "fact": "okta.users.credentials.resetPassword",
                    "kind": "documented",
                    "note": '"Reset password"',
                    "source": "help-help-desk-admin",
                },
                {
                    "fact": "okta.groups.read",
                    "kind": "inferred",
                    "note": "it works on the users of the groups it is assigned",
                    "source": "help-help-desk-admin",
                },
            ],
        },
        "ORG_ADMIN": {
            "documented": "manage users, groups and apps; not add, remove or view administrators",
            "inferred": "temporary access codes through okta.users.manage",
            "label": "Organization Administrator",
            "permissions": [
                "okta.users.manage",
                "okta.groups.manage",
                "okta.apps.manage",
                "okta.logs.read",
            ],
            "sources": [
                {
                    "fact": "label",
                    "kind": "documented",
                    "source": "help-admin-comparison",
                },
                {
                    "fact": "okta.users.manage",
                    "kind": "documented",
                    "note": "the user management rows",
                    "source": "help-admin-comparison",
                },
                {
                    "fact": "okta.groups.manage",
                    "kind": "documented",
                    "note": "the group management rows",
                    "source": "help-admin-comparison",
                },
                {
                    "fact": "okta.apps.manage",
                    "kind": "documented",
                    "note": "the application management rows",
                    "source": "help-admin-comparison",
                },
                {
                    "fact": "okta.logs.read",
                    "kind": "inferred",
                    "note": 'the "View System Log (system events)" row; the page\'s columns cannot be told apart in its text, and an org admin sees more than a read-only one',
                    "source": "help-admin-comparison",
                },
            ],
        },
        "READ_ONLY_ADMIN": {
            "documented": "view users, groups, apps and the System Log; change nothing; not view administrators",
            "inferred": "",
            "label": "Read-only Administrator",
            "permissions": [
                "okta.users.read",
                "okta.groups.read",
                "okta.apps.read",
                "okta.logs.read",
            ],
            "sources": [
                {
                    "fact": "label",
                    "kind": "documented",
                    "source": "help-read-only-admin",
                },
                {
                    "fact": "okta.users.read",
                    "kind": "documented",
                    "note": "Users",
                    "source": "help-read-only-admin",
                },
                {
                    "fact": "okta.groups.read",
                    "kind": "documented",
                    "note": "Groups",
                    "source": "help-read-only-admin",
                },
                {
                    "fact": "okta.apps.read",
                    "kind": "documented",
                    "note": "Apps and app instances",
                    "source": "help-read-only-admin",
                },
                {
                    "fact": "okta.logs.read",
                    "kind": "documented",
                    "note": "System Log",
                    "source": "help-read-only-admin",
                },
            ],
        },
        "REPORT_ADMIN": {
            "documented": "view and download reports and the System Log, nothing else",
            "inferred": "no other admin-role permission that oktakit operations need (okta.reports.read is an OAuth scope, not a role permission)",
            "label": "Report Administrator",
            "permissions": ["okta.logs.read"],
            "sources": [
                {
                    "fact": "label",
                    "kind": "documented",
                    "source": "help-admin-comparison",
                },
                {
                    "fact": "okta.logs.read",
                    "kind": "documented",
                    "note": '"View and download the System Log"',
                    "source": "help-report-admin",
                },
                {
                    "fact": "okta.logs.read",
                    "kind": "documented",
                    "note": "its other capability, reports, appears only as the OAuth scope okta.reports.read, no role permission; the System Log is all it grants here",
                    "source": "docs-oauth-scopes",
                },
            ],
        },
        "SUPER_ADMIN": {
            "documented": "every admin task, including adding, removing and viewing administrators",
            "inferred": "",
            "label": "Super Administrator",
            "permissions": ["*"],
            "sources": [
                {
                    "fact": "label",
                    "kind": "documented",
                    "source": "help-admin-comparison",
                },
                {
                    "fact": "*",
                    "kind": "documented",
                    "note": '"Super admins can perform all admin tasks for an org"',
                    "source": "help-admin-comparison",
                },
            ],
        },
        "USER_ADMIN": {
            "documented": "create, activate, deactivate, suspend and unlock the users of its groups (all users when unconstrained), reset their passwords and factors, edit their profiles",
            "inferred": "temporary access codes through okta.users.manage; reading its groups; no okta.iam.read",
            "label": "Group Administrator",
            "permissions": ["okta.users.manage", "okta.groups.read"],
            "sources": [
                {"fact": "label", "kind": "documented", "source": "help-group-admin"},
                {
                    "fact": "okta.users.manage",
                    "kind": "documented",
                    "source": "help-group-admin",
                },
                {
                    "fact": "okta.groups.read",
                    "kind": "inferred",
                    "note": "a group admin renames and describes its groups, so it reads them",
                    "source": "help-group-admin",
                },
            ],
        },
    },
}
