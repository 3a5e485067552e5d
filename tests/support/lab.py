"""The lab a :class:`~zoneplan.rules.examples.Run` example runs in, and the faults it stages.

A lab is a folder under the test's tmp folder: ``lab/`` (the working directory, holding
``inventory.yaml`` and the example's files) and ``home/`` (``$HOME``, so ``~/`` paths and
``~/.config/zoneplan/credentials.yaml`` resolve there and never in the real home). The
command line runs through the real CLI (``typer``'s runner, in this process) with
``--format json``; the codes are read from its findings.

Live reads (``zoneplan collect``, ``zoneplan audit --live``) run against the lab's switches:
every switch of the inventory with a usable ``mgmt`` address is an SSH switch emulator
(:mod:`tests.support.ssh_switch`) on 127.0.0.1 serving the zoning the plan wants, with the
password of the lab's credential (``ZONEPLAN_<PROFILE>_USER``/``_PASSWORD``/``_COMMUNITY``
for every profile the switches name, unless the example's ``env`` says otherwise) and its host
key in the lab's known_hosts; with ``--via snmp`` each switch is an SNMP agent instead
(:mod:`tests.support.snmp_responder`: community :data:`LAB_COMMUNITY`, SNMPv3 user
:data:`LAB_V3`). Nothing leaves the machine. The lab adds ``--known-hosts`` and short time limits
to the command line.

Faults are named in examples (``fault="parser-crash"``) and staged here: :data:`FAULTS` maps
a name to a context manager around the whole example, :data:`SWITCH_FAULTS` to what every
emulated switch of a live read does wrong (``name:argument`` for the command it concerns,
``hangs:cfgshow``).
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import shlex
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, ContextManager, Iterator

from zoneplan.rules import examples as ex

__all__ = ["FAULTS", "LAB_PASSWORD", "SWITCH_FAULTS", "LabError", "run_command", "staged"]

#: the password of the lab's switches (and of its credential profiles)
LAB_PASSWORD = "Lab-Passw0rd-zp"
#: the SNMPv2c community of the lab's switches, and their SNMPv3 user (SHA, AES)
LAB_COMMUNITY = "Lab-Community-zp"
LAB_V3 = ("zplab", "Lab-Auth-Key-zp", "Lab-Priv-Key-zp")
#: what the lab adds to a ``zoneplan collect`` command line (unless it gives them itself):
#: limits a switch that answers stays well inside on a loaded test machine (a slow answer
#: must not read as a timeout: a Passes example once failed with ZP720 under load) ...
_COLLECT_LIMITS = {
    "--connect-timeout": "10",
    "--command-timeout": "10",
    "--switch-timeout": "60",
    "--retries": "0",
    "--snmp-timeout": "5",
}
#: ... and short ones only where the fault is that nothing answers, so its example is quick
_SHORT_LIMITS = {
    "login-hangs": {"--connect-timeout": "2"},
    "hangs": {"--command-timeout": "2"},
    "snmp-silent": {"--snmp-timeout": "0.5"},
}


class LabError(AssertionError):
    """An example the lab cannot run as written (an unknown fault, output that is not JSON)."""


@contextmanager
def _parser_crash(tmp: Path) -> Iterator[None]:
    """Every parser of saved switch output raises: what a bug in one would do."""
    from zoneplan import parsers

    saved = dict(parsers.PARSERS)

    def crash(text: str, source: str):  # noqa: ANN202
        raise RuntimeError("staged parser bug")

    try:
        for name in saved:
            parsers.PARSERS[name] = crash
        yield
    finally:
        parsers.PARSERS.clear()
        parsers.PARSERS.update(saved)


def _planner_drops(role: str):  # noqa: ANN202
    """The planner leaves the first client zone without its ``role`` members (a bug the
    independent plan checks must catch; no inventory makes the real planner do it)."""

    @contextmanager
    def stage(tmp: Path) -> Iterator[None]:
        from zoneplan.plan.model import ZoneKind
        from zoneplan.workflows import plan as workflow

        real = workflow.build_plan

        def buggy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            plan = real(*args, **kwargs)
            zone = next(z for fp in plan.fabrics for z in fp.zones if z.kind is ZoneKind.CLIENT)
            zone.members = [m for m in zone.members if m.role is None or m.role.value != role]
            return plan

        workflow.build_plan = buggy
        try:
            yield
        finally:
            workflow.build_plan = real

    return stage


@contextmanager
def _nothing(tmp: Path) -> Iterator[None]:
    yield


#: fault name → how to stage it (a context manager over the example's tmp folder)
FAULTS: dict[str, Callable[[Path], ContextManager[None]]] = {
    "": _nothing,
    "parser-crash": _parser_crash,
    "planner-drops-initiators": _planner_drops("initiator"),
    "planner-drops-targets": _planner_drops("target"),
}


@contextmanager
def _read_crash(tmp: Path) -> Iterator[None]:
    """Reading a switch raises inside zoneplan: what a bug in the SSH adapter would do."""
    from zoneplan.live import collect

    real = collect.read_switch_ssh

    async def crash(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("staged bug in the SSH adapter")

    collect.read_switch_ssh = crash
    try:
        yield
    finally:
        collect.read_switch_ssh = real


@contextmanager
def _catalogue_with_write(tmp: Path) -> Iterator[None]:
    """The Brocade pack's command catalogue lists ``cfgsave`` among the commands to collect
    (a copy of the packs in ``$ZONEPLAN_VENDORS_DIR``, the packs' own override)."""

    def edit(text: str) -> str:
        return (
            text + "  cfgsave:\n    parser: cfgsize\n    feeds: cfgsize\n"
            "    run: cfgsave\n    collect: true\n"
        )

    with _edited_packs(tmp, "brocade-fos/commands.yaml", edit):
        yield


@contextmanager
def _edited_packs(tmp: Path, name: str, edit: Callable[[str], str]) -> Iterator[None]:
    """A copy of the packs with one file edited, in ``$ZONEPLAN_VENDORS_DIR`` meanwhile."""
    import shutil

    from zoneplan.packs import vendors_dir

    packs = tmp / "vendors"
    shutil.copytree(vendors_dir(), packs)
    path = packs / name
    path.write_text(edit(path.read_text(encoding="utf-8")), "utf-8")
    old = os.environ.get("ZONEPLAN_VENDORS_DIR")
    os.environ["ZONEPLAN_VENDORS_DIR"] = str(packs)
    try:
        yield
    finally:
        if old is None:
            del os.environ["ZONEPLAN_VENDORS_DIR"]
        else:
            os.environ["ZONEPLAN_VENDORS_DIR"] = old


@contextmanager
def _capture_limits_tiny(tmp: Path) -> Iterator[None]:
    """The capture reader's limits lowered (64 bytes per file, one folder level): what a
    128 MiB file or a tree 17 levels deep does, in an example that fits on a page."""
    from zoneplan.parsers import capture

    saved = capture.MAX_CAPTURE_FILE_BYTES, capture.MAX_CAPTURE_DEPTH
    capture.MAX_CAPTURE_FILE_BYTES, capture.MAX_CAPTURE_DEPTH = 64, 1
    try:
        yield
    finally:
        capture.MAX_CAPTURE_FILE_BYTES, capture.MAX_CAPTURE_DEPTH = saved


@contextmanager
def _catalogue_without_cfgenable(tmp: Path) -> Iterator[None]:
    """The Brocade pack's change catalogue (``apply.yaml``) does not list ``cfgenable``."""

    def edit(text: str) -> str:
        lines = text.splitlines(keepends=True)
        return "".join(ln for ln in lines if not ln.startswith("  - 'cfgenable "))

    with _edited_packs(tmp, "brocade-fos/apply.yaml", edit):
        yield


FAULTS.update(
    {
        "change-catalogue-without-cfgenable": _catalogue_without_cfgenable,
        "read-crash": _read_crash,
        "catalogue-with-write-command": _catalogue_with_write,
        "capture-limits-tiny": _capture_limits_tiny,
    }
)

#: what an emulated switch does wrong: name → (what it means, EmulatedSwitch settings for the
#: fault's argument); "switch-down", "host-key-*" and "ssh1-only" are handled by the lab itself
SWITCH_FAULTS: dict[str, str] = {
    "switch-down": "nothing listens on the switch's SSH port (connection refused)",
    "login-hangs": "the switch accepts TCP and never finishes the SSH handshake",
    "password-refused": "the switch has another password than the credential",
    "host-key-unknown": "known_hosts has no key for the switch",
    "host-key-changed": "known_hosts has another key for the switch",
    "hangs": "the switch prints nothing for the command given (hangs:cfgshow)",
    "rejects": "the switch answers the command with 'command not found' (rejects:cfgsize)",
    "drops": "the switch closes the connection during the command (drops:cfgshow)",
    "pager": "the switch pages every output (Type <CR> to continue)",
    "ssh1-only": "the switch speaks SSH-1 only",
    "snmp-silent": "nothing answers on the switch's SNMP port",
    "snmp-generr": "the SNMP agent answers every walk with error-status genErr",
    "snmp-no-logins": "the SNMP agent's name-server tables have no rows",
    # zoneplan apply (the switches apply what they receive through the zoning oracle)
    "apply-zoning-changed": "another admin enabled a zone on fabric A after the plan",
    "apply-foreign-transaction": "another admin holds an open transaction on fabric A",
    "apply-error": "the first switch of fabric A refuses the N-th change command (apply-error:3)",
    "apply-drop": "the connection to fabric A's first switch drops after its N-th change command",
    "apply-verify-fails": "after the commit, a zone of fabric A loses a member",
    "apply-twice": "the same apply command ran once before",
}


def _switch_fault(fault: str) -> tuple[str, str]:
    name, _, arg = fault.partition(":")
    return (name, arg) if name in SWITCH_FAULTS else ("", "")


def staged(fault: str, tmp: Path) -> ContextManager[None]:
    """The fault ``fault`` in place while the example runs (nothing for ``""`` or for a
    switch fault, which the live lab stages on its emulators)."""
    if _switch_fault(fault)[0]:
        return _nothing(tmp)
    try:
        return FAULTS[fault](tmp)
    except KeyError:
        known = sorted(set(FAULTS) | set(SWITCH_FAULTS))
        raise LabError(f"no such staged fault {fault!r}; known: {known}") from None


@contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


class _Ssh1Server:
    """A device that answers with an SSH-1 banner only (an ancient switch)."""

    def __init__(self) -> None:
        self.port = 0
        self.host_key = None
        self._server: asyncio.AbstractServer | None = None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"SSH-1.5-OldSwitch\r\n")
        try:
            await writer.drain()
            await asyncio.wait_for(reader.read(), 5)
        except (TimeoutError, ConnectionError):
            pass
        finally:
            writer.close()

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self.port

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()


