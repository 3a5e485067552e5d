"""The vendor packs (manifests and templates) ship inside the wheel and work from there; the
test support (emulators, generators, hypothesis strategies) does not ship."""

from __future__ import annotations

import ast
import zipfile

from plan_helpers import REPO, topology_of

from zoneplan.packs import VendorPack
from zoneplan.plan import build_plan, greenfield_change
from zoneplan.render import Renderer

TEMPLATES = ("precheck.j2", "script.j2", "rollback.j2", "verify.j2")


def test_wheel_contains_the_packs_and_they_render(tmp_path, monkeypatch):
    # the project's PEP 517 backend, called as `python -m build --wheel --no-isolation` calls
    # it (in-process: the same wheel for a twentieth of the CPU of a build frontend)
    from hatchling.build import build_wheel

    out = tmp_path / "dist"
    out.mkdir()
    monkeypatch.chdir(REPO)  # the backend reads pyproject.toml from the working folder
    build_wheel(str(out))
    (wheel,) = out.glob("zoneplan-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for pack in ("brocade-fos", "cisco-mds"):
            for part in ("manifest.yaml", "commands.yaml", "snmp.yaml"):
                assert f"zoneplan/_vendors/{pack}/{part}" in names, (pack, part)
            for t in TEMPLATES:
                assert f"zoneplan/_vendors/{pack}/templates/{t}" in names, (pack, t)
        # test support stays in tests/: no emulator, generator or strategy in the wheel
        assert not [n for n in names if n.startswith(("tests/", "zoneplan/testing/"))]
        assert "zoneplan/cabling/synthetic.py" not in names
        for name in sorted(n for n in names if n.endswith(".py")):
            tree = ast.parse(zf.read(name), name)
            imported = {
                a.name.split(".")[0]
                for node in ast.walk(tree)
                if isinstance(node, ast.Import)
                for a in node.names
            } | {
                (node.module or "").split(".")[0]
                for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and not node.level
            }
            assert not imported & {"hypothesis", "tests", "pytest", "snmpsim"}, name
        zf.extractall(tmp_path / "site")
    # render the sample with the packs as installed from the wheel
    plan = build_plan(topology_of(REPO / "samples" / "euronas-cluster.yaml"))
    for fp in plan.fabrics:
        root = tmp_path / "site" / "zoneplan" / "_vendors" / fp.pack
        change = greenfield_change(fp).change
        script = Renderer(VendorPack.load(root)).script(plan, fp, change)
        assert fp.config in script
