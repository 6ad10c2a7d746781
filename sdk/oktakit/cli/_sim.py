"""``oktakit sim``: serve the embedded Okta simulator on loopback until Ctrl-C."""

from __future__ import annotations

import argparse
from pathlib import Path

from ._args import count, integer, loopback_host, port, rate_limit, seconds


def _sim(args: argparse.Namespace) -> int:
    from oktakit.auth._keys import load_signing_key, public_jwks
    from oktakit.testing import RateLimitConfig, run_simulator

    from ._keys import read_key_file

    if args.rate_limit == "okta":
        rate_limit = RateLimitConfig(window=args.window)
    elif args.rate_limit == "off":
        rate_limit = RateLimitConfig.unlimited()
    else:
        rate_limit = RateLimitConfig.uniform(int(args.rate_limit), window=args.window)
    apps = [
        (public_jwks([load_signing_key(read_key_file(path))])["keys"], dpop)
        for paths, dpop in ((args.service_app_key, False), (args.dpop_service_app_key, True))
        for path in paths
    ]
    run_simulator(
        args.port, args.users, args.seed, host=args.host, rate_limit=rate_limit, service_app_jwks=apps
    )
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``oktakit sim``."""
    sim = commands.add_parser(
        "sim",
        help="run the embedded Okta simulator",
        description="Serve a seeded, simulated Okta org on loopback until Ctrl-C. It prints its URL, an "
        "API token and the `export OKTA_ORG_URL=... OKTA_API_TOKEN=...` lines that point every other "
        "oktakit command (and OktaClient.from_env) at it: paste them into another shell.",
    )
    sim.add_argument(
        "--port", type=port, default=8080, metavar="PORT", help="port to listen on (0 picks a free one)"
    )
    sim.add_argument("--host", type=loopback_host, default="127.0.0.1", help="loopback address to bind")
    sim.add_argument(
        "--users",
        type=count,
        default=500,
        metavar="N",
        help="seeded users: every status, departments, groups, factors",
    )
    sim.add_argument(
        "--seed", type=integer, default=0, metavar="N", help="seed of the generated org (same seed, same org)"
    )
    sim.add_argument(
        "--rate-limit",
        type=rate_limit,
        default="okta",
        metavar="LIMIT",
        help="'okta' (the per-minute limits Okta documents for each bucket), 'off', or N requests per "
        "bucket and window",
    )
    sim.add_argument(
        "--window", type=seconds, default=60.0, metavar="SECONDS", help="rate-limit window in seconds"
    )
    sim.add_argument(
        "--service-app-key",
        type=Path,
        action="append",
        default=[],
        metavar="KEY",
        help="register a service app with this key's public half (repeatable); prints its client ID",
    )
    sim.add_argument(
        "--dpop-service-app-key",
        type=Path,
        action="append",
        default=[],
        metavar="KEY",
        help="the same, for a service app that requires DPoP-bound tokens",
    )
    sim.set_defaults(handler=_sim)
