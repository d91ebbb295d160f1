"""The home page's figure: the sigmoid and its derivative, light and dark.

Drawn at the start of every build into ``gen_modules/home/``; a PNG whose
bytes have not changed is not rewritten, so Sphinx does not read the home
page again for nothing.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any


def draw(out: Path) -> None:
    """Draw the sigmoid and its derivative into ``out``, light and dark."""
    import matplotlib as mpl

    mpl.use("agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from sigmoid import sigmoid, sigmoid_derivative

    out.mkdir(parents=True, exist_ok=True)
    x = np.linspace(-8, 8, 801)
    styles = {
        "light": ("default", "#1f77b4", "#ff7f0e"),
        "dark": ("dark_background", "#6fb1ff", "#ffa94d"),
    }
    for mode, (style, blue, orange) in styles.items():
        with plt.style.context(style):
            fig, ax = plt.subplots(figsize=(7, 3.6), layout="constrained")
            ax.plot(x, sigmoid(x), color=blue, lw=2.5, label=r"$\sigma(x)$")
            ax.plot(
                x, sigmoid_derivative(x), color=orange, lw=2.5, label=r"$\sigma'(x)$"
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
            # No timestamp or version in the PNG: two builds give the same bytes.
            png = io.BytesIO()
            fig.savefig(png, format="png", dpi=200, metadata={"Software": None})
            plt.close(fig)
            # Rewriting an unchanged file would make Sphinx re-read the page.
            path = out / f"sigmoid_overlay_{mode}.png"
            if not path.is_file() or path.read_bytes() != png.getvalue():
                path.write_bytes(png.getvalue())


def _on_builder_inited(app: Any) -> None:
    draw(Path(app.srcdir) / "gen_modules" / "home")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _on_builder_inited)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
