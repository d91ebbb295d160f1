#!/usr/bin/env -S uv run --script
# /// script
# dependencies = ["nox>=2025.2.9"]
# ///
r"""Every task of the project is a nox session: ``nox -l`` lists them.

A session can run with the versions that another Python resolves (CI runs
3.10 and 3.13) on this machine's Python: compile them, then hand them to uv
as constraints, in environments of their own::

    uv pip compile pyproject.toml --group pyproject.toml:ecosystem \
        --python-version 3.10 -o /tmp/ecosystem-3.10.txt
    UV_CONSTRAINT=/tmp/ecosystem-3.10.txt nox --envdir /tmp/nox-3.10 -s ecosystem
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"

# Some machines (this project's CI among them) set PYTHONDONTWRITEBYTECODE,
# which makes every run compile Sphinx, Matplotlib and NumPy from source
# again: about 4 s of a 9 s no-change docs rebuild. The sessions' virtual
# environments are ours to cache bytecode in.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

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
    # The site group too: mypy checks the browser tests and their tools; the
    # docs group for the Sphinx extension it checks (docs/_ext/wheel.py); and
    # the ecosystem group for tests_ecosystem/ (torch's types are not needed:
    # mypy takes it as Any).
    session.install(
        "-e.",
        *_group("lint"),
        *_group("docs-tests"),
        *_group("bench"),
        *_group("site"),
        *_group("docs"),
        *_group("ecosystem"),
        "nox",
    )
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session
def tests(session: nox.Session) -> None:
    """The package's tests (tests/), doctests of every docstring included.

    Needs only NumPy, pytest, Hypothesis and mpmath: the pages, the gallery
    and the tools are tested by ``docs_tests``.
    """
    session.install("-e.", *_group("test"))
    session.run("pytest", *session.posargs)


@nox.session
def docs_tests(session: nox.Session) -> None:
    """What the site shows, without building it: tests_docs/.

    Every snippet and command on the pages and in the README, every number
    in their prose (test_claims.py), the math page's identities, the gallery
    scripts and exercises, the figures' colours, the Sphinx hooks in
    docs/_ext/, and the unit tests of tools/check_links.py and
    tools/journey.py. Needs Matplotlib, SciPy and the like, no Sphinx and no
    browser.
    """
    session.install("-e.", *_group("docs-tests"))
    session.run("pytest", "tests_docs", *session.posargs)


@nox.session(default=False, venv_backend="venv")
def frameworks(session: nox.Session) -> None:
    """Run the torch, JAX and scikit-learn snippets of the practice page.

    The ``docs_tests`` session runs the page's NumPy, SciPy and sigmoid snippets;
    this one runs tests_frameworks/ against CPU builds of the frameworks. It
    is not part of CI's script: its environment is about 1.6 GB, and a first
    run takes minutes.

    It installs with pip (not uv) so that pip's own configuration decides
    where torch comes from. PyPI's Linux ``torch`` wheel is the CUDA build,
    several GB; the CPU build ``torch==2.13.0+cpu`` lies on PyTorch's own
    index. Where pip is not already set up to find it, point pip there::

        PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu nox -s frameworks

    pip then takes ``2.13.0+cpu`` over PyPI's ``2.13.0`` (a local version
    sorts higher). JAX from PyPI is CPU-only; scikit-learn comes from PyPI.
    ``nox -r -s frameworks`` reuses the environment instead of reinstalling.

    ``nox -s frameworks -- --record`` first records what the three snippets
    print into docs/snippets/recorded_output.json, which the practice page
    shows (tools/record_snippet_output.py).
    """
    session.install("-e.", *_group("frameworks"))
    session.run(
        "python", "-c",
        "import jax, sklearn, torch; "
        "print('torch', torch.__version__, '| jax', jax.__version__, "
        "'| scikit-learn', sklearn.__version__)",
    )  # fmt: skip
    posargs = list(session.posargs)
    if "--record" in posargs:
        # The page shows what the snippets print, recorded here (the docs
        # build does not install the frameworks); the tests check the file.
        posargs.remove("--record")
        session.run("python", "tools/record_snippet_output.py")
    session.run("pytest", "tests_frameworks", *posargs)


# torch's CPU build, from wherever pip is set up to find it. Never a bare
# "torch" from PyPI: on Linux that is the CUDA build, several GB.
TORCH_CPU = "torch==2.13.0+cpu"
TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"
PIP_SOURCES = ("PIP_FIND_LINKS", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL")


@nox.session
def ecosystem(session: nox.Session) -> None:
    """Masked arrays, pandas, xarray, dask, torch and ml_dtypes through every function.

    Runs tests_ecosystem/: each container's round trip (type, metadata,
    dtype, values bit for bit), with ``scipy.special.expit`` run through the
    same checks as the reference for what a ufunc keeps, a
    ``dask.distributed`` cluster of two worker processes, pandas' nullable,
    Arrow and Sparse dtypes, dask DataFrames, and every bfloat16 input of
    every function against mpmath.
    ``nox -s ecosystem -- -k expit`` runs the reference's checks alone.

    torch's CPU build is installed with pip (uv looks only where it is told),
    so that pip's own configuration decides where it comes from: a
    ``find-links`` folder or an index given by the environment
    (``PIP_FIND_LINKS``, ``PIP_INDEX_URL``, ``PIP_EXTRA_INDEX_URL``) or by a
    pip configuration file. Where pip is given none, it is pointed at
    PyTorch's CPU index.
    """
    session.install("-e.", *_group("ecosystem"), "pip")
    pip_config = session.run("python", "-m", "pip", "config", "list", silent=True)
    configured = any(os.environ.get(name) for name in PIP_SOURCES) or any(
        key in str(pip_config) for key in ("find-links", "index-url")
    )
    index = [] if configured else ["--extra-index-url", TORCH_CPU_INDEX]
    session.run("python", "-m", "pip", "install", "--quiet", TORCH_CPU, *index)
    session.run("pytest", "tests_ecosystem", *session.posargs)


@nox.session(default=False)
def accuracy(session: nox.Session) -> None:
    """Max and median ULP of every function and dtype against exact references."""
    session.install("-e.", *_group("bench"))
    session.run("python", "benchmarks/accuracy.py", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Speed against scipy.special.expit, the naive formula and the copy floor.

    ``nox -s bench -- --against ae4844d --only sigmoid`` also times the
    package as it was at that git revision, side by side in the same rounds.
    """
    session.install("-e.", *_group("bench"))
    session.run("python", "benchmarks/speed.py", *session.posargs)


