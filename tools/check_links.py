"""Check that every internal link of a built HTML site resolves.

For each HTML file under the site root, every ``href`` and ``src`` (and each
``srcset`` candidate) that stays on the site must name an existing file
inside the root, and a ``#fragment`` must name an ``id`` (or ``<a name>``) of
the page it points to. Links to other sites are counted but not fetched: the
site is built and read offline. Links are relative, but for the 404 page's:
it is served at any missing address, so its links start with the path the
site is published at (``/sigmoid/``), which the home page's canonical URL
gives; they are checked against the root too.

Usage: ``python tools/check_links.py docs/_build/html``; exits 1 and lists
each broken link when there is one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

# (tag, attribute) pairs whose value is a URL.
URL_ATTRIBUTES = [
    ("a", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
]
SRCSET_TAGS = ["img", "source"]
# Folders of generated assets that are not pages: links inside them are
# not the site's (copied HTML snippets of the theme, for example).
SKIPPED_FOLDERS = {"_static", "_sources"}


@dataclass
class Report:
    """The links checked, the ones skipped as off-site, and the broken ones."""

    checked: int = 0
    external: int = 0
    pages: int = 0
    broken: list[str] = field(default_factory=list)


def _page_ids(soup: BeautifulSoup) -> set[str]:
    ids = {str(tag["id"]) for tag in soup.select("[id]")}
    ids |= {str(tag["name"]) for tag in soup.select("a[name]")}
    return ids


def _urls(soup: BeautifulSoup) -> Iterator[tuple[str, str]]:
    """Yield (description, url) for every URL-valued attribute of the page."""
    for name, attribute in URL_ATTRIBUTES:
        for tag in soup.select(f"{name}[{attribute}]"):
            yield f"<{name} {attribute}>", str(tag[attribute]).strip()
    for name in SRCSET_TAGS:
        for tag in soup.select(f"{name}[srcset]"):
            for candidate in str(tag["srcset"]).split(","):
                url = candidate.strip().split(" ")[0]
                if url:
                    yield f"<{name} srcset>", url


def published_path(root: Path) -> str:
    """The path the site is published at, such as "/sigmoid/", from the home
    page's canonical URL; "/" when it has none."""
    soup = BeautifulSoup((root / "index.html").read_text("utf-8"), "html.parser")
    canonical = soup.select_one('link[rel="canonical"][href]')
    if canonical is None:
        return "/"
    return urlsplit(str(canonical["href"])).path.rsplit("/", 1)[0] + "/"


def check_site(root: Path) -> Report:
    """Check every HTML file under ``root``; see the module docstring."""
    root = root.resolve()
    report = Report()
    prefix = published_path(root)
    pages = sorted(
        path
        for path in root.rglob("*.html")
        if not SKIPPED_FOLDERS.intersection(path.relative_to(root).parts[:-1])
    )
    soups = {
        path: BeautifulSoup(path.read_text("utf-8"), "html.parser") for path in pages
    }
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            soup = soups.get(path) or BeautifulSoup(
                path.read_text("utf-8"), "html.parser"
            )
            ids[path] = _page_ids(soup)
        return ids[path]

    for page, soup in soups.items():
        report.pages += 1
        where = page.relative_to(root).as_posix()
        for what, url in _urls(soup):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                # http(s), mailto, data, javascript: not files of this site.
                report.external += 1
                continue
            if url in {"", "#"}:
                continue
            report.checked += 1
            path = unquote(parts.path)
            if path.startswith(prefix):  # an absolute link, as in 404.html
                path = str(root / path.removeprefix(prefix))
            target = page if not path else (page.parent / path)
            target = target.resolve()
            if target.is_dir():
                target /= "index.html"
            if not target.is_relative_to(root):
                report.broken.append(f"{where}: {what} {url} leaves the site")
                continue
            if not target.is_file():
                report.broken.append(f"{where}: {what} {url} does not exist")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in ids_of(target):
                report.broken.append(f"{where}: {what} {url} has no anchor #{fragment}")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the built site, e.g. docs/_build/html")
    args = parser.parse_args(argv)
    if not (args.root / "index.html").is_file():
        print(f"{args.root} has no index.html: build the site first", file=sys.stderr)
        return 2
    report = check_site(args.root)
    for problem in report.broken:
        print(problem)
    print(
        f"{report.pages} pages, {report.checked} internal links, anchors, images "
        f"and downloads checked ({report.external} off-site links not fetched): "
        f"{len(report.broken)} broken"
    )
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
