"""Tests of the switch-output parsers and the capture reader."""
