"""``oktakit keys``: make a key pair, print its public JWKS, serve the JWKS over HTTP."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
from pathlib import Path

from oktakit.auth._keys import ALGORITHMS, SigningKey, generate_signing_key, load_signing_key, public_jwks
from oktakit.errors import ConfigurationError


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ._args import loopback_host, port

    keys = commands.add_parser("keys", help="create and publish service-app signing keys")
    sub = keys.add_subparsers(dest="keys_command", required=True)

    new = sub.add_parser("new", help="write a new private key and print its public JWKS")
    new.add_argument("--alg", default="ES256", choices=ALGORITHMS, help="signing algorithm (default ES256)")
    new.add_argument("--out", required=True, type=Path, help="where to write the private key (PEM)")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    new.set_defaults(handler=_new)

    jwks = sub.add_parser("jwks", help="print the public JWKS of a private key")
    _key_arguments(jwks)
    jwks.set_defaults(handler=_jwks)

    serve = sub.add_parser("serve", help="serve the public JWKS over HTTP (for a JWKS URL)")
    _key_arguments(serve)
    serve.add_argument(
        "--host",
        type=loopback_host,
        default="127.0.0.1",
        help="loopback address to serve on (only loopback: put a TLS proxy in front for Okta to reach it)",
    )
    serve.add_argument(
        "--port", type=port, default=8099, help="port to serve on; the URL is http://HOST:PORT/jwks.json"
    )
    serve.set_defaults(handler=_serve)


def _key_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", type=Path, help="private key file (PEM or JWK JSON)")
    parser.add_argument("--kid", help="key id (default: the JWK's kid or the RFC 7638 thumbprint)")
    parser.add_argument("--alg", choices=ALGORITHMS, help="algorithm (default: from the key)")
    parser.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help="environment variable holding the key's passphrase (never pass it on the command line)",
    )


def read_key_file(path: Path) -> str:
    """A key file's text; ``ConfigurationError`` when it cannot be read as ASCII."""
    try:
        return path.read_text(encoding="ascii")
    except (OSError, ValueError) as exc:  # the decode error holds the file's bytes: not chained
        error = ConfigurationError(f"cannot read {path} ({type(exc).__name__})")
    raise error


def _load(args: argparse.Namespace) -> SigningKey:
    passphrase = os.environ.get(args.passphrase_env) if args.passphrase_env else None
    return load_signing_key(
        read_key_file(args.key), key_id=args.kid, algorithm=args.alg, passphrase=passphrase
    )


def _new(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.exists() and not args.force:
        raise ConfigurationError(f"{out} exists; pass --force to overwrite it")
    key = generate_signing_key(args.alg)
    try:
        if args.force:
            # Replace rather than truncate: a truncated file would keep its old (maybe public) mode.
            out.unlink(missing_ok=True)
        # Create the file readable by its owner only, before any key material is written.
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise ConfigurationError(f"cannot write {out} ({type(exc).__name__})") from None
    with os.fdopen(fd, "wb") as f:
        f.write(key.private_pem())
    print(f"wrote the private key to {out} (kid {key.kid}, {key.alg}); keep it secret", file=sys.stderr)
    print(json.dumps(public_jwks([key]), indent=2))
    return 0


def _jwks(args: argparse.Namespace) -> int:
    print(json.dumps(public_jwks([_load(args)]), indent=2))
    return 0


def _serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    body = json.dumps(public_jwks([_load(args)])).encode()

    async def jwks(_request: web.Request) -> web.Response:
        return web.Response(body=body, content_type="application/json")

    app = web.Application()
    app.router.add_get("/", jwks)
    app.router.add_get("/jwks.json", jwks)

    async def run() -> None:
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, args.host, args.port).start()
        print(f"serving the JWKS at http://{args.host}:{args.port}/jwks.json (Ctrl-C stops)", flush=True)
        try:
            await asyncio.Event().wait()
        finally:
            await runner.cleanup()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
    return 0
