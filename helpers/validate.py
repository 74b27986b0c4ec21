"""One check of everything the suite reads: articles, metadata, reference tables, assumptions.

:func:`validate` returns the problems (errors: loading would stop on them); :func:`warnings`
what ``python -m helpers validate`` prints as a warning without failing."""
from __future__ import annotations

from pathlib import Path

from helpers import paths
from helpers.assumptions import load_assumptions
from helpers.corpus import text_warnings, validate_corpus
from helpers.errors import DataError, Problem
from helpers.reference import validate_all


def validate(data_dir: Path | str | None = None) -> list[Problem]:
    """Every problem in ``data_dir`` (default ``data/``), each naming its file and field: the
    articles and their files, every table of the registry (:mod:`helpers.reference`) with its own
    and cross-table checks, and the assumptions."""
    problems = list(validate_corpus(data_dir))
    problems += validate_all(data_dir)
    try:
        load_assumptions(paths.assumptions_yaml(data_dir))
    except DataError as exc:
        problems += exc.problems
    return sorted(set(problems))


def warnings(data_dir: Path | str | None = None) -> list[Problem]:
    """What ``validate`` prints as a warning and does not fail on: words in the articles that are
    not what they look like (zero-width characters, Latin mixed with Cyrillic or Greek letters)."""
    return text_warnings(data_dir)


