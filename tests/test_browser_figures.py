"""The interactive figures' own pages in a real browser (a module of its own so that the two
browser modules can run on two test workers at once)."""
from __future__ import annotations

from browsing import needs_chromium, visit

pytestmark = needs_chromium


def test_every_plotly_figure_draws_its_svg_offline(site, browser):
    interactive = sorted((site / "figures").glob("*.html"))
    assert interactive, "no interactive figures"
    for html_file in interactive:
        page, errors, failed = visit(browser, html_file.as_uri())
        page.wait_for_selector(".plotly .main-svg", timeout=10_000)
        assert page.locator(".plotly .main-svg").count() >= 1
        assert errors == [] and failed == [], (html_file.name, errors, failed)
        page.close()
