"""The interactive figures' own pages in a real browser. The same figures are drawn live on the
notebook pages in `make test` (tests/test_browser.py); their stand-alone pages, two more plotly
loads of ~3 s each, are checked in `make test-slow` (CI runs both tiers)."""
from __future__ import annotations

import pytest
from browsing import needs_chromium, visit

pytestmark = [needs_chromium, pytest.mark.slow]


def test_every_plotly_figure_draws_its_svg_offline(site, browser):
    interactive = sorted((site / "figures").glob("*.html"))
    assert interactive, "no interactive figures"
    for html_file in interactive:
        page, errors, failed = visit(browser, html_file.as_uri())
        page.wait_for_selector(".plotly .main-svg", timeout=10_000)
        assert page.locator(".plotly .main-svg").count() >= 1
        assert errors == [] and failed == [], (html_file.name, errors, failed)
        page.close()
