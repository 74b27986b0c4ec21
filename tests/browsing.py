"""What the browser tests share: Debian's headless Chromium, the arguments it runs with, and a page
visit that records console errors and failed requests (the fixtures ``site`` and ``browser`` are in
conftest.py).

Skips (saying how to install it) where Chromium is absent; CI installs it (.ci/run)."""
from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("CI") == "true":
    raise RuntimeError("CI must have Chromium: .ci/run installs Debian's chromium package")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not found: install Debian's package with "
                                "'apt-get install chromium' (CI does, in .ci/run)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def visit(browser, url: str):
    """Open a page; return it with the console errors and failed requests it produced."""
    page = browser.new_page()
    errors, failed = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(url, wait_until="load")
    return page, errors, failed


REMOTE = """() => [...document.querySelectorAll('script[src],link[href],img[src]')]
    .map(e => e.src || e.href).filter(u => u && !u.startsWith('file:') && !u.startsWith('data:'))"""
