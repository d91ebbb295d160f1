"""The home page's figure: the sigmoid and its derivative, light and dark.

Drawn at the start of every build into ``gen_modules/home/``; a PNG whose
bytes have not changed is not rewritten, so Sphinx does not read the home
page again for nothing. The light one is also every page's image in link
previews (conf.py's ``ogp_image``).

The page holds both variants, each shown by the theme in its own mode and
hidden (``display: none``) in the other. Both load lazily (``images.py``), and
a browser does not fetch a lazy image that is not displayed: a reader
downloads only the variant the current theme shows, and the other one only
after switching theme. That needs the theme to be known before the first
layout. pydata-sphinx-theme writes ``data-theme="auto"`` in the page's head
on a first visit and resolves it to light or dark only in its deferred
script, and while it says "auto" neither variant is hidden. The script added
here resolves it at once, in the head, as the theme's script later does: the
reader's stored choice, else the system's colour scheme.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

FIGSIZE = (7, 3.6)  # inches
DPI = 200
PIXELS = (round(FIGSIZE[0] * DPI), round(FIGSIZE[1] * DPI))  # each PNG's size

# Run in the head right after the theme's own first script (scripts come
# after it), before anything of the page is laid out.
RESOLVE_THEME = (
    'if (document.documentElement.dataset.theme === "auto") '
    "{ document.documentElement.dataset.theme = "
    'matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"; }'
)


def draw(out: Path) -> None:
    """Draw the sigmoid and its derivative into ``out``, light and dark."""
    import matplotlib as mpl

    mpl.use("agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from sigmoid import sigmoid, sigmoid_derivative

    out.mkdir(parents=True, exist_ok=True)
    x = np.linspace(-8, 8, 801)
    # The gallery's colours for sigma and sigma' (sigma' dashed); the dark
    # variant takes lighter tints of the same two hues, legible on black.
    styles = {
        "light": ("default", "#307EC7", "#9621E2"),
        "dark": ("dark_background", "#6FB1FF", "#C99BFF"),
    }
    for mode, (style, sigma_colour, slope_colour) in styles.items():
        with plt.style.context(style):
            fig, ax = plt.subplots(figsize=FIGSIZE, layout="constrained")
            ax.plot(x, sigmoid(x), color=sigma_colour, lw=2.5, label=r"$\sigma(x)$")
            ax.plot(
                x,
                sigmoid_derivative(x),
                color=slope_colour,
                lw=2.5,
                ls="--",
                label=r"$\sigma'(x)$",
            )
            ax.axhline(0.5, color="0.5", lw=0.8, ls=":")
            ax.axvline(0.0, color="0.5", lw=0.8, ls=":")
            ax.annotate(
                r"$\sigma'(0) = 1/4$",
                xy=(0, 0.25),
                xytext=(1.6, 0.18),
                arrowprops={"arrowstyle": "->", "color": "0.5"},
            )
            ax.set(
                xlabel="x",
                ylabel="value",
                title="The sigmoid and its derivative",
                xlim=(-8, 8),
                ylim=(-0.02, 1.02),
            )
            ax.grid(alpha=0.3)
            ax.legend(loc="upper left")
            if mode == "dark":
                fig.patch.set_facecolor("#14181e")
                ax.set_facecolor("#14181e")
            drawn = io.BytesIO()
            fig.savefig(drawn, format="png", dpi=DPI)
            plt.close(fig)
            png = _palette_png(drawn.getvalue())
            # Rewriting an unchanged file would make Sphinx re-read the page.
            path = out / f"sigmoid_overlay_{mode}.png"
            if not path.is_file() or path.read_bytes() != png:
                path.write_bytes(png)


def _palette_png(png: bytes) -> bytes:
    """The figure in 64 colours: a third of the bytes, and the same to the eye.

    Two flat backgrounds, two curves and grey text need no more; the
    antialiased edges keep enough shades. A phone on a slow connection shows
    the home page's figure sooner (about 21 kB instead of 70 kB). Nothing but
    the pixels is written (no timestamp or software version): two builds give
    the same bytes.
    """
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        palette = image.convert("RGB").quantize(
            colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    out = io.BytesIO()
    palette.save(out, format="png", optimize=True)
    return out.getvalue()


def _on_builder_inited(app: Any) -> None:
    draw(Path(app.srcdir) / "gen_modules" / "home")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _on_builder_inited)
    app.add_js_file(None, body=RESOLVE_THEME, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
