"""Every input table the suite reads, in one registry: its path, required columns, checks and loader.

The tables are ``data/articles.csv`` (one row per article) and the hand-curated CSVs in
``data/reference/``. Each is a UTF-8 CSV with a header whose every row has the header's number of
fields; every reference row has a non-empty ``source`` (a public address or a citation). A row
that breaks a rule is reported with its file and line, so a stray delimiter never shifts a
column silently.

:func:`load` reads one table, runs its checks and raises :class:`~helpers.errors.DataError`
naming file, line and field; :func:`validate_all` walks the whole registry (``python -m helpers
validate``). The analyses receive the loaded frames and never read a file themselves; the
vocabularies a row is checked against (party types, roles, tie families, hedge kinds, mapping
confidence) and the syntax of the patterns kept as data (relation slots ``{A} {B} {X}``, the
speaker slot ``{S}``) are defined here, once, and imported by the analyses that use them.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import paths
from helpers.errors import DataError, Problem

# --------------------------------------------------------------------------------------------
# Vocabularies of the tables

METADATA_COLUMNS = ("article_id", "file", "title", "outlet", "published", "published_basis", "url")
REQUIRED_METADATA = ("article_id", "file", "published", "published_basis")
EARLIEST_DATE = dt.date(2000, 1, 1)

PARTY_TYPES = ("company", "government body", "person", "media outlet", "commentator", "public", "place")
ROLES = ("seller", "bidder", "partner", "regulator", "decision-maker", "commentator", "affected party", "setting")
TIE_FAMILIES = ("conflict", "cooperation", "oversight", "affiliation")
HEDGE_KINDS = ("modal", "conditional", "reported", "epistemic", "evidential")
CONFIDENCE = {"low": 1, "medium": 2, "high": 3}
# A deal path names the functions it moves to the buyer, discloses (source code to review) or has
# served from China; their restricted ones are what a Chinese technology-export licence could cover.
TRANSFER_COLUMNS = ("functions_transferred", "functions_disclosed", "functions_served_from_china")
# What a path does with the code, the algorithm, the data and control: a word of this vocabulary,
# then a note in parentheses ("review_access (Oracle to check ...)").
TERMS_COLUMNS = ("source_code", "algorithm", "user_data", "control")
TERMS = ("transferred", "transferred_or_licensed", "review_access", "kept_by_bytedance", "moved_to_buyer_us",
         "hosted_by_oracle_us", "buyer", "bytedance", "disputed", "none")
AVAILABILITY_PRECISION = ("day", "month", "at_latest")
BAN_PATH = "no_deal_ban"


# --------------------------------------------------------------------------------------------
# Reading one CSV


def read_table(path: Path | str, required: tuple[str, ...] = ("source",)) -> tuple[pd.DataFrame, list[Problem]]:
    """Read one sourced CSV; return the frame (all columns as strings) and the problems found."""
    path = Path(path)
    file = paths.relative(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return pd.DataFrame(), [Problem(file, "(file)", "missing")]
    except UnicodeDecodeError as exc:
        return pd.DataFrame(), [Problem(file, f"byte {exc.start}", "not UTF-8 text")]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or not any(cell.strip() for cell in rows[0]):
        return pd.DataFrame(), [Problem(file, "(header)", "empty file: no header row")]
    header = [h.strip() for h in rows[0]]
    problems = [Problem(file, "(header)", f"missing required column {c!r}") for c in required if c not in header]
    dupes = sorted({h for h in header if header.count(h) > 1})
    problems += [Problem(file, "(header)", f"column {h!r} appears twice") for h in dupes]
    records = []
    for line_no, row in enumerate(rows[1:], start=2):
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
        records.append(record)
    frame = pd.DataFrame(records, columns=header, dtype="string")
    return frame, problems


# --------------------------------------------------------------------------------------------
# The patterns kept as data


def compile_relation_pattern(pattern: str) -> re.Pattern:
    """A relation pattern: a regular expression over a sentence whose mentions read ``{A}``,
    ``{B}`` (the two ends) or ``{X}`` (any other stakeholder), each mention masked as ``⟨i⟩``."""
    if "{A}" not in pattern or "{B}" not in pattern:
        raise ValueError("a relation pattern needs both {A} and {B}")
    body = pattern
    for slot, regex in (("A", r"⟨(?P<a>\d+)⟩"), ("B", r"⟨(?P<b>\d+)⟩"), ("X", r"⟨\d+⟩")):
        body = body.replace("{" + slot + "}", regex)
    return re.compile(body, re.IGNORECASE)


def compile_attribution_pattern(pattern: str) -> re.Pattern:
    """An attribution cue: a regular expression whose ``{S}`` is the speaker's masked mention."""
    return re.compile(pattern.replace("{S}", "⟨(?P<s>\\d+)⟩"), re.IGNORECASE)


