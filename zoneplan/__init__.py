"""zoneplan: Fibre Channel SAN zoning planner and validator."""

__version__ = "0.1.0"
