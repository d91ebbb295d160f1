"""Do what a reader of the built site does, using nothing but the site.

The reader's shell is a system's: its ``python3`` is one that refuses
``pip install`` outside a virtual environment (PEP 668), as on Debian,
Ubuntu and Homebrew. By default that is Debian's ``/usr/bin/python3``, put
first on the shell's PATH; ``--system-python`` names another.

1. Serve the built site on 127.0.0.1 and open its home page.
2. Download the wheel it links to and paste the page's install lines (the
   shell block that ends with the ``pip install`` line naming the wheel)
   into that shell, in a temporary folder. They make and activate a virtual
   environment there; the rest of the journey uses its Python.
3. Open every example listed on the gallery page, download its Python
   source from its "Download Python source code" button, install what its
   first paragraph says to ``pip install``, and run it with that
   environment's Python, from a temporary folder, with the Agg backend and
   ``-W error::RuntimeWarning``.
4. Download the notebook of the gallery's first example and run it with
   nbclient and ipykernel, installed into the same environment.

Before the site, the README's quick start: each of its commands is pasted
into the same kind of shell, in a folder holding the noxfile, up to its
final ``nox -s NAME``, which is replaced by ``nox --list`` (running the
session itself is CI's job); ``NAME`` must be listed.

A script that imports a module other than the standard library's, NumPy's,
Matplotlib's, the package's and those its first paragraph says to install
fails, unless the import sits in a ``try`` that handles ``ImportError``
(an optional extra the script runs without).

Usage: ``nox -s journey`` or ``python tools/journey.py docs/_build/html``;
prints a line per script with its time and exits 1 if any step failed.
"""

from __future__ import annotations

import argparse
import ast
import functools
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# The reader's system Python: Debian's, which refuses `pip install` outside a
# virtual environment (its stdlib folder holds the EXTERNALLY-MANAGED file).
SYSTEM_PYTHON = Path("/usr/bin/python3")
# The rest of the reader's PATH: the system's folders, nothing of this
# session's (its virtual environment, pyenv's shims, uv).
SYSTEM_PATH = ["/usr/bin", "/bin"]
# What every script may use without saying so: the site's install line.
ALWAYS_INSTALLED = {"sigmoid", "numpy", "matplotlib", "mpl_toolkits"}
NOTEBOOK_TOOLS = ["nbclient", "ipykernel"]
TIMEOUT_SECONDS = 600
# sphinx-gallery's download buttons on an example's page: the link, the label.
DOWNLOAD_BUTTONS = {
    "python": (
        '.sphx-glr-download-python a[href$=".py"]',
        "Download Python source code",
    ),
    "jupyter": (
        '.sphx-glr-download-jupyter a[href$=".ipynb"]',
        "Download Jupyter notebook",
    ),
}
# Saved as run_notebook.py beside the notebook and run in the reader's
# environment: executes every cell, fails on any error.
RUN_NOTEBOOK = """
import sys
import nbformat
from nbclient import NotebookClient

notebook = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(notebook, timeout=600, kernel_name="python3").execute()
errors = [
    output
    for cell in notebook.cells
    for output in cell.get("outputs", [])
    if output.get("output_type") == "error"
]
sys.exit(f"the notebook shows {len(errors)} errors" if errors else 0)
"""


class JourneyError(Exception):
    """A step of the journey that a reader would see fail."""


@dataclass
class Run:
    """One downloaded file run in the reader's environment."""

    name: str
    seconds: float
    error: str = ""

    def __str__(self) -> str:
        status = "FAILED" if self.error else "ok"
        return f"{self.seconds:6.1f} s  {status:6}  {self.name}"


# -- What the pages and scripts say ----------------------------------------------


def links(page_url: str, html: bytes, selector: str) -> list[str]:
    """Absolute URLs of the links that ``selector`` picks on a page, in order."""
    soup = BeautifulSoup(html, "html.parser")
    urls = [urljoin(page_url, str(a["href"])) for a in soup.select(selector)]
    return list(dict.fromkeys(urls))


def _installs(line: str, wheel_name: str) -> bool:
    return line.startswith("pip install ") and wheel_name in line.split()


def install_block(html: bytes, wheel_name: str) -> str:
    """The page's shell block whose last line is ``pip install`` of the wheel.

    Sphinx marks a ``bash`` code block ``highlight-bash``; the page's block
    for Windows is another language, so exactly one block must match.
    """
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for block in soup.select("div.highlight-bash pre"):
        lines = block.get_text().strip().splitlines()
        if lines and _installs(lines[-1], wheel_name):
            found.append("\n".join(lines) + "\n")
    if not found:
        msg = f"no shell block ending in `pip install {wheel_name} ...` on the page"
        raise JourneyError(msg)
    return the_one(found, f"shell block that installs {wheel_name}")


