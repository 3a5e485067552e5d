"""The fabric graph is made on first use from what building the topology recorded: the same
nodes, attributes and edges as networkx would hold, and the ISL components the rules use are
networkx's own connected components."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from zoneplan.topology import connected
from zoneplan.validate import validate_inventory

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module", params=["euronas-cluster.yaml", "mirror-via-switch.yaml"])
def topology(request):
    v = validate_inventory(SAMPLES / request.param)
    assert v.topology is not None
    return v.topology


def test_the_graph_holds_every_port_cable_and_isl(topology):
    g = topology.graph
    assert g is topology.graph  # made once
    kinds = nx.get_node_attributes(g, "kind")
    assert {"switch", "hba", "hbaport"} <= set(kinds.values())
    for ref in topology.ports:
        node = f"wwpn:{ref.wwpn}"
        assert g.nodes[node]["ref"] in topology.by_ref
        if ref.ref in topology.cabled_to:
            sw, port = topology.cabled_to[ref.ref]
            edges = g.get_edge_data(node, f"switchport:{sw}:{port}")
            assert edges and any(e["kind"] == "cable" for e in edges.values())
    isl = [(a, b) for a, b, k in g.edges(data="kind") if k == "isl"]
    assert len(isl) == len(topology.isl_pairs)


def test_components_are_networkx_connected_components(topology):
    sub = nx.Graph()
    sub.add_nodes_from(topology.switches)
    sub.add_edges_from(topology.isl_pairs)
    want = [set(c) for c in nx.connected_components(sub)]
    assert connected(topology.switches, topology.isl_pairs) == want


def test_components_of_a_split_fabric():
    nodes = ["a", "b", "c", "d", "e"]
    edges = [("a", "b"), ("c", "d"), ("d", "c"), ("b", "x")]  # x: not a node given
    assert connected(nodes, edges) == [{"a", "b"}, {"c", "d"}, {"e"}]
