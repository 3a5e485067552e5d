"""Parsers of saved switch output, and the registry the command catalogues name them by.

Each parser is a plain function ``(text, source) -> (result, findings)``: one pass over the
lines, no exceptions on bad input, every problem a coded :class:`~zoneplan.findings.Finding`
(ZP020-ZP049, :mod:`zoneplan.rules.capture`). A vendor's parsers live in the module its pack's
manifest names (``parsers: zoneplan.parsers.brocade``), in a ``PARSERS`` table (parser name →
function); ``vendors/<pack>/commands.yaml`` maps each command to one of those names and to the
part of the observed state it feeds. The capture reader
(:func:`zoneplan.parsers.capture.read_captures`) and the SSH adapter both use that catalogue.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

from ..findings import Finding
from ..packs import VendorPack, VendorPackError, all_packs, vendors_dir

Parser = Callable[[str, str], "tuple[Any, list[Finding]]"]


def parser_module(pack: VendorPack) -> ModuleType:
    """The module that reads a pack's output (its manifest's ``parsers``)."""
    name = pack.manifest.parsers
    try:
        return import_module(name)
    except ImportError as exc:
        raise VendorPackError(
            f"{pack.id}: parser module {name!r} cannot be imported: {exc}"
        ) from exc


@cache
def _registry(root: Path) -> dict[str, Parser]:
    out: dict[str, Parser] = {}
    for pack in all_packs():
        module = parser_module(pack)
        table = getattr(module, "PARSERS", None)
        if not isinstance(table, dict):
            raise VendorPackError(f"{pack.id}: {module.__name__} has no PARSERS table")
        for name, cmd in pack.commands.commands.items():
            if cmd.parser not in table:
                raise VendorPackError(
                    f"{pack.id}/commands.yaml: {name}: no parser {cmd.parser!r} in "
                    f"{module.__name__}.PARSERS"
                )
        for key, fn in table.items():
            out[f"{pack.vendor}.{key}"] = fn
    return out


def registry() -> dict[str, Parser]:
    """``vendor.parser`` (``brocade.cfgshow``) → function, for the packs installed (each runs
    with the cyclic GC paused: a large output allocates ~10^5 small objects and frees none
    until it returns)."""
    return _registry(vendors_dir())


def get_parser(name: str) -> Parser:
    """The parser registered under ``name`` (KeyError for an unknown name)."""
    return registry()[name]


def __getattr__(name: str) -> Any:
    if name == "PARSERS":  # the registry of the packs installed, read when first asked for
        return registry()
    raise AttributeError(name)


__all__ = ["PARSERS", "Parser", "get_parser", "parser_module", "registry"]
