"""Apply rules (ZP850–ZP869): pushing a reviewed change to live switches (``zoneplan apply``).

Why a family of its own: these findings are about one run against a fabric in production —
whether it may start (the fabric is still what the plan was computed against, nobody else is
changing it, the admin confirmed), what went wrong while it ran, and which state the fabric
was left in. The fatal ones stop the run before any change command is sent (exit 2); the
others say what happened after something was sent (exit 4: the change did not stay and the
fabric is verified back in its state before; exit 5: the state needs a human). Made by
:mod:`zoneplan.apply`.

The examples run in the rule-example lab: every switch of the inventory is an emulated
switch on 127.0.0.1 whose zoning starts empty, and ``chg/`` is the inventory planned as a new
fabric (``zoneplan plan inventory.yaml --greenfield --out chg``) before the command runs.
"""

from __future__ import annotations

from ..findings import Severity
from .base import Rule, RuleScope
from .examples import Run

_APPLY = "zoneplan apply chg --fabric A --inventory inventory.yaml --yes"


class _ApplyRule(Rule):
    scope = RuleScope.LIVE


class ChangeFolderUnusable(_ApplyRule):
    """The change folder cannot be applied as it is.

    Why:
        ``apply`` sends what was reviewed: the plan.json of a ``zoneplan plan`` run and the
        script files beside it, for the inventory they were planned from. A missing or
        foreign plan.json, a fabric the plan does not have, an inventory that changed since
        the plan, or a script edited after it would send something nobody reviewed.
    Fix:
        Plan again (``zoneplan plan INV --against CAP --out DIR``), review DIR, and apply that
        folder with the same inventory.
    """

    code = "ZP850"
    name = "change-folder-unusable"
    severity = Severity.FATAL
    fails = Run(
        "zoneplan apply no-such-folder --fabric A --inventory inventory.yaml --yes",
        caption="A change folder that does not exist.",
    )
    passes = Run(_APPLY + " --dry-run", caption="The folder the plan wrote, unchanged.")


class CommandOutsideCatalogue(_ApplyRule):
    """A script line is not one of the change commands the vendor pack allows.

    Why:
        The commands ``apply`` may send are a whitelist in pack data
        (``vendors/<pack>/apply.yaml``: create, add, remove, delete of aliases, zones and
        configs, and the commit). Anything else — a ``cfgclear``, ``clear zone lock``, a
        shell trick — is refused before the first command is sent.
    Fix:
        Do not edit scripts by hand; change the inventory and plan again. A command the pack
        should allow is added to its ``apply.yaml`` with its vendor source.
    """

    code = "ZP851"
    name = "command-outside-catalogue"
    severity = Severity.FATAL
    fails = Run(
        _APPLY,
        fault="change-catalogue-without-cfgenable",
        caption="The Brocade pack's apply.yaml does not list cfgenable, which the script ends with.",
    )
    passes = Run(_APPLY + " --dry-run", caption="The script as planned.")


class ZoningChangedSincePlan(_ApplyRule):
    """The fabric's zoning read live differs from the state the plan was computed against.

    Why:
        The change was computed against one zoning database (its fingerprint is in
        plan.json). Run on another one, it may fail half-way or, worse, succeed and drop or
        edit what someone else just changed.
    Fix:
        Capture the fabric again (``zoneplan collect``), plan against the new capture, review,
        apply the new change.
    """

    code = "ZP852"
    name = "zoning-changed-since-plan"
    severity = Severity.FATAL
    fails = Run(
        _APPLY,
        fault="apply-zoning-changed",
        caption="Another admin enabled a zone after the plan was made.",
    )
    passes = Run(_APPLY + " --dry-run", caption="The fabric as it was when planned.")


class FabricBusy(_ApplyRule):
    """Someone holds an open zoning transaction, zone session or alias lock on the fabric.

    Why:
        Changing zoning while another change is open mixes two changes (FOS commits all of
        the committer's transaction; NX-OS refuses or blocks while a session is locked).
        ``apply`` never clears another admin's transaction or lock. When the open one was
        left by an earlier ``apply`` run that lost its connection, the finding names that
        run's record and says how to finish or discard it.
    Fix:
        Ask its owner to commit or abort it (FOS ``cfgtransabort`` as the owning user;
        NX-OS ``no zone commit vsan N`` / ``device-alias abort`` on the switch holding it),
        then apply again.
    """

    code = "ZP853"
    name = "fabric-busy"
    severity = Severity.FATAL
    fails = Run(
        _APPLY,
        fault="apply-foreign-transaction",
        caption="Another admin has an open zoning transaction.",
    )
    passes = Run(_APPLY + " --dry-run", caption="Nothing open on the fabric.")


class NotConfirmed(_ApplyRule):
    """The change was not confirmed: nothing was sent.

    Why:
        Pushing to a production fabric needs a person's yes: the summary (objects added,
        changed, removed; devices gaining or losing access) is shown and asked about on a
        terminal. Without a terminal (a pipe, a job) and without ``--yes`` nothing is sent.
    Fix:
        Run it on a terminal and answer ``y``, or pass ``--yes`` in automation that has its
        own approval step.
    """

    code = "ZP854"
    name = "not-confirmed"
    severity = Severity.FATAL
    fails = Run(
        "zoneplan apply chg --fabric A --inventory inventory.yaml",
        caption="No --yes, and no terminal to ask on.",
    )
    passes = Run(_APPLY, caption="--yes given.")


