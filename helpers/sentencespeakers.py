"""Who speaks each sentence: the speaker of the quotation covering most of a sentence that is (mostly)
a quotation other than a partial one, and the author of an embedded post, for tone per speaker
(:mod:`helpers.tone`) and the stakeholder map. :func:`sentence_speakers` is also
:func:`helpers.quotes.sentence_speakers`, where the quotations come from.
"""
from __future__ import annotations

import bisect

import numpy as np
import pandas as pd

from helpers.corpus import Corpus
from helpers.mentions import alias_owners
from helpers.speechcues import UNKNOWN
from helpers.tables import alias_key


def rows_by_article(frame: pd.DataFrame, columns: list[str]) -> dict[str, list[tuple]]:
    """The frame's rows as tuples of ``columns``, per article, in the frame's order within each
    article (plain lists: iterating them is many times faster than iterating the frame)."""
    frame = frame.sort_values("article_id", kind="stable")
    ids = frame["article_id"].to_numpy()
    cols = [frame[c].to_numpy().tolist() for c in columns]
    if not len(ids):
        return {}
    cuts = [0, *(np.flatnonzero(ids[1:] != ids[:-1]) + 1).tolist(), len(ids)]
    return {ids[a]: list(zip(*(c[a:b] for c in cols))) for a, b in zip(cuts, cuts[1:])}


def sentence_speakers(corpus: Corpus, quotes: pd.DataFrame, parties: pd.DataFrame) -> pd.DataFrame:
    """Who speaks each sentence that is (mostly) a quotation other than a partial one, or part of
    an embedded post: ``article_id, sentence_no, speaker_id, cue``. A post's speaker is its author
    as the parties know them (their aliases), else the author's name as signed."""
    owners = alias_owners(parties[["stakeholder_id", "aliases"]])
    rows = []
    s = corpus.sentences
    posts = corpus.paragraphs[corpus.paragraphs["kind"] == "embedded_post"]
    for p in posts.itertuples(index=False):
        author = p.post_author or ""
        speaker = owners.get(alias_key(author), author or UNKNOWN)
        inside = s[(s["article_id"] == p.article_id) & (s["paragraph_no"] == p.paragraph_no)]
        rows += [{"article_id": p.article_id, "sentence_no": int(no), "speaker_id": speaker,
                  "cue": f"post signature: {author} ({p.post_handle})"} for no in inside["sentence_no"]]
    spoken = quotes[quotes["kind"] != "partial"]
    sentences = rows_by_article(s, ["start", "end", "sentence_no"])
    for aid, qs in rows_by_article(spoken, ["start", "end", "speaker_id", "cue"]).items():
        sents = sorted(sentences.get(aid, []))
        starts = [a for a, _, _ in sents]
        best: dict[int, tuple[int, str, str]] = {}  # sentence -> (overlap, speaker, cue) of the quote covering most
        for q0, q1, speaker, cue in qs:
            for a, b, no in sents[max(0, bisect.bisect_right(starts, q0) - 1):bisect.bisect_left(starts, q1)]:
                overlap = min(b, q1) - max(a, q0)
                if overlap > 0 and overlap > best.get(no, (0,))[0]:
                    best[no] = (overlap, speaker, cue)
        rows += [{"article_id": aid, "sentence_no": int(no), "speaker_id": sp, "cue": cue}
                 for no, (_, sp, cue) in sorted(best.items())]
    out = pd.DataFrame(rows, columns=["article_id", "sentence_no", "speaker_id", "cue"])
    return out.drop_duplicates(["article_id", "sentence_no"]).sort_values(["article_id", "sentence_no"]) \
        .reset_index(drop=True)
