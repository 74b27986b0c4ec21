"""Parties, quotes and speakers on the realistic corpus (issue 15, items 1, 2 and 4): precision and
recall of the suite's parties, quote spans, quote speakers and reported-speech speakers against
the hand-written gold of tests/realistic (written before any code saw the texts).

Usage: python benchmarks/eval_voices.py [--quiet]   (``REALISTIC_CORPUS=/path/to/corpus`` reads another corpus of
the same layout: manifest.csv, inputs/, gold/)

How the articles are read: each input of ``tests/realistic/manifest.csv`` is added once, with its
row's flags, into a throwaway data folder (``helpers.ingest.add``, as ``python -m helpers add``
does); a text file naming no full date is refused and then added again with the gold's
``true_published``. The suite then runs as notebooks 02 and 04 run it, with the project's
reference tables.

Matching rules (every comparison of names is on a *key*: case-folded, curly apostrophes
straightened, a leading "the" and a trailing possessive or full stop dropped, white space
collapsed):

- *Scored region.* Only what lies in the article body (from ``body_first_words`` to
  ``body_last_words``, and the closing quotation mark after them when the body ends in a quotation)
  and outside the gold's ``boilerplate_absent`` lines is scored. Gold strings are found in the
  stored text as written, white space flexible.
- *Parties.* A party of the suite is *in* an article when one of its mentions lies in the scored
  region; places and the public (users, creators: gazetteer type ``place`` and ``public``) are
  not parties of this task. Its *forms* in the article are the surfaces of those mentions plus its
  name and label. A gold party is *carried* when some party of the article has the gold name, or
  one of the gold forms, among its forms. A suite party is *right* when its forms meet some gold
  party's name or forms; one whose forms meet the gold's ``not_parties`` is a listed not-party.
- *Quotes.* A gold quote is *found* when one quote span of the suite covers more than half of its
  text (the characters between the marks). A suite quote is *right* when it covers more than
  half of some gold quote; one that covers a gold scare quote instead is a scare quote taken
  for speech.
- *Quote speakers.* A found gold quote's speaker is *right* when the suite's speaker for the
  covering span is the gold speaker's party (their forms meet, as for parties); a gold speaker
  ``unnamed (...)`` is right when the suite names none. Precision is over the suite's quotes
  that name a speaker.
- *Reported speech.* A gold cue is located in its article (searching on from the previous cue,
  so that repeated cues such as "he said" are taken in order). A suite reported-speech item is
  matched to a gold cue when its span overlaps the cue, else when it lies in the cue's sentence.
  A gold cue's speaker is *right* when a matched item names the gold speaker's party (or names
  none, for ``unnamed (...)``). Precision is over every suite reported-speech item in the region.

Prints the table (precision, recall, counts per task), then every miss and false positive.
:func:`evaluate` is what ``tests/test_voices_realistic.py`` runs.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from nameparser import HumanName
from realistic import add_all

from helpers import parties, quotes, reference
from helpers.assumptions import load_assumptions
from helpers.corpus import Corpus
from helpers.mentions import find_mentions

NOT_PARTY_TYPES = ("place", "public")


# --------------------------------------------------------------------------------------------
# The corpus


@dataclass
class Realistic:
    """The realistic corpus loaded as the suite stores it, with each article's gold and the data
    folder it was added to (whose reference tables the suite reads)."""

    corpus: Corpus
    key_of: dict[str, str]  # article id -> manifest key
    gold: dict[str, dict]  # manifest key -> gold file
    data_dir: Path


def load_realistic(data_dir: Path) -> Realistic:
    """Add every input of the realistic corpus to ``data_dir`` (a folder that need not exist) and load it."""
    added = add_all(data_dir)
    return Realistic(added.corpus, added.key_of, added.gold, added.data_dir)


# --------------------------------------------------------------------------------------------
# What the suite says, in one shape


@dataclass
class Voices:
    """The suite's answers: ``mentions`` (article_id, sentence_no, start, end, surface, stakeholder_id),
    ``parties`` (stakeholder_id, name, label, type), ``quotes`` (article_id, start, end, speaker_id)
    and ``reported`` (article_id, sentence_no, start, end, speaker_id)."""

    mentions: pd.DataFrame
    parties: pd.DataFrame
    quotes: pd.DataFrame
    reported: pd.DataFrame


def suite(realistic: Realistic) -> Voices:
    """Run the suite's parties, quotes and attribution on the realistic corpus, as notebooks 02 and 04 do."""
    corpus, data = realistic.corpus, realistic.data_dir
    a = load_assumptions(data / "assumptions.yaml")
    gaz, cues = reference.load("stakeholders", data), reference.load("attribution_cues", data)
    world = parties.open_world(corpus, find_mentions(corpus, gaz), gaz, cues)
    speech = quotes.find_speech(corpus, world.mentions, world.parties, cues, a["corpus.scare_quote_max_words"])
    return Voices(world.mentions, world.parties[["stakeholder_id", "name", "label", "type"]],
                  speech.quotes[["article_id", "start", "end", "speaker_id"]],
                  speech.reported[["article_id", "sentence_no", "start", "end", "speaker_id"]])


