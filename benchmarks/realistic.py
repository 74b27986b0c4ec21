"""The realistic corpus (``tests/realistic``, or the folder ``REALISTIC_CORPUS`` names: the same
layout of ``manifest.csv``, ``inputs/`` and ``gold/``) added to a data folder the README's way,
for the evaluations: each input once, with the flags its manifest row gives; an input that names
no full date is refused by ``add`` and then added with the true date, as a user would."""
from __future__ import annotations

import csv
import json
import os
import shlex
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from helpers import ingest, paths
from helpers.assumptions import load_assumptions
from helpers.corpus import Corpus, load_corpus
from helpers.errors import DataError

REALISTIC = Path(os.environ.get("REALISTIC_CORPUS", paths.ROOT / "tests" / "realistic"))


def manifest() -> list[dict[str, str]]:
    """The manifest's rows (none where the corpus is absent)."""
    if not (REALISTIC / "manifest.csv").is_file():
        return []
    with (REALISTIC / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def flags_of(row: dict[str, str]) -> tuple[str | None, ingest.Flags]:
    """A manifest row's command-line flags as (--columns, the other flags)."""
    words, columns, given = shlex.split(row["flags"]), None, {}
    for name, value in zip(words[::2], words[1::2]):
        if name == "--columns":
            columns = value
        else:
            given[name[2:]] = value
    return columns, ingest.Flags(**given)


@dataclass
class Added:
    """The corpus as the suite loads it after ``add``, each article's manifest key and gold."""

    corpus: Corpus
    rows: list[dict[str, str]]
    key_of: dict[str, str]  # article id -> manifest key
    gold: dict[str, dict]  # manifest key -> gold file
    data_dir: Path


def add_all(data_dir: Path) -> Added:
    """Add every input of the realistic corpus to ``data_dir`` (a folder that need not exist) and load it."""
    data_dir = Path(data_dir)
    (data_dir / "raw" / "articles").mkdir(parents=True, exist_ok=True)
    shutil.copy(paths.assumptions_yaml(), data_dir / "assumptions.yaml")
    shutil.copytree(paths.reference(), data_dir / "reference", dirs_exist_ok=True)
    rows = manifest()
    gold = {r["key"]: json.loads((REALISTIC / "gold" / f"{r['key']}.json").read_text(encoding="utf-8")) for r in rows}
    true_date = {r["key"]: r["published"] or gold[r["key"]]["true_published"] for r in rows}
    added: dict[str, list] = {}
    for row in rows:
        if row["input"] in added:
            continue
        columns, flags = flags_of(row)
        try:
            added[row["input"]] = ingest.add([REALISTIC / row["input"]], data_dir, columns, flags)
        except DataError:  # no full date named: refused; added with the true date, as the user would
            flags = replace(flags, published=true_date[row["key"]])
            added[row["input"]] = ingest.add([REALISTIC / row["input"]], data_dir, columns, flags)
    key_of = {added[r["input"]][int(r["row"]) - 1 if r["row"] else 0].article_id: r["key"] for r in rows}
    corpus = load_corpus(data_dir, published={aid: true_date[key] for aid, key in key_of.items()},
                         assumptions=load_assumptions(), use_cache=False)
    return Added(corpus, rows, key_of, gold, data_dir)
