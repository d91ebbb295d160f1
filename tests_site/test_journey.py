"""tools/journey.py reads pages and scripts as it should, on planted examples."""

from __future__ import annotations

from types import ModuleType

import pytest
from load_file import load_module

from tests_site.browser import ROOT


def load_journey() -> ModuleType:
    return load_module(ROOT / "tools" / "journey.py")


journey = load_journey()

SCRIPT = '''r"""
Numerical stability
===================

The textbook formulas overflow. This example measures where, against a
50-digit reference. It also needs mpmath and Dask: ``pip install mpmath
"dask[array]"``.

A later paragraph: ``pip install scipy`` is not a requirement.
"""

import os.path
from collections import abc

import matplotlib.pyplot as plt
import mpmath
import numpy as np
from dask import array

from sigmoid import sigmoid

try:
    import torch
except ImportError:
    torch = None
'''


def test_first_paragraph_is_the_one_after_the_title() -> None:
    paragraph = journey.first_paragraph(SCRIPT)
    assert paragraph.startswith("The textbook formulas overflow.")
    assert paragraph.endswith('``pip install mpmath "dask[array]"``.')


def test_requirements_come_from_the_first_paragraph_only() -> None:
    assert journey.declared_requirements(SCRIPT) == ["mpmath", "dask[array]"]


@pytest.mark.parametrize(
    ("requirement", "module"),
    [
        ("mpmath", "mpmath"),
        ("dask[array]", "dask"),
        ("Scikit-Image>=0.2", "scikit_image"),
    ],
)
def test_module_of_requirement(requirement: str, module: str) -> None:
    assert journey.module_of(requirement) == module


def test_optional_imports_are_not_required() -> None:
    assert journey.required_modules(SCRIPT) == {
        "os", "collections", "matplotlib", "mpmath", "numpy", "dask", "sigmoid",
    }  # fmt: skip


def test_declared_script_passes() -> None:
    assert journey.undeclared_modules(SCRIPT) == []


def test_undeclared_import_is_caught() -> None:
    script = SCRIPT.replace(" It also needs mpmath and Dask", " Dask").replace(
        'mpmath\n"dask[array]"', '"dask[array]"'
    )
    assert journey.declared_requirements(script) == ["dask[array]"]
    assert journey.undeclared_modules(script) == ["mpmath"]
    unrelated = SCRIPT + "import scipy.special\n"
    assert journey.undeclared_modules(unrelated) == ["scipy"]


def test_install_line_names_the_wheel() -> None:
    page = b"""<html><body>
    <pre>python plot_sigmoid.py</pre>
    <div class="highlight"><pre><span>pip install sigmoid-1.2.3-py3-none-any.whl numpy</span> matplotlib
</pre></div>
    <pre>print('it is')</pre>
    </body></html>"""
    assert journey.install_line(page, "sigmoid-1.2.3-py3-none-any.whl") == [
        "sigmoid-1.2.3-py3-none-any.whl",
        "numpy",
        "matplotlib",
    ]
    with pytest.raises(journey.JourneyError, match="no `pip install"):
        journey.install_line(page, "sigmoid-9.9.9-py3-none-any.whl")


def test_links_are_absolute_and_unique() -> None:
    page = b"""<div class="sphx-glr-download-python">
    <a href="../../_downloads/ab/plot_x.py">Download</a>
    <a href="../../_downloads/ab/plot_x.py">again</a></div>
    <a href="../../_downloads/cd/plot_y.py">elsewhere</a>"""
    found = journey.links(
        "http://127.0.0.1:8000/auto_examples/basics/plot_x.html",
        page,
        '.sphx-glr-download-python a[href$=".py"]',
    )
    assert found == ["http://127.0.0.1:8000/_downloads/ab/plot_x.py"]
