# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
"""Okta's rate-limit buckets from okta_spec/rate_limits.yaml: the rules that match requests to
each bucket and its default per-minute limits per edition.
"""

from typing import Any, Final

RATE_LIMITS: Final[dict[str, Any]] = {
    "buckets": {
        "/": {
            "per-minute": {
                "enterprise": 600,
                "integrator_free": 100,
                "one_app": 600,
                "workforce": 1200,
            },
            "rules": [{"match": "prefix", "path": "/"}],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "note": "what the table does not name falls in /",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "per-minute",
                    "kind": "inferred",
                    "note": "Okta publishes no default for the catch-all; we assume that of /api/v1",
                    "source": "docs-rl-mgmt",
                },
            ],
        },
        "/api/v1": {
            "per-minute": {
                "enterprise": 600,
                "integrator_free": 100,
                "one_app": 600,
                "workforce": 1200,
            },
            "rules": [{"match": "prefix", "path": "/api/v1"}],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "note": "authenticators count here",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "rules",
                    "kind": "recorded",
                    "note": "limit 100 on a 2021 developer org: the free plan's /api/v1 default",
                    "source": "rec-list-authenticators",
                },
                {
                    "fact": "per-minute",
                    "kind": "documented",
                    "note": '"Most other API actions"',
                    "source": "docs-rl-mgmt",
                },
            ],
        },
        "/api/v1/apps": {
            "per-minute": {
                "enterprise": 100,
                "integrator_free": 20,
                "one_app": 100,
                "workforce": 100,
            },
            "rules": [{"match": "prefix", "path": "/api/v1/apps"}],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "note": "/apps/{id}/grants counts here",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "rules",
                    "kind": "documented",
                    "note": '"all other endpoints of the form /api/v1/apps/*"',
                    "source": "docs-rl-mgmt",
                },
                {"fact": "per-minute", "kind": "documented", "source": "docs-rl-mgmt"},
            ],
        },
        "/api/v1/groups": {
            "per-minute": {
                "enterprise": 600,
                "integrator_free": 100,
                "one_app": 600,
                "workforce": 500,
            },
            "rules": [{"match": "prefix", "path": "/api/v1/groups"}],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "note": "list and create groups and every /groups/{id}/... sub-resource (members, roles) count here",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "rules",
                    "kind": "recorded",
                    "note": "POST /groups and PUT, GET, DELETE of members count down one counter of 500 (483 to 479)",
                    "source": "rec-group-users-operations",
                },
                {
                    "fact": "per-minute",
                    "kind": "documented",
                    "note": '"Create or list groups"',
                    "source": "docs-rl-mgmt",
                },
            ],
        },
        "/api/v1/groups/{id}": {
            "per-minute": {
                "enterprise": 600,
                "integrator_free": 100,
                "one_app": 600,
                "workforce": 1000,
            },
            "rules": [
                {
                    "match": "exact",
                    "methods": ["GET", "PUT", "DELETE"],
                    "path": "/api/v1/groups/{id}",
                }
            ],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "rules",
                    "kind": "recorded",
                    "note": "GET and DELETE /groups/{id} count down a counter of 1000 apart from POST /groups (500)",
                    "source": "rec-create-get-group",
                },
                {
                    "fact": "per-minute",
                    "kind": "documented",
                    "note": '"Get, update, or delete a group by ID"',
                    "source": "docs-rl-mgmt",
                },
            ],
        },
        "/api/v1/iam": {
            "per-minute": {
                "enterprise": 600,
                "integrator_free": 100,
                "one_app": 600,
                "workforce": 1200,
            },
            "rules": [{"match": "prefix", "path": "/api/v1/iam"}],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "note": "roles and resource sets count here",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "per-minute",
                    "kind": "inferred",
                    "note": 'Okta publishes no default for it; we assume that of "Most other API actions" (/api/v1)',
                    "source": "docs-rl-mgmt",
                },
            ],
        },
        "/api/v1/logs": {
            "per-minute": {
                "enterprise": 50,
                "integrator_free": 20,
                "one_app": 50,
                "workforce": 120,
            },
            "rules": [{"match": "exact", "methods": ["GET"], "path": "/api/v1/logs"}],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "note": "GET /api/v1/logs counts in /api/v1/logs (the legacy /api/v1/events has a bucket of its own)",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "per-minute",
                    "kind": "documented",
                    "note": '"Get System Log data: /api/v1/logs"',
                    "source": "docs-rl-mgmt",
                },
                {
                    "fact": "per-minute",
                    "kind": "documented",
                    "note": "its example: an org-wide /api/v1/logs bucket of 120 a minute leaves one API token 60",
                    "source": "docs-rl-token-oauth",
                },
            ],
        },
        "/api/v1/users": {
            "per-minute": {
                "enterprise": 600,
                "integrator_free": 100,
                "one_app": 600,
                "workforce": 600,
            },
            "rules": [
                {"match": "prefix", "path": "/api/v1/users"},
                {
                    "match": "exact",
                    "methods": ["POST", "PUT"],
                    "path": "/api/v1/users/me",
                },
            ],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "note": "list, create, every /users/{id}/... sub-resource (lifecycle, groups, roles, authenticator enrollments) and POST|PUT /users/me count here",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "rules",
                    "kind": "recorded",
                    "note": "create user, list the user's groups and deactivate count down one counter (49, 48, 47) with one reset",
                    "source": "rec-list-user-groups",
                },
                {"fact": "rules", "kind": "recorded", "source": "rec-list-user-blocks"},
                {
                    "fact": "rules",
                    "kind": "recorded",
                    "note": "create, suspend, list and unsuspend count down one counter (596 to 592) with one reset",
                    "source": "rec-suspend-user",
                },
                {
                    "fact": "rules",
                    "kind": "recorded",
                    "note": "in 2020 deactivate still counted with POST and DELETE /users/{id} (597, 596, 595); Okta's 2022 table and the 2025 answers count it here",
                    "source": "rec-update-user-profile",
                },
                {
                    "fact": "per-minute",
                    "kind": "documented",
                    "note": '"Create or list users"',
                    "source": "docs-rl-mgmt",
                },
            ],
        },
        "/api/v1/users/me": {
            "per-minute": {
                "enterprise": 1000,
                "integrator_free": 100,
                "one_app": 1000,
                "workforce": 2000,
            },
            "rules": [
                {"match": "exact", "methods": ["GET"], "path": "/api/v1/users/me"}
            ],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "rules",
                    "kind": "documented",
                    "note": "listed as a bucket of its own",
                    "source": "docs-rl-dynamic-scale",
                },
                {
                    "fact": "per-minute",
                    "kind": "inferred",
                    "note": "Okta publishes no default for it; we assume that of GET /api/v1/users/{idOrLogin}",
                    "source": "docs-rl-mgmt",
                },
            ],
        },
        "/api/v1/users/{id:.+}": {
            "per-minute": {
                "enterprise": 1000,
                "integrator_free": 100,
                "one_app": 1000,
                "workforce": 2000,
            },
            "rules": [
                {"match": "exact", "methods": ["GET"], "path": "/api/v1/users/{id}"}
            ],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "rules",
                    "kind": "documented",
                    "note": "the dashboard's name for GET /api/v1/users/{idOrLogin}",
                    "source": "docs-rl-dynamic-scale",
                },
                {
                    "fact": "rules",
                    "kind": "recorded",
                    "note": "GET by id and by login count down one counter of 2000, apart from create and deactivate",
                    "source": "rec-create-get-user",
                },
                {
                    "fact": "per-minute",
                    "kind": "documented",
                    "note": '"Get a user by ID or sign in"',
                    "source": "docs-rl-mgmt",
                },
            ],
        },
        "/api/v1/users/{id}": {
            "per-minute": {
                "enterprise": 600,
                "integrator_free": 100,
                "one_app": 600,
                "workforce": 600,
            },
            "rules": [
                {
                    "match": "exact",
                    "methods": ["POST", "PUT", "DELETE"],
                    "path": "/api/v1/users/{id}",
                }
            ],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "rules",
                    "kind": "documented",
                    "note": '"Only POST, PUT, or DELETE to /api/v1/users/{id}"',
                    "source": "docs-rl-mgmt",
                },
                {
                    "fact": "rules",
                    "kind": "recorded",
                    "note": "PUT and DELETE share a counter apart from create and deactivate (reset ...302 against ...300)",
                    "source": "rec-replace-user",
                },
                {
                    "fact": "per-minute",
                    "kind": "documented",
                    "note": '"Update or delete a user by ID"',
                    "source": "docs-rl-mgmt",
                },
            ],
        },
        "/oauth2/v1": {
            "per-minute": {
                "enterprise": 1200,
                "integrator_free": 300,
                "one_app": 1200,
                "workforce": 2000,
            },
            "rules": [{"match": "prefix", "path": "/oauth2/v1"}],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "per-minute",
                    "kind": "documented",
                    "note": '"OAuth2 requests for the Org Authorization Server"',
                    "source": "docs-rl-enduser",
                },
            ],
        },
        "/oauth2/v1/clients": {
            "per-minute": {
                "enterprise": 100,
                "integrator_free": 25,
                "one_app": 100,
                "workforce": 100,
            },
            "rules": [{"match": "prefix", "path": "/oauth2/v1/clients"}],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "note": "a client's roles count here",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "per-minute",
                    "kind": "documented",
                    "note": '"OAuth2 client configuration requests"',
                    "source": "docs-rl-mgmt",
                },
            ],
        },
        "/oauth2/v1/token": {
            "per-minute": {
                "enterprise": 1200,
                "integrator_free": 300,
                "one_app": 1200,
                "workforce": 2000,
            },
            "rules": [{"match": "exact", "path": "/oauth2/v1/token"}],
            "sources": [
                {
                    "fact": "rules",
                    "kind": "documented",
                    "source": "tf-rate-limit-lines",
                },
                {
                    "fact": "per-minute",
                    "kind": "documented",
                    "source": "docs-rl-enduser",
                },
                {
                    "fact": "per-minute",
                    "kind": "recorded",
                    "note": "limit 150 on an Integrator Free org: half of its 300, the app's default share",
                    "source": "rec-dpop-token",
                },
            ],
        },
    },
    "client_share": {
        "default": 0.5,
        "headers": "client",
        "sources": [
            {
                "fact": "default",
                "kind": "documented",
                "note": '"each API token or OAuth 2.0 app can use up to 50% of a bucket\'s total rate limit"',
                "source": "docs-rl-token-oauth",
            },
            {
                "fact": "headers",
                "kind": "recorded",
                "note": "X-Rate-Limit-Limit 50 on /api/v1/users, whose Integrator Free default is 100",
                "source": "rec-list-user-groups",
            },
            {
                "fact": "headers",
                "kind": "recorded",
                "note": "X-Rate-Limit-Limit 150 on /oauth2/v1/token, whose Integrator Free default is 300",
                "source": "rec-dpop-token",
            },
            {
                "fact": "headers",
                "kind": "inferred",
                "note": 'the docs call the numbers "org-wide"; the recorded answers suggest the client\'s share, so oktakit paces correctly either way',
                "source": "docs-rl-monitor",
            },
        ],
    },
    "concurrency": {
        "per-edition": {
            "enterprise": 75,
            "integrator_free": 35,
            "one_app": 35,
            "workforce": 75,
        },
        "sources": [
            {
                "fact": "per-edition",
                "kind": "documented",
                "note": "Integrator Free 35, Workforce 75",
                "source": "docs-rl-concurrency",
            },
            {
                "fact": "per-edition",
                "kind": "documented",
                "note": "One App 35, Enterprise 75 (that older page gave the free plan 15)",
                "source": "docs-rl-additional",
            },
        ],
    },
    "default_edition": "workforce",
    "edition_names": {
        "enterprise": "Enterprise",
        "integrator_free": "Integrator Free Plan",
        "one_app": "One App",
        "workforce": "Workforce Identity",
    },
    "editions": ["integrator_free", "one_app", "enterprise", "workforce"],
    "matching": {
        "rule": "exact rules first (the most specific one), then the longest prefix; per HTTP method",
        "sources": [
            {
                "fact": "rule",
                "kind": "documented",
                "note": '"The matching algorithm processes all exact match endpoints first", then "the Longest Match is used"; "The most specific configuration always wins"',
                "source": "docs-rl-overview",
            },
            {
                "fact": "rule",
                "kind": "documented",
                "note": 'a bucket ending in an asterisk (/api/v1/users*) is a longest-match bucket; "the same request with different operations can count towards different limits"',
                "source": "docs-rl-monitor",
            },
            {
                "fact": "rule",
                "kind": "inferred",
                "note": "between exact rules, literal segments beat parameters: GET /api/v1/users/me has a bucket of its own beside GET /api/v1/users/{id}",
                "source": "tf-rate-limit-lines",
            },
        ],
    },
}