def cue_regex(cues: pd.DataFrame) -> re.Pattern:
    """One expression that finds any cue of a cue table (``cue`` column: words, e.g. hedge cues)
    as whole words, longest first."""
    words = sorted(cues["cue"], key=lambda c: (-len(c), c))
    return re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, c.split())) for c in words) + r")(?!\w)",
                      re.IGNORECASE)


def speech_verb_regex(cues: pd.DataFrame) -> re.Pattern:
    """One expression for the speech verbs of the attribution cues (kind ``speech verb``: said,
    says, told, stated...)."""
    verbs = cues.loc[cues["kind"] == "speech verb", "pattern"]
    return re.compile("|".join(f"(?:{v})" for v in verbs) or r"(?!)", re.IGNORECASE)


def split_aliases(value: str) -> list[str]:
    """The ``|``-separated aliases of one gazetteer row, trimmed (empty ones kept, to be reported)."""
    return [a.strip() for a in str(value).split("|")]


@functools.lru_cache(maxsize=65536)
def alias_key(alias: str) -> str:
    """How aliases are compared: case-folded, white space collapsed, curly apostrophes straightened."""
    return re.sub(r"\s+", " ", alias.replace("’", "'")).strip().casefold()


# --------------------------------------------------------------------------------------------
# Checks, one per table (each takes the frame, the file name to cite and the tables it refers to)


def parse_date(value: str) -> dt.date:
    """An ISO day (``YYYY-MM-DD``), surrounding white space allowed."""
    return dt.date.fromisoformat(value.strip())


def date_problems(value: Any, file: str, field_name: str, today: dt.date | None = None) -> list[Problem]:
    """What is wrong with a publication date: not ISO, before 2000, or in the future."""
    today = today or dt.date.today()
    try:
        day = value if isinstance(value, dt.date) else parse_date(str(value))
    except ValueError:
        return [Problem(file, field_name, f"{value!r} is not a date (YYYY-MM-DD)")]
    if day < EARLIEST_DATE:
        return [Problem(file, field_name, f"{day} is before {EARLIEST_DATE}; is the year right?")]
    if day > today:
        return [Problem(file, field_name, f"{day} is in the future")]
    return []


def metadata_problems(frame: pd.DataFrame, file: str, refs: Mapping[str, pd.DataFrame]) -> list[Problem]:
    """Unknown columns, empty required fields, duplicate ids, a file that is not ``<id>.txt``, bad dates."""
    problems = [Problem(file, "(header)", f"unknown column {c!r}; expected {', '.join(METADATA_COLUMNS)}")
                for c in frame.columns if c not in METADATA_COLUMNS]
    if any(c not in frame.columns for c in REQUIRED_METADATA):
        return problems
    today = dt.date.today()
    seen: dict[str, int] = {}
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        for col in REQUIRED_METADATA:
            if not getattr(row, col):
                problems.append(Problem(file, f"line {i}: {col}", "empty"))
        aid = row.article_id
        if aid in seen:
            problems.append(Problem(file, f"line {i}: article_id", f"duplicate id {aid!r} (first on line {seen[aid]})"))
        seen.setdefault(aid, i)
        if row.file and aid and Path(row.file).stem != aid:
            problems.append(Problem(file, f"line {i}: file",
                                    f"{row.file!r} does not match article_id {aid!r} (the id is the file stem)"))
        if row.published:
            problems.extend(date_problems(row.published, file, f"line {i}: published", today))
    return problems


_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def gazetteer_problems(gazetteer: pd.DataFrame, file: str, refs: Mapping[str, pd.DataFrame]) -> list[Problem]:
    """Duplicate ids, empty aliases, aliases claimed by two stakeholders, unknown type or role."""
    problems = []
    owner: dict[str, tuple[str, int]] = {}
    seen: dict[str, int] = {}
    for line, row in enumerate(gazetteer.itertuples(index=False), start=2):
        sid = row.stakeholder_id
        where = f"line {line} ({sid})"
        if not _ID.match(sid or ""):
            problems.append(Problem(file, f"{where}: stakeholder_id", "must be lower_snake_case"))
        if sid in seen:
            problems.append(Problem(file, f"{where}: stakeholder_id", f"duplicate id (first on line {seen[sid]})"))
        seen.setdefault(sid, line)
        if row.type not in PARTY_TYPES:
            problems.append(Problem(file, f"{where}: type", f"{row.type!r} is not one of {', '.join(PARTY_TYPES)}"))
        if row.role_in_deal not in ROLES:
            problems.append(Problem(file, f"{where}: role_in_deal", f"{row.role_in_deal!r} is not one of {', '.join(ROLES)}"))
        for alias in split_aliases(row.aliases):
            if not alias:
                problems.append(Problem(file, f"{where}: aliases", "empty alias (a doubled or trailing '|')"))
                continue
            key = alias_key(alias)
            if key in owner and owner[key][0] != sid:
                other, other_line = owner[key]
                problems.append(Problem(file, f"{where}: aliases",
                                        f"alias {alias!r} is also claimed by {other} (line {other_line})"))
            owner.setdefault(key, (sid, line))
    return problems


