"""Run one rule example (:mod:`zoneplan.rules.examples`) and return the codes it produced.

Each kind goes to the component that reads that input, through the same library call the
command uses: an inventory to :func:`~zoneplan.validate.validate_inventory`, a plan to
:func:`~zoneplan.workflows.plan.plan_inventory`, saved switch output to
:func:`~zoneplan.parsers.capture.read_captures`, an audit to
:func:`~zoneplan.workflows.audit.audit_captures`, a ``multipath -ll`` to
:func:`~zoneplan.workflows.hosts.verify_multipath_ll`, and a command line to the CLI itself,
in a lab (:mod:`tests.support.lab`). Every file is written under the test's tmp folder.
"""

from __future__ import annotations

import copy
import dataclasses
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from zoneplan.rules import examples as ex

from .paths import SAMPLES

__all__ = [
    "Found",
    "PatchError",
    "apply_patch",
    "codes_of",
    "findings_of",
    "inventory_text",
    "sample_data",
]


class PatchError(ValueError):
    """An inventory patch that does not fit the sample (a name that is not there...)."""


class _Replace:
    def __init__(self, value: Any) -> None:
        self.value = value


class _Delete:
    def __init__(self, value: Any) -> None:
        self.value = value


class _PatchLoader(yaml.SafeLoader):
    """YAML with the two patch tags, ``!replace`` and ``!delete``."""


def _tagged(cls: type):  # noqa: ANN202
    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return cls(loader.construct_mapping(node, deep=True))
        if isinstance(node, yaml.SequenceNode):
            return cls(loader.construct_sequence(node, deep=True))
        return cls(loader.construct_scalar(node))  # type: ignore[arg-type]

    return construct


#: libyaml when PyYAML has it: generated inventories of thousands of hosts
_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FastDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_PatchLoader.add_constructor("!replace", _tagged(_Replace))
_PatchLoader.add_constructor("!delete", _tagged(_Delete))


@cache
def _sample(base: str) -> dict[str, Any]:
    return yaml.safe_load((SAMPLES / f"{base}.yaml").read_text(encoding="utf-8"))


def sample_data(base: str = ex.SAMPLE) -> dict[str, Any]:
    """A shipped sample as plain data (a fresh copy)."""
    return copy.deepcopy(_sample(base))


def _merge(target: Any, patch: Any, where: str) -> Any:
    if isinstance(patch, _Replace):
        return _plain(patch.value, where)
    if isinstance(patch, dict) and isinstance(target, dict):
        out = dict(target)
        for key, value in patch.items():
            if value is None:
                out.pop(key, None)
            elif key in out:
                out[key] = _merge(out[key], value, f"{where}.{key}")
            else:
                out[key] = _plain(value, f"{where}.{key}")
        return out
    if isinstance(patch, list) and isinstance(target, list):
        out_list = list(target)
        for item in patch:
            if isinstance(item, _Delete):
                name = item.value.get("name") if isinstance(item.value, dict) else None
                kept = [t for t in out_list if not (isinstance(t, dict) and t.get("name") == name)]
                if name is None or len(kept) == len(out_list):
                    raise PatchError(f"{where}: !delete names no item of the sample: {item.value}")
                out_list = kept
                continue
            name = item.get("name") if isinstance(item, dict) else None
            match = [
                i for i, t in enumerate(out_list) if isinstance(t, dict) and t.get("name") == name
            ]
            if name is not None and match:
                out_list[match[0]] = _merge(out_list[match[0]], item, f"{where}[{name}]")
            else:
                out_list.append(_plain(item, where))
        return out_list
    return _plain(patch, where)


def _plain(value: Any, where: str) -> Any:
    """A patch value without tags (tags only make sense where something is merged)."""
    if isinstance(value, _Replace):
        return _plain(value.value, where)
    if isinstance(value, _Delete):
        raise PatchError(f"{where}: !delete only removes an item of a sample's list")
    if isinstance(value, dict):
        return {k: _plain(v, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, where) for v in value]
    return value


