"""Every number a reader may dispute, loaded from ``data/assumptions.yaml`` and validated.

The YAML file maps a dotted name (``module.what``) to an entry with

- ``value``: the number, string or ISO date in force;
- ``range: [low, high]`` (inclusive) for numbers and dates, or ``allowed: [...]`` for choices;
- ``unit``: what the value counts or measures;
- ``why``: one line of reasoning (and a source where there is one).

A notebook reads them with :func:`load_assumptions` and may override any of them for one run
(its papermill ``parameters`` cell) with :meth:`Assumptions.override`, which applies exactly the
same validation: an unknown name or a value outside its range stops the run with the name given.
"""
from __future__ import annotations

import datetime as dt
import math
import reprlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import paths
from helpers.errors import DataError, Problem
from helpers.safe_io import MAX_YAML_BYTES, load_yaml, read_text

REQUIRED_KEYS = ("value", "unit", "why")
ENTRY_KEYS = ("value", "range", "allowed", "unit", "why")


@dataclass(frozen=True)
class Assumption:
    """One disputable number with its allowed range, unit and reason."""

    name: str
    value: Any
    unit: str
    why: str
    range: tuple[Any, Any] | None = None
    allowed: tuple[Any, ...] | None = None

    def problems(self, file: str, value: Any | None = None) -> list[Problem]:
        """What is wrong with ``value`` (default: the stored value) for this assumption."""
        v = self.value if value is None else value
        field = f"{self.name}.value"
        if self.allowed is not None:
            if not isinstance(v, (str, int, float)) or v not in self.allowed:
                return [Problem(file, field, f"{_short(v)} is not one of {list(self.allowed)}")]
            return []
        if self.range is None:
            return []
        low, high = self.range
        if isinstance(low, dt.date):
            try:
                v = _as_date(v)
            except (ValueError, TypeError):
                return [Problem(file, field, f"{_short(v)} is not an ISO date (YYYY-MM-DD)")]
        elif not _is_number(v):
            finite = " finite" if isinstance(v, float) else ""
            return [Problem(file, field, f"{_short(v)} is not a{finite} number")]
        if not (low <= v <= high):
            return [Problem(file, field, f"{_plain(v)!r} is outside its range [{low}, {high}] {self.unit}")]
        return []


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) > 32:  # never str() of a whole structure
        raise ValueError(f"{_short(value)} is not an ISO date")
    return dt.date.fromisoformat(value)


def _is_number(value: Any) -> bool:
    """A real, finite number (a bool is not one; nor is NaN or infinity)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _short(value: Any, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters, for a sentence about a bad value."""
    text = reprlib.repr(value) if isinstance(value, (list, dict, tuple, set)) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AssumptionValues(dict):
    """Plain assumption values (for a figure's sidecar) with the run's overrides attached."""

    overridden: dict[str, Any] = {}


