"""The bad-input matrix: each case is handled correctly or stops with the file and field named,
and in every case data/raw/ is untouched and no output is left half-written."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from conftest import SEED_000, tree_digest

from helpers import corpus as hc
from helpers import overview, paths, runner, tone
from helpers.assumptions import load_assumptions
from helpers.errors import DataError
from helpers.validate import validate


@pytest.fixture
def one(make_data):
    """Load a single-article data folder from raw bytes and check raw/ is never written."""
    def load(body: bytes | str):
        data = make_data({"a1": body})
        before = tree_digest(data / "raw" / "articles")
        try:
            return hc.load_corpus(data), data
        finally:
            assert tree_digest(data / "raw" / "articles") == before
    return load


def assert_slices(c: hc.Corpus) -> None:
    for frame in (c.paragraphs, c.sentences):
        for r in frame.itertuples():
            assert c.texts[r.article_id][r.start:r.end] == r.text


def test_bom_and_crlf(one):
    c, _ = one("\ufeffTikTok deal\r\n\r\nByteDance chose Oracle. Microsoft lost.\r\n".encode("utf-8"))
    assert_slices(c)
    assert c.texts["a1"][0] == "\ufeff"  # the BOM is kept as decoded, so offsets count it
    assert list(c.paragraphs["kind"]) == ["headline", "body"]
    assert list(c.sentences["text"]) == ["TikTok deal", "ByteDance chose Oracle.", "Microsoft lost."]
    assert not c.sentences["text"].str.contains("\r").any()


def test_tabs_and_no_break_spaces(one):
    c, _ = one("\tByteDance\u00a0chose Oracle.\u00a0\t\n\u00a0\nIt was\tlate.\n")
    assert_slices(c)
    assert list(c.sentences["text"]) == ["ByteDance\u00a0chose Oracle.", "It was\tlate."]


def test_one_word_article(one):
    c, _ = one("TikTok")
    assert (len(c.paragraphs), len(c.sentences), c.articles.loc[0, "n_words"]) == (1, 1, 1)


def test_html_and_script_stay_text(one):
    c, _ = one('<p>ByteDance <b>chose</b> Oracle.</p>\n<script>alert("x")</script>\n')
    assert_slices(c)
    assert c.sentences["text"].str.contains("<script>", regex=False).any()


def test_non_english_text_loads_and_is_flagged_by_tone(one):
    c, _ = one("字节跳动选择了甲骨文作为技术合作伙伴。微软的报价被拒绝了。\n"
               "Der Handelskrieg ist ein Misserfolg und eine Katastrophe.\n")
    assert_slices(c)
    a = load_assumptions()
    scores = tone.score_texts(c.sentences["text"], a["tone.gdelt_lexicon"], a["tone.min_english_share"],
                              a["tone.language_test_min_words"])
    assert set(scores["flag"]) == {"non-English"} and (scores["vader_compound"] == 0).all()


@pytest.mark.slow
def test_an_article_of_5_mb(make_data):
    seed = (paths.raw_articles() / f"{SEED_000}.txt").read_text(encoding="utf-8")
    body = (seed + "\n") * (5_000_000 // len(seed.encode("utf-8")) + 1)
    assert len(body.encode("utf-8")) >= 5_000_000
    c = hc.load_corpus(make_data({"big": body}))
    assert c.articles.loc[0, "n_chars"] == len(body)
    assert overview.offset_mismatches(c).empty
    assert (overview.uncovered_characters(c)["uncovered_chars"] == 0).all()


def test_same_content_under_two_ids_is_named(make_data):
    data = make_data({"a1": "ByteDance chose Oracle.", "a2": "ByteDance chose Oracle."})
    found = [str(p) for p in validate(data)]
    assert any("a2.txt: (text): same content as a1.txt" in m for m in found), found
    with pytest.raises(DataError, match="same content as a1.txt"):
        hc.load_corpus(data)


def test_failure_mid_run_leaves_previous_outputs_whole(tmp_path, monkeypatch):
    """A notebook that writes one table and then fails: neither the table it reached nor the one it
    did not reach changes (its outputs are staged and land only with a notebook that ran to the
    end), no temporary file is left, and the notebook file itself is not replaced."""
    processed = tmp_path / "data" / "processed"
    processed.mkdir(parents=True)
    (processed / "a.csv").write_text("x\nold\n")
    (processed / "b.csv").write_text("x\nold\n")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import pandas as pd\nfrom helpers import paths\nfrom helpers.outputs import write_processed\n"
        "out = paths.outputs('')\nwrite_processed(pd.DataFrame({'x': ['new']}), 'a', data_dir=out.data)"),
        nbformat.v4.new_code_cell("raise RuntimeError('simulated failure in the middle of the run')"),
        nbformat.v4.new_code_cell("write_processed(pd.DataFrame({'x': ['new']}), 'b', data_dir=out.data)")]
    nbformat.write(nb, notebooks / "09-fail-midway.ipynb")
    before = (notebooks / "09-fail-midway.ipynb").read_bytes()
    monkeypatch.setattr(paths, "NOTEBOOKS", notebooks)
    monkeypatch.setattr(paths, "DATA", tmp_path / "data")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    monkeypatch.setenv("JUPYTER_PATH", str(Path(sys.prefix) / "share" / "jupyter"))
    assert runner.run_notebooks(["09-fail-midway"]) == 1
    assert (processed / "a.csv").read_text() == "x\nold\n"
    assert (processed / "b.csv").read_text() == "x\nold\n"
    assert sorted(os.listdir(processed)) == ["a.csv", "b.csv"]
    assert (notebooks / "09-fail-midway.ipynb").read_bytes() == before


def test_reading_never_writes_raw(make_data):
    data = make_data()
    before = tree_digest(data / "raw" / "articles")
    hc.load_corpus(data)
    validate(data)
    assert tree_digest(data / "raw" / "articles") == before


def test_metadata_published_as_timestamp_column(make_data):
    c = hc.load_corpus(make_data({"a1": "ByteDance chose Oracle."}))
    assert c.articles["published"].dtype.kind == "M" and c.articles.loc[0, "published"] == pd.Timestamp("2020-09-14")
