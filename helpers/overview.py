"""The corpus overview (notebook 00): what the articles are made of, the checks that their
offsets hold, and the findings.

All functions take a loaded :class:`~helpers.corpus.Corpus` and return frames or sentences.
"""
from __future__ import annotations

import pandas as pd

from helpers.corpus import Corpus
from helpers.labels import article_rows, date_basis, is_known, row_shares
from helpers.segment import PAD, PARAGRAPH_KINDS, VOICES
from helpers.text import counted, md_text, some


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


def voice_plot_data(corpus: Corpus, max_rows: int) -> pd.DataFrame:
    """What the voice figure draws, in a form readable at any corpus size.

    Up to ``max_rows`` articles (``attrs["form"]`` sentences): every sentence with its article's
    row (``row_label, row_order``), offsets and voice. Beyond (``shares``): per outlet row (see
    :func:`helpers.corpus.article_rows`), the sentences of each voice, their share and the number
    of articles."""
    rows = article_rows(corpus.articles, max_rows)
    s = corpus.sentences.merge(rows, on="article_id")
    if rows.attrs["rows"] == "article":
        plotted = s[["article_id", "row_label", "row_order", "sentence_no", "start", "end", "voice"]]
        plotted = plotted.sort_values(["row_order", "sentence_no"]).reset_index(drop=True)
        plotted.attrs["form"] = "sentences"
        return plotted
    return row_shares(s, "voice", list(VOICES))


def voice_caption(plotted: pd.DataFrame, corpus: Corpus) -> str:
    """The voice figure's caption, for the form it was drawn in."""
    n, s = len(corpus.articles), len(corpus.sentences)
    method = "Segmentation: sentencex with the suite's rules (notebook 00)."
    if plotted.attrs["form"] == "sentences":
        return (f"Each article (n={n}) as a strip of its {s} sentences, in characters, coloured by voice "
                f"(narration, direct quote, embedded post). {method}")
    rows = plotted["row_key"].nunique()
    return (f"The share of each voice among the sentences of each outlet's articles (n={n} articles, {s} sentences, "
            f"{rows} rows: the outlets with the most articles, then all others). {method}")


def overview_findings(corpus: Corpus) -> list[str]:
    """Notebook 00's findings, as sentences computed from the corpus (never typed by hand)."""
    arts, sents, paras = corpus.articles, corpus.sentences, corpus.paragraphs
    voice_n = sents["voice"].value_counts()
    posts = paras[paras["kind"] == "embedded_post"]
    quoted_in = sents.loc[sents["voice"] == "direct_quote", "article_id"].nunique()
    outlets = arts.loc[arts["outlet"].map(is_known), "outlet"]
    lines = [
        f"The corpus holds **{counted(len(arts), 'article')}** ({counted(int(arts['n_words'].sum()), 'word')}, "
        f"{counted(len(sents), 'sentence')}); the outlet is known for {len(outlets)} of {len(arts)}"
        + (f" ({counted(outlets.nunique(), 'outlet')})." if len(outlets) else "."),
        _date_finding(arts),
        f"**{voice_n.get('narration', 0)} of {len(sents)} sentences** are the authors' narration, "
        + (f"{voice_n.get('direct_quote', 0)} are direct quotes (in {quoted_in} of {counted(len(arts), 'article')})"
           if voice_n.get("direct_quote", 0) else "none is a direct quote")
        + (f" and {voice_n.get('embedded_post', 0)} come from {counted(len(posts), 'embedded social post')}."
           if len(posts) else "; no social post is embedded."),
    ]
    labels = dict(zip(arts["article_id"], arts["label"]))
    if 0 < len(posts) <= 3:
        lines += [f"Embedded post by {md_text(p.post_author)} ({md_text(p.post_handle)}), dated {p.post_date}, in "
                  f"{md_text(labels[p.article_id])} at characters {p.start}–{p.end}." for p in posts.itertuples()]
    elif len(posts):
        authors = sorted(set(posts["post_author"].fillna("unknown")))
        lines.append(f"{counted(len(posts), 'embedded post')} by {counted(len(authors), 'author')} "
                     f"({some([md_text(a) for a in authors])}) in {counted(posts['article_id'].nunique(), 'article')}.")
    return lines


def _date_finding(arts: pd.DataFrame) -> str:
    """How many articles state their date, which are inferred, how many overridden in this run."""
    n = len(arts)
    basis = arts["published_basis"].map(lambda b: date_basis(b, False))
    stated = int((basis == "stated").sum())
    inferred = arts[basis == "inferred"]
    overridden = int(arts["published_overridden"].sum())
    named = some([md_text(label) for label in inferred["label"]])
    if stated == n:
        head = "Every article states its date" if n > 1 else "The article states its date"
    elif stated == 0:
        which = ("its publication date is" if n == 1 else "both publication dates are" if n == 2
                 else f"all {n} publication dates are")
        head = f"No article states its date: {which} inferred from the text ({named})"
    else:
        head = (f"{stated} of {counted(n, 'article')} state their date; {len(inferred)} "
                f"{'is' if len(inferred) == 1 else 'are'} inferred ({named})")
    return f"{head}; {overridden} overridden in this run."