def _outputs(data: dict[str, Any]) -> dict[str, tuple[str, dict[str, str], list[str]]]:
    """switch → (vendor, command → output, SNMP records) for the zoning the plan of ``data``
    wants (the same inventory is planned once per process)."""
    import yaml

    return _planned_outputs(yaml.safe_dump(data, sort_keys=False))


@functools.lru_cache(maxsize=8)
def _planned_outputs(text: str) -> dict[str, tuple[str, dict[str, str], list[str]]]:
    from zoneplan.loader import parse_inventory
    from zoneplan.plan.build import build_plan
    from zoneplan.topology import build_topology

    from .planstate import states_from_plan
    from .snmp_agent import brocade_records, cisco_records
    from .ssh_switch import outputs_from_state, with_login_ports

    loaded = parse_inventory(text, "lab.yaml")
    if loaded.inventory is None:
        return {}
    topology = build_topology(loaded.inventory, loaded.source)
    states = states_from_plan(build_plan(topology), topology)
    records = {"brocade": brocade_records, "cisco": cisco_records}
    return {
        name: (st.vendor, outputs_from_state(st), records[st.vendor](with_login_ports(st)))
        for name, st in states.items()
    }


@contextmanager
def _switches(
    data: dict[str, Any], fault: str, lab: Path, *, snmp: bool
) -> Iterator[dict[str, str]]:
    """Emulators for the inventory's switches (``mgmt`` rewritten in ``data``); yields the
    environment of the lab's credentials."""
    import asyncssh

    from zoneplan.live.collect import parse_address

    from .ssh_switch import EmulatedSwitch, EmulatorThread

    # every switch with a usable address is served on 127.0.0.1: nothing leaves the machine
    wanted = [
        s for s in data.get("switches", []) if s.get("mgmt") and parse_address(str(s["mgmt"]))
    ]
    outputs = _outputs(data)
    kind, arg = _switch_fault(fault)
    servers: list[Any] = []
    agents: list[Any] = []  #: SNMP agents, kept running for the whole test process
    for sw in wanted:
        vendor, out, records = outputs.get(sw["name"], ("brocade", {}, []))
        if snmp:
            agent = _snmp_agent(sw["name"], tuple(records))
            agent.fault = {"snmp-generr": "generr", "snmp-no-logins": "no-logins"}.get(kind, "")
            agents.append(agent)
            continue
        if kind == "ssh1-only":
            servers.append(_Ssh1Server())
            continue
        settings: dict[str, Any] = {"password": LAB_PASSWORD}
        if kind == "login-hangs":
            settings["hang_login"] = True
        elif kind == "password-refused":
            settings["password"] = "another-" + LAB_PASSWORD
        elif kind == "hangs":
            settings["slow"] = {arg: 60.0}
        elif kind == "rejects":
            settings["error_on"] = {arg: f"rbash: {arg.split()[0]}: command not found\n"}
        elif kind == "drops":
            settings["drop_on"] = frozenset({arg})
        elif kind == "pager":
            settings["paging"] = "always"
        servers.append(EmulatedSwitch(sw["name"], vendor, out, **settings))
    running = [] if kind in ("switch-down", "snmp-silent") else servers
    with EmulatorThread(running) if running else _null():
        known: list[str] = []
        for sw, server in zip(wanted, agents or servers, strict=True):
            if agents:
                sw["mgmt"] = (
                    f"127.0.0.1:{_closed_port(True) if kind == 'snmp-silent' else server.port}"
                )
                continue
            port = server.port if running else _closed_port(snmp)
            sw["mgmt"] = f"127.0.0.1:{port}"
            if server.host_key is None or kind == "host-key-unknown":
                continue
            key = server.host_key
            if kind == "host-key-changed":
                key = asyncssh.generate_private_key("ssh-ed25519")
            pub = key.export_public_key("openssh").decode().split()
            known.append(f"[127.0.0.1]:{port} {pub[0]} {pub[1]}\n")
        (lab / "known_hosts").write_text("".join(known), encoding="utf-8")
        env: dict[str, str] = {}
        for profile in {s.get("credentials") for s in data.get("switches", [])} - {None}:
            from zoneplan.live.credentials import env_prefix

            env[env_prefix(profile) + "USER"] = "admin"
            env[env_prefix(profile) + "PASSWORD"] = LAB_PASSWORD
            env[env_prefix(profile) + "COMMUNITY"] = LAB_COMMUNITY
        yield env


