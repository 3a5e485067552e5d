"""Firmware versions against the pack's minima: peer zones, smart zoning, non-interactive save.

Why data: the oldest firmware that has a feature is a vendor fact with a source; it lives in
the pack (``firmware:`` in the manifest) so a reviewer corrects it there. Versions are compared
numerically, letters after the numbers counting as a further step (FOS ``7.4.2c`` > ``7.4.2``,
NX-OS ``8.4(2a)`` > ``8.4(2)``).
"""

from __future__ import annotations

import re
from typing import Mapping

from ..findings import Finding, Severity
from ..packs import VendorPack
from ..rules.change import FirmwareTooOld, FirmwareUnknown

__all__ = ["version_key", "older_than", "check_features"]

_PART = re.compile(r"\d+|[a-z]+")


def version_key(text: str) -> tuple[int, ...] | None:
    """A comparable key for a firmware version; None when the text holds no number."""
    parts = _PART.findall(text.lower().removeprefix("v"))
    if not parts or not parts[0].isdigit():
        return None
    key: list[int] = []
    for p in parts:
        if p.isdigit():
            key.append(int(p))
        else:
            key.append(sum((ord(c) - 96) * 27**i for i, c in enumerate(reversed(p))))
    return tuple(key)


def older_than(version: str, minimum: str) -> bool | None:
    """True when ``version`` is older than ``minimum``; None when either is unreadable."""
    a, b = version_key(version), version_key(minimum)
    if a is None or b is None:
        return None
    return a < b


def check_features(
    pack: VendorPack,
    fabric: str,
    features: set[str],
    firmware: Mapping[str, str],
    switches: list[str],
) -> list[Finding]:
    """Findings for every feature the change uses whose minimum a switch may not meet."""
    out: list[Finding] = []
    minima = pack.manifest.firmware
    for feature in sorted(features):
        need = minima.get(feature)
        if need is None:
            continue
        label = feature.replace("_", " ")
        unknown = [s for s in switches if not firmware.get(s)]
        if unknown or not switches:
            out.append(
                FirmwareUnknown.make(
                    f"fabric {fabric}: the change uses {label} (needs {need.version} or newer); "
                    f"firmware unknown for {', '.join(unknown) or 'every switch'}",
                    subject=fabric,
                    hint=f"source of the minimum: {need.source}",
                )
            )
        for s in switches:
            v = firmware.get(s)
            if v and older_than(v, need.version):
                unsure = "" if need.too_old == "error" else " (a minimum nobody confirmed)"
                out.append(
                    FirmwareTooOld.make(
                        f"fabric {fabric}: switch {s} runs {v}; {label} needs {need.version} "
                        f"or newer{unsure}",
                        subject=fabric,
                        hint=f"source: {need.source}",
                        severity=Severity.ERROR if need.too_old == "error" else Severity.WARNING,
                    )
                )
    return out