@nox.session(default=False)
def costs(session: nox.Session) -> None:
    """Costs a user can predict: a repeated hardest input, a DataFrame."""
    session.install("-e.", *_group("bench"), "pandas")
    session.run("python", "benchmarks/costs.py", *session.posargs)


# How every session builds the site: nitpicky, warnings are errors, and
# Matplotlib draws off-screen so that the examples' plt.show() never blocks.
DOCTREES = BUILD / "doctrees"
SPHINX_OPTIONS = ["-n", "-W", "--keep-going", "-b", "html", "-d", str(DOCTREES)]
SPHINX_ENV = {"MPLBACKEND": "agg"}
# What the built site is made from: a change here makes docs/_build/html stale.
# The wheel on the site is built from src/, pyproject.toml and README.md.
SITE_SOURCES = [
    DOCS,
    ROOT / "sigmoid_examples",
    ROOT / "src",
    ROOT / "benchmarks" / "results",
    ROOT / "pyproject.toml",
    ROOT / "README.md",
]
SITE_GENERATED = {"_build", "auto_examples", "gen_modules", "sg_execution_times.rst"}


def _newest_mtime(paths: list[Path], skip: set[str]) -> float:
    newest = 0.0
    for top in paths:
        files = top.rglob("*") if top.is_dir() else [top]
        for path in files:
            parts = set(path.relative_to(top).parts)
            if path.is_file() and not parts & skip and "__pycache__" not in parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


def _build_site_if_stale(session: nox.Session) -> None:
    """Build the site as ``docs`` does if it is missing or older than its sources."""
    sources = _newest_mtime(SITE_SOURCES, SITE_GENERATED)
    if (HTML / "index.html").is_file() and sources <= _newest_mtime([HTML], set()):
        return
    session.log("docs/_build/html is missing or stale: building it")
    session.run("sphinx-build", *SPHINX_OPTIONS, str(DOCS), str(HTML), env=SPHINX_ENV)


