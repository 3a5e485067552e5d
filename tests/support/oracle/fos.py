"""Brocade FOS zoning as the switch behaves: one fabric's zone database, transactions, the CLI.

Why this exists: a generated script is only proven by running it, and no switch is at hand in
CI. This is the judge of zoneplan's FOS scripts and the engine of the SSH emulator, so each
behaviour below carries its source (``/work/research/vendor-change-facts.md``, section numbers
"§N"). Where no source was found the oracle takes the *stricter* reading (a script that passes
here passes on the switch) and says "UNVERIFIED" with what it assumed.

The model (a :class:`FosFabric` shared by every :class:`FosSession` on it):

* one namespace for alias, zone and cfg names, compared case-sensitively ([DOC] SANnav 1.1.1
  Zoning › Naming Conventions: "Names are case-sensitive." / "Duplicate names are not allowed
  between zones, zone aliases, and zone configurations within a zone database."); creating a
  name that differs from an existing one only in case is refused by default
  (``case_collision="refuse"``, UNVERIFIED, facts §1);
* a transaction opens with the first change, holds a working copy of the defined database
  that only its owner sees, and is closed by ``cfgsave`` / ``cfgenable`` (committed: every other
  open transaction is aborted) or ``cfgtransabort`` ([DOC] HP/Brocade Zoning 3.1/4.1 User Guide
  p.26: "A working copy of the defined configuration is created at the start of a transaction
  ... A transaction is aborted when another switch closes its transaction or by issuing the
  command cfgTransAbort."); a transaction survives the session that opened it (facts §6);
* a change while another admin's transaction is open is made in a second transaction and
  prints the concurrent-transaction WARNING ([DOC] FOS 8.x Admin Guide, Dell G620 copy,
  manualshelf page-339, "Concurrent zone transactions": ``zonecreate z2, "2,3"`` →
  ``WARNING!!`` ...);
* deleting an alias still used by a zone, or a zone still in a cfg, is accepted: the dangling
  name makes ``cfgenable`` fail with ``"<name>" not found`` (facts §2: brocade/ansible#21, #100;
  brcddb alert ``ZONE_UNDEFINED_ALIAS``);
* removing the last member of an alias, zone or cfg is refused (UNVERIFIED, facts §2: whether
  FOS deletes the object or keeps it empty is unknown, so a script may rely on neither);
* ``cfgsave`` / ``cfgenable`` ask yes/no (exact texts: captures, facts §5) unless given ``-f``
  / ``-force`` (jconsoli ``zone_config.py`` l.584/1831/1842, ``switch_config_cli.py`` l.529;
  proven at FOS 7.4.2c, refused below it here: the first version is UNVERIFIED);
* the CLI is a restricted bash (unknown commands answer ``rbash: X: command not found``, facts
  §7, text UNVERIFIED): quotes are shell quotes, and a line the shell would expand or split
  (``$``, backquote, ``;``, ``|``, globbing, an unclosed quote that would swallow the next
  pasted lines) is refused;
* forbidden: ``cfgclear``, ``cfgdisable``, ``defzone --noaccess|--allaccess`` (zoneplan never
  clears or disables zoning, never changes the default zone).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Callable

from zoneplan.observed import Zone, ZoneDb

from .common import CONTROL, YES, NameTable, Refused, Reply, case_twin, is_wwn

__all__ = ["FosDb", "FosFabric", "FosSession", "FosTransaction", "fos_version"]

# --------------------------------------------------------------------------- switch texts

#: ``'<name>' duplicate name`` for alicreate / zonecreate / cfgcreate of a name in use
#: ([3P-CODE] brocadesan test/provisioning_test.rb l.350, 363, 376)
DUPLICATE = "'{name}' duplicate name"
#: invalid object name ([3P-CODE] brocadesan l.346, 359)
INVALID_NAME = "Invalid name"
#: invalid alias member ([3P-CODE] brocadesan l.372)
INVALID_ALIAS = "Invalid alias"
#: unknown object: brocadesan stubs print ``not found`` (l.489-771); the full shape
#: ``"<name>" not found`` is the one captured at cfgenable (brocade/ansible#21, #100) and used
#: for every "not found" here (shape UNVERIFIED for the object commands)
NOT_FOUND = '"{name}" not found'
#: ``alishow`` of an unknown alias ([CAPTURE] brocade/ansible#114)
DOES_NOT_EXIST = '"{name}" does not exist.'
#: peer zones ([3P-CODE] the QA script, index id 1086236997; [VENDOR] brocade/ansible#103)
PEER_INVALID_MEMBER = "Error: Invalid zone member"
PEER_DUP_ACROSS = "Error: Duplicates member exists"
PEER_DUP_LIST = (
    'Error: Duplicate members exist in the member list of "{name}". To avoid unexpected '
    "behavior please create peer zones without duplicate members."
)
PEER_MIXED_ALIAS = (
    'Error: Members of alias "{name}" can either be WWN or D,I: alias having mixed type of'
)
#: UNVERIFIED (facts §4): FOS's reply to zoneadd --peerzone on a regular zone and the reverse
#: is unknown; refused here with an ``Error:`` line (zoneplan must never send either)
NOT_PEER = 'Error: "{name}" is not a peer zone'
IS_PEER = 'Error: "{name}" is a peer zone: use --peerzone'
#: UNVERIFIED (facts §2): removing the last member is refused (see the module docstring)
LAST_MEMBER = 'Error: removing the last member would leave "{name}" empty'
#: UNVERIFIED: adding a member already there / removing one that is not there
ALREADY_MEMBER = 'Error: "{member}" is already a member of "{name}"'
NOT_MEMBER = 'Error: "{member}" is not a member of "{name}"'
LISTED_TWICE = 'Error: "{member}" is listed twice'
EMPTY_CFG = 'Error: "{name}" has no members'

#: transactions ([CAPTURE/3P] shared/captures/brocade-fos/cfgtransshow_{1,2,3}.txt;
#: brocadesan provisioning_test.rb l.207-230)
NO_TRANSACTION_SHOW = "There is no outstanding zoning transaction"
TRANSACTION_SHOW = "Current transaction token is {token}\nIt is {abortable}"
NO_TRANSACTION_ABORT = "There is no outstanding transactions"
NOT_OWNER = (
    "trans_abort: there is an outstanding  transaction, and you are not owner of that transaction."
)
#: [DOC] FOS 8.x Admin Guide "Concurrent zone transactions" (manualshelf page-339); the store
#: cuts the text after "Please abort all unwanted t": the rest is UNVERIFIED
CONCURRENT = (
    "WARNING!!\n"
    "Multiple open transactions are pending in this fabric. Only one\n"
    "transaction can be saved. Please abort all unwanted transactions\n"
    "using the cfgtransabort command."
)

#: prompts ([CAPTURE] index id 10966380955, Brocade 300; facts §5)
CFGSAVE_PROMPT = (
    "You are about to save the Defined zoning configuration. This\n"
    "action will only save the changes on Defined configuration.\n"
    "If the update includes changes to one or more traffic isolation\n"
    "zones, you must issue the 'cfgenable' command for the changes\n"
    "to take effect.\n"
    "Do you want to save the Defined zoning configuration only?  (yes, y, no, n): [no] "
)
CFGSAVE_WARNING_PROMPT = (
    "WARNING!!!\n"
    "The changes you are attempting to save will render the\n"
    "Effective configuration and the Defined configuration\n"
    "inconsistent. The inconsistency will result in different\n"
    "Effective Zoning configurations for switches in the fabric if\n"
    "a zone merge or HA failover happens. To avoid inconsistency\n"
    "it is recommended to commit the configurations using the\n"
    "'cfgenable' command.\n"
    "Do you want to proceed with saving the Defined\n"
    "zoning configuration only?  (yes, y, no, n): [no] "
)
CFGENABLE_PROMPT = (
    "You are about to enable a new zoning configuration.\n"
    "This action will replace the old zoning configuration with the\n"
    "current configuration selected. If the update includes changes\n"
    "to one or more traffic isolation zones, the update may result in\n"
    "localized disruption to traffic on ports associated with\n"
    "the traffic isolation zone changes.\n"
    "Do you want to enable '{name}' configuration  (yes, y, no, n): [no] "
)
#: replies after the prompt ([3P-CODE] brocadesan provisioning.rb ``Replies``; captures §5)
CANCELLED = "Operation cancelled..."
NOTHING_TO_SAVE = "Nothing changed: nothing to save, returning ..."
UPDATING_FLASH = "Updating flash ..."
IN_EFFECT = 'zone config "{name}" is in effect'
#: UNVERIFIED (facts §7): the unknown-command text of the FOS restricted shell
UNKNOWN_COMMAND = "rbash: {cmd}: command not found"
#: UNVERIFIED: the usage reply to wrong operands (FOS prints the command's usage)
USAGE = "Usage: {usage}"
#: what the oracle says of a line a shell would expand or split (zoneplan's own rule)
SHELL_UNSAFE = "refused: {why} (the FOS shell would change this line)"

_USAGES = {
    "alicreate": 'alicreate "arg1", "arg2"',
    "aliadd": 'aliadd "arg1", "arg2"',
    "aliremove": 'aliremove "arg1", "arg2"',
    "alidelete": 'alidelete "arg"',
    "zonecreate": 'zonecreate "arg1", "arg2" | --peerzone "name" -principal "m1;m2" '
    '[-members "m1;m2"]',
    "zoneadd": 'zoneadd "arg1", "arg2" | --peerzone "name" -principal|-members "m1;m2"',
    "zoneremove": 'zoneremove "arg1", "arg2" | --peerzone "name" -principal|-members "m1;m2"',
    "zonedelete": 'zonedelete "arg"',
    "cfgcreate": 'cfgcreate "arg1", "arg2"',
    "cfgadd": 'cfgadd "arg1", "arg2"',
    "cfgremove": 'cfgremove "arg1", "arg2"',
    "cfgdelete": 'cfgdelete "arg"',
    "cfgsave": "cfgsave [-f | -force]",
    "cfgenable": 'cfgenable "cfgname" [-f | -force]',
    "cfgtransabort": "cfgtransabort",
    "cfgtransshow": "cfgtransshow",
}

#: name rules ([DOC] SANnav 1.1.1 Naming Conventions): FOS 8.1.0 or later: begins with a letter
#: or digit, then letters, digits, ``_ - $ ^``; earlier: begins with a letter, then letters,
#: digits, ``_``; 64 characters; reserved prefixes
_NAME_NEW = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_$^-]{0,63}$")
_NAME_OLD = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
_RESERVED = ("bfa_", "lsan_red_", "d__efault__")
_DI = re.compile(r"^\d{1,3},\d{1,5}$")
#: peer zones need FOS 7.4.0 ([WEAK] facts §4, the oracle's lower bound)
PEER_MIN = (7, 4, 0, "")
#: ``-f`` / ``-force`` on cfgsave / cfgenable: proven at 7.4.2c (facts §5); refused below
FORCE_MIN = (7, 4, 2, "c")
#: the defaults of a fabric nobody configured otherwise
DEFAULT_FIRMWARE = "9.2.0a"


def fos_version(text: str) -> tuple[int, int, int, str]:
    """``v9.2.0a`` → ``(9, 2, 0, "a")``; unparsable parts count as 0."""
    m = re.match(r"^v?(\d+)\.(\d+)\.(\d+)([a-z]*)", text.strip())
    if not m:
        return (0, 0, 0, "")
    return (int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4))


# --------------------------------------------------------------------------- shell words


class _ShellError(Exception):
    pass


_META = set(";&|<>()")
_GLOB = set("*?[{")


def shell_words(line: str) -> list[str]:
    """Split a line as bash would, refusing whatever bash would expand, run or wait on.

    Single quotes keep everything; double quotes keep everything but ``$``, backquote, ``\\``
    and ``!`` (history expansion in an interactive shell), which are refused; outside quotes
    ``;&|<>()`` (command separators, redirections), ``$``, backquote, ``\\``, globbing and
    brace characters and a leading ``~`` are refused; ``#`` at the start of a word starts a
    comment; an unclosed quote is refused (a terminal would wait and swallow the next lines).
    """
    words: list[str] = []
    cur: list[str] = []
    in_word = False
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if c in " \t":
            if in_word:
                words.append("".join(cur))
                cur, in_word = [], False
            i += 1
            continue
        if c == "#" and not in_word:
            break
        if c == "'":
            j = line.find("'", i + 1)
            if j < 0:
                raise _ShellError("unclosed single quote")
            cur.append(line[i + 1 : j])
            in_word, i = True, j + 1
            continue
        if c == '"':
            j = i + 1
            while j < n and line[j] != '"':
                if line[j] in "$`\\!":
                    raise _ShellError(f"{line[j]!r} inside double quotes")
                j += 1
            if j >= n:
                raise _ShellError("unclosed double quote")
            cur.append(line[i + 1 : j])
            in_word, i = True, j + 1
            continue
        if c in _META:
            raise _ShellError(f"{c!r} outside quotes")
        if c in "$`\\!":
            raise _ShellError(f"{c!r} outside quotes")
        if c in _GLOB:
            raise _ShellError(f"{c!r} outside quotes (pathname or brace expansion)")
        if c == "~" and not in_word:
            raise _ShellError("'~' at the start of a word (tilde expansion)")
        cur.append(c)
        in_word = True
        i += 1
    if in_word:
        words.append("".join(cur))
    return words


# --------------------------------------------------------------------------- the database


@dataclass
class FosDb:
    """A defined zoning database: aliases, zones, cfgs (names exactly as created)."""

    aliases: dict[str, list[str]] = field(default_factory=dict)
    zones: dict[str, Zone] = field(default_factory=dict)
    configs: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.aliases = NameTable(self.aliases)
        self.zones = NameTable(self.zones)
        self.configs = NameTable(self.configs)

    def copy(self) -> FosDb:
        return FosDb(
            {k: list(v) for k, v in self.aliases.items()},
            {k: _copy_zone(z) for k, z in self.zones.items()},
            {k: list(v) for k, v in self.configs.items()},
        )

    def kind_of(self, name: str) -> str | None:
        """``alias``, ``zone`` or ``cfg`` when the exact name is taken (one namespace)."""
        if name in self.aliases:
            return "alias"
        if name in self.zones:
            return "zone"
        if name in self.configs:
            return "cfg"
        return None

    def case_twin(self, name: str) -> str | None:
        """An existing name equal to ``name`` but for case."""
        for table in (self.aliases, self.zones, self.configs):
            twin = case_twin(table, name)
            if twin is not None:
                return twin
        return None

    def as_zonedb(self, effective: str | None = None) -> ZoneDb:
        """A canonical :class:`ZoneDb`: names sorted as FOS lists them (byte order, the order
        of every captured cfgshow), members sorted (a set: the order is not zoning)."""
        return ZoneDb(
            aliases={k: sorted(self.aliases[k]) for k in sorted(self.aliases)},
            zones={k: _sorted_zone(self.zones[k]) for k in sorted(self.zones)},
            configs={k: sorted(self.configs[k]) for k in sorted(self.configs)},
            effective=effective,
        )

    @classmethod
    def from_zonedb(cls, db: ZoneDb | None) -> FosDb:
        if db is None:
            return cls()
        return cls(
            {k: [_member(m) for m in v] for k, v in db.aliases.items()},
            {k: _copy_zone(z, lower=True) for k, z in db.zones.items()},
            {k: list(v) for k, v in db.configs.items()},
        )


@dataclass
class FosTransaction:
    """An open zoning transaction: its token, owner, the switch it was opened on, its copy."""

    token: int
    user: str
    switch: str
    db: FosDb


def _member(m: str) -> str:
    return m.lower() if is_wwn(m) else m


def _copy_zone(z: Zone, *, lower: bool = False) -> Zone:
    f = _member if lower else (lambda m: m)
    return Zone(
        z.name,
        [f(m) for m in z.members],
        [f(m) for m in z.principals],
        z.kind,
        {f(k): v for k, v in z.tags.items()},
    )


def _sorted_zone(z: Zone) -> Zone:
    return Zone(
        z.name, sorted(z.members), sorted(z.principals), z.kind, dict(sorted(z.tags.items()))
    )


class FosFabric:
    """One Brocade fabric's zoning: committed defined database, effective cfg, transactions.

    ``firmware`` decides the name rules, peer zones and ``-f``; ``case_collision`` is
    ``refuse`` (default, UNVERIFIED, facts §1) or ``allow``. ``log`` records every line every
    session sent, with the user: the SSH emulator's proof of what was sent.
    """

    def __init__(
        self,
        defined: ZoneDb | FosDb | None = None,
        effective: ZoneDb | None = None,
        *,
        firmware: str = DEFAULT_FIRMWARE,
        case_collision: str = "refuse",
        switch: str = "sw1",
    ) -> None:
        self.defined = defined.copy() if isinstance(defined, FosDb) else FosDb.from_zonedb(defined)
        self.effective: ZoneDb | None = None
        if effective is not None and effective.effective is not None:
            self.effective = ZoneDb(
                zones={k: _copy_zone(z, lower=True) for k, z in effective.zones.items()},
                configs={k: list(v) for k, v in effective.configs.items()},
                effective=effective.effective,
            )
        self.firmware = firmware
        self.case_collision = case_collision
        self.switch = switch
        self.transactions: list[FosTransaction] = []
        self.log: list[tuple[str, str]] = []
        self.saved = False  #: cfgsave / cfgenable wrote the flash
        self._tokens = itertools.count(271010736)  # a token as captured (brocadesan l.97)

    # -- views ---------------------------------------------------------------------------
    def own(self, user: str) -> FosTransaction | None:
        for t in self.transactions:
            if t.user == user:
                return t
        return None

    def view(self, user: str | None) -> FosDb:
        """The defined database as ``user`` sees it (their open transaction included)."""
        t = self.own(user) if user is not None else None
        return t.db if t is not None else self.defined

    def session(self, user: str = "admin", switch: str | None = None) -> FosSession:
        return FosSession(self, user, switch or self.switch)

    def open_foreign_transaction(
        self, user: str = "otheradmin", switch: str | None = None, change: Callable | None = None
    ) -> int:
        """Plant another admin's open transaction (``change(db)`` edits its working copy)."""
        db = self.defined.copy()
        if change is not None:
            change(db)
        t = FosTransaction(next(self._tokens), user, switch or self.switch, db)
        self.transactions.append(t)
        return t.token

    # -- export ----------------------------------------------------------------------------
    def defined_zonedb(self) -> ZoneDb:
        """The committed defined database, canonical (what any other admin's cfgshow lists)."""
        return self.defined.as_zonedb(self.effective.effective if self.effective else None)

    def effective_zonedb(self) -> ZoneDb:
        """The effective configuration (an empty ZoneDb when nothing is in effect)."""
        if self.effective is None:
            return ZoneDb()
        e = self.effective
        return ZoneDb(
            zones={k: _sorted_zone(e.zones[k]) for k in sorted(e.zones)},
            configs={k: sorted(v) for k, v in e.configs.items()},
            effective=e.effective,
        )

    def cfgshow(self, user: str | None = None) -> str:
        from .. import show_render as R

        eff = self.effective_zonedb()
        return R.render_cfgshow(
            self.view(user).as_zonedb(eff.effective), eff if eff.effective else None
        )

    def cfgtransshow(self, user: str | None = None, switch: str | None = None) -> str:
        """``cfgtransshow``: the caller's transaction, else the first other one, else none.

        UNVERIFIED (facts §6): "It is abortable" is printed for a transaction opened on this
        switch (whoever owns it: cfgtransabort then tells a non-owner "not owner"), "It is not
        abortable" for one opened on another switch. An apply engine must therefore decide by
        the token it recorded, never by "abortable" alone.
        """
        t = (self.own(user) if user is not None else None) or (
            self.transactions[0] if self.transactions else None
        )
        if t is None:
            return NO_TRANSACTION_SHOW + "\n"
        here = switch or self.switch
        ab = "abortable" if t.switch == here else "not abortable"
        return TRANSACTION_SHOW.format(token=t.token, abortable=ab) + "\n"

    # -- compile -----------------------------------------------------------------------------
    def compile(self, db: FosDb, cfg: str) -> ZoneDb | str:
        """The effective database ``cfgenable cfg`` builds from ``db``, or the error text.

        The effective configuration holds WWNs, aliases expanded ([CAPTURE] facts §3: every
        captured cfgshow's Effective section; "compiled by checking for undefined zone names,
        zone alias names" — [DOC] Zoning User Guide 3.1/4.1, facts §8).
        """
        names = db.configs.get(cfg)
        if names is None:
            return NOT_FOUND.format(name=cfg)
        if not names:
            return EMPTY_CFG.format(name=cfg)
        zones: dict[str, Zone] = {}
        for zn in names:
            z = db.zones.get(zn)
            if z is None:
                return NOT_FOUND.format(name=zn)
            out: dict[str, list[str]] = {"members": [], "principals": []}
            for part in ("members", "principals"):
                for m in getattr(z, part):
                    if is_wwn(m) or _DI.match(m):
                        out[part].append(m)
                    elif m in db.aliases:
                        out[part].extend(db.aliases[m])
                    else:
                        return NOT_FOUND.format(name=m)
            zones[zn] = Zone(zn, out["members"], out["principals"], z.kind)
        return ZoneDb(zones=zones, configs={cfg: list(names)}, effective=cfg)

    def commit(self, user: str, db: FosDb) -> None:
        """Close ``user``'s transaction into the defined database; abort every other one."""
        self.defined = db
        self.transactions = []
        self.saved = True


