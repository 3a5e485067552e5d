"""The zoning oracle: Brocade FOS and Cisco MDS NX-OS zoning as the switches behave.

It judges zoneplan's change scripts (tests/day2, the hardening tests) and drives the SSH switch
emulator (:mod:`tests.support.ssh_switch`). Kept in ``tests/``, apart from the code it judges.

* :class:`FosFabric` / :class:`FosSession` (:mod:`.fos`): one Brocade fabric's zone database,
  transactions, the restricted-shell CLI with its prompts and error texts;
* :class:`MdsFabric` / :class:`NxosSession` (:mod:`.nxos`): a Cisco fabric's VSAN zone servers
  (basic / enhanced mode, sessions and locks), device-aliases (basic / enhanced, distribution),
  fcaliases, smart zoning, ``terminal dont-ask``, saving the configuration;
* :func:`run_script` (:mod:`.common`): a script sent line by line as a paste does (a prompting
  command takes the next line as its answer); raises at the first failing line;
* :func:`snapshot` / :func:`write_capture` (:mod:`.export`): the state as the show commands
  print it (the byte-for-byte comparison) and as a capture folder for ``plan --against``.

Every behaviour carries its source in a comment; "UNVERIFIED" marks the stricter assumptions
taken where no vendor source was found.
"""

from .common import (
    CommandRejected,
    RefusedCommand,
    Reply,
    ScriptRun,
    ZoningScriptError,
    run_script,
)
from .export import snapshot, write_capture
from .fos import FosDb, FosFabric, FosSession
from .nxos import MdsFabric, MdsZoneDb, NxosSession, VsanZoning

__all__ = [
    "CommandRejected",
    "RefusedCommand",
    "Reply",
    "ScriptRun",
    "ZoningScriptError",
    "run_script",
    "snapshot",
    "write_capture",
    "FosDb",
    "FosFabric",
    "FosSession",
    "MdsFabric",
    "MdsZoneDb",
    "NxosSession",
    "VsanZoning",
]
