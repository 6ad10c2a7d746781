"""Mutation testing of the simulator's rule modules and the SDK's core (`nox -s mutation`).

mutmut 3 names mutants after the module path with only a ``src.`` prefix stripped, so the run
happens in a staging copy of the repository (``.mutation/``, git-ignored) where ``sdk/`` is
laid out as ``src/``. mutmut records which tests reach each mutated function and runs only
those, in forked workers; the test universe is the fast, in-process part of the suite.

    python tools/mutation.py [--max-children 2]           # everything, in a fresh staging copy
    python tools/mutation.py bulk/_steps.py ...           # these modules, in the staging copy kept
    python tools/mutation.py --recheck [mutant glob ...]  # after a change: new mutants, survivors
    python tools/mutation.py --report-only

Prints every surviving mutant with its diff, then the score per module. Each survivor must be
killed by a new test or explained in ``JUSTIFIED`` below (equivalent mutants only: a survivor
that shows a gap in the tests gets a test). A mutant that no test reaches counts as a survivor.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGE = Path(os.environ.get("OKTAKIT_MUTATION_STAGE") or ROOT / ".mutation")

# What is mutated: the simulator modules that hold Okta's rules (lifecycle, search, the user
# index, permissions, rate limits) and the SDK's core: errors, pagination, token handling, the
# transport, the exchange with aiohttp, the pacer (with its budget, hints, clock and buckets),
# retries, the bulk executor (its journal, steps and actions), the preflight and permissions,
# and the argument checks. Some 8,500 mutants: hours on two cores, so run it a few modules at a
# time, several in one invocation (each report shows every survivor of the stage, which takes
# minutes; 1,300 mutants of the hot path took 50 minutes on a loaded machine). The
# simulator's OAuth modules are held to Okta's catalogues by
# tests/simulator/test_error_catalogues.py instead.
MODULES = {
    "simulator": [
        "testing/_lifecycle.py",
        "testing/_query.py",
        "testing/_users.py",
        "testing/_permissions.py",
        "testing/_ratelimit.py",
    ],
    "sdk": [
        "errors.py",
        "_arguments.py",
        "_http/pagination.py",
        "_http/transport.py",
        "_http/exchange.py",
        "_http/ratelimit.py",
        "_http/budget.py",
        "_http/hints.py",
        "_http/clock.py",
        "_http/buckets.py",
        "_http/retry.py",
        "auth/_oauth.py",
        "bulk/_journal.py",
        "bulk/_journal_file.py",
        "bulk/_executor.py",
        "bulk/_steps.py",
        "bulk/_actions.py",
        "bulk/_run.py",
        # permissions/__init__.py only re-exports: it has nothing to mutate.
        "permissions/_check.py",
        "permissions/_grants.py",
        "permissions/_preflight.py",
        "permissions/_requirements.py",
        "permissions/_roles.py",
        "permissions/_setup_steps.py",
        "permissions/_terraform.py",
        "permissions/_verdict.py",
    ],
}
# The tests mutmut may pick from: everything that runs in-process and fast. Subprocess, spec
# and generator tests cannot see an in-process mutant and only cost time.
TESTS = [
    "tests/simulator",
    "tests/client",
    "tests/http",
    "tests/permissions",
    "tests/auth",
    "tests/e2e",
    "tests/bulk",
    "tests/hardening",
    # The shared budget's tests run in-process against a real redis-server the session starts
    # (oktakit.testing.RedisServer): the pacer's way through Redis is reached only here.
    "tests/shared",
]
# A test that runs past this is stuck (the slowest in-process test takes about 12 s on an idle
# machine): it fails, so the mutant that hung it counts as detected.
TIMEOUT = ["--timeout=60"]  # pytest-timeout, of the mutation extra
# Tests that start a Python subprocess, which imports the unmutated package.
SUBPROCESS_TESTS = [
    "tests/simulator/test_seed_and_runner.py::test_run_simulator_serves_until_interrupted",
    "tests/client/test_import.py",
    "tests/http/test_allocator.py",
    "tests/simulator/test_pytest_plugin.py",
    "tests/e2e/test_admin_tokens.py::test_the_admins_walk_sim_then_check_with_its_printed_token_passes",
    "tests/permissions/test_permissions.py::test_a_reader_that_goes_away_gets_no_traceback",
    # The bulk CLI's runs: the in-process tests of tests/bulk hold the executor to the same rules.
    "tests/bulk/test_cli.py",
    "tests/bulk/test_disk_full_and_reports.py::test_a_file_size_limit_stops_the_cli_with_exit_2_and_a_rerun_finishes",
    "tests/bulk/test_disk_full_and_reports.py::test_a_report_that_cannot_be_written_is_refused_before_any_user_is_touched",
    "tests/bulk/test_files.py::test_a_journal_that_is_the_ids_file_is_refused_and_left_as_it_was",
    "tests/bulk/test_files.py::test_a_report_that_is_the_journal_or_the_ids_file_is_refused_before_any_request",
    "tests/bulk/test_files.py::test_ids_on_stdin_that_is_the_journal_are_refused",
    "tests/bulk/test_files.py::test_a_fifo_as_journal_is_refused_without_waiting_for_a_writer",
    "tests/bulk/test_files.py::test_a_journal_held_by_another_process_is_refused",
    "tests/bulk/test_hostile_inputs.py::test_the_cli_refuses_a_concurrency_outside_its_range",
    "tests/bulk/test_hostile_inputs.py::test_an_ids_file_that_is_not_utf8_is_refused_before_any_request",
    "tests/bulk/test_hostile_inputs.py::test_ids_on_stdin_that_are_not_utf8_stop_the_run_with_exit_2",
    "tests/bulk/test_hostile_inputs.py::test_a_csv_that_cannot_be_read_is_refused_before_any_request",
    "tests/bulk/test_hostile_inputs.py::test_an_ids_path_that_is_a_directory_or_missing_is_exit_2",
    "tests/bulk/test_kill_and_soak.py::test_sigkill_at_random_moments_then_resume_loses_and_repeats_nothing",
    "tests/bulk/test_one_user.py::test_the_cli_report_names_each_user_once_with_its_id",
    "tests/bulk/test_undo_exactness.py::test_after_an_interrupted_attempt_undo_reverses_only_the_users_this_job_moved",
    "tests/shared/test_shared_budget.py::test_four_processes_sharing_one_bucket_through_redis_all_finish_without_429s",
    "tests/shared/test_redis_journal.py::test_a_killed_workers_items_are_taken_over_and_every_item_ends_once",
    "tests/shared/test_redis_journal.py::test_the_cli_runs_a_job_whose_journal_is_in_redis",
]

# In-process tests that take seconds each (real-time waits, long soaks, CLI runs through the
# simulator): a mutant of the pacer or the transport reaches them all, and they cost most of a
# run's time. Faster tests state the same rules (the pacer on looptime's clock, the executor on
# small jobs); these still run in the suite.
SLOW_TESTS = [
    "tests/bulk/test_kill_and_soak.py::test_fault_soak_ends_with_every_user_suspended_and_one_record_each",
    "tests/bulk/test_kill_and_soak.py::test_containment_killed_at_random_moments_resumes_with_one_outcome_per_user_and_step",
    "tests/bulk/test_contain_cli.py",
    "tests/hardening/test_fuzz_cli.py::test_parsing_yields_usable_values_or_a_usage_error",
    "tests/http/test_rate_limits_and_retries.py::test_five_windows_of_concurrent_get_user_are_paced_without_a_single_429",
    "tests/bulk/test_outcomes.py::test_a_rate_limited_run_finishes_every_item_with_no_429_after_the_first_window",
    "tests/bulk/test_hostile_inputs.py::test_a_closed_stdin_is_a_usage_error_not_a_traceback",
]

# Tests that watch CPython free an object at its last reference: mutmut's trampolines keep
# references of their own while collecting which tests reach which function.
LIFETIME_TESTS = [
    "tests/bulk/test_journal_file.py::test_the_spool_of_a_run_without_journal_is_removed_with_the_run",
]

# Survivors that no test should kill, as {mutant name: reason}. Keep each reason specific.
_UNPUBLISHED_CAUSE = (
    "wording of an errorCause Okta does not publish (its docs give only 400 E0000001 for a "
    "suspend/unsuspend in the wrong status); tests pin code, status and summary from the catalogue"
)
JUSTIFIED: dict[str, str] = {
    # -- SDK: the pacer (ratelimit, hints, clock, buckets)
    **dict.fromkeys(
        [
            *(f"oktakit._http.budget.xǁBudgetǁupdate__mutmut_{n}" for n in (6, 7)),
            "oktakit._http.budget.xǁBudgetǁreshare__mutmut_3",
            *(f"oktakit._http.budget.xǁBudgetǁadmits__mutmut_{n}" for n in (5, 6)),
        ],
        "a budget's limit is never 0 (-1: no headers): a limit of 0 is a concurrency 429, which "
        "_learn keeps away from update()",
    ),
    **dict.fromkeys(
        [f"oktakit._http.ratelimit.xǁPacerǁ__init____mutmut_{n}" for n in (21, 22)],
        "successes are counted only below max_in_flight, after a concurrency 429 set them to 0",
    ),
    **dict.fromkeys(
        [f"oktakit._http.clock.xǁServerClockǁ__init____mutmut_{n}" for n in (3, 4, 5, 6)],
        "the first Date is always parsed (no Date is '', None or 'XXXX'), which sets _date and _epoch",
    ),
    "oktakit._http.ratelimit.xǁPacerǁrelease__mutmut_33": (
        "every reader of the 'answers carry no numbers' mark tests limit < 0: -1 and -2 alike"
    ),
    "oktakit._http.budget.xǁBudgetǁrefused__mutmut_1": (
        "reserve is never below refused_with, so a refusal with as much left as before changes nothing"
    ),
    "oktakit._http.ratelimit.xǁPacerǁacquire__mutmut_5": "None is as falsy as False",
    "oktakit._http.ratelimit.xǁPacerǁlimit_share__mutmut_1": (
        "_share's message names max_share itself: the attribute it is given is never read"
    ),
    "oktakit._http.ratelimit.xǁPacerǁlimit_share__mutmut_18": (
        "a share is at most 1 (validated first), so a default of 1 or 2 never wins the min()"
    ),
    "oktakit._http.ratelimit.xǁPacerǁ_schedule_reset__mutmut_1": (
        "an extra reset timer only wakes the bucket once more, and a wake re-checks admits()"
    ),
    "oktakit._http.ratelimit.x_rate_limit_state__mutmut_7": (
        "unreachable: resets are read bounded by hints.MAX_EPOCH, which datetime always holds"
    ),
    "oktakit._http.clock.xǁServerClockǁobserve__mutmut_23": (
        "a Date read again exactly AGREEMENT later is kept as a second entry instead of counted: "
        "_estimate confirms the two as neighbours within AGREEMENT, the same estimate"
    ),
    "oktakit._http.buckets.x_bucket_for__mutmut_8": (
        "Okta's table has a catch-all rule (bucket '/', a prefix of every path), so match() over "
        "it never returns None and the fallback is never used"
    ),
    **dict.fromkeys(
        [f"oktakit._http.buckets.x_shadowed_path__mutmut_{n}" for n in (3, 8, 9)],
        "a path taken as shadowed is matched by Okta's rules, which give every operation's own "
        "bucket for its paths (test_every_operation_is_declared_in_the_bucket...): the shadows "
        "only save that lookup; a path shorter than its template (an empty id) is refused earlier",
    ),
    "oktakit._http.buckets.x__applicable__mutmut_8": (
        "size == length is admitted by the first clause already, so < and <= admit the same"
    ),
    **dict.fromkeys(
        [f"oktakit._http.buckets.x_match__mutmut_{n}" for n in (6, 7, 8, 9, 10)],
        "any starting score whose first element is below 0 is below every rule's (int(exact) >= 0)",
    ),
    **dict.fromkeys(
        [
            *(f"oktakit._http.buckets.x_match__mutmut_{n}" for n in (24, 27)),
            *(f"oktakit._http.buckets.x_shadowing__mutmut_{n}" for n in (14, 17)),
        ],
        "zip(strict=None) and zip() are zip(strict=False)",
    ),
    "oktakit._http.buckets.x_match__mutmut_33": (
        "only a tie could tell, and no two of Okta's rules of different buckets tie on a path both "
        "match (checked over okta_rules() for every pair)"
    ),
    # -- SDK: retries
    "oktakit._http.retry.xǁRetrierǁnext_wait__mutmut_1": (
        "the default of waited is never used: the transport, its one caller, always passes it"
    ),
    **dict.fromkeys(
        [f"oktakit._http.retry.xǁRetrierǁ_decide__mutmut_{n}" for n in (7, 21, 23, 40, 48)],
        "the wait returned with a reason to stop is never read (next_wait returns None then)",
    ),
    "oktakit._http.retry.x__deadline__mutmut_2": "_positive never reads the instance it is given",
    "oktakit._http.retry.x_backoff__mutmut_32": (
        "the exponent's cap only keeps the float finite: after 64 doublings any wait_initial above "
        "wait_max / 2**64 (about 1.6e-18 s for 30 s) is past wait_max either way"
    ),
    "oktakit._http.retry.x__stamina_attempts__mutmut_5": (
        "stamina.is_testing() is true only while its CONFIG.testing is set, so it is never None here"
    ),
    "oktakit._http.retry.x__stamina_attempts__mutmut_9": (
        "with cap=True stamina takes min(attempts, ours); the policy's own attempts are checked "
        "first in _decide, so that cap changes no decision"
    ),
    # -- SDK: permissions and the preflight
    "oktakit.permissions._preflight.x_run_preflight__mutmut_1": (
        "every caller (OktaClient.preflight) passes bulk"
    ),
    **dict.fromkeys(
        [f"oktakit.permissions._preflight.x__scopes__mutmut_{n}" for n in (18, 89)],
        "scopeId is required in a grant (the model refuses one without it), so no scope id is ever ''",
    ),
    **dict.fromkeys(
        [f"oktakit.permissions._preflight.x__scopes__mutmut_{n}" for n in (26, 27)],
        "only the status REVOKED matters; any other default for a grant without a status counts alike",
    ),
    **dict.fromkeys(
        [
            *(f"oktakit.permissions._roles.x_admin_roles__mutmut_{n}" for n in (23, 24, 35, 65)),
            *(f"oktakit.permissions._roles.x__evaluate__mutmut_{n}" for n in (11, 105, 106, 115)),
            "oktakit.permissions._roles.x_text__mutmut_6",
        ],
        "a fallback for a field the model requires (a user's id and profile, a role's type, a "
        "permission's label) or has (text() reads attributes every model defines): never used",
    ),
    "oktakit.permissions._roles.x__resource_set__mutmut_42": (
        "an ORN-less resource splits to no kind either way ('' and 'XXXX' have no fifth part)"
    ),
    "oktakit.permissions._roles.x__resource_set__mutmut_55": (
        "Okta's group ORNs end at ':contained_resources', so [2:3] and [2:4] hold the same"
    ),
    **dict.fromkeys(
        [f"oktakit.permissions._verdict.x__judge_group__mutmut_{n}" for n in (21, 23, 26)],
        "the default is never taken: the custom role always holds one alternative of every group",
    ),
    **dict.fromkeys(
        [f"oktakit.permissions._verdict.x__judge_group__mutmut_{n}" for n in (29, 32, 33)],
        "an alternative and its outcomes always have one entry per permission (strict never fires)",
    ),
    "oktakit.permissions._verdict.x__best__mutmut_4": "the why of 'no permission' is never shown",
    **dict.fromkeys(
        [f"oktakit.permissions._verdict.x__outcome__mutmut_{n}" for n in (20, 22)],
        "a kind reached in part always has its limits (ResourceSetView is built with both)",
    ),
    **dict.fromkeys(
        [f"oktakit.auth._oauth.xǁServiceAppAuthorizerǁ_assertion__mutmut_{n}" for n in (11, 19, 24, 25)],
        "authlib adds a random jti itself when the claims carry none (rfc7523 assertion._sign)",
    ),
    **dict.fromkeys(
        [f"oktakit.auth._oauth.xǁServiceAppAuthorizerǁafter_response__mutmut_{n}" for n in (25, 27, 31)],
        "the default of a header every signed request carries (Authorization) is never used",
    ),
    "oktakit.auth._oauth.xǁServiceAppAuthorizerǁ__init____mutmut_20": (
        "an initial failure of '' instead of None is never raised: it is the value each waiter "
        "captured, and only a different failure object is raised"
    ),
    "oktakit.auth._oauth.xǁAccessTokenǁfresh__mutmut_1": (
        "< or <= at the exact refresh instant of a float monotonic clock: no observable difference"
    ),
    **dict.fromkeys(
        [f"oktakit.auth._oauth.xǁServiceAppAuthorizerǁ_parse_token__mutmut_{n}" for n in (14, 15)],
        "the token type is compared case-insensitively (RFC 6749 section 5.1)",
    ),
    "oktakit.auth._oauth.xǁServiceAppAuthorizerǁaccess_token__mutmut_1": (
        "skips the lock-free fast path only: the locked path re-reads the same cached token"
    ),
    "oktakit.auth._oauth.xǁServiceAppAuthorizerǁ_post_token_request__mutmut_19": (
        "media types are case-insensitive (RFC 9110 section 8.3.1)"
    ),
    **dict.fromkeys(
        [f"oktakit.auth._oauth.xǁServiceAppAuthorizerǁ_learn_clock__mutmut_{n}" for n in (12, 14, 15)],
        "the 2 s dead band is our own choice for a Date header of one-second resolution; offsets "
        "that small change no whole-second iat, and no source fixes the exact boundary",
    ),
    "oktakit.auth._oauth.x__asks_for_nonce__mutmut_11": "'use_dpop_nonce' is in neither '' nor 'XXXX'",
    **dict.fromkeys(
        [
            "oktakit.auth._oauth.xǁServiceAppAuthorizerǁ_retry_reason__mutmut_4",
            "oktakit.auth._oauth.xǁServiceAppAuthorizerǁ_hint__mutmut_4",
        ],
        "a missing description read as 'xxxx' instead of '' holds none of the words looked for",
    ),
    **dict.fromkeys(
        [f"oktakit.auth._oauth.xǁServiceAppAuthorizerǁ_retry_reason__mutmut_{n}" for n in (31, 32)],
        "the 5 s threshold is our own tolerance (Date has 1 s resolution; clock fixes are tens of "
        "seconds); no source fixes its exact boundary, so a test could only restate it",
    ),
    **dict.fromkeys(
        [f"oktakit._http.pagination.x__split_links__mutmut_{n}" for n in (7, 8, 19)],
        "nesting depth of '<' inside '<...>': RFC 3986 URIs cannot contain '<' or '>', so a valid "
        "Link header never nests",
    ),
    # -- simulator
    **dict.fromkeys(
        [f"oktakit.testing._query.xǁ_Parserǁ_expr__mutmut_{n}" for n in (9, 15, 16)],
        "any Logical op other than 'and' is evaluated as 'or', so renaming 'or' changes nothing",
    ),
    **dict.fromkeys(
        [f"oktakit.testing._query.xǁ_Parserǁ_factor__mutmut_{n}" for n in (10, 14, 16, 17, 18, 19, 20, 21)],
        "a keyword let through as an attribute name fails one step later as an unknown attribute, "
        "with the same 400 E0000031",
    ),
    "oktakit.testing._query.x_sort_key__mutmut_12": (
        "the value standing in for a missing date is never compared: users without it sort apart"
    ),
    **dict.fromkeys(
        ["oktakit.testing._query.x_sort_key__mutmut_19", "oktakit.testing._query.x_sort_key__mutmut_22"],
        "a constant shared by every key of one attribute (numbers, or strings) orders nothing",
    ),
    "oktakit.testing._query.x_sort_key__mutmut_25": (
        "only values that are neither strings nor numbers reach str(): booleans, whose order Okta "
        "does not define (missing values sort apart)"
    ),
    "oktakit.testing._query.x__lower__mutmut_4": (
        "needles are lower-cased, so they never match 'XXXX'; only a sort by a boolean attribute "
        "(order undefined by Okta) could tell"
    ),
    "oktakit.testing._permissions.x_grants_for__mutmut_2": "None is as falsy as False",
    **dict.fromkeys(
        [
            "oktakit.testing._permissions.x_grants_for__mutmut_20",
            "oktakit.testing._permissions.xǁAuthorizerǁauthorize__mutmut_32",
        ],
        "a missing id looked up as 'XXXX' instead of '' finds nothing either",
    ),
    **dict.fromkeys(
        [f"oktakit.testing._users.xǁUserDirectoryǁ_unindex_login__mutmut_{n}" for n in (10, 12, 17)],
        "every indexed login has its shortname entry, so the defaults for a missing one are never used",
    ),
    "oktakit.testing._users.xǁUserDirectoryǁ_unindex_login__mutmut_15": (
        "leaving an empty shortname list behind changes no lookup (an empty list resolves to nobody)"
    ),
    "oktakit.testing._query.xǁ_Parserǁ__init____mutmut_4": (
        "at position == len(text) the token pattern cannot match and nothing is left to strip: "
        "the loop ends either way"
    ),
    "oktakit.testing._query.xǁ_Parserǁ__init____mutmut_16": (
        "match.lastgroup is never None: every alternative of the token pattern is a named group"
    ),
    **dict.fromkeys(
        [f"oktakit.testing._ratelimit.xǁRateLimiterǁconcurrency_decision__mutmut_{n}" for n in (1, 9)],
        "the concurrency path answers 429 without reading Decision.allowed (only its headers)",
    ),
    **dict.fromkeys(
        [
            "oktakit.testing._users.xǁUserDirectoryǁrelogin__mutmut_1",
            "oktakit.testing._users.xǁUserDirectoryǁrelogin__mutmut_3",
        ],
        "skipping the re-index for a case-only change is an optimisation: re-indexing gives the "
        "same lower-cased keys",
    ),
    **dict.fromkeys(
        [
            "oktakit.testing._lifecycle.x_link_names__mutmut_4",
            "oktakit.testing._lifecycle.x_link_names__mutmut_6",
        ],
        "default for an unknown status, which cannot exist: Org.add_user and the state machine "
        "only ever set the eight Okta statuses",
    ),
    "oktakit.testing._lifecycle.x__activation_token__mutmut_6": "Okta publishes no activationToken length",
    **dict.fromkeys(
        [
            *(
                f"oktakit.testing._lifecycle.x_{op}__mutmut_{n}"
                for op in ("suspend", "unsuspend")
                for n in (5, 15, 16, 17)
            ),
            "oktakit.testing._lifecycle.x__require_then_set__mutmut_11",
            "oktakit.testing._lifecycle.x__require_then_set__mutmut_12",
        ],
        _UNPUBLISHED_CAUSE,
    ),
    # -- SDK: _arguments
    "oktakit._arguments.x__encodable__mutmut_5": "codec names are case-insensitive: 'UTF-8' is 'utf-8'",
    "oktakit._arguments.x_path_value__mutmut_3": (
        "skips the fast path only: for plain ASCII text the checks below return the same str"
    ),
    "oktakit._arguments.x_opt__mutmut_1": (
        "opt() only feeds query parameters (limit, sort_order), which the generated builders "
        "drop when None exactly as when UNSET"
    ),
    **dict.fromkeys(
        [f"oktakit._arguments.x_prefer__mutmut_{n}" for n in (1, 5, 6)],
        "DeactivateUserPrefer and DeleteUserPrefer are both the str enum 'respond-async', and the "
        "generated code sends str(prefer): the same Prefer header either way",
    ),
    # -- SDK: permissions (_check, _verdict, _preflight, _requirements)
    "oktakit.permissions._verdict.x__standard_advice__mutmut_3": (
        "standard_role is never None when a permission no custom role holds is missing: SUPER_ADMIN "
        "holds '*' (okta_spec/permissions.yaml), so some standard role always carries it"
    ),
    "oktakit.permissions._verdict.x__standard_advice__mutmut_9": (
        "okta.logs.read is the only permission no custom role can hold (okta_spec/permissions.yaml), "
        "so the list joined has one key and the separator is never written"
    ),
    **dict.fromkeys(
        [f"oktakit.permissions._preflight.x_run_preflight__mutmut_{n}" for n in (61, 62, 63, 72)],
        "with roles None, _verdict returns an empty Verdict: need, credentials and holder are read "
        "only by judge(), which it does not call",
    ),
    **dict.fromkeys(
        [f"oktakit.permissions._requirements.x_containment_table__mutmut_{n}" for n in (18, 19)],
        "each playbook step's operation has one x-okta-permissions alternative in the spec "
        "(revokeUserSessions, revokeUserGrants, resetFactors, expirePassword, suspendUser), so the "
        "separator between alternatives is never written",
    ),
    "oktakit.permissions._requirements.x_markdown_table__mutmut_41": (
        "no operation of the spec needs two others (only createTacAuthenticatorEnrollment has "
        "x-oktakit-needs, one entry), so the separator is never written"
    ),
    # -- SDK: bulk/_journal
    **dict.fromkeys(
        [f"oktakit.bulk._journal.x_decode__mutmut_{n}" for n in (9, 10)],
        "decode's ValueError text is never shown: both readers (file, Redis) replace it with a "
        "JournalError naming the journal and the line",
    ),
    **dict.fromkeys(
        [f"oktakit.bulk._journal.xǁRunRecordǁdifferences__mutmut_{n}" for n in (1, 2)],
        "check_run refuses a version other than SCHEMA before comparing runs, and the run asking "
        "is always SCHEMA: the version phrase is never part of a message",
    ),
    "oktakit.bulk._journal.xǁBulkFailureǁfrom_exception__mutmut_32": (
        "a TransportError has no status attribute and a MalformedResponseError's is always an "
        "int, so the isinstance guard keeps the same value either way"
    ),
    "oktakit.bulk._journal.xǁResumeStateǁ_settle_part__mutmut_21": (
        "a record names its user only when the user differs from the item (_steps.record), so "
        "both names are in parts_done when popped and the default is never needed"
    ),
    # -- SDK: bulk/_journal_file
    "oktakit.bulk._journal_file.x__lines__mutmut_8": (
        "readline(MAX_RECORD + 1) returns exactly MAX_RECORD bytes without a newline only at the "
        "end of the file, where the skipping loop reads nothing: the same line comes back"
    ),
    "oktakit.bulk._journal_file.xǁJournalFileǁ_read__mutmut_35": (
        "every later run record passed check_run against the one kept (equal operation, org, "
        "arguments, version, undo_of), so keeping the later one compares the same fields"
    ),
    **dict.fromkeys(
        [f"oktakit.bulk._journal_file.xǁJournalFileǁopen_for_reading__mutmut_{n}" for n in (6, 7)],
        "_open takes any lock name but 'exclusive' as the shared lock",
    ),
    "oktakit.bulk._journal_file.xǁJournalFileǁprepare_appending__mutmut_7": (
        "when the file is exactly its whole lines, cutting it to that size changes nothing"
    ),
    "oktakit.bulk._journal_file.xǁJournalFileǁ__init____mutmut_13": (
        "_created is only read as a condition (close_unused): None is as falsy as False"
    ),
    # -- SDK: bulk/_executor.py
    **dict.fromkeys(
        [
            "oktakit.bulk._executor.xǁExecutorǁ__init____mutmut_23",
            "oktakit.bulk._executor.xǁExecutorǁrun__mutmut_13",
        ],
        "None for False: the flag is only ever tested for truth",
    ),
    "oktakit.bulk._executor.xǁExecutorǁ__init____mutmut_25": (
        "run() sets the bar (None or a tqdm) before it starts the workers, the only readers of it"
    ),
    "oktakit.bulk._executor.xǁExecutorǁ_settled__mutmut_1": (
        "the default is never taken: both callers (_one, _unresolved) pass finished"
    ),
    "oktakit.bulk._executor.xǁExecutorǁ_stages__mutmut_5": (
        "settled_parts(None, key) finds what settled_parts(key) finds: None is never a journaled name"
    ),
    "oktakit.bulk._executor.xǁExecutorǁ_stages__mutmut_7": (
        "filtering the stages by an empty set of settled steps keeps every stage, in order: the same stages"
    ),
    "oktakit.bulk._executor.xǁExecutorǁ_attempt__mutmut_12": (
        "reached only on the second Ctrl-C, where _wait gathers the cancelled workers with "
        "return_exceptions and re-raises the cancellation: a TypeError from suppress(None) ends the same"
    ),
    **dict.fromkeys(
        [f"oktakit.bulk._executor.xǁExecutorǁ_wait__mutmut_{n}" for n in (21, 23, 24)],
        "the second Ctrl-C cancels every worker at once and each ends in the loop step that wakes it "
        "(its interrupted record is written synchronously), so gather stopping at the first "
        "CancelledError sees them all ended; the next line raises the same cancellation",
    ),
    # -- SDK: the hot path (exchange, the pacer's deadlines, hints, retries)
    "oktakit._http.exchange.x__read__mutmut_5": (
        "send() reads a declared length up to the cap itself: _read sees a declared length "
        "without Content-Encoding only when it is above the cap, so > and >= refuse alike"
    ),
    **dict.fromkeys(
        [f"oktakit._http.exchange.xǁAiohttpTransportǁsend__mutmut_{n}" for n in (24,)],
        "send's one plain read is a fast path: _read, taking the same answer in chunks, gives "
        "the same body up to the cap and the same refusal past it",
    ),
    "oktakit._http.ratelimit.xǁPacerǁ__init____mutmut_1": (
        "org names the shared budget's keys only: the one Pacer made with a shared policy (the "
        "client's, in transport.py) is always given its org"
    ),
    "oktakit._http.ratelimit.xǁPacerǁ_watch__mutmut_4": (
        "a waiter whose deadline equals the armed sweep's re-arms it for that same instant: the "
        "sweep fires when it would have"
    ),
    **dict.fromkeys(
        [f"oktakit._http.retry.xǁRetrierǁnext_wait__mutmut_{n}" for n in (43, 44)],
        "unreachable fallback: _decide stops the call when retry_reason is None, so a retry "
        "always has its reason",
    ),
    "oktakit._http.budget.xǁBudgetǁsame_window__mutmut_13": (
        "an answer of the known window taken, then handed to update() too: update's same-window "
        "branch takes the same min() of remaining again and leaves the rest as it was"
    ),
    **dict.fromkeys(
        [f"oktakit._http.hints.x_read_rate_limit__mutmut_{n}" for n in (9, 10)],
        "_SEEN only saves int() on text read before: never finding it there reads the same "
        "numbers again (its bound and its refusals have their own tests)",
    ),
    **dict.fromkeys(
        [f"oktakit._http.hints.x_read_rate_limit__mutmut_{n}" for n in (14, 16, 18)],
        "a shortcut narrowed by one digit: a 12-digit limit or remaining (below MAX_LIMIT) and an "
        "11-digit reset (below MAX_EPOCH) are read the long way to the same number",
    ),
    **dict.fromkeys(
        [f"oktakit._http.ratelimit.xǁPacerǁacquire__mutmut_{n}" for n in (6, 75)],
        "now moves from started only on the paths that set waited, so now - started is 0.0 "
        "wherever waited is False",
    ),
    "oktakit._http.exchange.xǁAiohttpTransportǁsend__mutmut_28": (
        "a declared length of exactly the cap then takes _read, which reads the same body in "
        "chunks and refuses only past the cap"
    ),
    "oktakit._http.hints.x__digits__mutmut_5": "''.isdigit() is False: an empty value is refused either way",
    **dict.fromkeys(
        [f"oktakit._http.hints.x__number__mutmut_{n}" for n in (6, 7)],
        "the length check of the bare-digits shortcut: 15 digits are read the same by _digits, "
        "and 14 to 16 digits are above MAX_LIMIT and MAX_EPOCH (at most 13), refused either way",
    ),
    # -- SDK: bulk/_steps.py (part A)
    **dict.fromkeys(
        [f"oktakit.bulk._steps.x__was_resent__mutmut_{n}" for n in (4, 7, 10)],
        "getattr's default is never taken: its one caller (Step._refused) passes an ApiError, and "
        "every OktaError has attempts (a class attribute, 1 unless the transport resent it)",
    ),
    "oktakit.bulk._steps.xǁStepǁ__init____mutmut_9": (
        "needs for a step without an action: the only such steps (CallableStep, Playbook) set "
        "needs themselves right after Step.__init__"
    ),
    "oktakit.bulk._steps.xǁStepǁenter__mutmut_5": (
        "the shortcut differs only for a target in doubt entering a stage of its own part, which "
        "never happens (resolve and Stage.after give targets not in doubt, each stage has its own "
        "part); for one not in doubt, evolve gives an equal target"
    ),
    "oktakit.bulk._steps.xǁStepǁresolve__mutmut_1": (
        "plan's default is never taken: the executor, resolve's one caller, passes plan=dry_run"
    ),
    "oktakit.bulk._steps.xǁStepǁresolve__mutmut_32": (
        "both membership actions can be undone (each has an inverse), so reads_before and hence "
        "wants_status are always true in the membership branch"
    ),
    "oktakit.bulk._steps.xǁStepǁresolve__mutmut_34": (
        "the item of a membership target is never read again: ActionStep sends target.user, the "
        "record names target.key, and membership actions are no playbook stages"
    ),
    # -- SDK: bulk/_steps.py (part B)
    **dict.fromkeys(
        [f"oktakit.bulk._steps.xǁUpdateStepǁcall__mutmut_{n}" for n in (7, 8)],
        "settle reads what call returns by its truth only: any non-empty string is 'nothing to change'",
    ),
    **dict.fromkeys(
        [f"oktakit.bulk._steps.xǁActionStepǁ__init____mutmut_{n}" for n in (21, 22)],
        "the user then goes by keyword id= to a client method whose user parameter is id, which "
        "takes it by keyword as it takes it by position",
    ),
    **dict.fromkeys(
        [
            "oktakit.bulk._steps.xǁCallableStepǁ__init____mutmut_31",
            *(f"oktakit.bulk._steps.x_make_step__mutmut_{n}" for n in (60, 79)),
        ],
        "a CallableStep never uses its client: without an action it reads no user (resolves is "
        "False; status and _refused need an action; verify is Step's no-op) and its callable is bound",
    ),
    "oktakit.bulk._steps.xǁCallableStepǁ__init____mutmut_8": (
        "by_key callables are bound methods of the client found by their name (make_step), which "
        "always have a __name__"
    ),
    "oktakit.bulk._steps.x_make_step__mutmut_81": (
        "by_key=None is as falsy as False: the callable gets the item itself and nothing is preflighted"
    ),
    # -- SDK: errors.py
    "oktakit.errors.x__utf8__mutmut_5": (
        "codec names are case-insensitive: str.encode('UTF-8') is the same codec as 'utf-8'"
    ),
}


def stage() -> None:
    """A fresh staging copy: the sources, tests and mutmut's configuration."""
    if STAGE.exists():
        shutil.rmtree(STAGE)
    STAGE.mkdir()
    shutil.copytree(ROOT / "sdk", STAGE / "src", ignore=_IGNORED)
    # tests of tools/ import them; the docs pages' generated tables are tested (tests/_docs_pages.py
    # renders them by tools/docs_hooks.py)
    for name in ("generated", "tests", "okta_spec", "tools", "docs"):
        shutil.copytree(ROOT / name, STAGE / name, ignore=_IGNORED)
    configure()


