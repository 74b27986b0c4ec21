"""Dates on the realistic corpus (issue 15, item 3): precision and recall of
``helpers.temporal.find_temporal_expressions`` against the hand-written gold of tests/realistic.

Usage: python benchmarks/eval_dates.py [--quiet]   (``REALISTIC_CORPUS=/path/to/tests/realistic`` reads
the corpus from another checkout)

How the articles are read: each input of ``tests/realistic/manifest.csv`` is added once, with its
row's flags, into a throwaway data folder (``helpers.ingest.add``, as ``python -m helpers add``
does); a text file naming no full date is refused and then added again with the gold's
``true_published``. The corpus is loaded with every article's true publication date (the
manifest's ``published``, else the gold's ``true_published``) and the expressions are found with
the assumption ``timeline.tense_window_days``.

How found expressions are matched to gold:

- *Gold spans.* A gold date's text is looked for, as whole words, in the text its gold was checked
  against (``check_gold.py``'s body); an entry with ``occurrence`` is that occurrence, one without
  is every occurrence. Each occurrence is carried over to the stored article text by its context
  (up to 40 characters either side, narrowed until it is found once), white space collapsed. An
  occurrence inside a longer gold span ("August" inside "August 6, 2020") belongs to the longer one.
- *Scored region.* Only expressions and gold dates inside the article body (from
  ``body_first_words`` to ``body_last_words``) and outside the gold's ``boilerplate_absent`` lines
  are scored: the body excludes headline, byline, captions and "WATCH:" lines. Expressions of
  kind ``vague`` ("recently", "now") are not scored either: the gold leaves vague spans out.
- *A match* is an overlap of character spans (``[start, end)``) in the stored text. A found
  expression is *right* when it overlaps a gold date whose value equals its own (a time-of-day
  suffix dropped: ``2020-09-27TNI`` is ``2020-09-27``).
- *Precision* = found (scored) expressions that are right / found (scored) expressions.
  *Recall* = gold dates overlapped by a right expression / gold dates.

Prints the totals, recall per gold kind, precision per kind the engine gave, then every miss and
false positive. :func:`evaluate` is what ``tests/test_dates_realistic.py`` runs.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from realistic import add_all

from helpers import paths, temporal
from helpers.assumptions import load_assumptions

CONTEXT = 40


def _check_gold():
    """tests/realistic/check_gold.py as a module (its ``Article`` gives the text the gold was checked
    against; it reads the corpus ``REALISTIC_CORPUS`` names, as :mod:`realistic` does)."""
    spec = importlib.util.spec_from_file_location("check_gold", paths.ROOT / "tests" / "realistic" / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Realistic:
    """The realistic corpus loaded as the suite stores it, with each article's gold."""

    corpus: object
    key_of: dict[str, str]  # article id -> manifest key
    gold: dict[str, dict]  # manifest key -> gold file
    reference: dict[str, str]  # manifest key -> the text the gold was checked against


def load_realistic(data_dir: Path) -> Realistic:
    """Add every input of the realistic corpus to ``data_dir`` (a folder that need not exist) and load it."""
    added = add_all(data_dir)
    rows, corpus, key_of, gold = added.rows, added.corpus, added.key_of, added.gold
    check_gold = _check_gold()
    reference = {}
    for row in rows:
        article = check_gold.Article(row)
        article.load()
        reference[row["key"]] = check_gold.collapse(article.body)
    return Realistic(corpus, key_of, gold, reference)


# --------------------------------------------------------------------------------------------
# Gold spans in the stored text


def _collapsed(text: str) -> tuple[str, list[int]]:
    """``text`` with white space runs as one space, and each of its characters' offset in ``text``."""
    out, where, last_space = [], [], False
    for i, ch in enumerate(text):
        if ch.isspace():
            if last_space:
                continue
            out.append(" ")
            last_space = True
        else:
            out.append(ch)
            last_space = False
        where.append(i)
    where.append(len(text))
    return "".join(out), where


def _whole(needle: str) -> re.Pattern:
    return re.compile((r"(?<!\w)" if needle[0].isalnum() else "") + re.escape(needle)
                      + (r"(?!\w)" if needle[-1].isalnum() else ""))


