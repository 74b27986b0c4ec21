"""Mention finding speed over a 1,000-article corpus (issue 3: at least 20,000 sentences/s on one core).

Usage: python benchmarks/bench_mentions.py [N_ARTICLES]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import best_of, synthetic_corpus  # noqa: E402

from helpers import reference  # noqa: E402
from helpers import stakeholders as st  # noqa: E402
from helpers.mentions import AliasMatcher, find_mentions  # noqa: E402


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    corpus = synthetic_corpus(n)
    gazetteer = reference.load("stakeholders")
    matcher = AliasMatcher.from_gazetteer(gazetteer)
    n_sent = len(corpus.sentences)
    seconds = best_of(lambda: find_mentions(corpus, gazetteer, matcher), 5)
    mentions = find_mentions(corpus, gazetteer, matcher)
    compile_s = best_of(lambda: AliasMatcher.from_gazetteer(gazetteer), 5)
    patterns, cues = reference.load("relation_patterns"), reference.load("hedge_cues")
    rel_s = best_of(lambda: st.find_relations(corpus, mentions, patterns, cues), 1)
    print(f"articles={n} sentences={n_sent} mentions={len(mentions)}")
    print(f"find_mentions: {seconds:.3f} s = {n_sent / seconds:,.0f} sentences/s (best of 5, one process)")
    print(f"matcher compile: {compile_s * 1000:.1f} ms; find_relations: {n_sent / rel_s:,.0f} sentences/s")
    print(f"mentions_sentences_per_s={n_sent / seconds:.0f}")
    return 0 if n_sent / seconds >= 20_000 else 1


if __name__ == "__main__":
    sys.exit(main())
