"""Sphinx configuration of the sigmoid site.

The build is offline and self-contained: no intersphinx, no CDN. Math is
rendered to MathML at build time (see ``_ext/mathml.py``), so pages carry no
math script at all and browsers typeset it natively.
"""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path
from typing import Any

import sigmoid

DOCS = Path(__file__).parent
sys.path.insert(0, str(DOCS / "_ext"))
from gallery_order import SECTIONS  # found through the line above

project = "sigmoid"
author = "The sigmoid developers"
copyright = "The sigmoid developers"  # no year: the same in every build
version = release = sigmoid.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "numpydoc",
    "sphinx_gallery.gen_gallery",
    "sphinx_copybutton",
    "sphinx_design",
    "mathml",
    "figures",  # alt text that describes each gallery figure; see _ext/
    "a11y_fixes",  # what axe finds in the theme and gallery; see _ext/
]

root_doc = "index"
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = [
    "_build",
    "Thumbs.db",
    ".DS_Store",
    # sphinx-gallery writes per-gallery timing pages and this summary; they are
    # build logs rather than pages (and they change with every build).
    "sg_execution_times.rst",
    "auto_examples/**/sg_execution_times.rst",
    "auto_examples/sg_execution_times.rst",
]
templates_path = ["_templates"]

# Warnings are errors (-W) and every reference must resolve (-n). Names from
# other projects in the See Also sections stay plain text: linking them would
# need intersphinx, which fetches inventories over the network.
nitpicky = True
nitpick_ignore_regex = [
    ("py:.*", r"(numpy|np|scipy|torch|matplotlib|mpmath|dask|decimal|c?math)(\..*)?"),
]

html_math_renderer = "mathml"  # see _ext/mathml.py

# -- MyST ---------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3
myst_update_mathjax = False  # math is MathML; there is no MathJax to configure

# -- API reference --------------------------------------------------------------
autosummary_generate = True
autodoc_typehints = "none"  # the numpydoc Parameters sections carry the types
autodoc_default_options = {"members": False}
numpydoc_show_class_members = False
numpydoc_xref_param_type = False
numpydoc_use_plots = False

# -- Gallery --------------------------------------------------------------------
# The reading order of sections and of the examples in each is set by hand in
# _ext/gallery_order.py.
sphinx_gallery_conf = {
    "examples_dirs": ["../sigmoid_examples"],
    "gallery_dirs": ["auto_examples"],
    "subsection_order": [
        *(f"../sigmoid_examples/{name}" for name in SECTIONS),
        "*",
    ],
    "within_subsection_order": "gallery_order.ExampleOrder",
    "filename_pattern": r"/plot_",
    "download_all_examples": True,
    "image_srcset": ["2x"],
    "doc_module": ("sigmoid",),
    # Matplotlib's scraper, recording each figure's text size (_ext/figures.py).
    "image_scrapers": ("figures.scraper",),
    "backreferences_dir": "gen_modules/backreferences",
    "exclude_implicit_doc": {r"sigmoid\.__version__"},
    "matplotlib_animations": (True, "jshtml"),
    "remove_config_comments": True,
    # Two workers halve a clean build on two cores; when the examples are
    # already built, starting the workers costs more (about 2 s) than it saves.
    "parallel": 1 if (Path(__file__).parent / "auto_examples").is_dir() else 2,
    "abort_on_example_error": False,
    "only_warn_on_example_error": False,
    "show_signature": False,
    # Run times differ from build to build: a reproducible build (with
    # SOURCE_DATE_EPOCH set, which also turns off sphinx-gallery's timing
    # pages) leaves them out of the example pages.
    "min_reported_time": 0 if os.environ.get("SOURCE_DATE_EPOCH") is None else 10**9,
}

# -- HTML -----------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = "sigmoid"
html_static_path = ["_static"]
html_css_files = ["css/sigmoid.css"]
html_last_updated_fmt = None  # no build date in the pages: reproducible
html_show_sourcelink = False
html_copy_source = False
html_show_sphinx = True
html_context = {"default_mode": "auto"}
html_sidebars = {
    "index": [],
    "math": [],
    "pros_and_cons": [],
    "using_examples": [],
    "explore": [],
    "practice": [],
    "going_further": [],
    "how_it_is_computed": [],
    "accuracy_and_speed": [],
}
html_theme_options = {
    "navbar_align": "left",
    "navbar_end": ["theme-switcher"],
    # The theme's own search button names itself "Search" while it shows
    # "Search Ctrl+K"; this copy's accessible name is its visible text.
    "navbar_persistent": ["sigmoid-search-button"],
    "icon_links": [],
    "header_links_before_dropdown": 7,
    "secondary_sidebar_items": ["page-toc"],
    "footer_start": ["copyright"],
    "footer_end": ["sphinx-version"],
    "show_prev_next": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    # The theme's own defaults: code colours with WCAG AA contrast in both
    # modes ("default" and "github-dark" fail axe's color-contrast).
    "pygments_light_style": "a11y-high-contrast-light",
    "pygments_dark_style": "a11y-high-contrast-dark",
}

# -- Copy button ----------------------------------------------------------------
# Copy code without prompts or doctest output.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_exclude = ".linenos, .gp, .go"


# -- Home-page figure -----------------------------------------------------------
def _home_figure(app: Any) -> None:
    """Draw the sigmoid and its derivative for the home page, light and dark."""
    import matplotlib as mpl

    mpl.use("agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from sigmoid import sigmoid_derivative

    out = Path(app.srcdir) / "gen_modules" / "home"
    out.mkdir(parents=True, exist_ok=True)
    x = np.linspace(-8, 8, 801)
    styles = {
        "light": ("default", "#1f77b4", "#ff7f0e"),
        "dark": ("dark_background", "#6fb1ff", "#ffa94d"),
    }
    for mode, (style, blue, orange) in styles.items():
        with plt.style.context(style):
            fig, ax = plt.subplots(figsize=(7, 3.6), layout="constrained")
            ax.plot(x, sigmoid.sigmoid(x), color=blue, lw=2.5, label=r"$\sigma(x)$")
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


def _deterministic_zips(app: Any, exception: Exception | None) -> None:
    """Rewrite sphinx-gallery's download zips with fixed timestamps.

    The zips take each file's modification time, which for the generated
    notebooks is the time of the build; with SOURCE_DATE_EPOCH set, two
    builds should give the same bytes.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if exception is not None or epoch is None or app.builder.format != "html":
        return
    import time

    stamp = time.gmtime(max(int(epoch), 315532800))[:6]  # zip cannot go before 1980
    for path in Path(app.outdir).glob("_downloads/**/*.zip"):
        with zipfile.ZipFile(path) as old:
            members = sorted((i.filename, old.read(i)) for i in old.infolist())
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
            for name, data in members:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                new.writestr(info, data)


def _drop_theme_macros(app: Any, exception: Exception | None) -> None:
    """Remove the Jinja macros pydata-sphinx-theme copies into _static.

    It is a template fragment, not a page, and nothing links to it.
    """
    if exception is None and app.builder.format == "html":
        (Path(app.outdir) / "_static" / "webpack-macros.html").unlink(missing_ok=True)


def setup(app: Any) -> None:
    app.connect("builder-inited", _home_figure)
    app.connect("build-finished", _deterministic_zips)
    app.connect("build-finished", _drop_theme_macros)