_IGNORED = shutil.ignore_patterns("__pycache__")


def configure() -> None:
    only = [f'"src/oktakit/{module}"' for modules in MODULES.values() for module in modules]
    tests = ", ".join(f'"{path}"' for path in TESTS)
    left_out = (*SUBPROCESS_TESTS, *SLOW_TESTS, *LIFETIME_TESTS)
    deselect = [arg for test in left_out for arg in ("--deselect", test)]
    config = (
        "\n[tool.mutmut]\n"
        'source_paths = ["src/oktakit"]\n'
        f"only_mutate = [{', '.join(only)}]\n"
        'also_copy = ["generated", "okta_spec", "tools", "docs"]\n'
        f"pytest_add_cli_args_test_selection = [{tests}]\n"
        f"pytest_add_cli_args = {json.dumps(['-p', 'no:cacheprovider', '-x', *TIMEOUT, *deselect])}\n"
        # A mutant that makes a call wait for ever (a waiter never woken) idles rather than
        # spins, so mutmut's CPU limit cannot stop it: its wall-clock limit, the tests' measured
        # time times this, and pytest-timeout's limit per test (TIMEOUT) do.
        "timeout_multiplier = 4.0\n"
    )
    (STAGE / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text() + config)


def refresh() -> None:
    """Bring the staging copy's sources, tests and configuration up to date, keeping mutmut's
    results: it regenerates the mutants of the functions whose source changed."""
    if not (STAGE / "mutants").exists():
        stage()
        return
    shutil.copytree(ROOT / "sdk", STAGE / "src", ignore=_IGNORED, dirs_exist_ok=True)
    for name in ("generated", "okta_spec", "tools"):
        shutil.copytree(ROOT / name, STAGE / name, ignore=_IGNORED, dirs_exist_ok=True)
    shutil.copy2(ROOT / "README.md", STAGE / "README.md")
    for target in (STAGE / "tests", STAGE / "mutants" / "tests"):
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "tests", target, ignore=_IGNORED)
    configure()


