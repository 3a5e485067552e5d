"""Secrets for live reads: environment variables, a credentials file, or a prompt.

Why this shape: the inventory is committed to version control, so it only *names* a
credential profile (``credentials: fabric-a``); the secret itself comes from, in this order,

1. environment variables ``ZONEPLAN_<PROFILE>_<FIELD>`` (profile upper-cased, ``-``/``.`` as
   ``_``): ``USER``, ``PASSWORD``, ``COMMUNITY``, ``SNMP_USER``, ``AUTH_KEY``, ``PRIV_KEY``,
   ``AUTH_PROTOCOL``, ``PRIV_PROTOCOL`` (``ZONEPLAN_FABRIC_A_PASSWORD``);
2. a YAML credentials file (``--credentials``, ``$ZONEPLAN_CREDENTIALS`` or
   ``~/.config/zoneplan/credentials.yaml``), refused unless only its owner can read it::

       profiles:
         fabric-a: {user: admin, password: "..."}
         snmp-ro:  {snmp_user: zp, auth_key: "...", priv_key: "...",
                    auth_protocol: SHA, priv_protocol: AES}
         legacy:   {community: "..."}

3. an interactive prompt (only on a terminal, never in CI).

Secrets are held in :class:`Secret`, whose ``repr``/``str`` never show the value, so a
traceback, a log line or a ``print(credential)`` cannot leak them. Library code never prints.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

import yaml

from ..findings import Finding, Location
from ..rules.credentials import (
    CredentialsFileInTree,
    CredentialsFileInvalid,
    CredentialsFileUnsafe,
    CredentialsMissing,
)

__all__ = [
    "Secret",
    "Credential",
    "CredentialStore",
    "env_prefix",
    "default_credentials_path",
]

_FIELDS = {
    "user",
    "password",
    "community",
    "snmp_user",
    "auth_key",
    "priv_key",
    "auth_protocol",
    "priv_protocol",
}
_SECRET_FIELDS = {"password", "community", "auth_key", "priv_key"}


class Secret:
    """A string that does not show itself: ``repr``/``str``/format give ``'***'``.

    Why a class and not ``pydantic.SecretStr``: it must also survive f-strings and
    ``%``-formatting in log calls unchanged, and compare without revealing in assertions.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself: pass it to the transport, nowhere else."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    def __str__(self) -> str:
        return "***"

    def __format__(self, spec: str) -> str:
        return "***"

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __reduce__(self):  # noqa: ANN204 - refuse pickling secrets into caches by accident
        raise TypeError("secrets are not picklable")


@dataclass(frozen=True)
class Credential:
    """The secrets of one profile. ``repr`` shows which fields are set, never their values."""

    profile: str
    user: str | None = None
    password: Secret | None = None
    community: Secret | None = None
    snmp_user: str | None = None
    auth_key: Secret | None = None
    priv_key: Secret | None = None
    auth_protocol: str = "SHA"
    priv_protocol: str = "AES"
    source: str = field(default="", compare=False)  #: ``env``, ``file:<path>``, ``prompt``

    def __repr__(self) -> str:
        shown = [f"profile={self.profile!r}", f"user={self.user!r}"]
        for name in ("password", "community", "auth_key", "priv_key"):
            if getattr(self, name):
                shown.append(f"{name}=***")
        if self.snmp_user:
            shown.append(f"snmp_user={self.snmp_user!r}")
        shown.append(f"source={self.source!r}")
        return f"Credential({', '.join(shown)})"

    __str__ = __repr__

    @property
    def has_ssh(self) -> bool:
        return bool(self.user and self.password)

    @property
    def has_snmp_v3(self) -> bool:
        return bool(self.snmp_user and self.auth_key)

    @property
    def has_snmp(self) -> bool:
        return self.has_snmp_v3 or bool(self.community)

    def secrets(self) -> list[str]:
        """Every secret value (for redaction filters and the no-leak test)."""
        return [
            s.reveal() for s in (self.password, self.community, self.auth_key, self.priv_key) if s
        ]


def env_prefix(profile: str) -> str:
    """``fabric-a`` → ``ZONEPLAN_FABRIC_A_``."""
    norm = "".join(c if c.isalnum() else "_" for c in profile).upper()
    return f"ZONEPLAN_{norm}_"


def default_credentials_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$ZONEPLAN_CREDENTIALS`` or ``$XDG_CONFIG_HOME/zoneplan/credentials.yaml``."""
    env = os.environ if environ is None else environ
    if env.get("ZONEPLAN_CREDENTIALS"):
        return Path(env["ZONEPLAN_CREDENTIALS"]).expanduser()
    base = Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "zoneplan" / "credentials.yaml"


try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


#: a credentials file holds a few profiles: anything larger is not one
_MAX_FILE_BYTES = 1 << 20


def _mapping(node: yaml.Node) -> dict[str, yaml.Node]:
    """A mapping node's scalar keys → value nodes (the first of a repeated key)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    out: dict[str, yaml.Node] = {}
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode):
            out.setdefault(k.value, v)
    return out


