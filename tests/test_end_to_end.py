"""End to end on coverage the suite was not built on: the realistic corpus (tests/realistic:
eighteen articles from sixteen outlets as saved pages, text files and two news-database exports)
added the README's way with ``add``, plus one hostile article, then every notebook and the HTML
edition.

Every notebook runs on it (nothing may depend on there being exactly two articles), the findings
read right for the articles added, and the hostile article's markup is escaped wherever it is
rendered: notebooks, interactive figures, HTML edition."""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ink_at_edges, run_every_notebook, write_data_folder

from helpers import ingest, paths, report
from helpers.corpus import read_metadata
from helpers.errors import DataError
from helpers.reference import REGISTRY, validate_all

sys.path.insert(0, str(paths.ROOT / "benchmarks"))
from realistic import REALISTIC, flags_of, manifest  # noqa: E402 (the evaluations read the corpus the same way)

pytestmark = pytest.mark.slow  # every notebook on 19 articles: make test-slow (CI runs it)

PAYLOAD = '<img src=x onerror=alert(7)>[click](javascript:alert(8))'
EVIL = ('ByteDance chose Oracle as its technology partner <script>alert("pwned")</script> on Sunday.\n'
        'Microsoft said <img src=x onerror=alert(1)> it had lost.\n'
        'A <b>bold</b> claim https://t.co/evil — <b onmouseover=alert`1`>Eve</b> (@eve) September 7, 2020\n')


