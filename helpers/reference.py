"""Every input table the suite reads, in one registry: its path, required columns, checks and loader.

The tables are ``data/articles.csv`` (one row per article) and the hand-curated CSVs in
``data/reference/``. Each is a UTF-8 CSV with a header whose every row has the header's number of
fields; every reference row has a non-empty ``source`` (a public address or a citation). A row
that breaks a rule is reported with its file and line, so a stray delimiter never shifts a
column silently.

:func:`load` reads one table, runs its checks and raises :class:`~helpers.errors.DataError`
naming file, line and field; :func:`validate_all` walks the whole registry (``python -m helpers
validate``). The analyses receive the loaded frames and never read a file themselves; what a
valid row is (vocabularies, pattern syntax, the check of each table) is in :mod:`helpers.tables`.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import paths, safe_io
from helpers.errors import DataError, Problem
from helpers.tables import (
    REQUIRED_METADATA,
    TERMS_COLUMNS,
    TRANSFER_COLUMNS,
    ExportReference,
    attribution_problems,
    context_frame,
    context_problems,
    export_problems,
    gazetteer_problems,
    hedge_problems,
    metadata_problems,
    pattern_problems,
)
from helpers.textcheck import control_problems

# --------------------------------------------------------------------------------------------
# Reading one CSV


def read_table(path: Path | str, required: tuple[str, ...] = ("source",)) -> tuple[pd.DataFrame, list[Problem]]:
    """Read one sourced CSV; return the frame (all columns as strings) and the problems found.

    The file must be a regular file inside its data folder, of at most
    :data:`helpers.safe_io.MAX_TABLE_BYTES`; a field may be as long as an article
    (``input.max_article_bytes``); a control character in a cell is named with its line and field."""
    path = Path(path)
    file = paths.relative(path)
    within = paths.data_folder_of(path)
    data, problems = safe_io.read_bytes(path, within, safe_io.MAX_TABLE_BYTES, "the table size limit", file)
    if data is None:
        return pd.DataFrame(), problems
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return pd.DataFrame(), [Problem(file, f"byte {exc.start}", "not UTF-8 text")]
    reader = csv.reader(io.StringIO(text, newline=""))
    rows, failure = safe_io.csv_rows(reader, text, safe_io.max_article_bytes(within), file)
    if failure is not None:
        return pd.DataFrame(), [failure]
    if not rows or not any(cell.strip() for cell in rows[0][1]):
        return pd.DataFrame(), [Problem(file, "(header)", "empty file: no header row")]
    header = [h.strip() for h in rows[0][1]]
    problems = [Problem(file, "(header)", f"missing required column {c!r}") for c in required if c not in header]
    dupes = sorted({h for h in header if header.count(h) > 1})
    problems += [Problem(file, "(header)", f"column {h!r} appears twice") for h in dupes]
    records = []
    for line_no, (_, row) in enumerate(rows[1:], start=2):  # numbered by record, as the tables' checkers do
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(Problem(file, f"line {line_no}",
                                    f"{len(row)} fields where the header has {len(header)} "
                                    "(a stray delimiter or unquoted comma?)"))
            continue
        record = {h: cell.strip() for h, cell in zip(header, row)}
        if "source" in header and not record["source"]:
            problems.append(Problem(file, f"line {line_no}: source", "empty; a fact without a source does not go in"))
        controls = [(h, found[0]) for h, cell in record.items() if (found := control_problems(cell, file, "a table"))]
        if controls:
            problems.append(Problem(file, f"line {line_no}: {controls[0][0]}", controls[0][1].message))
            continue
        records.append(record)
    frame = pd.DataFrame(records, columns=header, dtype="string")
    return frame, problems


# --------------------------------------------------------------------------------------------
# The registry


@dataclass(frozen=True)
class Table:
    """One input table: where it is, the columns every row must have, its checks and the tables
    those checks refer to, and how the loaded frame is shaped for the analyses."""

    name: str
    path: Callable[[Path | str | None], Path]
    required: tuple[str, ...]
    checker: Callable[[pd.DataFrame, str, Mapping[str, pd.DataFrame]], list[Problem]] | None = None
    refers_to: tuple[str, ...] = ()
    shape: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    sourced: bool = True
    check_incomplete: bool = False  # run the checker even when a required column is missing


def _in_reference(name: str) -> Callable[[Path | str | None], Path]:
    return lambda data_dir: paths.reference(data_dir) / f"{name}.csv"


_EXPORT_TABLES = {
    "export_catalogue_items": ("item_id", "number", "control_point_no", "notice_clause", "name_en", "control_point",
                               "status", "date", "source", "checked"),
    "export_catalogue_revision": ("fact", "value", "unit", "source", "checked"),
    "tiktok_functions": ("function_id", "function", "description", "available_from", "available_from_precision",
                         "available_to", "available_basis", "source", "checked"),
    "export_function_items": ("function_id", "item_id", "rationale", "confidence", "source", "checked"),
    "deal_paths": ("path_id", "path", "proposed", "outcome", *TERMS_COLUMNS, *TRANSFER_COLUMNS, "data_in_us",
                   "divests", "seller_position", "us_position", "china_position", "source", "checked"),
    "export_keywords": ("pattern", "topic", "function_id", "item_id", "source", "checked"),
}

REGISTRY: dict[str, Table] = {t.name: t for t in (
    Table("articles", paths.articles_csv, REQUIRED_METADATA, metadata_problems, sourced=False, check_incomplete=True),
    Table("stakeholders", _in_reference("stakeholders"),
          ("stakeholder_id", "name", "label", "type", "country", "role_in_deal", "aliases", "source"), gazetteer_problems),
    Table("relation_patterns", _in_reference("relation_patterns"),
          ("pattern_id", "relation", "family", "pattern", "scope", "example", "source"), pattern_problems),
    Table("hedge_cues", _in_reference("hedge_cues"), ("cue", "kind", "source"), hedge_problems),
    Table("attribution_cues", _in_reference("attribution_cues"), ("pattern", "kind", "source"), attribution_problems),
    Table("context_events", _in_reference("context_events"),
          ("event_id", "date", "date_end", "precision", "label", "event", "actors", "keywords", "source",
           "checked"),
          context_problems, refers_to=("stakeholders",), shape=context_frame),
    *(Table(name, _in_reference(name), cols) for name, cols in _EXPORT_TABLES.items()),
)}


def read(name: str, data_dir: Path | str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """One registered table, read and checked: the frame (as strings, unshaped) and every problem."""
    table = REGISTRY[name]
    path = table.path(data_dir)
    file = paths.relative(path)
    frame, problems = read_table(path, table.required)
    if not table.sourced:
        problems = [p for p in problems if "source" not in p.field]
    complete = all(c in frame.columns for c in table.required)
    if table.checker is not None and not frame.empty and (complete or table.check_incomplete):
        refs = {}
        for other in table.refers_to:
            try:
                refs[other] = load(other, data_dir)
            except DataError:
                pass  # reported under its own name
        problems += table.checker(frame, file, refs)
    return frame, problems


def load(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """One registered table, checked and shaped for the analyses; DataError names every problem."""
    frame, problems = read(name, data_dir)
    if problems:
        raise DataError(problems)
    shape = REGISTRY[name].shape
    return shape(frame) if shape is not None else frame


def load_export(data_dir: Path | str | None = None) -> ExportReference:
    """The six export-control tables, each checked, then checked against each other; with the
    context record (checked by its own table's rules)."""
    frames, problems = {}, []
    for name in _EXPORT_TABLES:
        frames[name], found = read(name, data_dir)
        problems += found
    if problems:
        raise DataError(problems)
    ref = ExportReference(frames["export_catalogue_items"], frames["export_catalogue_revision"],
                          frames["tiktok_functions"], frames["export_function_items"], frames["deal_paths"],
                          frames["export_keywords"], load("context_events", data_dir))
    problems = export_problems(ref, paths.relative(paths.reference(data_dir)))
    if problems:
        raise DataError(problems)
    return ref


def validate_all(data_dir: Path | str | None = None) -> list[Problem]:
    """Every problem in every registered table (and the cross-table checks), plus the sources of any
    other CSV a reader has put in ``data/reference/``."""
    problems: list[Problem] = []
    for name in REGISTRY:
        problems += read(name, data_dir)[1]
    try:
        load_export(data_dir)
    except DataError as exc:  # the tables' own problems again (dropped below), or the cross-table ones
        problems += exc.problems
    folder = paths.reference(data_dir)
    registered = {REGISTRY[n].path(data_dir).name for n in REGISTRY}
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        if path.name not in registered:
            problems.extend(read_table(path)[1])
    return sorted(set(problems))
