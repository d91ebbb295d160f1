"""Every gallery script is short enough to copy: one idea per script.

At most 80 lines of code (not counting comments, the ``# %%`` text blocks,
blank lines and the docstring) and 220 lines in all, as in Matplotlib's and
sphinx-gallery's own galleries, and no lint pragma for a reader to copy.
"""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "sigmoid_examples"
SCRIPTS = sorted(EXAMPLES.rglob("plot_*.py"))
MAX_CODE_LINES = 80
MAX_LINES = 220
NOT_CODE = {
    tokenize.COMMENT,
    tokenize.NL,
    tokenize.NEWLINE,
    tokenize.INDENT,
    tokenize.DEDENT,
    tokenize.ENDMARKER,
}


def code_lines(source: str) -> int:
    """The number of lines that hold code: not comments, blanks or the docstring."""
    module = ast.parse(source)
    docstring: set[int] = set()
    first = module.body[0] if module.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        docstring = set(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    lines: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type not in NOT_CODE:
            lines.update(range(token.start[0], token.end[0] + 1))
    return len(lines - docstring)


def test_code_lines_skip_docstring_comments_and_blanks() -> None:
    source = '"""Title\n\nText."""\n\n# %%\n# A text block.\nx = (\n    1\n)  # why\n'
    assert code_lines(source) == 3


def test_gallery_has_scripts() -> None:
    assert SCRIPTS


@pytest.mark.parametrize(
    "script", SCRIPTS, ids=[str(s.relative_to(EXAMPLES)) for s in SCRIPTS]
)
def test_script_is_short_enough_to_copy(script: Path) -> None:
    source = script.read_text(encoding="utf-8")
    assert code_lines(source) <= MAX_CODE_LINES
    assert len(source.splitlines()) <= MAX_LINES
    assert "noqa" not in source
    assert "type: ignore" not in source
