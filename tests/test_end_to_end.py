"""End to end on a corpus the suite was not built on: both seeds plus a third, hostile article.

Every notebook runs on it (nothing may depend on there being exactly two articles), and the
article's markup is escaped wherever it is rendered: notebooks, interactive figures, HTML edition."""
from __future__ import annotations

import re

import pytest
from conftest import SEED_000, SEED_003, ink_at_edges, run_every_notebook, write_data_folder

from helpers import paths, report

EVIL = ('ByteDance chose Oracle as its technology partner <script>alert("pwned")</script> on Sunday.\n'
        'Microsoft said <img src=x onerror=alert(1)> it had lost.\n'
        'A <b>bold</b> claim https://t.co/evil — <b onmouseover=alert`1`>Eve</b> (@eve) September 7, 2020\n')


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("escape")
    seeds = {aid: (paths.raw_articles() / f"{aid}.txt").read_bytes() for aid in (SEED_000, SEED_003)}
    data = write_data_folder(root / "data", {**seeds, "x_evil": EVIL}, rows=[
        f"{SEED_000},{SEED_000}.txt,t,o,2020-09-14,b,unknown",
        f"{SEED_003},{SEED_003}.txt,t,o,2020-09-14,b,unknown",
        "x_evil,x_evil.txt,<script>alert(2)</script>,o,2020-09-14,b,unknown"])
    report.build_site(run_every_notebook(data, root), root / "out" / "figures", root / "html")
    return root


def test_no_page_carries_the_article_markup(run):
    pages = sorted((run / "html").glob("*.html")) + sorted((run / "html" / "figures").glob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page.name
        assert not re.search(r"<img[^>]*onerror", text), page.name
        assert not re.search(r"<b[^>]*onmouseover", text), page.name
    notebook_pages = "".join(p.read_text(encoding="utf-8") for p in (run / "html").glob("0*.html"))
    assert "&lt;script&gt;alert" in notebook_pages  # the text is there, as text


def test_plotly_hover_text_is_escaped(run):
    network = (run / "out" / "figures" / "02-stakeholder-network-interactive.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in network and "<script>alert" not in network


def test_no_script_runs_in_the_browser(run):
    from test_browser import ARGS, CHROMIUM

    if CHROMIUM is None:
        pytest.skip("Chromium not found: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    dialogs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for page_file in sorted((run / "html").glob("*.html")) + sorted((run / "html" / "figures").glob("*.html")):
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(page_file.as_uri(), wait_until="load")
            page.close()
        browser.close()
    assert dialogs == []


def test_every_notebook_ran_on_three_articles(run):
    for stem in sorted(p.stem for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        summary = report.notebook_summary(run / f"{stem}.ipynb")
        assert summary["findings"], stem
    overview = report.notebook_summary(run / "00-corpus-overview.ipynb")["findings"]
    assert "**3 articles**" in overview
    assert (run / "out" / "data" / "processed" / "tone_sentences.csv").exists()


def test_no_figure_is_cut_off_by_its_canvas(run):
    """More articles mean more rows, columns and labels: every PNG still keeps a clear margin."""
    pngs = sorted((run / "out" / "figures").glob("*.png"))
    assert len(pngs) >= 10
    assert {p.name: ink_at_edges(p) for p in pngs if ink_at_edges(p)} == {}