def module_glob(module: str) -> str:
    """The mutant names of one module of ``MODULES``: ``bulk/_run.py`` -> ``oktakit.bulk._run.x*``."""
    dotted = module.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
    return f"oktakit.{dotted}.x*"


def module_of(name: str) -> str:
    """The module of ``MODULES`` a mutant belongs to (its path under ``oktakit/``)."""
    dotted = re.split(r"\.x[_ǁ]", name, maxsplit=1)[0].removeprefix("oktakit.")
    return dotted.replace(".", "/") + ".py"


def environment() -> dict[str, str]:
    env = dict(os.environ)
    # The staged generated client on the path (a path that exists before Python starts:
    # mutants/ does not yet). Okta's facts travel with tests/ (tests/reference/).
    env["PYTHONPATH"] = str(STAGE / "generated")
    return env


def mutmut(*args: str, capture: bool = True) -> str:
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "mutmut", *args],
        cwd=STAGE,
        env=environment(),
        capture_output=capture,
        text=True,
        check=False,
    )
    return done.stdout or ""


# HTTP header names: aiohttp's header mappings (CIMultiDict) and the wire ignore their case.
_HEADER_NAMES = frozenset(
    name.lower()
    for name in (
        "Accept", "Authorization", "Content-Encoding", "Content-Type", "Date", "DPoP", "DPoP-Nonce", "Link",
        "Retry-After", "User-Agent", "WWW-Authenticate", "X-Okta-Request-Id",
        "X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset",
    )
)  # fmt: skip
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


