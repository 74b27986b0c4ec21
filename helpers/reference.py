"""Hand-curated reference tables in ``data/reference/``: read them strictly, or not at all.

Every table is a UTF-8 CSV with a header; every row has the same number of fields as the header
and a non-empty ``source`` (a public address or a citation). A row that breaks either rule is
reported with its file and line, so a stray delimiter never shifts a column silently.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.errors import DataError, Problem


def read_table(path: Path | str, required: tuple[str, ...] = ("source",)) -> tuple[pd.DataFrame, list[Problem]]:
    """Read one sourced CSV; return the frame (all columns as strings) and the problems found.

    The file must be a regular file inside its data folder, of at most
    :data:`helpers.safe_io.MAX_TABLE_BYTES`; a field may be as long as an article
    (``input.max_article_bytes``); a control character in a cell is named with its line and field."""
    from helpers import safe_io
    from helpers.textcheck import control_problems

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


def load_table(name: str, data_dir: Path | str | None = None, required: tuple[str, ...] = ("source",),
               checker: Callable[[pd.DataFrame, str], list[Problem]] | None = None) -> pd.DataFrame:
    """Read ``data/reference/<name>.csv`` and run the table's own ``checker`` on it, if any (given
    the frame and the file name to cite); raise DataError (file, line, field) with every problem."""
    path = paths.reference(data_dir) / f"{name}.csv"
    frame, problems = read_table(path, required)
    if checker is not None and not frame.empty and not problems:
        problems += checker(frame, paths.relative(path))
    if problems:
        raise DataError(problems)
    return frame


def validate_all(data_dir: Path | str | None = None) -> list[Problem]:
    """Problems in every reference table under ``data/reference/``."""
    folder = paths.reference(data_dir)
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        problems.extend(read_table(path)[1])
    return problems
