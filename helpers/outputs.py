"""Writing outputs so that a failed run never leaves a half-written file.

Every file the suite writes goes through :func:`atomic_write`: the content lands in a temporary
file in the same folder and is renamed over the target in one step. The file gets the mode the
user's umask gives a new file (0644 under umask 022): ``tempfile.mkstemp`` creates it 0600, and
the rename would otherwise keep that. Processed tables are written deterministically (rows
sorted, floats in one fixed format, ``\\n`` line ends) so that a rerun with the same inputs
produces the same bytes, and with their formula cells neutralised (:func:`table_csv`).
"""
from __future__ import annotations

import functools
import os
import re
import tempfile
import threading
from pathlib import Path

import pandas as pd

from helpers import paths

FLOAT_FORMAT = "%.6g"


_UMASK_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def file_mode() -> int:
    """The mode of a new file under the process's umask (``0o666 & ~umask``), read once.

    Linux shows the umask in ``/proc/self/status``, and reading it there changes nothing. Elsewhere
    ``os.umask`` is the only way to read it, by setting another and putting it back; the one set
    meanwhile is 077, so a file another thread creates in that instant is only ever stricter."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: Path | str, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename; return the path. The file
    gets the mode the umask gives a new file (:func:`file_mode`), not mkstemp's 0600."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path.resolve().is_relative_to(paths.DATA / "raw"):
        raise PermissionError(f"{paths.relative(path)}: data/raw/ is immutable input; nothing writes there")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.chmod(handle.fileno(), file_mode())
            handle.write(raw)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_new_article(path: Path | str, text: str) -> Path:
    """Write a new article's text to ``raw/articles/<id>.txt``: the one write ever made under
    ``raw/`` (by ``python -m helpers add``), and never over an existing file.

    The text lands in a temporary file beside the target and is hard-linked to its name, which
    fails if the name exists; a file system without hard links falls back to an exclusive create.
    Raises FileExistsError if the article file exists, PermissionError outside a ``raw/articles``
    folder."""
    path = Path(path)
    if (path.parent.name, path.parent.parent.name) != ("articles", "raw") or path.suffix != ".txt":
        raise PermissionError(f"{paths.relative(path)}: new articles go to raw/articles/<id>.txt only")
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = text.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.chmod(handle.fileno(), file_mode())  # mkstemp's 0600 would survive the link: the umask's mode instead
            handle.write(raw)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links here: an exclusive create still never overwrites
            with open(path, "xb") as handle:
                try:
                    handle.write(raw)
                except BaseException:
                    path.unlink(missing_ok=True)
                    raise
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def table_csv(frame: pd.DataFrame) -> str:
    """A frame as deterministic CSV text (no index, fixed float format, ISO dates), with every text
    cell that a spreadsheet would run as a formula neutralised (:func:`neutralise_formulas`)."""
    return neutralise_formulas(frame).to_csv(index=False, float_format=FLOAT_FORMAT, lineterminator="\n",
                                             date_format="%Y-%m-%d")


# What starts a formula in Excel, LibreOffice and Google Sheets (OWASP, "CSV Injection"): = + - @,
# and tab or carriage return, which some of them skip before looking for one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Left as they are: text that is just a number ("-0.5", a spreadsheet reads the number it is) and a
# cell that is just a social-media handle ("@NGrossman81", what the suite extracts from embedded
# posts): neither holds a parenthesis, operator or '|', so neither can call a function or a command.
_HARMLESS = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|@[A-Za-z0-9_]{1,30}")


def neutralise_cell(value: object) -> object:
    """``'`` before a text cell that starts like a formula (``=HYPERLINK(...)``, ``@SUM(...)``,
    ``-2+3``), as OWASP advises for CSV meant for spreadsheets; numbers, text that is just a number
    and a bare handle are left alone (see ``_HARMLESS``)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _HARMLESS.fullmatch(value):
        return "'" + value
    return value


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with :func:`neutralise_cell` applied to every text cell and column name; the same
    object when nothing needs it (numeric, boolean and date columns are never touched)."""
    out = frame
    for i in range(frame.shape[1]):
        series = frame.iloc[:, i]
        if (pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)
                or pd.api.types.is_datetime64_any_dtype(series) or pd.api.types.is_timedelta64_dtype(series)):
            continue
        values = series.astype(object)
        risky = values.map(lambda v: neutralise_cell(v) is not v)
        if risky.any():
            out = out.copy() if out is frame else out
            out.isetitem(i, values.where(~risky, values.map(neutralise_cell)))
    renamed = {c: neutralise_cell(c) for c in frame.columns if neutralise_cell(c) is not c}
    return out.rename(columns=renamed) if renamed else out


def write_processed(frame: pd.DataFrame, name: str, sort_by: list[str] | None = None,
                    data_dir: Path | str | None = None) -> Path:
    """Write ``data/processed/<name>.csv`` atomically, rows sorted by ``sort_by``."""
    if sort_by:
        frame = frame.sort_values(sort_by, kind="mergesort").reset_index(drop=True)
    return atomic_write(paths.processed(data_dir) / f"{name}.csv", table_csv(frame))


# Every processed table: the notebook that writes it and the columns its rows are sorted by (so a
# rerun writes the same bytes). data/README.md describes each one's columns.
PROCESSED: dict[str, tuple[str, tuple[str, ...]]] = {
    "corpus_articles": ("00", ("article_id",)),
    "corpus_paragraphs": ("00", ("article_id", "paragraph_no")),
    "corpus_sentences": ("00", ("article_id", "sentence_no")),
    "temporal_expressions": ("01", ("article_id", "start")),
    "timeline": ("01", ("date_start", "date_end", "timeline_id")),
    "timeline_context_check": ("01", ("timeline_id",)),
    "stakeholder_mentions": ("02", ("article_id", "start")),
    "stakeholder_candidates": ("02", ("article_id", "name")),
    "stakeholder_relations": ("02", ("article_id", "start", "relation", "source_id", "target_id")),
    "stakeholder_table": ("02", ("stakeholder_id",)),
    "stakeholder_centrality": ("02", ("stakeholder_id",)),
    "stakeholder_parties": ("02", ("stakeholder_id",)),
    "stakeholder_quotes": ("02", ("article_id", "start")),
    "stakeholder_reported_speech": ("02", ("article_id", "start", "end")),
    "export_control_matrix": ("03", ("function_id", "item_id")),
    "export_control_scenarios": ("03", ("path_id",)),
    "export_control_sensitivity": ("03", ("assumption",)),
    "export_control_evidence": ("03", ("article_id", "sentence_no")),
    "tone_sentences": ("04", ("article_id", "sentence_no")),
    "tone_summary": ("04", ("level", "group")),
    "tone_method_agreement": ("04", ("method_a", "method_b")),
    "tone_driving_words": ("04", ("article_id", "direction", "word")),
}
