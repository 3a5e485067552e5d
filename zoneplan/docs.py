"""The rule catalogue as Markdown (docs/rules.md), generated from the rules themselves."""

from __future__ import annotations

from .rules.examples import Example, visible
from .rules.registry import all_rules

#: how the examples' inputs are written, said once at the top of the page
_EXAMPLES_NOTE = (
    "Every rule's Fails and Passes examples are run by the test suite "
    "(`tests/core/test_rule_examples.py`): each Fails example makes the rule's code, no Passes "
    "example does. Inventory examples are changes to a shipped sample "
    "(`samples/euronas-cluster.yaml` unless they name another): a mapping merges key by key "
    "(`key: null` removes a key), a list item with a `name` merges into the sample's item of "
    "that name or is added, an item without a name is added, `!replace` replaces a value "
    "instead of merging, and `!delete {name: X}` removes an item."
)


def _fence(text: str) -> list[str]:
    ticks = "````" if "```" in text else "```"
    return [ticks, visible(text.rstrip("\n")) if text else "(empty)", ticks]


def _example(e: Example) -> list[str]:
    out: list[str] = []
    if e.caption:
        out += [e.caption, ""]
    for label, text in e.blocks():
        if label:
            out += [label, ""]
        if text is not None:
            out += [*_fence(text), ""]
    for note in e.notes():
        out += [note, ""]
    return out


def rules_markdown() -> str:
    """docs/rules.md: a summary table, then every rule's Why / Fails / Passes / Fix."""
    rules = all_rules()
    out = [
        "# zoneplan rule catalogue",
        "",
        "Generated from the rules (`zoneplan rules --format markdown`); "
        "`zoneplan rules CODE` prints one rule.",
        "",
        _EXAMPLES_NOTE,
        "",
        "| code | name | default severity | scope | summary |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| {r.code} | {r.name} | {r.severity.value} | {r.scope} | {r.summary()} |" for r in rules
    ]
    for r in rules:
        out += ["", f"## {r.code} {r.name}", "", r.summary(), ""]
        for section, text in r.sections().items():
            out += [f"**{section}**", ""]
            examples = r.examples(section) if section in ("Fails", "Passes") else ()
            if examples:
                for e in examples:
                    out += _example(e)
            elif section in ("Fails", "Passes"):
                out += [*_fence(text), ""]
            else:
                out += [text, ""]
    return "\n".join(out).rstrip() + "\n"