# --------------------------------------------------------------------------------------------
# Gold in the stored text


def key(name: str) -> str:
    """How names are compared (see the module docstring)."""
    k = re.sub(r"\s+", " ", str(name).replace("’", "'")).strip().casefold()
    k = re.sub(r"^the ", "", k)
    k = re.sub(r"(?:'s|')$", "", k)
    return k.rstrip(".").strip()


def flexible(needle: str) -> re.Pattern:
    """``needle`` as written, any run of white space matching any other."""
    return re.compile(r"\s+".join(re.escape(w) for w in needle.split()))


def scored_region(gold: dict, stored: str) -> tuple[int, int, list[tuple[int, int]]]:
    """The body's ``[start, end)`` in ``stored`` and the spans of boilerplate lines inside it."""
    first = flexible(gold["body_first_words"]).search(stored)
    lasts = list(flexible(gold["body_last_words"]).finditer(stored))
    start = first.start() if first else 0
    end = lasts[-1].end() if lasts else len(stored)
    while end < len(stored) and stored[end] in "\"”’')»":  # the closing mark of a quotation the body ends in
        end += 1
    skip = [m.span() for line in gold.get("boilerplate_absent", []) for m in flexible(line).finditer(stored)]
    return start, end, skip


def _inside(start: int, end: int, region: tuple[int, int, list[tuple[int, int]]]) -> bool:
    b0, b1, skip = region
    return b0 <= start and end <= b1 and not any(s <= start < t for s, t in skip)


def _locate(needle: str, stored: str, region, after: int = 0) -> tuple[int, int] | None:
    """The first occurrence of ``needle`` in the scored region at or after ``after`` (else anywhere in it)."""
    hits = [m.span() for m in flexible(needle).finditer(stored) if _inside(*m.span(), region)]
    later = [h for h in hits if h[0] >= after]
    return (later or hits or [None])[0]


# --------------------------------------------------------------------------------------------
# Scoring


def _forms_by_party(v: Voices, aid: str, region) -> dict[str, set[str]]:
    """Each party named in the article's scored region, with its forms there (keys)."""
    info = v.parties.set_index("stakeholder_id")
    m = v.mentions[v.mentions["article_id"] == aid]
    out: dict[str, set[str]] = {}
    for r in m.itertuples(index=False):
        if r.stakeholder_id not in info.index or info.loc[r.stakeholder_id, "type"] in NOT_PARTY_TYPES:
            continue
        if not _inside(r.start, r.end, region):
            continue
        forms = out.setdefault(r.stakeholder_id, {key(info.loc[r.stakeholder_id, "name"]),
                                                  key(info.loc[r.stakeholder_id, "label"])})
        forms.add(key(r.surface))
    return out


def _gold_forms(party: dict) -> set[str]:
    """A gold party's name and forms; for a person, the name without the title a gold writer put before it
    ("President Biden" is carried as "Biden": a title is no part of a name, nameparser says which words are one)."""
    forms = {key(party["name"]), *(key(f) for f in party.get("forms", []))}
    if party.get("type") == "person":
        name = HumanName(party["name"])
        if name.title:
            forms.add(key(" ".join(w for w in (name.first, name.middle, name.last, name.suffix) if w)))
    return forms


def _speaker_right(speaker_id: str, gold_speaker: str, gold: dict, forms: dict[str, set[str]], v: Voices) -> bool:
    if gold_speaker.startswith("unnamed"):
        return speaker_id in ("", "unknown", None)
    wanted = next((_gold_forms(p) for p in gold["parties"] if p["name"] == gold_speaker), {key(gold_speaker)})
    info = v.parties.set_index("stakeholder_id")
    names = set(forms.get(speaker_id, set()))
    if speaker_id in info.index:
        names |= {key(info.loc[speaker_id, "name"]), key(info.loc[speaker_id, "label"])}
    return bool(names & wanted)


