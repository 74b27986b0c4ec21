"""End to end on the smallest corpus there is: one article (003, the one with quotes and a post).

Every notebook runs on it, its findings read right for one article (no "1 articles", no
comparison across articles it cannot make), and its figures keep their margins."""
from __future__ import annotations

import pytest
from conftest import SEED_003, ink_at_edges, run_every_notebook, write_data_folder

from helpers import paths, report


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("one")
    run_every_notebook(write_data_folder(root / "data", {SEED_003: (paths.raw_articles() / f"{SEED_003}.txt").read_bytes()}),
                       root)
    return root


def test_every_notebook_runs_and_its_findings_read_right_for_one_article(run):
    findings = {stem: report.notebook_summary(run / f"{stem}.ipynb")["findings"]
                for stem in sorted(p.stem for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))}
    assert all(findings.values()), [s for s, f in findings.items() if not f]
    text = "\n".join(findings.values())
    assert "**1 article**" in findings["00-corpus-overview"]
    assert "1 articles" not in text and "(s)" not in text
    assert "appear in every article" not in findings["02-stakeholder-map"]  # says nothing with one article
    assert "reported by every article" not in findings["02-stakeholder-map"]


def test_one_article_figures_keep_their_margins(run):
    pngs = sorted((run / "out" / "figures").glob("*.png"))
    assert len(pngs) >= 10
    assert {p.name: ink_at_edges(p) for p in pngs if ink_at_edges(p)} == {}
