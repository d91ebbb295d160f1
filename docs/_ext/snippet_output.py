"""Show what a code snippet prints, captured when the site is built.

``{snippet-output} snippets/practice_numpy.py`` runs the file as a reader
would (``python -W error practice_numpy.py``, in an empty folder) and puts
its standard output under the code. A snippet that fails, warns or writes
to standard error fails the build.

Snippets whose libraries the build does not install (PyTorch, JAX,
scikit-learn) take their output from a recorded file instead:
``{snippet-output} snippets/practice_torch.py`` with ``:recorded:
snippets/recorded_output.json``. That file holds each snippet's output, the
command that recorded it and the machine and library versions it ran on
(see tools/record_snippet_output.py); the frameworks' tests check that it
still matches what the snippets print.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


class SnippetError(RuntimeError):
    """A snippet failed, warned, or has no recorded output."""


def run_snippet(path: Path, timeout: float = 120) -> str:
    """Run ``path`` with ``python -W error`` in an empty folder; return its output.

    Raises :class:`SnippetError` if it exits with an error, writes to
    standard error, or prints nothing.
    """
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [sys.executable, "-W", "error", str(path)],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    if result.returncode != 0 or result.stderr:
        msg = f"{path.name} exited with {result.returncode}:\n{result.stderr}"
        raise SnippetError(msg)
    if not result.stdout.strip():
        msg = f"{path.name} printed nothing"
        raise SnippetError(msg)
    return result.stdout


def recorded_output(record: Path, snippet: str) -> tuple[str, str]:
    """The output of ``snippet`` (a file name) in ``record``, and what ran it."""
    data = json.loads(record.read_text())
    if snippet not in data["outputs"]:
        msg = f"{record.name} holds no output of {snippet}: record it again"
        raise SnippetError(msg)
    entry = data["outputs"][snippet]
    return entry["stdout"], f"{entry['library']}, {data['machine']}"


def _output_nodes(text: str, caption: str) -> list[nodes.Node]:
    from docutils import nodes

    container = nodes.container(classes=["snippet-output"])
    container += nodes.paragraph(
        "", "", nodes.strong(text="Output"), nodes.Text(caption)
    )
    block = nodes.literal_block(text.rstrip("\n"), text.rstrip("\n"))
    block["language"] = "none"
    container += block
    return [container]


def _directive() -> type:
    from docutils.parsers.rst import directives
    from sphinx.util.docutils import SphinxDirective

    class SnippetOutput(SphinxDirective):
        required_arguments = 1
        option_spec = {"recorded": directives.unchanged_required}  # noqa: RUF012

        def run(self) -> list[nodes.Node]:
            source, path = self.env.relfn2path(self.arguments[0])
            self.env.note_dependency(source)
            try:
                if "recorded" in self.options:
                    record_source, record = self.env.relfn2path(
                        self.options["recorded"]
                    )
                    self.env.note_dependency(record_source)
                    text, where = recorded_output(Path(record), Path(path).name)
                    caption = f", recorded with {where}:"
                else:
                    text, caption = (
                        run_snippet(Path(path)),
                        ", printed when this page was made:",
                    )
            except SnippetError as error:
                raise self.error(str(error)) from None
            return _output_nodes(text, caption)

    return SnippetOutput


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("snippet-output", _directive())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
