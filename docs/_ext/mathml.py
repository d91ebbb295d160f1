"""Typeset math as MathML at build time, so pages need no math script.

Every current browser renders MathML Core natively (Chromium since 109,
Firefox, Safari), so the site shows its formulas offline, from ``file://``,
and without the megabyte of JavaScript a bundled MathJax would add to each
page. latex2mathml converts the TeX; the few constructs it gets wrong are
rewritten first, and anything it does not know fails the build.
"""

from __future__ import annotations

import html
import re
from typing import Any

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

logger = logging.getLogger(__name__)

# latex2mathml drops the digits of \operatorname{log1p}: convert a placeholder
# and put the name back afterwards.
_OPERATORNAME = re.compile(r"\\operatorname\*?\{([^{}]*)\}")
# It treats aligned as unknown; split is the same layout.
_ALIGNED = re.compile(r"\\(begin|end)\{aligned\}")
# It sets \mathrm{d} in italics; \text keeps the letter upright.
_MATHRM_LETTER = re.compile(r"\\mathrm\{([A-Za-z])\}")
# It puts primes in a superscript, where the prime glyph (already raised)
# rises a second time; set it beside its base instead, as TeX does.
_PRIME = re.compile(r"<msup>(<mi>[^<]*</mi>)<mi>(&#x0203[234];)</mi></msup>")
# Delimiters written without \left get operator spacing around them in
# browsers ("f (x)"); TeX sets them tight, and so does a slash.
_TIGHT = (
    ('<mo stretchy="false">', '<mo stretchy="false" lspace="0" rspace="0">'),
    ("<mo>&#x0002F;</mo>", '<mo lspace="0" rspace="0">&#x0002F;</mo>'),
    # A minus right after an opening parenthesis is a sign, not a subtraction.
    (
        "&#x00028;</mo><mo>&#x02212;</mo>",
        '&#x00028;</mo><mo lspace="0" rspace="0">&#x02212;</mo>',
    ),
)
# What it does with a command it does not know: a literal backslash name.
_UNKNOWN = re.compile(r"<m[io]>(\\[A-Za-z]+)</m[io]>")


def tex_to_mathml(tex: str, *, display: bool) -> tuple[str, list[str]]:
    """Return the MathML of ``tex`` and the commands that could not be converted."""
    names: list[str] = []

    def placeholder(match: re.Match[str]) -> str:
        names.append(match.group(1))
        return rf"\operatorname{{zzop{chr(ord('a') + len(names) - 1)}}}"

    source = _OPERATORNAME.sub(placeholder, tex.strip())
    source = _ALIGNED.sub(r"\\\1{split}", source)
    source = _MATHRM_LETTER.sub(r"\\text{\1}", source)
    if display and r"\\" in source and r"\begin" not in source:
        source = rf"\begin{{split}}{source}\end{{split}}"
    mathml = convert(source, display="block" if display else "inline")
    mathml = _PRIME.sub(r"<mrow>\1<mi>\2</mi></mrow>", mathml)
    for before, after in _TIGHT:
        mathml = mathml.replace(before, after)
    for index, name in enumerate(names):
        mathml = mathml.replace(
            f">zzop{chr(ord('a') + index)}<", f">{html.escape(name)}<"
        )
    return mathml, _UNKNOWN.findall(mathml)


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