class _LiveMarkup(HTMLParser):
    """What a browser would act on, read as a browser parses the page (text inside an attribute
    value or a script's data is not markup): event-handler attributes, ``javascript:`` addresses
    and the payload's own ``<img src=x>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("<img src=x>")


def live_markup(text: str) -> list[str]:
    parser = _LiveMarkup()
    parser.feed(text)
    parser.close()
    return parser.found


def poison(data: Path) -> dict[str, list[str]]:
    """Append the payload to every text column of every input table that still validates with it
    (ids, vocabularies, dates and numbers refuse it, so they are left alone), and to every
    assumption's unit and reason; return the columns poisoned, by table."""
    poisoned = {}
    for name in sorted(REGISTRY):
        table = REGISTRY[name]
        if name == "articles":
            continue
        path = table.path(data)
        original = path.read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(original)))
        for column in rows[0] if rows else []:
            trial = [{**r, column: (r[column] + " " + PAYLOAD) if r[column] else r[column]} for r in rows]
            text = io.StringIO()
            writer = csv.DictWriter(text, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(trial)
            path.write_text(text.getvalue(), encoding="utf-8")
            if validate_all(data):
                path.write_text(original, encoding="utf-8")  # the column refuses it: keep it as it was
            else:
                original, rows = text.getvalue(), trial
                poisoned.setdefault(name, []).append(column)
    spec = (data / "assumptions.yaml").read_text(encoding="utf-8")
    spec = re.sub(r"^(  (?:why|unit): )(.*)$", lambda m: m.group(1) + yaml_string(m.group(2) + " " + PAYLOAD), spec,
                  flags=re.M)
    (data / "assumptions.yaml").write_text(spec, encoding="utf-8")
    return poisoned


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar of ``text`` (whatever quotes it held)."""
    plain = text.strip()
    if len(plain) > 1 and plain[0] == plain[-1] and plain[0] in "'\"":
        plain = plain[1:-1]
    return json.dumps(plain, ensure_ascii=False)


def inputs() -> list[tuple[str, str | None, ingest.Flags]]:
    """Each input of the realistic corpus once, with the flags its manifest row gives."""
    out, seen = [], set()
    for row in manifest():
        if row["input"] not in seen:
            seen.add(row["input"])
            out.append((row["input"], *flags_of(row)))
    return out


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("realistic")
    data = write_data_folder(root / "data", {"x_evil": EVIL},
                             rows=["x_evil,x_evil.txt,<script>alert(2)</script>,o,2020-09-14,stated in the text,unknown"])
    refused = []
    for name, columns, flags in inputs():
        try:
            ingest.add([REALISTIC / name], data, columns, flags)
        except DataError as exc:  # a text naming no full date is refused, asking for --published
            refused.append((name, str(exc)))
    poisoned = poison(data)
    report.build_site(run_every_notebook(data, root), root / "out" / "figures", root / "html")
    return {"root": root, "data": data, "refused": refused, "poisoned": poisoned}


def findings(run) -> dict[str, str]:
    return {stem: report.notebook_summary(run["root"] / f"{stem}.ipynb")["findings"]
            for stem in sorted(p.stem for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))}


def test_add_takes_the_realistic_corpus_and_refuses_only_texts_without_a_date(run):
    meta = read_metadata(run["data"])[0]
    assert len(meta) >= 15  # 18 articles less the text files that name no full date
    assert all("--published" in message for _, message in run["refused"])
    assert meta["near_duplicate_of"].str.contains("similarity").sum() == 1  # the syndicated wire story


def test_every_notebook_ran_and_its_findings_read_right(run):
    meta = read_metadata(run["data"])[0]
    found = findings(run)
    assert all(found.values()), [s for s, f in found.items() if not f]
    text = "\n".join(found.values())
    assert f"**{len(meta)} articles**" in found["00-corpus-overview"]
    assert "(s)" not in text and not re.search(r"\b1 (articles|sentences|days)\b", text)
    stated = (~meta["published_basis"].str.lower().str.startswith(("inferred", "not stated"))).sum()
    assert f"{stated} of {len(meta)} articles state their date" in found["00-corpus-overview"]
    for aid in meta["article_id"]:  # no article is named by a piece of its id
        assert not re.search(rf"(?<![\w.-]){re.escape(aid[:3])}(?![\w-])", text) or not aid[:3].isdigit(), aid
    inferred = meta[meta["published_basis"].str.startswith("not stated")]
    for r in inferred.itertuples():  # an inferred date is named by the article's label: outlet and day
        assert f"{r.outlet} {r.published[5:]}".replace("-", "\\-") in found["00-corpus-overview"], r.outlet


def test_the_markup_check_sees_live_markup_and_not_escaped_text():
    assert live_markup("<p><img src=x onerror=alert(1)></p>") == ["<img onerror=...>", "<img src=x>"]
    assert live_markup('<a href=" JavaScript:alert(8)">x</a>') == ['<a href= JavaScript:alert(8)>']
    assert live_markup("<img src='a.png' alt='&lt;img src=x onerror=alert(7)&gt;'><p>&lt;b onclick=x&gt;</p>") == []


def test_no_page_carries_the_article_markup(run):
    html = run["root"] / "html"
    pages = sorted(html.glob("*.html")) + sorted((html / "figures").glob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page.name
        assert live_markup(text) == [], page.name
    notebook_pages = "".join(p.read_text(encoding="utf-8") for p in html.glob("0*.html"))
    assert "&lt;script&gt;alert" in notebook_pages  # the text is there, as text


def test_a_payload_in_every_text_column_reaches_no_page_as_markup(run):
    """Every text column of every input table (and every assumption's unit and reason) carried the
    payload through every notebook: it shows as text, never as a tag or a live link, in the pages,
    the stored notebooks, the interactive figures and the SVGs (which stay valid XML)."""
    import xml.etree.ElementTree as ET

    assert sum(len(c) for c in run["poisoned"].values()) >= 20, run["poisoned"]
    assert {"stakeholders", "context_events", "deal_paths"} <= set(run["poisoned"])
    out = run["root"] / "out" / "figures"
    files = [*sorted((run["root"] / "html").rglob("*.html")), *sorted(out.glob("*.html")),
             *sorted(run["root"].glob("*.ipynb"))]
    for f in files:
        text = f.read_text(encoding="utf-8")
        if f.suffix == ".ipynb":  # the rendered outputs a notebook stores (HTML and Markdown)
            text = "".join("".join(o.get("data", {}).get(m, "")) for c in json.loads(text)["cells"]
                           for o in c.get("outputs", []) for m in ("text/html", "text/markdown"))
        assert live_markup(text) == [], f.name
    for svg in sorted(out.glob("*.svg")):
        ET.parse(svg)  # valid XML: no tag from the data


def test_plotly_hover_text_is_escaped(run):
    timeline = (run["root"] / "out" / "figures" / "01-deal-timeline-interactive.html").read_text(encoding="utf-8")
    assert "<script>alert" not in timeline


def test_no_script_runs_in_the_browser(run):
    from browsing import ARGS, CHROMIUM

    if CHROMIUM is None:
        pytest.skip("Chromium not found: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    dialogs = []
    html = run["root"] / "html"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for page_file in sorted(html.glob("*.html")) + sorted((html / "figures").glob("*.html")):
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(page_file.as_uri(), wait_until="load")
            page.close()
        browser.close()
    assert dialogs == []


def test_no_figure_is_cut_off_by_its_canvas(run):
    """More articles mean more rows, columns and labels: every PNG still keeps a clear margin."""
    pngs = sorted((run["root"] / "out" / "figures").glob("*.png"))
    assert len(pngs) >= 10
    assert {p.name: ink_at_edges(p) for p in pngs if ink_at_edges(p)} == {}
