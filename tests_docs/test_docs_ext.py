"""Unit tests of the site's Sphinx hooks in docs/_ext/ (no Sphinx needed).

The modules are loaded from their files, as conf.py loads them; each test
calls the hook's working function directly on small inputs.
"""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from load_file import load_module

ROOT = Path(__file__).resolve().parent.parent
EXT = ROOT / "docs" / "_ext"
DOCS = ROOT / "docs"


def _load(name: str) -> ModuleType:
    return load_module(EXT / f"{name}.py")


# -- tex2mathml ---------------------------------------------------------------

# Math in the MyST pages: $$...$$ blocks, {math} directives and roles, $...$.
_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
_DIRECTIVE = re.compile(r"```\{math\}\n(.+?)```", re.DOTALL)
_ROLE = re.compile(r"\{math\}`([^`]+)`")
_INLINE = re.compile(r"(?<![\\$])\$([^$\n]+?)\$(?!\$)")


def _site_formulas() -> list[tuple[str, str, bool]]:
    found = []
    for page in sorted(DOCS.glob("*.md")):
        text = page.read_text()
        # Code blocks hold shell and Python, not math.
        text = re.sub(r"```(?!\{math\}).*?```", "", text, flags=re.DOTALL)
        for match in _DISPLAY.finditer(text):
            found.append((page.name, match[1], True))
        for match in _DIRECTIVE.finditer(text):
            found.append((page.name, match[1], True))
        text = _DISPLAY.sub("", _DIRECTIVE.sub("", text))
        for match in _ROLE.finditer(text):
            found.append((page.name, match[1], False))
        for match in _INLINE.finditer(_ROLE.sub("", text)):
            found.append((page.name, match[1], False))
    return found


SITE_FORMULAS = _site_formulas()


def test_site_has_formulas() -> None:
    pages = {page for page, _, _ in SITE_FORMULAS}
    assert {"index.md", "math.md"} <= pages
    assert len(SITE_FORMULAS) > 50


@pytest.mark.parametrize(
    ("page", "tex", "display"),
    SITE_FORMULAS,
    ids=[f"{page}:{tex[:40]}" for page, tex, _ in SITE_FORMULAS],
)
def test_every_site_formula_converts(page: str, tex: str, display: bool) -> None:
    del page
    mathml, unknown = _load("tex2mathml").tex_to_mathml(tex, display=display)
    assert unknown == []
    assert mathml.startswith("<math")
    assert "\\" not in mathml  # no TeX command left as text


def test_operatorname_keeps_its_digits() -> None:
    mathml, _ = _load("tex2mathml").tex_to_mathml(
        r"\operatorname{log1p}(x)", display=False
    )
    assert ">log1p<" in mathml


def test_prime_sits_beside_its_base() -> None:
    mathml, _ = _load("tex2mathml").tex_to_mathml(r"\sigma'(x)", display=False)
    assert "<msup>" not in mathml
    assert "&#x02032;" in mathml


def test_unknown_command_is_reported_not_rendered() -> None:
    _, unknown = _load("tex2mathml").tex_to_mathml(r"\notacommand{x}", display=True)
    assert unknown == [r"\notacommand"]


def test_aligned_rows_become_right_and_left_cells() -> None:
    """The site's CSS aligns aligned blocks by these cells' columnalign."""
    mathml, unknown = _load("tex2mathml").tex_to_mathml(
        r"\begin{aligned} f(x) &= a + b \\ &= c \end{aligned}", display=True
    )
    assert unknown == []
    assert mathml.count("<mtr>") == 2
    assert mathml.count('<mtd columnalign="right"') == 2
    assert mathml.count('<mtd columnalign="left"') == 2


# -- home_figure --------------------------------------------------------------


