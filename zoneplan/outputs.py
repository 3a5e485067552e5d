"""Writing output files: the one place every command that writes or removes a file goes through.

Why one module: nothing the user had may be lost, silently overwritten, or written to outside
the output folder, so every command writes the same way.

The API (small on purpose)::

    write_output(path, data, force=..., conflict=...)          # one file (-o FILE)
    write_outputs(root, {"A/A.script.txt": text, ...}, ...)    # files in an output folder
    check_outputs(root, names) / check_output(path)            # the checks alone, nothing written
    remove_outputs(root, names)                                # only files zoneplan wrote
    safe_name(name)                                            # one folder/file name, or refused

Every problem is an :class:`OutputError` (the command reports its message and exits 2), raised
*before anything is written*: all targets are checked first, then written.

The rules:

* **Where.** ``-o FILE`` and ``--out DIR``: missing folders are created with their parents
  (the nearest existing one must be a folder); everything zoneplan writes into ``--out DIR``
  goes *inside* it, under names checked by :func:`safe_name` (no ``.``/``..``, no
  separators, no control characters).
* **Links.** The folder the user named may be a symbolic link (the user chose it); nothing
  below it is followed: a sub-folder or a target that is a symbolic link (dangling or not), a
  FIFO, a device or a folder where a file is expected is refused. Folders are opened with
  ``O_NOFOLLOW`` one level at a time and files are created relative to them, so a link
  planted between the check and the write is not followed either.
* **Conflicts: the one ``--force`` rule** (``conflict="stop"``, what every command uses). A
  file whose content is already the new content is left untouched (its time stamp too); a
  new file is created. When a file exists with other content, *nothing* is written: one
  :class:`OutputConflict` names every such file (the command exits 2 and says to pass
  ``--force``). With ``force`` each is replaced and its old content kept as ``<name>.bak``
  (``.bak.1``... when taken): nothing the user had is lost. The other modes are for callers
  that own their files: ``"backup"`` (keep a ``.bak`` without being forced), ``"refuse"``
  (leave the file, reported as :attr:`Written.KEPT`; ``force`` overwrites without a copy).
* **Atomic.** Every file is written to a temporary name in its folder (``O_EXCL``) and renamed
  into place: a reader never sees half a file, and the rename replaces a name, never writes
  through a link.
* **Private** (capture folders: switch configuration): folders 0700, files 0600, whatever the
  umask.
* **Removal.** :func:`remove_outputs` removes only the names it is given (the caller's
  manifest of files zoneplan wrote), only regular files, never through a link.
"""

from __future__ import annotations

import enum
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Literal, Mapping

__all__ = [
    "OutputConflict",
    "OutputError",
    "Written",
    "WriteResult",
    "check_output",
    "check_outputs",
    "describe_mode",
    "read_capped",
    "remove_outputs",
    "safe_name",
    "write_output",
    "write_outputs",
]

Conflict = Literal["stop", "backup", "refuse"]


class OutputError(Exception):
    """A target that cannot be written safely; ``str()`` names the path and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{_show(path)}: {reason}")


class OutputConflict(OutputError):
    """Files exist with other content and ``--force`` was not given; nothing was written."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        more = ""
        if len(paths) > 1:
            rest = ", ".join(_show(p) for p in paths[1:6]) + (" …" if len(paths) > 6 else "")
            more = f" (and {len(paths) - 1} more: {rest})"
        super().__init__(
            paths[0],
            f"exists with other content{more}; nothing was written: pass --force to replace "
            "(the old content is kept as NAME.bak)",
        )


class Written(enum.StrEnum):
    """What :func:`write_output` did."""

    UNCHANGED = "unchanged"
    CREATED = "created"
    OVERWRITTEN = "overwritten"
    UPDATED = "updated"  #: the old content was kept as a backup first
    KEPT = "kept"  #: the old, different content was left in place (nothing written)


@dataclass(frozen=True)
class WriteResult:
    path: Path
    status: Written
    backup: Path | None = None

    @property
    def written(self) -> bool:
        return self.status in (Written.CREATED, Written.OVERWRITTEN, Written.UPDATED)

    def describe(self) -> str:
        """``unchanged``, ``created``, ``overwritten``, ``updated (old copy: NAME)``, ``kept``."""
        if self.status is Written.UPDATED and self.backup is not None:
            return f"updated (old copy: {self.backup.name})"
        return self.status.value


# --------------------------------------------------------------------------- names


