"""Names for aliases, zones and configs: templates filled in, then made legal and unique.

Why here and not in the templates: a name that a switch refuses, or that silently clashes with
another object in Brocade's single namespace (zones, aliases and configs share one), breaks a
change window. Every generated name therefore goes through one funnel that

* fills the user's template (``policy.naming``) with inventory names,
* replaces characters the pack's rule refuses (the *portable* rule by default, which FOS < 8.1
  and NX-OS both accept), and prefixes names that start wrongly or use a reserved prefix,
* shortens names over the pack's length with a hash of the full name (still unique),
* resolves collisions by a numeric suffix, in the order objects are named,

and records every change as a :class:`~zoneplan.plan.model.NameChange` (reported as ZP5xx
findings). The order of naming follows the inventory, so the same inventory always gives the
same names.
"""

from __future__ import annotations

import hashlib
from typing import Iterable

from ..packs import VendorPack
from .model import NameChange

#: Prefix letter for names that would start with a character the switch refuses.
_PREFIX = {"alias": "a_", "zone": "z_", "config": "c_"}


class NamingError(ValueError):
    """A name template cannot be filled (unknown field, bad braces): a policy mistake."""


class _Fields(dict):
    def __init__(self, template: str, kind: str, values: dict[str, object]) -> None:
        super().__init__(values)
        self.template = template
        self.kind = kind

    def __missing__(self, key: str) -> str:
        known = ", ".join("{" + k + "}" for k in sorted(self))
        raise NamingError(
            f"{self.kind} name template {self.template!r} uses {{{key}}}; available: {known}"
        )


def fill(template: str, kind: str, /, **fields: object) -> str:
    """Fill one template; unknown fields raise :class:`NamingError` naming the known ones."""
    try:
        return template.format_map(_Fields(template, kind, fields))
    except NamingError:
        raise
    except (ValueError, IndexError, AttributeError, KeyError, TypeError) as exc:
        raise NamingError(f"{kind} name template {template!r}: {exc}") from exc


class Namer:
    """Assigns legal, unique names for one fabric's zone database."""

    def __init__(self, pack: VendorPack, *, portable: bool = True) -> None:
        rules = pack.manifest.naming
        self.pattern = pack.name_pattern(portable)
        self.max_length = rules.max_length
        self.one_namespace = rules.one_namespace
        self.reserved_prefixes = tuple(p.lower() for p in rules.reserved_prefixes)
        self.used: dict[str, set[str]] = {}
        self.renames: list[NameChange] = []
        self._char_ok: dict[str, bool] = {}

    def _space(self, kind: str) -> set[str]:
        return self.used.setdefault("all" if self.one_namespace else kind, set())

    def reserve(self, kind: str, names: Iterable[str]) -> None:
        """Names already on the fabric that generated names must not take."""
        space = self._space(kind)
        for n in names:
            space.add(n.lower())

    def taken(self, kind: str, name: str) -> bool:
        return name.lower() in self._space(kind)

    def _legal_char(self, ch: str) -> bool:
        ok = self._char_ok.get(ch)
        if ok is None:
            ok = self._char_ok[ch] = bool(self.pattern.match("A" + ch))
        return ok

    def assign(self, kind: str, wanted: str) -> str:
        """The legal, unique name for an object that wants ``wanted``."""
        reasons: list[str] = []
        name = wanted
        if not (
            len(name) <= self.max_length
            and self.pattern.match(name)
            and not name.lower().startswith(self.reserved_prefixes)
        ):
            clean = "".join(c if self._legal_char(c) else "_" for c in name)
            if clean != name:
                reasons.append("sanitised")
            if not clean or not self.pattern.match(clean[0]):
                clean = _PREFIX[kind] + clean
                reasons.append("prefixed")
            if clean.lower().startswith(self.reserved_prefixes):
                clean = _PREFIX[kind] + clean
                reasons.append("reserved")
            if len(clean) > self.max_length:
                digest = hashlib.sha1(wanted.encode("utf-8")).hexdigest()[:8]
                clean = f"{clean[: self.max_length - 9]}_{digest}"
                reasons.append("truncated")
            name = clean
        space = self._space(kind)
        if name.lower() in space:
            base, i = name, 2
            while True:
                suffix = f"_{i}"
                candidate = base[: self.max_length - len(suffix)] + suffix
                if candidate.lower() not in space:
                    break
                i += 1
            name = candidate
            reasons.append("collision")
        if not self.pattern.match(name):  # pragma: no cover - the steps above make it legal
            raise NamingError(f"cannot make a legal {kind} name from {wanted!r}")
        space.add(name.lower())
        if reasons:
            self.renames.append(
                NameChange.model_construct(kind=kind, wanted=wanted, name=name, reasons=reasons)
            )
        return name

    def name(self, kind: str, template: str, /, **fields: object) -> tuple[str, str]:
        """(assigned name, wanted name) for a template filled with ``fields``."""
        wanted = fill(template, kind, **fields)
        return self.assign(kind, wanted), wanted
