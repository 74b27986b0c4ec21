"""Temporal extraction and resolution speed over a 1,000-article corpus (issue 4: at least
20,000 sentences/s on one core).

Usage: python benchmarks/bench_timeline.py [N_ARTICLES]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import best_of, synthetic_corpus  # noqa: E402

from helpers import temporal  # noqa: E402
from helpers.assumptions import load_assumptions  # noqa: E402


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    corpus = synthetic_corpus(n)
    n_sent = len(corpus.sentences)
    window = load_assumptions()["timeline.tense_window_days"]
    best = best_of(lambda: temporal.find_temporal_expressions(corpus, window), 3)
    print(f"articles={n} sentences={n_sent} expressions={len(temporal.find_temporal_expressions(corpus, window))}")
    print(f"find_temporal_expressions: {best:.3f} s = {n_sent / best:,.0f} sentences/s (best of 3, one process)")
    print(f"timeline_sentences_per_s={n_sent / best:.0f}")
    return 0 if n_sent / best >= 20_000 else 1


if __name__ == "__main__":
    sys.exit(main())
