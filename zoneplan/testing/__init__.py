"""Test helpers shipped with zoneplan: show-output renderers for round trips and the emulator."""
