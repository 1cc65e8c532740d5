"""Headless Debian Chromium driven by Playwright, never a downloaded browser (used by the scripts)."""

from __future__ import annotations

import contextlib
import os
import tempfile

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


@contextlib.contextmanager
def browser_context(width: int = 1400, height: int = 900):
    """A fresh persistent context (new user-data-dir) of /usr/bin/chromium; closed and removed on exit."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        raise SystemExit(f"{CHROMIUM} not found: apt-get install -y chromium fonts-noto-cjk")
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True, args=ARGS,
                                                   viewport={"width": width, "height": height})
        try:
            yield ctx
        finally:
            ctx.close()
