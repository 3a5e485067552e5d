"""Render change sets into switch scripts with one vendor pack's jinja2 templates.

Why this shape: the engine knows *no* vendor. It binds a jinja2 environment to a pack, asks it
for templates by their common names (``precheck``, ``script``, ``rollback``, ``verify``, listed
in the pack's manifest) and hands them a :class:`~zoneplan.render.view.ScriptView` of a
:class:`~zoneplan.plan.model.FabricChange`: the operations in one direction, grouped by the
database they act on. Everything dialect-specific (commands, commits, prompts, comment
character, quoting) is data in ``vendors/<pack>/``.

Every ``{{ value }}`` passes the one sanitiser (:mod:`zoneplan.sanitise`): comments, headers
and notes hold text from the inventory, from switches and from paths, and a newline in any of
them must never start a line of its own; :meth:`Renderer.comment` is the function for note and
comment text, and every rendered script is checked by :func:`~zoneplan.sanitise.check_artefact`.

Defence in depth: names and WWPNs were validated when the inventory was loaded and made legal
by the planner, and the ``quote`` filter checks every value *again* against the pack's
``script.token_pattern`` before it reaches a script; a value that fails raises
:class:`UnsafeValue` and nothing is written. ``StrictUndefined`` makes a template typo an
error instead of an empty string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Iterable

import jinja2

from ..gcpause import gc_paused
from ..packs import VendorPack, load_pack
from ..plan.delta import greenfield_change
from ..plan.model import FabricChange, FabricPlan, Plan, ZoneMember
from ..sanitise import UnsafeArtefact, artefact_environment, check_artefact, one_line
from .view import ScriptView, script_view

__all__ = [
    "RenderError",
    "UnsafeValue",
    "Renderer",
    "RenderedFabric",
    "render_fabric",
    "render_plan",
    "renderer_for",
]


class RenderError(Exception):
    """A template is missing or broken (a pack bug), or a value is unsafe."""


class UnsafeValue(RenderError):
    """A value refused by the ``quote`` filter: it must never reach a switch."""


@dataclass(frozen=True)
class RenderedFabric:
    """The four artefacts of one fabric and the change they apply."""

    fabric: str
    precheck: str
    script: str
    rollback: str
    verify: str
    change: FabricChange

    def artefacts(self) -> dict[str, str]:
        """Artefact name -> text, in the order an admin uses them."""
        return {
            "precheck": self.precheck,
            "script": self.script,
            "rollback": self.rollback,
            "verify": self.verify,
        }


class Renderer:
    """A jinja2 environment bound to one vendor pack."""

    def __init__(self, pack: VendorPack) -> None:
        self.pack = pack
        syntax = pack.manifest.script
        self._token = re.compile(syntax.token_pattern)
        self._quote = syntax.quote
        self._sep = syntax.member_separator
        # every {{ value }} passes the sanitiser (one line, control characters visible)
        self.env = artefact_environment(
            jinja2.FileSystemLoader(str(pack.templates_dir)),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        self.env.filters["quote"] = self.quote
        self.env.filters["bare"] = self.bare
        self.env.filters["tag"] = self.tag
        self.env.filters["vsan"] = self.vsan
        self.env.filters["comment"] = self.comment
        self.env.globals["pack"] = pack.manifest
        self.env.globals["templates"] = pack.manifest.templates
        self.env.globals["per_line"] = syntax.members_per_command

    # -- filters -------------------------------------------------------------------------
    def bare(self, value: object) -> str:
        """A validated token without quotes (Cisco names, or text inside a quoted list)."""
        text = value.name if isinstance(value, ZoneMember) else value
        if not isinstance(text, str) or not self._token.fullmatch(text):
            raise UnsafeValue(
                f"{self.pack.id}: refusing to put {text!r} into a script (allowed: "
                f"{self._token.pattern})"
            )
        return text

    def quote(self, value: object) -> str:
        """One validated token, or a list joined by the pack's separator, in its quotes."""
        if isinstance(value, (list, tuple)):
            body = self._sep.join(self.bare(v) for v in value)
        else:
            body = self.bare(value)
        return f"{self._quote}{body}{self._quote}"

    def comment(self, value: object) -> str:
        """Note/comment text on one line, control characters made visible.

        The one function every free-text line of every artefact passes (headers, notes,
        reasons; the ``comment`` filter): a line break in a name or a note must never start a
        line of its own.
        """
        return one_line(value)

    def vsan(self, value: object) -> int:
        """A VSAN / virtual-fabric number, checked to be one (1-4094)."""
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4094:
            raise UnsafeValue(f"{self.pack.id}: {value!r} is not a VSAN number (1-4094)")
        return value

    def tag(self, member: ZoneMember) -> str:
        """The smart-zoning keyword of a member's role ('' when the pack has none)."""
        if member.role is None:
            return ""
        return self.pack.manifest.script.role_tags.get(member.role.value, "")

    # -- rendering -----------------------------------------------------------------------
    def template(self, key: str) -> jinja2.Template:
        """The pack's template for a common name (``script``, ``rollback``, ...)."""
        name = getattr(self.pack.manifest.templates, key, None)
        if name is None:
            raise RenderError(f"{self.pack.id}: no template key {key!r}")
        try:
            return self.env.get_template(name)
        except jinja2.TemplateError as exc:
            raise RenderError(f"{self.pack.id}: template {name}: {exc}") from exc

    def render(self, key: str, **context: object) -> str:
        """A template rendered, then checked line by line by the sanitiser's last gate."""
        try:
            text = self.template(key).render(**context)
        except UnsafeValue:
            raise
        except jinja2.TemplateError as exc:
            raise RenderError(f"{self.pack.id}: rendering {key}: {exc}") from exc
        try:
            return check_artefact(text, f"{self.pack.id} {key}")
        except UnsafeArtefact as exc:
            raise UnsafeValue(str(exc)) from exc

    def view(self, fp: FabricPlan, change: FabricChange, direction: str) -> ScriptView:
        return script_view(fp, change, self.pack, direction)

    def artefact(
        self,
        key: str,
        plan: Plan,
        fp: FabricPlan,
        change: FabricChange,
        cs: ScriptView | None = None,
    ) -> str:
        """One artefact (``precheck``, ``script``, ``rollback``, ``verify``) of a change."""
        if cs is None:
            cs = self.view(fp, change, "rollback" if key == "rollback" else "apply")
        return self.render(key, plan=plan, fp=fp, ch=change, cs=cs)

    def script(self, plan: Plan, fp: FabricPlan, change: FabricChange) -> str:
        return self.artefact("script", plan, fp, change)

    def rollback(self, plan: Plan, fp: FabricPlan, change: FabricChange) -> str:
        return self.artefact("rollback", plan, fp, change)


