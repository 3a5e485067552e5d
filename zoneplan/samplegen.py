"""Synthetic inventories of any size: for benchmarks, load tests and ``zoneplan sample``.

The output is a valid, clean inventory in the same shape as ``samples/euronas-cluster.yaml``:
the two-node cluster with direct mirror links and one array per node, and ``hosts`` clients
with one port on each fabric, spread over as many switches as the port counts need.
"""

from __future__ import annotations

import random

from .packs import known_vendors, pack_for

_OS = ("vmware", "windows", "linux", "citrix-xen", "macos-xsan")
PORTS_PER_SWITCH = 480  # 10 x 48-port blades
RESERVED = 16  # ports 0..15 of the first switch: cluster, arrays and ISLs
#: a fabric has at most 239 domains (FC-SW: domain IDs 1-239), so a fabric has at most 239
#: switches; beyond 239 x 462 clients the switches get more ports (up to the model's 4096)
MAX_SWITCHES_PER_FABRIC = 239
MAX_PORTS_PER_SWITCH = 4096
#: the most clients one generated fabric pair holds
MAX_HOSTS = MAX_SWITCHES_PER_FABRIC * (MAX_PORTS_PER_SWITCH - RESERVED - 2)


def _wwpn(prefix: str, n: int) -> str:
    tail = f"{n:06x}"
    return f"{prefix}:{tail[0:2]}:{tail[2:4]}:{tail[4:6]}"


def generate_inventory_yaml(
    hosts: int,
    *,
    vendor_a: str | None = None,
    vendor_b: str | None = None,
    seed: int = 0,
    name: str | None = None,
) -> str:
    """A clean inventory with ``hosts`` dual-fabric clients, as YAML text.

    Fabric A defaults to the first installed pack's vendor, fabric B to the second (mixed
    vendors exercise both dialects), or the first again when only one pack is installed.
    Raises ValueError beyond :data:`MAX_HOSTS` (a fabric cannot have more domains).
    """
    if not 0 <= hosts <= MAX_HOSTS:
        raise ValueError(f"between 0 and {MAX_HOSTS:,} hosts (239 switches per fabric)")
    vendors = known_vendors()
    vendor_a = vendor_a or vendors[0]
    vendor_b = vendor_b or vendors[1 % len(vendors)]
    rnd = random.Random(seed)
    ports_per_switch = PORTS_PER_SWITCH
    if -(-hosts // (PORTS_PER_SWITCH - RESERVED - 2)) > MAX_SWITCHES_PER_FABRIC:
        ports_per_switch = -(-hosts // MAX_SWITCHES_PER_FABRIC) + RESERVED + 2
    per_switch = ports_per_switch - RESERVED - 2  # the last two ports carry ISLs
    n_sw = max(1, -(-hosts // per_switch))
    fabrics = {"A": vendor_a, "B": vendor_b}
    out: list[str] = [
        "# yaml-language-server: $schema=../schemas/inventory.schema.json",
        f"name: {name or f'synthetic-{hosts}'}",
        "site: generated",
        "fabrics:",
    ]
    packs = {fab: pack_for(vendor) for fab, vendor in fabrics.items()}
    for i, (fab, vendor) in enumerate(fabrics.items()):
        vsan = f", vsan: {10 * (i + 1)}" if packs[fab].manifest.capabilities.vsans else ""
        out.append(f"  - {{name: {fab}, vendor: {vendor}{vsan}}}")

    def pname(fab: str, i: int) -> str:
        ports = packs[fab].manifest.ports
        return ports.format.format(port=ports.first + i)

    out.append("switches:")
    for fab in fabrics:
        for s in range(n_sw):
            # domain IDs are unique per fabric; B's start at 101 while they fit below 240
            dom = 1 + s if fab == "A" or n_sw > MAX_SWITCHES_PER_FABRIC - 100 else 101 + s
            out.append(
                f"  - {{name: {fab.lower()}sw{s + 1:03d}, fabric: {fab}, domain_id: {dom}, "
                f"ports: {ports_per_switch}}}"
            )
    out.append("isls:")
    if n_sw == 1:
        out[-1] = "isls: []"
    for fab in fabrics:
        for s in range(1, n_sw):
            out.append(
                f'  - {{a: "{fab.lower()}sw{s:03d}:{pname(fab, ports_per_switch - 1)}", '
                f'b: "{fab.lower()}sw{s + 1:03d}:{pname(fab, ports_per_switch - 2)}"}}'
            )
    a1, b1 = "asw001", "bsw001"
    out += [
        "cluster:",
        "  name: cluster1",
        "  nodes:",
    ]
    for k, (nname, role, array) in enumerate(
        (("san1", "active", "raid1"), ("san2", "standby", "raid2"))
    ):
        base = 0x7A0000 + k * 0x1000
        out += [
            f"    - name: {nname}",
            f"      role: {role}",
            f"      array: {array}",
            "      hbas:",
            "        - name: hba0",
            "          vendor: qlogic",
            "          ports:",
            f'            - {{name: p0, wwpn: "{_wwpn("21:00:00:24:ff", base)}", role: target, switch: {a1}, port: "{pname("A", k)}"}}',
            f'            - {{name: p1, wwpn: "{_wwpn("21:00:00:24:ff", base + 1)}", role: target, switch: {b1}, port: "{pname("B", k)}"}}',
            "        - name: hba1",
            "          vendor: qlogic",
            "          ports:",
            f'            - {{name: p0, wwpn: "{_wwpn("21:00:00:24:ff", base + 0x100)}", role: mirror, peer: {"san2" if k == 0 else "san1"}/hba1/p0}}',
            "        - name: hba2",
            "          vendor: qlogic",
            "          ports:",
            f'            - {{name: p0, wwpn: "{_wwpn("21:00:00:24:ff", base + 0x200)}", role: backend, switch: {a1}, port: "{pname("A", 2 + k)}"}}',
            f'            - {{name: p1, wwpn: "{_wwpn("21:00:00:24:ff", base + 0x201)}", role: backend, switch: {b1}, port: "{pname("B", 2 + k)}"}}',
        ]
    out.append("arrays:")
    for k, array in enumerate(("raid1", "raid2")):
        base = 0xA10000 + k * 0x100
        out += [
            f"  - name: {array}",
            "    vendor: Infortrend",
            "    controllers:",
            "      - name: ctla",
            "        ports:",
            f'          - {{name: p0, wwpn: "{_wwpn("20:00:00:d0:23", base)}", switch: {a1}, port: "{pname("A", 4 + k)}"}}',
            f'          - {{name: p1, wwpn: "{_wwpn("20:00:00:d0:23", base + 1)}", switch: {b1}, port: "{pname("B", 4 + k)}"}}',
        ]
    out.append("hosts:" if hosts else "hosts: []")
    for h in range(hosts):
        sw = h // per_switch
        slot = RESERVED + h % per_switch
        os_ = _OS[rnd.randrange(len(_OS))]
        out += [
            f"  - name: host{h + 1:05d}",
            f"    os: {os_}",
            "    hbas:",
            "      - name: hba0",
            "        vendor: emulex",
            "        ports:",
            f'          - {{name: p0, wwpn: "{_wwpn("10:00:00:90:fa", 2 * h)}", switch: asw{sw + 1:03d}, port: "{pname("A", slot)}"}}',
            f'          - {{name: p1, wwpn: "{_wwpn("10:00:00:90:fa", 2 * h + 1)}", switch: bsw{sw + 1:03d}, port: "{pname("B", slot)}"}}',
        ]
    return "\n".join(out) + "\n"
