"""Every page of the built site, as a reader meets it, in light and dark mode.

Each page loads with no console or page errors, no failed, missing or
off-site request, every image decoded and all math typeset; axe-core finds no
serious or critical violation, at desktop width and, with the window then
narrowed, on a phone (390 px, where the theme shows other controls: icon
buttons, a menu toggle); on the phone, no heading
or table is wider than the text column (the tables of numbers on Accuracy and
speed may scroll sideways); the page weighs at most 1.5 MB on first load. A full-page screenshot of each page in each
mode is saved beside the build.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests_site.browser import (
    HTML,
    MODES,
    PHONE,
    ROOT,
    SCREENSHOTS,
    SiteReport,
    Visit,
)

MAX_PAGE_BYTES = 1_500_000
AXE_JS = Path(
    os.environ.get("AXE_JS", ROOT / "node_modules" / "axe-core" / "axe.min.js")
)
BLOCKING_IMPACTS = {"serious", "critical"}

# Force lazy images to load, wait until each is decoded, and name the ones
# that are not: a broken image has naturalWidth 0.
UNDECODED_IMAGES = """
async () => {
  const images = [...document.images];
  images.forEach((img) => { img.loading = "eager"; });
  await Promise.all(images.map((img) => img.decode().catch(() => null)));
  return images
    .filter((img) => !(img.complete && img.naturalWidth > 0))
    .map((img) => img.getAttribute("src"));
}
"""

# Math is typeset when no TeX source is left in the text a reader sees and
# every formula has a rendered box: MathML <math> elements (the build's
# renderer) or, should the site switch to MathJax, its containers.
UNTYPESET_MATH = """
() => {
  const problems = [];
  // Code may spell TeX on purpose (matplotlib labels): read the prose only.
  const main = document.querySelector("main")?.cloneNode(true);
  main?.querySelectorAll("pre, code, script, style, math").forEach((el) => el.remove());
  const text = main?.textContent ?? "";
  for (const marker of ["\\\\(", "\\\\[", "$$", "\\\\frac", "\\\\sigma"]) {
    if (text.includes(marker)) problems.push(`raw TeX ${marker} in the text`);
  }
  const raw = document.querySelectorAll(
    "span.math:not(:has(math, mjx-container)), div.math:not(:has(math, mjx-container))"
  );
  if (raw.length) problems.push(`${raw.length} math nodes without MathML or MathJax`);
  for (const math of document.querySelectorAll("math")) {
    // Math the page does not show yet (a closed <details>, a tab not
    // selected) has no box until it is shown.
    if (!math.checkVisibility()) continue;
    const box = math.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) {
      problems.push(`empty box for ${math.textContent.slice(0, 40)}`);
    }
  }
  return problems;
}
"""

# On a phone, the headings and tables wider than the text column. A table
# may scroll sideways in its box only if it is a table of measured numbers.
TOO_WIDE = """
() => [...document.querySelectorAll("article :is(h1, h2, h3, table)")]
  .filter((el) => !el.closest("section#accuracy, section#speed, section#costs-you-can-predict"))
  .filter((el) => {
    const box = el.closest(".pst-scrollable-table-container") ?? el.parentElement;
    const width = Math.max(el.scrollWidth, el.getBoundingClientRect().width);
    return width > box.clientWidth + 1;
  })
  .map((el) => `${el.tagName.toLowerCase()} ${el.textContent.trim().slice(0, 40)}`)
"""

AXE_RUN = """
async () => {
  // No preload: axe would refetch the stylesheets itself and resolve their
  // @import against the page rather than the sheet, asking for files that
  // do not exist.
  const result = await axe.run(document, {
    resultTypes: ["violations"],
    preload: false,
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}
"""


def screenshot_path(page_path: str, mode: str) -> Path:
    return (
        SCREENSHOTS
        / mode
        / (page_path.replace("/", "__").removesuffix(".html") + ".png")
    )


@pytest.mark.parametrize("mode", MODES)
def test_page_reads_cleanly(
    page_path: str,
    mode: str,
    origin: str,
    visit_factory: Callable[..., Visit],
    site_report: SiteReport,
) -> None:
    visit = visit_factory(mode)
    page = visit.page
    response = page.goto(f"{origin}/{page_path}", wait_until="load")
    assert response is not None
    assert response.ok, f"{page_path}: HTTP {response.status}"
    assert page.evaluate("document.documentElement.dataset.theme") == mode

    undecoded = page.evaluate(UNDECODED_IMAGES)
    page.wait_for_load_state("networkidle")
    assert undecoded == [], f"{page_path}: images not decoded"
    assert page.evaluate(UNTYPESET_MATH) == []

    if mode == "light":
        weight = visit.transferred_bytes()
        site_report.weights[page_path] = weight
        site_report.requests[page_path] = len(visit.finished)

    shot = screenshot_path(page_path, mode)
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shot, full_page=True, animations="disabled")

    problems = visit.problems()
    violations = run_axe(page)
    site_report.axe[f"{page_path} ({mode})"] = violations
    # The same page on a phone: the theme swaps in other controls there.
    page.set_viewport_size(PHONE)
    # The theme gives regions that now scroll a tab stop 300 ms after the
    # last resize (as a page opened on a phone has from the start).
    page.wait_for_timeout(600)
    phone = page.evaluate(AXE_RUN)
    site_report.axe[f"{page_path} ({mode}, {PHONE['width']} px)"] = phone
    too_wide = page.evaluate(TOO_WIDE)

    assert problems == {}, f"{page_path} ({mode})"
    for width, found in (("desktop", violations), ("phone", phone)):
        blocking = [v for v in found if v["impact"] in BLOCKING_IMPACTS]
        assert blocking == [], f"{page_path} ({mode}, {width}): axe found problems"
    assert too_wide == [], f"{page_path} ({mode}): wider than a phone"
    if mode == "light":
        assert weight <= MAX_PAGE_BYTES, f"{page_path}: {weight:,} B on first load"


def test_the_width_check_sees_what_a_phone_cannot_show(
    origin: str, visit_factory: Callable[..., Visit]
) -> None:
    page = visit_factory("light").page
    page.set_viewport_size(PHONE)
    page.goto(f"{origin}/gen_modules/sigmoid.generalized_logistic.html")
    assert page.evaluate(TOO_WIDE) == []
    # Without the site's rule that lets long names wrap, the title is too wide.
    page.add_style_tag(content="h1 { overflow-wrap: normal !important; }")
    assert page.evaluate(TOO_WIDE) == ["h1 sigmoid.generalized_logistic#"]


def run_axe(page: Any) -> list[dict[str, Any]]:
    if not AXE_JS.is_file():
        pytest.fail(f"axe-core not found at {AXE_JS}: run `nox -s site`")
    page.add_script_tag(path=AXE_JS)
    violations: list[dict[str, Any]] = page.evaluate(AXE_RUN)
    return violations


def test_every_page_was_found() -> None:
    """The parametrized tests above ran over a real build, not an empty one."""
    pages = list(HTML.rglob("*.html"))
    assert (HTML / "index.html") in pages
    assert (HTML / "explore.html") in pages
    assert any("auto_examples" in path.parts for path in pages)
