"""One check of everything the suite reads: articles, metadata, reference tables, assumptions.

:func:`validate` returns the problems (errors: loading would stop on them); :func:`warnings`
what ``python -m helpers validate`` prints as a warning without failing."""
from __future__ import annotations

from pathlib import Path

from helpers import paths
from helpers.assumptions import load_assumptions
from helpers.corpus import validate_corpus
from helpers.errors import DataError, Problem
from helpers.reference import validate_all


def validate(data_dir: Path | str | None = None) -> list[Problem]:
    """Every problem in ``data_dir`` (default ``data/``), each naming its file and field."""
    problems = list(validate_corpus(data_dir))
    problems += validate_all(data_dir)
    problems += _table_problems(data_dir)
    try:
        load_assumptions(paths.assumptions_yaml(data_dir))
    except DataError as exc:
        problems += exc.problems
    return sorted(set(problems))


def warnings(data_dir: Path | str | None = None) -> list[Problem]:
    """What ``validate`` prints as a warning and does not fail on: words in the articles that are
    not what they look like (zero-width characters, Latin mixed with Cyrillic or Greek letters)."""
    from helpers.corpus import text_warnings

    return text_warnings(data_dir)


def _table_problems(data_dir: Path | str | None) -> list[Problem]:
    """The checks particular to each reference table that the helpers define (beyond sources)."""
    from helpers import export_controls, stakeholders, timeline, tone

    found: list[Problem] = []
    for loader in (stakeholders.load_gazetteer, stakeholders.load_patterns, stakeholders.load_hedge_cues,
                   timeline.load_context, export_controls.load_reference, tone.load_attribution_cues):
        try:
            loader(data_dir)
        except DataError as exc:
            found += exc.problems
    return found
