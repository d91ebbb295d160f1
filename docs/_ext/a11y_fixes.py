"""Fix what axe-core and the offline checks in tests_site/ find in the theme and
the gallery, where no configuration option, template or CSS does it.

Each rewrite names the release it was written for, and checks that the
markup it rewrites still looks as expected: when it does not, the build
stops with a warning, so that a fix made upstream is noticed and the rewrite
removed. ``tests_docs/test_docs_ext.py`` tests both.

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


def name_summaries(html: str) -> tuple[str, list[str]]:
    """Give each of the theme's nameless sidebar toggles a hidden name.

    Written for pydata-sphinx-theme 0.24.0 (axe summary-name). Returns the
    HTML and what no longer looks as this fix expects: a ``<summary>`` in
    another form means the theme changed it, perhaps fixing it upstream, and
    the build stops (as a warning, which ``-W`` makes an error) so that the
    rewrite is looked at again.
    """
    problems = []
    if html.count("<summary") != html.count(_SUMMARY):
        problems.append(
            "pydata-sphinx-theme writes its sidebar <summary> toggles in a new "
            "form: check axe summary-name without this rewrite"
        )
    return html.replace(_SUMMARY, _NAMED_SUMMARY), problems


def fix_animations(body: str, pagename: str) -> tuple[str, list[str]]:
    """Drop the CDN link, name the slider and fix the ids of jshtml animations.

    Written for Matplotlib 3.11's ``to_jshtml`` (axe label; the offline rule;
    reproducible builds). Returns the body and what no longer looks as
    expected, as :func:`name_summaries` does.
    """
    problems = []
    body, links = _CDN_FONT_AWESOME.subn("", body)
    if not links:
        problems.append(
            "Matplotlib's jshtml no longer links Font Awesome from a CDN: "
            "drop that rewrite"
        )
    for index, uid in enumerate(_ANIMATION_ID.findall(body)):
        stable = hashlib.sha256(f"{pagename}:{index}".encode()).hexdigest()[:32]
        body = body.replace(uid, stable)
        slider = f'<input id="_anim_slider{stable}" type="range"'
        if slider not in body:
            problems.append("Matplotlib's jshtml slider has a new form")
        body = body.replace(slider, f'{slider} aria-label="Frame"')
    return body, problems


def _page_context(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    del app, templatename, doctree
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    toctree = context.get("generate_toctree_html")
    if callable(toctree):
        from markupsafe import Markup

        def named_toctree(*args: Any, **kwargs: Any) -> Markup:
            html, problems = name_summaries(str(toctree(*args, **kwargs)))
            for problem in problems:
                logger.warning(problem, location=pagename)
            return Markup(html)

        context["generate_toctree_html"] = named_toctree
    body = context.get("body")
    if isinstance(body, str) and "_anim_img" in body:
        context["body"], problems = fix_animations(body, pagename)
        for problem in problems:
            logger.warning(problem, location=pagename)


def setup(app: Any) -> dict[str, Any]:
    # After sphinx-gallery's stylesheet, whose rules these override.
    app.add_css_file("css/a11y.css", priority=900)
    app.add_js_file("a11y.js", loading_method="defer")
    # After the theme's handler, which defines generate_toctree_html.
    app.connect("html-page-context", _page_context, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