def test_home_figure_draws_both_modes_and_keeps_unchanged_files(
    tmp_path: Path,
) -> None:
    home = _load("home_figure")
    home.draw(tmp_path)
    pngs = sorted(p.name for p in tmp_path.iterdir())
    assert pngs == ["sigmoid_overlay_dark.png", "sigmoid_overlay_light.png"]
    light = tmp_path / "sigmoid_overlay_light.png"
    assert light.read_bytes().startswith(b"\x89PNG")
    before = light.stat().st_mtime_ns
    time.sleep(0.01)
    home.draw(tmp_path)  # same bytes: the file is left alone
    assert light.stat().st_mtime_ns == before


# -- build_output -------------------------------------------------------------


def test_zip_members_get_the_epoch_and_a_fixed_order(tmp_path: Path) -> None:
    path = tmp_path / "examples.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("b.py", "print('b')")
        archive.writestr("a.py", "print('a')")
    epoch = 1_700_000_000
    _load("build_output").fix_zip_times(path, epoch)
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == ["a.py", "b.py"]
        assert {i.date_time for i in infos} == {time.gmtime(epoch)[:6]}
        assert archive.read("b.py") == b"print('b')"
    first = path.read_bytes()
    _load("build_output").fix_zip_times(path, epoch)
    assert path.read_bytes() == first


@pytest.mark.parametrize(
    ("tex", "signs"),
    [
        ("x = -1000", 1),
        (r"\sigma(+\infty) = 1", 1),
        ("[-20, 20]", 1),
        ("e^{-x}", 1),
        (r"x \ge -3", 1),
        ("a - b", 0),
        ("(a) - b", 0),
        (r"\lvert x\rvert - 1", 0),
    ],
)
def test_signs_are_prefix_operators_and_subtractions_are_not(
    tex: str, signs: int
) -> None:
    mathml, _ = _load("tex2mathml").tex_to_mathml(tex, display=False)
    assert mathml.count('form="prefix"') == signs


def test_operator_name_is_set_as_a_function_name() -> None:
    mathml, _ = _load("tex2mathml").tex_to_mathml(
        r"\operatorname{logit}(p)", display=False
    )
    assert "<mi>logit</mi>" in mathml


# -- a11y_fixes ---------------------------------------------------------------

# The markup as pydata-sphinx-theme 0.24.0 and Matplotlib 3.11 write it.
THEME_TOGGLE = (
    '<li class="toctree-l1 has-children"><a href="basics/index.html">Basics</a>'
    '<details><summary><span class="toctree-toggle" role="presentation">'
    '<i class="fa-solid fa-chevron-down"></i></span></summary><ul></ul></details></li>'
)
JSHTML = (
    '<link rel="stylesheet"\n href="https://maxcdn.bootstrapcdn.com/font-awesome/'
    '4.4.0/css/font-awesome.min.css">\n'
    '<img id="_anim_img0123456789abcdef0123456789abcdef">\n'
    '<input id="_anim_slider0123456789abcdef0123456789abcdef" type="range">'
)


def test_summary_toggles_get_a_hidden_name() -> None:
    html, problems = _load("a11y_fixes").name_summaries(THEME_TOGGLE)
    assert problems == []
    assert '<span class="visually-hidden">Show or hide subsections</span>' in html


def test_a_new_toggle_form_is_reported() -> None:
    upstream_fixed = THEME_TOGGLE.replace("<summary>", '<summary aria-label="x">')
    _, problems = _load("a11y_fixes").name_summaries(upstream_fixed)
    assert len(problems) == 1


def test_animation_loses_its_cdn_link_and_gets_stable_named_parts() -> None:
    fix = _load("a11y_fixes").fix_animations
    body, problems = fix(JSHTML, "auto_examples/family/plot_x")
    assert problems == []
    assert "maxcdn" not in body
    assert "0123456789abcdef" not in body
    assert 'aria-label="Frame"' in body
    assert fix(JSHTML, "auto_examples/family/plot_x")[0] == body  # reproducible


def test_an_animation_without_the_cdn_link_is_reported() -> None:
    no_cdn = JSHTML.split("\n", 2)[2]
    _, problems = _load("a11y_fixes").fix_animations(no_cdn, "page")
    assert any("CDN" in problem for problem in problems)
