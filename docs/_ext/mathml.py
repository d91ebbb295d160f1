"""Typeset math as MathML at build time, so pages need no math script.

Every current browser renders MathML Core natively (Chromium since 109,
Firefox, Safari), so the site shows its formulas offline, from ``file://``,
and without the megabyte of JavaScript a bundled MathJax would add to each
page. ``tex2mathml.py`` converts the TeX; anything it does not know fails the
build (as a warning, which ``-W`` makes an error).
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number
from tex2mathml import tex_to_mathml

logger = logging.getLogger(__name__)


def _render(translator: Any, node: nodes.Element, tex: str, *, display: bool) -> str:
    try:
        mathml, unknown = tex_to_mathml(tex, display=display)
    except Exception as error:  # noqa: BLE001 (any converter failure is reported)
        logger.warning(
            "cannot convert math %r to MathML: %s", tex, error, location=node
        )
        return f"<code>{html.escape(tex)}</code>"
    if unknown:
        logger.warning(
            "math %r uses %s, which the MathML converter does not know",
            tex,
            ", ".join(unknown),
            location=node,
        )
    del translator
    return mathml


def visit_math(translator: Any, node: nodes.math) -> None:
    translator.body.append(translator.starttag(node, "span", "", CLASS="math"))
    translator.body.append(_render(translator, node, node.astext(), display=False))
    translator.body.append("</span>")
    raise nodes.SkipNode


def visit_displaymath(translator: Any, node: nodes.math_block) -> None:
    translator.body.append(translator.starttag(node, "div", CLASS="math"))
    if node["number"]:
        number = get_node_equation_number(translator, node)
        translator.body.append(f'<span class="eqno">({number})')
        translator.add_permalink_ref(node, _("Link to this equation"))
        translator.body.append("</span>")
    # Blank lines separate equations, as with Sphinx's MathJax output.
    for part in node.astext().split("\n\n"):
        if part.strip():
            translator.body.append(_render(translator, node, part, display=True))
    translator.body.append("</div>\n")
    raise nodes.SkipNode


def setup(app: Any) -> dict[str, Any]:
    app.add_html_math_renderer("mathml", (visit_math, None), (visit_displaymath, None))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
