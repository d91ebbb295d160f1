"""Formulas fit a phone: every formula on the reading path, at 390 px wide.

On each page of the path (home, Start here and the Basics examples, the math,
pros and cons and its examples, Explore), in light and dark mode, with every
dropdown opened, no display formula is wider than the text column, needs
sideways scrolling inside its box, or is cut off; and no inline formula is
cut off by a box that hides its overflow, or runs past the column where
nothing scrolls. A failure names the page and each formula that does not fit.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import ViewportSize

from tests_site.browser import HTML, MODES, Visit

PHONE: ViewportSize = {"width": 390, "height": 844}


def path_pages() -> list[str]:
    """The pages of the reading path, as paths relative to the build."""
    examples = [
        path.relative_to(HTML).as_posix()
        for section in ("basics", "pros_and_cons")
        for path in sorted((HTML / "auto_examples" / section).glob("plot_*.html"))
    ]
    basics = [p for p in examples if "/basics/" in p]
    pros_and_cons = [p for p in examples if "/pros_and_cons/" in p]
    return [
        "index.html",
        *basics,
        "math.html",
        "pros_and_cons.html",
        *pros_and_cons,
        "explore.html",
    ]


# A formula's problems, by formula. Display math is a <math display="block">
# in the converter's <div class="math"> wrapper; the wrapper may not scroll
# sideways or leave the column, and the formula may not leave the wrapper.
# Inline math may not leave a box that hides its overflow, nor the column
# unless a box between them scrolls (a wide table does).
FORMULAS_THAT_DO_NOT_FIT = """
() => {
  const column = document.querySelector("article.bd-article") ?? document.querySelector("main");
  const edge = column.getBoundingClientRect();
  const slack = 1;  // sub-pixel rounding
  const outside = (inner, outer) =>
    inner.left < outer.left - slack || inner.right > outer.right + slack;
  const problems = [];
  const name = (math) => math.textContent.replace(/\\s+/g, "").slice(0, 60);
  for (const math of document.querySelectorAll("math")) {
    if (!math.checkVisibility()) continue;
    const box = math.getBoundingClientRect();
    const wrapper = math.closest("div.math");
    if (math.getAttribute("display") === "block" || wrapper) {
      const why = [];
      const frame = (wrapper ?? math).getBoundingClientRect();
      if (wrapper && wrapper.scrollWidth > wrapper.clientWidth + slack) {
        why.push(`scrolls sideways (${wrapper.scrollWidth} px in ${wrapper.clientWidth} px)`);
      }
      if (wrapper && outside(box, frame)) why.push("cut off by its box");
      if (outside(frame, edge) || outside(box, edge)) {
        why.push(`wider than the column (${Math.round(box.width)} px in ${Math.round(edge.width)} px)`);
      }
      if (why.length) problems.push(`display ${name(math)}: ${why.join(", ")}`);
      continue;
    }
    let scrolls = false;
    let clipped = false;
    for (let el = math.parentElement; el && el !== column; el = el.parentElement) {
      const overflow = getComputedStyle(el).overflowX;
      if (overflow === "auto" || overflow === "scroll") { scrolls = true; break; }
      if ((overflow === "hidden" || overflow === "clip") && outside(box, el.getBoundingClientRect())) {
        problems.push(`inline ${name(math)}: cut off by a box that hides its overflow`);
        clipped = true;
        break;
      }
    }
    if (!scrolls && !clipped && outside(box, edge)) {
      problems.push(`inline ${name(math)}: runs past the column`);
    }
  }
  return [...new Set(problems)];
}
"""

OPEN_DROPDOWNS = (
    "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"
)


def test_the_path_is_in_the_build() -> None:
    pages = path_pages()
    missing = [page for page in pages if not (HTML / page).is_file()]
    assert missing == []
    assert sum("auto_examples/basics/" in page for page in pages) >= 4
    assert sum("auto_examples/pros_and_cons/" in page for page in pages) >= 4


def open_on_a_phone(
    visit_factory: Callable[..., Visit], origin: str, page_path: str, mode: str
) -> Visit:
    visit = visit_factory(mode)
    visit.page.set_viewport_size(PHONE)
    visit.page.goto(f"{origin}/{page_path}", wait_until="load")
    visit.page.evaluate(OPEN_DROPDOWNS)
    assert visit.page.evaluate("document.documentElement.dataset.theme") == mode
    return visit


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path_page", path_pages())
def test_every_formula_fits_a_phone(
    path_page: str, mode: str, origin: str, visit_factory: Callable[..., Visit]
) -> None:
    page = open_on_a_phone(visit_factory, origin, path_page, mode).page
    problems = page.evaluate(FORMULAS_THAT_DO_NOT_FIT)
    assert problems == [], f"{path_page} ({mode}) at 390 px:\n" + "\n".join(problems)


# A display formula as the converter writes it, far wider than a phone, and
# an inline one in a box that hides its overflow.
PLANTED = """
() => {
  const section = document.querySelector("article.bd-article section");
  const wide = "<mi>x</mi><mo>+</mo>".repeat(60) + "<mi>x</mi>";
  section.insertAdjacentHTML("beforeend",
    `<div class="math"><math display="block"><mrow>${wide}</mrow></math></div>` +
    `<p><span style="display: inline-block; overflow: hidden; max-width: 5em">` +
    `<math><mrow>${wide}</mrow></math></span></p>`);
}
"""


def test_the_check_sees_a_formula_that_does_not_fit(
    origin: str, visit_factory: Callable[..., Visit]
) -> None:
    page = open_on_a_phone(visit_factory, origin, "math.html", "light").page
    assert page.evaluate("document.querySelectorAll('div.math > math').length") >= 20
    page.evaluate(PLANTED)
    problems = [p for p in page.evaluate(FORMULAS_THAT_DO_NOT_FIT) if "x+x+x+" in p]
    assert len(problems) == 2, problems
    assert problems[0].startswith("display")
    assert "scrolls sideways" in problems[0]
    assert "wider than the column" in problems[0]
    assert problems[1].startswith("inline")
    assert problems[1].endswith("cut off by a box that hides its overflow")
