"""The link checker catches what it is there to catch, on a tiny planted site."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from load_file import load_module

ROOT = Path(__file__).resolve().parent.parent


def load_checker() -> ModuleType:
    return load_module(ROOT / "tools" / "check_links.py")


check_links = load_checker()

INDEX = """<!doctype html><html><body>
<h1 id="top">Home</h1>
<a href="page.html">fine</a>
<a href="page.html#section">fine anchor</a>
<a href="#top">fine local anchor</a>
<a href="sub/">fine folder</a>
<a href="https://example.org/">off-site, not fetched</a>
<a href="mailto:someone@example.org">mail</a>
<img src="_images/ok.png" srcset="_images/ok.png, _images/missing@2x.png 2x" alt="ok">
<a href="missing.html">planted broken link</a>
<a href="page.html#nowhere">planted anchor-less fragment</a>
<a href="#also-nowhere">planted missing local anchor</a>
<a class="download" href="_downloads/example.py">download</a>
<a href="../outside.html">leaves the site</a>
</body></html>
"""
PAGE = """<!doctype html><html><body>
<section id="section"><a href="index.html#top">back</a></section>
<script src="_static/missing.js"></script>
</body></html>
"""


@pytest.fixture
def planted_site(tmp_path: Path) -> Path:
    site = tmp_path / "html"
    (site / "sub").mkdir(parents=True)
    (site / "_images").mkdir()
    (site / "index.html").write_text(INDEX)
    (site / "page.html").write_text(PAGE)
    (site / "sub" / "index.html").write_text("<p>sub</p>")
    (site / "_images" / "ok.png").write_bytes(b"\x89PNG")
    return site


def test_checker_finds_every_planted_problem(planted_site: Path) -> None:
    report = check_links.check_site(planted_site)
    broken = sorted(report.broken)
    assert broken == [
        "index.html: <a href> #also-nowhere has no anchor #also-nowhere",
        "index.html: <a href> ../outside.html leaves the site",
        "index.html: <a href> _downloads/example.py does not exist",
        "index.html: <a href> missing.html does not exist",
        "index.html: <a href> page.html#nowhere has no anchor #nowhere",
        "index.html: <img srcset> _images/missing@2x.png does not exist",
        "page.html: <script src> _static/missing.js does not exist",
    ]
    assert report.external == 2
    assert report.pages == 3


def test_checker_passes_a_clean_site(planted_site: Path) -> None:
    (planted_site / "index.html").write_text('<a href="page.html#section">ok</a>')
    (planted_site / "page.html").write_text('<p id="section">ok</p>')
    assert check_links.check_site(planted_site).broken == []
    assert check_links.main([str(planted_site)]) == 0


def test_command_line_fails_on_broken_link(
    planted_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check_links.main([str(planted_site)]) == 1
    assert "missing.html does not exist" in capsys.readouterr().out


def test_absolute_links_resolve_under_the_published_path(planted_site: Path) -> None:
    """The 404 page's links start with the path the home page's canonical URL
    names; one that names no file is broken, and other absolute paths leave
    the site."""
    (planted_site / "index.html").write_text(
        '<link rel="canonical" href="https://example.org/proj/index.html">'
    )
    (planted_site / "404.html").write_text(
        '<a href="/proj/page.html#section">ok</a>'
        '<img src="/proj/_images/ok.png" alt="ok">'
        '<a href="/proj/missing.html">planted</a>'
        '<a href="/elsewhere/page.html">planted</a>'
    )
    (planted_site / "page.html").write_text('<p id="section">ok</p>')
    assert check_links.published_path(planted_site) == "/proj/"
    assert sorted(check_links.check_site(planted_site).broken) == [
        "404.html: <a href> /elsewhere/page.html leaves the site",
        "404.html: <a href> /proj/missing.html does not exist",
    ]
