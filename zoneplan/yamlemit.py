"""Plain data → YAML text, fast, and the data the loader reads back from that text.

Why not PyYAML: its representer is Python even with libyaml's emitter, 2 s for a 15,000-zone
import draft (8 s without libyaml); this block emitter takes a small fraction of it. Why
:func:`as_read`: the loader (:mod:`zoneplan.yamlsource`) keeps every scalar as the text written
(``null`` only is None), so the draft can be checked by the inventory model as the loader would
check the file, without reading the file back (``zoneplan import`` of a 15,000-zone fabric
spent 1.3 s there).

The output: mappings and lists holding collections in block style (a list under a key at the
key's indent, as PyYAML writes it), collections of scalars in flow style; a scalar that YAML
reads as the same string without quotes (a plain word that no YAML 1.1 resolver takes for a
boolean or null) as is, every other one as a JSON string, which is a YAML double-quoted scalar:
control characters, DEL, U+2028 and every non-ASCII character escaped (astral ones as one
``\\U`` escape, not a UTF-16 pair).
"""

from __future__ import annotations

import json
import re
from itertools import repeat
from typing import Any

__all__ = ["as_read", "emit_yaml", "scalar_text"]

#: a scalar YAML reads as the same string without quotes (YAML 1.1 words quoted)
_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_./\-]{0,127}")
_YAML11_WORDS = frozenset("y n yes no on off true false null".split())
#: a UTF-16 surrogate pair as json.dumps escapes it
_PAIR = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})")


def _astral(m: re.Match[str]) -> str:
    hi, lo = int(m.group(1), 16), int(m.group(2), 16)
    return f"\\U{0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00):08x}"


def _text_scalar(v: str) -> str:
    if _PLAIN.fullmatch(v) and v.lower() not in _YAML11_WORDS:
        return v
    # json.dumps escapes what YAML does not print, but leaves DEL raw and writes characters
    # beyond U+FFFF as UTF-16 surrogate pairs, which YAML reads as two characters: \U instead
    text = json.dumps(v).replace("\x7f", "\\u007f")
    return _PAIR.sub(_astral, text) if "\\ud" in text else text


def scalar_text(v: Any) -> str:
    """One scalar as YAML text: None, booleans and integers as YAML writes them, anything
    else as the text of ``str(v)``."""
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    return _text_scalar(str(v))


def _read_scalar(v: Any) -> str | None:
    """What the loader reads from ``scalar_text(v)``: the text, or None for ``null``."""
    if v is None:
        return None
    if v is True:
        return "true"
    if v is False:
        return "false"
    return str(v)


#: YAML limits an implicit key to 1,024 characters of text; a key longer than this (its text
#: escaped at most 10-fold) is not vouched for by :func:`as_read`
_SHORT_KEY = 100


def as_read(v: Any) -> Any:
    """The data :func:`zoneplan.yamlsource.load_yaml` reads from :func:`emit_yaml`'s text of
    ``v``: the same shape, every scalar as its text, None where ``null`` is written.

    A property test holds the two equal for any data of text keys and scalar values that are
    text without lone surrogates, integers, booleans or None. Keys that are not text, or too
    long to be sure of, raise ValueError (two keys ``1`` and ``"1"`` are one key read back):
    the caller reads the text instead. Lists of text are new lists (nothing is shared).
    """
    if type(v) is str:
        return v
    if isinstance(v, dict):
        return {
            (k if type(k) is str and len(k) <= _SHORT_KEY else _long_key(k)): (
                x if type(x) is str else as_read(x)
            )
            for k, x in v.items()
        }
    if isinstance(v, list):
        return [x if type(x) is str else as_read(x) for x in v]
    return _read_scalar(v)


def _long_key(k: Any) -> str:
    if type(k) is not str:
        raise ValueError(f"key {k!r} is not text: YAML text may read it as another key")
    if len(_text_scalar(k)) > 1000:
        raise ValueError("key longer than YAML's 1,024 characters of an implicit key")
    return k


#: ``isinstance``'s second argument for every item of a ``map`` (C speed, never exhausted)
_COLLECTIONS = repeat((dict, list))


def _holds_collection(v: dict[Any, Any] | list[Any]) -> bool:
    """A mapping or list holding mappings or lists: written in block style."""
    return any(map(isinstance, v.values() if isinstance(v, dict) else v, _COLLECTIONS))


class _Texts(dict[Any, str]):
    """Scalar → its YAML text, each text string computed once (a draft repeats switch, fabric
    and WWPN names); only text is kept (``True == 1``: booleans and numbers never are)."""

    def __missing__(self, v: Any) -> str:
        if type(v) is str:
            got = self[v] = _text_scalar(v)
            return got
        return scalar_text(v)


class _Emitter:
    """One emission: the lines so far and the scalars' texts."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.text = _Texts()

    def flow(self, v: Any) -> str:
        """``v`` in flow style (any depth: the block writer hands over collections of
        scalars, and lists of lists)."""
        t = self.text
        if isinstance(v, dict):
            if _holds_collection(v):
                return "{" + ", ".join([f"{t[k]}: {self.flow(x)}" for k, x in v.items()]) + "}"
            return "{" + ", ".join([f"{t[k]}: {t[x]}" for k, x in v.items()]) + "}"
        if isinstance(v, list):
            if _holds_collection(v):
                return "[" + ", ".join([self.flow(x) for x in v]) + "]"
            return "[" + ", ".join(map(t.__getitem__, v)) + "]"
        return t[v]

    def mapping(self, v: dict[Any, Any], pad: str, first: str) -> None:
        """``v``'s keys at ``pad``, the first line starting with ``first`` (``- `` of a list
        item) instead."""
        t, out, lead = self.text, self.out, first
        for k, x in v.items():
            if not isinstance(x, (dict, list)):
                out.append(f"{lead}{t[k]}: {t[x]}")
            elif not _holds_collection(x):
                out.append(f"{lead}{t[k]}: {self.flow(x)}")
            elif isinstance(x, dict):
                out.append(f"{lead}{t[k]}:")
                self.mapping(x, pad + "  ", pad + "  ")
            else:
                out.append(f"{lead}{t[k]}:")
                self.sequence(x, pad)
            lead = pad

    def sequence(self, v: list[Any], pad: str) -> None:
        item_pad, dash = pad + "  ", pad + "- "
        out, t = self.out, self.text
        for item in v:
            if not isinstance(item, (dict, list)):
                out.append(dash + t[item])
            elif isinstance(item, dict) and _holds_collection(item):
                self.mapping(item, item_pad, dash)
            else:
                out.append(dash + self.flow(item))


def emit_yaml(data: dict[Any, Any] | list[Any]) -> list[str]:
    """The lines of ``data`` in YAML (no line ends; empty data gives no line)."""
    e = _Emitter()
    if isinstance(data, dict):
        e.mapping(data, "", "")
    else:
        e.sequence(data, "")
    return e.out
