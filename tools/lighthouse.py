"""Lighthouse on every page of the reading path, served as a static host serves it.

The built site is served on 127.0.0.1, gzip-compressed, with the 404 page for
any missing address, both at the root and under the path the site is
published at (the 404 page's links are absolute), as GitHub Pages serves it.
Lighthouse (the npm package, run with Node) audits each page of the reading
path in Debian's Chromium with its default mobile preset: a mid-range phone on
a simulated slow 4G connection. A table of the four scores is printed; the
run fails when a page scores below the bars: performance 90, accessibility,
best practices and SEO 100. Each audit that cost a page points is named.

Performance is a simulation from one page load. A busy machine only ever
lowers it (Chromium paints late when it waits for a core; the page does not
get faster), by up to 10 points here, and even on a quiet machine one page
scored from 89 to 97 over ten loads: a page that scores below the bar is
measured up to four more times and judged by its best run, as a benchmark
takes its fastest time, and every run is printed. The other three categories do not
depend on timing and are judged by their median.

Usage: ``nox -s lighthouse`` or ``python tools/lighthouse.py docs/_build/html
--lighthouse node_modules/.bin/lighthouse [--page index.html ...]``; the
browser is ``$CHROME_PATH`` (``/usr/bin/chromium`` unless set).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html.parser
import importlib.util
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
GALLERY_ORDER = ROOT / "docs" / "_ext" / "gallery_order.py"

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BARS = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# What a static host compresses; images are compressed already.
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".txt", ".xml", ".map"}
RUNS_BELOW_THE_BAR = 5


def reading_path() -> list[str]:
    """The pages of the reading path, home to Explore, as paths in the site.

    The examples come in the gallery's order, docs/_ext/gallery_order.py.
    """
    spec = importlib.util.spec_from_file_location("gallery_order", GALLERY_ORDER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    order: dict[str, list[str]] = module.ORDER
    return [
        "index.html",
        *(f"auto_examples/basics/{name[:-3]}.html" for name in order["basics"]),
        "math.html",
        "pros_and_cons.html",
        *(
            f"auto_examples/pros_and_cons/{name[:-3]}.html"
            for name in order["pros_and_cons"]
        ),
        "explore.html",
    ]


class _Canonical(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "canonical":
            self.href = values.get("href")


def published_path(site: Path) -> str:
    """The path the site is published at ("/sigmoid/"), from the home page's
    canonical URL; "/" when it has none."""
    parser = _Canonical()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    if parser.href is None:
        return "/"
    return urlsplit(parser.href).path.rsplit("/", 1)[0] + "/"


class StaticHost(SimpleHTTPRequestHandler):
    """Serves the site as a static host does: gzip, and the 404 page when missing."""

    site: Path
    prefix: str
    _gzipped: dict[Path, bytes]
    # Keep-alive, as any host today: HTTP/1.0 would open a connection per
    # file, and Lighthouse would simulate each handshake on slow 4G.
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if self.prefix != "/" and path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return super().translate_path(path)

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path /= "index.html"
        status = 200
        if not path.is_file():
            path, status = self.site / "404.html", 404
        body = path.read_bytes()
        compress = path.suffix in COMPRESSED and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        if compress:
            if path not in self._gzipped:
                self._gzipped[path] = gzip.compress(body, mtime=0)
            body = self._gzipped[path]
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        # GitHub Pages' caching of every file.
        self.send_header("Cache-Control", "max-age=600")
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # Chromium drops connections it no longer needs (a page closed
        # mid-transfer): not a failure of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free port of 127.0.0.1 and yield its origin."""
    handler = type(
        "Host",
        (StaticHost,),
        {"site": site, "prefix": published_path(site), "_gzipped": {}},
    )
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class PageResult:
    """The scores of one page, over its runs, and the audits that cost points."""

    page: str
    runs: list[dict[str, int]] = field(default_factory=list)
    lost: dict[str, list[str]] = field(default_factory=dict)

    def scores(self) -> dict[str, int]:
        """Performance's best run; each other category's median over the runs."""
        return {
            name: max(run[name] for run in self.runs)
            if name == "performance"
            else round(statistics.median(run[name] for run in self.runs))
            for name in CATEGORIES
        }

    def failures(self) -> list[str]:
        scores = self.scores()
        return [
            f"{name} {scores[name]} < {bar}"
            for name, bar in BARS.items()
            if scores[name] < bar
        ]


