"""Every internal link of the built site resolves (tools/check_links.py).

The checker's own tests, on a planted site, are in tests_docs/test_check_links.py.
"""

from __future__ import annotations

import pytest
from load_file import load_module

from tests_site.browser import HTML, ROOT

check_links = load_module(ROOT / "tools" / "check_links.py")


def test_built_site_has_no_broken_links() -> None:
    if not (HTML / "index.html").is_file():
        pytest.fail(f"no built site at {HTML}: run `nox -s docs site`")
    report = check_links.check_site(HTML)
    assert report.broken == []
    assert report.checked > 100
