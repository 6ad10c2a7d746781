"""``oktakit --version`` prints the installed distribution's version."""

from __future__ import annotations

from importlib.metadata import version

import pytest

from oktakit.cli import main


def test_version_prints_the_installed_version_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])

    assert 0 == exited.value.code
    assert f"oktakit {version('oktakit')}\n" == capsys.readouterr().out