def pattern_problems(patterns: pd.DataFrame, file: str, refs: Mapping[str, pd.DataFrame]) -> list[Problem]:
    """Unknown tie family or scope, and patterns that do not compile."""
    problems = []
    for line, row in enumerate(patterns.itertuples(index=False), start=2):
        if row.family not in TIE_FAMILIES:
            problems.append(Problem(file, f"line {line}: family", f"{row.family!r} is not one of {', '.join(TIE_FAMILIES)}"))
        if row.scope not in ("sentence", "paragraph"):
            problems.append(Problem(file, f"line {line}: scope", f"{row.scope!r} is not sentence or paragraph"))
        try:
            compile_relation_pattern(row.pattern)
        except (ValueError, re.error) as exc:
            problems.append(Problem(file, f"line {line} ({row.pattern_id}): pattern", str(exc)))
    return problems


def hedge_problems(cues: pd.DataFrame, file: str, refs: Mapping[str, pd.DataFrame]) -> list[Problem]:
    """Hedge cues of a kind the analyses do not know."""
    return [Problem(file, f"line {line}: kind", f"{kind!r} is not one of {', '.join(HEDGE_KINDS)}")
            for line, kind in enumerate(cues["kind"], start=2) if kind not in HEDGE_KINDS]


def attribution_problems(cues: pd.DataFrame, file: str, refs: Mapping[str, pd.DataFrame]) -> list[Problem]:
    """Attribution patterns that do not compile."""
    problems = []
    for line, pattern in enumerate(cues["pattern"], start=2):
        try:
            compile_attribution_pattern(pattern)
        except re.error as exc:
            problems.append(Problem(file, f"line {line}: pattern", f"not a regular expression ({exc})"))
    return problems


def context_problems(frame: pd.DataFrame, file: str, refs: Mapping[str, pd.DataFrame]) -> list[Problem]:
    """Malformed dates, unknown precision, an end before its start, actors the gazetteer does not
    know (when the gazetteer itself is readable), keyword patterns that do not compile."""
    known = set(refs["stakeholders"]["stakeholder_id"]) if "stakeholders" in refs else None
    problems = []
    for line, r in enumerate(frame.itertuples(index=False), start=2):
        where = f"line {line} ({r.event_id})"
        try:
            start = dt.date.fromisoformat(r.date)
            end = dt.date.fromisoformat(r.date_end) if r.date_end else start
            if end < start:
                problems.append(Problem(file, f"{where}: date_end", f"{end} is before date {start}"))
        except ValueError as exc:
            problems.append(Problem(file, f"{where}: date", f"not an ISO date YYYY-MM-DD ({exc})"))
        if r.precision not in ("day", "month", "year"):
            problems.append(Problem(file, f"{where}: precision", f"{r.precision!r} is not day, month or year"))
        for actor in filter(None, r.actors.split("|")):
            if known is not None and actor not in known:
                problems.append(Problem(file, f"{where}: actors", f"{actor!r} is not in the gazetteer"))
        try:
            re.compile(r.keywords)
        except re.error as exc:
            problems.append(Problem(file, f"{where}: keywords", f"not a regular expression ({exc})"))
    return problems


