"""What the benchmark scripts report about the machine they ran on."""

from __future__ import annotations

import platform
from pathlib import Path


def cpu_model() -> str:
    """The CPU's model name (from /proc/cpuinfo where there is one)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def numpy_simd() -> str:
    """The SIMD extensions NumPy was built for and those it dispatches to here.

    NumPy's float64 exp, log and their relatives have SIMD versions only for
    some of them (AVX-512 on x86), so both speed and the last bits of
    accuracy depend on this.
    """
    from numpy._core import _multiarray_umath as umath  # type: ignore[attr-defined]

    features = getattr(umath, "__cpu_features__", {})
    baseline = getattr(umath, "__cpu_baseline__", [])
    dispatch = getattr(umath, "__cpu_dispatch__", [])
    found = [f for f in dispatch if features.get(f)]
    return f"baseline {' '.join(baseline)}; dispatched {' '.join(found)}"