def _show(path: Path | str) -> str:
    """A path as a message may show it: control characters visible (no terminal tricks)."""
    from .sanitise import escape_text

    return escape_text(str(path))


def safe_name(name: str, *, what: str = "name") -> str:
    """``name`` when it is usable as one folder or file name, else :class:`OutputError`.

    Refused: empty, ``.``, ``..``, a separator (``/``, ``\\``), a control character or a
    Unicode line/paragraph separator, more than 255 bytes.
    """
    from .sanitise import has_control

    if not name or name in (".", ".."):
        raise OutputError(name or "''", f"not usable as a {what} (empty, '.' or '..')")
    if "/" in name or "\\" in name or "\0" in name:
        raise OutputError(name, f"not usable as a {what}: it holds a path separator")
    if has_control(name):
        raise OutputError(name, f"not usable as a {what}: it holds a control character")
    if len(name.encode("utf-8", "surrogateescape")) > 255:
        raise OutputError(name[:40] + "…", f"not usable as a {what}: longer than 255 bytes")
    return name


def _parts(name: str | Path) -> list[str]:
    """The components of a relative name inside an output folder, each :func:`safe_name`."""
    text = str(name)
    if not text or os.path.isabs(text):
        raise OutputError(text or "''", "not a name inside the output folder")
    return [safe_name(p) for p in text.split("/")]


# --------------------------------------------------------------------------- folders

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def describe_mode(mode: int) -> str:
    """What a file system entry is, for a message: ``a symbolic link (not followed)``…"""
    if stat.S_ISLNK(mode):
        return "a symbolic link (not followed)"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISREG(mode):
        return "a file"
    return "not a regular file"


def _lstat_at(name: str, dir_fd: int) -> os.stat_result | None:
    try:
        return os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return None


def _open_root(root: Path, *, create: bool, private: bool) -> int:
    """The output folder the user named (a link to a folder is the user's choice)."""
    try:
        st = root.lstat()
    except (FileNotFoundError, NotADirectoryError):
        st = None
    except OSError as exc:
        raise OutputError(root, exc.strerror or str(exc)) from exc
    if st is None:
        if not create:
            raise OutputError(root, "the folder does not exist")
        try:
            root.mkdir(parents=True, mode=0o700 if private else 0o777)
        except FileExistsError:
            pass
        except NotADirectoryError as exc:
            raise OutputError(root, "a part of the path is a file, not a folder") from exc
        except OSError as exc:
            raise OutputError(root, f"cannot create the folder: {exc.strerror}") from exc
        if private:
            os.chmod(root, 0o700)
    try:
        return os.open(root, _DIR_FLAGS)
    except NotADirectoryError as exc:
        raise OutputError(root, "exists and is not a folder") from exc
    except OSError as exc:
        raise OutputError(root, exc.strerror or str(exc)) from exc


def _open_sub(fd: int, part: str, shown: Path, *, create: bool, private: bool) -> int:
    """Folder ``part`` inside ``fd``, never through a link; created (0700 if private)."""
    st = _lstat_at(part, fd)
    if st is None:
        if not create:
            raise FileNotFoundError(errno.ENOENT, "missing", str(shown))
        try:
            os.mkdir(part, 0o700 if private else 0o777, dir_fd=fd)
        except FileExistsError:
            pass
    elif not stat.S_ISDIR(st.st_mode):
        raise OutputError(shown, f"is {describe_mode(st.st_mode)}, where a folder is needed")
    try:
        sub = os.open(part, _DIR_FLAGS | _NOFOLLOW, dir_fd=fd)
    except OSError as exc:  # replaced by a link or a file since the lstat
        raise OutputError(shown, "is not a folder (or is a symbolic link)") from exc
    if private:
        os.fchmod(sub, 0o700)
    return sub


def _check_in(root: Path, parts: list[str], *, folder: bool = False) -> None:
    """Check one target below ``root`` without creating anything."""
    try:
        st = root.stat()
    except (FileNotFoundError, NotADirectoryError):
        _check_missing_root(root)
        return
    except OSError as exc:
        raise OutputError(root, exc.strerror or str(exc)) from exc
    if not stat.S_ISDIR(st.st_mode):
        raise OutputError(root, "exists and is not a folder")
    path = root
    for k, part in enumerate(parts):
        path = path / part
        try:
            st = path.lstat()
        except FileNotFoundError:
            return  # created when written
        except OSError as exc:
            raise OutputError(path, exc.strerror or str(exc)) from exc
        last = k == len(parts) - 1 and not folder
        if last and not stat.S_ISREG(st.st_mode):
            raise OutputError(
                path, f"is {describe_mode(st.st_mode)}, where a file is to be written"
            )
        if not last and not stat.S_ISDIR(st.st_mode):
            raise OutputError(path, f"is {describe_mode(st.st_mode)}, where a folder is needed")


