"""The one sanitiser: every value that reaches a generated artefact or a terminal passes here.

Why one module: a value can come from the inventory, from a switch (CLI output, SNMP), or from
a path (a capture folder's name, the inventory's file name), and it can land on a command
line, a comment, a header, a note, a multipath file, the cabling HTML/CSV, a draft inventory
or a findings line. A newline in any of them starts a new line that a switch, a shell or a CI
log reader takes for a line of its own (``cfg\\nclear zone database vsan 20`` in a zoneset
name became a bare command). So the rules live here, once:

* :func:`one_line` — text for one line of an artefact (comments, headers, notes, values in
  host files): every control character (C0, DEL, C1 including NEL U+0085), the Unicode line
  and paragraph separators (U+2028/2029) and the bidirectional overrides (Trojan Source)
  are written as visible escapes (``\\n``, ``\\x1b``, ``\\u2028``): the value can never start a
  new line, move the cursor or reorder what is shown. Tabs become a space.
* :func:`escape_text` — the same for findings and messages on a terminal or in a log (ANSI
  escapes appear as ``\\x1b[...``: no terminal takeover, no forged ``file:1:1:`` line).
* :func:`check_artefact` — the last gate before a generated text is handed out: no character
  above may be anywhere in it but ``\\n`` (line ends) and ``\\t``; anything else is a bug in a
  template and raises :class:`UnsafeArtefact`.
* :func:`artefact_environment` — a jinja2 environment whose every ``{{ value }}`` goes
  through :func:`one_line` (a template cannot forget it); template text and macro output are
  kept as written.
* :func:`csv_cell` — a CSV cell that a spreadsheet cannot run (formula injection: a cell
  starting with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading ``'``; OWASP's advice).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "UnsafeArtefact",
    "artefact_environment",
    "check_artefact",
    "csv_cell",
    "csv_uncell",
    "escape_text",
    "has_control",
    "html_value",
    "json_bytes",
    "one_line",
]

#: bidirectional embeddings, overrides and isolates (CVE-2021-42574, "Trojan Source")
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
#: every character that may never reach a line of an artefact or a terminal as itself
_CONTROL = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\u2028\u2029{_BIDI}]")
#: the same, but the two a text artefact is made of (line ends and tabs) allowed
_FORBIDDEN_IN_ARTEFACT = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\u2028\u2029{_BIDI}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\0": "\\0"}


class UnsafeArtefact(ValueError):
    """A generated text holds a character no artefact may hold (a template bug)."""


def _visible(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def has_control(text: str) -> bool:
    """True when ``text`` holds a character :func:`one_line` would escape (tab included)."""
    return _CONTROL.search(text) is not None


def one_line(value: object) -> str:
    """``value`` as text for one line of an artefact: control characters visible, tabs spaces."""
    text = value if isinstance(value, str) else str(value)
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_visible, text.replace("\t", " "))


def escape_text(value: object) -> str:
    """``value`` for a terminal or a log line: control characters and ANSI escapes visible."""
    text = value if isinstance(value, str) else str(value)
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_visible, text)


def check_artefact(text: str, what: str = "output", *, crlf: bool = False) -> str:
    """``text`` unchanged when every character may be in an artefact, else
    :class:`UnsafeArtefact`. ``crlf``: lines end in CR LF (CSV), a CR elsewhere is refused."""
    m = _FORBIDDEN_IN_ARTEFACT.search(text.replace("\r\n", "\n") if crlf else text)
    if m is not None:
        line = text.count("\n", 0, m.start()) + 1
        raise UnsafeArtefact(
            f"{what}: line {line} holds the control character {_visible(m)}; nothing is written"
        )
    return text


#: the UTF-8 forms of DEL, C1, U+2028/2029 and the bidi controls
_JSON_RAW_BYTES = re.compile(
    b"|".join(re.escape(c.encode("utf-8")) for c in "\x7f\u2028\u2029" + _BIDI)
    + rb"|\xc2[\x80-\x9f]"
)


def json_bytes(raw: bytes) -> bytes:
    """JSON text (UTF-8) with every character :func:`one_line` would escape written as a
    ``\\uXXXX`` escape: the same data for a JSON reader, nothing raw for a terminal or an
    editor. JSON writers escape C0 controls already; DEL, C1, U+2028/2029 and the bidi
    controls they leave raw (they may only occur inside strings, so escaping is exact)."""

    def esc(m: re.Match[bytes]) -> bytes:
        return b"\\u%04x" % ord(m.group(0).decode("utf-8"))

    return _JSON_RAW_BYTES.sub(esc, raw)


#: first characters a spreadsheet takes for a formula (OWASP "CSV injection")
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """One CSV cell a spreadsheet shows as text (never runs as a formula), on one line.

    A leading ``'`` is added before a formula start (and before quotes leading to one, so
    :func:`csv_uncell` undoes it exactly).
    """
    text = one_line("" if value is None else value)
    if text.lstrip("'")[:1] in CSV_FORMULA_START and text[:1] in (*CSV_FORMULA_START, "'"):
        return "'" + text
    return text


def csv_uncell(cell: str) -> str:
    """The value :func:`csv_cell` was given (for text without control characters)."""
    if cell[:1] == "'" and cell.lstrip("'")[:1] in CSV_FORMULA_START:
        return cell[1:]
    return cell


def html_value(value: Any) -> Any:
    """The finalizer of an HTML template: values one line (then autoescaped), markup kept."""
    if isinstance(value, Markup) or value is None:
        return value
    return one_line(value)


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}`` of an artefact template: one line (macro/block output kept)."""
    if isinstance(value, Markup):  # template text: a macro, a {% set %} block, a quoted token
        return value
    return Markup(one_line("" if value is None else value))


@cache
def _environment_class() -> type:
    """jinja2 HTML-escapes *constant* ``{{ "..." }}`` output at compile time, before the
    finalizer sees it; evaluate those at run time too, so they pass :func:`_finalize`.
    (Built on first use: commands that render nothing never import jinja2.)"""
    import jinja2
    from jinja2 import nodes
    from jinja2.compiler import CodeGenerator

    class NoConstEscape(CodeGenerator):
        def _output_child_to_const(self, node: nodes.Expr, frame: Any, finalize: Any) -> str:
            if not isinstance(node, nodes.TemplateData):
                raise nodes.Impossible()
            return super()._output_child_to_const(node, frame, finalize)

    class ArtefactEnvironment(jinja2.Environment):
        code_generator_class = NoConstEscape

    return ArtefactEnvironment


def artefact_environment(loader: jinja2.BaseLoader, **options: Any) -> jinja2.Environment:
    """A jinja2 environment for plain-text artefacts (scripts, host files, reports).

    Every ``{{ value }}`` passes :func:`one_line`. How: autoescaping is switched on so that
    template text (macros, ``{% set %}`` blocks) is marked safe, and the finalizer turns every
    other value into its one-line, safe form; nothing is HTML-escaped, because every value
    reaches the output already marked. ``undefined`` defaults to ``StrictUndefined``.
    """
    import jinja2

    options.setdefault("undefined", jinja2.StrictUndefined)
    env: jinja2.Environment = _environment_class()(
        loader=loader, autoescape=True, finalize=_finalize, **options
    )
    return env
