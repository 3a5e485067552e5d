"""``zoneplan-collect.json``: the manifest ``collect`` writes beside the switch folders.

Why the parsers own it: ``collect`` writes it (what it read, how completely, which files it
wrote), and the capture reader must honour it — a switch ``collect`` itself reported as
``partial`` (exit 3) can never be read back as a complete capture — and ``collect`` reads it
back to know which files of an earlier run it may replace. The reader is here, below both.

The file is read as data from a folder that may hold anything: never through a link, only as
a regular file, at most :data:`MAX_MANIFEST_BYTES`; anything else counts as no manifest.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from ..outputs import read_capped

__all__ = ["MANIFEST", "MAX_MANIFEST_BYTES", "manifest_files", "read_manifest", "command_file"]

MANIFEST = "zoneplan-collect.json"
#: a manifest lists switches, statuses and file names: a few KB per switch
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
_SNMP_FILE = "snmp_walk.txt"


def command_file(command: str) -> str:
    """``show zoneset active vsan 10`` → ``show_zoneset_active_vsan_10.txt``."""
    return "_".join(command.split()) + ".txt"


def read_manifest(folder: Path) -> dict:
    """The manifest in ``folder`` ({} when there is none or it is not usable)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(Path(folder) / MANIFEST, flags)
    except OSError:
        return {}
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return {}
        raw = read_capped(fd, MAX_MANIFEST_BYTES)
    except OSError:
        return {}
    finally:
        os.close(fd)
    if len(raw) > MAX_MANIFEST_BYTES:
        return {}
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    if not isinstance(doc, dict) or not isinstance(doc.get("switches"), list):
        return {}
    doc["switches"] = [e for e in doc["switches"] if isinstance(e, dict)]
    return doc


def manifest_files(entry: dict) -> list[str]:
    """The files a manifest entry says zoneplan wrote in its switch folder."""
    files = entry.get("files")
    if not isinstance(files, list):  # manifests before 'files': the commands and the walk
        files = [command_file(c) for c in entry.get("commands") or [] if isinstance(c, str)]
        if entry.get("via") == "snmp":
            files.append(_SNMP_FILE)
    return [f for f in files if isinstance(f, str)]
