"""The Fails and Passes examples of the rule catalogue: data a test runs, text an admin reads.

Why data and not prose: an example that is never run drifts from the rule it documents. Each
kind below names the input one component of zoneplan reads, so the example runner
(``tests/core/test_rule_examples.py``) hands it to that component without guessing, and
asserts that every Fails example makes the rule's code and no Passes example does. The same
object renders itself for ``zoneplan rules CODE`` and ``docs/rules.md``: a caption in plain
words, then the input as the admin would see it (an inventory fragment, switch output, a
``multipath -ll``, a shell session).

Inventory fragments are *patches* of a shipped sample (``samples/euronas-cluster.yaml`` unless
``base`` names another), merged the way an admin edits the file:

* a mapping merges key by key; ``key: null`` removes the key;
* a list item with a ``name`` merges into the sample's item of that name (or is added); an
  item without a name (an ISL, a suppression) is added;
* ``!replace`` before a value replaces the sample's value instead of merging into it;
* ``!delete {name: X}`` as a list item removes the sample's item named X.

Nothing here imports more than the standard library: ``zoneplan rules`` stays instant.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Mapping

__all__ = [
    "SAMPLE",
    "Example",
    "Inventory",
    "InventoryText",
    "Plan",
    "Change",
    "Capture",
    "Audit",
    "Multipath",
    "Run",
    "Workbook",
    "visible",
]

#: the sample every inventory example patches unless it names another ``base``
SAMPLE = "euronas-cluster"


def _clean(text: str) -> str:
    """Dedent a triple-quoted block and drop its first and last blank lines."""
    return textwrap.dedent(text).strip("\n")


def _verbatim(text: str) -> str:
    """Dedent a block of output and drop the line break after the opening quotes and the
    indentation before the closing ones; everything else (a final blank line, a last line
    without a line break) is part of the output."""
    text = textwrap.dedent(text)
    if text.startswith("\n"):
        text = text[1:]
    head, sep, last = text.rpartition("\n")
    return head + "\n" if sep and not last.strip() else text


def visible(text: str) -> str:
    """``text`` with control characters shown as ``cat -v`` does (ESC ``^[``, CR ``^M``):
    an example about an escape sequence or a CR LF must show it, and a terminal must not
    act on it."""
    return "".join(
        c if c in "\t\n" or " " <= c != "\x7f" else "^?" if c == "\x7f" else "^" + chr(ord(c) + 64)
        for c in text
    )


def _indent(text: str, by: str = "    ") -> str:
    return "\n".join(by + line if line.strip() else line.rstrip() for line in text.split("\n"))


@dataclass(frozen=True, kw_only=True)
class Example:
    """One example of a rule: a caption and the input it stands for.

    ``fault`` names a failure the runner stages because it cannot be written down as input
    (a switch that hangs, a parser that crashes): ``tests/support/lab.py`` lists the names.
    """

    caption: str = ""
    fault: str = ""

    def blocks(self) -> list[tuple[str, str | None]]:
        """(label, verbatim text) pairs in reading order; an empty label, or None for no text."""
        raise NotImplementedError

    def notes(self) -> list[str]:
        """Lines said after the blocks (the staged fault, the strategy)."""
        return [f"(staged fault: {self.fault})"] if self.fault else []

    def render(self) -> str:
        """The example as plain text: ``zoneplan rules CODE`` and the JSON catalogue."""
        out: list[str] = [self.caption] if self.caption else []
        for label, text in self.blocks():
            if label:
                out.append(label)
            if text is not None:
                out.append(_indent(visible(text.rstrip("\n"))) if text else "    (empty)")
        out += self.notes()
        return "\n".join(out)


def _sample_label(base: str, patch: str) -> str:
    return f"samples/{base}.yaml" + (" with:" if patch else ", as shipped")


@dataclass(frozen=True)
class Inventory(Example):
    """A shipped sample with an inventory patch (see the module docstring), validated."""

    patch: str = ""
    base: str = SAMPLE

    def __post_init__(self) -> None:
        object.__setattr__(self, "patch", _clean(self.patch))

    def blocks(self) -> list[tuple[str, str | None]]:
        return [(_sample_label(self.base, self.patch), self.patch or None)]


@dataclass(frozen=True)
class InventoryText(Example):
    """A whole inventory file as written (the example is about the text itself)."""

    text: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _clean(self.text))

    def blocks(self) -> list[tuple[str, str | None]]:
        return [("inventory.yaml:", self.text)]


@dataclass(frozen=True)
class Plan(Example):
    """An inventory (sample + patch, or ``zoneplan sample --hosts N``) planned.

    ``strategy`` and ``fabric`` are the ``--strategy`` and ``--fabric`` of ``zoneplan plan``;
    the fabrics are planned as new ones (``--greenfield``: the design, no capture).
    """

    patch: str = ""
    base: str = SAMPLE
    strategy: str | None = None
    fabric: str | None = None
    sample_hosts: int | None = None  #: plan ``zoneplan sample --hosts N`` instead of a sample

    def __post_init__(self) -> None:
        object.__setattr__(self, "patch", _clean(self.patch))

    def command(self) -> str:
        parts = ["zoneplan plan inventory.yaml --greenfield --out plan"]
        if self.strategy:
            parts.append(f"--strategy {self.strategy}")
        if self.fabric:
            parts.append(f"--fabric {self.fabric}")
        return " ".join(parts)

    def blocks(self) -> list[tuple[str, str | None]]:
        if self.sample_hosts is not None:
            inv = f"$ zoneplan sample --hosts {self.sample_hosts} --out inventory.yaml"
            out: list[tuple[str, str | None]] = [("", inv)]
            if self.patch:
                out.append(("then changed:", self.patch))
        else:
            out = [(_sample_label(self.base, self.patch), self.patch or None)]
        return [*out, ("", f"$ {self.command()}")]


@dataclass(frozen=True)
class Change(Example):
    """An inventory (sample + patch) planned against saved switch output, as a day-2 change:
    ``zoneplan plan inventory.yaml --against capture --out plan [flags]``.

    ``files`` as for :class:`Capture` (none: planned without a capture). ``earlier``: an
    inventory patch of the same sample planned first as a new fabric into the same ``--out``
    (``""``: the sample as shipped; None: no earlier plan), so ``plan/plan.json`` records what
    zoneplan created. ``flags`` are the plan command's (``--allow-delete``,
    ``--enable-zoning``, ``--accept-pending``, ``--greenfield``).
    """

    files: Mapping[str, str] = field(default_factory=dict)
    patch: str = ""
    base: str = SAMPLE
    flags: tuple[str, ...] = ()
    strategy: str | None = None
    fabric: str | None = "A"
    earlier: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "files", _clean_files(self.files))
        object.__setattr__(self, "patch", _clean(self.patch))
        if self.earlier is not None:
            object.__setattr__(self, "earlier", _clean(self.earlier))

    def command(self) -> str:
        parts = ["zoneplan plan inventory.yaml"]
        if self.files:
            parts.append("--against capture")
        parts.append("--out plan")
        if self.strategy:
            parts.append(f"--strategy {self.strategy}")
        if self.fabric:
            parts.append(f"--fabric {self.fabric}")
        return " ".join([*parts, *self.flags])

    def blocks(self) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        if self.earlier is not None:
            label = _sample_label(self.base, self.earlier).replace(
                f"samples/{self.base}.yaml", f"earlier: samples/{self.base}.yaml"
            )
            out.append((label, self.earlier or None))
            out.append(("", "$ zoneplan plan earlier.yaml --greenfield --out plan"))
        out.append((_sample_label(self.base, self.patch), self.patch or None))
        out += [(f"capture/{name}:", text) for name, text in self.files.items()]
        return [*out, ("", f"$ {self.command()}")]


def _file_blocks(files: Mapping[str, str]) -> list[tuple[str, str | None]]:
    return [(f"{name}:", text) for name, text in files.items()]


def _clean_files(files: Mapping[str, str]) -> dict[str, str]:
    return {name: _verbatim(text) for name, text in files.items()}


@dataclass(frozen=True)
class Capture(Example):
    """Saved switch output: file name → text, as in a capture folder (read by the capture
    reader). A file name says the command (``cfgshow.txt``, ``show_flogi_database.txt``) or a
    prompt line inside the text does (``sw1:admin> cfgshow``); ``sw1/cfgshow.txt`` is a folder
    per switch."""

    files: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "files", _clean_files(self.files))

    def blocks(self) -> list[tuple[str, str | None]]:
        return _file_blocks(self.files)


@dataclass(frozen=True)
class Audit(Example):
    """Saved switch output audited against the plan of an inventory (sample + patch).

    ``files`` as for :class:`Capture`; ``inventory=False`` audits without an inventory (the
    checks that need no plan); ``fabric`` is ``zoneplan audit --fabric``; ``plan_from`` (an
    inventory patch of ``base``, ``""`` for the inventory itself) is the inventory a
    ``plan.json`` was planned from, audited against with ``zoneplan audit --plan``.
    """

    files: Mapping[str, str] = field(default_factory=dict)
    patch: str = ""
    base: str = SAMPLE
    fabric: str | None = None
    inventory: bool = True
    plan_from: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "files", _clean_files(self.files))
        object.__setattr__(self, "patch", _clean(self.patch))
        if self.plan_from is not None:
            object.__setattr__(self, "plan_from", _clean(self.plan_from))

    def command(self) -> str:
        inv = " inventory.yaml" if self.inventory else ""
        fabric = f" --fabric {self.fabric}" if self.fabric else ""
        plan = " --plan plan.json" if self.plan_from is not None else ""
        return f"zoneplan audit{inv} --capture capture{fabric}{plan}"

    def blocks(self) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        if self.inventory:
            out.append((_sample_label(self.base, self.patch), self.patch or None))
        if self.plan_from is not None:
            where = _sample_label(self.base, self.plan_from)
            out.append((f"plan.json: zoneplan plan of {where}", self.plan_from or None))
        out += [(f"capture/{name}:", text) for name, text in self.files.items()]
        return [*out, ("", f"$ {self.command()}")]


@dataclass(frozen=True)
class Multipath(Example):
    """A client's saved ``multipath -ll`` checked against the plan (``zoneplan hosts verify``).

    ``host`` is the client (lnx01, a Linux host of the sample, unless given); ``patch`` changes
    the sample first.
    """

    text: str = ""
    host: str = "lnx01"
    patch: str = ""
    base: str = SAMPLE

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _verbatim(self.text))
        object.__setattr__(self, "patch", _clean(self.patch))

    def blocks(self) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        if self.patch:
            out.append((_sample_label(self.base, self.patch), self.patch))
        return [*out, (f"multipath -ll on {self.host}:", self.text)]


@dataclass(frozen=True)
class Run(Example):
    """A zoneplan command line run in a lab folder, as an admin would run it.

    The lab holds ``inventory.yaml`` (the sample + ``patch``) and ``files`` (paths relative to
    the lab; ``~/`` is the lab's home), with ``modes`` (path → permission bits). ``env`` sets
    (or with None unsets) environment variables. For live reads every switch of the
    inventory is emulated on 127.0.0.1 with the lab's credentials (profile ``san-admin``) and
    host keys in place; ``fault`` stages what goes wrong (``tests/support/lab.py``).
    """

    command: str = ""
    patch: str = ""
    base: str = SAMPLE
    files: Mapping[str, str] = field(default_factory=dict)
    modes: Mapping[str, int] = field(default_factory=dict)
    env: Mapping[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "files", _clean_files(self.files))
        object.__setattr__(self, "patch", _clean(self.patch))

    def blocks(self) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        if self.patch:
            out.append((f"inventory.yaml: {_sample_label(self.base, self.patch)}", self.patch))
        for name, text in self.files.items():
            mode = f" (mode {self.modes[name]:04o})" if name in self.modes else ""
            out.append((f"{name}{mode}:", text))
        shell = [
            f"$ export {k}={v}" if v is not None else f"$ unset {k}" for k, v in self.env.items()
        ]
        return [*out, ("", "\n".join([*shell, f"$ {self.command}"]))]


@dataclass(frozen=True)
class Workbook(Example):
    """The sample exported as a workbook (``zoneplan export``), changed, and read back
    (``zoneplan import site.xlsx``).

    ``cells`` maps ``sheet!A1`` to what is typed there: text, a number, ``date:2026-01-02`` (a
    date, as a spreadsheet makes of ``1/2``) or a formula (``=B2``); ``add_sheets`` and
    ``remove_sheets`` change the sheets; ``file`` is a text file given the workbook's name
    instead of a workbook.
    """

    cells: Mapping[str, object] = field(default_factory=dict)
    add_sheets: tuple[str, ...] = ()
    remove_sheets: tuple[str, ...] = ()
    file: str | None = None
    base: str = SAMPLE

    def blocks(self) -> list[tuple[str, str | None]]:
        if self.file is not None:
            return [("site.xlsx, a text file:", self.file)]
        steps = [f"$ zoneplan export samples/{self.base}.yaml -o site.xlsx"]
        steps += [f"sheet {name!r} added" for name in self.add_sheets]
        steps += [f"sheet {name!r} removed" for name in self.remove_sheets]
        steps += [f"{cell} = {value!r}" for cell, value in self.cells.items()]
        steps.append("$ zoneplan import site.xlsx -o inventory.yaml")
        return [("", "\n".join(steps))]
