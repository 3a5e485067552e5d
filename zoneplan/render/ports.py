"""Render a switch's port configuration (:mod:`zoneplan.plan.ports`) with its pack's
``ports`` and ``ports_rollback`` templates.

The same defences as the zoning scripts: the new names pass the pack's token rule (``quote``),
ports must be port names (``port``: ``8``, ``3/12``, ``fc1/9``), and old names read from a
switch reach the rollback only when they are plain text (``restorable``); anything else is a
comment saying what to restore by hand, never a command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import PORT_PATTERN
from ..packs import load_pack
from ..plan.model import Plan
from ..plan.ports import PortSetting, SwitchPorts
from .engine import Renderer, UnsafeValue

__all__ = ["RenderedPorts", "render_ports"]

_PORT = re.compile(PORT_PATTERN)
#: an old port name that may be written back: printable, no quotes, no shell or CLI specials
_RESTORABLE = re.compile(r"^[A-Za-z0-9 _.,:/()@+=#-]{1,128}$")
_TEXT = re.compile(r"^[A-Za-z0-9 _./:-]{0,200}$")


@dataclass(frozen=True)
class RenderedPorts:
    switch: str
    fabric: str
    script: str
    rollback: str


def _port(value: object) -> str:
    if not isinstance(value, str) or not _PORT.fullmatch(value):
        raise UnsafeValue(f"refusing {value!r} as a switch port")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str) or not _TEXT.fullmatch(value):
        raise UnsafeValue(f"refusing {value!r} in a comment")
    return value


def restorable(setting: PortSetting) -> bool:
    """True when the old name can be written back by the rollback as a command."""
    return bool(setting.old_name) and bool(_RESTORABLE.fullmatch(setting.old_name or ""))


def _renderer(pack_id: str) -> Renderer:
    r = Renderer(load_pack(pack_id))
    r.env.filters["port"] = _port
    r.env.filters["text"] = _text
    r.env.globals["restorable"] = restorable
    return r


def render_ports(plan: Plan, ports: list[SwitchPorts]) -> list[RenderedPorts]:
    """The port script and rollback of every switch (in the dialect of its pack)."""
    out: list[RenderedPorts] = []
    renderers: dict[str, Renderer] = {}
    for sp in ports:
        r = renderers.setdefault(sp.pack, _renderer(sp.pack))
        context = {"plan": plan, "sp": sp, "changes": sp.changes}
        out.append(
            RenderedPorts(
                sp.switch,
                sp.fabric,
                r.render("ports", **context),
                r.render("ports_rollback", **context),
            )
        )
    return out