def _repeated(node: yaml.MappingNode) -> yaml.Node | None:
    """The second occurrence of a key repeated in a mapping, or None."""
    seen: set[str] = set()
    for k, _v in node.value:
        key = getattr(k, "value", None)
        if isinstance(key, str):
            if key in seen:
                return k
            seen.add(key)
    return None


def _make(profile: str, values: Mapping[str, str], source: str) -> Credential:
    kw: dict[str, object] = {}
    for key, val in values.items():
        if val is None:
            continue
        kw[key] = Secret(str(val)) if key in _SECRET_FIELDS else str(val)
    return Credential(profile=profile, source=source, **kw)  # type: ignore[arg-type]


class CredentialStore:
    """Looks profiles up in env, file and prompt, in that order; caches what it found.

    ``findings`` collects problems with the sources (an unsafe file is refused as a whole).
    ``prompt`` is called as ``prompt(text, secret)``; it defaults to ``getpass``/``input``
    on a terminal and is disabled when stdin is not a TTY (``interactive=False`` forces off).
    """

    def __init__(
        self,
        *,
        path: Path | None = None,
        environ: Mapping[str, str] | None = None,
        interactive: bool | None = None,
        prompt: Callable[[str, bool], str] | None = None,
        inventory_path: Path | None = None,
    ) -> None:
        self.environ = dict(os.environ if environ is None else environ)
        self.explicit_path = path is not None
        self.path = path if path is not None else default_credentials_path(self.environ)
        self.interactive = sys.stdin.isatty() if interactive is None else interactive
        self._prompt = prompt or _tty_prompt
        self.inventory_path = inventory_path
        self.findings: list[Finding] = []
        self._file: dict[str, dict[str, str]] | None = None
        self._cache: dict[str, Credential] = {}
        self.extra: dict[str, Credential] = {}  #: profiles given directly (ad-hoc CLI)

    # ------------------------------------------------------------------ file
    def _load_file(self) -> dict[str, dict[str, str]]:
        if self._file is not None:
            return self._file
        self._file = {}
        p = self.path
        loc = Location(file=str(p))
        if not p.exists():
            if self.explicit_path:
                self.findings.append(
                    CredentialsFileInvalid.make(f"credentials file {p} does not exist", loc)
                )
            return self._file
        try:
            st = p.stat()
        except OSError as e:
            self.findings.append(CredentialsFileInvalid.make(f"cannot stat {p}: {e.strerror}", loc))
            return self._file
        if not stat.S_ISREG(st.st_mode) or st.st_size > _MAX_FILE_BYTES:
            what = "not a regular file" if not stat.S_ISREG(st.st_mode) else "larger than 1 MiB"
            self.findings.append(
                CredentialsFileInvalid.make(f"credentials file {p} is {what}; not used", loc)
            )
            return self._file
        if st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            self.findings.append(
                CredentialsFileUnsafe.make(
                    f"credentials file {p} has mode {stat.S_IMODE(st.st_mode):04o}: "
                    "group or others may access it; it is not used",
                    loc,
                    hint=f"chmod 600 {p}",
                )
            )
            return self._file
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            self.findings.append(
                CredentialsFileUnsafe.make(
                    f"credentials file {p} belongs to another user; it is not used", loc
                )
            )
            return self._file
        if self.inventory_path is not None:
            inv_dir = self.inventory_path.resolve().parent
            try:
                p.resolve().relative_to(inv_dir)
            except ValueError:
                pass
            else:
                self.findings.append(
                    CredentialsFileInTree.make(
                        f"credentials file {p} lies in the inventory's folder {inv_dir}", loc
                    )
                )
        try:
            root = yaml.compose(p.read_text(encoding="utf-8"), Loader=_Loader)
        except (OSError, UnicodeDecodeError) as e:
            self.findings.append(CredentialsFileInvalid.make(f"cannot read {p}: {e}", loc))
            return self._file
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            # the YAML error text may quote the offending line (a secret): never pass it on
            self.findings.append(
                CredentialsFileInvalid.make(
                    f"credentials file {p} is not valid YAML", Location(str(p), line)
                )
            )
            return self._file
        profiles = _mapping(root).get("profiles") if root is not None else None
        if not isinstance(profiles, yaml.MappingNode):
            self.findings.append(
                CredentialsFileInvalid.make(f"credentials file {p} has no 'profiles:' mapping", loc)
            )
            return self._file
        for name, node in _mapping(profiles).items():
            at = Location(str(p), node.start_mark.line + 1)
            if not isinstance(node, yaml.MappingNode):
                self.findings.append(
                    CredentialsFileInvalid.make(f"profile {name!r} is not a mapping", at)
                )
                continue
            fields = _mapping(node)
            bad = sorted(k for k, v in fields.items() if not isinstance(v, yaml.ScalarNode))
            twice = _repeated(node)
            if bad or twice is not None:
                # a list or mapping as a secret, or a key twice: never guess which was meant
                # (and never echo a value)
                where = fields[bad[0]] if bad else twice
                self.findings.append(
                    CredentialsFileInvalid.make(
                        f"profile {name!r}: "
                        + (f"{', '.join(bad)} must be text" if bad else "a key appears twice"),
                        Location(str(p), where.start_mark.line + 1),  # type: ignore[union-attr]
                    )
                )
                continue
            # every value is the text as written: no YAML 1.1 typing (0777 is not 511, yes is
            # not True, 1e3 is not 1000.0, null is the word null); an empty value is no value
            values = {k: v.value for k, v in fields.items() if v.value != ""}
            unknown = sorted(set(map(str, values)) - _FIELDS)
            if unknown:
                self.findings.append(
                    CredentialsFileInvalid.make(
                        f"profile {name!r} has unknown keys {', '.join(unknown)}",
                        loc,
                        hint=f"known keys: {', '.join(sorted(_FIELDS))}",
                    )
                )
                continue
            self._file[str(name)] = {str(k): v for k, v in values.items() if v is not None}
        return self._file

    # ------------------------------------------------------------------ lookup
    def _from_env(self, profile: str) -> dict[str, str]:
        pre = env_prefix(profile)
        out: dict[str, str] = {}
        for f in _FIELDS:
            v = self.environ.get(pre + f.upper())
            if v:
                out[f] = v
        return out

    def values(self, profile: str) -> dict[str, str]:
        """A profile's raw fields from file and environment (env wins); no prompt, no finding."""
        merged = dict(self._load_file().get(profile) or {})
        merged.update(self._from_env(profile))
        return merged

    def prompt(self, text: str, secret: bool = True) -> str | None:
        """Ask on the terminal (None when not interactive or cancelled)."""
        if not self.interactive:
            return None
        try:
            return self._prompt(text, secret)
        except (EOFError, KeyboardInterrupt):
            return None

    def get(self, profile: str, *, need: str = "ssh", subject: str = "") -> Credential | None:
        """The credential of ``profile`` with what ``need`` (``ssh``/``snmp``) requires.

        Returns None (and adds a ZP060 finding) when no source has it.
        """
        if profile in self.extra:
            return self.extra[profile]
        key = f"{profile}\0{need}"
        if key in self._cache:
            return self._cache[key]
        cred: Credential | None = None
        env = self._from_env(profile)
        if env:
            cred = _make(profile, env, "env")
        if cred is None or not _enough(cred, need):
            fvals = self._load_file().get(profile)
            if fvals:
                merged = dict(fvals)
                merged.update(env)  # environment wins field by field
                cred = _make(profile, merged, f"file:{self.path}")
        if (cred is None or not _enough(cred, need)) and self.interactive:
            cred = self._ask(profile, need, cred)
        if cred is None or not _enough(cred, need):
            pre = env_prefix(profile)
            wanted = (
                f"{pre}USER and {pre}PASSWORD"
                if need == "ssh"
                else f"{pre}SNMP_USER/{pre}AUTH_KEY/{pre}PRIV_KEY or {pre}COMMUNITY"
            )
            self.findings.append(
                CredentialsMissing.make(
                    f"no {need} credentials for profile {profile!r}"
                    + (f" (switch {subject})" if subject else ""),
                    Location(file=f"{subject or profile}:credentials"),
                    subject=subject or profile,
                    hint=f"export {wanted}, or add the profile to {self.path}",
                )
            )
            return None
        self._cache[key] = cred
        return cred

    def _ask(self, profile: str, need: str, base: Credential | None) -> Credential | None:
        vals: dict[str, str] = {}
        if base is not None:
            for f in _FIELDS:
                v = getattr(base, f, None)
                if v:
                    vals[f] = v.reveal() if isinstance(v, Secret) else v
        try:
            if need == "ssh":
                if not vals.get("user"):
                    vals["user"] = self._prompt(f"user for profile {profile}: ", False)
                vals["password"] = self._prompt(f"password for {vals['user']}@{profile}: ", True)
            else:
                vals["community"] = self._prompt(f"SNMP community for profile {profile}: ", True)
        except (EOFError, KeyboardInterrupt):
            return None
        return _make(profile, {k: v for k, v in vals.items() if v}, "prompt")

    def all_secrets(self) -> list[str]:
        """Every secret this store handed out (for redaction)."""
        out: list[str] = []
        for c in list(self._cache.values()) + list(self.extra.values()):
            out.extend(c.secrets())
        return out


def _enough(cred: Credential, need: str) -> bool:
    return cred.has_ssh if need == "ssh" else cred.has_snmp


def _tty_prompt(text: str, secret: bool) -> str:
    import getpass

    if secret:
        return getpass.getpass(text)
    return input(text)


def redact(text: str, secrets: list[str]) -> str:
    """``text`` with every secret (longer than 2 characters) replaced by ``***``."""
    for s in sorted({s for s in secrets if s and len(s) > 2}, key=len, reverse=True):
        text = text.replace(s, "***")
    return text
