"""Gallery figures' alt text and text sizes (docs/_ext/figures.py).

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

import numpy as np
import pytest
from load_file import load_module

ROOT = Path(__file__).resolve().parent.parent
EXT = ROOT / "docs" / "_ext"
EXAMPLES = ROOT / "sigmoid_examples"
STEMS = sorted(path.stem for path in EXAMPLES.glob("*/plot_*.py"))


def _load(name: str) -> ModuleType:
    return load_module(EXT / f"{name}.py")


figures = _load("figures")
ALT: dict[str, list[str]] = {
    stem: figures.alt_texts(next(EXAMPLES.glob(f"*/{stem}.py")).read_text("utf-8"))
    for stem in STEMS
}

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
          <img id="_anim_img0e577d3ebbe1f182976217db4eb1ad70">
          <div class="anim-controls">
"""
)


FIRST, SECOND = "sphx_glr_plot_logit_001", "sphx_glr_plot_logit_002"
ANIMATION_TAG = '<img id="_anim_img0e577d3ebbe1f182976217db4eb1ad70">'


def test_alt_texts_reads_each_comment_and_its_continuation_lines() -> None:
    code = """
fig, ax = plt.subplots()
# Draw the curve (an ordinary comment).
ax.plot(x, y)
    # Alt text: The sigmoid, rising
    #   from 0 to 1.
plt.show()
# Alt text: A second figure.
# Alt text: A third one, right after.
#
# An ordinary comment after a bare "#".
"""
    assert figures.alt_texts(code) == [
        "The sigmoid, rising from 0 to 1.",
        "A second figure.",
        "A third one, right after.",
    ]


def test_alt_texts_keeps_an_empty_description_for_the_check_to_find() -> None:
    assert figures.alt_texts("# Alt text:\nplt.show()") == [""]
    assert figures.alt_texts("# alt text is not the marker\nplt.show()") == []


def test_describe_replaces_the_alt_of_one_figure() -> None:
    rst = figures.describe(SINGLE, {FIRST: "The logit's two faces."}, set())
    assert rst == SINGLE.replace(
        "Inverse functions: mirror images, The logit is the log-odds",
        "The logit's two faces.",
    )


def test_describe_replaces_the_alt_of_several_figures_in_order() -> None:
    descriptions = {FIRST: "Mirror images.", SECOND: "Round trip."}
    rst = figures.describe(MULTI, descriptions, set())
    assert re.findall(r":alt: (.*)", rst) == ["Mirror images.", "Round trip."]
    assert rst.count(":class: sphx-glr-multi-img") == 2


def test_describe_names_an_animation_with_html_escaped_text() -> None:
    descriptions = {FIRST: "First.", SECOND: 'Says "k < 8".'}
    rst = figures.describe(ANIMATION, descriptions, {SECOND})
    assert ":alt: First.\n" in rst
    assert ANIMATION_TAG not in rst
    assert 'alt="Says &quot;k &lt; 8&quot;."' in rst


@pytest.mark.parametrize(
    ("rst", "descriptions", "animated"),
    [
        (SINGLE, {}, set()),  # figure 1 has none
        (MULTI, {FIRST: "Mirror images.", SECOND: ""}, set()),  # an empty one
        (MULTI, {FIRST: "Mirror images.", "sphx_glr_plot_logit_003": "A"}, set()),
        (SINGLE, {FIRST: "First.", SECOND: "No image."}, set()),  # one too many
        (SINGLE, {FIRST: "First.", SECOND: "Animation."}, {SECOND}),  # no <img>
    ],
)
def test_describe_fails_unless_figures_and_descriptions_match(
    rst: str, descriptions: dict[str, str], animated: set[str]
) -> None:
    with pytest.raises(LookupError):
        figures.describe(rst, descriptions, animated)


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


@pytest.mark.parametrize("stem", STEMS)
def test_every_example_has_a_description_per_plt_show(stem: str) -> None:
    """Each gallery script shows each figure with ``plt.show()``, once.

    The scraper checks, block by block, that each figure has its description;
    this checks the scripts without running them.
    """
    script = next(EXAMPLES.glob(f"*/{stem}.py")).read_text(encoding="utf-8")
    shows = [line for line in script.splitlines() if line.startswith("plt.show()")]
    assert len(ALT[stem]) == len(shows)


@pytest.mark.parametrize("stem", STEMS)
def test_descriptions_are_plain_sentences_not_titles(stem: str) -> None:
    script = next(EXAMPLES.glob(f"*/{stem}.py")).read_text(encoding="utf-8")
    example_title = script.split("\n")[1].strip()
    for text in ALT[stem]:
        assert len(text) >= 40, text
        assert "$" not in text, text
        assert "\\" not in text, text
        assert text.casefold() != example_title.casefold(), text
        assert text.endswith("."), text


def test_lighten_keeps_a_thumbnail_s_size_and_look_in_fewer_bytes(
    tmp_path: Path,
) -> None:
    plt = pytest.importorskip("matplotlib.pyplot")
    from PIL import Image

    fig, ax = plt.subplots(figsize=(3.2, 2.24), dpi=100)
    ax.plot([0, 1, 2], [0, 1, 0], color="#307EC7")
    ax.grid(alpha=0.3)
    path = tmp_path / "sphx_glr_plot_x_thumb.png"
    fig.savefig(path)
    plt.close(fig)
    before = path.stat().st_size
    with Image.open(path) as image:
        original = np.asarray(image.convert("RGB"), dtype=int)
    figures.lighten(path)
    assert path.stat().st_size < before
    with Image.open(path) as image:
        lightened = np.asarray(image.convert("RGB"), dtype=int)
    assert lightened.shape == original.shape
    assert np.abs(lightened - original).max() <= 24