_SNMP_AGENTS: dict[tuple[str, tuple[str, ...]], Any] = {}
_SNMP_THREAD: list[Any] = []


def _snmp_agent(name: str, records: tuple[str, ...]) -> Any:
    """The lab's SNMP agent serving ``records``, started on first use and kept for the
    process (an SNMP engine costs a tenth of a second of CPU to build; the examples need
    dozens of agents with the same data)."""
    from .snmp_responder import SnmpResponder
    from .ssh_switch import EmulatorThread

    key = (name, records)
    if key not in _SNMP_AGENTS:
        agent = SnmpResponder(records, community=LAB_COMMUNITY, v3=LAB_V3)
        thread = EmulatorThread([agent]).__enter__()  # a daemon thread, ends with the process
        _SNMP_THREAD.append(thread)
        _SNMP_AGENTS[key] = agent
    return _SNMP_AGENTS[key]


def _closed_port(udp: bool) -> int:
    """A port of 127.0.0.1 that nothing listens on."""
    import socket

    from .ssh_switch import free_tcp_port

    if not udp:
        return free_tcp_port()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _null() -> Iterator[None]:
    yield


def _setup(example: ex.Run, tmp: Path) -> tuple[Path, Path]:
    lab, home = tmp / "lab", tmp / "home"
    lab.mkdir()
    home.mkdir()
    for name, text in example.files.items():
        path = home / name[2:] if name.startswith("~/") else lab / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        os.chmod(path, example.modes.get(name, 0o600))
    return lab, home


