"""Fixtures for the browser tests of the built site: a server, Chromium, pages.

Run through ``nox -s site``, which builds the site if it is missing or stale
and installs axe-core from npm (``$AXE_JS``).
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from load_file import load_module
from playwright.sync_api import Browser, Playwright, ViewportSize, sync_playwright

from tests_site.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    HTML,
    ROOT,
    SCREENSHOTS,
    SiteReport,
    Visit,
    example_pages,
    open_visit,
    site_pages,
)

REPORT = SiteReport()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    for name, find, what in (
        ("page_path", site_pages, "built site"),
        ("example_path", example_pages, "gallery example pages"),
    ):
        if name in metafunc.fixturenames:
            paths = find()
            if not paths:
                msg = f"no {what} at {HTML}: run `nox -s docs site`"
                raise pytest.UsageError(msg)
            metafunc.parametrize(name, paths)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the page weights, the axe findings and the figures' text sizes, and
    keep them as JSON."""
    reports = (REPORT.weights, REPORT.axe, REPORT.figure_text, REPORT.lab)
    if not any(reports):
        return
    write = terminalreporter.write_line
    if REPORT.lab:
        terminalreporter.section("gradient lab on explore.html")
        for name, value in REPORT.lab.items():
            write(f"{name}: {value:.3g}")
    if REPORT.figure_text:
        terminalreporter.section("smallest text of each gallery figure at 1280 px")
        width = max(len(name) for name in REPORT.figure_text)
        for name, points in sorted(REPORT.figure_text.items(), key=lambda i: i[1]):
            write(f"{name:<{width}}  {points:5.1f} pt")
    if REPORT.weights:
        terminalreporter.section("page weight on first load (bytes of responses)")
        width = max(len(page) for page in REPORT.weights)
        write(f"{'page':<{width}}  {'requests':>8}  {'kB':>8}")
        ranked = sorted(REPORT.weights.items(), key=lambda item: -item[1])
        for page, size in ranked:
            write(f"{page:<{width}}  {REPORT.requests[page]:>8}  {size / 1e3:>8.1f}")
        write(f"{len(ranked)} pages; heaviest {ranked[0][0]}: {ranked[0][1]:,} B")
    if REPORT.axe:
        terminalreporter.section("axe-core violations")
        counts: dict[str, int] = {}
        for violations in REPORT.axe.values():
            for violation in violations:
                impact = str(violation["impact"])
                counts[impact] = counts.get(impact, 0) + 1
        summary = ", ".join(f"{n} {impact}" for impact, n in sorted(counts.items()))
        write(f"{len(REPORT.axe)} page loads checked; violations: {summary or 'none'}")
        for key, violations in sorted(REPORT.axe.items()):
            for violation in violations:
                write(f"  {key}: {violation['impact']} {violation['id']}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    report = {
        "weights": REPORT.weights,
        "axe": REPORT.axe,
        "figure_text": REPORT.figure_text,
        "lab": REPORT.lab,
    }
    (SCREENSHOTS.parent / "site-report.json").write_text(
        json.dumps(report, indent=1, sort_keys=True)
    )


@pytest.fixture(scope="session")
def site_report() -> SiteReport:
    return REPORT


class _QuietHandler(SimpleHTTPRequestHandler):
    # The 404 page's links are absolute, under the path the site is
    # published at ("/sigmoid/"): the site is served there too.
    published = "/"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if self.published != "/" and path.startswith(self.published):
            path = "/" + path.removeprefix(self.published)
        return super().translate_path(path)


@pytest.fixture(scope="session")
def origin() -> Iterator[str]:
    """Serve the built site on a free port of 127.0.0.1."""
    if not (HTML / "index.html").is_file():
        pytest.fail(f"no built site at {HTML}: run `nox -s docs site`")
    published = load_module(ROOT / "tools" / "check_links.py").published_path(HTML)
    host = type("Host", (_QuietHandler,), {"published": published})
    handler = functools.partial(host, directory=str(HTML))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} not found: apt-get install chromium")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def visit_factory(browser: Browser, origin: str) -> Iterator[Callable[..., Visit]]:
    """Open pages of the served site; every context is closed after the test."""
    opened: list[Visit] = []

    def local(url: str) -> bool:
        return url.startswith((origin + "/", "data:", "blob:"))

    def factory(
        mode: str = "light",
        *,
        clipboard: bool = False,
        viewport: ViewportSize | None = None,
    ) -> Visit:
        visit = open_visit(
            browser,
            local=local,
            mode=mode,
            clipboard_origin=origin if clipboard else None,
            viewport=viewport,
        )
        opened.append(visit)
        return visit

    yield factory
    for visit in opened:
        visit.context.close()


@pytest.fixture
def file_visit_factory(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """Open pages of the site from disk (file://), as a reader who saved it."""
    opened: list[Visit] = []
    root = HTML.as_uri() + "/"

    def local(url: str) -> bool:
        return url.startswith((root, "data:", "blob:"))

    def factory(mode: str = "light") -> Visit:
        visit = open_visit(browser, local=local, mode=mode)
        opened.append(visit)
        return visit

    yield factory
    for visit in opened:
        visit.context.close()