def _context_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Context events with ``date`` and ``date_end`` (a day event ends on its day) as datetime64 days."""
    out = frame.copy()
    out["date_end"] = out["date_end"].where(out["date_end"].str.len() > 0, out["date"])
    for col in ("date", "date_end"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[s]")
    return out


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
          ("event_id", "date", "date_end", "precision", "label", "event", "actors", "keywords", "source"),
          context_problems, refers_to=("stakeholders",), shape=_context_frame),
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


@dataclass(frozen=True)
class ExportReference:
    """The export-control reference tables, validated against each other, and the sourced context
    record (``context_events``) whose rows the findings cite."""

    items: pd.DataFrame
    revision: pd.DataFrame
    functions: pd.DataFrame
    mapping: pd.DataFrame
    paths: pd.DataFrame
    keywords: pd.DataFrame
    record: pd.DataFrame


_CHECKED = re.compile(r"^\d{4}-\d{2}-\d{2}: \S")


def _iso_problem(value: str, file: str, where: str, empty_ok: bool = False) -> list[Problem]:
    if empty_ok and not value:
        return []
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return [Problem(file, where, f"{value!r} is not an ISO date (YYYY-MM-DD)")]
    return []


def export_problems(ref: ExportReference, folder: str) -> list[Problem]:
    """Cross-table checks: duplicate ids; mappings, paths and keywords naming unknown items or
    functions; bad confidence, availability or yes/partial/no values; path terms outside their
    vocabulary; dates that are not ISO; a ``checked`` note that does not start with the day it was
    checked (``YYYY-MM-DD: what it was checked against``); the ban path missing."""
    problems = []
    items, functions = set(ref.items["item_id"]), set(ref.functions["function_id"])
    tables = {"export_catalogue_items": ref.items, "export_catalogue_revision": ref.revision,
              "tiktok_functions": ref.functions, "export_function_items": ref.mapping, "deal_paths": ref.paths,
              "export_keywords": ref.keywords}
    for name, frame in tables.items():
        for line, note in enumerate(frame["checked"], start=2):
            if not _CHECKED.match(note):
                problems.append(Problem(f"{folder}/{name}.csv", f"line {line}: checked",
                                        "must start with the day checked and say against what ('YYYY-MM-DD: ...')"))
    for frame, col, name in ((ref.items, "item_id", "export_catalogue_items"),
                             (ref.functions, "function_id", "tiktok_functions"),
                             (ref.paths, "path_id", "deal_paths")):
        for dup in sorted(frame[col][frame[col].duplicated()]):
            problems.append(Problem(f"{folder}/{name}.csv", col, f"duplicate id {dup!r}"))
    file = f"{folder}/export_catalogue_items.csv"
    for line, r in enumerate(ref.items.itertuples(index=False), start=2):
        problems += _iso_problem(r.date, file, f"line {line} ({r.item_id}): date")
        if r.item_id != f"{r.number}-{r.control_point_no}":
            problems.append(Problem(file, f"line {line}: item_id",
                                    f"{r.item_id!r} is not <number>-<control_point_no> ({r.number}-{r.control_point_no})"))
    file = f"{folder}/tiktok_functions.csv"
    for line, r in enumerate(ref.functions.itertuples(index=False), start=2):
        problems += _iso_problem(r.available_from, file, f"line {line} ({r.function_id}): available_from")
        problems += _iso_problem(r.available_to, file, f"line {line} ({r.function_id}): available_to", empty_ok=True)
        if r.available_from_precision not in AVAILABILITY_PRECISION:
            problems.append(Problem(file, f"line {line} ({r.function_id}): available_from_precision",
                                    f"{r.available_from_precision!r} is not one of {', '.join(AVAILABILITY_PRECISION)}"))
    file = f"{folder}/export_function_items.csv"
    for line, r in enumerate(ref.mapping.itertuples(index=False), start=2):
        if r.function_id not in functions:
            problems.append(Problem(file, f"line {line}: function_id", f"{r.function_id!r} is not in tiktok_functions.csv"))
        if r.item_id not in items:
            problems.append(Problem(file, f"line {line}: item_id", f"{r.item_id!r} is not in export_catalogue_items.csv"))
        if r.confidence not in CONFIDENCE:
            problems.append(Problem(file, f"line {line}: confidence", f"{r.confidence!r} is not high, medium or low"))
    file = f"{folder}/deal_paths.csv"
    for line, r in enumerate(ref.paths.itertuples(index=False), start=2):
        where = f"line {line} ({r.path_id})"
        problems += _iso_problem(r.proposed, file, f"{where}: proposed")
        for col in TRANSFER_COLUMNS:
            for f in filter(None, getattr(r, col).split("|")):
                if f not in functions:
                    problems.append(Problem(file, f"{where}: {col}", f"{f!r} is not in tiktok_functions.csv"))
        for col in TERMS_COLUMNS:
            word = getattr(r, col).split(" ", 1)[0]
            if word not in TERMS:
                problems.append(Problem(file, f"{where}: {col}", f"{word!r} is not one of {', '.join(TERMS)}"))
        for col in ("data_in_us", "divests"):
            if getattr(r, col) not in ("yes", "partial", "no"):
                problems.append(Problem(file, f"{where}: {col}", f"{getattr(r, col)!r} is not yes, partial or no"))
    if BAN_PATH not in set(ref.paths["path_id"]):
        problems.append(Problem(file, "path_id", f"the reference path {BAN_PATH!r} (no deal) is missing"))
    file = f"{folder}/export_keywords.csv"
    for line, r in enumerate(ref.keywords.itertuples(index=False), start=2):
        try:
            re.compile(r.pattern)
        except re.error as exc:
            problems.append(Problem(file, f"line {line}: pattern", f"not a regular expression ({exc})"))
        if r.function_id and r.function_id not in functions:
            problems.append(Problem(file, f"line {line}: function_id", f"{r.function_id!r} is not in tiktok_functions.csv"))
        for item in filter(None, r.item_id.split("|")):
            if item not in items:
                problems.append(Problem(file, f"line {line}: item_id", f"{item!r} is not in export_catalogue_items.csv"))
    return problems


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
