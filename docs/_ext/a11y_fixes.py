"""Fix what axe-core and the offline checks in tests_site/ find in the theme and
the gallery, where no configuration option does it.

- pydata-sphinx-theme's sidebar expand buttons are ``<summary>`` elements
  holding only a chevron icon: nameless for screen readers (axe
  summary-name). Each gets a visually hidden name.
- matplotlib's jshtml animations, which sphinx-gallery embeds, load Font
  Awesome 4 from a CDN (the theme already ships Font Awesome, whose ``fa``
  classes the buttons use), show their frames in an ``<img>`` without alt
  text (axe image-alt) and a slider without a label (axe label), and name
  their elements with a random UUID, so two builds never match. The link is
  dropped, the image and slider are named, and the UUID is replaced by one
  derived from the page, so the output is reproducible.
- sphinx-gallery's alt text repeats the figure titles, mathtext and all:
  ``$\\log\\sigma$`` is read as "log sigma", not as TeX.
- sphinx-gallery hides the text of each thumbnail link (axe link-name) and
  wide display equations scroll without a tab stop (axe
  scrollable-region-focusable): ``_static/css/a11y.css`` and
  ``_static/a11y.js``, added to every page here.
"""

from __future__ import annotations

import hashlib
import html
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
_ANIMATION_ID = re.compile(r'<img id="_anim_img([0-9a-f]{32})">')
# sphinx-gallery takes alt text from the figure's titles, mathtext included:
# a screen reader would spell out "dollar backslash sigma".
_ALT = re.compile(r'(<img\b[^>]*?\balt=")([^"]*)(")')
_MATHTEXT = re.compile(r"\$([^$]*)\$")
_TEX_SYMBOLS = {
    "sigma": "\u03c3", "Sigma": "\u03a3", "pi": "\u03c0", "mu": "\u03bc",
    "alpha": "\u03b1", "beta": "\u03b2", "lambda": "\u03bb", "phi": "\u03c6",
    "Phi": "\u03a6", "infty": "\u221e", "cdot": "\u00b7", "times": "\u00d7",
    "approx": "\u2248", "le": "\u2264", "ge": "\u2265", "pm": "\u00b1",
}  # fmt: skip
_FRACTION = re.compile(r"\\frac\{([^{}]*)\}\{([^{}]*)\}")
_COMMAND = re.compile(r"\\([A-Za-z]+)\s*")


def _plain_math(match: re.Match[str]) -> str:
    tex = _FRACTION.sub(r"\1/\2", match[1])
    # Greek letters and symbols as characters; operator names (log, exp, tanh)
    # as words followed by a space.
    tex = _COMMAND.sub(lambda m: _TEX_SYMBOLS.get(m[1], m[1] + " "), tex)
    return re.sub(r"[{}]", "", tex).replace("\\,", " ").strip()


def _plain_alt(body: str) -> str:
    return _ALT.sub(lambda m: m[1] + _MATHTEXT.sub(_plain_math, m[2]) + m[3], body)


def _fix_animations(body: str, pagename: str, title: str) -> str:
    body = _CDN_FONT_AWESOME.sub("", body)
    for index, uid in enumerate(_ANIMATION_ID.findall(body)):
        stable = hashlib.sha256(f"{pagename}:{index}".encode()).hexdigest()[:32]
        body = body.replace(uid, stable)
        alt = html.escape(f"Animation: {title}", quote=True)
        body = body.replace(
            f'<img id="_anim_img{stable}">', f'<img id="_anim_img{stable}" alt="{alt}">'
        )
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
    if isinstance(body, str) and "$" in body:
        body = context["body"] = _plain_alt(body)
    if isinstance(body, str) and "_anim_img" in body:
        title = re.sub(r"<[^>]+>", "", str(context.get("title", pagename)))
        context["body"] = _fix_animations(body, pagename, html.unescape(title))


def setup(app: Any) -> dict[str, Any]:
    # After sphinx-gallery's stylesheet, whose rules these override.
    app.add_css_file("css/a11y.css", priority=900)
    app.add_js_file("a11y.js", loading_method="defer")
    # After the theme's handler, which defines generate_toctree_html.
    app.connect("html-page-context", _page_context, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