def apply_patch(data: dict[str, Any], patch: str) -> dict[str, Any]:
    """``data`` with the inventory patch merged in (see :mod:`zoneplan.rules.examples`)."""
    if not patch.strip():
        return data
    loaded = yaml.load(patch, Loader=_PatchLoader)  # noqa: S506 - SafeLoader + two tags
    if not isinstance(loaded, dict):
        raise PatchError(f"an inventory patch is a mapping of top-level keys, not {loaded!r}")
    return _merge(data, loaded, "")


def inventory_text(patch: str = "", base: str = ex.SAMPLE) -> str:
    """The YAML of a sample with a patch applied."""
    return yaml.safe_dump(apply_patch(sample_data(base), patch), sort_keys=False)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


#: what an example run found: (code, severity) of every finding
Found = set[tuple[str, str]]


def _codes(findings) -> Found:  # noqa: ANN001
    return {(f.code, f.severity.value) for f in findings}


def findings_of(example: ex.Example, tmp_path: Path) -> Found:
    """Run ``example`` in ``tmp_path``; (code, severity) of every finding it made.

    Inputs that differ only in their caption (the many Passes examples that read the lab's
    healthy switches) are run once per process: the same input gives the same findings.
    """
    from . import lab

    key = repr(dataclasses.replace(example, caption=""))
    if key not in _SEEN:
        with lab.staged(example.fault, tmp_path):
            _SEEN[key] = _RUNNERS[type(example)](example, tmp_path)
    return set(_SEEN[key])


_SEEN: dict[str, Found] = {}


def codes_of(example: ex.Example, tmp_path: Path) -> set[str]:
    """Run ``example`` in ``tmp_path``; the codes of every finding it made."""
    return {code for code, _ in findings_of(example, tmp_path)}


def _inventory(example: ex.Inventory, tmp: Path) -> Found:
    from zoneplan.validate import validate_inventory

    path = tmp / "inventory.yaml"
    path.write_text(inventory_text(example.patch, example.base), encoding="utf-8")
    return _codes(validate_inventory(path).findings)


def _inventory_text(example: ex.InventoryText, tmp: Path) -> Found:
    from zoneplan.validate import validate_inventory

    path = tmp / "inventory.yaml"
    path.write_text(example.text, encoding="utf-8")
    return _codes(validate_inventory(path).findings)


def _plan(example: ex.Plan, tmp: Path) -> Found:
    from zoneplan.samplegen import generate_inventory_yaml
    from zoneplan.workflows.plan import plan_inventory

    path = tmp / "inventory.yaml"
    if example.sample_hosts is not None:
        text = generate_inventory_yaml(example.sample_hosts)
        if example.patch:
            data = apply_patch(yaml.load(text, Loader=_FastLoader), example.patch)  # noqa: S506
            text = yaml.dump(data, Dumper=_FastDumper, sort_keys=False)
    else:
        text = inventory_text(example.patch, example.base)
    path.write_text(text, encoding="utf-8")
    run = plan_inventory(path, strategy=example.strategy, fabric=example.fabric, greenfield=True)
    return _codes(run.findings)


_FLAGS = {
    "--allow-delete": "allow_delete",
    "--enable-zoning": "enable_zoning",
    "--accept-pending": "accept_pending",
    "--greenfield": "greenfield",
}


def _change(example: ex.Change, tmp: Path) -> Found:
    from zoneplan.workflows.plan import plan_inventory, write_plan

    out = tmp / "plan"
    if example.earlier is not None:
        earlier = tmp / "earlier.yaml"
        earlier.write_text(inventory_text(example.earlier, example.base), encoding="utf-8")
        first = plan_inventory(earlier, greenfield=True, out=out)
        assert first.stopped is None, [f.parsable() for f in first.findings]
        write_plan(first, out)
    path = tmp / "inventory.yaml"
    path.write_text(inventory_text(example.patch, example.base), encoding="utf-8")
    against: list[Path] = []
    if example.files:
        root = tmp / "capture"
        root.mkdir()
        _write(root, dict(example.files))
        against = [root]
    flags = {_FLAGS[f]: True for f in example.flags}
    run = plan_inventory(
        path,
        strategy=example.strategy,
        fabric=example.fabric,
        against=against,
        out=out,
        **flags,
    )
    return _codes(run.findings)


