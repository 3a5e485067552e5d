"""``zoneplan hosts config`` and ``hosts verify`` as library calls.

The inventory is validated once (:func:`zoneplan.workflows.validate.validate_inventory`);
the findings of a ``multipath -ll`` check get the inventory's policy here, once.
"""

from __future__ import annotations

from pathlib import Path

from ..hosts.config import HostConfig, render_all, render_host_config
from ..hosts.verify import Verification, verify_host
from ..model import Host
from ..rules.base import RuleScope
from ..rules.policy import Filters
from ..topology import Topology
from .policy import finish_findings

__all__ = ["MAX_MPLL_BYTES", "host_configs", "read_multipath_ll", "verify_multipath_ll"]

#: what a multipath -ll file may weigh; anything bigger is not a saved command output
MAX_MPLL_BYTES = 20 * 1024 * 1024


def host_configs(
    topology: Topology, host: Host | None = None, *, legacy: bool = False, inventory_file: str = ""
) -> list[HostConfig]:
    """The multipath settings of one client, or of every client of the inventory."""
    if host is not None:
        return [render_host_config(topology, host, legacy=legacy, inventory_file=inventory_file)]
    return render_all(topology, legacy=legacy, inventory_file=inventory_file)


def read_multipath_ll(path: Path) -> tuple[str | None, str]:
    """The file's text, or (None, why it cannot be used)."""
    try:
        if path.is_dir():
            return None, "is a folder"
        if path.stat().st_size > MAX_MPLL_BYTES:
            return None, f"is larger than {MAX_MPLL_BYTES // (1024 * 1024)} MiB"
        data = path.read_bytes()
    except OSError as exc:
        return None, exc.strerror or str(exc)
    if b"\x00" in data:
        return None, "is binary, not saved text output"
    return data.decode("utf-8", errors="replace"), ""


def verify_multipath_ll(
    topology: Topology, host: Host, text: str, source: str, *, filters: Filters = Filters()
) -> Verification:
    """A client's ``multipath -ll`` against its zoned paths, the inventory's policy applied
    (only host-check suppressions are judged: the inventory's rules are validate's)."""
    outcome = verify_host(topology, host, text, source)
    outcome.findings, outcome.suppressed = finish_findings(
        outcome.findings, topology, scopes={RuleScope.HOST}, filters=filters
    )
    return outcome
