"""Every code block a reader can copy from the pages and the README works.

Python blocks run, page by page in order, in a fresh interpreter with every
warning an error. Shell blocks are checked line by line against what makes
them work: a ``nox -s`` session must exist in noxfile.py, a ``python
plot_x.py`` must name a gallery script (``nox -s journey`` runs each one as a
reader would), and ``pip install`` lines may only install what the
repository or PyPI provides (the wheel line is generated into the pages and
run by ``nox -s journey``). ``python3 -m venv .venv`` and ``source
.venv/bin/activate`` are the lines ``nox -s journey`` pastes into a shell
whose Python refuses ``pip install`` outside a virtual environment. A line of
any other kind fails, so a new command on a page needs a check here first.
"""

from __future__ import annotations

import ast
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
_BLOCK = re.compile(r"^```(?P<lang>\w+)\n(?P<code>.*?)^```", re.MULTILINE | re.DOTALL)
# What `pip install` may name: the nox bootstrap, this repository (`.`), and
# the packages a page or script says to add.
PIP_PACKAGES = {"nox", ".", "numpy", "matplotlib", "mpmath", "jupyterlab"}


def _blocks(language: str) -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for match in _BLOCK.finditer(page.read_text()):
            if match["lang"] == language:
                found.append((page.name, match["code"]))
    return found


def _nox_sessions() -> set[str]:
    tree = ast.parse((ROOT / "noxfile.py").read_text())
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any("session" in ast.unparse(d) for d in node.decorator_list)
    }


def _check_shell_line(line: str) -> str | None:
    """Why ``line`` is not known to work, or None when it is."""
    words = shlex.split(line, comments=True)
    if not words:
        return None
    if words[:3] == ["python3", "-m", "pip"] or words[:3] == ["python", "-m", "pip"]:
        words = words[2:]
    if words[:2] == ["pip", "install"]:
        unknown = set(words[2:]) - PIP_PACKAGES
        return f"pip installs {sorted(unknown)}" if unknown else None
    if words in (["python3", "-m", "venv", ".venv"], ["source", ".venv/bin/activate"]):
        return None  # nox -s journey runs these on a Python that needs them (PEP 668)
    if words[:2] == ["nox", "-s"]:
        sessions = [w for w in words[2:] if not w.startswith("-")]
        missing = set(sessions) - _nox_sessions()
        return f"no nox session {sorted(missing)}" if missing else None
    if words[0] == "python" and len(words) == 2 and words[1].startswith("plot_"):
        scripts = {p.name for p in (ROOT / "sigmoid_examples").rglob("plot_*.py")}
        return None if words[1] in scripts else f"no gallery script {words[1]}"
    return "a command this test does not know how to check"


SHELL_LINES = [
    (page, part.strip())
    for page, code in _blocks("bash")
    for line in code.splitlines()
    for part in line.split("&&")
    if part.strip()
]


@pytest.mark.parametrize(
    ("page", "line"), SHELL_LINES, ids=[f"{p}:{line}" for p, line in SHELL_LINES]
)
def test_shell_line_is_known_to_work(page: str, line: str) -> None:
    assert _check_shell_line(line) is None, f"{page}: {line}"


def test_the_checker_rejects_what_would_fail() -> None:
    assert _check_shell_line("pip install sigmoid") is not None  # not on PyPI yet
    assert _check_shell_line("nox -s no_such_session") is not None
    assert _check_shell_line("python plot_missing.py") is not None
    assert _check_shell_line("make html") is not None
    assert _check_shell_line("python3 -m pip install nox") is None
    assert _check_shell_line("python3 -m venv venv") is not None  # not the one run
    assert _check_shell_line("source .venv/bin/activate") is None


def _installs_outside_a_venv(code: str) -> bool:
    """Whether a shell block runs ``pip install`` before it has made and
    activated the virtual environment (Debian's, Ubuntu's and Homebrew's
    python3 refuse that: PEP 668)."""
    lines = [part.strip() for line in code.splitlines() for part in line.split("&&")]
    ready = {"made": False, "active": False}
    for line in lines:
        words = shlex.split(line, comments=True)
        if words == ["python3", "-m", "venv", ".venv"]:
            ready["made"] = True
        elif words == ["source", ".venv/bin/activate"]:
            ready["active"] = ready["made"]
        elif "pip" in words[:3] and "install" in words[:4] and not ready["active"]:
            return True
    return False


@pytest.mark.parametrize("page", sorted({page for page, _ in _blocks("bash")}))
def test_every_install_starts_from_a_virtual_environment(page: str) -> None:
    bad = [
        code
        for p, code in _blocks("bash")
        if p == page and _installs_outside_a_venv(code)
    ]
    assert bad == [], f"{page}: pip install outside a virtual environment"


def test_the_venv_check_sees_a_bare_install() -> None:
    assert _installs_outside_a_venv("python3 -m pip install nox\n")
    assert _installs_outside_a_venv("source .venv/bin/activate\npip install nox\n")
    assert not _installs_outside_a_venv(
        "python3 -m venv .venv && source .venv/bin/activate && pip install nox\n"
    )


PYTHON_PAGES = sorted({page for page, _ in _blocks("python")})


@pytest.mark.parametrize("page", PYTHON_PAGES)
def test_python_blocks_run_without_warnings(page: str, tmp_path: Path) -> None:
    code = "\n\n".join(c for p, c in _blocks("python") if p == page)
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        cwd=tmp_path,
        env={**os.environ, "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_pages_have_python_and_shell_blocks() -> None:
    assert {"index.md", "README.md"} <= set(PYTHON_PAGES)
    assert len(SHELL_LINES) >= 5


_DROPDOWN = re.compile(
    r"^(:{3,})\{dropdown\}[^\n]*\n(?P<body>.*?)^\1$", re.MULTILINE | re.DOTALL
)


def test_code_in_dropdowns_is_run() -> None:
    """Exercise solutions hide in sphinx-design dropdowns; their code runs too."""
    run = {code for _, code in _blocks("python")}
    hidden = [
        match["code"]
        for page in PAGES
        for dropdown in _DROPDOWN.finditer(page.read_text())
        for match in _BLOCK.finditer(dropdown["body"])
        if match["lang"] == "python"
    ]
    assert len(hidden) >= 3  # the math page's exercises
    assert all(code in run for code in hidden)
