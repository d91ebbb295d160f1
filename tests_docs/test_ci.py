"""GitHub's CI runs the sessions .ci/run runs, on the oldest and newest Python."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sessions(text: str) -> list[str]:
    """The nox sessions that ``nox -s A B`` commands name, in order, comments skipped."""
    names: list[str] = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        for match in re.finditer(r"\bnox -s ((?:[\w-]+ ?)+)", line):
            names += match[1].split()
    return names


def test_sessions_are_read_in_order() -> None:
    text = "# nox -s skipped\nx && nox -s a b\n  run: nox -s c\n"
    assert sessions(text) == ["a", "b", "c"]


def test_github_runs_the_same_sessions_as_ci_run() -> None:
    ci_run = sessions((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "tests" in ci_run
    assert "docs_tests" in ci_run
    assert sessions(workflow) == ci_run


def test_github_runs_the_oldest_and_newest_supported_python() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    classifiers = r'"Programming Language :: Python :: 3\.(\d+)"'
    minors = [int(minor) for minor in re.findall(classifiers, pyproject)]
    assert len(minors) >= 2
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    matrix = re.search(r"python: \[(.*)\]", workflow)
    assert matrix is not None
    assert matrix[1] == f'"3.{min(minors)}", "3.{max(minors)}"'
    assert "container: python:${{ matrix.python }}-bookworm" in workflow


def test_only_lint_and_the_published_sites_checks_are_left_to_the_newest() -> None:
    # The site as published is built on the newest Python; the browser,
    # Lighthouse and reproducibility checks judge that site, and lint needs
    # the NumPy stubs it pins (ci.yml says why). Every other session runs on
    # both.
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    classifiers = r'"Programming Language :: Python :: 3\.(\d+)"'
    newest = max(int(minor) for minor in re.findall(classifiers, pyproject))
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    left_to_newest = []
    for step in re.split(r"\n +- (?=name:)", workflow):
        condition = re.search(r"^ +if: (.*)$", step, re.MULTILINE)
        if sessions(step) and condition is not None:
            assert condition[1] == f"matrix.python == '3.{newest}'"
            left_to_newest += sessions(step)
    assert left_to_newest == ["lint", "site", "lighthouse", "reproducible"]
