"""Every exercise in a gallery script has a solution, and every solution runs.

Exercises close a script's last text block: a section titled "Exercises"
holding a numbered list, each item with a ``.. dropdown:: Solution`` that
holds a ``.. code-block:: python``. Each solution runs after its script, in a
copy of the script's namespace (a solution may continue the script, as when a
reader pastes it at the end), with Matplotlib's Agg backend and ``plt.show``
a no-op. A warning fails the run, as everywhere in this suite.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import runpy
import textwrap
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "sigmoid_examples"
SCRIPTS = sorted(EXAMPLES.rglob("plot_*.py"))

_HEADING = re.compile(r"^Exercises\n-{9,}\n", re.MULTILINE)
_ITEM = re.compile(r"^\d+\. ", re.MULTILINE)
_CODE = re.compile(r"^(?P<indent>[ ]*)\.\. code-block:: python\n", re.MULTILINE)


def text(source: str) -> str:
    """The reST of a script's text blocks: its comment lines, without ``# ``."""
    lines = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") and not stripped.startswith("# %%"):
            lines.append(stripped[2:] if stripped.startswith("# ") else stripped[1:])
    return "\n".join(lines) + "\n"


def solutions(rst: str) -> list[str]:
    """The code of each exercise's solution, in order; raise if one has none.

    Returns an empty list when there is no "Exercises" section.
    """
    heading = _HEADING.search(rst)
    if heading is None:
        return []
    section = rst[heading.end() :]
    starts = [m.start() for m in _ITEM.finditer(section)]
    if not starts:
        msg = "an Exercises section without a numbered exercise"
        raise ValueError(msg)
    codes = []
    for number, (start, end) in enumerate(
        zip(starts, [*starts[1:], len(section)], strict=True), start=1
    ):
        item = section[start:end]
        found = _CODE.search(item)
        if ".. dropdown:: Solution" not in item or found is None:
            msg = f"exercise {number} has no dropdown with a Python code block"
            raise ValueError(msg)
        indent = len(found["indent"])
        body = []
        for line in item[found.end() :].splitlines():
            if line.strip() and len(line) - len(line.lstrip()) <= indent:
                break
            body.append(line)
        code = textwrap.dedent("\n".join(body)).strip()
        if not code:
            msg = f"exercise {number}'s code block is empty"
            raise ValueError(msg)
        codes.append(code)
    return codes


def _solutions_of(path: Path) -> list[str]:
    return solutions(text(path.read_text(encoding="utf-8")))


CASES = [
    pytest.param(path, number, id=f"{path.relative_to(EXAMPLES)}:{number}")
    for path in SCRIPTS
    for number in range(1, len(_solutions_of(path)) + 1)
]


@functools.cache
def _namespace(path: Path) -> dict[str, Any]:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with mock.patch.object(plt, "show"), contextlib.redirect_stdout(io.StringIO()):
        namespace = runpy.run_path(str(path), run_name="__main__")
    plt.close("all")
    return namespace


@pytest.mark.parametrize(("path", "number"), CASES)
def test_solution_runs(path: Path, number: int, tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    solution = tmp_path / f"{path.stem}_solution_{number}.py"
    solution.write_text(_solutions_of(path)[number - 1] + "\n", encoding="utf-8")
    namespace = {
        name: value
        for name, value in _namespace(path).items()
        if not name.startswith("__")
    }
    with mock.patch.object(plt, "show"), contextlib.redirect_stdout(io.StringIO()):
        runpy.run_path(str(solution), init_globals=namespace, run_name="__main__")
    plt.close("all")


@pytest.mark.parametrize(
    "path",
    sorted((EXAMPLES / "basics").glob("plot_*.py")),
    ids=lambda path: path.name,
)
def test_every_basics_example_ends_with_two_or_three_exercises(path: Path) -> None:
    rst = text(path.read_text(encoding="utf-8"))
    assert 2 <= len(solutions(rst)) <= 3
    # The exercises close the script: no code follows them.
    lines = path.read_text(encoding="utf-8").splitlines()
    code = [i for i, line in enumerate(lines) if line.strip() and line[0] != "#"]
    assert lines.index("# Exercises") > max(code)


def test_an_exercise_without_code_fails() -> None:
    rst = textwrap.dedent(
        """\
        Exercises
        ---------

        1. First.

           .. dropdown:: Solution

              .. code-block:: python

                 print(1)

              Words after the code.

        2. Second, answered in words only.

           .. dropdown:: Solution

              Because.
        """
    )
    with pytest.raises(ValueError, match="exercise 2 has no dropdown"):
        solutions(rst)
    first, _ = rst.split("2. Second")
    assert solutions(first) == ["print(1)"]
    assert solutions("No exercises here.\n") == []
