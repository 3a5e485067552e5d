"""Test support: emulators, show-output renderers, generators, paths (never shipped in the wheel).

Importable as ``tests.support`` by the tests (pytest puts the repository root on ``sys.path``,
``pythonpath`` in pyproject.toml) and by ``bench/`` scripts (they insert the root themselves).
Nothing in ``zoneplan/`` imports from here (the layering test checks it).
"""
