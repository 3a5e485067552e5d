"""Fixtures of the hardening tests."""

from __future__ import annotations

import signal

import pytest


@pytest.fixture
def hang_guard():
    """A hang is a failure (SIGALRM after 60 s), not a stuck suite: for inputs that hung
    before a fix. Not a timing assertion: 60 s is minutes above what the fixed code needs."""

    def boom(signum, frame):  # noqa: ANN001
        raise TimeoutError("the input did not finish: quadratic or hung again")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)