# Survivors justified by the function they live in, as {mutant name prefix: reason}.
JUSTIFIED_FUNCTIONS: dict[str, str] = {
    "oktakit.testing._permissions.x__requirements__mutmut_": (
        "runs once, at import, before mutmut switches any mutant on (its table is checked against "
        "the spec by test_every_protected_route_has_a_scope_and_permission_requirement)"
    ),
}


def classify(diff: str) -> str | None:
    """A reason for a survivor that no test can or should kill, judged from its diff, or None.

    Two kinds qualify: the case of an HTTP header name, and the letter case or an ``XX``
    wrapping of prose (a literal with a space: our own messages and hints, which no outside
    source fixes; tests check what a message says, not its typography).
    """
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    if len(removed) != 1 or len(added) != 1:
        return None
    before, after = _LITERAL.findall(removed[0]), _LITERAL.findall(added[0])
    if _LITERAL.sub('""', removed[0]) != _LITERAL.sub('""', added[0]) or len(before) != len(after):
        return None
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    if len(changed) != 1:
        return None
    old, new = changed[0]
    if old.lower() in _HEADER_NAMES and old.lower() == new.lower():
        return "HTTP header names are case-insensitive (aiohttp CIMultiDict, and on the wire)"
    if " " in old and new in (old.lower(), old.upper(), f"XX{old}XX"):
        return "typography of our own prose (case or XX wrapping); tests check its content"
    return None


