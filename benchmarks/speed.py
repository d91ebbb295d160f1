"""Speed of the package against SciPy, the naive formula and the copy floor.

Run with ``nox -s bench`` (or ``python benchmarks/speed.py``). For each
function, dtype and size it times every candidate side by side: in each round
every candidate runs once, in a rotating order, and the round's ratio to the
reference (``scipy.special.expit``, ``log_expit``, or ``s = expit(x);
s * (1 - s)`` for the derivative) is recorded. Reported are the median time
per element and the median of the per-round ratios, which cancels most of the
drift of a busy machine. Everything runs on one thread; inputs are uniform on
[-20, 20], where activations live.

The script prints a Markdown table with the machine's details, checks the bars
the project set itself (listed in ``BARS``), writes ``benchmarks/results/
speed.md`` and ``speed.json``, and exits non-zero if a bar is missed.
``--quick`` runs fewer rounds (for trying the script, not for the record).

``--against REV`` (repeatable) times the package as it was at git revision
REV in the same rounds, side by side with today's: ``git archive`` unpacks
that revision's ``src/sigmoid`` into a temporary folder, imported under
another name. ``nox -s bench -- --against ae4844d --only sigmoid --no-write``
compares sigmoid with the code before issue 12; nothing is written with
``--against``, so the site's table stays today's code alone.

``--name NAME`` writes ``results/NAME.md`` instead of ``speed.md``: the site
also shows the run with NumPy's AVX-512 code turned off, as on a machine
without it::

    NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR" \
        nox -s bench -- --only sigmoid --name speed-without-avx512
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from _machine import cpu_model, numpy_simd
from scipy import special
from threadpoolctl import threadpool_limits

import sigmoid as sg

RESULTS = Path(__file__).parent / "results"
SIZES = (10**3, 10**5, 10**7)
DTYPES = (np.float64, np.float32)

#: (function, dtype or None for both, n): the largest allowed ratio to the
#: reference, measured in the same run.
BARS: list[tuple[str, str | None, int, float]] = [
    ("sigmoid", "float64", 10**7, 0.35),
    ("sigmoid", "float32", 10**7, 0.75),
    ("sigmoid_derivative", "float64", 10**7, 0.30),
    ("sigmoid_derivative", "float32", 10**7, 0.45),
    ("log_sigmoid", None, 10**7, 0.5),
    ("sigmoid", "float64", 10**3, 2.0),
    ("sigmoid", "float32", 10**3, 4.0),
]

Candidate = Callable[[], object]

#: Earlier revisions of the package to time side by side (``--against``).
EARLIER: dict[str, Any] = {}


def load_revision(revision: str, folder: Path) -> Any:
    """The package as it was at ``revision``, imported as ``sigmoid_<rev>``."""
    root = Path(__file__).resolve().parent.parent
    archive = folder / f"{revision}.tar"
    subprocess.run(
        ["git", "archive", "-o", str(archive), revision, "src/sigmoid"],
        cwd=root,
        check=True,
    )
    name = "sigmoid_" + "".join(c if c.isalnum() else "_" for c in revision)
    with tarfile.open(archive) as tar:
        tar.extractall(folder / revision, filter="data")
    (folder / revision / "src" / "sigmoid").rename(folder / name)
    sys.path.insert(0, str(folder))
    return importlib.import_module(name)


def candidates(name: str, x: np.ndarray, out: np.ndarray) -> dict[str, Candidate]:
    """Name -> zero-argument callable; the first entry is the reference."""
    cands: dict[str, Candidate] = {}
    if name == "sigmoid":
        cands["scipy expit"] = lambda: special.expit(x, out=out)
        cands["sigmoid"] = lambda: sg.sigmoid(x, out=out)
        cands["naive 1/(1+exp(-x))"] = lambda: np.divide(
            1, np.add(1, np.exp(np.negative(x))), out=out
        )
    elif name == "sigmoid_derivative":

        def textbook() -> object:
            s = special.expit(x)
            return s * (1 - s)

        cands["s=expit(x); s*(1-s)"] = textbook
        cands["sigmoid_derivative"] = lambda: sg.sigmoid_derivative(x, out=out)
    elif name == "log_sigmoid":
        cands["scipy log_expit"] = lambda: special.log_expit(x, out=out)
        cands["log_sigmoid"] = lambda: sg.log_sigmoid(x, out=out)
        cands["log(expit(x))"] = lambda: np.log(special.expit(x), out=out)
    for revision, package in EARLIER.items():
        earlier = getattr(package, name, None)
        if earlier is not None:

            def call(f: Callable[..., object] = earlier) -> object:
                return f(x, out=out)

            cands[f"{name} at {revision}"] = call
    torch_candidate(name, x, out, cands)
    cands["copy floor (np.copyto)"] = lambda: np.copyto(out, x)
    return cands


def torch_candidate(
    name: str, x: np.ndarray, out: np.ndarray, cands: dict[str, Candidate]
) -> None:
    """torch.sigmoid / logsigmoid with out=, where torch is installed."""
    try:
        import torch
    except ImportError:
        return
    torch.set_num_threads(1)
    tx = torch.from_numpy(x)
    tout = torch.from_numpy(out)
    if name == "sigmoid":
        cands["torch.sigmoid"] = lambda: torch.sigmoid(tx, out=tout)
    elif name == "log_sigmoid":
        cands["torch logsigmoid"] = lambda: torch.nn.functional.logsigmoid(tx)


def measure(
    name: str, dtype: type, n: int, rounds: int, rng: np.random.Generator
) -> list[dict[str, Any]]:
    x: np.ndarray[Any, Any] = rng.uniform(-20, 20, n).astype(dtype)
    out = np.empty_like(x)
    cands = candidates(name, x, out)
    labels = list(cands)
    # Repeat small calls so that one timing lasts about a millisecond or more.
    repeat = max(1, 10**6 // n) if n < 10**6 else 1
    for fn in cands.values():  # warm up: page faults, caches, lazy imports
        fn()
    times: dict[str, list[float]] = {k: [] for k in labels}
    ratios: dict[str, list[float]] = {k: [] for k in labels}
    for r in range(rounds):
        order = labels[r % len(labels) :] + labels[: r % len(labels)]
        this_round = {}
        for label in order:
            fn = cands[label]
            start = time.perf_counter()
            for _ in range(repeat):
                fn()
            this_round[label] = (time.perf_counter() - start) / repeat
        for label in labels:
            times[label].append(this_round[label])
            ratios[label].append(this_round[label] / this_round[labels[0]])
    rows = []
    for label in labels:
        rows.append(
            {
                "function": name,
                "dtype": np.dtype(dtype).name,
                "n": n,
                "implementation": label,
                "ns_per_element": statistics.median(times[label]) / n * 1e9,
                "ratio": statistics.median(ratios[label]),
                "reference": labels[0],
            }
        )
    return rows


def machine() -> dict[str, str]:
    import scipy

    return {
        "cpu": cpu_model(),
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "simd": numpy_simd(),
        "platform": platform.platform(),
    }


def check_bars(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    verdicts = []
    ours = {"sigmoid", "sigmoid_derivative", "log_sigmoid"}
    for function, dtype, n, bar in BARS:
        for row in rows:
            if (
                row["function"] == function
                and row["implementation"] in ours
                and row["n"] == n
                and (dtype is None or row["dtype"] == dtype)
            ):
                verdicts.append(
                    {
                        "function": function,
                        "dtype": row["dtype"],
                        "n": n,
                        "ratio": row["ratio"],
                        "bar": bar,
                        "reference": row["reference"],
                        "passed": row["ratio"] <= bar,
                    }
                )
    return verdicts


def markdown(rows: list[dict[str, Any]], info: dict[str, str], seconds: float) -> str:
    """The measured table that the site shows."""
    lines = [
        (
            f"Measured by `benchmarks/speed.py` (`nox -s bench`) in {seconds:.0f} s on {info['cpu']} "
            f"({info['cores']} cores, one thread used), Python {info['python']}, "
            f"NumPy {info['numpy']}, SciPy {info['scipy']}; NumPy SIMD: {info['simd']}. "
            "Times are medians over interleaved rounds; ratios are medians of the "
            "per-round ratios to the first row of each group. They vary from run "
            "to run and machine to machine."
        ),
        "",
        "| function | dtype | n | implementation | ns/element | ratio |",
        "|---|---|---:|---|---:|---:|",
    ]
    for r in rows:
        name = (
            f"**{r['implementation']}**"
            if r["implementation"] == r["function"]
            else r["implementation"]
        )
        lines.append(
            f"| {r['function']} | {r['dtype']} | {r['n']:.0e} | {name} "
            f"| {r['ns_per_element']:.3g} | {r['ratio']:.3f} |"
        )
    return "\n".join(lines)


def bars_markdown(verdicts: list[dict[str, Any]]) -> str:
    """The project's speed bars: printed for the developers, not on the site."""
    lines = ["| bar | measured ratio | limit | |", "|---|---:|---:|---|"]
    for v in verdicts:
        lines.append(
            f"| {v['function']} {v['dtype']} n={v['n']:.0e} vs {v['reference']} "
            f"| {v['ratio']:.3f} | {v['bar']} | {'pass' if v['passed'] else '**FAIL**'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument("--no-write", action="store_true", help="do not write results/")
    parser.add_argument(
        "--name", default="speed", metavar="NAME",
        help="write results/NAME.md and NAME.json (default: speed)",
    )  # fmt: skip
    parser.add_argument(
        "--against", action="append", default=[], metavar="REV",
        help="also time the package as it was at this git revision",
    )  # fmt: skip
    parser.add_argument(
        "--only", action="append", default=[], metavar="FUNCTION",
        help="time only this function (repeatable)",
    )  # fmt: skip
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    for revision in args.against:
        EARLIER[revision] = load_revision(revision, Path(folder.name))
    functions = args.only or ["sigmoid", "sigmoid_derivative", "log_sigmoid"]
    rng = np.random.default_rng(0)
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    with threadpool_limits(limits=1):
        for name in functions:
            for dtype in DTYPES:
                for n in SIZES:
                    rounds = 5 if args.quick else 31
                    part = measure(name, dtype, n, rounds, rng)
                    rows += part
                    for row in part:
                        if row["implementation"].startswith(name):
                            print(
                                f"{row['implementation']:28} {np.dtype(dtype).name:8} "
                                f"n={n:.0e}  {row['ns_per_element']:.3g} ns/element, "
                                f"ratio {row['ratio']:.3f}",
                                flush=True,
                            )
    verdicts = check_bars(rows)
    info = machine()
    text = markdown(rows, info, time.perf_counter() - started)
    print()
    print(text)
    print()
    print(bars_markdown(verdicts))
    if not args.no_write and not args.quick and not args.against:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"{args.name}.md").write_text(text + "\n")
        (RESULTS / f"{args.name}.json").write_text(
            json.dumps({"machine": info, "rows": rows, "bars": verdicts}, indent=1)
            + "\n"
        )
    return 0 if all(v["passed"] for v in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