class ChangeCommandFailed(_ApplyRule):
    """A change command was answered with an error; the run discarded what it had opened.

    Why:
        A script that fails half-way must not leave half a change: on the first error
        ``apply`` aborts what this run opened (its own FOS transaction with
        ``cfgtransabort``; its NX-OS zone session with ``no zone commit vsan N``, its
        device-alias changes with ``device-alias abort``) — never another admin's — then reads
        the fabric again and says exactly what it holds.
    Fix:
        Read the record (``chg/<fabric>/apply-*/transcript.txt``) for the switch's answer,
        fix the cause (often: the fabric changed meanwhile), plan again and apply.
    """

    code = "ZP855"
    name = "change-command-failed"
    severity = Severity.ERROR
    fails = Run(_APPLY, fault="apply-error:3", caption="The switch refuses the third command.")
    passes = Run(_APPLY, caption="Every command accepted.")


class ConnectionLostMidChange(_ApplyRule):
    """The connection to the switch was lost while the change was being sent.

    Why:
        The last command's effect is unknown, and what the run opened (a FOS transaction, an
        NX-OS session) stays open on the fabric, owned by the login user. Nothing may claim
        success: the run reads the fabric again when it can, records what is open and how
        to finish or discard it, and the next ``apply`` or ``audit`` finds it.
    Fix:
        Follow the record's instruction (discard the open transaction or session as the same
        user), then apply again.
    """

    code = "ZP856"
    name = "connection-lost-mid-change"
    severity = Severity.ERROR
    fails = Run(
        _APPLY, fault="apply-drop:3", caption="The connection drops after the third command."
    )
    passes = Run(_APPLY, caption="The connection holds.")


class VerificationFailed(_ApplyRule):
    """After the change, the fabric read live is not what the plan wants; the rollback ran.

    Why:
        A switch accepting every command does not prove the fabric holds the plan (another
        switch, a merge, a concurrent change). ``apply`` reads the fabric again and audits it
        against the plan: anything but in sync runs the rollback and verifies that the
        fabric is back in the state before.
    Fix:
        Compare the record's before/ and after/ captures; plan again against a fresh capture.
    """

    code = "ZP857"
    name = "verification-failed"
    severity = Severity.ERROR
    fails = Run(
        _APPLY,
        fault="apply-verify-fails",
        caption="Someone adds a zone to the config while the change is being enabled.",
    )
    passes = Run(_APPLY, caption="The fabric holds what the plan wants.")


class StateUnknown(_ApplyRule):
    """The fabric is in neither the state before nor the planned state (or cannot be read).

    Why:
        After an abort or a rollback that did not bring the fabric back — a part already
        committed, a rollback command refused, the switch unreadable — only an honest
        "state unknown" with what differs is safe; the record keeps both captures.
    Fix:
        Read the record's verdict.json and the after/ capture; restore by hand from the
        before/ capture or plan again against the state it is in.
    """

    code = "ZP858"
    name = "state-unknown"
    severity = Severity.ERROR
    fails = Run(
        _APPLY,
        fault="apply-drop:3",
        caption="The connection drops after the third command: the fabric has an open "
        "transaction nobody committed.",
    )
    passes = Run(_APPLY, caption="A clean run.")


class AlreadyApplied(_ApplyRule):
    """The fabric already holds what the change wants: nothing was sent.

    Why:
        Running ``apply`` twice must be harmless: the fabric read live is compared with the
        plan, and a change that is already in place is reported and not sent again.
    Fix:
        Nothing to do.
    """

    code = "ZP859"
    name = "already-applied"
    severity = Severity.INFO
    fails = Run(_APPLY, fault="apply-twice", caption="The same change applied a second time.")
    passes = Run(_APPLY, caption="The first run.")


class FabricNotStarted(_ApplyRule):
    """With ``--fabric all``, a fabric was not started because an earlier one did not end in
    sync.

    Why:
        Redundancy: a host keeps its path through the other fabric only if both are never
        changed at once, and the second only after the first was verified in sync.
    Fix:
        Resolve the first fabric's finding, then apply the rest (``--fabric B`` or ``all``).
    """

    code = "ZP860"
    name = "fabric-not-started"
    severity = Severity.WARNING
    fails = Run(
        "zoneplan apply chg --fabric all --inventory inventory.yaml --yes",
        fault="apply-error:3",
        caption="The first fabric's third command fails.",
    )
    passes = Run(
        "zoneplan apply chg --fabric all --inventory inventory.yaml --yes",
        caption="Both fabrics apply, one after the other.",
    )


RULES = (
    ChangeFolderUnusable,
    CommandOutsideCatalogue,
    ZoningChangedSincePlan,
    FabricBusy,
    NotConfirmed,
    ChangeCommandFailed,
    ConnectionLostMidChange,
    VerificationFailed,
    StateUnknown,
    AlreadyApplied,
    FabricNotStarted,
)
