"""The physical-layer data tables: media reach, colour names, cable lengths, label stocks.

Why data files: reach per media and speed, stock cable lengths and label sheet geometry are
facts with sources (in the YAML beside each value) that a reviewer checks against the cited
page, not against Python. They are vendor-neutral, so they live here and not in a vendor pack;
what differs per switch model (front panels) is pack data (``vendors/*/faceplates.yaml``).
Each file is validated once, on first use; a broken file is a packaging bug
(:class:`PhysicalDataError`), never a user-input finding.
"""

from __future__ import annotations

import bisect
import math
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..model import Media


class PhysicalDataError(Exception):
    """A data file of :mod:`zoneplan.physical` is missing or malformed (a packaging bug)."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Reach(_Data):
    """How far one media carries one speed: ``m`` metres, ``None`` when not supported."""

    m: float | None
    loss_db: float | None = None
    source: str
    verified: bool
    note: str = ""


class MediaEntry(_Data):
    fibre: str
    color: str
    color_source: str
    fc_ports: bool = True  #: False: not for FC switch ports (DAC)
    note: str = ""
    speeds: dict[int, Reach] = Field(default_factory=dict)


class MediaTable(_Data):
    schema_: str = Field(alias="schema")
    sources: dict[str, dict[str, Any]]
    min_length: dict[str, Any]
    media: dict[Media, MediaEntry]

    def reach(self, media: Media, speed: int) -> Reach | None:
        """Reach of ``media`` at ``speed`` Gb/s; None when the table has no row for it.

        A speed between two rows (e.g. 10 Gb/s) takes the next faster row's reach, which is
        the shorter and so the safe one.
        """
        entry = self.media[media]
        speeds = sorted(entry.speeds)
        i = bisect.bisect_left(speeds, speed)
        return entry.speeds[speeds[i]] if i < len(speeds) else None


class ColorTable(_Data):
    schema_: str = Field(alias="schema")
    colors: dict[str, str]

    def hex(self, name_or_hex: str) -> str | None:
        """``aqua`` → ``#00b5cc``; a ``#rrggbb`` passes through; None for an unknown name."""
        if name_or_hex.startswith("#"):
            return name_or_hex.lower()
        return self.colors.get(name_or_hex)

    def name(self, name_or_hex: str) -> str:
        """The colour's name: itself when named, else the nearest named colour (``≈ blue``)."""
        if not name_or_hex.startswith("#"):
            return name_or_hex
        value = name_or_hex.lower()
        for name, hx in self.colors.items():
            if hx == value:
                return name
        rgb = _rgb(value)
        nearest = min(self.colors, key=lambda n: math.dist(_rgb(self.colors[n]), rgb))
        return f"≈ {nearest}"


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return (int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16))


class Sourced(_Data):
    model_config = ConfigDict(extra="allow")
    value: float
    source: str
    verified: bool


class LengthList(_Data):
    m: list[float] = Field(min_length=1)
    source: str
    verified: bool


class CableTable(_Data):
    schema_: str = Field(alias="schema")
    sources: dict[str, dict[str, Any]]
    lengths: LengthList
    rack_unit_mm: Sourced
    rack_width_mm: Sourced
    excess_warning_m: Sourced


class LabelGeometry(_Data):
    w: float = Field(gt=0)
    h: float = Field(gt=0)
    round: float = Field(0, ge=0)
    margin: float = Field(ge=0)


class Grid(_Data):
    cols: int = Field(ge=1)
    rows: int = Field(ge=1)
    x0: float = Field(ge=0)
    y0: float = Field(ge=0)
    dx: float = Field(gt=0)
    dy: float = Field(gt=0)


class Page(_Data):
    w: float = Field(gt=0)
    h: float = Field(gt=0)


class LabelStock(_Data):
    """One sheet of labels: page, label size and the grid they sit in."""

    name: str
    page: Page
    label: LabelGeometry
    grid: Grid
    flag: bool = False
    source: dict[str, Any]

    @property
    def per_sheet(self) -> int:
        return self.grid.cols * self.grid.rows


class LabelTable(_Data):
    schema_: str = Field(alias="schema")
    sources: dict[str, dict[str, Any]]
    default: str
    stocks: dict[str, LabelStock]


def _load(name: str, model: type[_Data]) -> Any:
    try:
        text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10× the pure loader
        return model.model_validate(yaml.load(text, Loader=loader))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise PhysicalDataError(f"zoneplan/physical/data/{name}: {exc}") from exc


@cache
def media_table() -> MediaTable:
    """``data/media.yaml``: reach per media and speed, jacket colour per media."""
    return _load("media.yaml", MediaTable)


@cache
def color_table() -> ColorTable:
    """``data/colors.yaml``: colour names and the RGB they are drawn in."""
    table = _load("colors.yaml", ColorTable)
    missing = {e.color for e in media_table().media.values()} - set(table.colors)
    if missing:
        raise PhysicalDataError(f"media colours without an RGB value: {sorted(missing)}")
    return table


@cache
def cable_table() -> CableTable:
    """``data/cables.yaml``: stock lengths and rack geometry."""
    table = _load("cables.yaml", CableTable)
    if table.lengths.m != sorted(table.lengths.m):
        raise PhysicalDataError("cables.yaml: lengths must be in ascending order")
    return table


@cache
def label_table() -> LabelTable:
    """``data/labels.yaml``: label sheets for the label PDF."""
    table = _load("labels.yaml", LabelTable)
    if table.default not in table.stocks:
        raise PhysicalDataError(f"labels.yaml: default {table.default!r} is not a stock")
    return table
