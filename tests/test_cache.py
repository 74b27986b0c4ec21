"""The interim cache: hits give the same frames, and any change of input or code misses."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import cache, reference
from helpers.corpus import load_corpus
from helpers.mentions import find_mentions


def entries(data):
    return sorted(p.name for p in (data / "interim").glob("*.parquet"))


def test_cache_hit_equals_a_fresh_computation(make_data):
    data = make_data()
    first = load_corpus(data)
    assert [e.split("-")[0] for e in entries(data)] == ["segments"]
    again = load_corpus(data)
    fresh = load_corpus(data, use_cache=False)
    for name in ("articles", "paragraphs", "sentences"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(fresh, name))
    gaz = reference.load("stakeholders", data)
    m1 = cache.cached("mentions", first.checksum, find_mentions, first, gaz, data_dir=data)
    m2 = cache.cached("mentions", again.checksum, find_mentions, again, gaz, data_dir=data)
    pd.testing.assert_frame_equal(m1, m2)
    pd.testing.assert_frame_equal(m1, find_mentions(fresh, gaz))
    assert len(entries(data)) == 2


def test_a_changed_article_rebuilds(make_data):
    data = make_data({"a1": "ByteDance chose Oracle."})
    load_corpus(data)
    (data / "raw" / "articles" / "a1.txt").write_text("ByteDance chose Oracle. Microsoft lost.", encoding="utf-8")
    c = load_corpus(data)
    assert len(c.sentences) == 2 and len(entries(data)) == 2


def test_a_changed_date_or_assumption_changes_the_key(make_data):
    data = make_data({"a1": "Yesterday ByteDance chose Oracle."})
    a = load_corpus(data)
    b = load_corpus(data, published={"a1": "2020-09-20"})
    assert a.checksum == b.checksum  # the texts are the same...
    assert cache.fingerprint(a) != cache.fingerprint(b)  # ...but the dates that resolve "Yesterday" differ


def test_changed_code_rebuilds(make_data, monkeypatch):
    data = make_data({"a1": "ByteDance chose Oracle."})
    load_corpus(data)
    monkeypatch.setattr(cache, "code_version", lambda: "another-version")
    load_corpus(data)
    assert len(entries(data)) == 2


def test_code_version_hashes_the_helpers_source():
    assert len(cache.code_version()) == 12


@pytest.mark.parametrize("value", [1, "x", [1, 2], {"a": 1}, pd.DataFrame({"a": [1, 2]})])
def test_fingerprint_is_stable(value):
    assert cache.fingerprint(value) == cache.fingerprint(value)
