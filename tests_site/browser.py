"""Where the built site is, how Chromium is started, and a recording page visit.

The site in ``docs/_build/html`` (or ``$SITE_HTML``) is driven in Debian's
Chromium (``/usr/bin/chromium`` or ``$CHROMIUM``); Playwright's own browser
download is never used. Every request that leaves the site is aborted and
recorded, so a page that reaches for a CDN fails its test.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    Route,
    ViewportSize,
)

ROOT = Path(__file__).resolve().parent.parent
HTML = Path(os.environ.get("SITE_HTML", ROOT / "docs" / "_build" / "html")).resolve()
SCREENSHOTS = HTML.parent / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MODES = ("light", "dark")
# The widths pages are checked at: a desktop window and a phone held upright.
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}
# Folders of the build that hold assets, not pages.
_NOT_PAGES = {"_static", "_downloads", "_images", "_sources", "_sphinx_design_static"}


def site_pages() -> list[str]:
    """Every HTML page of the build, as paths relative to its root."""
    if not (HTML / "index.html").is_file():
        return []
    return sorted(
        path.relative_to(HTML).as_posix()
        for path in HTML.rglob("*.html")
        if not _NOT_PAGES.intersection(path.relative_to(HTML).parts[:-1])
    )


def example_pages() -> list[str]:
    """The gallery's example pages, one per ``plot_*.py`` script."""
    return [
        p for p in site_pages() if re.fullmatch(r"auto_examples/.+/plot_\w+\.html", p)
    ]


@dataclass
class SiteReport:
    """Measurements gathered over the session for the terminal report."""

    weights: dict[str, int] = field(default_factory=dict)
    requests: dict[str, int] = field(default_factory=dict)
    axe: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # Smallest text of each gallery figure, in points as shown at 1280 px.
    figure_text: dict[str, float] = field(default_factory=dict)
    # The gradient lab's measurements (test_lab.py): redraw times in ms and
    # relative differences from the Python reference.
    lab: dict[str, float] = field(default_factory=dict)


@dataclass
class Visit:
    """A page in a fresh browser context, and everything it did on the network."""

    context: BrowserContext
    page: Page
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    bad_status: list[str] = field(default_factory=list)
    off_site: list[str] = field(default_factory=list)
    finished: list[Request] = field(default_factory=list)

    def problems(self) -> dict[str, list[str]]:
        """Everything a reader would call broken, by kind; empty when clean."""
        found = {
            "console errors": self.console_errors,
            "page errors": self.page_errors,
            "failed requests": self.failed,
            "responses >= 400": self.bad_status,
            "off-site requests": self.off_site,
        }
        return {kind: items for kind, items in found.items() if items}

    def transferred_bytes(self) -> int:
        """Bytes of every response body received so far."""
        return sum(max(r.sizes()["responseBodySize"], 0) for r in self.finished)


def open_visit(
    browser: Browser,
    *,
    local: Callable[[str], bool],
    mode: str = "light",
    clipboard_origin: str | None = None,
    viewport: ViewportSize | None = None,
) -> Visit:
    """Open a fresh context and page that record errors and block off-site requests.

    A fresh context has an empty cache, so what the page transfers is what a
    first-time reader downloads.
    """
    context = browser.new_context(
        viewport=viewport or DESKTOP,
        color_scheme="dark" if mode == "dark" else "light",
        reduced_motion="reduce",
    )
    if clipboard_origin is not None:
        context.grant_permissions(
            ["clipboard-read", "clipboard-write"], origin=clipboard_origin
        )
    # pydata-sphinx-theme reads the mode from localStorage before first paint.
    context.add_init_script(
        f"try {{ localStorage.setItem('mode', '{mode}');"
        f" localStorage.setItem('theme', '{mode}'); }} catch (e) {{}}"
    )
    page = context.new_page()
    visit = Visit(context=context, page=page)

    def route(route: Route) -> None:
        if local(route.request.url):
            route.continue_()
        else:
            visit.off_site.append(route.request.url)
            route.abort("blockedbyclient")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            visit.console_errors.append(f"{message.text} {message.location}")

    def on_failed(request: Request) -> None:
        if local(request.url):
            visit.failed.append(f"{request.url}: {request.failure}")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            visit.bad_status.append(f"{response.status} {response.url}")

    def on_finished(request: Request) -> None:
        visit.finished.append(request)

    context.route("**/*", route)
    page.on("console", on_console)
    page.on("pageerror", lambda error: visit.page_errors.append(str(error)))
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    page.on("requestfinished", on_finished)
    return visit
