"""A bulk run of a password operation that returns a secret (a temporary password) keeps it out
of its journal, its reports and its logs: they record outcomes only. (A bulk reset_password
takes no arguments yet, so it emails its links: issue 18 item 4 adds `arguments=`.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from oktakit import OktaClient
from oktakit.testing import OktaSimulator
from oktakit.testing import _handlers_account as handlers
from tests._secrets import capture_debug_logs
from tests.bulk._support import add_active_users


def spy_on_secrets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every temporary password and reset link the simulator hands out, as it answers."""
    secrets: list[str] = []
    credentials = handlers.credentials

    def temporary(*args: Any, **kwargs: Any) -> str:
        secrets.append(credentials.expire_with_temp_password(*args, **kwargs))
        return secrets[-1]

    def reset(*args: Any, **kwargs: Any) -> dict[str, str]:
        answer = credentials.reset_password(*args, **kwargs)
        secrets.extend(answer.values())
        return answer

    spied = type("Spied", (), {"__getattr__": lambda _, name: getattr(credentials, name)})()
    spied.expire_with_temp_password = temporary
    spied.reset_password = reset
    monkeypatch.setattr(handlers, "credentials", spied)
    return secrets


async def test_a_bulk_run_records_outcomes_never_the_secrets_okta_answered(
    okta: OktaClient,
    okta_sim: OktaSimulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    capture_debug_logs(caplog)
    secrets = spy_on_secrets(monkeypatch)
    ids = add_active_users(okta_sim, 3)

    report = await okta.bulk(
        "expire_password_with_temp_password", ids, journal=tmp_path / "run.jsonl", progress=False
    )
    report.to_csv(tmp_path / "report.csv")
    report.to_jsonl(tmp_path / "report.jsonl")

    assert sorted(ids) == sorted(report.succeeded)
    assert 3 == len(secrets)
    written = [(tmp_path / name).read_text() for name in ("run.jsonl", "report.csv", "report.jsonl")]
    texts = [*written, caplog.text, repr(report), report.summary(), str(list(report.as_dicts()))]
    assert not [secret for secret in secrets for text in texts if secret in text]
