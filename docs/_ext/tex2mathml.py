"""TeX to MathML: latex2mathml, with the few constructs it gets wrong fixed.

This module knows nothing of Sphinx (``mathml.py`` is the extension that
uses it), so the tests can check the conversion of every formula on the
site directly.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert

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
