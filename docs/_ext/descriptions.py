"""Each page's description for search results and link previews: its first paragraph.

sphinxext-opengraph writes the ``description`` and ``og:description`` tags
from the page's text, running on past the first paragraph into code and
thumbnail titles until it has 200 characters, and it leaves math as TeX with
the spaces around it lost ("The sigmoid\\sigma(x) = 1/(1 + e^{-x}) is ...").
This hook gives it the description first: the page's first paragraph of
prose (an API page's summary line), its math written in plain characters
(σ(x) = 1/(1 + e^-x)), cut after the last whole sentence that fits in
:data:`LENGTH` characters. sphinxext-opengraph then writes both tags from it.
A page whose first paragraph does not sum it up can say so in its front
matter: ``description: ...``.
"""

from __future__ import annotations

import re
from typing import Any

LENGTH = 160  # what a search result shows
_SYMBOLS = {
    "sigma": "σ",
    "alpha": "α",
    "beta": "β",
    "lambda": "λ",
    "mu": "μ",
    "pi": "π",
    "phi": "φ",
    "Phi": "Φ",
    "infty": "∞",
    "ge": "≥",
    "geq": "≥",
    "le": "≤",
    "leq": "≤",
    "neq": "≠",
    "approx": "≈",
    "cdot": "·",
    "times": "×",
    "pm": "±",
    "to": "→",
    "in": "∈",
    "ldots": "…",
    "dots": "…",
    "lvert": "|",
    "rvert": "|",
    "mid": "|",
}
_SPACING = re.compile(
    r"\\(,|;|!|:|quad|qquad|left|right|[bB]ig{1,2}[lr]?|displaystyle)(?![A-Za-z])\s*"
)
_FONT = re.compile(r"\\(?:operatorname|mathrm|text|mathbf|mathit)\{([^{}]*)\}")
_COMMAND = re.compile(r"\\([A-Za-z]+)(\s*)(?=(.?))")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def _group(text: str, start: int) -> tuple[str, int]:
    """The brace group that opens at ``text[start]``, and the index after it."""
    depth = 0
    for index in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if depth == 0:
            return text[start + 1 : index], index + 1
    return text[start + 1 :], len(text)


def _wrapped(text: str) -> str:
    return text if re.fullmatch(r"[\w.′'σ−-]{1,3}", text) else f"({text})"


def _command(found: re.Match[str]) -> str:
    name, space, following = found[1], found[2], found[3]
    if name == "lvert":
        return "|"  # an opening bar hugs what follows
    if name in _SYMBOLS:
        return _SYMBOLS[name] + space
    # A function name (log, exp, tanh): a space before a letter or command.
    return name + (" " if following.isalpha() or following == "\\" else space)


def tex_to_text(tex: str) -> str:
    """Inline TeX as plain characters: ``\\frac{a}{b}`` as a/b, ``e^{-x}`` as
    e^-x, ``\\sigma`` as σ, and spacing commands dropped."""
    text = _FONT.sub(r"\1", _SPACING.sub("", tex))
    out = []
    index = 0
    while index < len(text):
        if text.startswith("\\frac", index) and text[index + 5 : index + 6] == "{":
            numerator, index = _group(text, index + 5)
            denominator, index = _group(text, index)
            out.append(
                f"{_wrapped(tex_to_text(numerator))}/{_wrapped(tex_to_text(denominator))}"
            )
        elif text[index] in "^_" and text[index + 1 : index + 2] == "{":
            inner, end = _group(text, index + 1)
            out.append(text[index] + _wrapped(tex_to_text(inner)))
            index = end
        else:
            out.append(text[index])
            index += 1
    text = "".join(out)
    text = _COMMAND.sub(_command, text)
    return re.sub(r"\s+", " ", text.replace("{", "").replace("}", "")).strip()


def shorten(text: str, length: int = LENGTH) -> str:
    """The whole sentences of ``text`` that fit in ``length`` characters; a
    first sentence longer than that is cut at a word, with an ellipsis."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= length:
        return text
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > length:
            break
        kept = candidate
    if kept:
        return kept
    return text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def first_paragraph(doctree: Any) -> str | None:
    """The text of the page's first paragraph of prose, math as plain text.

    Prose is a paragraph of the page's sections, or of an API entry's body:
    not one in a note, a table, a list, a caption or a gallery thumbnail.
    """
    from docutils import nodes
    from sphinx import addnodes

    allowed = (
        nodes.document,
        nodes.section,
        addnodes.desc,
        addnodes.desc_content,
        nodes.compound,
    )
    for paragraph in doctree.findall(nodes.paragraph):
        parent = paragraph.parent
        while isinstance(parent, allowed) and not isinstance(parent, nodes.document):
            parent = parent.parent
        if not isinstance(parent, nodes.document):
            continue
        parts = []
        for node in paragraph.findall(
            lambda n: isinstance(n, (nodes.Text, nodes.math))
        ):
            if isinstance(node, nodes.math):
                parts.append(tex_to_text(node.astext()))
            elif not isinstance(node.parent, nodes.math):
                parts.append(node.astext())
        text = re.sub(r"\s+", " ", "".join(parts)).strip()
        if len(text) > 20:
            return text
    return None


def _describe(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    del app, pagename, templatename
    if doctree is None:
        return
    written = (context.get("meta") or {}).get("description")
    text = str(written) if written else first_paragraph(doctree)
    if text is None:
        return
    description = shorten(text)
    # A copy: the page's metadata is the build environment's.
    context["meta"] = {**(context.get("meta") or {}), "og:description": description}
    escaped = description.replace("&", "&amp;").replace('"', "&quot;")
    escaped = escaped.replace("<", "&lt;")
    context["metatags"] = (
        context.get("metatags", "")
        + f'<meta name="description" content="{escaped}" />\n'
    )


def setup(app: Any) -> dict[str, Any]:
    # Before sphinxext-opengraph (priority 500), which then keeps this text.
    app.connect("html-page-context", _describe, priority=450)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