@nox.session(default=False)
def docs(session: nox.Session) -> None:
    """Build the site into docs/_build/html; ``-- --serve`` rebuilds on change.

    Nitpicky, warnings are errors, and every gallery example runs: a failing
    example fails the build with its traceback. No network is used.
    """
    session.install("-e.", *_group("docs"))
    serve = "--serve" in session.posargs
    options = SPHINX_OPTIONS + [arg for arg in session.posargs if arg != "--serve"]
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
            env=SPHINX_ENV,
        )  # fmt: skip
        return
    session.run("sphinx-build", *options, str(DOCS), str(HTML), env=SPHINX_ENV)
    print(f"\nThe site is built; open {(HTML / 'index.html').resolve()}")


AXE_CORE = "axe-core@4.14.1"


@nox.session(default=False)
def site(session: nox.Session) -> None:
    """Browser tests of the built site in Debian's headless Chromium.

    Builds the site first (as ``docs`` does) when docs/_build/html is missing
    or older than its sources, checks every internal link, then runs
    tests_site/ with Playwright driving /usr/bin/chromium (never a downloaded
    browser) and axe-core from npm. Screenshots go to docs/_build/screenshots.
    """
    session.install("-e.", *_group("docs"), *_group("site"))
    _build_site_if_stale(session)
    axe_dir = Path(session.cache_dir) / AXE_CORE.replace("@", "-")
    axe_js = axe_dir / "node_modules" / "axe-core" / "axe.min.js"
    if not axe_js.is_file():
        session.run(
            "npm", "install", "--no-save", "--no-audit", "--no-fund",
            "--prefix", str(axe_dir), AXE_CORE,
            external=True,
        )  # fmt: skip
    session.run("python", "tools/check_links.py", str(HTML))
    session.run(
        "python", "-m", "pytest", "tests_site", *session.posargs,
        env={"AXE_JS": str(axe_js), "SITE_HTML": str(HTML)},
    )  # fmt: skip


LIGHTHOUSE = "lighthouse@12.2.3"  # 13 needs Node 22; Debian's is 20
CHROMIUM = "/usr/bin/chromium"


@nox.session(default=False)
def lighthouse(session: nox.Session) -> None:
    """Lighthouse's scores of every page of the reading path, on a simulated phone.

    Builds the site first when it is missing or stale (as ``site`` does),
    serves it gzip-compressed on 127.0.0.1 as a static host would, and runs
    Lighthouse (npm, pinned) in Debian's Chromium with its mobile preset on
    the pages from home to Explore. Prints the table of scores; fails below
    performance 90 or below 100 in accessibility, best practices or SEO.
    ``-- --page index.html`` audits one page. See tools/lighthouse.py.
    """
    session.install("-e.", *_group("docs"))
    _build_site_if_stale(session)
    prefix = Path(session.cache_dir) / LIGHTHOUSE.replace("@", "-")
    cli = prefix / "node_modules" / ".bin" / "lighthouse"
    if not cli.is_file():
        session.run(
            "npm", "install", "--save-exact", "--no-save", "--no-audit",
            "--no-fund", "--prefix", str(prefix), LIGHTHOUSE,
            external=True,
        )  # fmt: skip
    session.run(
        "python", "tools/lighthouse.py", str(HTML), "--lighthouse", str(cli),
        *session.posargs,
        env={"CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)},
    )  # fmt: skip


@nox.session(default=False)
def journey(session: nox.Session) -> None:
    """A reader's journey on the built site, from the site alone.

    Builds the site first when it is missing or stale (as ``site`` does),
    serves it on 127.0.0.1, downloads the wheel its home page offers and
    pastes the page's install lines into a shell whose ``python3`` refuses
    ``pip install`` outside a virtual environment (PEP 668: Debian's
    /usr/bin/python3; ``-- --system-python PATH`` names another), downloads
    every gallery example from its page and runs it in the environment the
    lines made, and runs one example's notebook. First, the README's
    quick-start commands are pasted into the same kind of shell, up to their
    ``nox -s``. See tools/journey.py.
    """
    session.install("-e.", *_group("docs"), *_group("journey"))
    _build_site_if_stale(session)
    session.run("python", "tools/journey.py", str(HTML), *session.posargs)


@nox.session(default=False)
def reproducible(session: nox.Session) -> None:
    """Build the site twice from clean and name every file that differs."""
    session.install("-e.", *_group("docs"))
    session.run("python", "tools/check_reproducible.py", *session.posargs)


@nox.session(default=False)
def build(session: nox.Session) -> None:
    """Build the sdist and the wheel into dist/."""
    session.install("build")
    shutil.rmtree(ROOT / "dist", ignore_errors=True)
    session.run("python", "-m", "build")


if __name__ == "__main__":
    nox.main()