def _via_snmp(args: list[str]) -> bool:
    return "--via" in args and args[args.index("--via") + 1 : args.index("--via") + 2] == ["snmp"]


def _is_live(args: list[str]) -> bool:
    return bool(args) and (args[0] == "collect" or (args[0] == "audit" and "--live" in args))


def run_command(example: ex.Run, tmp: Path) -> set[tuple[str, str]]:
    """Run the example's ``zoneplan ...`` command line in a lab; (code, severity) of each
    finding it reported."""
    import yaml
    from typer.testing import CliRunner

    from zoneplan.cli import app

    from .examples import apply_patch, sample_data

    argv = shlex.split(example.command)
    if not argv or argv[0] != "zoneplan":
        raise LabError(f"a Run example is a zoneplan command line, not {example.command!r}")
    args = argv[1:]
    if "--format" not in args and "-f" not in args:
        args += ["--format", "json"]
    lab, home = _setup(example, tmp)
    data = apply_patch(sample_data(example.base), example.patch)
    # nothing of the developer's own configuration: no ZONEPLAN_* variable, another $HOME
    env: dict[str, str | None] = {
        k: None for k in os.environ if k.startswith("ZONEPLAN_") and k != "ZONEPLAN_VENDORS_DIR"
    }
    env.update({"HOME": str(home), "XDG_CONFIG_HOME": None, "NO_COLOR": "1"})
    if args[0] == "apply":
        return _run_apply(args, example, data, lab, env)
    live = _is_live(args)
    with _switches(data, example.fault, lab, snmp=_via_snmp(args)) if live else _null() as lab_env:
        if live:
            env.update(lab_env or {})
            if "--known-hosts" not in args:
                args += ["--known-hosts", str(lab / "known_hosts")]
            if args[0] == "collect":
                limits = _COLLECT_LIMITS | _SHORT_LIMITS.get(_switch_fault(example.fault)[0], {})
                for option, value in limits.items():
                    if option not in args:
                        args += [option, value]
        env.update(example.env)
        (lab / "inventory.yaml").write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
        with _cwd(lab):
            result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    return _codes_of(example, result)


