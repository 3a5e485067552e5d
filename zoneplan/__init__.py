"""zoneplan: Fibre Channel SAN zoning planner and validator."""

#: the version, in one place: hatch reads it for the package metadata (pyproject.toml
#: ``[tool.hatch.version]``); plan.json, host files and ``zoneplan --version`` print it
__version__ = "0.1.0"
