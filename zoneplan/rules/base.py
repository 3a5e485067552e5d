"""Rule base class, the run context and the Why/Fails/Passes/Fix contract.

A rule is a small class: ``code`` (``ZP301``), ``name`` (kebab-case), ``severity`` (its
default), ``scope`` (a :class:`RuleScope`: when it can run), a docstring whose first line is
the summary and whose sections are ``Why:`` and ``Fix:``, and its examples: ``fails`` and
``passes``, :mod:`zoneplan.rules.examples` objects that a test runs (Fails makes the code,
Passes does not) and that render as the ``Fails`` and ``Passes`` sections. Rules of scope
``inventory`` have a ``check(ctx)`` generator; rules of other scopes are catalogue entries
whose findings are made by the component that owns the scope (loader, parser, planner,
auditor) through :meth:`Rule.make`.
"""

from __future__ import annotations

import enum
import inspect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Iterator

from ..findings import Finding, Location, Severity, Subject
from .examples import Example

if TYPE_CHECKING:
    from ..topology import Topology

SECTIONS = ("Why", "Fails", "Passes", "Fix")
CODE_RE = re.compile(r"^ZP\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class RuleScope(enum.StrEnum):
    """When a rule can run, and so which component makes its findings."""

    LOAD = "load"  #: the loader and the topology builder: the file cannot be used
    INVENTORY = "inventory"  #: ``Rule.check`` over the topology (``zoneplan validate``)
    POLICY = "policy"  #: the inventory's own policy section
    PLAN = "plan"  #: :mod:`zoneplan.plan.checks` over a plan
    CAPTURE = "capture"  #: the parsers of saved switch output
    AUDIT = "audit"  #: the audit: plan against observed state
    LIVE = "live"  #: credentials and live transports
    HOST = "host"  #: ``multipath -ll`` reading and host verification


@dataclass
class RuleContext:
    """What an inventory rule reads."""

    topology: Topology

    @property
    def inventory(self):  # noqa: ANN201 - Inventory, kept loose to avoid an import cycle
        return self.topology.inventory


class Rule:
    """Base of every catalogue entry."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    scope: ClassVar[RuleScope] = RuleScope.INVENTORY
    #: which :class:`~zoneplan.findings.Subject` field the ``subject`` string is (``zone``,
    #: ``switch``…); empty when it varies (the workflow recognises WWPNs, ports, hosts…)
    subject_kind: ClassVar[str] = ""
    #: inputs that make this rule's finding (one example, or several)
    fails: ClassVar[Example | tuple[Example, ...]] = ()
    #: inputs that do not, each close to a Fails example
    passes: ClassVar[Example | tuple[Example, ...]] = ()

    @classmethod
    def summary(cls) -> str:
        return (inspect.getdoc(cls) or "").splitlines()[0].strip()

    @classmethod
    def examples(cls, section: str) -> tuple[Example, ...]:
        """The ``Fails`` or ``Passes`` examples, always as a tuple."""
        got = cls.fails if section == "Fails" else cls.passes
        return (got,) if isinstance(got, Example) else tuple(got)

    @classmethod
    def sections(cls) -> dict[str, str]:
        """Why, Fails, Passes and Fix as text: Why and Fix from the docstring, Fails and Passes
        rendered from the examples (or, for a rule not converted yet, from the docstring)."""
        doc = cls._doc_sections()
        for section in ("Fails", "Passes"):
            examples = cls.examples(section)
            if examples:
                doc[section] = "\n\n".join(e.render() for e in examples)
        return {s: doc[s] for s in SECTIONS if s in doc}

    @classmethod
    def _doc_sections(cls) -> dict[str, str]:
        """The docstring's sections, dedented."""
        doc = inspect.getdoc(cls) or ""
        out: dict[str, str] = {}
        current: str | None = None
        buf: list[str] = []
        for line in doc.splitlines()[1:]:
            head = line.rstrip(":").strip()
            if line.endswith(":") and head in SECTIONS and not line.startswith(" "):
                if current:
                    out[current] = inspect.cleandoc("\n".join(buf))
                current, buf = head, []
            elif current:
                buf.append(line)
        if current:
            out[current] = inspect.cleandoc("\n".join(buf))
        return out

    @classmethod
    def make(
        cls,
        message: str,
        location: Location | None = None,
        *,
        subject: str = "",
        hint: str = "",
        severity: Severity | None = None,
        about: Subject | None = None,
    ) -> Finding:
        """A finding of this rule; ``about`` adds structured subject fields."""
        about = about or Subject()
        if cls.subject_kind and subject and not getattr(about, cls.subject_kind):
            about = about.merged(Subject(**{cls.subject_kind: subject}))
        return Finding(
            cls.code,
            cls.name,
            severity or cls.severity,
            message,
            location,
            subject,
            hint,
            about=about,
        )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Inventory-scope rules yield findings here; other scopes never call it."""
        return iter(())

    # convenience for inventory rules
    def at(
        self,
        ctx: RuleContext,
        path: tuple,
        message: str,
        *,
        subject: str = "",
        hint: str = "",
        key: bool = False,
    ) -> Finding:
        return self.make(message, ctx.topology.locate(path, key=key), subject=subject, hint=hint)
