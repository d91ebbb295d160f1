"""The snippets of the "What to use in practice" page, and how the tests run them.

The page shows ``docs/snippets/practice_*.py`` with ``literalinclude``, so
what a reader sees is what the tests run. The NumPy, SciPy and sigmoid
snippets are tested in ``test_practice_snippets.py``; the torch, JAX and
scikit-learn ones, which need those frameworks, in ``tests_frameworks/``
(``nox -s frameworks``). Both run them the two ways defined here.
"""

from __future__ import annotations

import runpy
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import mpmath
from reference import mp_log_sigmoid

SNIPPETS = Path(__file__).resolve().parent.parent / "docs" / "snippets"
# Every snippet turns these five scores into probabilities and a binary
# cross-entropy against these labels.
SCORES = [-1000.0, -2.0, 0.0, 2.0, 1000.0]
LABELS = [0.0, 0.0, 1.0, 1.0, 0.0]


def mp_cross_entropy_terms(scores: list[float], labels: list[float]) -> list[Any]:
    """-(y log sigma(x) + (1 - y) log sigma(-x)) per score, at 50 digits."""
    return [
        -(y * mp_log_sigmoid(mpmath.mpf(x)) + (1 - y) * mp_log_sigmoid(-mpmath.mpf(x)))
        for x, y in zip(scores, labels, strict=True)
    ]


def mp_cross_entropy(scores: list[float], labels: list[float]) -> float:
    """The mean of the terms, at 50 digits, rounded to float64."""
    return float(mpmath.fsum(mp_cross_entropy_terms(scores, labels)) / len(scores))


def run_snippet(name: str) -> dict[str, Any]:
    """Run docs/snippets/practice_<name>.py; any warning is an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return runpy.run_path(str(SNIPPETS / f"practice_{name}.py"))


def run_snippet_as_script(
    name: str, cwd: Path, timeout: float
) -> subprocess.CompletedProcess[str]:
    """Run docs/snippets/practice_<name>.py as a reader would, in ``cwd``, with
    ``python -W error``; return its exit status and output."""
    return subprocess.run(
        [sys.executable, "-W", "error", str(SNIPPETS / f"practice_{name}.py")],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
