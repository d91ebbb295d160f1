"""The site read in order: the Next links are the path, and words are linked at first use.

Browser-free: the built HTML is read with BeautifulSoup.

- Following ``<link rel="next">`` from the home page visits every page of
  the site exactly once (search and index pages aside), in the order of the
  home page's numbered path: Start here, the Basics examples, the math, Pros
  and cons with its examples, Explore, then Going further and its pages.
- Walking that chain, the first page whose prose (not code, not math) uses a
  word of the glossary, or another name in the same glossary entry, links it
  to the glossary.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from load_file import load_module

from tests_site.browser import HTML, ROOT, site_pages

# Built pages that are not read in order: they are reached from the search box
# and the index, not from the path; the 404 page is what a missing address
# shows, and it leads back to the path.
OFF_PATH = {"search.html", "genindex.html", "py-modindex.html", "404.html"}
GLOSSARY = "glossary.html"
# The gallery's reading order, as the build sorts it.
ORDER = load_module(ROOT / "docs" / "_ext" / "gallery_order.py").ORDER


def _section(name: str) -> list[str]:
    """A gallery section's page and its examples, in the gallery's order."""
    folder = f"auto_examples/{name}"
    return [f"{folder}/index.html"] + [
        f"{folder}/{script.removesuffix('.py')}.html" for script in ORDER[name]
    ]


START_HERE = "auto_examples/basics/plot_sigmoid_in_numpy.html"
# The API's function pages (gen_modules/) come right after api.html, in the
# order that page lists them; the rest is this list.
EXPECTED = [
    "index.html",
    START_HERE,
    *[page for page in _section("basics") if page != START_HERE],
    "math.html",
    "pros_and_cons.html",
    *_section("pros_and_cons"),
    "explore.html",
    "going_further.html",
    "practice.html",
    *_section("family"),
    *_section("numerics"),
    "how_it_is_computed.html",
    "accuracy_and_speed.html",
    "using_examples.html",
    "api.html",
    GLOSSARY,
    "how_this_site_is_checked.html",
    "auto_examples/index.html",
]


@cache
def _soup(page: str) -> BeautifulSoup:
    return BeautifulSoup((HTML / page).read_text(encoding="utf-8"), "html.parser")


def _resolve(page: str, href: str) -> str:
    """The site path that ``href`` on ``page`` points to, without its fragment."""
    path = urlsplit(href).path
    parts: list[str] = []
    for part in (PurePosixPath(page).parent / path).parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _link(page: str, rel: str) -> str | None:
    link = _soup(page).find("link", rel=rel)
    if not isinstance(link, Tag):
        return None
    return _resolve(page, str(link["href"]))


@cache
def chain() -> list[str]:
    """The pages met by following rel="next" from index.html (stops on a repeat)."""
    pages = ["index.html"]
    while (following := _link(pages[-1], "next")) is not None:
        if following in pages:
            pages.append(following)
            break
        pages.append(following)
    return pages


@pytest.fixture(scope="module", autouse=True)
def _built_site() -> None:
    if not (HTML / "index.html").is_file():
        pytest.fail(f"no built site at {HTML}: run `nox -s docs`")


def test_next_visits_no_page_twice() -> None:
    pages = chain()
    repeated = [page for page in pages if pages.count(page) > 1]
    assert not repeated, f"Next comes back to {repeated[0]} after {pages[-2]}"


def test_next_visits_every_page() -> None:
    on_chain = set(chain())
    built = set(site_pages()) - OFF_PATH
    assert not built - on_chain, f"pages off the Next chain: {sorted(built - on_chain)}"
    assert on_chain <= built


def test_next_follows_the_reading_path() -> None:
    pages = chain()
    api = pages.index("api.html") if "api.html" in pages else len(pages)
    functions = [page for page in pages if page.startswith("gen_modules/")]
    # The function pages follow the API page, one after another.
    assert pages[api + 1 : api + 1 + len(functions)] == functions, (
        f"the function pages {functions} do not follow api.html"
    )
    read = [page for page in pages if page not in functions]
    for position, (expected, found) in enumerate(zip(EXPECTED, read, strict=False)):
        assert found == expected, (
            f"page {position + 1} of the Next chain is {found}, where the path "
            f"has {expected} (after {read[position - 1] if position else 'nothing'})"
        )
    assert read == EXPECTED


def test_previous_retraces_next() -> None:
    pages = chain()
    wrong = [
        f"{page}: Previous is {_link(page, 'prev')}, not {before}"
        for before, page in itertools.pairwise(pages)
        if _link(page, "prev") != before
    ]
    assert not wrong, "\n".join(wrong)


# -- Glossary words linked at first use ----------------------------------------

# What is not prose: code, math, the download notes and buttons of an
# example page, its printed output, and the pilcrows of headings.
NOT_PROSE = (
    "pre, code, math, .math, script, style, .headerlink, .sphx-glr-script-out, "
    ".sphx-glr-download-link-note, .sphx-glr-footer"
)


@dataclass(frozen=True)
class Entry:
    """One entry of the glossary: its names and their anchors."""

    names: tuple[str, ...]
    anchors: frozenset[str]

    def pattern(self) -> re.Pattern[str]:
        # Whole words, any case, a plural "s" allowed: "logits" uses "logit".
        alternatives = "|".join(re.escape(name) for name in self.names)
        return re.compile(rf"\b(?:{alternatives})s?\b", re.IGNORECASE)


def glossary_entries() -> list[Entry]:
    """The glossary's entries: consecutive terms before one definition."""
    entries: list[Entry] = []
    names: list[str] = []
    anchors: set[str] = set()
    glossary = _soup(GLOSSARY).find("dl", class_="glossary")
    assert isinstance(glossary, Tag), "glossary.html has no glossary"
    for child in glossary.find_all(["dt", "dd"], recursive=False):
        if child.name == "dt":
            for link in child.select(".headerlink"):
                link.decompose()
            names.append(" ".join(child.get_text().split()))
            anchors.add(str(child["id"]))
        else:
            entries.append(Entry(tuple(names), frozenset(anchors)))
            names, anchors = [], set()
    return entries