def evaluate(realistic: Realistic, voices: Voices | None = None) -> dict:
    """Precision and recall per task (see the module docstring): ``table`` (task, precision, recall
    and the counts behind them) and, per task, the rows scored (``parties``, ``suite_parties``,
    ``quotes``, ``suite_quotes``, ``reported``, ``suite_reported``) for the misses and false positives."""
    v = voices or suite(realistic)
    corpus = realistic.corpus
    rows = {k: [] for k in ("parties", "suite_parties", "quotes", "suite_quotes", "reported", "suite_reported")}
    for aid, k in sorted(realistic.key_of.items(), key=lambda kv: kv[1]):
        gold, stored = realistic.gold[k], corpus.texts[aid]
        region = scored_region(gold, stored)
        forms = _forms_by_party(v, aid, region)
        gold_keys = [_gold_forms(p) for p in gold["parties"]]
        not_parties = {key(n) for n in gold.get("not_parties", [])}
        for p, g in zip(gold["parties"], gold_keys):
            by = [sid for sid, f in forms.items() if f & g]
            rows["parties"].append({"key": k, "name": p["name"], "type": p["type"], "carried": bool(by),
                                    "by": "|".join(by)})
        for sid, f in sorted(forms.items()):
            right = any(f & g for g in gold_keys)
            rows["suite_parties"].append({"key": k, "party": sid, "forms": "|".join(sorted(f)), "right": right,
                                          "not_party": bool(f & not_parties) and not right})
        # quotes
        q = v.quotes[v.quotes["article_id"] == aid]
        q = q[[_inside(s, e, region) for s, e in zip(q["start"], q["end"])]] if len(q) else q
        gold_spans, after = [], 0
        for gq in gold.get("quotes", []):
            at = _locate(gq["text"], stored, region, after)
            gold_spans.append(at)
            if at:
                after = at[1]
        scare = [_locate(t, stored, region) for t in gold.get("scare_quotes", [])]
        for gq, at in zip(gold.get("quotes", []), gold_spans):
            best, cover = None, 0.0
            if at:
                for r in q.itertuples(index=False):
                    share = max(0, min(r.end, at[1]) - max(r.start, at[0])) / (at[1] - at[0])
                    if share > cover:
                        best, cover = r, share
            found = cover > 0.5
            speaker = best.speaker_id if found else ""
            rows["quotes"].append({"key": k, "text": gq["text"], "kind": gq["kind"], "speaker": gq["speaker"],
                                   "located": at is not None, "found": found, "suite_speaker": speaker,
                                   "speaker_right": found and _speaker_right(speaker, gq["speaker"], gold, forms, v)})
        for r in q.itertuples(index=False):
            match = [(gq, at) for gq, at in zip(gold.get("quotes", []), gold_spans) if _covers(r, at)]
            named = r.speaker_id not in ("", "unknown")
            rows["suite_quotes"].append({
                "key": k, "text": stored[r.start:r.end], "speaker_id": r.speaker_id, "right": bool(match),
                "scare": any(_covers(r, s) for s in scare) and not match, "named": named,
                "speaker_right": named and any(_speaker_right(r.speaker_id, gq["speaker"], gold, forms, v)
                                               for gq, _ in match)})
        # reported speech
        s = corpus.sentences[corpus.sentences["article_id"] == aid]
        rep = v.reported[v.reported["article_id"] == aid]
        rep = rep[[_inside(a, b, region) for a, b in zip(rep["start"], rep["end"])]] if len(rep) else rep
        used: set[int] = set()
        after = 0
        for g in gold.get("reported_speech", []):
            at = _locate(g["cue"], stored, region, after)
            if at is None:
                rows["reported"].append({"key": k, "cue": g["cue"], "speaker": g["speaker"], "located": False,
                                         "found": False, "suite_speaker": "", "speaker_right": False})
                continue
            after = at[1]
            sent = s[(s["start"] <= at[0]) & (s["end"] > at[0])]
            no = int(sent["sentence_no"].iloc[0]) if len(sent) else -1
            over = rep[(rep["start"] < at[1]) & (rep["end"] > at[0])]
            same = over if len(over) else rep[rep["sentence_no"] == no]
            used |= set(same.index)
            speakers = list(same["speaker_id"])
            rows["reported"].append({"key": k, "cue": g["cue"], "speaker": g["speaker"], "located": True,
                                     "found": bool(len(same)), "suite_speaker": "|".join(map(str, speakers)),
                                     "speaker_right": any(_speaker_right(x, g["speaker"], gold, forms, v)
                                                          for x in speakers)})
        right_items = {i for i in used if any(
            _speaker_right(rep.loc[i, "speaker_id"], g["speaker"], gold, forms, v) for g in gold.get("reported_speech", []))}
        for i, r in rep.iterrows():
            rows["suite_reported"].append({"key": k, "sentence": stored[r["start"]:r["end"]][:160],
                                           "speaker_id": r["speaker_id"], "matched": i in used,
                                           "right": i in used and i in right_items})
    frames = {name: pd.DataFrame(r) for name, r in rows.items()}
    frames["table"] = _table(frames)
    return frames


