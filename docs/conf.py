"""Sphinx configuration of the sigmoid site.

The build is offline and self-contained: no intersphinx, no CDN. Math is
rendered to MathML at build time (see ``_ext/mathml.py``), so pages carry no
math script at all and browsers typeset it natively.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import sigmoid

DOCS = Path(__file__).parent
sys.path.insert(0, str(DOCS / "_ext"))
from gallery_order import SECTIONS  # found through the line above
from home_figure import PIXELS

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
    # Our own, in _ext/:
    "mathml",  # math as MathML at build time
    "home_figure",  # the home page's figure
    "build_output",  # reproducible download zips
    "figures",  # alt text that describes each gallery figure
    "a11y_fixes",  # what axe finds in the theme and gallery
    "wheel",  # the package's wheel as a download, and how to install it
    "snippet_output",  # what the practice page's snippets print
    "images",  # every image sized and loaded lazily
    "deferred_scripts",  # no script holds back the first paint
    "published",  # robots.txt, and the 404 page's way back to the path
    # What search engines and link previews read:
    "descriptions",  # each page's description: its first paragraph
    "sphinxext.opengraph",  # Open Graph and Twitter card tags
    "sphinx_sitemap",  # sitemap.xml
    "notfound.extension",  # 404.html for the published site
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
    # Twice the size the gallery shows them at (160 by 112 CSS pixels), and
    # no more: the gallery page loads every thumbnail.
    "thumbnail_size": (320, 224),
    "doc_module": ("sigmoid",),
    # Matplotlib's scraper, giving each figure the alt text its script writes
    # and recording its text size (_ext/figures.py).
    "image_scrapers": ("figures.scraper",),
    "backreferences_dir": "gen_modules/backreferences",
    "exclude_implicit_doc": {r"sigmoid\.__version__"},
    "matplotlib_animations": (True, "jshtml"),
    "remove_config_comments": True,
    "parallel": 2,  # halves a clean build on two cores
    "abort_on_example_error": False,
    "only_warn_on_example_error": False,
    "show_signature": False,
    # Run times differ from build to build: the pages leave them out, so
    # that two builds give the same bytes.
    "min_reported_time": 10**9,
}

# -- HTML -----------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = "sigmoid"
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"
html_extra_path = ["_extra"]  # favicon.ico at the site root
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
    "how_this_site_is_checked": [],
    # First in the navigation bar, so its parent is the home page, whose
    # section navigation would be empty.
    "auto_examples/basics/plot_sigmoid_in_numpy": [],
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

# -- Published address, search engines and link previews ---------------------
# The one address the site is published at. Canonical URLs, the sitemap, the
# link-preview tags and the 404 page's links all start from it; Read the Docs
# sets READTHEDOCS_CANONICAL_URL to its own. Links between pages stay
# relative, so the site still works from file://.
html_baseurl = (
    os.environ.get(
        "READTHEDOCS_CANONICAL_URL", "https://sigmoid-dev.github.io/sigmoid/"
    ).rstrip("/")
    + "/"
)
# Each page's description is its first paragraph (_ext/descriptions.py); the
# tags name the home figure (the sigmoid and its derivative) as the image of
# every page.
ogp_site_url = html_baseurl
ogp_image = "_images/sigmoid_overlay_light.png"
ogp_image_alt = (
    "The sigmoid, an S-shaped curve rising from 0 to 1, and its derivative, "
    "a bell-shaped curve peaking at 1/4 at x = 0."
)
ogp_social_cards = {"enable": False}  # the figure above, not a drawn card
ogp_custom_meta_tags = [
    f'<meta property="og:image:width" content="{PIXELS[0]}" />',
    f'<meta property="og:image:height" content="{PIXELS[1]}" />',
    '<meta name="twitter:card" content="summary_large_image" />',
]
sitemap_url_scheme = "{link}"  # one language, one version: no /en/latest/
sitemap_excludes = ["search.html", "genindex.html", "404.html"]
# The 404 page is served for any missing path, so its links are absolute.
notfound_urls_prefix = urlsplit(html_baseurl).path
notfound_template = "sigmoid-404.html"

# -- Copy button ----------------------------------------------------------------
# Copy code without prompts or doctest output.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_exclude = ".linenos, .gp, .go"