def prose(page: str) -> str:
    article = _soup(page).find("article")
    assert isinstance(article, Tag), f"{page} has no article"
    article = BeautifulSoup(str(article), "html.parser")
    for element in article.select(NOT_PROSE):
        element.decompose()
    return " ".join(article.get_text(" ").split())


def glossary_links(page: str) -> set[str]:
    """The glossary anchors that ``page``'s article links to."""
    article = _soup(page).find("article")
    assert isinstance(article, Tag)
    anchors = set()
    for link in article.find_all("a", href=True):
        href = str(link["href"])
        if _resolve(page, href) == GLOSSARY and urlsplit(href).fragment:
            anchors.add(urlsplit(href).fragment)
    return anchors


def test_glossary_has_entries() -> None:
    entries = glossary_entries()
    assert len(entries) >= 20
    assert sum(len(entry.names) for entry in entries) >= 30


def test_first_use_of_each_glossary_word_links_it() -> None:
    pages = [page for page in chain() if page != GLOSSARY]
    texts = {page: prose(page) for page in pages}
    missing: dict[str, list[str]] = {}
    for entry in glossary_entries():
        pattern = entry.pattern()
        first = next((page for page in pages if pattern.search(texts[page])), None)
        if first is None or entry.anchors & glossary_links(first):
            continue
        used = pattern.search(texts[first])
        assert used is not None
        missing.setdefault(first, []).append(
            f"{used[0]!r} (glossary: {' / '.join(entry.names)})"
        )
    report = [
        f"{page} uses first, without a link to the glossary: {', '.join(words)}"
        for page, words in sorted(missing.items(), key=lambda i: chain().index(i[0]))
    ]
    assert not report, "\n".join(report)
