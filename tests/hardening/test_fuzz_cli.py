"""The ``oktakit`` command line, fuzzed: argument parsing either yields values the commands can
use or exits with argparse's usage error (status 2); a key command ends with 0 or 1 and a message,
never a traceback."""

from __future__ import annotations

import contextlib
import io
import ipaddress
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oktakit.cli import build_parser, main
from tests.hardening.strategies import few, fuzz, hostile_text

words = st.one_of(
    st.sampled_from(
        [
            "sim",
            "check",
            "keys",
            "new",
            "jwks",
            "serve",
            "--port",
            "--host",
            "--users",
            "--seed",
            "--rate-limit",
            "--window",
            "--org-url",
            "--alg",
            "--kid",
            "--passphrase-env",
            "key.pem",
        ]
    ),
    st.sampled_from(
        ["0", "-1", "65536", "99999999999", "nan", "inf", "1e3", "٣", "off", "okta", "::1", "8.8.8.8"]
    ),
    hostile_text.filter(lambda t: "\x00" not in t),
)


@fuzz
@given(argv=st.lists(words, max_size=6))
def test_parsing_yields_usable_values_or_a_usage_error(argv: list[str]) -> None:
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exit_:
            status = exit_.code
        else:
            status = None
    if status is not None:
        assert status in (0, 2)  # --help, or a usage error
        return
    if getattr(args, "port", None) is not None:
        assert 0 <= args.port <= 65535
    if getattr(args, "host", None) is not None:
        assert args.host == "localhost" or ipaddress.ip_address(args.host).is_loopback
    if args.command == "sim":
        assert 0 <= args.users <= 1_000_000
        assert math.isfinite(args.window)
        assert args.window > 0


@pytest.fixture(scope="module")
def key_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli") / "key.pem"


@few
@given(content=st.one_of(st.binary(max_size=64), hostile_text), kid=st.one_of(st.none(), hostile_text))
def test_a_key_command_on_any_file_ends_with_a_status_not_a_traceback(
    content: bytes | str, kid: str | None, key_path: Path
) -> None:
    key_path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    argv = ["keys", "jwks", str(key_path)] + ([] if kid is None or "\x00" in kid else ["--kid", kid])
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            status = main(argv)
        except SystemExit as exit_:  # --kid taken for an option, say
            status = exit_.code
    assert status in (0, 1, 2)
