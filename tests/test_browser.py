"""The HTML edition in a real browser: Debian's headless Chromium, driven by Playwright.

Skips (saying how to install it) where Chromium is absent; CI installs it (.ci/run).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import paths, report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("CI") == "true":
    raise RuntimeError("CI must have Chromium: .ci/run installs Debian's chromium package")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not found: install Debian's package with "
                                "'apt-get install chromium' (CI does, in .ci/run)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html")
    report.build_site(out_dir=out)
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def visit(browser, url: str):
    """Open a page; return it with the console errors and failed requests it produced."""
    page = browser.new_page()
    errors, failed = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(url, wait_until="load")
    return page, errors, failed


def test_every_page_loads_cleanly_and_offline(site, browser):
    """Notebook pages and the index (the interactive figures are opened in the next test)."""
    pages = sorted(site.glob("*.html"))
    assert len(pages) == 1 + len(list(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")))
    for html_file in pages:
        page, errors, failed = visit(browser, html_file.as_uri())
        assert errors == [], (html_file.name, errors)
        assert failed == [], (html_file.name, failed)
        remote = page.evaluate("""() => [...document.querySelectorAll('script[src],link[href],img[src]')]
            .map(e => e.src || e.href).filter(u => u && !u.startsWith('file:') && !u.startsWith('data:'))""")
        assert remote == [], (html_file.name, remote)
        page.close()


def test_every_plotly_figure_draws_its_svg_offline(site, browser):
    interactive = sorted((site / "figures").glob("*.html"))
    assert interactive, "no interactive figures"
    for html_file in interactive:
        page, errors, failed = visit(browser, html_file.as_uri())
        page.wait_for_selector(".plotly .main-svg", timeout=10_000)
        assert page.locator(".plotly .main-svg").count() >= 1
        assert errors == [] and failed == [], (html_file.name, errors, failed)
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


def test_notebook_pages_have_contents_neighbours_and_folded_code(site, browser):
    """The narrative edition: a contents list per notebook whose links land on headings, links to
    the previous and next notebook, and the code folded until the reader asks for it."""
    stems = sorted(p.stem for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    for i, stem in enumerate(stems):
        page, errors, failed = visit(browser, (site / f"{stem}.html").as_uri())
        targets = page.evaluate("() => [...document.querySelectorAll('nav.toc a')].map(a => a.getAttribute('href'))")
        assert len(targets) >= 4, stem
        assert all(page.locator(f"[id='{t[1:]}']").count() == 1 for t in targets), stem
        assert page.locator("a[rel='prev']").count() == (2 if i > 0 else 0), stem  # top and bottom bars
        assert page.locator("a[rel='next']").count() == (2 if i + 1 < len(stems) else 0), stem
        folded = page.evaluate("() => [...document.querySelectorAll('details.code')].map(d => d.open)")
        assert folded and not any(folded), stem
        page.check("#show-code")
        assert all(page.evaluate("() => [...document.querySelectorAll('details.code')].map(d => d.open)")), stem
        assert errors == [] and failed == [], (stem, errors, failed)
        page.close()


def test_every_figure_on_a_notebook_page_links_its_files(site, browser):
    for html_file in sorted(site.glob("0*.html")):
        page, _, _ = visit(browser, html_file.as_uri())
        for fig in page.locator("figure.fig").all():
            hrefs = fig.evaluate("f => [...f.querySelectorAll('figcaption a')].map(a => a.getAttribute('href'))")
            kinds = {h.rsplit(".", 1)[1] for h in hrefs}
            assert {"csv", "json"} <= kinds and ({"png", "svg"} <= kinds or "html" in kinds), (html_file.name, hrefs)
            assert all((site / h).is_file() for h in hrefs), (html_file.name, hrefs)
        page.close()


def test_interactive_figures_are_drawn_where_they_are_made(site, browser):
    """Each plotly figure a notebook stores is drawn live on its page, from the one local plotly.min.js."""
    drawn = 0
    for html_file in sorted(site.glob("0*.html")):
        page, errors, failed = visit(browser, html_file.as_uri())
        specs = page.locator("script.plotly-spec").count()
        if specs:
            page.wait_for_function(f"() => document.querySelectorAll('.plotly-figure .main-svg').length >= {specs}",
                                   timeout=15_000)
            drawn += specs
        assert errors == [] and failed == [], (html_file.name, errors, failed)
        page.close()
    interactive = {s.stem for s in paths.FIGURES.glob("*.html")}
    assert drawn == len(interactive) > 0