def renderer_for(pack_id: str) -> Renderer:
    """One renderer per pack (jinja2 compiles each template once per environment)."""
    return _renderer(load_pack(pack_id))


@cache
def _renderer(pack: VendorPack) -> Renderer:
    return Renderer(pack)


def render_fabric(
    plan: Plan,
    fp: FabricPlan,
    change: FabricChange | None = None,
    *,
    pack: VendorPack | None = None,
) -> RenderedFabric:
    """The artefacts of one fabric's change (``None``: the greenfield change of a new fabric)."""
    renderer = Renderer(pack) if pack is not None else renderer_for(fp.pack)
    if change is None:
        change = greenfield_change(fp).change
    forward = renderer.view(fp, change, "apply")
    backward = renderer.view(fp, change, "rollback")
    texts = {
        key: renderer.artefact(key, plan, fp, change, backward if key == "rollback" else forward)
        for key in ("precheck", "script", "rollback", "verify")
    }
    return RenderedFabric(fp.name, change=change, **texts)


def render_plan(
    plan: Plan,
    changes: dict[str, FabricChange] | None = None,
    *,
    fabrics: Iterable[str] | None = None,
) -> list[RenderedFabric]:
    """Render every fabric of a plan in its own pack's dialect.

    ``changes`` holds the computed change per fabric; a fabric without one is rendered as a
    new fabric (the greenfield change), which only the caller may decide (``plan`` does so
    only for a fabric declared new).
    """
    wanted = set(fabrics) if fabrics is not None else None
    out = []
    with gc_paused():  # rendering allocates strings only; no cycles to collect
        for fp in plan.fabrics:
            if wanted is not None and fp.name not in wanted:
                continue
            change = changes.get(fp.name) if changes is not None else None
            out.append(render_fabric(plan, fp, change))
    return out
