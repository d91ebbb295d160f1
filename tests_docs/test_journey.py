"""tools/journey.py reads pages and scripts as it should, on planted examples."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from load_file import load_module

ROOT = Path(__file__).resolve().parent.parent


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


WHEEL = "sigmoid-1.2.3-py3-none-any.whl"
# The home page's install block as Sphinx renders it: a bash tab, a Windows tab.
HOME_PAGE = f"""<html><body>
<pre>python plot_sigmoid.py</pre>
<div class="sd-tab-set"><label>Linux and macOS</label><div class="sd-tab-content">
<div class="highlight-bash notranslate"><div class="highlight"><pre><span></span
>python3 -m venv .venv
<span class="nb">source</span> .venv/bin/activate
pip install {WHEEL} numpy matplotlib
</pre></div></div></div>
<label>Windows</label><div class="sd-tab-content">
<div class="highlight-bat notranslate"><div class="highlight"><pre>py -m venv .venv
.venv\\Scripts\\activate
pip install {WHEEL} numpy matplotlib
</pre></div></div></div></div>
<div class="highlight-python"><pre>print('it is')</pre></div>
</body></html>""".encode()


def test_install_block_is_the_shell_block_that_installs_the_wheel() -> None:
    assert journey.install_block(HOME_PAGE, WHEEL) == (
        "python3 -m venv .venv\n"
        "source .venv/bin/activate\n"
        f"pip install {WHEEL} numpy matplotlib\n"
    )
    with pytest.raises(journey.JourneyError, match="no shell block"):
        journey.install_block(HOME_PAGE, "sigmoid-9.9.9-py3-none-any.whl")
    twice = HOME_PAGE.replace(b"highlight-bat", b"highlight-bash")
    with pytest.raises(journey.JourneyError, match="expected one"):
        journey.install_block(twice, WHEEL)


README = """# sigmoid

## Install

```bash
pip install . matplotlib
```

## Quick start

Build the site:

```bash
python3 -m venv .venv && source .venv/bin/activate && pip install nox && nox -s docs
```

and run the tests:

```bash
python3 -m venv .venv && source .venv/bin/activate && pip install nox && nox -s tests
```

## The API
"""


def test_quick_start_commands_are_the_readmes_two_lines() -> None:
    commands = journey.quick_start_commands(README)
    checked = "python3 -m venv .venv && source .venv/bin/activate && pip install nox"
    assert [journey.up_to_nox(command) for command in commands] == [
        (f"{checked} && nox --list", "docs"),
        (f"{checked} && nox --list", "tests"),
    ]
    with pytest.raises(journey.JourneyError, match="nox -s NAME"):
        journey.up_to_nox("nox -s docs")  # nothing before nox to check
    with pytest.raises(journey.JourneyError, match="nox -s NAME"):
        journey.up_to_nox("pip install nox && nox -s docs tests")
    with pytest.raises(journey.JourneyError, match="one-line"):
        journey.quick_start_commands(README.replace(" && nox -s docs", "\nnox -s docs"))


def test_the_readme_passes_its_own_parse() -> None:
    commands = journey.quick_start_commands(
        (ROOT / "README.md").read_text(encoding="utf-8")
    )
    assert [journey.up_to_nox(command)[1] for command in commands] == ["docs", "tests"]


@pytest.fixture(scope="module")
def system_shell(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The journey's shell, whose python3 is Debian's (PEP 668)."""
    return journey.SystemShell(tmp_path_factory.mktemp("shell"), journey.SYSTEM_PYTHON)


def test_the_shell_python_refuses_pip_outside_a_venv(
    system_shell: Any, tmp_path: Path
) -> None:
    """The install line the site had before: PEP 668 stops it."""
    with pytest.raises(journey.JourneyError, match="externally-managed-environment"):
        system_shell.paste(f"pip install {WHEEL} numpy matplotlib\n", tmp_path)
    with pytest.raises(journey.JourneyError, match="externally-managed-environment"):
        system_shell.paste("python3 -m pip install nox\n", tmp_path)


def test_the_shell_runs_lines_in_order_and_stops_at_a_failure(
    system_shell: Any, tmp_path: Path
) -> None:
    """As pasted: one shell, so `cd` carries over; unlike a paste, -e stops it."""
    (tmp_path / "sub").mkdir()
    lines = "cd ..\nmkdir made\ncd made\nfalse\ntouch after\n"
    with pytest.raises(journey.JourneyError, match="these lines failed"):
        system_shell.paste(lines, tmp_path / "sub")
    assert (tmp_path / "made").is_dir()
    assert not (tmp_path / "made" / "after").exists()


def test_a_python_in_a_venv_is_not_a_system_python() -> None:
    assert not journey.is_externally_managed(Path(sys.executable))


def test_every_gallery_script_declares_what_it_imports() -> None:
    """What a script needs beyond NumPy, Matplotlib and sigmoid is in its
    first paragraph, which its page shows at the top; the home page says so."""
    scripts = sorted((ROOT / "sigmoid_examples").glob("*/plot_*.py"))
    assert len(scripts) >= 20
    undeclared = {
        script.name: journey.undeclared_modules(script.read_text(encoding="utf-8"))
        for script in scripts
    }
    assert {name: mods for name, mods in undeclared.items() if mods} == {}
    needs_more = {
        script.name
        for script in scripts
        if journey.declared_requirements(script.read_text(encoding="utf-8"))
    }
    # The scripts that import mpmath (the ULP plots compute their reference
    # with it) are the ones that say so.
    imports_mpmath = {
        script.name
        for script in scripts
        if "import mpmath" in script.read_text(encoding="utf-8")
    }
    assert imports_mpmath
    assert needs_more == imports_mpmath
    home = " ".join((ROOT / "docs" / "index.md").read_text(encoding="utf-8").split())
    assert "one that needs more says so in its first paragraph" in home


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
