"""The inventory patches of the rule examples merge the way CONTRIBUTING.md says."""

from __future__ import annotations

import pytest

from tests.support.examples import PatchError, apply_patch, sample_data


def _host(data, name):
    return next(h for h in data["hosts"] if h["name"] == name)


def test_an_item_with_a_name_merges_into_the_sample_s_item_of_that_name():
    data = apply_patch(sample_data(), "hosts: [{name: esx01, os: linux}]")
    assert _host(data, "esx01")["os"] == "linux"
    assert _host(data, "esx01")["hbas"] == _host(sample_data(), "esx01")["hbas"]
    assert len(data["hosts"]) == len(sample_data()["hosts"])


def test_null_removes_a_key_and_a_new_name_or_an_unnamed_item_is_added():
    patch = """
    switches: [{name: sw-a1, mgmt: null}, {name: sw-a3, fabric: A, domain_id: 3}]
    isls: [{a: "sw-a1:40", b: "sw-a3:40"}]
    """
    data = apply_patch(sample_data(), patch)
    sw = {s["name"]: s for s in data["switches"]}
    assert "mgmt" not in sw["sw-a1"] and sw["sw-a3"]["domain_id"] == 3
    assert data["isls"][-1] == {"a": "sw-a1:40", "b": "sw-a3:40"}
    assert len(data["isls"]) == len(sample_data()["isls"]) + 1


def test_replace_and_delete():
    patch = """
    isls: !replace []
    hosts:
      - !delete {name: win01}
      - name: esx01
        hbas: !replace [{name: hba9, ports: [{name: p0, wwpn: "10:00:00:90:fa:c9:00:01"}]}]
    """
    data = apply_patch(sample_data(), patch)
    assert data["isls"] == []
    assert "win01" not in {h["name"] for h in data["hosts"]}
    assert [a["name"] for a in _host(data, "esx01")["hbas"]] == ["hba9"]


def test_the_sample_itself_is_never_changed():
    before = sample_data()
    apply_patch(sample_data(), "hosts: [{name: esx01, os: linux}]")
    assert sample_data() == before


@pytest.mark.parametrize(
    "patch",
    ["- just a list", "hosts: [!delete {name: no-such-host}]", "name: !delete {name: x}"],
)
def test_a_patch_that_does_not_fit_is_an_error(patch):
    with pytest.raises(PatchError):
        apply_patch(sample_data(), patch)
