"""Build the site twice from clean and compare the two outputs byte for byte.

Each build starts from a fresh copy of ``docs/``, ``sigmoid_examples/``,
``benchmarks/results/`` and what the site's wheel is built from (``src/``,
``pyproject.toml``, ``README.md``, ``LICENSE``), nothing generated, in the
same scratch folder, with
the same ``SOURCE_DATE_EPOCH`` (the last commit's time unless set), and runs
``sphinx-build`` as ``nox -s docs`` does. Every file that differs is named.

Pages that show timings measured during the build differ by nature: in those
the timing text is masked before comparing, and a page that then matches is
reported as "same but for timings", as is every file of the examples in
``TIMED_EXAMPLES``, whose figures and output are measurements.
``sg_execution_times.html`` is excluded from the site by ``conf.py``.

Usage: ``nox -s reproducible`` or ``python tools/check_reproducible.py
[--keep DIR]``; exits 1 when a file differs in anything but timings.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the build reads besides the installed package (accuracy_and_speed.md includes the
# committed benchmark results; docs/_ext/wheel.py builds the package's wheel).
SOURCES = ["docs", "sigmoid_examples", "benchmarks/results", "src"]
SOURCE_FILES = ["pyproject.toml", "README.md", "LICENSE"]
GENERATED = ["_build", "auto_examples", "gen_modules", "sg_execution_times.rst"]
SPHINX_OPTIONS = ["-n", "-W", "--keep-going", "-b", "html"]  # as `nox -s docs`
# Examples that time code while the site builds: their pages, figures and
# thumbnails show those measurements, which no two builds share.
TIMED_EXAMPLES = ("plot_big_arrays", "plot_cost_of_exp", "plot_cost_in_a_layer")
# "(0 minutes 1.234 seconds)" and the cells of sphinx-gallery's timing tables.
TIMINGS = re.compile(
    rb"\d+ minutes? \d+(\.\d+)? seconds?|\d\d:\d\d\.\d\d\d|\d+(\.\d+)? MB"
)


def source_date_epoch() -> str:
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or "1700000000"


def build(scratch: Path, out: Path, epoch: str) -> float:
    """Copy the sources into ``scratch`` afresh and build them into ``out``."""
    shutil.rmtree(scratch, ignore_errors=True)
    for name in SOURCES:
        if not (ROOT / name).is_dir():
            continue
        shutil.copytree(
            ROOT / name,
            scratch / name,
            ignore=shutil.ignore_patterns(*GENERATED, "__pycache__"),
        )
    for name in SOURCE_FILES:
        shutil.copy(ROOT / name, scratch / name)
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "MPLBACKEND": "agg"}
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable, "-m", "sphinx", *SPHINX_OPTIONS, "-q",
            "-d", str(out / "doctrees"), str(scratch / "docs"), str(out / "html"),
        ],
        env=env,
        check=True,
    )  # fmt: skip
    return time.perf_counter() - start


def compare(first: Path, second: Path) -> tuple[list[str], list[str], int]:
    """Return (differing files, files that differ only in timings, files compared).

    A file of a timed example counts as differing only in timings.
    """
    names = {
        path.relative_to(root).as_posix()
        for root in (first, second)
        for path in root.rglob("*")
        if path.is_file()
    }
    differing, timing_only = [], []
    for name in sorted(names):
        a, b = first / name, second / name
        if not (a.is_file() and b.is_file()):
            differing.append(f"{name} (only in {'first' if a.is_file() else 'second'})")
        elif not filecmp.cmp(a, b, shallow=False):
            masked = [TIMINGS.sub(b"<time>", p.read_bytes()) for p in (a, b)]
            is_page = name.endswith((".html", ".txt", ".rst", ".ipynb", ".py"))
            timed = any(stem in name for stem in TIMED_EXAMPLES)
            if timed or (is_page and masked[0] == masked[1]):
                timing_only.append(name)
            else:
                differing.append(name)
    return differing, timing_only, len(names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build here and keep the outputs")
    args = parser.parse_args(argv)
    epoch = source_date_epoch()
    work = args.keep or Path(tempfile.mkdtemp(prefix="sigmoid-repro-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        times = []
        for run in ("first", "second"):
            shutil.rmtree(work / run, ignore_errors=True)
            times.append(build(work / "src", work / run, epoch))
            print(f"{run} clean build: {times[-1]:.1f} s", flush=True)
        differing, timing_only, count = compare(
            work / "first" / "html", work / "second" / "html"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"SOURCE_DATE_EPOCH={epoch}; {count} files compared")
    for name in timing_only:
        print(f"expected, shows timings measured in the build: {name}")
    for name in differing:
        print(f"DIFFERS: {name}")
    if differing:
        print(f"{len(differing)} files differ between two clean builds")
        return 1
    print(
        "the two builds are byte-identical"
        + (" but for timings" if timing_only else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