def outcomes() -> dict[str, str]:
    """{mutant name: killed | survived | ...} of the staged run."""
    listing = mutmut("results", "--all", "true")
    return dict(re.findall(r"^\s*(\S+__mutmut_\d+): (.+)$", listing, flags=re.MULTILINE))


def recheck(max_children: int, patterns: list[str]) -> None:
    """Bring the staged run up to date with the current sources and tests, cheaply.

    mutmut regenerates the mutants of functions whose source changed and tests them; then the
    survivors are tested again with the current tests (mutmut first collects coverage for new
    tests). Killed mutants of unchanged functions keep their result: tests are only ever added
    or sharpened.
    """
    refresh()
    undecided = ("survived", "no tests")
    survivors = [name for name, status in outcomes().items() if status in undecided]
    # With patterns (mutant-name globs, e.g. of a changed function) only those and the
    # survivors run; without, every mutant that has no result yet runs first.
    if not patterns:
        mutmut("run", "--max-children", str(max_children), capture=False)
        survivors = [name for name, status in outcomes().items() if status in undecided]
    if survivors or patterns:
        mutmut("run", "--max-children", str(max_children), *survivors, *patterns, capture=False)


#: mutmut's outcomes that count as a test noticing the mutant (a mutant that hangs the tests
#: is stopped by mutmut's CPU-time limit: the tests noticed).
DETECTED = ("killed", "timeout")
#: Outcomes that count as no test noticing (a mutant of code no test reaches is unnoticed too).
UNDETECTED = ("survived", "no tests")