def _covers(quote, span) -> bool:
    """Whether a suite quotation covers more than half of a gold span."""
    return span is not None and max(0, min(quote.end, span[1]) - max(quote.start, span[0])) / (span[1] - span[0]) > 0.5


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def _table(f: dict[str, pd.DataFrame]) -> pd.DataFrame:
    p, sp, q, sq, r, sr = (f[n] for n in ("parties", "suite_parties", "quotes", "suite_quotes", "reported",
                                          "suite_reported"))
    named = sq[sq["named"]] if len(sq) else sq
    out = [
        ("parties (people and organisations)", int(sp["right"].sum()), len(sp), int(p["carried"].sum()), len(p)),
        ("quotes (spans)", int(sq["right"].sum()) if len(sq) else 0, len(sq), int(q["found"].sum()), len(q)),
        ("quote speakers", int(named["speaker_right"].sum()) if len(named) else 0, len(named),
         int(q["speaker_right"].sum()), len(q)),
        ("reported-speech speakers", int(sr["right"].sum()) if len(sr) else 0, len(sr),
         int(r["speaker_right"].sum()), len(r)),
    ]
    return pd.DataFrame([{"task": t, "precision": _ratio(pr, pn), "recall": _ratio(rr, rn), "right": pr,
                          "suite": pn, "gold_right": rr, "gold": rn} for t, pr, pn, rr, rn in out])


def report(result: dict, quiet: bool = False) -> str:
    t = result["table"]
    lines = ["| task | precision | recall |", "| --- | ---: | ---: |"]
    for r in t.itertuples():
        lines.append(f"| {r.task} | {r.precision:.2f} ({r.right}/{r.suite}) | {r.recall:.2f} ({r.gold_right}/{r.gold}) |")
    sp = result["suite_parties"]
    lines.append(f"\nlisted not-parties among the parties: {int(sp['not_party'].sum())}"
                 + (f" ({', '.join(sp.loc[sp['not_party'], 'forms'])})" if sp["not_party"].any() else ""))
    q = result["quotes"]
    lines.append("quote recall by kind: " + ", ".join(
        f"{kind} {g['found'].mean():.2f} ({int(g['found'].sum())}/{len(g)})" for kind, g in q.groupby("kind")))
    if quiet:
        return "\n".join(lines)
    p = result["parties"]
    lines.append("\nparties missed:")
    lines += [f"  {r.key}: {r.name} ({r.type})" for r in p[~p["carried"]].itertuples()]
    lines.append("\nparties not in the gold:")
    lines += [f"  {r.key}: {r.party} [{r.forms}]" + (" (a listed not-party)" if r.not_party else "")
              for r in sp[~sp["right"]].itertuples()]
    lines.append("\nquotes missed or with the wrong speaker:")
    lines += [f"  {r.key}: [{r.kind}] {r.text[:70]!r} — gold {r.speaker}; "
              + (f"suite {r.suite_speaker}" if r.found else "not found" + ("" if r.located else " (not in the text)"))
              for r in q[~q["speaker_right"]].itertuples()]
    sq = result["suite_quotes"]
    lines.append("\nsuite quotes not in the gold:")
    lines += [f"  {r.key}: {r.text[:80]!r}" + (" (a gold scare quote)" if r.scare else "")
              for r in sq[~sq["right"]].itertuples()]
    r = result["reported"]
    lines.append("\nreported speech missed or with the wrong speaker:")
    lines += [f"  {x.key}: {x.cue!r} — gold {x.speaker}; " + (f"suite {x.suite_speaker}" if x.found else "not found")
              for x in r[~r["speaker_right"]].itertuples()]
    sr = result["suite_reported"]
    lines.append("\nsuite reported speech not in the gold (or with the wrong speaker):")
    lines += [f"  {x.key}: {x.speaker_id}: {x.sentence!r}" for x in sr[~sr["right"]].itertuples()]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quiet", action="store_true", help="the table only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = evaluate(load_realistic(Path(tmp) / "data"))
    print(report(result, args.quiet))
    t = result["table"].set_index("task")
    print("\n" + " ".join(f"{name}_{m}={t.loc[task, m]:.3f}" for name, task in (
        ("parties", "parties (people and organisations)"), ("quotes", "quotes (spans)"),
        ("quote_speakers", "quote speakers"), ("reported_speakers", "reported-speech speakers"))
        for m in ("precision", "recall")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
