"""Gallery figures: alt text that describes them, and the size of their text.

sphinx-gallery takes a figure's alt text from its titles, which name a figure
but do not say what it shows. Each figure's description is written in its
script instead, next to the code that draws it, as a comment that begins
``# Alt text:`` and runs on over the comment lines that follow it (to a line
that is not a comment, or a bare ``#``)::

    ax.plot(x, sigmoid(x))
    # Alt text: The sigmoid from x = -10 to 10: an S-shaped curve rising
    # from 0 through 1/2 at x = 0 to 1.
    plt.show()

A code block that makes several figures (an animation counts as one) has one
such comment per figure, in the order it makes them.

:func:`scraper` wraps sphinx-gallery's Matplotlib scraper, which it calls with
the code block and after the block has run. It puts each figure's description
in its image's alt text (or in an animation's frame ``<img>``), and fails the
example, and so the build, when a block makes more or fewer figures than it
has descriptions. It also records, in ``gen_modules/figure_text/<image>.json``,
the smallest text each figure draws (in pixels of the saved image) and its
titles; the browser tests read those files to check that the text is at least
9 pt at the size the page shows the figure, and that the alt text is not the
title. The description is part of the script, so editing it reruns the
example on the next build.

The gallery page and every function's mini-gallery load all their
thumbnails at once. :func:`lighten_thumbnails`, run when the build finishes,
saves each copied thumbnail with a palette of 256 colours, which keeps a line
plot's look at about half the bytes.

conf.py lists this module as an extension and names the scraper by its import
path, ``"figures.scraper"``, so that sphinx-gallery's parallel workers can
import it too.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

ALT_TEXT = "# Alt text:"
_ALT_START = re.compile(r"^[ \t]*# Alt text:(?P<text>.*)$")
_COMMENT = re.compile(r"^[ \t]*#(?P<text>.*)$")
# An image in sphinx-gallery's reST (single or in a list of several), with the
# :alt: line that follows it.
_IMAGE = re.compile(r"(\.\. image-sg:: (?P<path>\S+)\n[ \t]*:alt: )[^\n]*")
# An animation's frame <img> in matplotlib's jshtml, as sphinx-gallery writes it.
_ANIMATION = re.compile(r'<img id="(_anim_img\w+)">')


def alt_texts(code: str) -> list[str]:
    """The descriptions written in ``code``'s ``# Alt text:`` comments, in order."""
    texts: list[str] = []
    words: list[str] | None = None  # the description being read
    for line in [*code.splitlines(), ""]:
        start = _ALT_START.match(line)
        comment = _COMMENT.match(line)
        if words is not None and (start or not comment or not comment["text"].strip()):
            texts.append(" ".join(word for word in words if word))
            words = None
        if start:
            words = [start["text"].strip()]
        elif words is not None and comment:
            words.append(comment["text"].strip())
    return texts


def describe(rst: str, descriptions: Mapping[str, str], animated: set[str]) -> str:
    """Give every image in a code block's reST its description as alt text.

    ``descriptions`` maps each figure's image name (``sphx_glr_plot_x_001``)
    to its description; the names in ``animated`` are animations, whose frame
    ``<img>`` elements take theirs in order. Raises LookupError unless every
    image has a non-empty description and every description an image.
    """
    used = []

    def description(name: str) -> str:
        text = descriptions.get(name, "").strip()
        if not text:
            msg = f"no alt text for the figure {name}: write a {ALT_TEXT!r} comment"
            raise LookupError(msg)
        used.append(name)
        return text

    rst = _IMAGE.sub(lambda m: m[1] + description(PurePosixPath(m["path"]).stem), rst)
    for name in (name for name in descriptions if name in animated):
        text = html.escape(description(name))
        rst, count = _ANIMATION.subn(rf'<img id="\1" alt="{text}">', rst, count=1)
        if count != 1:
            msg = f"the animation {name} has no frame <img> to describe"
            raise LookupError(msg)
    if sorted(used) != sorted(descriptions):
        msg = f"{ALT_TEXT!r} comments for figures that were not drawn: {descriptions}"
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
    # The block's code, as sphinx-gallery's Block(type, content, lineno).
    descriptions = alt_texts(block[1])
    if len(descriptions) != len(records):
        msg = (
            f"the code block at line {block[2]} of {block_vars['src_file']} makes "
            f"{len(records)} figures and has {len(descriptions)} {ALT_TEXT!r} "
            "comments: write one description per figure, in the order they are made"
        )
        raise LookupError(msg)
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
    animations = {name for name, record in records.items() if record["animation"]}
    return describe(rst, dict(zip(records, descriptions, strict=True)), animations)


def lighten(path: Path) -> None:
    """Save the PNG at ``path`` with a 256-colour palette, if that is smaller."""
    from PIL import Image

    with Image.open(path) as image:
        palette = image.convert("RGB").quantize(256, dither=Image.Dither.NONE)
    before = path.read_bytes()
    palette.save(path, optimize=True)
    if path.stat().st_size >= len(before):
        path.write_bytes(before)


def lighten_thumbnails(app: Any, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        for path in sorted((Path(app.outdir) / "_images").glob("sphx_glr_*_thumb.png")):
            lighten(path)


def setup(app: Any) -> dict[str, Any]:
    app.connect("build-finished", lighten_thumbnails)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