def report() -> int:
    statuses = outcomes()
    survivors = sorted(name for name, status in statuses.items() if status in UNDETECTED)
    reasons = dict(JUSTIFIED)
    for name in survivors:
        diff = mutmut("show", name).strip()
        by_function = [why for prefix, why in JUSTIFIED_FUNCTIONS.items() if name.startswith(prefix)]
        reason = reasons.get(name) or (by_function[0] if by_function else None) or classify(diff)
        if reason is None:
            print(f"\n=== {statuses[name].upper()} {name}\n{diff}")
        else:
            reasons[name] = reason
    stale = sorted(
        f"{name} ({statuses.get(name, 'no such mutant')})"
        for name in JUSTIFIED
        if module_of(name) in _run_modules(statuses) and statuses.get(name) not in UNDETECTED
    )
    if stale:
        print("\nstale justifications (the mutant is detected now, or gone): remove them")
        print("\n".join(f"  {line}" for line in stale))
    for reason, count in Counter(reasons[name] for name in survivors if name in reasons).most_common():
        print(f"justified ({count}): {reason}")
    print(
        "\nscore per module: detected / mutants (detected: killed, or a timeout; undetected: "
        "survived, or reached by no test; justified: undetected and explained)"
    )
    print(f"  {'module':<30} {'detected':>15} {'score':>7} {'undetected':>11} {'justified':>10}  other")
    for package, modules in MODULES.items():
        totals: Counter[str] = Counter()
        for module in modules:
            own = {name: status for name, status in statuses.items() if module_of(name) == module}
            totals += _score_line(module, own, reasons)
        _print_score(f"all of {package}", totals)
    return 1 if set(survivors) - set(reasons) else 0


