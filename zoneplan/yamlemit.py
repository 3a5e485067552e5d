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

#: a scalar YAML reads as the same string without quotes: a word, not one a YAML 1.1 reader
#: takes for a boolean or null (any case)
_PLAIN = re.compile(
    r"(?!(?:y|n|yes|no|on|off|true|false|null)\Z)[A-Za-z_][A-Za-z0-9_./\-]{0,127}", re.I
)
#: a UTF-16 surrogate pair as json.dumps escapes it
_PAIR = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})")


def _astral(m: re.Match[str]) -> str:
    hi, lo = int(m.group(1), 16), int(m.group(2), 16)
    return f"\\U{0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00):08x}"


def _text_scalar(v: str) -> str:
    if _PLAIN.fullmatch(v):
        return v
    # json.dumps escapes what YAML does not print, but leaves DEL raw and writes characters
    # beyond U+FFFF as UTF-16 surrogate pairs, which YAML reads as two characters: \U instead
    text = json.dumps(v).replace("\x7f", "\\u007f")
    return _PAIR.sub(_astral, text) if "\\ud" in text else text


def scalar_text(v: Any) -> str:
    """One scalar as YAML text: None, booleans and integers as YAML writes them, text (a
    ``str`` subclass too) as its characters, anything else as the text of ``str(v)``."""
    if isinstance(v, str):
        return _text_scalar(str.__str__(v))
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
    if isinstance(v, str):
        return str.__str__(v)
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


def emit_yaml(data: dict[Any, Any] | list[Any]) -> list[str]:
    """The lines of ``data`` in YAML (no line ends; empty data gives no line). Plain data:
    dicts, lists, text, numbers, booleans and None.

    Closures over one emission's lines and texts (attribute lookups per scalar were a third
    of the time); plain text, the commonest value, is tested first.
    """
    out: list[str] = []
    append = out.append
    t = _Texts()
    text = t.__getitem__

    def leaf(v: Any) -> str:
        """A mapping or list of scalars in flow style."""
        if isinstance(v, dict):
            return "{" + ", ".join([f"{t[k]}: {t[x]}" for k, x in v.items()]) + "}"
        return "[" + ", ".join(map(text, v)) + "]"

    def flow(v: Any) -> str:
        """Any value in flow style (a list of lists in a list)."""
        if not isinstance(v, (dict, list)):
            return t[v]
        if not _holds_collection(v):
            return leaf(v)
        if isinstance(v, dict):
            return "{" + ", ".join([f"{t[k]}: {flow(x)}" for k, x in v.items()]) + "}"
        return "[" + ", ".join(map(flow, v)) + "]"

    def mapping(v: dict[Any, Any], pad: str, lead: str) -> None:
        """``v``'s keys at ``pad``, the first line starting with ``lead`` (``- `` of a list
        item) instead."""
        for k, x in v.items():
            if type(x) is str or not isinstance(x, (dict, list)):
                append(f"{lead}{t[k]}: {t[x]}")
            elif not any(map(isinstance, x.values() if isinstance(x, dict) else x, _COLLECTIONS)):
                append(f"{lead}{t[k]}: {leaf(x)}")
            elif isinstance(x, dict):
                append(f"{lead}{t[k]}:")
                mapping(x, pad + "  ", pad + "  ")
            else:
                append(f"{lead}{t[k]}:")
                sequence(x, pad)
            lead = pad

    def sequence(v: list[Any], pad: str) -> None:
        item_pad, dash = pad + "  ", pad + "- "
        for item in v:
            if isinstance(item, dict):
                if any(map(isinstance, item.values(), _COLLECTIONS)):
                    mapping(item, item_pad, dash)
                else:
                    append(dash + leaf(item))
            elif isinstance(item, (dict, list)):
                append(dash + flow(item))
            else:
                append(dash + t[item])

    if isinstance(data, dict):
        mapping(data, "", "")
    else:
        sequence(data, "")
    return out
