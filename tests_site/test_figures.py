"""Gallery figures as a reader meets them at 1280 px: text of at least 9 pt,
and alt text that says what the figure shows rather than repeating its title.

The build records each figure's smallest text, in pixels of the saved image,
and its titles in ``docs/gen_modules/figure_text/<image>.json``
(``docs/_ext/figures.py``). The page may show a figure smaller than it was
saved: the text shown is that size times the displayed scale.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from tests_site.browser import ROOT, SiteReport, Visit

MIN_POINTS = 9.0
POINTS_PER_CSS_PX = 72 / 96
FIGURE_TEXT = ROOT / "docs" / "gen_modules" / "figure_text"

# Every gallery figure (an animation shows its frames in one <img>), once
# loaded, with its size as laid out and as drawn.
FIGURES = """
async () => {
  const images = [...document.querySelectorAll(
    "img.sphx-glr-single-img, img.sphx-glr-multi-img, img[id^='_anim_img']"
  )];
  images.forEach((img) => { img.loading = "eager"; });
  await Promise.all(images.map((img) => img.decode().catch(() => null)));
  return images.map((img) => ({
    src: img.getAttribute("src") ?? "",
    animation: img.id.startsWith("_anim_img"),
    alt: img.getAttribute("alt"),
    width: img.getBoundingClientRect().width,
    naturalWidth: img.naturalWidth,
  }));
}
"""


def records(stem: str) -> dict[str, dict[str, Any]]:
    """The build's records of the figures of one example, by image name."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(FIGURE_TEXT.glob(f"sphx_glr_{stem}_[0-9][0-9][0-9].json"))
    }


def test_figure_text_is_readable_and_alt_is_not_the_title(
    example_path: str,
    origin: str,
    visit_factory: Callable[..., Visit],
    site_report: SiteReport,
) -> None:
    stem = PurePosixPath(example_path).stem
    found = records(stem)
    animations = [name for name, record in found.items() if record["animation"]]
    page = visit_factory().page
    page.goto(f"{origin}/{example_path}", wait_until="load")
    if animations:  # the jshtml script loads the first frame
        page.wait_for_function(
            "[...document.querySelectorAll(\"img[id^='_anim_img']\")]"
            ".every((img) => img.complete && img.naturalWidth > 0)"
        )
    problems = []
    for figure in page.evaluate(FIGURES):
        if figure["animation"]:
            name = animations.pop(0) if animations else "an animation"
        else:
            name = PurePosixPath(figure["src"]).stem
        if name not in found:
            problems.append(f"{name}: no record in {FIGURE_TEXT}")
            continue
        scale = figure["width"] / figure["naturalWidth"]
        shown = found[name]["smallest_text_px"] * scale * POINTS_PER_CSS_PX
        site_report.figure_text[name] = round(shown, 1)
        if shown < MIN_POINTS:
            problems.append(
                f"{name}: smallest text {shown:.1f} pt (shown at {scale:.0%} of"
                f" {figure['naturalWidth']} px)"
            )
        alt, title = (figure["alt"] or "").strip(), found[name]["title"].strip()
        if not alt or alt.casefold() == title.casefold():
            problems.append(f"{name}: alt text {alt!r} is empty or the title")
    assert not problems, f"{example_path}:\n" + "\n".join(problems)
