"""Gallery figures' alt text and text sizes (docs/_ext/figures.py, figure_alt.py).

The tests session has no sphinx-gallery, so the reST samples below are written
by hand, copied from the templates its Matplotlib scraper fills in
(``sphinx_gallery.scrapers.SG_IMAGE`` for one figure; ``HLIST_HEADER``, then
``HLIST_IMAGE_MATPLOTLIB`` and the ``SG_IMAGE`` text indented by six spaces
for each of several figures of one code block; matplotlib's jshtml for an
animation).
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest
from load_file import load_module

ROOT = Path(__file__).resolve().parent.parent
EXT = ROOT / "docs" / "_ext"
EXAMPLES = ROOT / "sigmoid_examples"
STEMS = sorted(path.stem for path in EXAMPLES.glob("*/plot_*.py"))


def _load(name: str) -> ModuleType:
    return load_module(EXT / f"{name}.py")


figures = _load("figures")
ALT: dict[str, list[str]] = _load("figure_alt").ALT

SINGLE = """
.. image-sg:: /auto_examples/family/images/sphx_glr_plot_logit_001.png
   :alt: Inverse functions: mirror images, The logit is the log-odds
   :srcset: /auto_examples/family/images/sphx_glr_plot_logit_001.png, /auto_examples/family/images/sphx_glr_plot_logit_001_2_00x.png 2.00x
   :class: sphx-glr-single-img
"""

MULTI = """
.. rst-class:: sphx-glr-horizontal


    *

      .. image-sg:: /auto_examples/family/images/sphx_glr_plot_logit_001.png
         :alt: Inverse functions: mirror images, The logit is the log-odds
         :srcset: /auto_examples/family/images/sphx_glr_plot_logit_001.png, /auto_examples/family/images/sphx_glr_plot_logit_001_2_00x.png 2.00x
         :class: sphx-glr-multi-img

    *

      .. image-sg:: /auto_examples/family/images/sphx_glr_plot_logit_002.png
         :alt: Round trip through the sigmoid and back, float64
         :srcset: /auto_examples/family/images/sphx_glr_plot_logit_002.png, /auto_examples/family/images/sphx_glr_plot_logit_002_2_00x.png 2.00x
         :class: sphx-glr-multi-img
"""

# A figure, then an animation's frames, once the scraper has named the <img>.
ANIMATION = (
    SINGLE
    + """
.. container:: sphx-glr-animation

    .. raw:: html

        <div class="animation">
          <img id="_anim_img0e577d3ebbe1f182976217db4eb1ad70" alt="sphx_glr_plot_logit_002">
          <div class="anim-controls">
"""
)


def test_describe_replaces_the_alt_of_one_figure() -> None:
    rst = figures.describe(SINGLE, "plot_logit", ["The logit's two faces."])
    assert rst == SINGLE.replace(
        "Inverse functions: mirror images, The logit is the log-odds",
        "The logit's two faces.",
    )


def test_describe_replaces_the_alt_of_several_figures_in_order() -> None:
    rst = figures.describe(MULTI, "plot_logit", ["Mirror images.", "Round trip."])
    assert re.findall(r":alt: (.*)", rst) == ["Mirror images.", "Round trip."]
    assert rst.count(":class: sphx-glr-multi-img") == 2


def test_describe_names_an_animation_with_html_escaped_text() -> None:
    rst = figures.describe(ANIMATION, "plot_logit", ["First.", 'Says "k < 8".'])
    assert ":alt: First.\n" in rst
    assert '<img id="_anim_img0e577d3ebbe1f182976217db4eb1ad70" alt="Says' in rst
    assert 'alt="Says &quot;k &lt; 8&quot;."' in rst


@pytest.mark.parametrize(
    ("rst", "descriptions"),
    [
        (SINGLE, []),  # figure 1 has none
        (MULTI, ["Mirror images.", ""]),  # an empty one is none
        (MULTI, ["Mirror images.", "Round trip.", "A third."]),  # one too many
        (ANIMATION, ["First."]),
    ],
)
def test_describe_fails_unless_figures_and_descriptions_match(
    rst: str, descriptions: list[str]
) -> None:
    with pytest.raises(LookupError, match=r"figure_alt\.py"):
        figures.describe(rst, "plot_logit", descriptions)


def test_describe_fails_on_another_example_s_image() -> None:
    with pytest.raises(LookupError, match="not named like a figure of plot_sigmoid"):
        figures.describe(SINGLE, "plot_sigmoid", ["One."])


def test_smallest_text_counts_tick_labels() -> None:
    """Tick labels get their text only when drawn; they are measured too."""
    plt = pytest.importorskip("matplotlib.pyplot")
    fig, ax = plt.subplots(dpi=100)
    ax.plot([0, 1], [0, 1])
    ax.set_title("Title", fontsize=14)
    ax.tick_params(labelsize=6)
    try:
        assert figures.smallest_text_px(fig, 200) == pytest.approx(6 * 200 / 72)
        ax.tick_params(labelsize=12)
        ax.set_xlabel("x", fontsize=11)
        assert figures.smallest_text_px(fig, 72) == pytest.approx(11)
    finally:
        plt.close(fig)


def test_every_example_has_descriptions() -> None:
    assert STEMS, f"no plot_*.py found under {EXAMPLES}"
    assert sorted(ALT) == STEMS


@pytest.mark.parametrize("stem", STEMS)
def test_descriptions_are_plain_sentences_not_titles(stem: str) -> None:
    script = next(EXAMPLES.glob(f"*/{stem}.py")).read_text(encoding="utf-8")
    example_title = script.split("\n")[1].strip()
    for text in ALT.get(stem, []):
        assert len(text) >= 40, text
        assert "$" not in text, text
        assert "\\" not in text, text
        assert text.strip().casefold() != example_title.casefold(), text
        assert text.strip() == text, text
