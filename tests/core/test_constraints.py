"""constraints.txt pins every package the tests run with, inside pyproject.toml's ranges.

Why: ``make venv`` installs with ``-c constraints.txt`` so a fresh machine tests the versions
the suite last passed with (a new typer or rich release cannot change help or output under
it); the package itself keeps ranges for its users.
"""

from __future__ import annotations

import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.support.paths import REPO


def _pins() -> dict[str, Version]:
    out = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not NAME==VERSION"
            out[canonicalize_name(name)] = Version(version)
    return out


def test_every_dependency_of_the_package_and_the_tests_is_pinned_within_its_range():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    for extra in ("test", "pdf"):
        wanted += [Requirement(r) for r in project["optional-dependencies"][extra]]
    pins = _pins()
    for req in wanted:
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not pinned in constraints.txt (make constraints)"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"constraints.txt pins {req.name}=={pins[name]}, outside {req}"
        )


def test_make_venv_installs_with_the_constraints():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "pip install -q -c $(CONSTRAINTS) -e '.[test]'" in makefile