def _check_missing_root(root: Path) -> None:
    """A folder to be created: its nearest existing ancestor must be a folder."""
    for parent in root.parents:
        try:
            st = parent.stat()
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:
            raise OutputError(parent, exc.strerror or str(exc)) from exc
        if not stat.S_ISDIR(st.st_mode):
            raise OutputError(parent, "is not a folder: cannot create a folder in it")
        return


# --------------------------------------------------------------------------- checks


def check_outputs(
    root: Path, names: Iterable[str | Path] = (), *, folders: Iterable[str | Path] = ()
) -> None:
    """Raise :class:`OutputError` for the first of ``names`` (files inside ``root``) or
    ``folders`` (folders inside ``root``) that cannot be written safely."""
    for name in names:
        _check_in(Path(root), _parts(name))
    for name in folders:
        _check_in(Path(root), _parts(name), folder=True)


def check_output(path: Path) -> None:
    """The checks of :func:`write_output` for one file, without writing it."""
    path = Path(path)
    parent = path.parent
    try:
        st = parent.stat()
    except NotADirectoryError as exc:
        raise OutputError(parent, "is not a folder (a part of the path is a file)") from exc
    except FileNotFoundError:
        _check_missing_root(parent)  # created, with its parents, when written
        safe_name(path.name, what="file name")
        return
    except OSError as exc:
        raise OutputError(parent, exc.strerror or str(exc)) from exc
    if not stat.S_ISDIR(st.st_mode):
        raise OutputError(parent, "is not a folder")
    _check_in(parent, [safe_name(path.name, what="file name")])


# --------------------------------------------------------------------------- writing


def write_output(
    path: Path,
    data: str | bytes,
    *,
    force: bool = False,
    conflict: Conflict = "stop",
    private: bool = False,
) -> WriteResult:
    """Write one file named by the user (``-o FILE``); its folders are created as needed."""
    path = Path(path)
    check_output(path)
    if conflict == "stop" and not force:
        _stop_on_conflicts([path], [_raw(data)])
    fd = _open_root(path.parent, create=True, private=False)
    try:
        return _write_at(fd, path.name, path, _raw(data), force, conflict, private)
    finally:
        os.close(fd)


def write_outputs(
    root: Path,
    files: Mapping[str, str | bytes],
    *,
    force: bool = False,
    conflict: Conflict = "stop",
    private: bool = False,
) -> list[WriteResult]:
    """Write ``files`` (name inside ``root`` → content) after checking every one of them.

    ``root`` is created (with its parents) when missing; names use ``/`` between folders.
    One :class:`OutputError` before anything is written when any target is unusable.
    """
    root = Path(root)
    plan = [(name, _parts(name), _raw(data)) for name, data in files.items()]
    for _, parts, _ in plan:
        _check_in(root, parts)
    if conflict == "stop" and not force:
        _stop_on_conflicts([root.joinpath(*parts) for _, parts, _ in plan], [r for *_, r in plan])
    out: list[WriteResult] = []
    rootfd = _open_root(root, create=True, private=private)
    try:
        for name, parts, raw in plan:
            fd = rootfd
            shown = root
            try:
                for part in parts[:-1]:
                    shown = shown / part
                    sub = _open_sub(fd, part, shown, create=True, private=private)
                    if fd != rootfd:
                        os.close(fd)
                    fd = sub
                out.append(_write_at(fd, parts[-1], root / name, raw, force, conflict, private))
            finally:
                if fd != rootfd:
                    os.close(fd)
    finally:
        os.close(rootfd)
    return out


def _stop_on_conflicts(paths: list[Path], raws: list[bytes] | None = None) -> None:
    """:class:`OutputConflict` naming every existing file whose content would change.

    Called after the targets were checked (regular files or absent); reads without
    following a link (a link there was refused by the checks already).
    """
    differing = []
    for i, path in enumerate(paths):
        try:
            st = path.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        raw = raws[i] if raws is not None else None
        if raw is not None and st.st_size == len(raw):
            try:
                with open(path, "rb", opener=_nofollow_opener) as f:
                    if f.read(len(raw) + 1) == raw:
                        continue
            except OSError:
                pass
        differing.append(path)
    if differing:
        raise OutputConflict(differing)