def _carry(ref: str, start: int, end: int, stored: str) -> int | None:
    """Where ``ref[start:end]`` is in ``stored``: its context, narrowed until it is found once."""
    for width in (CONTEXT, 25, 12, 5):
        for left, right in ((width, width), (width, 0), (0, width)):
            probe = ref[max(0, start - left):end + right]
            at = [m.start() for m in re.finditer(re.escape(probe), stored)]
            if len(at) == 1:
                return at[0] + min(left, start)
    return None


def gold_spans(key: str, gold: dict, reference: str, stored: str) -> tuple[list[dict], list[dict]]:
    """The gold dates of one article as spans of ``stored`` (the article as the suite stores it), and
    those that could not be placed there (text the reading of the input lost)."""
    flat, where = _collapsed(stored)
    spans, lost = [], []
    for g in gold.get("dates", []):
        hits = list(_whole(g["text"]).finditer(reference))
        if g.get("occurrence"):
            hits = hits[g["occurrence"] - 1:g["occurrence"]]
        for h in hits:
            at = _carry(reference, h.start(), h.end(), flat)
            item = {"key": key, "text": g["text"], "value": g["value"], "kind": g["kind"],
                    "anchor": g.get("anchor", ""), "note": g.get("note", "")}
            if at is None:
                lost.append(item)
                continue
            spans.append({**item, "start": where[at], "end": where[at + len(g["text"]) - 1] + 1})
    # an occurrence inside a longer gold span is part of that one
    inner = {i for i, a in enumerate(spans) for j, b in enumerate(spans) if i != j and b["start"] <= a["start"]
             and a["end"] <= b["end"] and (b["end"] - b["start"]) > (a["end"] - a["start"])}
    return [s for i, s in enumerate(spans) if i not in inner], lost


def scored_region(gold: dict, stored: str) -> tuple[int, int, list[tuple[int, int]]]:
    """The body's ``[start, end)`` in ``stored`` and the spans of boilerplate lines inside it."""
    flat, where = _collapsed(stored)
    first = flat.find(re.sub(r"\s+", " ", gold["body_first_words"]))
    last_words = re.sub(r"\s+", " ", gold["body_last_words"])
    last = flat.rfind(last_words)
    start = where[first] if first >= 0 else 0
    end = where[last + len(last_words)] if last >= 0 else len(stored)
    skip = []
    for line in gold.get("boilerplate_absent", []):
        needle = re.sub(r"\s+", " ", line)
        for m in re.finditer(re.escape(needle), flat):
            skip.append((where[m.start()], where[m.end()]))
    return start, end, skip


# --------------------------------------------------------------------------------------------
# Scoring


def _date_part(value: str) -> str:
    return re.sub(r"^(\d{4}-\d{2}-\d{2})T\w+$", r"\1", str(value))


