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
def build(session: nox.Session) -> None:
    """Build the sdist and the wheel into dist/."""
    session.install("build")
    shutil.rmtree(ROOT / "dist", ignore_errors=True)
    session.run("python", "-m", "build")
