"""Adding articles (issue 14): ``python -m helpers add`` on a folder of 200 saved pages, into a
fresh data folder, in under 20 s.

Each page is a full news page (cookie banner, navigation, byline, related links, newsletter box,
footer, inline script and style; ~70 KB around an article of ~450 words) with a date in its metadata. The
articles are drawn at random (seeded) from a vocabulary, so no two are near-duplicates. Timed:
the command as a user runs it (a process of its own: imports, reading, checks, writing, and the
``validate`` that follows), and ``helpers.ingest.add`` alone, in-process; then, for scale, the
same pages added in-process to a folder already holding 1,000 articles (``synthetic.py``), against
which every page is checked for duplicates.

Usage: python benchmarks/bench_add.py [N_PAGES]
"""
from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from conftest import write_data_folder  # noqa: E402
from synthetic import build_corpus  # noqa: E402

from helpers import paths  # noqa: E402
from helpers.corpus import read_metadata  # noqa: E402
from helpers.ingest import add  # noqa: E402

TARGET_SECONDS = 20.0
OUTLETS = ["Axios", "Reuters", "The Verge", "CNBC", "Bloomberg", "The Guardian", "South China Morning Post",
           "TechCrunch", "Politico", "Financial Times"]
WORDS = ("ByteDance Oracle Microsoft Walmart TikTok Treasury Commerce Beijing Washington CFIUS algorithm licence "
         "export control deal partner trusted technology cloud data users security review proposal deadline ban "
         "app video stake board investors court ruling judge order administration ministry catalogue approval "
         "negotiation American Chinese company business software code engineers recommendation platform "
         "statement officials people familiar matter said would could might week Sunday Monday September").split()
# what a saved page carries beside the article: ad slots and a stylesheet, inline
ADS = ", ".join(f'{{"slot": "ad-{k}", "size": [300, 250], "targeting": "news,tech"}}' for k in range(600))
STYLE = " ".join(f".c{k} {{ margin: {k % 7}px; color: #{k:06x} }}" for k in range(700))
COMMON = "the a of to and in that for on with as by from at is was were has have had not but which it its".split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS if rng.random() < 0.55 else COMMON) for _ in range(rng.randint(12, 26))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def page(i: int, rng: random.Random) -> str:
    outlet = OUTLETS[i % len(OUTLETS)]
    day = dt.date(2020, 8, 1) + dt.timedelta(days=i % 90)
    title = " ".join(rng.choice(WORDS) for _ in range(7)) + f" ({i})"
    paragraphs = "\n".join(f"    <p>{' '.join(sentence(rng) for _ in range(rng.randint(2, 4)))}</p>"
                           for _ in range(rng.randint(8, 12)))
    nav = "\n".join(f'      <li><a href="/section/{w.lower()}">{w}</a></li>' for w in WORDS[:30])
    related = "\n".join(f'      <li><a href="/story/{i}-{k}">{" ".join(rng.choice(WORDS) for _ in range(8))}</a></li>'
                        for k in range(8))
    footer = "\n".join(f'    <a href="/info/{k}">{w} policy</a>' for k, w in enumerate(WORDS[30:60]))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="{day}T09:{i % 60:02d}:00Z">
<link rel="canonical" href="https://news.example.com/{outlet.lower().replace(' ', '-')}/story-{i}">
<script>window.__STATE__ = {{"ads": [{ADS}]}};</script>
<style>{STYLE}</style></head>
<body>
<div class="cookie-banner"><p>We use cookies to improve your experience and for advertising. By continuing you
accept our use of cookies.</p><button>Accept all</button><a href="/privacy">Manage settings</a></div>
<header><a class="logo" href="/">{outlet}</a><nav><ul>
{nav}
</ul></nav></header>
<main><article>
  <h1>{title}</h1>
  <div class="byline">By Staff Writer <span class="share">Share on Twitter · Share on Facebook</span></div>
  <div class="article-body">
{paragraphs}
  </div>
  <aside class="related"><h3>Related stories</h3><ul>
{related}
  </ul></aside>
</article>
<section class="newsletter"><h3>Sign up for our daily briefing</h3><form><input type="email"></form></section>
</main>
<footer>
{footer}
  <p>Copyright 2020 {outlet}. All rights reserved.</p>
</footer>
</body></html>
"""


def write_pages(folder: Path, n: int) -> int:
    rng = random.Random(14)
    size = 0
    for i in range(n):
        text = page(i, rng)
        (folder / f"page-{i:04d}.html").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages = root / "pages"
        pages.mkdir()
        size = write_pages(pages, n)
        data = write_data_folder(root / "cli", articles={})
        began = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "helpers", "add", str(pages), "--data-dir", str(data)],
                             capture_output=True, text=True, cwd=paths.ROOT)
        cli = time.perf_counter() - began
        if run.returncode != 0:
            print(run.stdout[-2000:], run.stderr[-2000:])
            return 1
        added = len(read_metadata(data)[0])
        flagged = run.stdout.count("near-duplicate:")
        inproc = write_data_folder(root / "inproc", articles={})
        began = time.perf_counter()
        add([pages], inproc)
        alone = time.perf_counter() - began
        big = build_corpus(root / "big", 1000)
        began = time.perf_counter()
        add([pages], big)
        onto = time.perf_counter() - began
    print(f"{n} saved pages ({size / n / 1024:.0f} KB each on average) into a fresh data folder: "
          f"{added} added, {flagged} flagged as near-duplicates")
    print(f"python -m helpers add (own process, incl. imports and validate): {cli:.2f} s "
          f"({n / cli:.1f} pages/s); helpers.ingest.add alone: {alone:.2f} s ({n / alone:.1f} pages/s)")
    print(f"helpers.ingest.add into a folder of 1,000 articles: {onto:.2f} s")
    print(f"add_seconds={cli:.2f} target<{TARGET_SECONDS:.0f}")
    ok = cli < TARGET_SECONDS and added == n and flagged == 0
    if not ok:
        print(f"bench_add: MISSED (target: {n} added, none flagged, under {TARGET_SECONDS:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
