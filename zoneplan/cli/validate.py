"""``zoneplan validate``, ``zoneplan rules`` and ``zoneplan schema``."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape
from rich.table import Table

from ..findings import ExitCode, exit_code_for
from .output import FORMATS, console, err_console, print_findings


def _split(values: Optional[List[str]]) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out += [p.strip().upper() for p in v.split(",") if p.strip()]
    return out


def validate(
    inventory: Path = typer.Argument(..., help="Inventory YAML file."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json or parsable."),
    select: Optional[List[str]] = typer.Option(
        None, "--select", help="Only these code prefixes (ZP3, ZP301)."
    ),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these code prefixes."),
) -> None:
    """Check an inventory: syntax, schema, references and every design rule."""
    from ..validate import validate_inventory

    if fmt not in FORMATS:
        err_console.print(f"unknown format {escape(fmt)!r}; use one of {', '.join(FORMATS)}")
        raise typer.Exit(ExitCode.UNUSABLE_INPUT)
    result = validate_inventory(inventory, select=_split(select), ignore=_split(ignore))
    print_findings(result.findings, fmt, suppressed=result.suppressed)
    raise typer.Exit(exit_code_for(result.findings))


def rules(
    code: Optional[str] = typer.Argument(None, help="A rule code (ZP301) or name to explain."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json or markdown."),
) -> None:
    """List the rule catalogue, or explain one rule: why, fails, passes, fix."""
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


def schema(
    write: bool = typer.Option(
        False, "--write", help="Write the files into --dir instead of printing."
    ),
    directory: Path = typer.Option(
        Path("schemas"), "--dir", help="Where --write puts the schemas."
    ),
) -> None:
    """Print or regenerate the JSON Schemas generated from the models."""
    from ..schemas import generate_schemas

    docs = generate_schemas()
    if not write:
        typer.echo(docs["inventory.schema.json"], nl=False)
        return
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        target = directory / name
        if target.exists() and target.read_text(encoding="utf-8") == text:
            console.print(f"unchanged {target}")
            continue
        target.write_text(text, encoding="utf-8")
        console.print(f"wrote {target}")


def register(app: typer.Typer) -> None:
    app.command()(validate)
    app.command()(rules)
    app.command()(schema)
