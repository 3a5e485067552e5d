"""The typed vendor packs: one loader, every file validated, errors naming file and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.paths import REPO
from zoneplan.packs import PACK_FILES, Feed, VendorPack, VendorPackError, all_packs, vendors_dir
from zoneplan.parsers.capture import FEEDS
from zoneplan.parsers.catalogue import commands

SCHEMA_OF = {
    "manifest.yaml": "vendor-pack.schema.json",
    "commands.yaml": "vendor-commands.schema.json",
    "snmp.yaml": "vendor-snmp.schema.json",
    "faceplates.yaml": "vendor-faceplates.schema.json",
    "apply.yaml": "vendor-apply.schema.json",
}


def test_every_feed_has_an_applier_and_every_applier_a_feed():
    assert set(FEEDS) == {f.value for f in Feed}


def test_every_pack_file_has_a_model_and_names_its_schema():
    assert set(PACK_FILES) == set(SCHEMA_OF)
    for pack in all_packs():
        for name, schema in SCHEMA_OF.items():
            path = pack.file(name)
            if not path.exists():
                assert name in ("snmp.yaml", "faceplates.yaml", "apply.yaml"), (pack.id, name)
                continue
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schemas/{schema}", path
            assert (REPO / "schemas" / schema).is_file()


def test_per_vsan_is_explicit_and_only_where_the_pack_zones_per_vsan():
    for pack in all_packs():
        per_vsan = [n for n, c in pack.commands.commands.items() if c.per_vsan]
        if not pack.manifest.capabilities.vsans:
            assert not per_vsan, pack.id
    collected = {c.name: c for c in commands() if c.collect}
    assert collected["show zoneset active"].per_vsan
    assert not collected["show flogi database"].per_vsan  # logins: every VSAN at once


@pytest.fixture
def packs_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "vendors"
    shutil.copytree(vendors_dir(), root)
    monkeypatch.setenv("ZONEPLAN_VENDORS_DIR", str(root))
    return root


@pytest.mark.parametrize(
    "file,old,new,says",
    [
        ("manifest.yaml", "max_length: 64", "max_length: 0", "naming.max_length"),
        ("commands.yaml", "feeds: zoning\n", "feeds: zonning\n", "commands.cfgshow.feeds"),
        ("commands.yaml", "    end: '>'", "    end: '(>)'", "cli.prompt.end"),
        ("commands.yaml", "  cfgshow:\n", "  cfgshow:\n    per_vsan: true\n", "per_vsan"),
        ("snmp.yaml", "enterprise: 1.3.6.1.4.1.1588", "enterprise: brocade", "enterprise"),
        ("snmp.yaml", "zoning: false\n", "zonning: false\n", "zonning"),
    ],
)
def test_a_broken_pack_file_is_one_error_naming_the_file_and_the_field(
    packs_copy, file, old, new, says
):
    path = packs_copy / "brocade-fos" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(VendorPackError) as err:
        VendorPack.load(packs_copy / "brocade-fos")
    assert str(path) in str(err.value) and says in str(err.value)


def test_two_packs_for_one_vendor_are_refused(packs_copy):
    shutil.copytree(packs_copy / "cisco-mds", packs_copy / "cisco-mds-copy")
    with pytest.raises(VendorPackError, match="two packs"):
        all_packs()


def test_packs_are_read_only_values(packs_copy):
    pack = all_packs()[0]
    with pytest.raises(ValueError):
        pack.manifest.limits.zone_db_bytes = 1  # type: ignore[misc]
