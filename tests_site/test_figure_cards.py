"""Gallery figures sit on the same framed light card in light and dark mode.

The figures are drawn on white. Rather than a dark version of each, the site
shows every gallery figure (and animation) on a white card with a thin frame,
the same way on every page and in both modes (docs/_static/css/sigmoid.css),
so that in dark mode a figure reads as a figure, not as a white hole.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests_site.browser import MODES, Visit

# The look of each gallery figure's card, as the browser computes it.
CARDS = """
() => [...document.querySelectorAll(
  "img.sphx-glr-single-img, img.sphx-glr-multi-img, .sphx-glr-animation .animation"
)].map((element) => {
  const style = getComputedStyle(element);
  return {
    what: element.getAttribute("src") ?? "an animation",
    background: style.backgroundColor,
    border: `${style.borderTopWidth} ${style.borderTopStyle}`,
    radius: style.borderTopLeftRadius,
    padding: style.paddingTop,
    filter: style.filter,
  };
})
"""
CARD = {
    "background": "rgb(255, 255, 255)",
    "border": "1px solid",
    "radius": "6.4px",  # 0.4rem
    "padding": "8px",  # 0.5rem
    "filter": "none",
}


@pytest.mark.parametrize("mode", MODES)
def test_every_gallery_figure_is_on_the_same_framed_card(
    example_path: str, origin: str, visit_factory: Callable[..., Visit], mode: str
) -> None:
    page = visit_factory(mode).page
    page.goto(f"{origin}/{example_path}", wait_until="load")
    assert page.evaluate("document.documentElement.dataset.theme") == mode
    problems = [
        f"{card['what']}: {key} is {card[key]!r}, not {value!r}"
        for card in page.evaluate(CARDS)
        for key, value in CARD.items()
        if card[key] != value
    ]
    assert not problems, f"{example_path} ({mode}):\n" + "\n".join(problems)
