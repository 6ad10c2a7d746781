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
        description="Serve a seeded, simulated Okta org on loopback until Ctrl-C; prints its URL and token.",
    )
    sim.add_argument("--port", type=port, default=8080, help="port to listen on (0 picks a free one)")
    sim.add_argument(
        "--host", type=loopback_host, default="127.0.0.1", help="loopback address to bind (default 127.0.0.1)"
    )
    sim.add_argument("--users", type=count, default=500, help="number of seeded users (default 500)")
    sim.add_argument("--seed", type=integer, default=0, help="seed of the generated org (default 0)")
    sim.add_argument(
        "--rate-limit",
        type=rate_limit,
        default="okta",
        help="'okta' (Okta's default per-minute limits), 'off', or N requests per bucket and window",
    )
    sim.add_argument("--window", type=seconds, default=60.0, help="rate-limit window in seconds (default 60)")
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
