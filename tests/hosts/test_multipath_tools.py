"""The generated Linux and Xen files go through the real multipath-tools parser (``multipath -t``).

multipath-tools reads only ``/etc/multipath.conf`` and ``/etc/multipath/conf.d``; there is no
option for another file. So each run happens in a private mount namespace (``unshare -m``)
with an overlay over ``/etc`` whose upper layer is a tmpfs: the files are put where a host
would have them, and nothing on this machine changes. ``multipath -t`` prints the merged
configuration and, on stderr, every unknown or deprecated keyword and every missing brace.

Skipped when the ``multipath`` binary is absent (CI installs Debian's multipath-tools) or the
namespace cannot be made (not root).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from zoneplan.hosts.config import device_section, render_host_config
from zoneplan.hosts.paths import host_by_name
from zoneplan.validate import validate_inventory

MULTIPATH = shutil.which("multipath") or (
    "/usr/sbin/multipath" if Path("/usr/sbin/multipath").exists() else None
)
pytestmark = pytest.mark.skipif(MULTIPATH is None, reason="multipath-tools not installed")

_SCRIPT = """\
set -e
mount --make-rprivate /
mount -t tmpfs zoneplan-test "$1"
mkdir "$1/up" "$1/wk"
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$1/up,workdir=$1/wk" /etc
rm -rf /etc/multipath.conf /etc/multipath
mkdir -p /etc/multipath/conf.d
shift
while [ $# -gt 1 ]; do cp "$1" "$2"; shift 2; done
exec "$MULTIPATH" -t
"""

#: what XenServer's own /etc/multipath.conf sets, written here (not copied) for the Xen run
XEN_BASE = "defaults {\n    user_friendly_names no\n    find_multipaths yes\n}\n"


def multipath_t(tmp_path: Path, files: dict[str, str]) -> tuple[str, list[str]]:
    """(merged configuration, messages) of ``multipath -t`` with ``files`` placed under /etc."""
    ns = tmp_path / "ns"
    ns.mkdir()
    args: list[str] = []
    for i, (where, text) in enumerate(files.items()):
        src = tmp_path / f"f{i}.conf"
        src.write_text(text)
        args += [str(src), where]
    try:
        r = subprocess.run(
            ["unshare", "-m", "sh", "-c", _SCRIPT, "sh", str(ns), *args],
            capture_output=True,
            text=True,
            timeout=60,
            env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "MULTIPATH": str(MULTIPATH)},
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"cannot run unshare: {exc}")
    if r.returncode != 0 and re.search(r"^(unshare|mount|sh):", r.stderr, re.M):
        pytest.skip(f"no private mount namespace here: {r.stderr.strip()[:200]}")
    assert r.returncode == 0, r.stderr
    # messages look like "12950.360592 | /etc/multipath.conf line 30: ignoring ..."
    messages = [re.sub(r"^[0-9.]+ \| ", "", m) for m in r.stderr.splitlines() if m.strip()]
    return r.stdout, messages


def merged_device(merged: str, vendor: str) -> dict[str, str]:
    """Keywords of the device entry with ``vendor`` in the merged configuration."""
    for block in re.findall(r"^\tdevice \{\n(.*?)^\t\}", merged, re.M | re.S):
        kw = dict(_pairs(block))
        if kw.get("vendor") == vendor:
            return kw
    raise AssertionError(f"no device with vendor {vendor!r} in the merged configuration")


def _pairs(text: str):
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "{" not in line and line != "}":
            key, _, value = line.partition(" ")
            yield key, value.strip().strip('"')


def generated(topology, host: str, legacy: bool = False) -> str:
    return render_host_config(topology, host_by_name(topology, host), legacy=legacy).text


def test_linux_modern_file_as_multipath_conf_is_accepted_unchanged(tmp_path, sample_topology):
    text = generated(sample_topology, "lnx01")
    merged, messages = multipath_t(tmp_path, {"/etc/multipath.conf": text})
    assert messages == []
    assert merged_device(merged, "^eSSM") == dict(_pairs(device_section(text)))


def test_linux_modern_file_as_conf_d_drop_in(tmp_path, sample_topology):
    f = render_host_config(sample_topology, host_by_name(sample_topology, "lnx01"))
    merged, messages = multipath_t(tmp_path, {f.install_path: f.text})
    assert messages == []
    assert merged_device(merged, "^eSSM")["no_path_retry"] == "queue"


def test_xen_custom_conf_beside_the_base_file(tmp_path, sample_topology):
    f = render_host_config(sample_topology, host_by_name(sample_topology, "xen01"))
    assert f.install_path == "/etc/multipath/conf.d/custom.conf"
    merged, messages = multipath_t(
        tmp_path, {"/etc/multipath.conf": XEN_BASE, f.install_path: f.text}
    )
    assert messages == []
    assert merged_device(merged, "^eSSM") == dict(_pairs(device_section(f.text)))


@pytest.mark.parametrize("host", ["lnx01", "xen01"])
def test_legacy_file_only_warns_about_getuid_callout(tmp_path, sample_topology, host):
    text = generated(sample_topology, host, legacy=True)
    merged, messages = multipath_t(tmp_path, {"/etc/multipath.conf": text})
    # the legacy form is for multipath-tools < 0.9; current ones ignore exactly this keyword
    assert len(messages) == 1 and 'ignoring deprecated option "getuid_callout"' in messages[0]
    kw = dict(_pairs(device_section(text)))
    del kw["getuid_callout"]
    assert merged_device(merged, "^eSSM") == kw


def test_odd_vendor_strings_stay_one_quoted_regex(tmp_path, write_inventory):
    def odd(data):
        data["cluster"]["scsi_vendor"] = "e'S$M\"#"
        data["cluster"]["scsi_product"] = "a.b*(c)] x"

    topo = validate_inventory(write_inventory(odd)).topology
    merged, messages = multipath_t(tmp_path, {"/etc/multipath.conf": generated(topo, "lnx01")})
    assert messages == []
    assert merged_device(merged, "^e'S[$]M..")["product"] == "^a[.]b[*][(]c[)][]] x"


def test_the_check_itself_catches_bad_configurations(tmp_path):
    """A section with an unknown keyword and no closing brace must not pass as clean."""
    broken = (
        'devices {\n    device {\n        vendor "X"\n        product "Y"\n        rr_min_ios 5\n'
    )
    _, messages = multipath_t(tmp_path, {"/etc/multipath.conf": broken})
    assert any("invalid keyword" in m and "rr_min_ios" in m for m in messages), messages
    assert any("missing '}'" in m for m in messages), messages
