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
)
# A minus or plus that starts a row or follows an operator, a relation, a comma
# or an opening bracket is a sign ("x = -1", "(-x", "[-20"), not a subtraction
# (after a closing bracket or a bar it is one: "(a) - b", "|x| - 1"):
# browsers space it as a sign only when it is marked as a prefix.
_SIGN = re.compile(
    r"(<mrow>|<mo[^>]*>(?!&#x00029;|\]|&#x0005D;|&#x0007D;|&#x0007C;)[^<]*</mo>)"
    r"<mo>(&#x02212;|&#x0002B;)</mo>"
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
    mathml = _SIGN.sub(r'\1<mo form="prefix">\2</mo>', mathml)
    # An operator name is a function's name: upright, and set against its
    # argument as sin(x) is, not spaced as an operator.
    for index, name in enumerate(names):
        mathml = mathml.replace(
            f"<mo>zzop{chr(ord('a') + index)}</mo>", f"<mi>{html.escape(name)}</mi>"
        )
    return mathml, _UNKNOWN.findall(mathml)
