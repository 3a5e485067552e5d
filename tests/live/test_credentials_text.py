"""Secrets are strings exactly as written (issue 14: the credentials file was read with YAML
1.1 typing, so ``password: 0777`` was sent as ``511`` and ``yes`` as ``True``: lock-outs)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zoneplan.live.credentials import CredentialStore

WRITTEN = {
    "0777": "0777",
    "yes": "yes",
    "No": "No",
    "on": "on",
    "1e3": "1e3",
    "0x1F": "0x1F",
    "1_000": "1_000",
    "12:30:00": "12:30:00",
    "2026-01-01": "2026-01-01",
    "null": "null",
    "~": "~",
    ".inf": ".inf",
    "'quoted 0777'": "quoted 0777",
    '"tab\\there"': "tab\there",
}


def _store(tmp_path: Path, text: str) -> CredentialStore:
    p = tmp_path / "creds.yaml"
    p.write_text(text, encoding="utf-8")
    os.chmod(p, 0o600)
    return CredentialStore(path=p, environ={}, interactive=False)


@pytest.mark.parametrize(("written", "sent"), sorted(WRITTEN.items()))
def test_secrets_are_the_text_as_written(tmp_path, written, sent):
    store = _store(
        tmp_path,
        "profiles:\n"
        f"  p:\n    user: {written}\n    password: {written}\n    community: {written}\n",
    )
    vals = store.values("p")
    assert vals["user"] == sent and vals["password"] == sent and vals["community"] == sent
    cred = store.get("p", need="ssh", subject="sw1")
    assert cred is not None and cred.password.reveal() == sent and cred.user == sent
    assert not store.findings


@pytest.mark.parametrize(
    ("profile", "line"),
    [
        ("    user: admin\n    password: [a, b]\n", 4),
        ("    user: admin\n    password: {a: b}\n", 4),
        ("    user: admin\n    password: one\n    password: two\n", 5),
    ],
)
def test_a_value_that_is_not_one_text_is_refused_and_never_echoed(tmp_path, profile, line):
    store = _store(tmp_path, "profiles:\n  p:\n" + profile)
    assert store.values("p") == {}
    assert [f.code for f in store.findings] == ["ZP062"]
    msg = store.findings[0].message
    assert "one" not in msg and "two" not in msg and "a, b" not in msg
    assert store.findings[0].location.line == line


def test_a_fifo_is_not_a_credentials_file(tmp_path):
    p = tmp_path / "creds.yaml"
    os.mkfifo(p, 0o600)
    store = CredentialStore(path=p, environ={}, interactive=False)
    assert store.values("p") == {}
    assert [f.code for f in store.findings] == ["ZP062"]
