"""The tables behind the float64 log_sigmoid, checked against mpmath.

``sigmoid._log_sigmoid_table`` builds them with :mod:`decimal` when it is
imported; mpmath is an independent implementation, and its values here are
computed as

    T = mpmath.exp(-mpmath.mpf(j) / 8)
    log(1 + T) = mpmath.log1p(T),   A = T / (1 + T)

at 50 significant digits.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest

from sigmoid._log_sigmoid_table import HI as hi
from sigmoid._log_sigmoid_table import LO as lo
from sigmoid._log_sigmoid_table import RATIO as ratio
from sigmoid._log_sigmoid_table import STEPS

mpmath.mp.dps = 50  # as in reference.py

SAMPLE = [0, 1, 2, 7, 8, 9, 100, 555, 1000, 2000, 4000, 5000, 5600, 5660, 5661, 5900]


@pytest.mark.parametrize("j", SAMPLE)
def test_log1p_entry_is_a_float64_pair_within_2_to_minus_100(j: int) -> None:
    t = mpmath.exp(-mpmath.mpf(j) / STEPS)
    exact = mpmath.log1p(t)
    assert hi[j] == float(exact)  # the high part is the correctly rounded value
    error = abs(mpmath.mpf(hi[j]) + mpmath.mpf(lo[j]) - exact)
    # lo is itself rounded: the pair is exact to half an ULP of lo, or to the
    # smallest subnormal where lo underflows.
    assert error <= max(abs(exact) * mpmath.mpf(2) ** -100, mpmath.mpf(2) ** -1074)


@pytest.mark.parametrize("j", SAMPLE)
def test_ratio_entry_is_correctly_rounded(j: int) -> None:
    t = mpmath.exp(-mpmath.mpf(j) / STEPS)
    assert ratio[j] == float(t / (1 + t))


def test_entries_past_the_subnormal_range_are_zero() -> None:
    # exp(-a) < 2**-1075 (half the smallest subnormal) for a > 745.14.
    start = int(np.ceil(745.14 * STEPS)) + 1
    assert start < hi.size
    assert not ratio[start:].any()
    assert not hi[start:].any()
    assert not lo[start:].any()


def test_tables_are_read_only() -> None:
    with pytest.raises(ValueError, match="read-only"):
        hi[0] = 1.0


CONCURRENT_FIRST_CALLS = """
import sys, threading
import numpy as np

builds = []

def count(frame, event, arg):
    code = frame.f_code
    if event == "call" and code.co_name.endswith("tables") and "sigmoid" in code.co_filename:
        builds.append(threading.get_ident())

sys.setprofile(count)
threading.setprofile(count)
barrier = threading.Barrier(16)

def first_call():
    barrier.wait()
    import sigmoid
    sigmoid.log_sigmoid(np.ones(3))

threads = [threading.Thread(target=first_call) for _ in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(builds))
"""


def test_sixteen_concurrent_first_calls_build_the_tables_once() -> None:
    # The tables used to be built lazily, on the first float64 call, and 16
    # threads making their first call at once built them 14 times. Now they
    # are built once, when the module is imported (Python's import lock
    # makes the other threads wait for it).
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", CONCURRENT_FIRST_CALLS],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.split() == ["1"]
