"""Fix what axe-core and the offline checks in tests_site/ find in the theme and
the gallery, where no configuration option does it.

- pydata-sphinx-theme's sidebar expand buttons are ``<summary>`` elements
  holding only a chevron icon: nameless for screen readers (axe
  summary-name). Each gets a visually hidden name.
- matplotlib's jshtml animations, which sphinx-gallery embeds, load Font
  Awesome 4 from a CDN (the theme already ships Font Awesome, whose ``fa``
  classes the buttons use), show a slider without a label (axe label), and
  name their elements with a random UUID, so two builds never match. The
  link is dropped, the slider is named, and the UUID is replaced by one
  derived from the page, so the output is reproducible. (The frames'
  ``<img>`` gets its alt text, like every gallery figure, from
  ``figures.py``.)
- sphinx-gallery hides the text of each thumbnail link (axe link-name) and
  wide display equations scroll without a tab stop (axe
  scrollable-region-focusable): ``_static/css/a11y.css`` and
  ``_static/a11y.js``, added to every page here.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from markupsafe import Markup

_SUMMARY = '<summary><span class="toctree-toggle" role="presentation">'
_NAMED_SUMMARY = (
    '<summary><span class="visually-hidden">Show or hide subsections</span>'
    '<span class="toctree-toggle" role="presentation">'
)
_CDN_FONT_AWESOME = re.compile(
    r'<link rel="stylesheet"\s+href="https://maxcdn\.bootstrapcdn\.com/'
    r'font-awesome/[^"]*">\s*'
)
_ANIMATION_ID = re.compile(r'<img id="_anim_img([0-9a-f]{32})"')


def _fix_animations(body: str, pagename: str) -> str:
    body = _CDN_FONT_AWESOME.sub("", body)
    for index, uid in enumerate(_ANIMATION_ID.findall(body)):
        stable = hashlib.sha256(f"{pagename}:{index}".encode()).hexdigest()[:32]
        body = body.replace(uid, stable)
        body = body.replace(
            f'<input id="_anim_slider{stable}" type="range"',
            f'<input id="_anim_slider{stable}" type="range" aria-label="Frame"',
        )
    return body


def _page_context(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    del app, templatename, doctree
    toctree = context.get("generate_toctree_html")
    if callable(toctree):

        def named_toctree(*args: Any, **kwargs: Any) -> Markup:
            return Markup(
                str(toctree(*args, **kwargs)).replace(_SUMMARY, _NAMED_SUMMARY)
            )

        context["generate_toctree_html"] = named_toctree
    body = context.get("body")
    if isinstance(body, str) and "_anim_img" in body:
        context["body"] = _fix_animations(body, pagename)


def setup(app: Any) -> dict[str, Any]:
    # After sphinx-gallery's stylesheet, whose rules these override.
    app.add_css_file("css/a11y.css", priority=900)
    app.add_js_file("a11y.js", loading_method="defer")
    # After the theme's handler, which defines generate_toctree_html.
    app.connect("html-page-context", _page_context, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
