"""Synthetic corpora for benchmarks: the seed articles repeated under new ids and shifted dates."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from helpers import paths
from helpers.corpus import read_metadata


def build_corpus(target: Path, n_articles: int, distinct: bool = False) -> Path:
    """Write a data folder of ``n_articles`` copies of the seeds (ids ``bNNNNNN_<seed>``, dates
    shifted back a day per copy, within 200 days; each ends with a line naming itself) and return it.
    With ``distinct``, every sentence of every copy ends in a word of its own (``ref<copy>x<line>y<n>``
    before its closing full stop, question or exclamation mark, and at the end of every line), so no
    sentence or paragraph repeats and no memo of a text read before can help ("U.S." before a capital
    becomes "U.S ref…." there: the stress is the point, not the prose)."""
    meta, _ = read_metadata()
    seeds = [(r.article_id, r.file, dt.date.fromisoformat(r.published)) for r in meta.itertuples()]
    raw = target / "raw" / "articles"
    raw.mkdir(parents=True, exist_ok=True)
    shutil.copy(paths.assumptions_yaml(), target / "assumptions.yaml")
    shutil.copytree(paths.reference(), target / "reference", dirs_exist_ok=True)
    rows = ["article_id,file,title,outlet,published,published_basis,url"]
    texts = {aid: (paths.raw_articles() / file).read_bytes() for aid, file, _ in seeds}
    for i in range(n_articles):
        aid, _, day = seeds[i % len(seeds)]
        new_id = f"b{i:06d}_{aid[:3]}"
        # one line of its own, so that no two copies share their content (validation rejects that)
        body = texts[aid]
        if distinct:
            body = b"\n".join(_distinct_line(line.decode("utf-8"), f"ref{i}x{k}").encode() if line.strip() else line
                               for k, line in enumerate(body.split(b"\n")))
        (raw / f"{new_id}.txt").write_bytes(body + f"\nBenchmark copy {new_id}.\n".encode())
        shifted = day - dt.timedelta(days=(i // len(seeds)) % 200)
        rows.append(f"{new_id},{new_id}.txt,synthetic,synthetic,{shifted.isoformat()},benchmark copy of {aid},unknown")
    (target / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return target


_SENTENCE_END = re.compile(r"(?<=\w)([.!?])(?=[\"”’]?(?:\s|$))")


def _distinct_line(line: str, tag: str) -> str:
    """``line`` with a word of its own before every sentence's closing mark and at its end."""
    n = iter(range(10_000))
    return _SENTENCE_END.sub(lambda m: f" {tag}y{next(n)}{m.group(1)}", line) + f" {tag}"


def synthetic_corpus(n_articles: int):
    """A loaded corpus of ``n_articles`` synthetic articles (the data folder is removed again)."""
    from helpers.corpus import load_corpus

    with tempfile.TemporaryDirectory() as tmp:
        return load_corpus(build_corpus(Path(tmp), n_articles), use_cache=False)


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """The shortest of ``repeat`` wall-clock timings of ``fn()``, in seconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)