def lost_points(report: dict[str, Any]) -> dict[str, list[str]]:
    """Per category, the audits of a Lighthouse report that cost it points."""
    lost: dict[str, list[str]] = {}
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                lost.setdefault(name, []).append(
                    f"{ref['id']} ({audit['score']:.2f}{', ' + value if value else ''})"
                )
    return lost


def run_lighthouse(cli: Path, url: str, out: Path) -> dict[str, Any]:
    """Run Lighthouse on ``url`` with its mobile preset and return its report."""
    subprocess.run(
        [
            str(cli),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        ],
        check=True,
        env={
            **os.environ,
            "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
        },
    )
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        msg = f"Lighthouse could not audit {url}: {report['runtimeError']}"
        raise RuntimeError(msg)
    return report


def audit_page(cli: Path, origin: str, page: str, scratch: Path) -> PageResult:
    result = PageResult(page)
    for run in range(RUNS_BELOW_THE_BAR):
        out = scratch / f"{re.sub(r'[^A-Za-z0-9]+', '_', page)}_{run}.json"
        report = run_lighthouse(cli, f"{origin}/{page}", out)
        result.runs.append(
            {
                name: round(100 * report["categories"][name]["score"])
                for name in CATEGORIES
            }
        )
        for name, audits in lost_points(report).items():
            for audit in audits:
                if audit not in result.lost.setdefault(name, []):
                    result.lost[name].append(audit)
        if result.scores()["performance"] >= BARS["performance"]:
            break
    return result


def table(results: list[PageResult]) -> str:
    width = max(len(r.page) for r in results)
    header = (
        f"{'page':<{width}}  {'performance':>11}  {'accessibility':>13}  "
        f"{'best practices':>14}  {'SEO':>3}  runs of performance"
    )
    lines = [header]
    for r in results:
        s = r.scores()
        runs = ", ".join(str(run["performance"]) for run in r.runs)
        lines.append(
            f"{r.page:<{width}}  {s['performance']:>11}  {s['accessibility']:>13}  "
            f"{s['best-practices']:>14}  {s['seo']:>3}  {runs}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site, docs/_build/html")
    parser.add_argument("--lighthouse", type=Path, required=True, help="its CLI")
    parser.add_argument(
        "--page", action="append", help="audit this page only (repeatable)"
    )
    parser.add_argument("--keep", type=Path, help="keep the JSON reports here")
    args = parser.parse_args(argv)
    pages = args.page or reading_path()
    missing = [page for page in pages if not (args.site / page).is_file()]
    if missing:
        print(f"not in the built site: {', '.join(missing)}", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory(prefix="sigmoid-lighthouse-") as temporary:
        scratch = args.keep or Path(temporary)
        scratch.mkdir(parents=True, exist_ok=True)
        with serve(args.site.resolve()) as origin:
            for page in pages:
                results.append(audit_page(args.lighthouse, origin, page, scratch))
                print(f"{page}: {results[-1].scores()}", flush=True)
    print()
    print(table(results))
    failed = [r for r in results if r.failures()]
    for r in results:
        for name, audits in r.lost.items():
            print(f"{r.page}: {name} lost points on {', '.join(audits)}")
    for r in failed:
        print(f"BELOW THE BAR: {r.page}: {'; '.join(r.failures())}")
    print(
        f"{len(results)} pages audited; {len(failed)} below the bars "
        "(performance >= 90, accessibility = best practices = SEO = 100)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
