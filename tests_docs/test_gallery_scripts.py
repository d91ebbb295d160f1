"""Every gallery script runs as it stands, as the "Using the examples" page promises.

Each ``sigmoid_examples/**/plot_*.py`` is run as ``python plot_x.py`` in a
fresh interpreter, from an empty directory, with Matplotlib's non-interactive
Agg backend, exactly as a reader who downloaded it would run it. A script that
raises, or hangs past the timeout, fails its test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

EXAMPLES = Path(__file__).resolve().parent.parent / "sigmoid_examples"
SCRIPTS = sorted(EXAMPLES.rglob("plot_*.py"))
TIMEOUT_SECONDS = 120


def test_gallery_has_scripts() -> None:
    assert SCRIPTS, f"no plot_*.py found under {EXAMPLES}"


@pytest.mark.parametrize(
    "script", SCRIPTS, ids=[str(s.relative_to(EXAMPLES)) for s in SCRIPTS]
)
def test_gallery_script_runs(script: Path, tmp_path: Path) -> None:
    env = {**os.environ, "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, (
        f"{script.name} exited with {result.returncode}:\n{result.stderr}"
    )
