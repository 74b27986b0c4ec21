"""The corpus frames checked against what the articles say (expected values come from reading them)."""
from __future__ import annotations

import pandas as pd
import pytest
from conftest import SEED_000, SEED_003, sentence_with

from helpers import corpus as hc
from helpers import overview, segment
from helpers.assumptions import load_assumptions


def test_every_row_slices_the_raw_text_exactly(corpus):
    for name in ("paragraphs", "sentences"):
        frame = getattr(corpus, name)
        for r in frame.itertuples():
            assert corpus.texts[r.article_id][r.start:r.end] == r.text, (name, r.article_id, r.start)
    assert overview.offset_mismatches(corpus).empty


def test_sentences_tile_every_non_space_character(corpus):
    assert (overview.uncovered_characters(corpus)["uncovered_chars"] == 0).all()
    for aid, part in corpus.sentences.groupby("article_id"):
        assert (part["start"].iloc[1:].to_numpy() >= part["end"].iloc[:-1].to_numpy()).all(), aid


def test_article_ids_are_file_stems_and_metadata_is_carried(corpus):
    arts = corpus.articles.set_index("article_id")
    assert list(arts.index) == [SEED_000, SEED_003]
    assert (arts["file"] == arts.index + ".txt").all()
    assert arts.loc[SEED_000, "title"] == "ByteDance announces a cooperation agreement with Oracle"
    assert (arts["outlet"] == "unknown").all()  # the seeds name no outlet
    assert {"sha256", "n_chars", "n_words", "n_paragraphs", "n_sentences"} <= set(arts.columns)


def test_publication_dates_follow_the_texts_reasoning(corpus):
    arts = corpus.articles.set_index("article_id")
    # 000: "Yesterday, Microsoft issued an official statement" -- Microsoft's statement is of 2020-09-13
    assert arts.loc[SEED_000, "published"] == pd.Timestamp("2020-09-14")
    # 003: after the 2020-09-07 tweet and Microsoft's 2020-09-13 statement, before the Sept. 15 deadline
    assert pd.Timestamp("2020-09-13") <= arts.loc[SEED_003, "published"] < pd.Timestamp("2020-09-15")
    assert arts["published_basis"].str.contains("https://").all()


def test_published_can_be_overridden_per_run():
    c = hc.load_corpus(published={SEED_000: "2020-09-15"})
    arts = c.articles.set_index("article_id")
    assert arts.loc[SEED_000, "published"] == pd.Timestamp("2020-09-15")
    assert arts.loc[SEED_000, "published_overridden"] and not arts.loc[SEED_003, "published_overridden"]


def test_000_has_its_thirteen_lines_as_paragraphs_with_headline_and_fragment(corpus):
    p = corpus.paragraphs[corpus.paragraphs["article_id"] == SEED_000]
    assert len(p) == 13  # 13 non-blank lines in the file
    assert p.iloc[0]["kind"] == "headline"
    assert p.loc[p["text"] == "TikTok Oracle", "kind"].tolist() == ["fragment"]
    assert (p.iloc[1:]["kind"].drop(p.index[p["text"] == "TikTok Oracle"]) == "body").all()


def test_003_has_no_headline_and_one_embedded_post_with_parsed_signature(corpus):
    p = corpus.paragraphs[corpus.paragraphs["article_id"] == SEED_003]
    assert "headline" not in set(p["kind"])  # it opens with a full sentence
    posts = p[p["kind"] == "embedded_post"]
    assert len(posts) == 1
    post = posts.iloc[0]
    assert post["text"].startswith("Trump’s trade war is a failure.")
    assert post["text"].endswith("September 7, 2020")
    assert (post["post_author"], post["post_handle"], post["post_date"], post["post_url"]) == (
        "Nicholas Grossman", "@NGrossman81", "2020-09-07", "https://t.co/TvTtJPkxVJ")
    assert corpus.paragraphs["post_author"].notna().sum() == 1