def quick_start_commands(readme: str) -> list[str]:
    """The one-line shell commands of the README's ``## Quick start``."""
    section = re.search(
        r"^## Quick start\n(.*?)(?=^## )", readme, re.MULTILINE | re.DOTALL
    )
    if section is None:
        msg = "the README has no `## Quick start` section"
        raise JourneyError(msg)
    blocks = re.findall(r"^```bash\n(.*?)^```", section[1], re.MULTILINE | re.DOTALL)
    commands = [block.strip() for block in blocks]
    if not commands or any("\n" in command for command in commands):
        msg = f"expected one-line commands in the README's quick start: {commands}"
        raise JourneyError(msg)
    return commands


def up_to_nox(command: str) -> tuple[str, str]:
    """``A && B && nox -s NAME`` -> (``A && B && nox --list``, ``NAME``)."""
    *steps, last = command.split(" && ")
    words = shlex.split(last)
    if len(words) != 3 or words[:2] != ["nox", "-s"] or not steps:
        msg = f"expected `... && nox -s NAME`, got `{command}`"
        raise JourneyError(msg)
    return " && ".join([*steps, "nox --list"]), words[2]


def first_paragraph(source: str) -> str:
    """The paragraph after the title in a gallery script's docstring."""
    docstring = ast.get_docstring(ast.parse(source)) or ""
    blocks = re.split(r"\n\s*\n", docstring.strip())
    return " ".join(blocks[1].split()) if len(blocks) > 1 else ""


def declared_requirements(source: str) -> list[str]:
    """What the first paragraph says to install: ``pip install X Y`` -> [X, Y]."""
    commands = re.findall(r"`+pip install ([^`]+)`+", first_paragraph(source))
    return [word for command in commands for word in shlex.split(command)]


def module_of(requirement: str) -> str:
    """The module a requirement provides, by name: ``dask[array]`` -> ``dask``."""
    name = re.split(r"[\[<>=!~;@\s]", requirement, maxsplit=1)[0]
    return name.lower().replace("-", "_").replace(".", "_")


def _handles_import_error(handler: ast.ExceptHandler) -> bool:
    caught = handler.type
    names = caught.elts if isinstance(caught, ast.Tuple) else [caught]
    return any(
        isinstance(name, ast.Name) and name.id in {"ImportError", "ModuleNotFoundError"}
        for name in names
    )


def required_modules(source: str) -> set[str]:
    """Top-level modules a script imports, optional imports left out."""
    tree = ast.parse(source)
    optional: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(map(_handles_import_error, node.handlers)):
            for statement in node.body:
                optional.update(ast.walk(statement))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if node in optional:
            continue
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return modules


def undeclared_modules(source: str) -> list[str]:
    """Modules a script needs that neither the site nor its intro installs."""
    declared = {module_of(req) for req in declared_requirements(source)}
    allowed = ALWAYS_INSTALLED | declared | set(sys.stdlib_module_names)
    return sorted(required_modules(source) - allowed)


# -- The site, the reader's environment ---------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(html: Path) -> Iterator[str]:
    """Serve the folder ``html`` on a free port of 127.0.0.1; yield its URL."""
    handler = functools.partial(_QuietHandler, directory=str(html))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def fetch(url: str) -> bytes:
    with urlopen(url, timeout=60) as response:
        data: bytes = response.read()
    return data


def download(url: str, folder: Path) -> Path:
    """Save ``url`` in ``folder`` under the file name it has on the site."""
    path = folder / PurePosixPath(urlsplit(url).path).name
    path.write_bytes(fetch(url))
    return path


def the_one(found: list[str], what: str) -> str:
    if len(found) != 1:
        msg = f"expected one {what}, found {len(found)}: {found}"
        raise JourneyError(msg)
    return found[0]


def download_from_button(page_url: str, button: str, folder: Path) -> Path:
    """Save in ``folder`` the file an example page's download ``button`` links."""
    selector, label = DOWNLOAD_BUTTONS[button]
    found = links(page_url, fetch(page_url), selector)
    return download(the_one(found, f"'{label}' link on {page_url}"), folder)


def _clean_environ() -> dict[str, str]:
    """This process's environment without what would leak into the reader's."""
    leaks = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "MPLBACKEND"}
    return {key: value for key, value in os.environ.items() if key not in leaks}


def is_externally_managed(python: Path) -> bool:
    """Whether ``python`` refuses ``pip install`` outside a venv (PEP 668)."""
    marker = (
        "import os, sys, sysconfig; sys.exit(sys.prefix != sys.base_prefix or not "
        "os.path.isfile(os.path.join(sysconfig.get_path('stdlib'), "
        "'EXTERNALLY-MANAGED')))"
    )
    result = subprocess.run([str(python), "-c", marker], check=False, timeout=60)
    return result.returncode == 0