def _capture(example: ex.Capture, tmp: Path) -> Found:
    from zoneplan.parsers.capture import read_captures

    root = tmp / "capture"
    root.mkdir()
    _write(root, dict(example.files))
    _, findings = read_captures([root])
    return _codes(findings)


def _audit(example: ex.Audit, tmp: Path) -> Found:
    from zoneplan.workflows.audit import audit_captures

    root = tmp / "capture"
    root.mkdir()
    _write(root, dict(example.files))
    inventory = None
    if example.inventory:
        inventory = tmp / "inventory.yaml"
        inventory.write_text(inventory_text(example.patch, example.base), encoding="utf-8")
    plan_file = None
    if example.plan_from is not None:
        from zoneplan.workflows.plan import plan_inventory, plan_json_bytes

        planned_from = tmp / "planned-from.yaml"
        planned_from.write_text(inventory_text(example.plan_from, example.base), encoding="utf-8")
        planned = plan_inventory(planned_from)
        assert planned.plan is not None, [f.parsable() for f in planned.findings]
        plan_file = tmp / "plan.json"
        plan_file.write_bytes(plan_json_bytes(planned.plan))
    run = audit_captures([root], inventory, fabric=example.fabric, plan_file=plan_file)
    return _codes(run.findings)


def _multipath(example: ex.Multipath, tmp: Path) -> Found:
    from zoneplan.validate import validate_inventory
    from zoneplan.workflows.hosts import verify_multipath_ll

    path = tmp / "inventory.yaml"
    path.write_text(inventory_text(example.patch, example.base), encoding="utf-8")
    validation = validate_inventory(path)
    assert validation.usable, [f.parsable() for f in validation.findings]
    topology = validation.topology
    host = next(h for h in topology.inventory.hosts if h.name == example.host)
    outcome = verify_multipath_ll(topology, host, example.text, str(tmp / "multipath-ll.txt"))
    return _codes(outcome.findings)


def _workbook(example: ex.Workbook, tmp: Path) -> Found:
    import datetime as dt
    import io

    from openpyxl import load_workbook

    from zoneplan.loader import load_inventory
    from zoneplan.spreadsheet import write_workbook
    from zoneplan.workflows.spreadsheet import import_workbook

    path = tmp / "site.xlsx"
    if example.file is not None:
        path.write_text(example.file, encoding="utf-8")
    else:
        inv = load_inventory(SAMPLES / f"{example.base}.yaml").inventory
        assert inv is not None
        wb = load_workbook(io.BytesIO(write_workbook(inv)))
        for name in example.add_sheets:
            wb.create_sheet(name)["A1"] = "name"
        for name in example.remove_sheets:
            wb.remove(wb[name])
        for where, value in example.cells.items():
            sheet, ref = where.split("!")
            if isinstance(value, str) and value.startswith("date:"):
                value = dt.datetime.fromisoformat(value[5:])
            wb[sheet][ref] = value
        wb.save(path)
    return _codes(import_workbook(path).findings)


def _run(example: ex.Run, tmp: Path) -> Found:
    from . import lab

    return lab.run_command(example, tmp)


_RUNNERS = {
    ex.Inventory: _inventory,
    ex.InventoryText: _inventory_text,
    ex.Plan: _plan,
    ex.Change: _change,
    ex.Capture: _capture,
    ex.Audit: _audit,
    ex.Multipath: _multipath,
    ex.Run: _run,
    ex.Workbook: _workbook,
}