def test_no_split_at_abbreviations_in_the_seeds(corpus):
    s = sentence_with(corpus, SEED_003, "expires on Sept. 15, China's")
    assert s["text"].startswith("While the deadline") and s["text"].endswith("to any U.S. buyer.")
    s = sentence_with(corpus, SEED_000, "U.S. Department of the Treasury has stated")
    assert s["text"].startswith("The above scheme") and s["text"].endswith("carefully evaluate the proposal.")
    s = sentence_with(corpus, SEED_003, "in the U.S. after Trump")
    assert s["text"].startswith("If so,") and s["text"].endswith("avoid being banned in the country.")


def test_url_and_handle_stay_whole_and_signature_is_its_own_sentence(corpus):
    s = sentence_with(corpus, SEED_003, "https://t.co/TvTtJPkxVJ")
    assert s["text"].startswith("Now it’s clearly failed") and s["voice"] == "embedded_post"
    sig = sentence_with(corpus, SEED_003, "@NGrossman81")
    assert sig["text"] == "— Nicholas Grossman (@NGrossman81) September 7, 2020"


def test_multi_sentence_quote_is_split_and_both_parts_are_direct_quotes(corpus):
    first = sentence_with(corpus, SEED_003, "ByteDance has informed us")
    assert first["text"] == '"ByteDance has informed us they will not sell TikTok\'s US operations to Microsoft.'
    second = sentence_with(corpus, SEED_003, "We were confident")
    assert second["text"].endswith("said Microsoft, which had partnered with Walmart to undertake the operation.")
    assert first["voice"] == second["voice"] == "direct_quote"
    assert second["sentence_no"] == first["sentence_no"] + 1


def test_voices_read_from_the_text(corpus):
    assert sentence_with(corpus, SEED_003, "We are developing solutions")["voice"] == "direct_quote"
    # "trusted tech partner" is a scare-quoted term, not speech
    assert sentence_with(corpus, SEED_003, '"trusted tech partner"')["voice"] == "narration"
    assert sentence_with(corpus, SEED_003, "Trump’s trade war is a failure.")["voice"] == "embedded_post"
    assert set(corpus.sentences.loc[corpus.sentences["article_id"] == SEED_000, "voice"]) == {"narration"}
    post = corpus.sentences[corpus.sentences["voice"] == "embedded_post"]
    assert post["paragraph_kind"].eq("embedded_post").all() and len(post) == 5  # 4 sentences + signature


def test_structure_totals_match_frames(corpus):
    t = overview.structure_by_article(corpus).set_index("article_id")
    assert t.loc["all articles", "n_sentences"] == len(corpus.sentences)
    assert t.loc[SEED_003, "paragraphs_embedded_post"] == 1


@pytest.fixture(scope="module")
def assumptions():
    return load_assumptions()


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in segment.sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith of Microsoft Corp. said no. Then he left.", ["Mr. Smith of Microsoft Corp. said no.", "Then he left."]),
        ("J. K. Rowling wrote it. Larry J. Ellison read it.", ["J. K. Rowling wrote it.", "Larry J. Ellison read it."]),
        ("The deadline is Sept. 15 in the U.S. Treasury's view. Next.",
         ["The deadline is Sept. 15 in the U.S. Treasury's view.", "Next."]),
        ("Trump signed it on Aug. 6. It takes effect in 45 days.", ["Trump signed it on Aug. 6.", "It takes effect in 45 days."]),
        # a town and its state's AP abbreviation end a sentence; "Pte. Ltd." does not
        ("He sells candles from a garage in Tucson, Ariz. Half of his orders came from one video.",
         ["He sells candles from a garage in Tucson, Ariz.", "Half of his orders came from one video."]),
        ("The KCC fined TikTok Pte. Ltd. 186 million won.", ["The KCC fined TikTok Pte. Ltd. 186 million won."]),
        ("See https://t.co/Ab.Cd and www.example.com/a.b?x=1 now. Ask me@example.org. Bye.",
         ["See https://t.co/Ab.Cd and www.example.com/a.b?x=1 now.", "Ask me@example.org.", "Bye."]),
        ("Follow @NGrossman81. He posts a lot.", ["Follow @NGrossman81.", "He posts a lot."]),
        ("Read https://example.com/x.html. It is long.", ["Read https://example.com/x.html.", "It is long."]),
        ('He said: "It is done. It is over." She agreed.', ['He said: "It is done.', 'It is over."', "She agreed."]),
        ("Dr. Who met Gov. Newsom. Fine.", ["Dr. Who met Gov. Newsom.", "Fine."]),
    ],
)
def test_segmenter_rules(text, expected):
    assert spans(text) == expected


