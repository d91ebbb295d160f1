"""Scripts that nothing on screen waits for load deferred, so a phone paints sooner.

Sphinx and its extensions put their scripts in the head as plain
``<script src>``: the browser fetches and runs each one before it draws
anything. On a phone on slow 4G (Lighthouse's mobile preset) the dozen of
them held the first paint of every page back by about a second. None of
them draws anything: each sets up behaviour when the page is ready (copy
buttons, search-word highlighting, sphinx-design's tab memory, the
gallery's tags), so each can run after parsing, deferred, in the same order.
``documentation_options.js`` stays as it is: the page's inline scripts
set its ``DOCUMENTATION_OPTIONS`` right after it. The search page keeps all
its scripts as they are (its own search script needs them at once).

The theme writes its search scripts into its template, not the list of
scripts: ``_templates/layout.html`` defers those. This module checks that
the override still matches the theme: a new theme release that writes the
scripts differently stops the build (as a warning, which ``-W`` makes an
error), so that the override is looked at again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

DEFERRED = {
    "doctools.js",
    "sphinx_highlight.js",
    "clipboard.min.js",
    "copybutton.js",
    "design-tabs.js",
    "sg-tags.js",
}
# What _templates/layout.html replaces in pydata-sphinx-theme 0.24.0.
THEME_SEARCH_SCRIPTS = """\
    <script src="{{ pathto('_static/searchtools.js', 1) | e }}"></script>
    <script src="{{ pathto('_static/language_data.js', 1) | e }}"></script>
    <script src="{{ pathto('searchindex.js', 1) | e }}"></script>"""


def defer(scripts: Sequence[Any]) -> list[Any]:
    """The page's scripts, with those in :data:`DEFERRED` marked ``defer``.

    Each script is Sphinx's ``_JavaScript``; one that is already deferred or
    asynchronous, and inline scripts, are left as they are.
    """
    deferred = []
    for script in scripts:
        filename = getattr(script, "filename", None)
        attributes = getattr(script, "attributes", {})
        if (
            filename
            and PurePosixPath(str(filename)).name in DEFERRED
            and not {"defer", "async"} & set(attributes)
        ):
            deferred.append(
                type(script)(
                    filename, priority=script.priority, **attributes, defer="defer"
                )
            )
        else:
            deferred.append(script)
    return deferred


def _defer_scripts(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    del app, templatename, doctree
    # The search page runs searchtools.js as a plain script in its body,
    # which needs doctools.js's _ready at once; it is no landing page.
    if pagename != "search" and "script_files" in context:
        context["script_files"] = defer(context["script_files"])


def _check_theme_layout(app: Any) -> None:
    from sphinx.util import logging

    if app.builder.format != "html":
        return
    templates = app.builder.templates  # a Jinja loader; "!" asks the theme's
    layout = templates.get_source(templates.environment, "!layout.html")[0]
    if THEME_SEARCH_SCRIPTS not in layout:
        logging.getLogger(__name__).warning(
            "pydata-sphinx-theme's layout.html no longer loads its search "
            "scripts as _templates/layout.html expects: compare the two"
        )


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _check_theme_layout)
    app.connect("html-page-context", _defer_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
