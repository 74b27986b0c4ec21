"""``add`` on the saved pages of the realistic corpus (tests/realistic/, written apart from the
code): every field the manifest names, and each body against its hand-written gold (first and last
words, no navigation, banner, footer or in-article furniture). Skipped where the corpus is absent;
``REALISTIC_CORPUS=/path/to/tests/realistic`` reads it from another checkout."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from helpers import ingest, paths
from helpers.corpus import read_metadata

sys.path.insert(0, str(paths.ROOT / "benchmarks"))
from realistic import REALISTIC, flags_of, manifest  # noqa: E402 (the evaluations read the corpus the same way)

pytestmark = pytest.mark.skipif(not (REALISTIC / "manifest.csv").is_file(), reason=f"no realistic corpus at {REALISTIC}")


PAGES = [r for r in manifest() if r["input"].endswith(".html")]


@pytest.mark.parametrize("row", PAGES, ids=[r["key"] for r in PAGES])
def test_page_fields_and_body(make_data, row):
    data = make_data({})
    columns, flags = flags_of(row)
    (article,) = ingest.add([REALISTIC / row["input"]], data, columns, flags)
    (meta,) = read_metadata(data)[0].to_dict("records")
    assert (meta["outlet"], meta["title"], meta["published"], meta["url"]) == (
        row["outlet"], row["title"], row["published"], row["url"])
    assert meta["published_basis"].startswith("page metadata")
    gold = json.loads((REALISTIC / "gold" / f"{row['key']}.json").read_text(encoding="utf-8"))
    lines = [line for line in article.text.split("\n") if line]
    assert lines[0] == row["title"]
    words = " ".join(lines[1:]).split()
    first, last = gold["body_first_words"].split(), gold["body_last_words"].split()
    assert (words[:len(first)], words[-len(last):]) == (first, last)
    assert [b for b in gold["boilerplate_absent"] if b in article.text] == []


def test_syndicated_page_is_flagged_as_the_wire_story(make_data):
    data = make_data({})
    by_key = {r["key"]: r for r in manifest()}
    dup = next(r for r in manifest() if r["near_duplicate_of"])
    original = by_key[dup["near_duplicate_of"]]
    added = ingest.add([REALISTIC / original["input"]], data, *flags_of(original))
    added += ingest.add([REALISTIC / dup["input"]], data, *flags_of(dup))
    (flagged,) = [a for a in added if a.near_duplicate_of]
    assert flagged.source.endswith(Path(dup["input"]).name)
    other = next(a for a in added if a.article_id == flagged.near_duplicate_of.split(" ")[0])
    assert other.title == original["title"]
