"""The corpus overview (notebook 00): what the articles are made of, the checks that their
offsets hold, and the findings.

All functions take a loaded :class:`~helpers.corpus.Corpus` and return frames or sentences.
"""
from __future__ import annotations

import pandas as pd

from helpers.corpus import PAD, PARAGRAPH_KINDS, VOICES, Corpus
from helpers.text import counted, md_text


def structure_by_article(corpus: Corpus) -> pd.DataFrame:
    """Per article: paragraphs by kind and sentences by voice (counts), with totals."""
    kinds = pd.crosstab(corpus.paragraphs["article_id"], corpus.paragraphs["kind"])
    kinds = kinds.reindex(columns=list(PARAGRAPH_KINDS), fill_value=0).add_prefix("paragraphs_")
    voices = pd.crosstab(corpus.sentences["article_id"], corpus.sentences["voice"])
    voices = voices.reindex(columns=list(VOICES), fill_value=0).add_prefix("sentences_")
    table = corpus.articles.set_index("article_id")[["n_words", "n_paragraphs", "n_sentences"]]
    table = table.join(kinds).join(voices).fillna(0).astype("int64")
    total = table.sum().to_frame("all articles").T
    out = pd.concat([table, total])
    out.index.name = "article_id"
    return out.reset_index()


def offset_mismatches(corpus: Corpus) -> pd.DataFrame:
    """Rows of ``paragraphs`` and ``sentences`` whose offsets do not slice to their text (should be none)."""
    rows = []
    for name in ("paragraphs", "sentences"):
        frame = getattr(corpus, name)
        for r in frame.itertuples(index=False):
            if corpus.texts[r.article_id][r.start:r.end] != r.text:
                rows.append({"frame": name, "article_id": r.article_id, "start": r.start, "end": r.end})
    return pd.DataFrame(rows, columns=["frame", "article_id", "start", "end"])


def uncovered_characters(corpus: Corpus) -> pd.DataFrame:
    """Per article, non-space characters that no sentence covers (should be zero everywhere)."""
    rows = []
    for aid, text in sorted(corpus.texts.items()):
        covered = bytearray(len(text))
        for s, e in corpus.sentences.loc[corpus.sentences["article_id"] == aid, ["start", "end"]].itertuples(index=False):
            covered[s:e] = b"\x01" * (e - s)
        missing = sum(1 for i, ch in enumerate(text) if not covered[i] and ch not in PAD)
        rows.append({"article_id": aid, "uncovered_chars": missing})
    return pd.DataFrame(rows, columns=["article_id", "uncovered_chars"])


def voice_plot_data(corpus: Corpus) -> pd.DataFrame:
    """What the sentence-voice strip draws: every sentence's place in its article and its voice."""
    return corpus.sentences[["article_id", "sentence_no", "start", "end", "voice"]]


def overview_findings(corpus: Corpus) -> list[str]:
    """Notebook 00's findings, as sentences computed from the corpus (never typed by hand)."""
    arts, sents, paras = corpus.articles, corpus.sentences, corpus.paragraphs
    voice_n = sents["voice"].value_counts()
    posts = paras[paras["kind"] == "embedded_post"]
    quoted_in = sents.loc[sents["voice"] == "direct_quote", "article_id"].nunique()
    dates = ", ".join(f"{r.article_id[:3]} {r.published:%Y-%m-%d}" for r in arts.itertuples())
    lines = [
        f"The corpus holds **{counted(len(arts), 'article')}** ({counted(int(arts['n_words'].sum()), 'word')}, "
        f"{counted(len(sents), 'sentence')}); "
        f"the outlet is known for {int((arts['outlet'] != 'unknown').sum())} of {len(arts)}.",
        f"No article states its date: publication dates are inferred from the text ({dates}); "
        f"{int(arts['published_overridden'].sum())} overridden in this run.",
        f"**{voice_n.get('narration', 0)} of {len(sents)} sentences** are the authors' narration, "
        + (f"{voice_n.get('direct_quote', 0)} are direct quotes (in {quoted_in} of {counted(len(arts), 'article')})"
           if voice_n.get("direct_quote", 0) else "none is a direct quote")
        + (f" and {voice_n.get('embedded_post', 0)} come from {counted(len(posts), 'embedded social post')}."
           if len(posts) else "; no social post is embedded."),
    ]
    lines += [f"Embedded post by {md_text(p.post_author)} ({md_text(p.post_handle)}), dated {p.post_date}, in article "
              f"{md_text(p.article_id[:3])} at characters {p.start}–{p.end}." for p in posts.itertuples()]
    return lines
