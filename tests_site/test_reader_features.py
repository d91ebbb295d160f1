"""What a reader does besides reading: copying code, opening the site from disk,
and relying on alt text where a figure cannot be seen."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from tests_site.browser import HTML, Visit, site_pages

# Alt text sphinx-gallery falls back to for a figure without a title
# ("plot sigmoid" for plot_sigmoid.py), file names, and empty words.
GENERIC_ALT = re.compile(
    r"^(plot\b.*|image|figure|untitled|.*\.(png|svg|jpe?g|gif)|.*sphx_glr.*)$",
    re.IGNORECASE,
)
UNDECODED = (
    "() => [...document.images]"
    ".filter((img) => !(img.complete && img.naturalWidth > 0))"
    ".map((img) => img.getAttribute('src'))"
)


def first_example_page() -> str:
    examples = [p for p in site_pages() if re.search(r"auto_examples/.+/plot_", p)]
    if not examples:
        pytest.fail("no gallery example pages in the build")
    return examples[0]


def test_copy_button_puts_code_on_clipboard(
    origin: str, visit_factory: Callable[..., Visit]
) -> None:
    visit = visit_factory(clipboard=True)
    page = visit.page
    page.goto(f"{origin}/{first_example_page()}", wait_until="load")
    block = page.locator("div.highlight-Python").first
    code = block.locator("pre").inner_text()
    block.hover()
    block.locator("button.copybtn").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == code.strip()
    assert "import" in copied
    assert visit.problems() == {}


def test_copy_button_leaves_out_prompts_and_output(
    origin: str, visit_factory: Callable[..., Visit]
) -> None:
    """Doctest blocks copy as runnable code: no ``>>>`` and no printed result."""
    pages = [p for p in site_pages() if "&gt;&gt;&gt;" in (HTML / p).read_text()]
    if not pages:
        pytest.skip("no page shows a doctest")
    visit = visit_factory(clipboard=True)
    page = visit.page
    page.goto(f"{origin}/{pages[0]}", wait_until="load")
    block = page.locator("div.highlight:has(.gp)").first
    block.hover()
    block.locator("button.copybtn").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip()
    assert ">>>" not in copied


@pytest.mark.parametrize("which", ["index.html", "explore.html", "example"])
def test_site_works_from_disk(
    which: str, file_visit_factory: Callable[..., Visit]
) -> None:
    page_path = first_example_page() if which == "example" else which
    visit = file_visit_factory()
    page = visit.page
    page.goto((HTML / page_path).as_uri(), wait_until="load")
    page.evaluate(
        "() => Promise.all([...document.images].map((img) =>"
        " { img.loading = 'eager'; return img.decode().catch(() => null); }))"
    )
    assert page.evaluate(UNDECODED) == []
    assert page.locator("link[rel=stylesheet]").count() > 0
    # The theme's stylesheet applied: the header is laid out as a flex bar.
    assert page.evaluate(
        "getComputedStyle(document.querySelector('.bd-header')).display"
    ) in {"flex", "block"}
    if which == "explore.html":
        page.wait_for_selector(".sigmoid-explorer--ready")
        curve = page.locator("#explorer-curve")
        before = curve.get_attribute("d")
        page.locator("#explorer-steepness").focus()
        page.keyboard.press("ArrowRight")
        assert curve.get_attribute("d") != before
    assert visit.problems() == {}


def figures() -> list[tuple[str, str | None, bool]]:
    """(page, alt, is a gallery thumbnail) for every <img> of the build."""
    found = []
    for page_path in site_pages():
        soup = BeautifulSoup((HTML / page_path).read_text(), "html.parser")
        for img in soup.find_all("img"):
            alt = img.get("alt")
            thumb = img.find_parent(class_="sphx-glr-thumbcontainer") is not None
            found.append((page_path, None if alt is None else str(alt), thumb))
    return found


def test_every_figure_says_what_it_shows() -> None:
    offenders = []
    for page_path, alt, thumb in figures():
        if thumb and alt == "":
            # A thumbnail is decorative: the example's title is the link
            # right below it, and a screen reader should not read it twice.
            continue
        if not alt or not alt.strip() or GENERIC_ALT.match(alt.strip()):
            offenders.append(f"{page_path}: alt={alt!r}")
        elif "$" in alt or "\\" in alt:
            offenders.append(f"{page_path}: TeX in alt={alt!r}")
    assert offenders == []


def test_alt_text_check_catches_generic_names() -> None:
    for alt in ["plot sigmoid", "sphx_glr_plot_sigmoid_001.png", "image"]:
        assert GENERIC_ALT.match(alt), alt
    for alt in ["Sigmoid and its derivative", "Training loss of the regression"]:
        assert not GENERIC_ALT.match(alt), alt