def _run_modules(statuses: dict[str, str]) -> set[str]:
    """The modules some of whose mutants have a result."""
    return {module_of(name) for name, status in statuses.items() if status != "not checked"}


def _score_line(module: str, own: dict[str, str], reasons: dict[str, str]) -> Counter[str]:
    counts = Counter(own.values())
    counts["justified"] = sum(status in UNDETECTED and name in reasons for name, status in own.items())
    _print_score(module, counts)
    return counts


def _print_score(label: str, counts: Counter[str]) -> None:
    detected = sum(counts[s] for s in DETECTED)
    undetected = sum(counts[s] for s in UNDETECTED)
    decided = detected + undetected
    score = f"{100.0 * detected / decided:6.1f}%" if decided else "      -"
    others = ", ".join(
        f"{k}: {v}" for k, v in sorted(counts.items()) if k not in (*DETECTED, *UNDETECTED, "justified") and v
    )
    print(
        f"  {label:<30} {detected:>7} / {decided:<5} {score} {undetected:>11} {counts['justified']:>10}",
        f" {others}" if others else "",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--report-only", action="store_true", help="reprint the last run's results")
    parser.add_argument("--recheck", action="store_true", help="rerun the last run's survivors on new tests")
    parser.add_argument(
        "modules",
        nargs="*",
        help="run only these modules (e.g. bulk/_steps.py) in the staging copy kept from earlier "
        "runs, whose results add up; with --recheck: mutant globs",
    )
    args = parser.parse_args()
    if args.recheck:
        recheck(args.max_children, args.modules)
    elif args.modules:
        known = {module for modules in MODULES.values() for module in modules}
        unknown = sorted(set(args.modules) - known)
        if unknown:
            parser.error(f"not in MODULES: {', '.join(unknown)}")
        refresh()
        globs = [module_glob(module) for module in args.modules]
        mutmut("run", "--max-children", str(args.max_children), *globs, capture=False)
    elif not args.report_only:
        stage()
        mutmut("run", "--max-children", str(args.max_children), capture=False)
    return report()


if __name__ == "__main__":
    sys.exit(main())
