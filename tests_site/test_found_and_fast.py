"""What search engines, link previews and a phone get from the built site.

Every page names itself (title, description, canonical URL, Open Graph and
Twitter card tags with the home figure as image); the sitemap lists every
page and robots.txt names it; every image carries its size and loads lazily;
the home page fetches only the figure the theme shows; the 404 page, served
at a missing address as a static host does, leads back to the reading path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from load_file import load_module
from playwright.sync_api import Browser

from tests_site.browser import HTML, MODES, ROOT, Visit, open_visit, site_pages

# Pages that are no one's landing page: the sitemap leaves them out.
NOT_IN_SITEMAP = {"404.html", "search.html", "genindex.html"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _soup(page: str) -> BeautifulSoup:
    return BeautifulSoup((HTML / page).read_text("utf-8"), "html.parser")


def _meta(soup: BeautifulSoup, key: str) -> str:
    tag = soup.find("meta", attrs={"property": key}) or soup.find(
        "meta", attrs={"name": key}
    )
    assert tag is not None, f"no <meta> {key}"
    return str(tag["content"])


def _base_url() -> str:
    canonical = _soup("index.html").select_one('link[rel="canonical"]')
    assert canonical is not None
    return str(canonical["href"]).removesuffix("index.html")


def test_every_page_describes_itself_to_search_and_previews() -> None:
    base = _base_url()
    assert base.startswith("https://")
    assert base.endswith("/")
    pages = [p for p in site_pages() if p not in NOT_IN_SITEMAP]
    assert len(pages) > 30
    for page in pages:
        soup = _soup(page)
        assert soup.title is not None, page
        assert soup.title.string, page
        canonical = soup.select_one('link[rel="canonical"]')
        assert canonical is not None, page
        assert canonical["href"] == base + page
        assert _meta(soup, "og:url") == base + page
        assert _meta(soup, "og:title"), page
        description = _meta(soup, "description")
        assert 20 < len(description) <= 160, f"{page}: {description!r}"
        assert "\\" not in description, f"{page}: TeX in {description!r}"
        assert _meta(soup, "og:description") == description
        image = _meta(soup, "og:image")
        assert image.startswith(base), page
        assert (HTML / image.removeprefix(base)).is_file(), image
        assert _meta(soup, "og:image:alt"), page
        assert _meta(soup, "twitter:card") == "summary_large_image"


def test_sitemap_lists_every_page_and_robots_txt_names_it() -> None:
    base = _base_url()
    urls = ET.parse(HTML / "sitemap.xml").getroot()
    listed = {str(loc.text).removeprefix(base) for loc in urls.iter(f"{SITEMAP}loc")}
    assert listed == set(site_pages()) - NOT_IN_SITEMAP
    assert next(urls.iter(f"{SITEMAP}lastmod"), None) is None  # reproducible
    robots = (HTML / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {base}sitemap.xml" in robots.splitlines()


def test_every_image_has_its_size_and_loads_lazily() -> None:
    checked = 0
    for page in site_pages():
        for img in _soup(page).select("main img"):
            checked += 1
            assert img.get("width"), f"{page}: {img}"
            assert img.get("height"), f"{page}: {img}"
            if not str(img.get("id", "")).startswith("_anim_img"):
                assert img.get("loading") == "lazy", f"{page}: {img}"
    assert checked > 50


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_page_fetches_only_the_figure_the_theme_shows(
    scheme: str, origin: str, visit_factory: Callable[..., Visit]
) -> None:
    """On a first visit the theme follows the system; after a switch, the other
    figure comes in."""
    visit = visit_factory(scheme)
    page = visit.page
    # A first visit: nothing stored, the theme is "auto" and follows the system.
    page.add_init_script("localStorage.clear()")
    page.goto(f"{origin}/index.html", wait_until="load")
    page.wait_for_load_state("networkidle")

    def figures() -> list[str]:
        return sorted(
            Path(urlsplit(r.url).path).name
            for r in visit.finished
            if "sigmoid_overlay" in r.url
        )

    assert figures() == [f"sigmoid_overlay_{scheme}.png"]
    other = "dark" if scheme == "light" else "light"
    page.evaluate(f"document.documentElement.dataset.theme = '{other}'")
    page.wait_for_function(
        f"document.querySelector('img.only-{other}').complete"
        f" && document.querySelector('img.only-{other}').naturalWidth > 0"
    )
    assert figures() == sorted(f"sigmoid_overlay_{mode}.png" for mode in MODES)


def test_404_page_leads_back_to_the_reading_path(browser: Browser) -> None:
    """Served as GitHub Pages serves it (tools/lighthouse.py's host): at any
    missing address, under the path the site is published at, with every
    link and asset working."""
    lighthouse = load_module(ROOT / "tools" / "lighthouse.py")
    prefix = lighthouse.published_path(HTML)
    with lighthouse.serve(HTML) as origin:
        visit = open_visit(browser, local=lambda url: url.startswith(origin + "/"))
        page = visit.page
        response = page.goto(f"{origin}{prefix}no/such/page.html", wait_until="load")
        assert response is not None
        assert response.status == 404
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").first.inner_text() == "Page not found"
        links = page.locator("ol.reading-path a")
        assert links.count() == 6
        assert links.first.inner_text() == "The logistic sigmoid"
        for href in links.evaluate_all("links => links.map((a) => a.href)"):
            assert page.request.get(href).status == 200, href
        # The visit's own checks count the 404 of the page itself; nothing else.
        problems = visit.problems()
        assert problems.pop("responses >= 400") == [
            f"404 {origin}{prefix}no/such/page.html"
        ]
        assert problems.pop("console errors", [""])[0].startswith(
            "Failed to load resource"
        )
        assert problems == {}
        visit.context.close()
