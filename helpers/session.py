"""What a notebook's set-up cell calls: one object that holds the run's assumptions, corpus and
reference tables, and writes figures and tables bound to the notebook and its output folders.

``nb = session("03-export-control-impact", data_dir=data_dir, output_dir=output_dir,
overrides=overrides, published=published)`` validates the assumptions (with the parameters cell's
overrides), applies the house style, and then gives:

- ``nb.A``: the assumptions in force; ``nb.corpus``: the corpus (loaded on first use, cached);
- ``nb.table(name)`` / ``nb.export_reference()``: a checked reference table (:mod:`helpers.reference`);
- ``nb.mentions(gazetteer)``: the gazetteer's mentions in the corpus, cached;
- ``nb.open_world(gazetteer, cues)``: every named person and organisation as a party, cached;
- ``nb.cached(name, builder, *args)``: a builder's frame, from ``data/interim/`` when this corpus,
  these inputs and this code have computed it before (:mod:`helpers.cache`);
- ``nb.save_figure(fig, slug, data, caption)``: the figure, its data and sidecar, into the run's
  ``figures/`` with the assumptions of the notebook's topic and the corpus checksum recorded;
- ``nb.write_processed(**frames)``: processed tables into the run's ``data/processed/``, each sorted
  by its registered columns (:data:`helpers.outputs.PROCESSED`);
- ``nb.findings(lines)``: displays the findings as a Markdown list; ``nb.assumptions_table()``: the method
  card's table of the topic's assumptions.
"""
from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import Markdown, display

from helpers import cache, figures, paths, reference
from helpers.assumptions import Assumptions, load_assumptions
from helpers.corpus import Corpus, load_corpus, sha256_mismatches
from helpers.mentions import find_mentions
from helpers.outputs import PROCESSED, write_processed
from helpers.parties import OpenWorld, open_world
from helpers.tables import ExportReference
from helpers.text import markdown_bullets

# The assumptions each notebook's figures record in their sidecars (its topic).
TOPICS = {"00": "corpus.", "01": "timeline.", "02": "stakeholders.", "03": "export.", "04": "tone."}


class Session:
    """One notebook run: its data folder, output folders, assumptions and corpus."""

    def __init__(self, notebook: str, data_dir: Path | str | None = None, output_dir: Path | str | None = None,
                 overrides: Mapping[str, Any] | None = None, published: Mapping[str, Any] | None = None):
        self.notebook = Path(notebook).stem
        self.topic = TOPICS[self.notebook[:2]]
        self.data_dir = Path(data_dir) if data_dir else None
        self.outputs = paths.outputs(output_dir or None)
        self.published = dict(published or {})
        self.A: Assumptions = load_assumptions(paths.assumptions_yaml(self.data_dir), overrides=overrides)

    @functools.cached_property
    def corpus(self) -> Corpus:
        """The corpus of the data folder, with the run's publication dates."""
        return load_corpus(self.data_dir, published=self.published, assumptions=self.A)

    def corpus_with_dates(self, published: Mapping[str, Any]) -> Corpus:
        """The same corpus with other publication dates (to see what moves when they change)."""
        return load_corpus(self.data_dir, published=published, assumptions=self.A)

    def changed_articles(self) -> list[str]:
        """Articles whose file on disk no longer has the checksum it had when the corpus was loaded."""
        return sha256_mismatches(self.corpus, self.data_dir)

    def table(self, name: str) -> pd.DataFrame:
        """A registered input table, checked (:func:`helpers.reference.load`)."""
        return reference.load(name, self.data_dir)

    def export_reference(self) -> ExportReference:
        """The export-control tables and the context record, checked against each other."""
        return reference.load_export(self.data_dir)

    def cached(self, name: str, builder, *args: Any) -> pd.DataFrame:
        """``builder(*args)``, from the cache when this corpus, these inputs and this code made it before."""
        return cache.cached(name, self.corpus.checksum, builder, *args, data_dir=self.data_dir)

    def mentions(self, gazetteer: pd.DataFrame) -> pd.DataFrame:
        """Every gazetteer alias found in the corpus (:func:`helpers.mentions.find_mentions`), cached."""
        return self.cached("mentions", find_mentions, self.corpus, gazetteer)

    def open_world(self, gazetteer: pd.DataFrame, cues: pd.DataFrame) -> OpenWorld:
        """Every named person and organisation of the corpus as a party (:func:`helpers.parties.open_world`
        over :meth:`mentions`), its three frames cached: a rerun skips reading the names and loading
        the place lists."""
        mentions = self.mentions(gazetteer)
        built: list[OpenWorld] = []

        def part(name: str) -> pd.DataFrame:
            def build(*args: Any) -> pd.DataFrame:  # computed once, whichever frame is missing first
                if not built:
                    built.append(open_world(*args))
                return getattr(built[0], name)
            return self.cached(f"open_world_{name}", build, self.corpus, mentions, gazetteer, cues)

        return OpenWorld(part("parties"), part("mentions"), part("set_aside"))

    def save_figure(self, fig: Any, slug: str, data: pd.DataFrame, caption: str) -> list[str]:
        """Write a report figure (see :func:`helpers.figures.save_figure`); return its files' names."""
        sidecar = figures.save_figure(fig, slug, data, caption, notebook=self.notebook,
                                      assumptions=self.A.subset(self.topic), corpus_checksum=self.corpus.checksum,
                                      out_dir=self.outputs.figures, published=self.published)
        return sidecar["files"]

    def write_processed(self, **frames: pd.DataFrame) -> list[str]:
        """Write each frame as ``data/processed/<name>.csv`` (a registered name), rows sorted by its
        registered columns; return the files' names."""
        written = []
        for name, frame in frames.items():
            writer, sort_by = PROCESSED[name]
            if writer != self.notebook[:2]:
                raise ValueError(f"{name} is written by notebook {writer}, not {self.notebook}")
            written.append(write_processed(frame, name, list(sort_by), data_dir=self.outputs.data).name)
        return written

    def findings(self, lines: list[str]) -> None:
        """Display the findings as a Markdown list (what the README and the HTML edition quote)."""
        display(Markdown(markdown_bullets(lines)))

    def assumptions_table(self) -> pd.DataFrame:
        """The topic's assumptions: value, range, unit, overridden, why."""
        return self.A.table(self.topic)


def session(notebook: str, data_dir: Path | str | None = None, output_dir: Path | str | None = None,
            overrides: Mapping[str, Any] | None = None, published: Mapping[str, Any] | None = None) -> Session:
    """Set up a notebook run: the house style, the validated assumptions, the output folders.

    Inside a Jupyter kernel it also freezes what is loaded so far (``gc.freeze``): the libraries
    and helpers stay for the whole session, so the garbage collector need not rescan them."""
    figures.use_house_style()
    nb = Session(notebook, data_dir, output_dir, overrides, published)
    ipython = sys.modules.get("IPython")
    if ipython is not None and getattr(ipython.get_ipython(), "kernel", None) is not None:
        gc.freeze()
    return nb
