"""Costs a user can predict: the bounds of issue 21, measured.

Run with ``nox -s costs`` (or ``python benchmarks/costs.py``). It checks

* **the exact path**: for every function, narrow dtype (float16, bfloat16,
  float32) and parameter set, an array of 100,000 copies of the hardest input
  costs at most ``REPEATED_BOUND`` (20) times an ordinary array of the same
  size and dtype (uniform on [-20, 20]; the last column compares that
  ordinary array with the function at its default parameters, which shows
  what a parameter set costs on its own, such as a flat curve whose every
  value lies on a midpoint). The hardest input is found, not
  guessed: every input of the 16-bit types and every 16th float32 bit pattern
  go through the function with its exact fallback replaced by a recorder, and
  of the inputs that reach the fallback the one whose exact value takes
  longest to compute is kept;
* **a DataFrame**: ``sigmoid`` of a 10 x 20,000 DataFrame (float64, float32,
  and one column of each) costs at most ``FRAME_BOUND`` (3) times
  ``scipy.special.expit`` of the same DataFrame.

Times are the minimum of interleaved rounds (one thread). It prints a
Markdown table, writes ``benchmarks/results/costs.md``, and exits non-zero
if a bound is missed. ``--quick`` scans fewer float32 inputs and runs fewer
rounds (for trying the script, not for the record).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import ml_dtypes
import numpy as np
import pandas as pd  # type: ignore[import-untyped]
from _machine import cpu_model, numpy_simd
from scipy import special
from threadpoolctl import threadpool_limits

import sigmoid as sg
from sigmoid import _rounding

RESULTS = Path(__file__).parent / "results"
REPEATED_BOUND = 20.0
FRAME_BOUND = 3.0
SIZE = 100_000
DTYPES = (np.dtype(np.float16), np.dtype(ml_dtypes.bfloat16), np.dtype(np.float32))

#: (label, public function, keyword arguments, name of its exact fallback in
#: sigmoid._rounding, and the key in it for a dict of them).
CASES: list[tuple[str, Callable[..., Any], dict[str, Any], str, int | None]] = [
    ("sigmoid", sg.sigmoid, {}, "exact_sigmoid", None),
    ("sigmoid_derivative", sg.sigmoid_derivative, {}, "exact_derivatives", 1),
    ("sigmoid_derivative order=2", sg.sigmoid_derivative, {"order": 2}, "exact_derivatives", 2),
    ("sigmoid_derivative order=3", sg.sigmoid_derivative, {"order": 3}, "exact_derivatives", 3),
    ("log_sigmoid", sg.log_sigmoid, {}, "exact_log_sigmoid", None),
    ("logit", sg.logit, {}, "exact_logit", None),
    ("generalized_logistic", sg.generalized_logistic, {}, "exact_generalized_logistic", None),
    (
        "generalized_logistic L=10 k=0.1 x0=2",
        sg.generalized_logistic,
        {"maximum": 10.0, "steepness": 0.1, "midpoint": 2.0},
        "exact_generalized_logistic",
        None,
    ),
    (  # a flat curve whose L / 2 = 1 + 2**-24 is a float32 midpoint: every x is hard
        "generalized_logistic L=2+2**-23 k=0",
        sg.generalized_logistic,
        {"maximum": 2 + 2.0**-23, "steepness": 0.0},
        "exact_generalized_logistic",
        None,
    ),
]  # fmt: skip
#: float32 inputs known to reach the exact path (tests/test_rounding.py),
#: tried beside those the scan finds.
KNOWN = {"sigmoid": 1.3113022e-6, "sigmoid_derivative order=2": 15.858271}


def inputs(dtype: np.dtype[Any], step: int) -> np.ndarray[Any, Any]:
    """Every input of a 16-bit type; every ``step``-th float32 bit pattern."""
    if dtype.itemsize == 2:
        return np.arange(2**16, dtype=np.uint16).view(dtype)
    return np.arange(0, 2**32, step, dtype=np.uint64).astype(np.uint32).view(dtype)


def reaching_exact(
    case: tuple[Any, ...], x: np.ndarray[Any, Any]
) -> tuple[int, list[float]]:
    """How many inputs the function hands to its exact fallback, and a sample
    of them (as float64): up to 64 per call, spread over the call's values."""
    _, function, kwargs, name, key = case
    seen: list[float] = []
    count = 0
    fallback = getattr(_rounding, name)
    original = fallback[key] if key is not None else fallback

    def record(values: Any, dtype: Any, *parameters: Any) -> Any:
        nonlocal count
        count += np.size(values)
        seen.extend(np.asarray(values)[:: max(1, np.size(values) // 64)].tolist())
        return original(values, dtype, *parameters)

    if key is not None:
        fallback[key] = record
    else:
        setattr(_rounding, name, record)
    try:
        for start in range(0, x.size, 1 << 22):
            function(x[start : start + (1 << 22)], **kwargs)
    finally:
        if key is not None:
            fallback[key] = original
        else:
            setattr(_rounding, name, original)
    return count, sorted({v for v in seen if np.isfinite(v)})


def best_time(calls: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """The minimum time of each call over interleaved rounds."""
    best = dict.fromkeys(calls, np.inf)
    for _ in range(rounds):
        for label, call in calls.items():
            start = time.perf_counter()
            call()
            best[label] = min(best[label], time.perf_counter() - start)
    return best


def hardest(
    case: tuple[Any, ...], dtype: np.dtype[Any], candidates: list[float]
) -> float:
    """The candidate whose one-element call takes longest."""
    _, function, kwargs, *_ = case
    calls: dict[str, Callable[[], object]] = {
        str(v): partial(function, np.full(1, v, dtype), **kwargs) for v in candidates
    }
    times = best_time(calls, 3)
    return float(max(times, key=times.__getitem__))


def repeated_rows(quick: bool) -> list[dict[str, Any]]:
    rng = np.random.default_rng(0)
    rows = []
    for case in CASES:
        label, function, kwargs, *_ = case
        for dtype in DTYPES:
            step = 1024 if quick else 16
            x = inputs(dtype, step)
            if dtype == np.float32 and label in KNOWN:
                x = np.append(x, np.float32(KNOWN[label]))
            found, candidates = reaching_exact(case, x)
            if not candidates:
                rows.append({"case": label, "dtype": dtype.name, "hard": None})
                continue
            value = hardest(case, dtype, candidates[:: max(1, len(candidates) // 200)])
            repeated = np.full(SIZE, value, dtype)
            ordinary = rng.uniform(-20, 20, SIZE).astype(dtype)
            if label == "logit":
                ordinary = rng.uniform(0, 1, SIZE).astype(dtype)
            times = best_time(
                {
                    "default": partial(function, ordinary),
                    "ordinary": partial(function, ordinary, **kwargs),
                    "repeated": partial(function, repeated, **kwargs),
                },
                3 if quick else 9,
            )
            rows.append(
                {
                    "case": label,
                    "dtype": dtype.name,
                    "hard": value,
                    "found": found,
                    "ordinary": times["ordinary"],
                    "repeated": times["repeated"],
                    "ratio": times["repeated"] / times["ordinary"],
                    "parameters": times["ordinary"] / times["default"],
                }
            )
            print(f"{label:38} {dtype.name:9} {rows[-1]['ratio']:6.2f}x", flush=True)
    return rows


def frame_rows(quick: bool) -> list[dict[str, Any]]:
    rng = np.random.default_rng(1)
    values = rng.uniform(-20, 20, (20_000, 10))
    frames = {
        "float64": pd.DataFrame(values),
        "float32": pd.DataFrame(values.astype(np.float32)),
        "float64 and float32 columns": pd.DataFrame(values).astype(
            dict.fromkeys(range(0, 10, 2), np.float32)
        ),
    }
    rows = []
    for kind, frame in frames.items():
        times = best_time(
            {
                "expit": partial(special.expit, frame),
                "sigmoid": partial(sg.sigmoid, frame),
            },
            5 if quick else 21,
        )
        rows.append(
            {"frame": kind, **times, "ratio": times["sigmoid"] / times["expit"]}
        )
        print(
            f"DataFrame 20000 x 10 {kind:28} {rows[-1]['ratio']:6.2f}x expit",
            flush=True,
        )
    return rows


def markdown(
    repeated: list[dict[str, Any]], frames: list[dict[str, Any]], seconds: float
) -> str:
    machine = (
        f"Measured by `benchmarks/costs.py` (`nox -s costs`) in {seconds:.0f} s "
        f"on {cpu_model()}, NumPy {np.__version__} "
        f"(SIMD: {numpy_simd()}); minimum of interleaved rounds, one thread."
    )
    repeated_title = (
        f"An array of {SIZE:,} copies of the hardest input against an ordinary array "
        f"(bound: {REPEATED_BOUND:g}x):"
    )
    header = (
        "| function | dtype | inputs reaching the exact path | hardest | ordinary (ms) "
        "| repeated (ms) | ratio | ordinary / default parameters |"
    )
    lines = [
        machine,
        "",
        repeated_title,
        "",
        header,
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    none: dict[str, list[str]] = {}
    for r in repeated:
        if r["hard"] is None:
            none.setdefault(r["case"], []).append(r["dtype"])
            continue
        lines.append(
            f"| {r['case']} | {r['dtype']} | {r['found']:,} | {np.float32(r['hard'])!s} "
            f"| {r['ordinary'] * 1e3:.2f} | {r['repeated'] * 1e3:.2f} | {r['ratio']:.2f} "
            f"| {r['parameters']:.2f} |"
        )
    lines += [
        "",
        "No input tried reached the exact path for "
        + "; ".join(f"{case} ({', '.join(dtypes)})" for case, dtypes in none.items())
        + ".",
    ]
    frame_title = (
        f"`sigmoid` of a 20,000 x 10 DataFrame against `scipy.special.expit` "
        f"(bound: {FRAME_BOUND:g}x):"
    )
    lines += [
        "",
        frame_title,
        "",
        "| columns | expit (ms) | sigmoid (ms) | ratio |",
        "|---|---:|---:|---:|",
    ]
    for r in frames:
        lines.append(
            f"| {r['frame']} | {r['expit'] * 1e3:.2f} | {r['sigmoid'] * 1e3:.2f} "
            f"| {r['ratio']:.2f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer inputs and rounds")
    parser.add_argument("--no-write", action="store_true", help="do not write results/")
    args = parser.parse_args()
    started = time.perf_counter()
    with threadpool_limits(limits=1):
        repeated = repeated_rows(args.quick)
        frames = frame_rows(args.quick)
    text = markdown(repeated, frames, time.perf_counter() - started)
    print()
    print(text)
    missed = [
        r for r in repeated if r["hard"] is not None and r["ratio"] > REPEATED_BOUND
    ]
    missed += [r for r in frames if r["ratio"] > FRAME_BOUND]
    if not args.no_write and not args.quick:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "costs.md").write_text(text + "\n")
    for r in missed:
        print(f"bound missed: {r}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
