"""The rule catalogue: every coded check zoneplan makes, with its Why/Fails/Passes/Fix."""
