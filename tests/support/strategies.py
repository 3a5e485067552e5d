"""Hypothesis strategies shared by the property tests (imports hypothesis: tests only)."""

from __future__ import annotations

from hypothesis import strategies as st

from .inventories import InventoryParams

STRATEGIES = ("sist", "simt", "peer", "smart")


def inventory_params(max_hosts: int = 8) -> st.SearchStrategy[InventoryParams]:
    """Random :class:`InventoryParams`: vendors, switch counts, ISLs, cluster shapes, names."""
    vendors = st.sampled_from(["brocade", "cisco"])
    return st.builds(
        InventoryParams,
        hosts=st.integers(0, max_hosts),
        vendor_a=vendors,
        vendor_b=vendors,
        switches_a=st.integers(1, 2),
        switches_b=st.integers(1, 2),
        isl_a=st.booleans(),
        isl_b=st.booleans(),
        san1_targets=st.integers(0, 2),
        san2_targets=st.integers(0, 2),
        mirror_via_switch=st.booleans(),
        backend=st.booleans(),
        directors=st.booleans(),
        odd_names=st.booleans(),
        long_names=st.booleans(),
        existing_zone=st.booleans(),
        strategy=st.sampled_from(STRATEGIES),
        seed=st.integers(0, 2**16),
    )
