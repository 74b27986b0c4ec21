"""Test corpora of any size with mixed metadata, built from texts kept in the project.

The texts are the two seeds, the held-out articles (tests/heldout) and the realistic corpus's
plain-text and export articles (tests/realistic/inputs); a corpus larger than that adds articles
composed of paragraphs drawn from all of them (seeded), each one distinct. The
metadata mixes what real coverage brings: outlets known and unknown, dates stated and inferred,
ids of several shapes, two of which share their first ten characters.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import random
import shutil
from functools import cache
from pathlib import Path

from helpers import paths

TESTS = Path(__file__).resolve().parent
OUTLETS = ["Reuters", "Axios", "The Hindu", "The Daily Beast", "Global Times", "CNBC", "unknown", "TheStreet",
           "Associated Press", "The Verge", "NBC News", "South China Morning Post", "unknown", "GeekWire"]
FIRST_DAY = dt.date(2020, 7, 31)


@cache
def base_texts() -> tuple[str, ...]:
    """Every distinct article text the tests can build a corpus from."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(paths.raw_articles().glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((TESTS / "heldout" / "raw" / "articles").glob("*.txt"))]
    inputs = TESTS / "realistic" / "inputs"
    texts += [p.read_text(encoding="utf-8") for p in sorted((inputs / "txt").glob("*.txt"))]
    with (inputs / "export.csv").open(encoding="utf-8", newline="") as handle:
        texts += [row["text"] for row in csv.DictReader(handle)]
    for line in (inputs / "export_other.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["body"])
    return tuple(t.strip("\n") + "\n" for t in texts)


@cache
def paragraphs() -> tuple[str, ...]:
    """Every body paragraph of the base texts (lines of eight words or more)."""
    return tuple(line for t in base_texts() for line in t.splitlines() if len(line.split()) >= 8)


def composed(i: int) -> str:
    """Article ``i`` beyond the base texts: a headline and 6 to 14 paragraphs drawn (seeded by
    ``i``) from every base text, so that each is distinct and reads like coverage of the saga."""
    rng = random.Random(i)
    pool = paragraphs()
    body = rng.sample(pool, rng.randint(6, 14))
    headline = base_texts()[i % len(base_texts())].splitlines()[0]
    return "\n".join([headline, *body, f"(Test article {i}.)"]) + "\n"


def article_id(i: int, outlet: str, day: dt.date, text: str) -> str:
    """Ids of the shapes analysts use: a seed-like hash, a held-out style name (the first two share
    their first ten characters), an outlet slug with date and hash, a bare short id."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    shape = i % 4
    if shape == 0:
        return f"{i:03d}_{digest[:16]}"
    if shape == 1:  # heldout_00_trump_eo, heldout_00_tiktok_ban, heldout_01_...: pairs share 11 characters
        return f"heldout_{i // 8:02d}_{'trump_eo' if i // 4 % 2 == 0 else 'tiktok_ban'}"
    if shape == 2:
        slug = "".join(ch if ch.isalnum() else "-" for ch in outlet.lower()).strip("-") or "unknown"
        return f"{slug}-{day:%Y-%m-%d}-{digest[:6]}"
    return f"a{i}"


def build(target: Path, n: int) -> Path:
    """A data folder at ``target`` with ``n`` articles (mixed metadata) and the project's
    assumptions and reference tables; return it."""
    raw = target / "raw" / "articles"
    raw.mkdir(parents=True)
    shutil.copy(paths.assumptions_yaml(), target / "assumptions.yaml")
    shutil.copytree(paths.reference(), target / "reference")
    texts = base_texts()
    rows = []
    for i in range(n):
        text = texts[i] if i < len(texts) else composed(i)
        outlet = OUTLETS[i % len(OUTLETS)]
        day = FIRST_DAY + dt.timedelta(days=(i * 7) % 130)
        aid = article_id(i, outlet, day, text)
        (raw / f"{aid}.txt").write_text(text, encoding="utf-8")
        inferred = i % 4 == 3
        basis = ("Inferred, not stated: the latest date the text names (test corpus)" if inferred
                 else "stated: page metadata article:published_time (test corpus)")
        title = text.splitlines()[0][:90] if i % 3 else "unknown (no headline)"
        rows.append([aid, f"{aid}.txt", title, outlet, day.isoformat(), basis, "unknown"])
    with (target / "articles.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["article_id", "file", "title", "outlet", "published", "published_basis", "url"])
        writer.writerows(rows)
    return target
