"""Every image of the site carries its size and loads lazily.

A browser that knows an image's size before the image arrives lays the page
out once, with no shift as images come in (Lighthouse's ``unsized-images``);
a lazy image is fetched only when it comes near the screen, so images further
down the page do not compete with what a reader on a phone sees first
(``offscreen-images``), and an image the page hides is never fetched at all:
that is how the home page loads only the variant of its figure that the
current theme shows (see ``home_figure.py``).

- Sphinx's own images (the home figure, the gallery's thumbnails) get
  ``width`` and ``height`` from the image file, scaled to the width the page
  asks for (``:width: 700px``), and ``loading="lazy"``, when Sphinx resolves
  the page. An image that had no size of its own stays unlinked, as it was
  (Sphinx links a resized image to its file).
- An animation (Matplotlib's jshtml, which sphinx-gallery embeds) shows
  its frames in an ``<img>`` whose pictures a script sets: the tag gets the
  size of the first frame, read from that frame's PNG header, when the page
  is written.
- sphinx-gallery writes its figures' ``<img>`` itself, from its
  ``image-sg`` node: its HTML visitor is wrapped so that the tag it writes
  gets the size of the figure's file (the 1x image; the 2x one in
  ``srcset`` shows at the same size) and ``loading="lazy"``. The wrapper
  checks the markup it adds to: when sphinx-gallery writes something else,
  the build stops with a warning so that the change is looked at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_PIXELS = re.compile(r"(?P<value>\d+(\.\d*)?)(px)?")
# The tag sphinx-gallery 0.22's visit_imgsg_html writes, before it has a size.
_GALLERY_IMG = re.compile(r"<img (?=src=)(?![^>]*\b(width|height|loading)=)")


def display_size(natural: tuple[int, int], width: str | None) -> tuple[int, int]:
    """The width and height, in CSS pixels, at which a page shows an image.

    ``natural`` is the file's size in pixels; ``width`` the width the page
    sets (``"700px"`` or ``"700"``), or None for the natural size. The height
    keeps the image's aspect ratio. Raises ValueError for a width in other
    units, which has no size in pixels to give.
    """
    if width is None:
        return natural
    found = _PIXELS.fullmatch(width.strip())
    if found is None:
        msg = f"width {width!r} is not in pixels: give the image a width in px"
        raise ValueError(msg)
    shown = float(found["value"])
    return round(shown), round(shown * natural[1] / natural[0])


def size_gallery_img(html: str, size: tuple[int, int]) -> tuple[str, list[str]]:
    """Give the one ``<img>`` that sphinx-gallery wrote its size and lazy loading.

    Returns the HTML and what does not look as expected (no such tag, or
    more than one): sphinx-gallery changed how it writes figures.
    """
    tags = len(_GALLERY_IMG.findall(html))
    if tags != 1:
        problem = (
            f"sphinx-gallery wrote {tags} unsized <img> tags for one figure, "
            "not 1: check docs/_ext/images.py against its visit_imgsg_html"
        )
        return html, [problem]
    attributes = f'<img width="{size[0]}" height="{size[1]}" loading="lazy" '
    return _GALLERY_IMG.sub(attributes, html), []


_ANIMATION_IMG = re.compile(r'<img id="_anim_img\w+"(?![^>]*\bwidth=)')
_FIRST_FRAME = re.compile(r'frames\[0\] = "data:image/png;base64,([A-Za-z0-9+/]{32})')


def size_animations(body: str) -> tuple[str, list[str]]:
    """Give each jshtml animation's ``<img>`` the size of its first frame.

    The frames follow the tag in the animation's script; a PNG's header
    holds its width and height (bytes 16 to 24). Returns the body and what
    does not look as expected (a tag with no PNG frame after it).
    """
    import base64
    import struct

    problems = []
    pieces = []
    end = 0
    for tag in _ANIMATION_IMG.finditer(body):
        frame = _FIRST_FRAME.search(body, tag.end())
        pieces.append(body[end : tag.end()])
        end = tag.end()
        if frame is None:
            problems.append("a jshtml animation without PNG frames after its <img>")
            continue
        header = base64.b64decode(frame[1])
        width, height = struct.unpack(">II", header[16:24])
        pieces.append(f' width="{width}" height="{height}"')
    pieces.append(body[end:])
    return "".join(pieces), problems


def _size_animations(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    del app, templatename, doctree
    from sphinx.util import logging

    body = context.get("body")
    if isinstance(body, str) and "_anim_img" in body:
        context["body"], problems = size_animations(body)
        for problem in problems:
            logging.getLogger(__name__).warning(problem, location=pagename)


def _image_size(path: Path) -> tuple[int, int]:
    from sphinx.util.images import get_image_size

    size = get_image_size(path)
    if size is None:
        msg = f"cannot read the size of {path}"
        raise ValueError(msg)
    return size


def _size_images(app: Any, doctree: Any, docname: str) -> None:
    from docutils import nodes
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    for node in doctree.findall(nodes.image):
        uri = node["uri"]
        if "://" in uri or uri.startswith("data:"):
            continue
        try:
            natural = _image_size(Path(app.srcdir) / uri)
            width, height = display_size(natural, node.get("width"))
        except ValueError as error:
            logger.warning(str(error), location=node)
            continue
        if not any(key in node for key in ("width", "height", "scale")):
            # Sphinx links a resized image to its file; one that only gains
            # its own size here is not resized, and stays unlinked.
            node["classes"].append("no-scaled-link")
        if "height" not in node:
            node["width"], node["height"] = str(width), str(height)
        node["loading"] = "lazy"
    del docname


def _wrap_gallery_visitor(app: Any) -> None:
    from sphinx.util import logging
    from sphinx_gallery.directives import (
        depart_imgsg_html,
        imgsgnode,
        visit_imgsg_html,
    )

    logger = logging.getLogger(__name__)

    def visit(translator: Any, node: Any) -> None:
        start = len(translator.body)
        visit_imgsg_html(translator, node)
        if node["srcset"] is None:  # written by Sphinx's visit_image
            return
        html = "".join(translator.body[start:])
        try:
            size = _image_size(Path(app.srcdir) / node["uri"].lstrip("/"))
        except ValueError as error:
            logger.warning(str(error), location=node)
            return
        html, problems = size_gallery_img(html, size)
        for problem in problems:
            logger.warning(problem, location=node)
        translator.body[start:] = [html]

    app.add_node(imgsgnode, override=True, html=(visit, depart_imgsg_html))


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("sphinx_gallery.gen_gallery")
    _wrap_gallery_visitor(app)
    app.connect("doctree-resolved", _size_images)
    app.connect("html-page-context", _size_animations)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
