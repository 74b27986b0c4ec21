"""Assumptions: every entry has range/unit/why, overrides are validated like the file."""
from __future__ import annotations

import datetime as dt

import pytest

from helpers.assumptions import load_assumptions, parse_assumptions
from helpers.errors import DataError

GOOD = """
x.share:
  value: 0.3
  range: [0, 1]
  unit: share
  why: a reason
x.mode:
  value: lenient
  allowed: [strict, lenient]
  unit: choice
  why: a reason
x.day:
  value: 2020-09-14
  range: [2020-09-13, 2020-09-15]
  unit: date
  why: a reason
"""


def test_project_file_loads_and_every_entry_has_unit_and_why():
    a = load_assumptions()
    table = a.table()
    assert len(table) == len(a) > 0
    assert table["unit"].str.len().gt(0).all() and table["why"].str.len().gt(20).all()


def test_values_ranges_and_dates():
    a = parse_assumptions(GOOD, "f.yaml")
    assert a["x.share"] == 0.3 and a["x.mode"] == "lenient" and a["x.day"] == dt.date(2020, 9, 14)


def test_override_applies_and_is_recorded():
    a = parse_assumptions(GOOD, "f.yaml").override({"x.share": 0.9, "x.day": "2020-09-15"})
    assert a["x.share"] == 0.9 and a["x.day"] == dt.date(2020, 9, 15)
    assert a.overridden == ("x.day", "x.share")
    assert a.table().set_index("name").loc["x.share", "overridden"]


@pytest.mark.parametrize(("overrides", "says"), [
    ({"x.nope": 1}, "parameters: x.nope: unknown assumption"),
    ({"x.share": 1.5}, "parameters: x.share.value: 1.5 is outside its range"),
    ({"x.share": "high"}, "x.share.value: 'high' is not a number"),
    ({"x.mode": "sloppy"}, "x.mode.value: 'sloppy' is not one of"),
    ({"x.day": "2020-09-20"}, "x.day.value: '2020-09-20' is outside its range"),
    ({"x.day": "Monday"}, "x.day.value: 'Monday' is not an ISO date"),
])
def test_bad_override_names_the_key(overrides, says):
    with pytest.raises(DataError) as err:
        parse_assumptions(GOOD, "f.yaml").override(overrides)
    assert says in str(err.value)


@pytest.mark.parametrize(("text", "says"), [
    ("x.a:\n  value: 2\n  range: [0, 1]\n  unit: u\n  why: w\n", "f.yaml: x.a.value: 2 is outside its range"),
    ("x.a:\n  value: 1\n  unit: u\n  why: w\n", "f.yaml: x.a: give exactly one of range or allowed"),
    ("x.a:\n  value: 1\n  range: [0, 1]\n  why: w\n", "f.yaml: x.a: missing unit"),
    ("x.a:\n  value: 1\n  range: [2, 1]\n  unit: u\n  why: w\n", "x.a.range: low 2 is above high 1"),
    ("- just\n- a list\n", "f.yaml: (top level)"),
    ("x.a: {value: [1\n", "f.yaml: line"),
])
def test_bad_file_names_the_field(text, says):
    with pytest.raises(DataError) as err:
        parse_assumptions(text, "f.yaml")
    assert says in str(err.value)


def test_unknown_name_lookup_names_the_file():
    with pytest.raises(KeyError, match="no assumption named 'x.zzz'"):
        parse_assumptions(GOOD, "f.yaml")["x.zzz"]