# --------------------------------------------------------------------------- the CLI


class _Err(Exception):
    """A command's error reply (the text the switch prints)."""


class FosSession:
    """One admin's CLI on one switch of the fabric: lines in, replies out."""

    def __init__(self, fabric: FosFabric, user: str, switch: str) -> None:
        self.fabric = fabric
        self.user = user
        self.switch = switch
        self._pending: Callable[[str], Reply] | None = None
        self._warned = False

    @property
    def prompt_pending(self) -> bool:
        return self._pending is not None

    @property
    def prompt(self) -> str:
        """The shell prompt, as captured (``SW300:admin>``; facts §7)."""
        return f"{self.switch}:{self.user}> "

    # -- entry -------------------------------------------------------------------------------
    def send(self, line: str) -> Reply:
        """One line typed or pasted at the prompt (or the answer to a pending question)."""
        self.fabric.log.append((self.user, line))
        if self._pending is not None:
            answer, self._pending = self._pending, None
            return answer(line.strip())
        text = line.strip()
        if not text:
            return Reply()
        if CONTROL.search(text):
            return Reply(SHELL_UNSAFE.format(why="a control character") + "\n", error=True)
        try:
            words = shell_words(text)
        except _ShellError as exc:
            return Reply(SHELL_UNSAFE.format(why=str(exc)) + "\n", error=True)
        if not words:
            return Reply()  # a comment line: bash ignores it
        cmd, args = words[0], words[1:]
        low = cmd.lower()  # FOS command names are case-insensitive (documented as cfgSave...)
        if low in ("cfgclear", "cfgdisable") or (
            low == "defzone" and args and args[0].lower() != "--show"
        ):
            raise Refused(f"{low}: zoneplan never clears or disables zoning")
        handler = getattr(self, "_c_" + low, None)
        if handler is None:
            return Reply(UNKNOWN_COMMAND.format(cmd=cmd) + "\n", error=True)
        try:
            return handler(args)
        except _Err as exc:
            return Reply(str(exc) + "\n", error=True)

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _usage(cmd: str) -> _Err:
        return _Err(USAGE.format(usage=_USAGES[cmd]))

    def _two(self, cmd: str, args: list[str]) -> tuple[str, str]:
        """``NAME, LIST`` operands (the shell words rejoined, split at the first comma)."""
        text = " ".join(args)
        if "," not in text:
            raise self._usage(cmd)
        name, rest = text.split(",", 1)
        name, rest = name.strip(), rest.strip()
        if not name or not rest:
            raise self._usage(cmd)
        return name, rest

    def _one(self, cmd: str, args: list[str]) -> str:
        if len(args) != 1 or not args[0].strip():
            raise self._usage(cmd)
        return args[0].strip()

    @staticmethod
    def _split(body: str) -> list[str]:
        return [p.strip() for p in body.split(";") if p.strip()]

    def _check_name(self, name: str, db: FosDb) -> None:
        rule = _NAME_NEW if fos_version(self.fabric.firmware) >= (8, 1, 0, "") else _NAME_OLD
        if not rule.match(name) or name.lower().startswith(_RESERVED):
            raise _Err(INVALID_NAME)
        if db.kind_of(name) is not None:
            raise _Err(DUPLICATE.format(name=name))
        if self.fabric.case_collision == "refuse" and db.case_twin(name) is not None:
            raise _Err(DUPLICATE.format(name=name))  # UNVERIFIED text and behaviour (§1)

    def _view(self) -> FosDb:
        return self.fabric.view(self.user)

    def _begin(self) -> tuple[FosDb, str]:
        """The caller's working copy, opening a transaction if needed; the warning to print."""
        f = self.fabric
        own = f.own(self.user)
        if own is not None:
            return own.db, ""
        warn = ""
        if f.transactions:  # another admin's transaction is open: FOS warns (Admin Guide)
            warn = CONCURRENT + "\n"
        t = FosTransaction(next(f._tokens), self.user, self.switch, f.defined.copy())
        f.transactions.append(t)
        return t.db, warn

    def _done(self, warn: str) -> Reply:
        return Reply(warn, error=bool(warn))

    def _members(
        self, body: str, db: FosDb, *, alias_member: bool = False, peer: bool = False
    ) -> list[str]:
        """Parse a ``;`` member list: WWNs (stored lower-case: brocade/ansible#11), D,I, and
        (in zones) existing aliases; duplicates in one list are refused."""
        out: list[str] = []
        for p in self._split(body):
            if is_wwn(p):
                p = p.lower()
                if peer and p.startswith("00:"):
                    # [DOC] FOS 8.0.1 Admin Guide: a WWN in the peer property member format
                    raise _Err(PEER_INVALID_MEMBER)
            elif _DI.match(p):
                pass
            elif alias_member:
                raise _Err(INVALID_ALIAS)
            elif p not in db.aliases:
                # UNVERIFIED: a zone member naming no alias is refused (brocadesan
                # provisioning.rb l.107: "members must exist. Exception is ... WWN and D,P")
                raise _Err(NOT_FOUND.format(name=p))
            if p in out:
                raise _Err(LISTED_TWICE.format(member=p))
            out.append(p)
        if not out:
            raise _Err(INVALID_ALIAS if alias_member else USAGE.format(usage="members missing"))
        return out

    def _peer_alias_check(self, members: list[str], db: FosDb) -> None:
        for m in members:
            al = db.aliases.get(m)
            if al and any(is_wwn(x) for x in al) and any(_DI.match(x) for x in al):
                raise _Err(PEER_MIXED_ALIAS.format(name=m))

    # -- aliases -----------------------------------------------------------------------------
    def _c_alicreate(self, args: list[str]) -> Reply:
        name, body = self._two("alicreate", args)
        view = self._view()
        self._check_name(name, view)
        members = self._members(body, view, alias_member=True)
        db, warn = self._begin()
        db.aliases[name] = members
        return self._done(warn)

    def _c_aliadd(self, args: list[str]) -> Reply:
        name, body = self._two("aliadd", args)
        view = self._view()
        if name not in view.aliases:
            raise _Err(NOT_FOUND.format(name=name))
        members = self._members(body, view, alias_member=True)
        for m in members:
            if m in view.aliases[name]:
                raise _Err(ALREADY_MEMBER.format(member=m, name=name))
        db, warn = self._begin()
        db.aliases[name].extend(members)
        return self._done(warn)

    def _c_aliremove(self, args: list[str]) -> Reply:
        name, body = self._two("aliremove", args)
        view = self._view()
        if name not in view.aliases:
            raise _Err(NOT_FOUND.format(name=name))
        members = self._members(body, view, alias_member=True)
        for m in members:
            if m not in view.aliases[name]:
                raise _Err(NOT_MEMBER.format(member=m, name=name))
        if len(set(view.aliases[name]) - set(members)) == 0:
            raise _Err(LAST_MEMBER.format(name=name))
        db, warn = self._begin()
        db.aliases[name] = [m for m in db.aliases[name] if m not in members]
        return self._done(warn)

    def _c_alidelete(self, args: list[str]) -> Reply:
        name = self._one("alidelete", args)
        if name not in self._view().aliases:
            raise _Err(NOT_FOUND.format(name=name))
        # accepted even when a zone uses it (facts §2): cfgenable then fails "not found"
        db, warn = self._begin()
        del db.aliases[name]
        return self._done(warn)

    # -- zones -------------------------------------------------------------------------------
    def _peer_args(self, cmd: str, args: list[str]) -> tuple[str, dict[str, str]]:
        """``--peerzone NAME -principal|-p LIST -members|-m LIST`` (QA script; brcddb
        ``parse_cli``)."""
        if fos_version(self.fabric.firmware) < PEER_MIN:
            raise self._usage(cmd)
        rest = args[1:]
        if not rest:
            raise self._usage(cmd)
        name, rest = rest[0], rest[1:]
        opts: dict[str, str] = {}
        keys = {
            "-principal": "principal",
            "-p": "principal",
            "-members": "members",
            "-m": "members",
        }
        while rest:
            if len(rest) < 2 or rest[0] not in keys or keys[rest[0]] in opts:
                raise self._usage(cmd)
            opts[keys[rest[0]]] = rest[1]
            rest = rest[2:]
        return name, opts

    def _c_zonecreate(self, args: list[str]) -> Reply:
        view = self._view()
        if args and args[0] == "--peerzone":
            name, opts = self._peer_args("zonecreate", args)
            if "principal" not in opts:
                raise self._usage("zonecreate")
            self._check_name(name, view)
            principals = self._peer_list(opts["principal"], view, name)
            members = self._peer_list(opts["members"], view, name) if "members" in opts else []
            if set(principals) & set(members):
                raise _Err(PEER_DUP_ACROSS)
            db, warn = self._begin()
            db.zones[name] = Zone(name, members, principals, "peer")
            return self._done(warn)
        name, body = self._two("zonecreate", args)
        self._check_name(name, view)
        members = self._members(body, view)
        db, warn = self._begin()
        db.zones[name] = Zone(name, members)
        return self._done(warn)

    def _peer_list(self, body: str, view: FosDb, zone: str) -> list[str]:
        try:
            out = self._members(body, view, peer=True)
        except _Err as exc:
            if str(exc).startswith('Error: "') and "listed twice" in str(exc):
                raise _Err(PEER_DUP_LIST.format(name=zone)) from None
            raise
        self._peer_alias_check(out, view)
        return out

    def _zone_edit(self, cmd: str, args: list[str]) -> Reply:
        view = self._view()
        adding = cmd == "zoneadd"
        if args and args[0] == "--peerzone":
            name, opts = self._peer_args(cmd, args)
            if len(opts) != 1:
                raise self._usage(cmd)
            ((part, body),) = opts.items()
            z = view.zones.get(name)
            if z is None:
                raise _Err(NOT_FOUND.format(name=name))
            if z.kind != "peer":
                raise _Err(NOT_PEER.format(name=name))
            mem = self._peer_list(body, view, name) if adding else self._names(body)
            target = z.principals if part == "principal" else z.members
            other = z.members if part == "principal" else z.principals
            for m in mem:
                if adding and m in target:
                    raise _Err(PEER_DUP_LIST.format(name=name))
                if adding and m in other:
                    raise _Err(PEER_DUP_ACROSS)
                if not adding and m not in target:
                    raise _Err(NOT_MEMBER.format(member=m, name=name))
            if not adding and part == "principal" and not set(z.principals) - set(mem):
                raise _Err(LAST_MEMBER.format(name=name))
            db, warn = self._begin()
            dz = db.zones[name]
            if adding:
                getattr(dz, part if part == "members" else "principals").extend(mem)
            elif part == "principal":
                dz.principals = [m for m in dz.principals if m not in mem]
            else:
                dz.members = [m for m in dz.members if m not in mem]
            return self._done(warn)
        name, body = self._two(cmd, args)
        z = view.zones.get(name)
        if z is None:
            raise _Err(NOT_FOUND.format(name=name))
        if z.kind == "peer":
            raise _Err(IS_PEER.format(name=name))
        mem = self._members(body, view) if adding else self._names(body)
        for m in mem:
            if adding and m in z.members:
                raise _Err(ALREADY_MEMBER.format(member=m, name=name))
            if not adding and m not in z.members:
                raise _Err(NOT_MEMBER.format(member=m, name=name))
        if not adding and not set(z.members) - set(mem):
            raise _Err(LAST_MEMBER.format(name=name))
        db, warn = self._begin()
        dz = db.zones[name]
        if adding:
            dz.members.extend(mem)
        else:
            dz.members = [m for m in dz.members if m not in mem]
        return self._done(warn)

    def _names(self, body: str) -> list[str]:
        out = [p.lower() if is_wwn(p) else p for p in self._split(body)]
        if not out:
            raise _Err(USAGE.format(usage="members missing"))
        return out

    def _c_zoneadd(self, args: list[str]) -> Reply:
        return self._zone_edit("zoneadd", args)

    def _c_zoneremove(self, args: list[str]) -> Reply:
        return self._zone_edit("zoneremove", args)

    def _c_zonedelete(self, args: list[str]) -> Reply:
        name = self._one("zonedelete", args)
        if name not in self._view().zones:
            raise _Err(NOT_FOUND.format(name=name))
        # accepted even when a cfg lists it (facts §2): cfgenable then fails "not found"
        db, warn = self._begin()
        del db.zones[name]
        return self._done(warn)

    # -- cfgs ----------------------------------------------------------------------------------
    def _zone_list(self, body: str, view: FosDb) -> list[str]:
        out: list[str] = []
        seen: set[str] = set()
        for p in self._split(body):
            if p not in view.zones:
                raise _Err(NOT_FOUND.format(name=p))
            if p in seen:
                raise _Err(LISTED_TWICE.format(member=p))
            seen.add(p)
            out.append(p)
        if not out:
            raise self._usage("cfgcreate")
        return out

    def _c_cfgcreate(self, args: list[str]) -> Reply:
        name, body = self._two("cfgcreate", args)
        view = self._view()
        self._check_name(name, view)
        zones = self._zone_list(body, view)
        db, warn = self._begin()
        db.configs[name] = zones
        return self._done(warn)

    def _c_cfgadd(self, args: list[str]) -> Reply:
        name, body = self._two("cfgadd", args)
        view = self._view()
        if name not in view.configs:
            raise _Err(NOT_FOUND.format(name=name))
        zones = self._zone_list(body, view)
        for zn in zones:
            if zn in view.configs[name]:
                raise _Err(ALREADY_MEMBER.format(member=zn, name=name))
        db, warn = self._begin()
        db.configs[name].extend(zones)
        return self._done(warn)

    def _c_cfgremove(self, args: list[str]) -> Reply:
        name, body = self._two("cfgremove", args)
        view = self._view()
        if name not in view.configs:
            raise _Err(NOT_FOUND.format(name=name))
        zones = self._split(body)
        for zn in zones:
            if zn not in view.configs[name]:
                raise _Err(NOT_MEMBER.format(member=zn, name=name))
        if not set(view.configs[name]) - set(zones):
            raise _Err(LAST_MEMBER.format(name=name))
        db, warn = self._begin()
        db.configs[name] = [z for z in db.configs[name] if z not in zones]
        return self._done(warn)

    def _c_cfgdelete(self, args: list[str]) -> Reply:
        name = self._one("cfgdelete", args)
        if name not in self._view().configs:
            raise _Err(NOT_FOUND.format(name=name))
        # no prompt (capture index id 26579770507); deleting the cfg in effect is accepted and
        # the next cfgsave fails "not found" (jconsoli fcip.py ~l.3460, after cfgclear)
        db, warn = self._begin()
        del db.configs[name]
        return self._done(warn)

    # -- commit ----------------------------------------------------------------------------------
    def _force(self, cmd: str, args: list[str]) -> bool:
        if not args:
            return False
        if len(args) == 1 and args[0] in ("-f", "-force"):
            if fos_version(self.fabric.firmware) < FORCE_MIN:
                raise self._usage(cmd)
            return True
        raise self._usage(cmd)

    def _ask(self, question: str, then: Callable[[], Reply], force: bool) -> Reply:
        if force:
            return then()

        def answer(text: str) -> Reply:
            if text.lower() in YES:
                return then()
            # "no", an empty line, or a pasted command taken as the answer: cancelled
            return Reply(CANCELLED + "\n", error=True)

        self._pending = answer
        return Reply(question, prompt=question)

    def _c_cfgsave(self, args: list[str]) -> Reply:
        force = self._force("cfgsave", args)
        f = self.fabric
        own = f.own(self.user)
        after = own.db if own is not None else f.defined
        inconsistent = False
        if f.effective is not None:
            got = f.compile(after, f.effective.effective or "")
            inconsistent = isinstance(got, str) or _signature(got) != _signature(f.effective)

        def save() -> Reply:
            me = f.own(self.user)
            if me is None:  # nothing of ours to save (or aborted meanwhile by another commit)
                return Reply(NOTHING_TO_SAVE + "\n")
            if f.effective is not None and f.effective.effective not in me.db.configs:
                # the cfg in effect no longer defined ([CAPTURE] jconsoli fcip.py ~l.3460)
                return Reply(NOT_FOUND.format(name=f.effective.effective) + "\n", error=True)
            for zones in me.db.configs.values():  # UNVERIFIED: a cfg naming a deleted zone
                for zn in zones:
                    if zn not in me.db.zones:
                        return Reply(NOT_FOUND.format(name=zn) + "\n", error=True)
            f.commit(self.user, me.db)
            return Reply(UPDATING_FLASH + "\n")

        return self._ask(CFGSAVE_WARNING_PROMPT if inconsistent else CFGSAVE_PROMPT, save, force)

    def _c_cfgenable(self, args: list[str]) -> Reply:
        if not args:
            raise self._usage("cfgenable")
        name, rest = args[0], args[1:]
        force = self._force("cfgenable", rest)
        if name not in self._view().configs:
            raise _Err(NOT_FOUND.format(name=name))
        f = self.fabric

        def enable() -> Reply:
            me = f.own(self.user)
            db = me.db if me is not None else f.defined
            got = f.compile(db, name)
            if isinstance(got, str):
                return Reply(got + "\n", error=True)
            f.commit(self.user, db)
            f.effective = got
            return Reply(IN_EFFECT.format(name=name) + "\n" + UPDATING_FLASH + "\n")

        return self._ask(CFGENABLE_PROMPT.format(name=name), enable, force)

    def _c_cfgtransabort(self, args: list[str]) -> Reply:
        if args:  # UNVERIFIED (facts §6): the token operand's semantics; not accepted here
            raise self._usage("cfgtransabort")
        f = self.fabric
        own = f.own(self.user)
        if own is not None:
            f.transactions.remove(own)
            return Reply()
        if f.transactions:
            return Reply(NOT_OWNER + "\n", error=True)
        return Reply(NO_TRANSACTION_ABORT + "\n")

    # -- reads -----------------------------------------------------------------------------------
    def _c_cfgtransshow(self, args: list[str]) -> Reply:
        if args:
            raise self._usage("cfgtransshow")
        return Reply(self.fabric.cfgtransshow(self.user, self.switch))

    def _c_cfgshow(self, args: list[str]) -> Reply:
        if args:
            return self._show_one(args[0], ("cfg", "zone", "alias"))
        return Reply(self.fabric.cfgshow(self.user))

    def _c_cfgactvshow(self, args: list[str]) -> Reply:
        from .. import show_render as R

        eff = self.fabric.effective_zonedb()
        return Reply(R.render_cfgactvshow(eff if eff.effective else None))

    def _c_alishow(self, args: list[str]) -> Reply:
        if args:
            return self._show_one(args[0], ("alias",))
        from .. import show_render as R

        return Reply(R.render_alishow(self._view().as_zonedb()))

    def _c_zoneshow(self, args: list[str]) -> Reply:
        if args == ["--peerzone", "all"]:
            db = self._view().as_zonedb()
            db.aliases = {}
            db.configs = {}
            db.zones = {k: z for k, z in db.zones.items() if z.kind == "peer"}
            return Reply(_defined_entries(db))
        if args:
            return self._show_one(args[0], ("zone",))
        db = self._view().as_zonedb()
        db.aliases = {}
        return Reply(_defined_entries(db))

    def _show_one(self, name: str, kinds: tuple[str, ...]) -> Reply:
        db = self._view().as_zonedb()
        keep = ZoneDb(
            aliases={name: db.aliases[name]} if "alias" in kinds and name in db.aliases else {},
            zones={name: db.zones[name]} if "zone" in kinds and name in db.zones else {},
            configs={name: db.configs[name]} if "cfg" in kinds and name in db.configs else {},
        )
        if not (keep.aliases or keep.zones or keep.configs):
            return Reply(DOES_NOT_EXIST.format(name=name) + "\n")
        return Reply(_defined_entries(keep))

    def _c_defzone(self, args: list[str]) -> Reply:
        # [CAPTURE] facts §9 (vendor-formats.md §1.3.6)
        mode = "All Access" if self.fabric.effective is None else "No Access"
        return Reply(
            f"Default Zone Access Mode\n     committed - {mode}\n     transaction - No Transaction\n"
        )

    def _c_version(self, args: list[str]) -> Reply:
        # [CAPTURE] brocadesan test/outputs/version_1.txt (facts §17): "Fabric OS:  v<ver>"
        fw = self.fabric.firmware.lstrip("v")
        return Reply(
            "Kernel:     2.6.34.6\n"
            f"Fabric OS:  v{fw}\n"
            "Made on:    Tue Jan 9 21:36:01 2024\n"
            "Flash:      Mon Mar 4 10:11:12 2024\n"
            "BootProm:   2.0.0\n"
        )


def _defined_entries(db: ZoneDb) -> str:
    from .. import show_render as R

    out: list[str] = []
    for name, zones in db.configs.items():
        R._fos_entry("cfg", name, list(zones), out)
    for name, z in db.zones.items():
        R._fos_entry("zone", name, R._peer_members(z, db), out)
    for name, members in db.aliases.items():
        R._fos_entry("alias", name, list(members), out)
    return "\n".join(out) + "\n" if out else ""


def _signature(db: ZoneDb) -> tuple:
    return (
        db.effective,
        tuple(
            sorted(
                (k, tuple(sorted(z.members)), tuple(sorted(z.principals)))
                for k, z in db.zones.items()
            )
        ),
    )
