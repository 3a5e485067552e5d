"""``zoneplan rules``: the rule catalogue, or one rule's why, fails, passes and fix.

Imports only the catalogue (no networkx, no asyncssh): it answers instantly.
"""

from __future__ import annotations

from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from ..findings import ExitCode
from .output import console, err_console


def rules(
    code: Optional[str] = typer.Argument(None, help="A rule code (ZP301) or name to explain."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json or markdown."),
) -> None:
    """List the rule catalogue, or explain one rule: why, fails, passes, fix.

    Example: `zoneplan rules ZP621`
    """
    import json

    from ..rules.registry import all_rules, rule_by_code

    if fmt == "markdown":
        from ..docs import rules_markdown

        typer.echo(rules_markdown(), nl=False)
        return

    if code:
        rule = rule_by_code(code)
        if rule is None:
            err_console.print(f"no rule {escape(code)!r}; run 'zoneplan rules' for the catalogue")
            raise typer.Exit(ExitCode.UNUSABLE_INPUT)
        if fmt == "json":
            typer.echo(json.dumps(_rule_dict(rule), indent=2))
            return
        console.print(
            f"[bold]{rule.code}[/bold] {rule.name}  [dim]({rule.severity.value}, {rule.scope})[/dim]"
        )
        console.print(escape(rule.summary()))
        for section, text in rule.sections().items():
            console.print(f"\n[bold]{section}[/bold]")
            console.print(escape(text))
        return
    if fmt == "json":
        typer.echo(json.dumps([_rule_dict(r) for r in all_rules()], indent=2))
        return
    table = Table(title="zoneplan rules", show_lines=False)
    for col in ("code", "name", "severity", "scope", "summary"):
        table.add_column(col, overflow="fold")
    for r in all_rules():
        table.add_row(r.code, r.name, r.severity.value, r.scope, escape(r.summary()))
    console.print(table)


def _rule_dict(rule) -> dict:  # noqa: ANN001
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "scope": rule.scope,
        "summary": rule.summary(),
        **{k.lower(): v for k, v in rule.sections().items()},
    }


def register(app: typer.Typer) -> None:
    app.command()(rules)
