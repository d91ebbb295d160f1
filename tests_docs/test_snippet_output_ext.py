"""docs/_ext/snippet_output.py: the output shown under a snippet is what it prints.

The extension's working functions are called directly (no Sphinx needed):
a snippet is run as a reader runs it, and one that fails or warns fails the
build; a recorded output is read back with what recorded it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from load_file import load_module

ROOT = Path(__file__).resolve().parent.parent
snippet_output = load_module(ROOT / "docs" / "_ext" / "snippet_output.py")
RECORD = ROOT / "docs" / "snippets" / "recorded_output.json"


def test_run_snippet_returns_what_the_file_prints(tmp_path: Path) -> None:
    script = tmp_path / "snippet.py"
    script.write_text("import math\nprint(math.log1p(1e-20), 'done')\n")
    assert snippet_output.run_snippet(script) == "1e-20 done\n"


def test_run_snippet_runs_in_an_empty_folder(tmp_path: Path) -> None:
    script = tmp_path / "snippet.py"
    (tmp_path / "data.txt").write_text("beside the snippet")
    script.write_text("import os\nprint(sorted(os.listdir()))\n")
    assert snippet_output.run_snippet(script) == "[]\n"


@pytest.mark.parametrize(
    ("code", "complaint"),
    [
        ("raise ValueError('no')", "ValueError: no"),
        ("import warnings\nwarnings.warn('careful')\nprint(1)", "careful"),
        ("import numpy as np\nprint(np.exp(1000.0))", "overflow"),
        ("import sys\nprint(1)\nprint('note', file=sys.stderr)", "note"),
        ("x = 1", "printed nothing"),
    ],
)
def test_run_snippet_fails_on_errors_warnings_and_silence(
    tmp_path: Path, code: str, complaint: str
) -> None:
    script = tmp_path / "snippet.py"
    script.write_text(code + "\n")
    with pytest.raises(snippet_output.SnippetError, match=complaint):
        snippet_output.run_snippet(script)


def test_practice_snippets_run_as_the_build_runs_them() -> None:
    # The three tabs the build runs: the output ends with the page's loss.
    for name in ["numpy", "scipy", "sigmoid"]:
        path = ROOT / "docs" / "snippets" / f"practice_{name}.py"
        assert "200.18940064" in snippet_output.run_snippet(path)


def test_recorded_output_is_read_with_what_recorded_it(tmp_path: Path) -> None:
    record = tmp_path / "record.json"
    record.write_text(
        json.dumps(
            {
                "command": "nox -s frameworks -- --record",
                "machine": "Python 3.11 on Linux x86_64",
                "versions": {"torch": "2.13.0+cpu"},
                "outputs": {
                    "practice_torch.py": {
                        "library": "torch 2.13.0+cpu",
                        "stdout": "7\n",
                    }
                },
            }
        )
    )
    text, where = snippet_output.recorded_output(record, "practice_torch.py")
    assert text == "7\n"
    assert where == "torch 2.13.0+cpu, Python 3.11 on Linux x86_64"
    with pytest.raises(snippet_output.SnippetError, match=r"practice_jax\.py"):
        snippet_output.recorded_output(record, "practice_jax.py")


def test_committed_record_covers_the_pages_recorded_tabs() -> None:
    page = (ROOT / "docs" / "practice.md").read_text()
    recorded = {
        line.split("snippets/")[1]
        for block in page.split("```{snippet-output} ")[1:]
        for line in [block.splitlines()[0]]
        if ":recorded:" in block.split("```")[0]
    }
    assert recorded == {"practice_torch.py", "practice_jax.py", "practice_sklearn.py"}
    data = json.loads(RECORD.read_text())
    assert data["command"] == "nox -s frameworks -- --record"
    for name in recorded:
        text, where = snippet_output.recorded_output(RECORD, name)
        assert text.strip()
        assert "nan" not in text
        assert "Python" in where
