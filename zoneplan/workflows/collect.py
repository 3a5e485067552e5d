"""``zoneplan collect`` as library calls: which switches to read, then read them.

The targets come from an inventory (:func:`inventory_targets`) or from one ad-hoc switch
(:func:`adhoc_target`); :func:`collect` reads them concurrently and writes the capture folder.
Progress is reported through a callback (the CLI draws it); nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ..findings import Finding, Location, Severity, sort_findings
from ..live.collect import (
    ProgressFn,
    SwitchResult,
    Target,
    collect_switches,
    parse_address,
    run_exit_code,
    targets_from_inventory,
)
from ..live.credentials import Credential, CredentialStore, Secret
from ..live.snmp import SnmpOptions
from ..live.ssh import SshOptions
from ..loader import load_inventory
from ..model import Policy
from ..rules.base import RuleScope
from ..rules.credentials import BadAddress, CredentialsMissing, InsecureOption
from ..rules.policy import Filters, apply_workflow_policy

__all__ = [
    "Targets",
    "adhoc_target",
    "collect",
    "finish_collect",
    "insecure_host_key_option",
    "inventory_targets",
    "run_exit_code",
    "unusable",
]


@dataclass
class Targets:
    """Switches to read and what was found while choosing them."""

    targets: list[Target] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  #: choosing targets, credentials
    load_findings: list[Finding] = field(default_factory=list)  #: the inventory's loader
    usable: bool = True  #: False: the input cannot be used at all (exit 2)
    policy: Policy | None = None  #: the inventory's policy (None: ad hoc switch)

    def all_findings(self) -> list[Finding]:
        return self.load_findings + self.findings


def finish_collect(
    chosen: Targets, results: Sequence[SwitchResult], *, filters: Filters = Filters()
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """Everything a collect run found, the inventory's policy applied once: (kept, suppressed).

    The inventory's rules do not run here (``collect`` reads switches; ``validate`` checks the
    inventory), so only suppressions of credential, transport and capture codes are judged.
    """
    raw = chosen.all_findings() + [f for r in results for f in r.findings]
    kept, silenced = apply_workflow_policy(
        raw,
        chosen.policy,
        scopes={RuleScope.LIVE, RuleScope.CAPTURE} if chosen.policy else (),
        filters=filters,
    )
    return sort_findings(kept), silenced


def inventory_targets(
    inventory: Path, store: CredentialStore, *, via: str, fabric: str | None = None
) -> Targets:
    """The inventory's switches (optionally one fabric) with their credentials."""
    loaded = load_inventory(inventory)
    out = Targets(load_findings=list(loaded.findings))
    if loaded.inventory is None:
        out.usable = False
        return out
    out.policy = loaded.inventory.policy
    out.targets, out.findings = targets_from_inventory(
        loaded.inventory, store, via=via, fabric=fabric, source=str(inventory)
    )
    return out


def adhoc_target(
    switch: str,
    vendor: str,
    store: CredentialStore,
    *,
    via: str,
    name: str | None = None,
    user: str | None = None,
    community: str | None = None,
    v3_user: str | None = None,
    v3_auth_protocol: str = "SHA",
    v3_priv_protocol: str = "AES",
    snmp_context: str = "",
    vsans: Sequence[int] = (),
) -> Targets:
    """One switch given on the command line; secrets from the ``adhoc`` profile or a prompt."""
    out = Targets()
    addr = parse_address(switch)
    if addr is None:
        out.findings.append(BadAddress.make(f"bad switch address {switch!r}", Location("--switch")))
        out.usable = False
        return out
    if community is not None:
        out.findings.append(
            InsecureOption.make(
                "--community puts the community in shell history and the process list; "
                "prefer ZONEPLAN_ADHOC_COMMUNITY",
                Location("--community"),
            )
        )
    vals = store.values("adhoc")
    for key, val in (("user", user), ("community", community), ("snmp_user", v3_user)):
        if val:
            vals[key] = val
    if via == "ssh" and vals.get("user") and not vals.get("password"):
        pw = store.prompt(f"password for {vals['user']}@{switch}: ")
        if pw:
            vals["password"] = pw
    if via == "snmp" and vals.get("snmp_user") and not vals.get("auth_key"):
        for key in ("auth_key", "priv_key"):
            got = store.prompt(f"SNMPv3 {key.replace('_', ' ')} for {vals['snmp_user']}: ")
            if got:
                vals[key] = got
    secret_keys = ("password", "community", "auth_key", "priv_key")
    cred = Credential(
        "adhoc",
        user=vals.get("user"),
        snmp_user=vals.get("snmp_user"),
        auth_protocol=vals.get("auth_protocol", v3_auth_protocol),
        priv_protocol=vals.get("priv_protocol", v3_priv_protocol),
        source="adhoc",
        **{k: Secret(vals[k]) for k in secret_keys if vals.get(k)},
    )
    out.findings.extend(store.findings)
    if (via == "ssh" and cred.has_ssh) or (via == "snmp" and cred.has_snmp):
        out.targets.append(
            Target(
                name or addr[0].replace(":", "_"),
                vendor,
                addr[0],
                addr[1],
                via,
                cred,
                list(vsans),
                None,
                snmp_context,
            )
        )
    elif not any(f.code == CredentialsMissing.code for f in out.findings):
        out.findings.append(
            CredentialsMissing.make(
                "no credentials for the ad-hoc switch",
                Location(f"{switch}:credentials"),
                hint="export ZONEPLAN_ADHOC_USER and ZONEPLAN_ADHOC_PASSWORD "
                "(or ZONEPLAN_ADHOC_COMMUNITY / ZONEPLAN_ADHOC_SNMP_USER …)",
            )
        )
    return out


def insecure_host_key_option() -> Finding:
    """The warning ``--accept-new-host-key`` always earns."""
    return InsecureOption.make(
        "--accept-new-host-key: unknown host keys are trusted on first use and recorded",
        Location("--accept-new-host-key"),
    )


def collect(
    targets: Sequence[Target],
    out: Path | None,
    *,
    concurrency: int = 8,
    ssh_options: SshOptions | None = None,
    snmp_options: SnmpOptions | None = None,
    progress: ProgressFn | None = None,
) -> list[SwitchResult]:
    """Read every target (one dead switch never stops the others); ``out`` None: keep nothing."""
    if not targets:
        return []
    return collect_switches(
        targets,
        out=out,
        concurrency=concurrency,
        ssh_options=ssh_options or SshOptions(),
        snmp_options=snmp_options or SnmpOptions(),
        progress=progress,
    )


def unusable(t: Targets) -> bool:
    """Nothing to read and a fatal finding: exit 2 before any connection."""
    return not t.usable or (
        any(f.severity is Severity.FATAL for f in t.all_findings()) and not t.targets
    )
