"""What the published site serves besides its pages: robots.txt and the 404 page.

- ``robots.txt`` lets every crawler read every page and names the sitemap
  that sphinx-sitemap writes, at the address the site is published at
  (``html_baseurl`` in conf.py); it is written at the end of the build, so
  that a build for another address (Read the Docs) names its own.
- The 404 page (sphinx-notfound-page renders it from
  ``_templates/sigmoid-404.html``, with absolute links since it is served at
  any missing address) leads back to the reading path: the template gets
  the path's pages, with their titles, as ``reading_path``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# The pages a reader follows from the home page, in order; the 404 page
# offers them all.
READING_PATH = [
    "index",
    "auto_examples/basics/plot_sigmoid_in_numpy",
    "auto_examples/basics/index",
    "math",
    "pros_and_cons",
    "explore",
]


def robots_txt(base_url: str, sitemap: str) -> str:
    """The robots.txt of a site published at ``base_url``."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url.rstrip('/')}/{sitemap}\n"


def _write_robots(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    text = robots_txt(app.config.html_baseurl, app.config.sitemap_filename)
    (Path(app.outdir) / "robots.txt").write_text(text, encoding="utf-8")


def _reading_path(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    del templatename, doctree
    if pagename != app.config.notfound_pagename:
        return
    # sphinx-notfound-page's pathto, set before this handler, gives the
    # absolute links the 404 page needs.
    pathto = context["pathto"]
    context["reading_path"] = [
        (pathto(docname), app.env.titles[docname].astext()) for docname in READING_PATH
    ]


def setup(app: Any) -> dict[str, Any]:
    app.connect("build-finished", _write_robots)
    app.connect("html-page-context", _reading_path, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
