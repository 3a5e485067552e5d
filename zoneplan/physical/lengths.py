"""Cable length estimates from rack positions, rounded up to a length one can buy.

Why this method: a cable's route is not the straight line between its ends but up or down the
rack's cable manager, over the top through the tray and down the other rack, plus a service
loop at each end ("Route length = vertical run + horizontal allowance + front/rear allowance +
patch allowance + controlled slack ... then be rounded up to the next practical stock cable
length", DCIM Professionals' patch cord chart, cited in ``data/cables.yaml``). The allowances
are the inventory's ``policy.cabling`` (defaults there); stock lengths and the rack unit are
data. Two ends in different rooms or sites cannot be estimated: the plan asks for a measured
length instead of guessing.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from ..model import CablingPolicy, Location, Rack
from .tables import cable_table


@dataclass(frozen=True)
class Place:
    """A cable end in space: its location and how many rack units the device takes."""

    location: Location | None
    height: int = 1


@dataclass(frozen=True)
class Estimate:
    """An estimated route and what to order for it."""

    route: float  #: metres, with the allowances and slack
    order: float  #: metres: the next stock length, or the route rounded up to whole metres
    stock: bool  #: ``order`` is a stock length
    basis: str  #: ``same rack``, ``same row``, ``rows C-D``: how it was estimated
    in_rack: bool


def stock_lengths(policy: CablingPolicy) -> list[float]:
    """The lengths cables are ordered in: the policy's, else the standard patch cords."""
    return sorted(policy.lengths) if policy.lengths else list(cable_table().lengths.m)


def order_length(route: float, lengths: list[float]) -> tuple[float, bool]:
    """The smallest stock length >= ``route``; beyond the longest, whole metres (custom)."""
    i = bisect.bisect_left(lengths, route - 1e-9)
    if i < len(lengths):
        return lengths[i], True
    return float(math.ceil(route - 1e-9)), False


def _natural(text: str) -> tuple:
    return tuple(int(p) if p.isdecimal() else p for p in re.split(r"(\d+)", text))


class Estimator:
    """Estimates for one inventory: its racks, their rows, and the cabling policy."""

    def __init__(self, racks: list[Rack], policy: CablingPolicy) -> None:
        self.racks = {r.name: r for r in racks}
        self.policy = policy
        self.lengths = stock_lengths(policy)
        self.unit = cable_table().rack_unit_mm.value / 1000
        self.default_width = cable_table().rack_width_mm.value / 1000
        rows: dict[tuple[str, str], set[str]] = {}
        for r in racks:
            rows.setdefault((r.site, r.room), set()).add(r.row)
        #: position of each row in its room, rows in natural order (A, B, ... or 1, 2, ... 10)
        self.row_index = {
            (site, room, row): i
            for (site, room), names in rows.items()
            for i, row in enumerate(sorted(names, key=_natural))
        }

    def _port_height(self, place: Place, rack: Rack) -> float:
        """Metres from the rack floor to the middle of the device's units."""
        assert place.location is not None and place.location.u is not None
        middle = place.location.u - 1 + max(1, place.height) / 2
        return min(middle, rack.height) * self.unit

    def estimate(self, a: Place, b: Place) -> Estimate | None:
        """The route between two placed ends; None when a position or a rack is unknown, or
        when the ends are in different rooms (measure those)."""
        la, lb = a.location, b.location
        if la is None or lb is None or not la.placed or not lb.placed:
            return None
        ra, rb = self.racks.get(la.rack or ""), self.racks.get(lb.rack or "")
        if ra is None or rb is None:
            return None
        p = self.policy
        ends = 2 * (p.slack + p.side_allowance)
        if la.side is not lb.side:
            ends += p.front_to_rear
        ha, hb = self._port_height(a, ra), self._port_height(b, rb)
        if ra.name == rb.name:
            route = abs(ha - hb) + ends
            return self._result(route, "same rack", True)
        if (ra.site, ra.room) != (rb.site, rb.room):
            return None
        if ra.position is None or rb.position is None:
            return None
        up = (ra.height * self.unit - ha) + (rb.height * self.unit - hb) + 2 * p.tray_drop
        wa = (ra.width / 1000) if ra.width else self.default_width
        wb = (rb.width / 1000) if rb.width else self.default_width
        along = abs(ra.position - rb.position) * (wa + wb) / 2
        if ra.row == rb.row:
            return self._result(up + along + ends, "same row", False)
        ia = self.row_index[(ra.site, ra.room, ra.row)]
        ib = self.row_index[(rb.site, rb.room, rb.row)]
        across = abs(ia - ib) * p.row_pitch
        return self._result(up + along + across + ends, f"rows {ra.row}-{rb.row}", False)

    def _result(self, route: float, basis: str, in_rack: bool) -> Estimate:
        route = round(route, 2)
        order, stock = order_length(route, self.lengths)
        return Estimate(route, order, stock, basis, in_rack)
