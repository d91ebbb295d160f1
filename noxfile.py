"""Every task of the project is a nox session: ``nox -l`` lists them."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "tests"]

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml("pyproject.toml")
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
HTML = BUILD / "html"


def _group(name: str) -> list[str]:
    return list(nox.project.dependency_groups(PYPROJECT, name))


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff (lint and format check) and strict mypy."""
    session.install("-e.", "ruff", "mypy", *_group("test"), *_group("bench"), "nox")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite, doctests of every docstring included."""
    session.install("-e.", *_group("test"))
    session.run("pytest", *session.posargs)


@nox.session
def accuracy(session: nox.Session) -> None:
    """Max and median ULP of every function and dtype against exact references."""
    session.install("-e.", *_group("bench"))
    session.run("python", "benchmarks/accuracy.py", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Speed against scipy.special.expit, the naive formula and the copy floor."""
    session.install("-e.", *_group("bench"))
    session.run("python", "benchmarks/speed.py", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site into docs/_build/html; ``-- --serve`` rebuilds on change.

    Nitpicky, warnings are errors, and every gallery example runs: a failing
    example fails the build with its traceback. No network is used.
    """
    session.install("-e.", *_group("docs"))
    serve = "--serve" in session.posargs
    extra = [arg for arg in session.posargs if arg != "--serve"]
    options = ["-n", "-W", "--keep-going", "-b", "html", "-d", str(BUILD / "doctrees")]
    options += extra
    # Matplotlib draws off-screen; the examples' plt.show() must not block.
    env = {"MPLBACKEND": "agg"}
    if serve:
        session.install("sphinx-autobuild")
        session.run(
            "sphinx-autobuild",
            *options,
            # The gallery writes into docs/ on every build: watch the sources,
            # not the generated files, or each build would trigger the next.
            "--watch", str(ROOT / "sigmoid_examples"),
            "--watch", str(ROOT / "src"),
            "--ignore", str(DOCS / "auto_examples"),
            "--ignore", str(DOCS / "gen_modules"),
            "--ignore", str(DOCS / "sg_execution_times.rst"),
            str(DOCS),
            str(HTML),
            env=env,
        )  # fmt: skip
        return
    session.run("sphinx-build", *options, str(DOCS), str(HTML), env=env)
    print(f"\nThe site is built; open {(HTML / 'index.html').resolve()}")


@nox.session
def build(session: nox.Session) -> None:
    """Build the sdist and the wheel into dist/."""
    session.install("build")
    shutil.rmtree(ROOT / "dist", ignore_errors=True)
    session.run("python", "-m", "build")