def evaluate(realistic: Realistic, window_days: int | None = None) -> dict:
    """Precision and recall of the dates found in the realistic corpus (see the module docstring).

    Returns ``precision, recall, n_found, n_gold``, the frames ``found`` (one row per scored
    expression: ``right``, ``overlaps``, ``gold_value``) and ``gold`` (one row per gold date:
    ``right``, ``found_value``), and ``lost`` (gold dates not in the stored text) and
    ``outside`` (expressions not scored: outside the body or vague)."""
    if window_days is None:
        window_days = load_assumptions()["timeline.tense_window_days"]
    expressions = temporal.find_temporal_expressions(realistic.corpus, window_days)
    found_rows, gold_rows, lost, outside = [], [], [], 0
    n_entries = sum(len(realistic.gold[key].get("dates", [])) for key in realistic.key_of.values())
    for aid, key in sorted(realistic.key_of.items(), key=lambda kv: kv[1]):
        stored = realistic.corpus.texts[aid]
        spans, missing = gold_spans(key, realistic.gold[key], realistic.reference[key], stored)
        lost += missing
        b0, b1, skip = scored_region(realistic.gold[key], stored)
        spans = [g for g in spans if b0 <= g["start"] and g["end"] <= b1 and not any(s <= g["start"] < t for s, t in skip)]
        mine = expressions[expressions["article_id"] == aid]
        scored = []
        for e in mine.itertuples(index=False):
            if e.kind == "vague" or e.start < b0 or e.end > b1 or any(s <= e.start < t for s, t in skip):
                outside += 1
                continue
            scored.append(e)
        for e in scored:
            over = [g for g in spans if g["start"] < e.end and e.start < g["end"]]
            right = any(_date_part(e.value) == g["value"] for g in over)
            found_rows.append({"key": key, "text": e.text, "kind": e.kind, "rule": e.rule, "value": e.value,
                               "right": right, "overlaps": bool(over),
                               "gold_value": "|".join(g["value"] for g in over), "start": e.start,
                               "sentence": _sentence(realistic.corpus, aid, e.sentence_no)})
        for g in spans:
            over = [e for e in scored if g["start"] < e.end and e.start < g["end"]]
            right = any(_date_part(e.value) == g["value"] for e in over)
            gold_rows.append({**g, "right": right, "found_value": "|".join(str(e.value) for e in over),
                              "found_text": "|".join(e.text for e in over),
                              "context": stored[max(0, g["start"] - 60):g["end"] + 40].replace("\n", " ")})
    found = pd.DataFrame(found_rows, columns=["key", "text", "kind", "rule", "value", "right", "overlaps",
                                              "gold_value", "start", "sentence"])
    gold = pd.DataFrame(gold_rows)
    return {"precision": found["right"].mean() if len(found) else 1.0, "recall": gold["right"].mean(),
            "n_found": len(found), "n_gold": len(gold), "n_entries": n_entries, "found": found, "gold": gold,
            "lost": lost, "outside": outside}


def _sentence(corpus, aid: str, no: int) -> str:
    s = corpus.sentences
    hit = s[(s["article_id"] == aid) & (s["sentence_no"] == no)]
    return hit.iloc[0]["text"] if len(hit) else ""


def report(result: dict, quiet: bool = False) -> str:
    found, gold = result["found"], result["gold"]
    lines = [f"dates: precision {result['precision']:.3f} ({found['right'].sum()}/{len(found)} found right), "
             f"recall {result['recall']:.3f} ({gold['right'].sum()}/{len(gold)} gold dates found right: the "
             f"{result['n_entries']} entries of the gold, each repeat of a text counted)",
             f"not scored: {result['outside']} expressions outside the body or vague; "
             f"{len(result['lost'])} gold dates not in the stored text", "", "recall per gold kind:"]
    for kind, g in gold.groupby("kind"):
        lines.append(f"  {kind:<10} {g['right'].mean():.3f}  ({g['right'].sum()}/{len(g)})")
    lines.append("precision per found kind:")
    for kind, f in found.groupby("kind"):
        lines.append(f"  {kind:<15} {f['right'].mean():.3f}  ({f['right'].sum()}/{len(f)})")
    if not quiet:
        lines.append("\nmisses (gold date not found with its value):")
        for g in gold[~gold["right"]].itertuples():
            how = f"found {g.found_text!r} = {g.found_value}" if g.found_value else "not found"
            anchor = " [anchor: speech]" if g.anchor else ""
            lines.append(f"  {g.key}: {g.text!r} gold {g.value} ({g.kind}){anchor}; {how}\n      … {g.context} …")
        lines.append("\nfalse positives (found, not a gold date with that value):")
        for f in found[~found["right"]].itertuples():
            why = f"gold {f.gold_value}" if f.overlaps else "no gold date there"
            lines.append(f"  {f.key}: {f.text!r} = {f.value} ({f.rule}); {why}\n      … {f.sentence[:200]} …")
        for g in result["lost"]:
            lines.append(f"  lost in reading: {g['key']}: {g['text']!r}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quiet", action="store_true", help="totals and per-kind figures only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = evaluate(load_realistic(Path(tmp) / "data"))
    print(report(result, args.quiet))
    print(f"\ndates_precision={result['precision']:.3f} dates_recall={result['recall']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