class Assumptions(Mapping[str, Any]):
    """Read-only mapping from assumption name to the value in force, with the overrides made."""

    def __init__(self, entries: dict[str, Assumption], file: str, overridden: tuple[str, ...] = ()):
        self._entries = entries
        self.file = file
        self.overridden = overridden

    def __getitem__(self, name: str) -> Any:
        try:
            entry = self._entries[name]
        except KeyError:
            raise KeyError(f"{self.file}: no assumption named {name!r}") from None
        if entry.range is not None and isinstance(entry.range[0], dt.date):
            return _as_date(entry.value)
        return entry.value

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._entries))

    def __len__(self) -> int:
        return len(self._entries)

    def entry(self, name: str) -> Assumption:
        """The full entry (range, unit, why) of one assumption."""
        self[name]  # raises the named KeyError
        return self._entries[name]

    def override(self, overrides: Mapping[str, Any] | None) -> Assumptions:
        """A copy with ``overrides`` applied, validated like the file itself."""
        if not overrides:
            return self
        problems = []
        for name, value in sorted(overrides.items(), key=lambda item: str(item[0])):
            if name not in self._entries:
                shown = name[:80] if isinstance(name, str) else _short(name)
                problems.append(Problem("parameters", shown, f"unknown assumption (not in {self.file})"))
            else:
                problems.extend(self._entries[name].problems("parameters", value))
        if problems:
            raise DataError(problems)
        entries = dict(self._entries)
        for name, value in overrides.items():
            entries[name] = replace(entries[name], value=value)
        return Assumptions(entries, self.file, tuple(sorted(set(self.overridden) | set(overrides))))

    def subset(self, prefix: str) -> AssumptionValues:
        """The values whose names start with ``prefix`` (e.g. ``"corpus."``), for sidecars; it also
        carries every override of this run (``.overridden``, name to value), whatever its prefix."""
        values = AssumptionValues({name: _plain(self[name]) for name in self if name.startswith(prefix)})
        values.overridden = {name: _plain(self[name]) for name in self.overridden}
        return values

    def table(self, prefix: str = "") -> pd.DataFrame:
        """The assumptions as a table a reader can check: value, range, unit, why, overridden."""
        rows = []
        for name in self:
            if not name.startswith(prefix):
                continue
            e = self._entries[name]
            allowed = e.range if e.range is not None else e.allowed
            rows.append({
                "name": name,
                "value": _plain(self[name]),
                "allowed": "" if allowed is None else " to ".join(str(_plain(a)) for a in allowed)
                if e.range is not None else ", ".join(map(str, allowed)),
                "unit": e.unit,
                "overridden": name in self.overridden,
                "why": e.why,
            })
        return pd.DataFrame(rows, columns=["name", "value", "allowed", "unit", "overridden", "why"])


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def parse_assumptions(text: str, file: str) -> Assumptions:
    """Parse and validate the YAML text of an assumptions file; raise DataError naming fields.

    The YAML is read strictly (:func:`helpers.safe_io.load_yaml`: no anchors or aliases, no key
    twice, bounded nesting and numbers, real dates)."""
    raw = load_yaml(text, file)
    if not isinstance(raw, dict) or not raw:
        raise DataError(Problem(file, "(top level)", "expected a mapping of assumption names to entries"))
    problems: list[Problem] = []
    entries: dict[str, Assumption] = {}
    for name, spec in raw.items():
        name = str(name)
        if not isinstance(spec, dict):
            problems.append(Problem(file, name, "entry must be a mapping with value, range or allowed, unit, why"))
            continue
        missing = [k for k in REQUIRED_KEYS if k not in spec or spec[k] in (None, "")]
        if missing:
            problems.append(Problem(file, name, f"missing {', '.join(missing)}"))
            continue
        unknown = sorted(str(k) for k in spec if k not in ENTRY_KEYS)
        if unknown:
            problems.append(Problem(file, name, f"unknown key {', '.join(map(repr, unknown))}; an entry has "
                                    f"{', '.join(ENTRY_KEYS)}"))
            continue
        not_text = [k for k in ("unit", "why") if not isinstance(spec[k], str)]
        if not_text:
            problems.append(Problem(file, f"{name}.{not_text[0]}", "must be one line of text"))
            continue
        if ("range" in spec) == ("allowed" in spec):
            problems.append(Problem(file, name, "give exactly one of range or allowed"))
            continue
        rng = allowed = None
        if "range" in spec:
            r = spec["range"]
            if not isinstance(r, list) or len(r) != 2:
                problems.append(Problem(file, f"{name}.range", "must be [low, high]"))
                continue
            try:
                if isinstance(r[0], (dt.date, str)):
                    rng = (_as_date(r[0]), _as_date(r[1]))
                elif all(_is_number(x) for x in r):
                    rng = (r[0], r[1])
                else:
                    raise ValueError
            except ValueError:
                problems.append(Problem(file, f"{name}.range", f"{r!r} is not two numbers or two ISO dates"))
                continue
            if rng[0] > rng[1]:
                problems.append(Problem(file, f"{name}.range", f"low {r[0]} is above high {r[1]}"))
                continue
        else:
            if not isinstance(spec["allowed"], list) or not spec["allowed"]:
                problems.append(Problem(file, f"{name}.allowed", "must be a non-empty list"))
                continue
            allowed = tuple(spec["allowed"])
        entry = Assumption(name, spec["value"], str(spec["unit"]), str(spec["why"]).strip(), rng, allowed)
        problems.extend(entry.problems(file))
        entries[name] = entry
    if problems:
        raise DataError(problems)
    return Assumptions(entries, file)


def load_assumptions(path: Path | str | None = None, overrides: Mapping[str, Any] | None = None) -> Assumptions:
    """Load ``data/assumptions.yaml`` (or ``path``), validate it, and apply ``overrides``."""
    path = Path(path) if path is not None else paths.assumptions_yaml()
    file = paths.relative(path)
    text, problems = read_text(path, path.absolute().parent, MAX_YAML_BYTES, "the YAML size limit", file)
    if text is None:
        raise DataError(problems)
    return parse_assumptions(text, file).override(overrides)
