"""The rule catalogue as Markdown (docs/rules.md), generated from the rules' docstrings."""

from __future__ import annotations

from .rules.registry import all_rules


def rules_markdown() -> str:
    """docs/rules.md: a summary table, then every rule's Why / Fails / Passes / Fix."""
    rules = all_rules()
    out = [
        "# zoneplan rule catalogue",
        "",
        "Generated from the rules' docstrings (`zoneplan rules --format markdown`); "
        "`zoneplan rules CODE` prints one rule.",
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
            out += [f"**{section}**", "", "```" if section in ("Fails", "Passes") else "", text]
            out += ["```", ""] if section in ("Fails", "Passes") else [""]
    return "\n".join(line for line in out if line is not None).rstrip() + "\n"
