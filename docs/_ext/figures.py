"""Gallery figures: alt text that describes them, and the size of their text.

sphinx-gallery takes a figure's alt text from its titles, which name a figure
but do not say what it shows. Two hooks fix that and measure the text:

- :func:`scraper` wraps sphinx-gallery's Matplotlib scraper. For every figure
  it records, in ``gen_modules/figure_text/<image>.json``, the smallest text
  the figure draws (in pixels of the saved image) and its titles; the browser
  tests read those files to check that the text is at least 9 pt at the size
  the page shows the figure, and that the alt text is not the title. An
  animation's frames go into an ``<img>`` of the page's raw HTML rather than
  an image file: the scraper gives that ``<img>`` the name of the figure as a
  placeholder alt text.
- :func:`describe`, run on each gallery page's reST as Sphinx reads it, puts
  the description written in ``figure_alt.py`` in the alt text of every
  figure. The scraper runs only when an example changes, so doing this at
  read time, with ``figure_alt.py`` noted as a dependency of the page, is what
  makes an edited description reach the page on the next build. A figure
  without a description, or a description without a figure, fails the build.

conf.py lists this module as an extension and names the scraper by its import
path, ``"figures.scraper"``, so that sphinx-gallery's parallel workers can
import it too.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

FIGURE_ALT = Path(__file__).with_name("figure_alt.py")
# An image in sphinx-gallery's reST (single or in a list of several), with the
# :alt: line that follows it.
_IMAGE = re.compile(r"(\.\. image-sg:: (?P<path>\S+)\n[ \t]*:alt: )[^\n]*")
# An animation's frame <img> in matplotlib's jshtml, once the scraper named it.
_ANIMATION = re.compile(r'(<img id="_anim_img\w+" alt=")(?P<name>sphx_glr_[^"]+)(")')
_NAME = re.compile(r"sphx_glr_(?P<stem>.+)_(?P<number>\d{3})")


def describe(rst: str, stem: str, descriptions: Sequence[str]) -> str:
    """Give every figure in an example's reST its description as alt text.

    ``descriptions`` are those of the example ``stem``, one per figure in the
    order the example makes them. Raises LookupError unless they match the
    figures one to one.
    """
    numbers = []

    def description(name: str) -> str:
        found = _NAME.fullmatch(name)
        if found is None or found["stem"] != stem:
            msg = f"{name!r} is not named like a figure of {stem}.py"
            raise LookupError(msg)
        number = int(found["number"])
        numbers.append(number)
        if number > len(descriptions) or not descriptions[number - 1].strip():
            msg = (
                f"no alt text for figure {number} of {stem}.py: add it to "
                "docs/_ext/figure_alt.py"
            )
            raise LookupError(msg)
        return descriptions[number - 1]

    rst = _IMAGE.sub(lambda m: m[1] + description(PurePosixPath(m["path"]).stem), rst)
    rst = _ANIMATION.sub(
        lambda m: m[1] + html.escape(description(m["name"])) + m[3], rst
    )
    if sorted(numbers) != list(range(1, len(descriptions) + 1)):
        msg = (
            f"{stem}.py makes {len(numbers)} figures and docs/_ext/figure_alt.py "
            f"describes {len(descriptions)}: make them match"
        )
        raise LookupError(msg)
    return rst


def smallest_text_px(figure: Any, dpi: float) -> float:
    """The size of the smallest visible text of a figure saved at ``dpi``, in pixels."""
    from matplotlib.text import Text

    figure.draw_without_rendering()  # tick labels get their text when drawn
    sizes = [
        text.get_fontsize()
        for text in figure.findobj(Text)
        if text.get_visible() and text.get_alpha() != 0 and text.get_text().strip()
    ]
    return min(sizes) * dpi / 72 if sizes else float("inf")


def _titles(figure: Any) -> str:
    """The titles sphinx-gallery would have made the alt text of."""
    titles = [figure.get_suptitle()]
    for ax in figure.axes:
        titles += [ax.get_title(loc) for loc in ("left", "center", "right")]
    return ", ".join(title for title in titles if title)


def scraper(block: Any, block_vars: dict[str, Any], gallery_conf: Any) -> str:
    """sphinx-gallery's Matplotlib scraper, recording each figure's text size."""
    import matplotlib as mpl
    import matplotlib.pyplot as plt
    from matplotlib.animation import Animation
    from sphinx_gallery.scrapers import matplotlib_scraper

    # The scraper takes the figures in this order, each with the next path.
    paths = block_vars["image_path_iterator"]
    first = len(paths)
    animated = {
        value._fig  # type: ignore[attr-defined]  # as sphinx-gallery finds it
        for value in block_vars["example_globals"].values()
        if isinstance(value, Animation)
    }
    records = {}
    for index, number in enumerate(plt.get_fignums()):
        figure = plt.figure(number)
        dpi = mpl.rcParams["savefig.dpi"]
        name = PurePosixPath(paths.image_path.format(first + index + 1)).stem
        records[name] = {
            "smallest_text_px": round(
                smallest_text_px(figure, figure.dpi if dpi == "figure" else dpi), 3
            ),
            "title": _titles(figure),
            "animation": figure in animated,
        }
    rst: str = matplotlib_scraper(block, block_vars, gallery_conf)
    if len(paths) != first + len(records):
        msg = (
            f"sphinx-gallery's scraper named {len(paths) - first} images for "
            f"{len(records)} figures: the text sizes would be recorded for the "
            "wrong images"
        )
        raise RuntimeError(msg)
    out = Path(gallery_conf["src_dir"]) / "gen_modules" / "figure_text"
    out.mkdir(parents=True, exist_ok=True)
    for name, record in records.items():
        path = out / f"{name}.json"
        text = json.dumps(record, ensure_ascii=False) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for name in (name for name, record in records.items() if record["animation"]):
        rst = re.sub(
            r'<img id="(_anim_img\w+)">', rf'<img id="\1" alt="{name}">', rst, count=1
        )
    return rst


def _describe_page(app: Any, docname: str, source: list[str]) -> None:
    gallery = app.config.sphinx_gallery_conf["gallery_dirs"]
    folder, _, stem = docname.rpartition("/")
    if not folder.startswith(tuple(gallery)) or not stem.startswith("plot_"):
        return
    from figure_alt import ALT

    app.env.note_dependency(str(FIGURE_ALT))
    source[0] = describe(source[0], stem, ALT.get(stem, []))


def setup(app: Any) -> dict[str, Any]:
    app.connect("source-read", _describe_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
