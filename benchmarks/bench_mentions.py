"""Mentions, parties and quotes over a 1,000-article corpus (issue 3: mentions at least 20,000
sentences/s on one core; issue 15: mentions, open-world parties and quotations with their
speakers together at least 20,000 sentences/s).

The synthetic corpus repeats the seed articles, so the paragraph memo of the party finder and the
text memos of the speaker finder (a paragraph or sentence read once reads the same again) always
hit; the worst case, no paragraph ever seen before, is timed too, on the realistic corpus's texts
repeated with every word shifted (``--worst``).

Usage: python benchmarks/bench_mentions.py [N_ARTICLES] [--worst]
"""
from __future__ import annotations

import gc
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import best_of, synthetic_corpus  # noqa: E402

from helpers import parties, quotes, reference  # noqa: E402
from helpers import stakeholders as st  # noqa: E402
from helpers.assumptions import load_assumptions  # noqa: E402
from helpers.mentions import AliasMatcher, find_mentions  # noqa: E402


def together(corpus, gazetteer, cues, matcher, scare_max: int):
    """What notebooks 02 and 04 compute first: mentions, open-world parties, quotations and speakers."""
    mentions = find_mentions(corpus, gazetteer, matcher)
    world = parties.open_world(corpus, mentions, gazetteer, cues)
    return world, quotes.find_speech(corpus, world.mentions, world.parties, cues, scare_max)


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 1000
    corpus = synthetic_corpus(n)
    gazetteer, cues = reference.load("stakeholders"), reference.load("attribution_cues")
    gc.freeze()  # as a notebook's set-up does: the corpus lives for the whole run, no collection need walk it
    scare_max = load_assumptions()["corpus.scare_quote_max_words"]
    matcher = AliasMatcher.from_gazetteer(gazetteer)
    n_sent = len(corpus.sentences)
    seconds = best_of(lambda: find_mentions(corpus, gazetteer, matcher), 5)
    mentions = find_mentions(corpus, gazetteer, matcher)
    compile_s = best_of(lambda: AliasMatcher.from_gazetteer(gazetteer), 5)
    patterns, hedges = reference.load("relation_patterns"), reference.load("hedge_cues")
    rel_s = best_of(lambda: st.find_relations(corpus, mentions, patterns, hedges), 1)
    together(corpus, gazetteer, cues, matcher, scare_max)  # once, to load the place lists and lexicons
    world = parties.open_world(corpus, mentions, gazetteer, cues)
    parties_s = best_of(lambda: parties.open_world(corpus, mentions, gazetteer, cues), 5)
    quotes_s = best_of(lambda: quotes.find_speech(corpus, world.mentions, world.parties, cues, scare_max), 5)
    all_s = best_of(lambda: together(corpus, gazetteer, cues, matcher, scare_max), 5)
    print(f"articles={n} sentences={n_sent} mentions={len(mentions)} parties={int((world.parties['articles'] > 0).sum())}")
    print(f"find_mentions: {seconds:.3f} s = {n_sent / seconds:,.0f} sentences/s (best of 5, one process)")
    print(f"matcher compile: {compile_s * 1000:.1f} ms; find_relations: {n_sent / rel_s:,.0f} sentences/s")
    print(f"open_world: {n_sent / parties_s:,.0f} sentences/s; find_speech: {n_sent / quotes_s:,.0f} sentences/s")
    print(f"mentions, parties and quotes together: {all_s:.3f} s = {n_sent / all_s:,.0f} sentences/s (best of 5)")
    ok = n_sent / seconds >= 20_000 and n_sent / all_s >= 20_000
    if "--worst" in sys.argv:
        worst = _worst_case_corpus()
        w_sent = len(worst.sentences)
        worst_s = best_of(lambda: together(worst, gazetteer, cues, matcher, scare_max), 3)
        print(f"worst case (no paragraph seen before, {w_sent} sentences): {w_sent / worst_s:,.0f} sentences/s")
    print(f"mentions_sentences_per_s={n_sent / seconds:.0f} together_sentences_per_s={n_sent / all_s:.0f}")
    return 0 if ok else 1


def _worst_case_corpus():
    """The corpora of tests/corpora.py (seeds, held-out and realistic texts), 200 articles of
    paragraphs drawn from them, each paragraph made new by a word of its own."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from corpora import build  # noqa: E402 - the test corpora are the benchmark's texts here

    from helpers.corpus import load_corpus

    with tempfile.TemporaryDirectory() as tmp:
        data = build(Path(tmp) / "data", 200)
        for i, path in enumerate(sorted((data / "raw" / "articles").glob("*.txt"))):
            lines = path.read_text(encoding="utf-8").split("\n")
            path.write_text("\n".join(f"{line} ref{i}x{k}" if line.strip() else line for k, line in enumerate(lines)),
                            encoding="utf-8")
        return load_corpus(data, use_cache=False)


if __name__ == "__main__":
    sys.exit(main())
