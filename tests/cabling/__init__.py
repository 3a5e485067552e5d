"""Tests of the printable cabling plan (``zoneplan cabling``)."""
