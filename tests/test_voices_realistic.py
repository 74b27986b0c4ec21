"""Parties, quotations and speakers on the realistic corpus (tests/realistic: eighteen articles,
gold written before any code saw them), scored by benchmarks/eval_voices.py: the precision and
recall in benchmarks/README.md may not fall, and no demonym, weekday or month is ever a party.

The rules were written while reading these articles, so the figures are a floor for the suite
on them, not an estimate for unseen coverage."""
from __future__ import annotations

import sys

import pytest

from helpers import paths
from helpers.placenames import non_parties

sys.path.insert(0, str(paths.ROOT / "benchmarks"))
import eval_voices  # noqa: E402

# task -> (precision, recall) at least: the table of benchmarks/README.md, less a point of slack
FLOOR = {
    "parties (people and organisations)": (0.97, 0.97),
    "quotes (spans)": (0.96, 0.96),
    "quote speakers": (0.96, 0.93),
    "reported-speech speakers": (0.83, 0.93),
}


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return eval_voices.evaluate(eval_voices.load_realistic(tmp_path_factory.mktemp("realistic") / "data"))


@pytest.mark.parametrize("task", list(FLOOR))
def test_precision_and_recall_stay_at_least_what_the_readme_reports(result, task):
    row = result["table"].set_index("task").loc[task]
    precision, recall = FLOOR[task]
    assert row["precision"] >= precision and row["recall"] >= recall, eval_voices.report(result, quiet=True)


def test_no_demonym_weekday_or_month_is_a_party(result):
    places = non_parties()
    suite = result["suite_parties"]
    bad = [forms for forms in suite["forms"]
           if any(places.is_demonym(f) or places.is_calendar(f) for f in forms.split("|"))]
    assert bad == []


def test_every_gold_quote_kind_is_found(result):
    q = result["quotes"]
    assert set(q.loc[q["found"], "kind"]) == {"direct", "partial", "statement", "multi-paragraph"}
