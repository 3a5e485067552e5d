"""Fixtures for live tests: snmpsim agents on 127.0.0.1, no user configuration."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from live_states import cisco_state

from tests.support.paths import shared_absent
from tests.support.snmp_agent import SnmpAgent, cisco_records, recordings_dir


@pytest.fixture(scope="session")
def snmp_agent(tmp_path_factory: pytest.TempPathFactory):
    """One snmpsim serving the real recordings (when present) and a generated Cisco agent."""
    if not SnmpAgent.available():
        pytest.skip("snmpsim is not installed (pip install snmpsim pysmi)")
    work = tmp_path_factory.mktemp("snmpsim")
    agent = SnmpAgent(work)
    agent.add_records("gen-mds", cisco_records(cisco_state()))
    agent.link_recordings()
    agent.start(wait_community="gen-mds")
    yield agent
    agent.stop()


@pytest.fixture(scope="session")
def recordings() -> Path:
    d = recordings_dir()
    if d is None:
        pytest.skip(shared_absent("captures/snmp"))
    return d


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never read the developer's credentials file or known_hosts."""
    monkeypatch.setenv("ZONEPLAN_CREDENTIALS", str(tmp_path / "no-credentials.yaml"))
    for k in list(os.environ):
        if k.startswith("ZONEPLAN_") and k.endswith(("_PASSWORD", "_COMMUNITY", "_AUTH_KEY")):
            monkeypatch.delenv(k, raising=False)
