"""The HTML edition in a real browser: Debian's headless Chromium, driven by Playwright.

Skips (saying how to install it) where Chromium is absent; CI installs it (.ci/run).
"""
from __future__ import annotations

import pytest
from browsing import REMOTE, needs_chromium, visit

from helpers import paths, report

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def notebook_pages(site, browser) -> dict[str, dict]:
    """Each notebook page opened once (a page with its figures takes a second or two to load), and
    everything the tests below ask of it read in that one visit."""
    stems = sorted(p.stem for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    seen = {}
    for stem in stems:
        page, errors, failed = visit(browser, (site / f"{stem}.html").as_uri())
        specs = page.locator("script.plotly-spec").count()
        if specs:
            page.wait_for_function(f"() => document.querySelectorAll('.plotly-figure .main-svg').length >= {specs}",
                                   timeout=15_000)
        targets = page.evaluate("() => [...document.querySelectorAll('nav.toc a')].map(a => a.getAttribute('href'))")
        seen[stem] = {
            "remote": page.evaluate(REMOTE),
            "specs": specs,
            "toc": targets,
            "toc_landing": [page.locator(f"[id='{t[1:]}']").count() for t in targets],
            "prev": page.locator("a[rel='prev']").count(),
            "next": page.locator("a[rel='next']").count(),
            "folded": page.evaluate("() => [...document.querySelectorAll('details.code')].map(d => d.open)"),
            "figure_links": [f.evaluate("f => [...f.querySelectorAll('figcaption a')].map(a => a.getAttribute('href'))")
                             for f in page.locator("figure.fig").all()],
        }
        page.check("#show-code")
        seen[stem]["unfolded"] = page.evaluate("() => [...document.querySelectorAll('details.code')].map(d => d.open)")
        seen[stem]["errors"], seen[stem]["failed"] = list(errors), list(failed)
        page.close()
    return seen


def test_every_page_loads_cleanly_and_offline(site, browser, notebook_pages):
    """Notebook pages and the index (the interactive figures are opened in the next test)."""
    assert len(list(site.glob("*.html"))) == 1 + len(notebook_pages)
    for stem, seen in notebook_pages.items():
        assert seen["errors"] == [] and seen["failed"] == [], (stem, seen["errors"], seen["failed"])
        assert seen["remote"] == [], (stem, seen["remote"])
    page, errors, failed = visit(browser, (site / "index.html").as_uri())
    assert errors == [] and failed == [] and page.evaluate(REMOTE) == [], ("index.html", errors, failed)
    page.close()


def test_index_lists_every_notebook_and_figure_and_its_links_resolve(site, browser):
    page, errors, failed = visit(browser, (site / "index.html").as_uri())
    for nb in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        assert page.locator(f"a[href='{nb.stem}.html']").count() >= 1, nb.stem
    for sidecar in sorted(paths.FIGURES.glob("[0-9][0-9]-*.json")):
        assert page.locator(f"#fig-{sidecar.stem}").count() == 1, sidecar.stem
    broken_images = page.evaluate("() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
                                  ".map(i => i.src)")
    assert broken_images == []
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    missing = [h for h in hrefs if not h.startswith(("http:", "https:", "#")) and not (site / h).exists()]
    assert missing == []
    assert not errors and not failed


def test_findings_on_the_index_come_from_the_notebooks(site):
    text = (site / "index.html").read_text(encoding="utf-8")
    for nb in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        summary = report.notebook_summary(nb)
        assert summary["findings"], nb.stem
        first = summary["findings"].splitlines()[0].lstrip("- ").split("**")[0][:40]
        assert first in text.replace("&#x27;", "'"), (nb.stem, first)


def test_site_is_small(site):
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    assert size < 15_000_000, f"build/html is {size / 1e6:.1f} MB"
    assert len(list(site.rglob("plotly.min.js"))) == 1


def test_notebook_pages_have_contents_neighbours_and_folded_code(notebook_pages):
    """The narrative edition: a contents list per notebook whose links land on headings, links to
    the previous and next notebook, and the code folded until the reader asks for it."""
    stems = list(notebook_pages)
    for i, stem in enumerate(stems):
        seen = notebook_pages[stem]
        assert len(seen["toc"]) >= 4 and all(n == 1 for n in seen["toc_landing"]), (stem, seen["toc"])
        assert seen["prev"] == (2 if i > 0 else 0), stem  # top and bottom bars
        assert seen["next"] == (2 if i + 1 < len(stems) else 0), stem
        assert seen["folded"] and not any(seen["folded"]), stem
        assert all(seen["unfolded"]), stem


def test_every_figure_on_a_notebook_page_links_its_files(site, notebook_pages):
    for stem, seen in notebook_pages.items():
        assert seen["figure_links"], stem
        for hrefs in seen["figure_links"]:
            kinds = {h.rsplit(".", 1)[1] for h in hrefs}
            assert {"csv", "json"} <= kinds and ({"png", "svg"} <= kinds or "html" in kinds), (stem, hrefs)
            assert all((site / h).is_file() for h in hrefs), (stem, hrefs)


def test_interactive_figures_are_drawn_where_they_are_made(notebook_pages):
    """Each plotly figure a notebook stores is drawn live on its page, from the one local plotly.min.js
    (the fixture waited for every one to draw its SVG)."""
    drawn = sum(seen["specs"] for seen in notebook_pages.values())
    interactive = {s.stem for s in paths.FIGURES.glob("*.html")}
    assert drawn == len(interactive) > 0
