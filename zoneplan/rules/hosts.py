"""ZP4xx: clients — what each host needs besides zoning."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..model import HostOS, PortRole
from .base import Rule, RuleContext
from .examples import Inventory

_MANUAL = {
    HostOS.WINDOWS: "install the MPIO feature and claim the cluster's LUNs",
    HostOS.LINUX: "add the cluster's device section to multipath.conf before first use",
    HostOS.CITRIX_XEN: "add the device section to /etc/multipath/conf.d/custom.conf and enable multipathing",
}


class ManualMultipathOs(Rule):
    """The host's OS needs multipath set up by hand before it uses the cluster's LUNs.

    Why:
        The cluster presents every LUN on several paths with ALUA; an OS without multipath
        for it sees each LUN several times and does not fail over — the FAQ warns of data
        loss. Windows needs MPIO; Linux and Citrix Xen need a multipath.conf device section.
        VMware ESXi and macOS Xsan recognise it on their own.
    Fix:
        Run ``zoneplan hosts config INVENTORY --host NAME`` and apply what it prints.
    """

    code = "ZP401"
    name = "manual-multipath-os"
    severity = Severity.INFO
    fails = Inventory(caption="Reported: win01 (windows), xen01 (citrix-xen), lnx01 (linux).")
    passes = Inventory(
        """
        hosts:
          - !delete {name: win01}
          - !delete {name: xen01}
          - !delete {name: lnx01}
        """,
        caption="Only VMware ESXi and macOS Xsan clients.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for i, host in enumerate(ctx.inventory.hosts):
            todo = _MANUAL.get(host.os)
            if todo:
                yield self.at(
                    ctx,
                    ("hosts", i, "os"),
                    f"host {host.name} ({host.os.value}): {todo}; see 'zoneplan hosts config'",
                    subject=host.name,
                )


class SingleHbaHost(Rule):
    """All of a host's ports sit on one HBA.

    Why:
        Two fabrics protect against a fabric failure, but one dual-port HBA is still a single
        point of failure inside the host (card, slot, driver).
    Fix:
        Add a second HBA and move one fabric to it, when the host's importance warrants it.
    """

    code = "ZP402"
    name = "single-hba-host"
    severity = Severity.INFO
    fails = Inventory(caption="Reported: esx01, one dual-port HBA on fabrics A and B.")
    passes = Inventory(
        """
        hosts:
          - !delete {name: esx01}
          - !delete {name: esx02}
          - !delete {name: win01}
          - !delete {name: lnx01}
          - !delete {name: xsan01}
        """,
        caption="xen01 only: hba0 on fabric A, hba1 on fabric B.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for i, host in enumerate(ctx.inventory.hosts):
            if len(host.hbas) == 1 and len(host.hbas[0].ports) > 1:
                yield self.at(
                    ctx,
                    ("hosts", i, "hbas"),
                    f"host {host.name}: all ports on HBA {host.hbas[0].name}, a single point of failure",
                    subject=host.name,
                )


class HostPortRole(Rule):
    """A host port has a role other than initiator.

    Why:
        Hosts are the cluster's clients; ``target``, ``mirror`` and ``backend`` are roles of
        storage and cluster node ports, and a host port with one would be zoned wrongly.
    Fix:
        Remove the role, or move the device to ``arrays`` / ``cluster``.
    """

    code = "ZP403"
    name = "host-port-role"
    severity = Severity.ERROR
    fails = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, role: target}
        """,
        caption="A client port marked as a target.",
    )
    passes = Inventory(
        """
        hosts:
          - name: esx01
            hbas:
              - name: vmhba2
                ports:
                  - {name: p0, role: initiator}
        """,
        caption="``initiator`` (the default when ``role`` is left out).",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for ref in ctx.topology.ports:
            if ref.kind == "host" and ref.role is not PortRole.INITIATOR:
                yield self.at(
                    ctx,
                    (*ref.path, "role"),
                    f"host port {ref.ref} has role {_role(ref.role)}; hosts are initiators",
                    subject=ref.ref,
                )
            if ref.kind == "array" and ref.role is not PortRole.TARGET:
                yield self.at(
                    ctx,
                    (*ref.path, "role"),
                    f"array port {ref.ref} has role {_role(ref.role)}; array ports are targets",
                    subject=ref.ref,
                )


def _role(role: PortRole | None) -> str:
    return role.value if role is not None else "none"


RULES = (ManualMultipathOs, SingleHbaHost, HostPortRole)
