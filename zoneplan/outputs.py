"""Writing output files: the one place every command that writes a file goes through.

Why one module: nothing the user had may be lost or silently overwritten, so every command
writes the same way. A file whose content is already the new content is left untouched (its
time stamp too); a new file is created (folders as needed). A file that exists with other
content is, unless ``force``:

* ``"backup"`` (``zoneplan plan``): moved to ``<name>.bak`` (``.bak.1``, ``.bak.2``... when
  that is taken) before the new content is written;
* ``"refuse"`` (cabling, hosts, import, sample): left as it is, and the command says so.

Every write goes to a temporary file in the same folder first and is renamed into place, so a
reader never sees half a file.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = ["Written", "WriteResult", "write_output"]


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


def write_output(
    path: Path,
    data: str | bytes,
    *,
    force: bool = False,
    conflict: Literal["backup", "refuse"] = "backup",
) -> WriteResult:
    """Write ``data`` (text as UTF-8) to ``path`` following the rules above."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    backup = None
    status = Written.CREATED
    if path.exists():
        try:
            same = path.read_bytes() == raw
        except OSError:
            same = False
        if same:
            return WriteResult(path, Written.UNCHANGED)
        if force:
            status = Written.OVERWRITTEN
        elif conflict == "refuse":
            return WriteResult(path, Written.KEPT)
        else:
            backup = _free_backup_name(path)
            path.rename(backup)
            status = Written.UPDATED
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        tmp.write_bytes(raw)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return WriteResult(path, status, backup)


def _free_backup_name(path: Path) -> Path:
    backup = path.with_name(path.name + ".bak")
    n = 1
    while backup.exists():
        backup = path.with_name(f"{path.name}.bak.{n}")
        n += 1
    return backup