def _nofollow_opener(path: str, flags: int) -> int:
    return os.open(path, flags | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))


def _raw(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def read_capped(fd: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes from an open descriptor (one more than the limit tells
    the caller it was over): never a whole ``/dev/zero`` or a file that grows."""
    chunks, left = [], limit + 1
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 22))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read_at(fd: int, name: str, size: int) -> bytes | None:
    try:
        f = os.open(name, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0), dir_fd=fd)
    except OSError:
        return None
    try:
        return read_capped(f, size)
    finally:
        os.close(f)


def _write_at(
    fd: int,
    name: str,
    shown: Path,
    raw: bytes,
    force: bool,
    conflict: Conflict,
    private: bool,
) -> WriteResult:
    st = _lstat_at(name, fd)
    backup: Path | None = None
    status = Written.CREATED
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(
                shown, f"is {describe_mode(st.st_mode)}, where a file is to be written"
            )
        if st.st_size == len(raw) and _read_at(fd, name, len(raw)) == raw:
            if private and stat.S_IMODE(st.st_mode) != 0o600:
                _chmod_at(fd, name, 0o600)
            return WriteResult(shown, Written.UNCHANGED)
        if force and conflict != "stop":
            status = Written.OVERWRITTEN
        elif conflict == "refuse":
            return WriteResult(shown, Written.KEPT)
        else:  # "backup", or "stop" with force: the old content kept as NAME.bak
            bak = _free_backup_name(fd, name)
            os.rename(name, bak, src_dir_fd=fd, dst_dir_fd=fd)
            backup = shown.with_name(bak)
            status = Written.UPDATED
    tmp = f".{name}.tmp-{os.getpid()}"
    if len(tmp.encode()) > 255:
        tmp = f".zoneplan.tmp-{os.getpid()}"
    try:
        os.unlink(tmp, dir_fd=fd)  # a stale one of an interrupted run with this pid
    except FileNotFoundError:
        pass
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    f = os.open(tmp, flags, 0o600 if private else 0o666, dir_fd=fd)
    try:
        try:
            if private:
                os.fchmod(f, 0o600)
            view = memoryview(raw)
            while view:
                n = os.write(f, view)
                view = view[n:]
        finally:
            os.close(f)
        os.replace(tmp, name, src_dir_fd=fd, dst_dir_fd=fd)
    except BaseException:
        try:
            os.unlink(tmp, dir_fd=fd)
        except OSError:
            pass
        raise
    return WriteResult(shown, status, backup)


def _chmod_at(fd: int, name: str, mode: int) -> None:
    """chmod a regular file in ``fd``'s folder through a descriptor (never through a link)."""
    f = os.open(name, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0), dir_fd=fd)
    try:
        if stat.S_ISREG(os.fstat(f).st_mode):
            os.fchmod(f, mode)
    finally:
        os.close(f)


def _free_backup_name(fd: int, name: str) -> str:
    backup = name + ".bak"
    n = 1
    while _lstat_at(backup, fd) is not None:
        backup = f"{name}.bak.{n}"
        n += 1
    return backup


# --------------------------------------------------------------------------- removal


def remove_outputs(root: Path, names: Iterable[str]) -> list[str]:
    """Remove ``names`` (files zoneplan wrote, as its manifest lists them) from ``root``.

    Only regular files are removed, never through a link (the folders on the way are opened
    with ``O_NOFOLLOW``); a name that is missing, a link, a folder or anything else is left
    alone. Returns the names removed.
    """
    root = Path(root)
    gone: list[str] = []
    try:
        rootfd = os.open(root, _DIR_FLAGS)
    except OSError:
        return gone
    try:
        for name in names:
            try:
                parts = _parts(name)
            except OutputError:
                continue
            fd = rootfd
            try:
                for part in parts[:-1]:
                    try:
                        sub = os.open(part, _DIR_FLAGS | _NOFOLLOW, dir_fd=fd)
                    except OSError:
                        sub = -1
                    if fd != rootfd:
                        os.close(fd)
                    fd = sub
                    if fd < 0:
                        break
                if fd < 0:
                    fd = rootfd
                    continue
                st = _lstat_at(parts[-1], fd)
                if st is not None and stat.S_ISREG(st.st_mode):
                    os.unlink(parts[-1], dir_fd=fd)
                    gone.append(str(name))
            finally:
                if fd != rootfd:
                    os.close(fd)
    finally:
        os.close(rootfd)
    return gone
