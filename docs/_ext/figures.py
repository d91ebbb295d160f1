"""Gallery figures: alt text that describes them, and the size of their text.

sphinx-gallery takes a figure's alt text from its titles, which name a figure
but do not say what it shows. :func:`scraper` wraps sphinx-gallery's
Matplotlib scraper: it gives each figure the description written for it in
``figure_alt.py`` (keyed by example file and figure number; a figure without
one fails the build), and records the smallest text each figure draws, in
pixels of the saved image, in ``gen_modules/figure_text/<image>.json``. The
browser tests read those files to check that the text is at least 9 pt at
the size the page shows the figure.

conf.py names the scraper by its import path, ``"figures.scraper"``, so that
sphinx-gallery's parallel workers can import it too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from figure_alt import ALT

# One figure in sphinx-gallery's reST: the image path, then its :alt: line.
_IMAGE = re.compile(
    r"(image-sg:: \S*?sphx_glr_(?P<stem>\w+?)_(?P<number>\d{3})\.\w+\n\s*:alt: )"
    r"(?P<alt>[^\n]*)"
)


def describe(rst: str) -> str:
    """Replace the alt text of every figure in ``rst`` by its description."""

    def replace(match: re.Match[str]) -> str:
        stem, number = match["stem"], int(match["number"])
        descriptions = ALT.get(stem, [])
        if number > len(descriptions):
            msg = (
                f"no alt text for figure {number} of {stem}.py: add it to "
                "docs/_ext/figure_alt.py"
            )
            raise LookupError(msg)
        return match[1] + descriptions[number - 1]

    return _IMAGE.sub(replace, rst)


def smallest_text_px(figure: Any) -> float:
    """The size of the smallest visible text of a figure, in image pixels."""
    from matplotlib.text import Text

    sizes = [
        text.get_fontsize()
        for text in figure.findobj(Text)
        if text.get_visible() and text.get_text().strip()
    ]
    return min(sizes) * figure.dpi / 72 if sizes else float("inf")


def scraper(block: Any, block_vars: dict[str, Any], gallery_conf: Any) -> str:
    """sphinx-gallery's Matplotlib scraper, with alt text and text sizes."""
    import matplotlib.pyplot as plt
    from sphinx_gallery.scrapers import matplotlib_scraper

    # The scraper saves and closes the figures in this order.
    sizes = [smallest_text_px(plt.figure(num)) for num in plt.get_fignums()]
    rst = matplotlib_scraper(block, block_vars, gallery_conf)
    images = _IMAGE.findall(rst)
    out = Path(gallery_conf["src_dir"]) / "gen_modules" / "figure_text"
    out.mkdir(parents=True, exist_ok=True)
    for (_, stem, number, _), size in zip(images, sizes, strict=False):
        record = {"smallest_text_px": round(size, 3)}
        path = out / f"sphx_glr_{stem}_{number}.json"
        text = json.dumps(record) + "\n"
        if not path.is_file() or path.read_text() != text:
            path.write_text(text)
    return describe(rst)
