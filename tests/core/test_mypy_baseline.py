"""The mypy baseline (``tools/mypy_baseline.py``, run by ``make test``) may only shrink."""

from __future__ import annotations

import importlib.util
from collections import Counter

from tests.support.paths import REPO

_spec = importlib.util.spec_from_file_location("mypy_baseline", REPO / "tools" / "mypy_baseline.py")
mb = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(mb)  # type: ignore[union-attr]

OUT = """\
zoneplan/a.py:10: error: Incompatible types in assignment (expression has type "int", variable has type "str")  [assignment]
zoneplan/a.py:99: error: Name "x" already defined on line 12  [no-redef]
zoneplan/b.py:3: note: See https://mypy.readthedocs.io
zoneplan/b.py:4: error: Need type annotation for "sub"  [var-annotated]
zoneplan/b.py:8: error: Need type annotation for "sub"  [var-annotated]
"""


def test_errors_are_keyed_without_line_numbers_and_counted():
    got, where = mb.parse(OUT)
    assert got[mb.key("zoneplan/b.py", "var-annotated", 'Need type annotation for "sub"')] == 2
    assert mb.key("zoneplan/a.py", "no-redef", 'Name "x" already defined on line #') in got
    assert sum(got.values()) == 4  # the note is not an error
    assert where[mb.key("zoneplan/b.py", "var-annotated", 'Need type annotation for "sub"')] == [
        "zoneplan/b.py:4",
        "zoneplan/b.py:8",
    ]


def test_a_new_error_or_a_second_one_of_a_kind_is_new_and_a_fixed_one_is_gone():
    got, _ = mb.parse(OUT)
    base = Counter(got)
    k = mb.key("zoneplan/b.py", "var-annotated", 'Need type annotation for "sub"')
    base[k] = 1  # one of the two was known
    fixed = mb.key("zoneplan/c.py", "index", "gone")
    base[fixed] = 1
    new, gone = mb.compare(got, base)
    assert new == Counter({k: 1}) and gone == Counter({fixed: 1})


def test_the_committed_baseline_is_sorted_and_names_package_files():
    lines = (REPO / "mypy-baseline.txt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
    assert all(x.startswith("zoneplan/") and ": [" in x for x in lines)


def test_the_order_mypy_prints_a_union_in_does_not_make_an_error_new(tmp_path):
    one = 'zoneplan/a.py:3: error: Argument 1 has type "Literal[E.b, E.a] | None"; expected "str | int"  [arg-type]\n'
    other = 'zoneplan/a.py:9: error: Argument 1 has type "None | Literal[E.a, E.b]"; expected "int | str"  [arg-type]\n'
    got, _ = mb.parse(one)
    again, _ = mb.parse(other)
    assert got == again
    # a baseline written in the old spelling reads the same
    old = tmp_path / "baseline.txt"
    old.write_text(
        'zoneplan/a.py: [arg-type] Argument 1 has type "Literal[E.b, E.a] | None"; '
        'expected "str | int"\n'
    )
    assert mb.compare(got, mb.read_baseline(old)) == (Counter(), Counter())
    # different types stay different
    third, _ = mb.parse(one.replace("E.b", "E.c"))
    assert third != got