def test_paragraph_kinds_on_synthetic_text(assumptions):
    text = ("Short headline here\n\nA body sentence that ends properly.\nPhoto caption\n"
            "Opening line.\nThe post body https://t.co/x — Jane Doe (@jdoe) Sept. 1, 2020\n")
    rows = segment.segment_paragraphs(text, assumptions)
    assert [r["kind"] for r in rows] == ["headline", "body", "fragment", "embedded_post"]
    post = rows[-1]
    assert text[post["start"]:post["end"]].startswith("Opening line.")
    assert (post["post_author"], post["post_handle"], post["post_date"]) == ("Jane Doe", "@jdoe", "2020-09-01")
    # with no lead lines allowed, the post is its signature line alone
    rows = segment.segment_paragraphs(text, assumptions.override({"corpus.post_lead_max_lines": 0}))
    assert [r["kind"] for r in rows] == ["headline", "body", "fragment", "body", "embedded_post"]


def test_speech_versus_scare_quotes():
    text = 'It is a "trusted tech partner" now. "We will not sell," she said.'
    found = [text[s:e] for s, e in segment.speech_spans(text, 0, len(text), 4)]
    assert found == ['"We will not sell,"']


@pytest.mark.parametrize(("text", "expected"), [
    ('“We will not sell to anyone," she said.', ['“We will not sell to anyone,"']),  # mixed marks pair
    ("“They used state power to ‘hunt’ firms,” it said.", ["“They used state power to ‘hunt’ firms,”"]),
    ("Among them are ‘personalised information push service technology’ and more.", []),  # single marks: terms
    ("He wrote: “In recent weeks, as the climate changed, I have thought hard", ["“In recent weeks, as the "
                                                                                "climate changed, I have thought hard"]),
])
def test_speech_spans_read_quotes_as_newsrooms_print_them(text, expected):
    assert [text[s:e] for s, e in segment._open_quote_spans(text, 0, len(text), 4)] == expected


def test_findings_read_right_for_a_corpus_of_one_article(make_data):
    """A reader who analyses one article gets "1 article", not "1 articles" or "article(s)"."""
    from helpers import paths

    data = make_data({SEED_003: (paths.raw_articles() / f"{SEED_003}.txt").read_bytes()})
    text = " ".join(overview.overview_findings(hc.load_corpus(data, use_cache=False)))
    assert "**1 article**" in text and "of 1 article)" in text and "1 embedded social post." in text
    assert "(s)" not in text and "1 articles" not in text


def test_overview_of_an_article_without_quotes_or_posts_says_so(make_data):
    """Article 000 quotes no one directly and embeds no post: the finding says that in words,
    not "0 are direct quotes (in 0 of 1 article) and 0 come from 0 embedded social posts"."""
    from helpers import paths

    data = make_data({SEED_000: (paths.raw_articles() / f"{SEED_000}.txt").read_bytes()})
    text = " ".join(overview.overview_findings(hc.load_corpus(data, use_cache=False)))
    assert "none is a direct quote; no social post is embedded." in text and "0 of 1" not in text
