"""Record what the practice page's PyTorch, JAX and scikit-learn snippets print.

The site's build does not install those frameworks, so their tabs show the
output recorded here: each snippet is run as a reader would run it
(``python -W error practice_torch.py`` in an empty folder) and its standard output
is written to ``docs/snippets/recorded_output.json`` with the command that
recorded it, the machine and the library versions. ``nox -s frameworks --
--record`` runs this; the session's tests then check that the file still
matches what the snippets print.

Usage: ``python tools/record_snippet_output.py`` (in an environment with the
three frameworks installed).
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "docs" / "snippets"
RECORD = SNIPPETS / "recorded_output.json"
# Snippet -> the distribution it shows.
RECORDED = {"torch": "torch", "jax": "jax", "sklearn": "scikit-learn"}
COMMAND = "nox -s frameworks -- --record"
# The distributions whose versions decide what the snippets print.
DISTRIBUTIONS = ["torch", "jax", "jaxlib", "scikit-learn", "numpy", "scipy"]


def snippet_output(name: str) -> str:
    """Standard output of docs/snippets/practice_<name>.py run as a script."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [sys.executable, "-W", "error", str(SNIPPETS / f"practice_{name}.py")],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
    return result.stdout


def machine() -> str:
    return (
        f"Python {platform.python_version()} on {platform.system()} "
        f"{platform.machine()}"
    )


def main() -> None:
    record = {
        "command": COMMAND,
        "machine": machine(),
        "versions": {name: version(name) for name in DISTRIBUTIONS},
        "outputs": {
            f"practice_{name}.py": {
                "library": f"{library} {version(library)}",
                "stdout": snippet_output(name),
            }
            for name, library in RECORDED.items()
        },
    }
    RECORD.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {RECORD.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
