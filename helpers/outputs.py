"""Writing outputs so that a failed run never leaves a half-written file.

Every file the suite writes goes through :func:`atomic_write`: the content lands in a temporary
file in the same folder and is renamed over the target in one step. Processed tables are written
deterministically (rows sorted, floats in one fixed format, ``\\n`` line ends) so that a rerun
with the same inputs produces the same bytes.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from helpers import paths

FLOAT_FORMAT = "%.6g"


def atomic_write(path: Path | str, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path.resolve().is_relative_to(paths.DATA / "raw"):
        raise PermissionError(f"{paths.relative(path)}: data/raw/ is immutable input; nothing writes there")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
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
    """A frame as deterministic CSV text (no index, fixed float format, ISO dates)."""
    return frame.to_csv(index=False, float_format=FLOAT_FORMAT, lineterminator="\n", date_format="%Y-%m-%d")


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
    "export_control_matrix": ("03", ("function_id", "item_id")),
    "export_control_scenarios": ("03", ("path_id",)),
    "export_control_sensitivity": ("03", ("assumption",)),
    "export_control_evidence": ("03", ("article_id", "sentence_no")),
    "tone_sentences": ("04", ("article_id", "sentence_no")),
    "tone_summary": ("04", ("level", "group")),
    "tone_method_agreement": ("04", ("method_a", "method_b")),
    "tone_driving_words": ("04", ("article_id", "direction", "word")),
}
