"""Voices and dates on the fifty-two fresh corpora (tests/fresh/second to fifty-third: eight articles each,
gold written by sessions that never saw the code, measured once untuned before any rule was written
from their misses; see benchmarks/README.md). The figures may not fall below the table there, less a
point; each evaluation runs in a process of its own, as ``REALISTIC_CORPUS`` asks.

Slow tier: a hundred and four evaluations of some seconds each."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import paths

pytestmark = pytest.mark.slow

# corpus -> figure -> floor: the figures of benchmarks/README.md (2026-12-02, the last session's last rules), less a
# point (a floor never lowered but the one below, and the three of 2026-12-03 that benchmarks/README names);
# eighteenth's quote speakers lowered after review: "they" takes up a group "led by" someone one sentence back at most
FLOOR = {
    "second": {"parties_precision": 0.93, "parties_recall": 0.96, "quote_speakers_precision": 0.93,
               "quote_speakers_recall": 0.90, "reported_speakers_precision": 0.77, "reported_speakers_recall": 0.82,
               "dates_precision": 0.96, "dates_recall": 0.96},
    "third": {"parties_precision": 0.82, "parties_recall": 0.90, "quote_speakers_precision": 0.96,
              "quote_speakers_recall": 0.99, "reported_speakers_precision": 0.92, "reported_speakers_recall": 0.78,
              "dates_precision": 0.96, "dates_recall": 0.97},
    "fourth": {"parties_precision": 0.82, "parties_recall": 0.92, "quote_speakers_precision": 0.95,
               "quote_speakers_recall": 0.92, "reported_speakers_precision": 0.85, "reported_speakers_recall": 0.78,
               "dates_precision": 0.96, "dates_recall": 0.95},
    "fifth": {"parties_precision": 0.92, "parties_recall": 0.94, "quote_speakers_precision": 0.96,
              "quote_speakers_recall": 0.95, "reported_speakers_precision": 0.86, "reported_speakers_recall": 0.88,
              "dates_precision": 0.96, "dates_recall": 0.99},
    "sixth": {"parties_precision": 0.86, "parties_recall": 0.95, "quote_speakers_precision": 0.92,
              "quote_speakers_recall": 0.91, "reported_speakers_precision": 0.81, "reported_speakers_recall": 0.76,
              "dates_precision": 0.93, "dates_recall": 0.95},
    "seventh": {"parties_precision": 0.82, "parties_recall": 0.92, "quote_speakers_precision": 0.93,
                "quote_speakers_recall": 0.95, "reported_speakers_precision": 0.79, "reported_speakers_recall": 0.80,
                "dates_precision": 0.98, "dates_recall": 0.92},
    "eighth": {"parties_precision": 0.87, "parties_recall": 0.93, "quote_speakers_precision": 0.93,
               "quote_speakers_recall": 0.93, "reported_speakers_precision": 0.79, "reported_speakers_recall": 0.76,
               "dates_precision": 0.93, "dates_recall": 0.95},
    "ninth": {"parties_precision": 0.85, "parties_recall": 0.91, "quote_speakers_precision": 0.96,
              "quote_speakers_recall": 0.93, "reported_speakers_precision": 0.71, "reported_speakers_recall": 0.68,
              "dates_precision": 0.98, "dates_recall": 0.99},
    "tenth": {"parties_precision": 0.89, "parties_recall": 0.94, "quote_speakers_precision": 0.91,
              "quote_speakers_recall": 0.89, "reported_speakers_precision": 0.80, "reported_speakers_recall": 0.75,
              "dates_precision": 0.97, "dates_recall": 0.96},
    "eleventh": {"parties_precision": 0.83, "parties_recall": 0.89, "quote_speakers_precision": 0.97,
                 "quote_speakers_recall": 0.92, "reported_speakers_precision": 0.75, "reported_speakers_recall": 0.75,
                 "dates_precision": 0.95, "dates_recall": 0.97},
    "twelfth": {"parties_precision": 0.85, "parties_recall": 0.89, "quote_speakers_precision": 0.97,
                "quote_speakers_recall": 0.97, "reported_speakers_precision": 0.89, "reported_speakers_recall": 0.80,
                "dates_precision": 0.94, "dates_recall": 0.95},
    "thirteenth": {"parties_precision": 0.92, "parties_recall": 0.91, "quote_speakers_precision": 0.97,
                   "quote_speakers_recall": 0.97, "reported_speakers_precision": 0.82, "reported_speakers_recall": 0.85,
                   "dates_precision": 0.94, "dates_recall": 0.95},
    "fourteenth": {"parties_precision": 0.83, "parties_recall": 0.93, "quote_speakers_precision": 0.96,
                   "quote_speakers_recall": 0.93, "reported_speakers_precision": 0.77, "reported_speakers_recall": 0.74,
                   "dates_precision": 0.92, "dates_recall": 0.92},
    "fifteenth": {"parties_precision": 0.93, "parties_recall": 0.95, "quote_speakers_precision": 0.98,
                  "quote_speakers_recall": 0.95, "reported_speakers_precision": 0.81, "reported_speakers_recall": 0.77,
                  "dates_precision": 0.95, "dates_recall": 0.93},
    "sixteenth": {"parties_precision": 0.91, "parties_recall": 0.92, "quote_speakers_precision": 0.94,
                  "quote_speakers_recall": 0.93, "reported_speakers_precision": 0.90, "reported_speakers_recall": 0.82,
                  "dates_precision": 0.94, "dates_recall": 0.92},
    "seventeenth": {"parties_precision": 0.88, "parties_recall": 0.91, "quote_speakers_precision": 0.93,
                    "quote_speakers_recall": 0.96, "reported_speakers_precision": 0.84, "reported_speakers_recall": 0.82,
                    "dates_precision": 0.93, "dates_recall": 0.95},
    "eighteenth": {"parties_precision": 0.88, "parties_recall": 0.93, "quote_speakers_precision": 0.96,
                   "quote_speakers_recall": 0.96, "reported_speakers_precision": 0.83, "reported_speakers_recall": 0.91,
                   "dates_precision": 0.94, "dates_recall": 0.95},
    "nineteenth": {"parties_precision": 0.89, "parties_recall": 0.93, "quote_speakers_precision": 0.95,
                   "quote_speakers_recall": 0.94, "reported_speakers_precision": 0.71, "reported_speakers_recall": 0.78,
                   "dates_precision": 0.93, "dates_recall": 0.93},
    "twentieth": {"parties_precision": 0.92, "parties_recall": 0.94, "quote_speakers_precision": 0.92,
                  "quote_speakers_recall": 0.93, "reported_speakers_precision": 0.79, "reported_speakers_recall": 0.80,
                  "dates_precision": 0.94, "dates_recall": 0.92},
    "twenty-first": {"parties_precision": 0.93, "parties_recall": 0.92, "quote_speakers_precision": 0.97,
                     "quote_speakers_recall": 0.96, "reported_speakers_precision": 0.77, "reported_speakers_recall": 0.81,
                     "dates_precision": 0.97, "dates_recall": 0.95},
    "twenty-second": {"parties_precision": 0.91, "parties_recall": 0.94, "quote_speakers_precision": 0.99,
                      "quote_speakers_recall": 0.95, "reported_speakers_precision": 0.86, "reported_speakers_recall": 0.80,
                      "dates_precision": 0.96, "dates_recall": 0.96},
    "twenty-third": {"parties_precision": 0.91, "parties_recall": 0.94, "quote_speakers_precision": 0.99,
                     "quote_speakers_recall": 0.96, "reported_speakers_precision": 0.88, "reported_speakers_recall": 0.80,
                     "dates_precision": 0.93, "dates_recall": 0.92},
    "twenty-fourth": {"parties_precision": 0.95, "parties_recall": 0.97, "quote_speakers_precision": 0.91,
                      "quote_speakers_recall": 0.96, "reported_speakers_precision": 0.75, "reported_speakers_recall": 0.86,
                      "dates_precision": 0.93, "dates_recall": 0.92},
    "twenty-fifth": {"parties_precision": 0.91, "parties_recall": 0.89, "quote_speakers_precision": 0.94,
                     "quote_speakers_recall": 0.99, "reported_speakers_precision": 0.83, "reported_speakers_recall": 0.83,
                     "dates_precision": 0.92, "dates_recall": 0.93},
    "twenty-sixth": {"parties_precision": 0.89, "parties_recall": 0.94, "quote_speakers_precision": 0.97,
                     "quote_speakers_recall": 0.99, "reported_speakers_precision": 0.83, "reported_speakers_recall": 0.85,
                     "dates_precision": 0.94, "dates_recall": 0.95},
    "twenty-seventh": {"parties_precision": 0.92, "parties_recall": 0.95, "quote_speakers_precision": 0.97,
                       "quote_speakers_recall": 0.95, "reported_speakers_precision": 0.79, "reported_speakers_recall": 0.81,
                       "dates_precision": 0.95, "dates_recall": 0.92},
    "twenty-eighth": {"parties_precision": 0.89, "parties_recall": 0.93, "quote_speakers_precision": 0.96,
                      "quote_speakers_recall": 0.95, "reported_speakers_precision": 0.77, "reported_speakers_recall": 0.87,
                      "dates_precision": 0.91, "dates_recall": 0.92},
    "twenty-ninth": {"parties_precision": 0.88, "parties_recall": 0.90, "quote_speakers_precision": 0.93,
                     "quote_speakers_recall": 0.93, "reported_speakers_precision": 0.82, "reported_speakers_recall": 0.76,
                     "dates_precision": 0.93, "dates_recall": 0.91},
    "thirtieth": {"parties_precision": 0.86, "parties_recall": 0.93, "quote_speakers_precision": 0.91,
                  "quote_speakers_recall": 0.91, "reported_speakers_precision": 0.75, "reported_speakers_recall": 0.77,
                  "dates_precision": 0.93, "dates_recall": 0.92},
    "thirty-first": {"parties_precision": 0.88, "parties_recall": 0.93, "quote_speakers_precision": 0.95,
                     "quote_speakers_recall": 0.95, "reported_speakers_precision": 0.74, "reported_speakers_recall": 0.82,
                     "dates_precision": 0.95, "dates_recall": 0.93},
    "thirty-second": {"parties_precision": 0.85, "parties_recall": 0.93, "quote_speakers_precision": 0.91,
                      "quote_speakers_recall": 0.90, "reported_speakers_precision": 0.74, "reported_speakers_recall": 0.70,
                      "dates_precision": 0.90, "dates_recall": 0.89},
    "thirty-third": {"parties_precision": 0.88, "parties_recall": 0.92, "quote_speakers_precision": 0.91,
                     "quote_speakers_recall": 0.76, "reported_speakers_precision": 0.83, "reported_speakers_recall": 0.76,
                     "dates_precision": 0.94, "dates_recall": 0.93},
    "thirty-fourth": {"parties_precision": 0.87, "parties_recall": 0.93, "quote_speakers_precision": 0.96,
                      "quote_speakers_recall": 0.96, "reported_speakers_precision": 0.80, "reported_speakers_recall": 0.78,
                      "dates_precision": 0.93, "dates_recall": 0.91},
    "thirty-fifth": {"parties_precision": 0.93, "parties_recall": 0.92, "quote_speakers_precision": 0.92,
                     "quote_speakers_recall": 0.92, "reported_speakers_precision": 0.79, "reported_speakers_recall": 0.71,
                     "dates_precision": 0.94, "dates_recall": 0.92},
    "thirty-sixth": {"parties_precision": 0.94, "parties_recall": 0.92, "quote_speakers_precision": 0.95,
                     "quote_speakers_recall": 0.94, "reported_speakers_precision": 0.79, "reported_speakers_recall": 0.84,
                     "dates_precision": 0.92, "dates_recall": 0.88},
    "thirty-seventh": {"parties_precision": 0.93, "parties_recall": 0.92, "quote_speakers_precision": 0.94,
                       "quote_speakers_recall": 0.94, "reported_speakers_precision": 0.79, "reported_speakers_recall": 0.78,
                       "dates_precision": 0.94, "dates_recall": 0.96},
    "thirty-eighth": {"parties_precision": 0.90, "parties_recall": 0.92, "quote_speakers_precision": 0.93,
                      "quote_speakers_recall": 0.91, "reported_speakers_precision": 0.81, "reported_speakers_recall": 0.86,
                      "dates_precision": 0.99, "dates_recall": 0.98},
    "thirty-ninth": {"parties_precision": 0.92, "parties_recall": 0.95, "quote_speakers_precision": 0.95,
                     "quote_speakers_recall": 0.97, "reported_speakers_precision": 0.80, "reported_speakers_recall": 0.86,
                     "dates_precision": 0.93, "dates_recall": 0.92},
    "fortieth": {"parties_precision": 0.91, "parties_recall": 0.89, "quote_speakers_precision": 0.85,
                 "quote_speakers_recall": 0.86, "reported_speakers_precision": 0.76, "reported_speakers_recall": 0.84,
                 "dates_precision": 0.95, "dates_recall": 0.96},
    "forty-first": {"parties_precision": 0.90, "parties_recall": 0.92, "quote_speakers_precision": 0.90,
                    "quote_speakers_recall": 0.90, "reported_speakers_precision": 0.73, "reported_speakers_recall": 0.81,
                    "dates_precision": 0.96, "dates_recall": 0.97},
    "forty-second": {"parties_precision": 0.89, "parties_recall": 0.94, "quote_speakers_precision": 0.97,
                     "quote_speakers_recall": 0.97, "reported_speakers_precision": 0.80, "reported_speakers_recall": 0.86,
                     "dates_precision": 0.95, "dates_recall": 0.95},
    "forty-third": {"parties_precision": 0.91, "parties_recall": 0.93, "quote_speakers_precision": 0.95,
                    "quote_speakers_recall": 0.92, "reported_speakers_precision": 0.76, "reported_speakers_recall": 0.73,
                    "dates_precision": 0.92, "dates_recall": 0.94},
    "forty-fifth": {"parties_precision": 0.84, "parties_recall": 0.88, "quote_speakers_precision": 0.94,
                    "quote_speakers_recall": 0.90, "reported_speakers_precision": 0.79, "reported_speakers_recall": 0.88,
                    "dates_precision": 0.92, "dates_recall": 0.93},
    "forty-fourth": {"parties_precision": 0.88, "parties_recall": 0.95, "quote_speakers_precision": 0.99,
                     "quote_speakers_recall": 0.95, "reported_speakers_precision": 0.88, "reported_speakers_recall": 0.83,
                     "dates_precision": 0.95, "dates_recall": 0.97},
    "forty-sixth": {"parties_precision": 0.92, "parties_recall": 0.96, "quote_speakers_precision": 0.94,
                    "quote_speakers_recall": 0.90, "reported_speakers_precision": 0.80, "reported_speakers_recall": 0.89,
                    "dates_precision": 0.93, "dates_recall": 0.93},
    "forty-seventh": {"parties_precision": 0.92, "parties_recall": 0.95, "quote_speakers_precision": 0.92,
                      "quote_speakers_recall": 0.91, "reported_speakers_precision": 0.81, "reported_speakers_recall": 0.81,
                      "dates_precision": 0.93, "dates_recall": 0.94},
    "forty-eighth": {"parties_precision": 0.95, "parties_recall": 0.96, "quote_speakers_precision": 0.99,
                     "quote_speakers_recall": 0.97, "reported_speakers_precision": 0.84, "reported_speakers_recall": 0.92,
                     "dates_precision": 0.94, "dates_recall": 0.93},
    "forty-ninth": {"parties_precision": 0.94, "parties_recall": 0.92, "quote_speakers_precision": 0.94,
                    "quote_speakers_recall": 0.95, "reported_speakers_precision": 0.85, "reported_speakers_recall": 0.91,
                    "dates_precision": 0.93, "dates_recall": 0.93},
    "fiftieth": {"parties_precision": 0.89, "parties_recall": 0.94, "quote_speakers_precision": 0.91,
                 "quote_speakers_recall": 0.91, "reported_speakers_precision": 0.71, "reported_speakers_recall": 0.81,
                 "dates_precision": 0.96, "dates_recall": 0.95},
    "fifty-first": {"parties_precision": 0.91, "parties_recall": 0.95, "quote_speakers_precision": 0.94,
                    "quote_speakers_recall": 0.90, "reported_speakers_precision": 0.87, "reported_speakers_recall": 0.89,
                    "dates_precision": 0.96, "dates_recall": 0.96},
    "fifty-second": {"parties_precision": 0.88, "parties_recall": 0.96, "quote_speakers_precision": 0.94,
                     "quote_speakers_recall": 0.92, "reported_speakers_precision": 0.79, "reported_speakers_recall": 0.79,
                     "dates_precision": 0.92, "dates_recall": 0.92},
    "fifty-third": {"parties_precision": 0.90, "parties_recall": 0.89, "quote_speakers_precision": 0.97,
                    "quote_speakers_recall": 0.93, "reported_speakers_precision": 0.76, "reported_speakers_recall": 0.76,
                    "dates_precision": 0.90, "dates_recall": 0.93},
}





def figures(corpus: str, script: str) -> dict[str, float]:
    """The last line of an evaluation script run on a fresh corpus: ``name=value`` pairs."""
    env = {**os.environ, "REALISTIC_CORPUS": str(paths.ROOT / "tests" / "fresh" / corpus)}
    out = subprocess.run([sys.executable, str(paths.ROOT / "benchmarks" / script), "--quiet"], env=env,
                         capture_output=True, text=True, check=True, cwd=paths.ROOT)
    return {k: float(v) for k, v in (pair.split("=") for pair in out.stdout.strip().splitlines()[-1].split())}


@pytest.mark.parametrize("corpus", sorted(FLOOR))
def test_voices_and_dates_stay_at_least_what_the_readme_reports(corpus):
    found = {**figures(corpus, "eval_voices.py"), **figures(corpus, "eval_dates.py")}
    low = {k: (found[k], floor) for k, floor in FLOOR[corpus].items() if found[k] < floor}
    assert low == {}, f"{corpus}: figure, (found, floor): {low}"


@pytest.mark.parametrize("corpus", sorted(FLOOR))
def test_the_gold_is_consistent_with_its_articles(corpus):
    out = subprocess.run([sys.executable, str(paths.ROOT / "tests" / "realistic" / "check_gold.py"), "--corpus",
                          str(paths.ROOT / "tests" / "fresh" / corpus)], capture_output=True, text=True)
    assert out.returncode == 0 and "gold OK: 8 articles" in out.stdout, out.stdout + out.stderr
