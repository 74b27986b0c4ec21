"""The codebook (data/README.md) names every column of every table the suite reads or writes: a
column added to a reference table, to articles.csv or to a processed table without a word in the
codebook fails here."""
from __future__ import annotations

import csv
import re

import pytest

from helpers import paths, reference

CODEBOOK = paths.DATA / "README.md"


def section(heading: str) -> str:
    text = CODEBOOK.read_text(encoding="utf-8")
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start:] if end < 0 else text[start:end]


def header(path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


def named(text: str) -> set[str]:
    """Every name inside backticks, comma-separated lists split."""
    return {part.strip() for quoted in re.findall(r"`([^`]+)`", text) for part in quoted.split(",")}


def documented(column: str, names: set[str]) -> bool:
    """A column is documented by its name or by a pattern such as ``E_low:<path_id>``."""
    return column in names or any(re.fullmatch(re.sub(r"<[^>]+>", ".+", re.escape(n)), column) for n in names if "<" in n)


@pytest.mark.parametrize("name", sorted(n for n in reference.REGISTRY if n != "articles"))
def test_every_reference_column_is_in_the_codebook(name):
    table = reference.REGISTRY[name]
    row = next(line for line in section("## `reference/`").splitlines() if line.startswith(f"| `{name}.csv`"))
    missing = [c for c in header(table.path(None)) if not documented(c, named(row))]
    assert not missing, f"data/README.md, row {name}.csv: add {missing}"


def test_every_articles_column_is_in_the_codebook():
    missing = [c for c in header(paths.articles_csv(None)) if not documented(c, named(section("## `articles.csv`")))]
    assert not missing, f"data/README.md, articles.csv: add {missing}"


@pytest.mark.parametrize("file", sorted(p.name for p in paths.processed().glob("*.csv")))
def test_every_processed_column_is_in_the_codebook(file):
    rows = section("## `processed/`")
    line = next((line for line in rows.splitlines() if f"`{file}`" in line), None)
    assert line is not None, f"data/README.md: {file} is not in the processed tables"
    missing = [c for c in header(paths.processed() / file) if not documented(c, named(line))]
    assert not missing, f"data/README.md, {file}: add {missing}"
