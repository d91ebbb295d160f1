"""Unit tests of the hooks that make pages light and self-describing.

docs/_ext/images.py (sizes and lazy loading), published.py (robots.txt),
deferred_scripts.py (scripts out of the first paint) and home_figure.py's
small PNGs; no Sphinx needed, as in test_docs_ext.py.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from load_file import load_module

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _load(name: str) -> ModuleType:
    return load_module(DOCS / "_ext" / f"{name}.py")


# -- images -------------------------------------------------------------------

# As sphinx-gallery 0.22's visit_imgsg_html writes a figure.
GALLERY_IMG = (
    '<img src="../../_images/sphx_glr_plot_x_001.png" srcset="../../_images/'
    'sphx_glr_plot_x_001.png, ../../_images/sphx_glr_plot_x_001_2_00x.png 2.00x"'
    ' alt="A curve." class = "sphx-glr-single-img"/>'
)


@pytest.mark.parametrize(
    ("width", "shown"),
    [(None, (1400, 720)), ("700px", (700, 360)), ("350", (350, 180))],
)
def test_display_size_keeps_the_aspect_ratio(
    width: str | None, shown: tuple[int, int]
) -> None:
    assert _load("images").display_size((1400, 720), width) == shown


def test_display_size_refuses_a_width_not_in_pixels() -> None:
    with pytest.raises(ValueError, match="not in pixels"):
        _load("images").display_size((1400, 720), "50%")


def test_gallery_figure_gets_its_size_and_lazy_loading() -> None:
    html, problems = _load("images").size_gallery_img(GALLERY_IMG, (640, 480))
    assert problems == []
    assert html.startswith('<img width="640" height="480" loading="lazy" src=')
    assert html.endswith('alt="A curve." class = "sphx-glr-single-img"/>')


@pytest.mark.parametrize(
    "html",
    [
        GALLERY_IMG + GALLERY_IMG,  # two tags for one figure
        GALLERY_IMG.replace("<img ", '<img width="1" '),  # sized upstream
        "<figure></figure>",  # no tag at all
    ],
)
def test_an_unexpected_gallery_tag_is_reported(html: str) -> None:
    unchanged, problems = _load("images").size_gallery_img(html, (640, 480))
    assert unchanged == html
    assert len(problems) == 1


# -- published ----------------------------------------------------------------


@pytest.mark.parametrize(
    "base", ["https://example.org/proj/", "https://example.org/proj"]
)
def test_robots_txt_allows_all_and_names_the_sitemap(base: str) -> None:
    text = _load("published").robots_txt(base, "sitemap.xml")
    assert text.splitlines() == [
        "User-agent: *",
        "Allow: /",
        "",
        "Sitemap: https://example.org/proj/sitemap.xml",
    ]


# -- deferred_scripts -----------------------------------------------------------


class _Script:
    """Sphinx's _JavaScript as far as the hook uses it."""

    def __init__(self, filename: str | None, *, priority: int = 500, **attributes: str):
        self.filename = filename
        self.priority = priority
        self.attributes = attributes


def test_listed_scripts_are_deferred_in_place() -> None:
    tabs = _Script("_static/design-tabs.js")
    tabs.attributes["data-sd-tabs-storage-prefix"] = "p"
    scripts = [
        _Script("_static/documentation_options.js", priority=200),
        _Script("_static/copybutton.js", priority=500),
        _Script(None, body="DOCUMENTATION_OPTIONS.pagename = 'x';"),
        tabs,
        _Script("_static/lab.js"),
        _Script("_static/doctools.js", defer="defer"),
    ]
    deferred = _load("deferred_scripts").defer(scripts)
    assert [s.filename for s in deferred] == [s.filename for s in scripts]
    assert [s.attributes.get("defer") for s in deferred] == [
        None, "defer", None, "defer", None, "defer"
    ]  # fmt: skip
    assert deferred[1].priority == 500
    assert deferred[3].attributes["data-sd-tabs-storage-prefix"] == "p"


def test_layout_override_defers_the_theme_search_scripts() -> None:
    expected = _load("deferred_scripts").THEME_SEARCH_SCRIPTS.replace(
        "<script src", "<script defer src"
    )
    assert expected in (DOCS / "_templates" / "layout.html").read_text()


# -- home_figure ----------------------------------------------------------------


def test_home_figure_is_a_small_palette_png_of_the_stated_size(tmp_path: Path) -> None:
    from PIL import Image

    home = _load("home_figure")
    home.draw(tmp_path)
    for mode in ("light", "dark"):
        path = tmp_path / f"sigmoid_overlay_{mode}.png"
        with Image.open(path) as image:
            assert image.size == home.PIXELS
            assert image.mode == "P"
            assert image.info == {}  # no timestamp or software version
        assert path.stat().st_size < 40_000


def test_animation_frame_gets_the_size_of_its_first_frame() -> None:
    import base64
    import io

    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (360, 240)).save(png, format="png")
    frame = base64.b64encode(png.getvalue()).decode()
    body = (
        '<img id="_anim_img0123" alt="An animation.">\n<script>\n'
        f'  frames[0] = "data:image/png;base64,{frame}";\n</script>'
    )
    sized, problems = _load("images").size_animations(body)
    assert problems == []
    assert '<img id="_anim_img0123" width="360" height="240" alt=' in sized
    assert _load("images").size_animations(sized) == (sized, [])  # once only
    _, problems = _load("images").size_animations('<img id="_anim_img1">')
    assert len(problems) == 1


# -- descriptions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("tex", "text"),
    [
        (r"\sigma(x) = 1/(1 + e^{-x})", "σ(x) = 1/(1 + e^-x)"),
        (r"\sigma'(x) = \sigma(x)\,(1 - \sigma(x))", "σ'(x) = σ(x)(1 - σ(x))"),
        (r"\operatorname{logit}(p) = \log(p / (1 - p))", "logit(p) = log(p / (1 - p))"),
        (r"f(x) = \frac{L}{1 + e^{-k (x - x_0)}}", "f(x) = L/(1 + e^(-k (x - x_0)))"),
        (r"\frac{1}{4}", "1/4"),
        (r"\log\sigma(z)", "log σ(z)"),
        (r"\lvert x\rvert \ge 36.74", "|x| ≥ 36.74"),
    ],
)
def test_math_is_written_in_plain_characters(tex: str, text: str) -> None:
    assert _load("descriptions").tex_to_text(tex) == text


def test_description_keeps_whole_sentences() -> None:
    shorten = _load("descriptions").shorten
    assert shorten("One sentence.  Two\nsentences.") == "One sentence. Two sentences."
    text = "First sentence here. " + "Second one, long. " * 20
    assert shorten(text, 40) == "First sentence here. Second one, long."
    cut = shorten("word " * 60, 40)
    assert cut.endswith("word…")
    assert len(cut) <= 40