def _codes_of(example: ex.Run, result: Any) -> set[tuple[str, str]]:
    """(code, severity) of each finding the command printed as JSON."""
    out = result.stdout
    start = out.find("{")
    try:
        doc = json.loads(out[start:]) if start >= 0 else None
    except json.JSONDecodeError:
        doc = None
    if not isinstance(doc, dict) or "findings" not in doc:
        raise LabError(
            f"`{example.command}` printed no JSON findings (exit {result.exit_code}):\n{out}"
        )
    return {(f["code"], f["severity"]) for f in doc["findings"]}


# --------------------------------------------------------------------------- zoneplan apply


def _run_apply(
    args: list[str], example: ex.Run, data: dict[str, Any], lab: Path, env: dict[str, str | None]
) -> set[tuple[str, str]]:
    """``zoneplan apply`` in the lab: every switch serves an empty fabric of the zoning oracle
    (switches of one fabric share it); ``chg/`` is the inventory planned as a new fabric; the
    apply faults are planted on fabric A's first switch."""
    import yaml
    from typer.testing import CliRunner

    from zoneplan.cli import app
    from zoneplan.live.credentials import env_prefix

    from . import ssh_switch as S
    from .oracle import FosFabric, MdsFabric
    from .oracle.nxos import VsanZoning

    outputs = _outputs(data)
    fabrics: dict[str, Any] = {}
    for fab in data.get("fabrics", []):
        names = [s["name"] for s in data.get("switches", []) if s.get("fabric") == fab["name"]]
        if fab.get("vendor") == "cisco":
            v = int(fab.get("vsan") or 1)
            fabrics[fab["name"]] = MdsFabric({v: VsanZoning(v, "enhanced")}, switches=tuple(names))
        else:
            fabrics[fab["name"]] = FosFabric(switch=names[0] if names else None)
    servers: list[Any] = []
    for sw in data.get("switches", []):
        vendor, out, _ = outputs.get(sw["name"], ("brocade", {}, []))
        servers.append(
            S.EmulatedSwitch(
                sw["name"], vendor, out, password=LAB_PASSWORD, fabric=fabrics.get(sw.get("fabric"))
            )
        )
    kind, arg = _switch_fault(example.fault)
    runner = CliRunner()
    with S.EmulatorThread(servers):
        for sw, server in zip(data.get("switches", []), servers, strict=True):
            sw["mgmt"] = f"127.0.0.1:{server.port}"
        (lab / "known_hosts").write_text("".join(s.public_key_line for s in servers), "utf-8")
        for profile in {s.get("credentials") for s in data.get("switches", [])} - {None}:
            env[env_prefix(profile) + "USER"] = "admin"
            env[env_prefix(profile) + "PASSWORD"] = LAB_PASSWORD
        env.update(example.env)
        (lab / "inventory.yaml").write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
        args = [*args, "--known-hosts", str(lab / "known_hosts")]
        with _cwd(lab):
            planned = runner.invoke(
                app, ["plan", "inventory.yaml", "--greenfield", "--out", "chg"], env=env
            )
            if planned.exit_code not in (0, 1):
                raise LabError(
                    f"the lab's plan failed (exit {planned.exit_code}):\n{planned.stdout}"
                )
            first = next((s for s in servers if s.fabric is fabrics.get("A")), servers[0])
            a = fabrics.get("A")
            if kind == "apply-zoning-changed":
                S.plant_zoning_change(a)
            elif kind == "apply-foreign-transaction":
                S.plant_foreign_transaction(a)
            elif kind in ("apply-error", "apply-drop"):
                from tests.apply.lab import drop_at, fail_at

                (fail_at if kind == "apply-error" else drop_at)(first, int(arg or 1))
            elif kind == "apply-verify-fails":
                _lose_a_member(first, a)
            elif kind == "apply-twice":
                runner.invoke(app, args, env=env, catch_exceptions=False)
            result = runner.invoke(app, args, env=env, catch_exceptions=False)
    return _codes_of(example, result)


def _lose_a_member(sw: Any, fabric: Any) -> None:
    """After the first commit, one zone of a FOS fabric loses a member (once)."""
    state = {"enabled": False, "done": False}

    def hook(n: int, cmd: str, s: Any) -> None:
        if cmd.startswith("cfgenable"):
            state["enabled"] = True
        elif state["enabled"] and not state["done"] and cmd == "cfgshow":
            state["done"] = True
            zone = next(z for z in fabric.defined.zones.values() if len(z.members) > 1)
            zone.members.pop()
            fabric.effective = fabric.compile(fabric.defined, fabric.effective.effective)

    sw.before_command = hook
