"""Input limits: sizes no real site reaches, refused with ZP006 instead of exhausting memory.

Why one module: the loader refuses a file or a list before it is read or validated whole, the
model refuses a switch of 20 million ports, and the docs (the ZP006 rule, docs/security.md)
quote the same numbers. Every limit is far above the largest SAN zoneplan plans: the
largest benchmark is 50,000 hosts; a fabric has at most 239 domains.
"""

from __future__ import annotations

#: inventory files larger than this are refused before they are read (50,000 hosts: ~20 MB)
MAX_INVENTORY_BYTES = 128 * 1024 * 1024
#: nodes of the YAML document once anchors and aliases are expanded (alias bombs)
MAX_EXPANDED_NODES = 10_000_000
#: top-level lists, counted before any entry is validated
MAX_ITEMS = {
    "fabrics": 1_000,
    "switches": 5_000,
    "isls": 100_000,
    "arrays": 10_000,
    "hosts": 200_000,
    "existing_zones": 200_000,
}
#: ports of one switch (a count, a list of names, or the sum of its slots)
MAX_SWITCH_PORTS = 4_096
MAX_SLOTS = 64
MAX_SLOT_PORTS = 512
#: adapters of a host, array or cluster node, and ports of one adapter
MAX_HBAS = 64
MAX_HBA_PORTS = 64
#: a naming template: its length, and the width/precision of a format field (names are
#: at most 64 characters on every vendor)
MAX_TEMPLATE_LENGTH = 256
MAX_FORMAT_WIDTH = 64
