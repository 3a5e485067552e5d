"""Per-client multipath settings: one file per host, in the form its operating system needs.

Why one generator for every OS: the cluster presents each LUN on every zoned path with ALUA;
a client without multipath for it sees the LUN several times and does not fail over (the
cluster FAQ warns of data loss). What each OS needs differs (a dm-multipath device section on
Linux, the same in ``/etc/multipath/conf.d/custom.conf`` plus ``xe`` commands on Citrix Xen,
MPIO and a DSM claim on Windows, only checks on ESXi and Xsan), but the expectation is the same
and comes from the zoning plan: ``N`` paths per LUN, ``A`` active and ``S`` standby. Every file
states it, so the admin knows what "working" looks like.

Linux and Xen files use the modern multipath-tools syntax (``uid_attribute``, ``no_path_retry
queue``, ``rr_min_io_rq``) by default; ``legacy=True`` writes the RHEL 5/6 form
(``getuid_callout``, ``features "1 queue_if_no_path"``, ``rr_min_io``) for old distributions,
whose multipath-tools do not know the modern keywords. Both are checked against the real
multipath-tools parser in the tests; braces are always closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from .. import __version__
from ..model import Cluster, Host, HostOS
from ..sanitise import artefact_environment, check_artefact, one_line
from ..topology import Topology
from .paths import HostPaths, NoClusterError, expected_paths

TEMPLATES = Path(__file__).with_name("templates")

#: template, file name suffix, where the file goes on the host ({cluster} is filled in)
_OS_FILES: dict[HostOS, tuple[str, str, str]] = {
    HostOS.LINUX: ("linux.conf.j2", "multipath.conf", "/etc/multipath/conf.d/{cluster}.conf"),
    HostOS.CITRIX_XEN: (
        "citrix-xen.conf.j2",
        "custom.conf",
        "/etc/multipath/conf.d/custom.conf",
    ),
    HostOS.WINDOWS: ("windows.ps1.j2", "mpio.ps1", ""),
    HostOS.VMWARE: ("vmware.sh.j2", "esxcli.sh", ""),
    HostOS.MACOS_XSAN: ("macos-xsan.txt.j2", "xsan.txt", ""),
}

#: POSIX extended regular expression specials, written as one-character bracket expressions
_ERE_SPECIAL = set(".[]()*+?{}|$")
#: never inside a multipath.conf quoted string (quote, escape, comment starters): any char
_CONF_UNSAFE = set('"\\^#!')


@dataclass(frozen=True)
class HostConfig:
    """One generated file for one client."""

    host: str
    os: HostOS
    filename: str  #: file name in the output folder, ``<host>-<suffix>``
    install_path: str  #: where it goes on the host ('' for command files)
    text: str
    paths: HostPaths


def ere_literal(text: str, *, anchor: bool = True) -> str:
    """A multipath.conf regular expression matching ``text`` literally (as a prefix).

    Why not ``re.escape``: multipath-tools compiles POSIX EREs, where ``\\-`` and friends are
    undefined, and its config reader has no escape for ``"``. Specials become bracket
    expressions (``[.]``), characters that cannot be quoted become ``.`` (any character).
    """
    out = []
    for ch in text:
        if ch in _CONF_UNSAFE:
            out.append(".")
        elif ch == "]":
            out.append("[]]")
        elif ch in _ERE_SPECIAL:
            out.append(f"[{ch}]")
        else:
            out.append(ch)
    return ("^" if anchor else "") + "".join(out)


def hardware_id(cluster: Cluster) -> str:
    """The MPIO hardware ID: vendor padded to 8 and product padded to 16 characters."""
    product = "" if cluster.scsi_product == "*" else cluster.scsi_product
    return f"{cluster.scsi_vendor[:8]:<8}{product[:16]:<16}"


def _comment(value: object) -> str:
    """Free text safe on one comment line: runs of white space one space, then sanitised."""
    return one_line(" ".join(str(value).split()))


def _ps_quote(value: object) -> str:
    """A PowerShell single-quoted string (no expansion of ``$`` or backquotes)."""
    return "'" + str(value).replace("'", "''") + "'"


def _sh_quote(value: object) -> str:
    """A POSIX shell single-quoted string."""
    return "'" + str(value).replace("'", "'\\''") + "'"


def _sh_word(value: object) -> str:
    """A word for a command line shown in a comment: quoted unless plainly safe."""
    text = str(value)
    return text if re.fullmatch(r"[A-Za-z0-9_./+:=@-]+", text) else _sh_quote(text)


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    # every {{ value }} passes the sanitiser: one line, control characters visible
    env = artefact_environment(
        jinja2.FileSystemLoader(str(TEMPLATES)),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(comment=_comment, ps_quote=_ps_quote, sh_quote=_sh_quote, sh_word=_sh_word)
    return env


def render_host_config(
    topology: Topology,
    host: Host,
    *,
    legacy: bool = False,
    inventory_file: str = "INVENTORY.yaml",
) -> HostConfig:
    """The file ``host`` needs. ``legacy`` matters for Linux and Citrix Xen only.

    Raises :class:`~zoneplan.hosts.paths.NoClusterError` when the inventory has no cluster.
    """
    cluster = topology.inventory.cluster
    if cluster is None:
        raise NoClusterError("the inventory has no cluster: there are no cluster LUNs")
    paths = expected_paths(topology, host)
    template, suffix, install = _OS_FILES[host.os]
    product_any = cluster.scsi_product.strip() in ("*", "")
    install_path = install.format(cluster=cluster.name)
    text = (
        _env()
        .get_template(template)
        .render(
            host=host,
            cluster=cluster,
            inventory=topology.inventory,
            inventory_file=inventory_file,
            paths=paths,
            legacy=legacy,
            version=__version__,
            install_path=install_path,
            vendor_re=ere_literal(cluster.scsi_vendor),
            product_re=".*" if product_any else ere_literal(cluster.scsi_product),
            product_any=product_any,
            hardware_id=hardware_id(cluster),
        )
    )
    text = "\n".join(line.rstrip() for line in text.split("\n")).rstrip("\n") + "\n"
    check_artefact(text, f"{host.name}-{suffix}")
    return HostConfig(host.name, host.os, f"{host.name}-{suffix}", install_path, text, paths)


def render_all(
    topology: Topology, *, legacy: bool = False, inventory_file: str = "INVENTORY.yaml"
) -> list[HostConfig]:
    """One file per inventory host, in inventory order."""
    return [
        render_host_config(topology, h, legacy=legacy, inventory_file=inventory_file)
        for h in topology.inventory.hosts
    ]


def device_section(text: str) -> str:
    """The ``devices { ... }`` part of a generated Linux/Xen file (tests, ``multipath -t``)."""
    start = text.index("devices {")
    return text[start:]
