"""What a valid row of each input table is: the vocabularies its columns take, the syntax of
the patterns kept as data, and one check per table.

The checks take a frame (every column as text), the file name to cite and the tables the rows
refer to, and return :class:`~helpers.errors.Problem` s naming file, line and field; the registry
in :mod:`helpers.reference` runs them. The analyses import the vocabularies and pattern syntax
from here, so a value the check accepts is one the analysis understands.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.errors import Problem

# --------------------------------------------------------------------------------------------
# Vocabularies of the tables

METADATA_COLUMNS = ("article_id", "file", "title", "outlet", "published", "published_basis", "url",
                    "near_duplicate_of")
REQUIRED_METADATA = ("article_id", "file", "published", "published_basis")
# optional columns that are empty, not "unknown", when the file lacks them: a flag, not a fact
EMPTY_WHEN_ABSENT = ("near_duplicate_of",)
EARLIEST_DATE = dt.date(2000, 1, 1)

PARTY_TYPES = ("company", "government body", "person", "media outlet", "commentator", "public", "place",
               "organisation")  # organisation: one of no other type (a university), or not yet known
# The kinds of rows of attribution_cues.csv: speech and its attribution, and the words that say
# what a capitalised name is (a party of a type, or not a party) and whom a description means.
ATTRIBUTION_KINDS = ("reported speech", "reported thought", "speech verb", "reporting verb", "statement noun",
                     "person title", "organisation word", "description", "not a party", "term marker")
TYPED_ATTRIBUTION_KINDS = ("organisation word", "description")  # written "<kind>: <party type>"
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
        if row.file and (row.file != Path(row.file).name or row.file in (".", "..") or "\\" in row.file):
            problems.append(Problem(file, f"line {i}: file", f"{row.file!r} is not a file name in raw/articles/ "
                                    "(no folders, no '..')"))
        elif row.file and aid and Path(row.file).stem != aid:
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
    """Attribution patterns that do not compile, and kinds the analyses do not know (a typed kind
    names a party type: ``organisation word: company``)."""
    problems = []
    for line, (pattern, kind) in enumerate(zip(cues["pattern"], cues["kind"]), start=2):
        try:
            compile_attribution_pattern(pattern)
        except re.error as exc:
            problems.append(Problem(file, f"line {line}: pattern", f"not a regular expression ({exc})"))
        base, _, party_type = kind.partition(": ")
        if base not in ATTRIBUTION_KINDS or bool(party_type) != (base in TYPED_ATTRIBUTION_KINDS) \
                or (party_type and party_type not in PARTY_TYPES):
            problems.append(Problem(file, f"line {line}: kind", f"{kind!r} is not one of {', '.join(ATTRIBUTION_KINDS)} "
                                    f"(the kinds {', '.join(TYPED_ATTRIBUTION_KINDS)} as '<kind>: <party type>')"))
    return problems


def cue_pattern(cues: pd.DataFrame, kind: str) -> re.Pattern:
    """One expression, matched as whole words ignoring case, for every row of ``kind`` in an
    attribution cue table (an expression that matches nothing when there is none).

    When every alternative of every row starts with a letter, they are grouped by that letter,
    each group behind a lookahead for it (as :class:`helpers.mentions.AliasMatcher` does): the
    same matches, about twice as fast, since at each word only the alternatives that can start
    there are tried."""
    rows = list(cues.loc[cues["kind"] == kind, "pattern"])
    if not rows:
        return re.compile(r"(?!)")
    alternatives = [a for p in rows for a in top_level_alternatives(p)]
    if all(a[:1].isalpha() and a[:1].isascii() for a in alternatives):
        groups: dict[str, list[str]] = {}
        for a in alternatives:
            groups.setdefault(a[0].lower(), []).append(a)
        body = f"(?=[{''.join(sorted(groups))}])(?:" + "|".join(
            f"(?={letter})(?:{'|'.join(parts)})" for letter, parts in sorted(groups.items())) + ")"
    else:
        body = "(?:" + "|".join(f"(?:{p})" for p in rows) + ")"
    return re.compile(r"(?<!\w)" + body + r"(?!\w)", re.IGNORECASE)


def top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of a regular expression's top level (``a|b(?:c|d)`` gives ``a`` and
    ``b(?:c|d)``): ``|`` inside groups, character classes or after a backslash does not split."""
    out, current, depth, i, in_class = [], [], 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            current.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            opening = "[^" if pattern[i + 1:i + 2] == "^" else "["
            i += len(opening)
            if pattern[i:i + 1] == "]":  # a "]" first in a class is a character of it
                opening += "]"
                i += 1
            current.append(opening)
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    out.append("".join(current))
    return out


def typed_cues(cues: pd.DataFrame, kind: str) -> list[tuple[re.Pattern, str]]:
    """The rows of a typed kind (``organisation word``, ``description``) as (whole-word expression,
    party type) pairs, in the table's order."""
    rows = cues[cues["kind"].str.startswith(kind + ": ")]
    return [(re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE), k.partition(": ")[2])
            for p, k in zip(rows["pattern"], rows["kind"])]


_CHECKED = re.compile(r"^\d{4}-\d{2}-\d{2}: \S")
_CHECKED_RULE = "must start with the day checked and say against what ('YYYY-MM-DD: ...')"


def context_problems(frame: pd.DataFrame, file: str, refs: Mapping[str, pd.DataFrame]) -> list[Problem]:
    """Malformed dates, unknown precision, an end before its start, actors the gazetteer does not
    know (when the gazetteer itself is readable), keyword patterns that do not compile, a ``checked``
    note that does not start with the day it was checked (``YYYY-MM-DD: what it was checked against``)."""
    known = set(refs["stakeholders"]["stakeholder_id"]) if "stakeholders" in refs else None
    problems = []
    for line, r in enumerate(frame.itertuples(index=False), start=2):
        where = f"line {line} ({r.event_id})"
        if not _ID.match(r.event_id or ""):
            problems.append(Problem(file, f"{where}: event_id", "must be lower_snake_case"))
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
        if not _CHECKED.match(r.checked or ""):
            problems.append(Problem(file, f"{where}: checked", _CHECKED_RULE))
    return problems


def context_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Context events with ``date`` and ``date_end`` (a day event ends on its day) as datetime64 days."""
    out = frame.copy()
    out["date_end"] = out["date_end"].where(out["date_end"].str.len() > 0, out["date"])
    for col in ("date", "date_end"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[s]")
    return out


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
                                        _CHECKED_RULE))
    for frame, col, name in ((ref.items, "item_id", "export_catalogue_items"),
                             (ref.functions, "function_id", "tiktok_functions"),
                             (ref.paths, "path_id", "deal_paths")):
        for dup in sorted(frame[col][frame[col].duplicated()]):
            problems.append(Problem(f"{folder}/{name}.csv", col, f"duplicate id {dup!r}"))
    for frame, col, name in ((ref.functions, "function_id", "tiktok_functions"), (ref.paths, "path_id", "deal_paths")):
        for line, value in enumerate(frame[col], start=2):  # ids reach findings and figures: identifiers only
            if not _ID.match(value or ""):
                problems.append(Problem(f"{folder}/{name}.csv", f"line {line}: {col}", f"{value!r} must be lower_snake_case"))
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
