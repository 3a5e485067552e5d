"""``zoneplan apply``: a reviewed change pushed to live switches, one fabric at a time, verified,
with automatic rollback (issue 12).

Modules: :mod:`.catalogue` (the pack's ``apply.yaml``: change-command whitelist, scopes,
replies, prompts), :mod:`.channel` (the SSH channel changes go over), :mod:`.observe` (a live
read as ``plan --against`` reads a capture), :mod:`.record` (the record folder per run),
:mod:`.run` (the workflow and its guards).
"""

from .run import ApplyOptions, ApplyRun, FabricRun, Verdict, apply_change

__all__ = ["ApplyOptions", "ApplyRun", "FabricRun", "Verdict", "apply_change"]