class SystemShell:
    """A bash whose ``python3`` is an externally managed system Python."""

    def __init__(self, home: Path, python: Path) -> None:
        if not is_externally_managed(python):
            msg = (
                f"{python} does not refuse `pip install` outside a virtual "
                "environment (no EXTERNALLY-MANAGED file, PEP 668): pass "
                "--system-python a Python that does"
            )
            raise JourneyError(msg)
        self.python = python
        bin_dir = home / "system-bin"
        bin_dir.mkdir()
        (bin_dir / "python3").symlink_to(python)
        self.env = _clean_environ()
        self.env["PATH"] = os.pathsep.join([str(bin_dir), *SYSTEM_PATH])
        self.bash = shutil.which("bash") or "/bin/bash"

    def paste(self, lines: str, cwd: Path) -> str:
        """Run ``lines`` as pasted into the shell, stopping at the first failure.

        Returns what they printed; raises with it if one of them failed.
        """
        result = subprocess.run(
            [self.bash, "--noprofile", "--norc", "-e", "-s"],
            input=lines,
            cwd=cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
        if result.returncode != 0:
            msg = (
                f"these lines failed in a shell whose python3 is {self.python}:\n"
                f"{lines}{result.stdout}{result.stderr}"
            )
            raise JourneyError(msg)
        return result.stdout


class Reader:
    """The virtual environment of ``python``, used as a reader would."""

    def __init__(self, home: Path, python: Path) -> None:
        self.home = home
        self.python = python
        # Nothing of the session's own environment leaks into the reader's.
        self.env = _clean_environ()
        self.env["PATH"] = f"{self.python.parent}{os.pathsep}{os.environ['PATH']}"

    def run(
        self, args: list[str], cwd: Path, env: dict[str, str] | None = None
    ) -> None:
        """Run the environment's Python; raise with its output if it fails."""
        result = subprocess.run(
            [str(self.python), *args],
            cwd=cwd,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
        if result.returncode != 0:
            msg = f"`python {shlex.join(args)}` failed:\n{result.stdout}{result.stderr}"
            raise JourneyError(msg)

    def timed_run(
        self, name: str, args: list[str], cwd: Path, env: dict[str, str]
    ) -> Run:
        """Run the environment's Python; a Run with the time and any failure."""
        start = time.perf_counter()
        try:
            self.run(args, cwd, env)
        except (JourneyError, subprocess.TimeoutExpired) as error:
            return Run(name, time.perf_counter() - start, str(error))
        return Run(name, time.perf_counter() - start)

    def pip_install(self, args: list[str], cwd: Path) -> None:
        self.run(["-m", "pip", "install", "--quiet", *args], cwd)


# -- The journey ------------------------------------------------------------------


# Pasted after the page's lines, in the same shell: which Python `python` now
# is, whether it runs in a virtual environment, and where the package is.
WHICH_PYTHON = (
    'python -c "import sys, sigmoid; print(sys.executable, '
    'sys.prefix != sys.base_prefix, sigmoid.__file__.startswith(sys.prefix))"\n'
)


def install_from_home_page(site: str, shell: SystemShell, home: Path) -> Reader:
    """Download the wheel and paste the home page's install lines into ``shell``.

    Returns the reader of the virtual environment the lines made.
    """
    home_url = urljoin(site, "index.html")
    page = fetch(home_url)
    wheel_url = the_one(links(home_url, page, 'a[href$=".whl"]'), "wheel link")
    downloads = home / "downloads"
    downloads.mkdir()
    wheel = download(wheel_url, downloads)
    printed = shell.paste(install_block(page, wheel.name) + WHICH_PYTHON, downloads)
    executable, in_venv, from_venv = printed.split()[-3:]
    python = Path(executable)
    # The lines made a virtual environment in the folder, and the package
    # comes from the wheel installed there, not from the checkout the site
    # was built in.
    if not python.is_relative_to(downloads) or (in_venv, from_venv) != ("True",) * 2:
        msg = (
            f"after the home page's lines, `python` is {python} (in a virtual "
            f"environment: {in_venv}; sigmoid installed in it: {from_venv})"
        )
        raise JourneyError(msg)
    print(f"pasted the home page's lines for {wheel.name}: `python` is {python}")
    return Reader(home, python)


def readme_quick_start(readme: Path, shell: SystemShell, folder: Path) -> None:
    """Paste the README's quick-start commands, up to nox, in a noxfile's folder."""
    for name in ("noxfile.py", "pyproject.toml"):
        shutil.copy(readme.parent / name, folder / name)
    for command in quick_start_commands(readme.read_text(encoding="utf-8")):
        lines, session = up_to_nox(command)
        listed = shell.paste(lines + "\n", folder)
        if not re.search(rf"^[*-] {re.escape(session)}\b", listed, re.MULTILINE):
            msg = f"`nox --list` after `{lines}` does not list {session}:\n{listed}"
            raise JourneyError(msg)
        print(f"the README's `{command}` works up to nox, which lists {session}")


def example_pages(site: str, folder: Path) -> list[str]:
    """Every example page the gallery lists, checked against its zip of scripts."""
    gallery_url = urljoin(site, "auto_examples/index.html")
    gallery = fetch(gallery_url)
    pages = links(gallery_url, gallery, ".sphx-glr-thumbcontainer a[href]")
    zip_url = the_one(
        links(gallery_url, gallery, '.sphx-glr-download-python a[href$=".zip"]'),
        "zip of all the scripts on the gallery page",
    )
    with zipfile.ZipFile(download(zip_url, folder)) as archive:
        in_zip = sorted(PurePosixPath(name).stem for name in archive.namelist())
    listed = sorted(PurePosixPath(urlsplit(page).path).stem for page in pages)
    if not pages or listed != in_zip:
        msg = f"the gallery lists {listed} but its zip holds {in_zip}"
        raise JourneyError(msg)
    return pages


def run_script(page_url: str, reader: Reader, scripts: Path) -> Run:
    """Download an example's script from its page and run it as a reader would."""
    script = download_from_button(page_url, "python", scripts)
    source = script.read_text(encoding="utf-8")
    if undeclared := undeclared_modules(source):
        return Run(
            script.name,
            0.0,
            f"imports {', '.join(undeclared)} but its first paragraph does not "
            "say to `pip install` it",
        )
    if requirements := declared_requirements(source):
        print(f"{script.name} asks for `pip install {shlex.join(requirements)}`")
        reader.pip_install(requirements, cwd=scripts)
    return reader.timed_run(
        script.name,
        ["-W", "error::RuntimeWarning", script.name],
        cwd=scripts,
        env={"MPLBACKEND": "agg"},
    )


def run_notebook(page_url: str, reader: Reader, folder: Path) -> Run:
    """Download an example's notebook from its page and execute every cell."""
    notebook = download_from_button(page_url, "jupyter", folder)
    reader.pip_install(NOTEBOOK_TOOLS, cwd=folder)
    (folder / "run_notebook.py").write_text(RUN_NOTEBOOK)
    return reader.timed_run(
        notebook.name,
        ["run_notebook.py", notebook.name],
        cwd=folder,
        env={"PYTHONWARNINGS": "error::RuntimeWarning"},
    )


def journey(html: Path, system_python: Path, readme: Path | None) -> list[Run]:
    """The whole journey on the site built in ``html``; one Run per file run."""
    with (
        tempfile.TemporaryDirectory(prefix="sigmoid-journey-") as home,
        serve(html) as site,
    ):
        start = time.perf_counter()
        shell = SystemShell(Path(home), system_python)
        if readme is not None:
            clone = Path(home) / "clone"
            clone.mkdir()
            readme_quick_start(readme, shell, clone)
            print(f"({time.perf_counter() - start:.0f} s)")
            start = time.perf_counter()
        reader = install_from_home_page(site, shell, Path(home))
        print(
            f"installed the wheel as the home page says, with {system_python} "
            f"as python3 ({time.perf_counter() - start:.0f} s)"
        )
        scripts = Path(home) / "scripts"
        scripts.mkdir()
        pages = example_pages(site, Path(home) / "downloads")
        runs = []
        for page in pages:
            runs.append(run_script(page, reader, scripts))
            print(runs[-1], flush=True)
        notebooks = Path(home) / "notebooks"
        notebooks.mkdir()
        runs.append(run_notebook(pages[0], reader, notebooks))
        print(runs[-1], flush=True)
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="the built site, docs/_build/html")
    parser.add_argument(
        "--system-python",
        type=Path,
        default=SYSTEM_PYTHON,
        help="the reader's python3, externally managed (default: %(default)s)",
    )
    parser.add_argument(
        "--no-readme",
        action="store_true",
        help="skip the README's quick-start commands",
    )
    args = parser.parse_args(argv)
    if not (args.html / "index.html").is_file():
        print(f"no built site at {args.html}: run `nox -s docs`")
        return 1
    start = time.perf_counter()
    try:
        readme = None if args.no_readme else ROOT / "README.md"
        runs = journey(args.html, args.system_python, readme)
    except JourneyError as error:
        print(f"FAILED: {error}")
        return 1
    failed = [run for run in runs if run.error]
    for run in failed:
        print(f"\nFAILED: {run.name}: {run.error}")
    print(
        f"\n{len(runs) - len(failed)} of {len(runs)} downloads ran "
        f"({len(runs) - 1} scripts and a notebook) "
        f"in {time.perf_counter() - start:.0f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
