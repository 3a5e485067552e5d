"""Host side of the cluster: per-OS multipath settings and checking ``multipath -ll``.

Why here and not in the rules: the inventory says which OS each client runs and the topology
says which cluster target ports each client initiator reaches, so zoneplan can write what
every client needs (:mod:`.config`), state how many paths each LUN must have
(:mod:`.paths`), and check what a client reports against that (:mod:`.mpll`,
:mod:`.verify`). The finding codes live in :mod:`zoneplan.rules.multipath` (ZP05x) and :mod:`zoneplan.rules.hostverify` (ZP8xx).
"""

from __future__ import annotations

from .config import HostConfig, render_all, render_host_config
from .mpll import MpllResult, MultipathMap, parse_multipath_ll, render_multipath_ll
from .paths import HostPaths, NoClusterError, expected_paths, host_by_name
from .verify import Verification, verify_host

__all__ = [
    "HostConfig",
    "HostPaths",
    "MpllResult",
    "MultipathMap",
    "NoClusterError",
    "Verification",
    "expected_paths",
    "host_by_name",
    "parse_multipath_ll",
    "render_all",
    "render_host_config",
    "render_multipath_ll",
    "verify_host",
]
