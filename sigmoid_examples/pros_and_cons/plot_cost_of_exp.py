r"""
The cost of exp
===============

The sigmoid needs an exponential, while :term:`ReLU` is a single comparison. This
example times the sigmoid against ReLU, :term:`tanh` and the hard sigmoid, on an
array that fits in the processor's cache and on one that does not, on
whatever machine runs it.
"""

import os
import platform
import time

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid

# %%
# The contenders
# --------------
#
# Each contender writes into a preallocated output array, ``out``, so that
# the timings measure the computation and not the allocation of a new
# result array on every call.
#
# * sigmoid (package): this package's ``sigmoid``.
# * naive sigmoid: the textbook :math:`1 / (1 + e^{-x})`. NumPy evaluates it
#   as four separate passes over the array (negate, exponentiate, add 1,
#   divide), here each in place in ``out``. (The exponential :term:`overflows <overflow>`, with
#   a warning, for :math:`x < -709.78`; the inputs here stay clear of that.)
# * ``np.exp`` alone: the exponential by itself, to show how much of the
#   sigmoid's time it accounts for.
# * ``np.tanh``: the hyperbolic tangent.
# * ReLU, ``np.maximum(x, 0)``.
# * hard sigmoid, :math:`\operatorname{clip}(x / 6 + 1/2, 0, 1)`: PyTorch's
#   ``nn.Hardsigmoid`` definition, a piecewise-linear stand-in for the
#   sigmoid that needs no exponential. (Keras once used a steeper version,
#   ``0.2 * x + 0.5``, clipped the same way.)


def naive_sigmoid(x, out):
    np.negative(x, out=out)
    np.exp(out, out=out)
    np.add(out, 1, out=out)
    return np.divide(1, out, out=out)


def hard_sigmoid(x, out):
    np.divide(x, 6, out=out)
    np.add(out, 0.5, out=out)
    return np.clip(out, 0, 1, out=out)


contenders = {
    "ReLU": lambda x, out: np.maximum(x, 0, out=out),
    "hard sigmoid": hard_sigmoid,
    "tanh": lambda x, out: np.tanh(x, out=out),
    "np.exp alone": lambda x, out: np.exp(x, out=out),
    "sigmoid (package)": lambda x, out: sigmoid(x, out=out),
    "naive sigmoid": naive_sigmoid,
}

# %%
# Timing
# ------
#
# Each function runs
# once untimed (so one-off start-up costs are not counted) and then 7
# times. The rounds take turns, one timing of each function per round, so a
# busy moment of the machine does not fall on one function alone, and the
# *fastest* of each function's 7 times is kept: other work on the machine
# can only make a run slower, so the fastest run is the least disturbed. A
# timing of the small array repeats the call until it has covered
# :math:`10^6` elements, so that the clock's resolution does not matter.
# Dividing by the number of elements gives nanoseconds per element.
#
# Two array sizes, of :term:`float64` values uniform on [-10, 10]:
#
# * :math:`10^4` values, 80 kB, and as much again for ``out``: small enough to
#   stay in a processor's level-2 cache (typically 0.5 to 2 MB per core)
#   between calls, so the time is the computation itself;
# * :math:`4 \times 10^6` values, 32 MB, and 32 MB for ``out``: more than the
#   caches of typical processors hold, so every call also reads its input
#   from main memory and writes its output back.

rng = np.random.default_rng(seed=0)
repeats = 7


def nanoseconds_per_element(n):
    """Fastest time per element, in ns, of each contender on n float64 values."""
    x = rng.uniform(-10, 10, size=n)
    out = np.empty_like(x)
    calls = max(1, 1_000_000 // n)
    for function in contenders.values():
        function(x, out)
    times = {name: [] for name in contenders}
    for _ in range(repeats):
        for name, function in contenders.items():
            start = time.perf_counter()
            for _ in range(calls):
                function(x, out)
            times[name].append((time.perf_counter() - start) / calls)
    return {name: min(t) / n * 1e9 for name, t in times.items()}


sizes = {"in cache": 10_000, "out of cache": 4_000_000}
ns = {where: nanoseconds_per_element(n) for where, n in sizes.items()}

machine = platform.machine()
if platform.processor() and platform.processor() != machine:
    machine += f" ({platform.processor()})"
machine += f", {platform.system()}"
print(f"machine: {machine}, {os.cpu_count()} logical CPUs, NumPy {np.__version__}")
print(f"{'ns per element':>24}  {'in cache':>9}  {'out of cache':>12}")
for name in contenders:
    print(f"{name:>24}  {ns['in cache'][name]:9.2f}  {ns['out of cache'][name]:12.2f}")

# %%
# The chart's title names the machine, because these numbers belong to it
# alone.

names = list(contenders)
rows = np.arange(len(names))
fig, ax = plt.subplots(figsize=(6.4, 5.5), layout="constrained")
looks = [{"color": "#0072B2"}, {"color": "#E69F00", "hatch": "//"}]
for offset, (where, n), look in zip((-0.2, 0.2), sizes.items(), looks, strict=True):
    values = [ns[where][name] for name in names]
    bars = ax.barh(rows + offset, values, 0.4, label=f"{where}, {n:,} values", **look)
    ax.bar_label(bars, fmt="%.2f", padding=3)
ax.set_yticks(rows, names)
ax.invert_yaxis()  # first contender at the top
ax.set_xlim(0, max(max(v.values()) for v in ns.values()) * 1.2)
ax.set_xlabel(f"time per element (ns), fastest of {repeats} runs, float64")
ax.set_title(f"Cost per element\n{machine}, NumPy {np.__version__}", fontsize="medium")
ax.grid(axis="x", alpha=0.3)
fig.legend(loc="outside lower center", ncols=2)
# Alt text: Horizontal bars of the time per element of six functions (ReLU, the hard
# sigmoid, tanh, np.exp alone, the package's sigmoid and the naive sigmoid), each on an
# array that fits in the processor's cache and on one that does not: ReLU and the hard
# sigmoid are the cheapest, and the four that compute an exponential take several times
# longer. The times depend on the machine that ran it and vary from run to run.
plt.show()

# %%
# Reading the result
# ------------------
#
# The numbers depend on the processor, on how NumPy was built (recent NumPy
# uses SIMD instructions for ``exp`` and ``tanh`` where the CPU has the ones
# its build can use), on the memory system and on what else the machine is
# doing, so they change from run to run and from machine to machine. The
# ratios below, computed from the same measurements, are what to compare:

pairs = [
    ("sigmoid (package)", "ReLU"),
    ("np.exp alone", "ReLU"),
    ("naive sigmoid", "np.exp alone"),
    ("naive sigmoid", "sigmoid (package)"),
    ("hard sigmoid", "ReLU"),
]
print(f"{'ratio':>36}  {'in cache':>9}  {'out of cache':>12}")
for slow, fast in pairs:
    ratios = [ns[where][slow] / ns[where][fast] for where in sizes]
    print(f"{slow + ' / ' + fast:>36}  {ratios[0]:9.1f}  {ratios[1]:12.1f}")

# %%
# * *sigmoid (package) / ReLU* is the question this example asks: how much
#   more time the sigmoid takes than ReLU on this machine.
# * *np.exp alone / ReLU* is what the exponential costs beyond a plain pass
#   over the array.
# * *naive sigmoid / np.exp alone*: in NumPy every operation in a formula is
#   a pass of its own, so the naive sigmoid makes three more passes over the
#   array than its exponential. The hard sigmoid, written the same way,
#   makes three passes but no exponential.
# * *naive sigmoid / sigmoid (package)* compares the textbook formula with
#   this package's, which works through a large array in blocks small enough
#   to stay in the processor's cache.
#
# Why two sizes: in cache, memory traffic is cheap, and what is measured is
# the arithmetic plus the fixed cost of each call, spread over only
# :math:`10^4` elements. The package's ``sigmoid`` checks its input and sets
# up its blocks on every call, so that fixed cost can make it slower per
# element on the small array than on the large one: compare its two columns.
# Out of cache, every function must also read 8 bytes and write 8 bytes per
# element from and to main memory, whatever it computes. For a function with
# little arithmetic, such as ReLU, that traffic can take longer than the
# arithmetic; the sigmoid's arithmetic can overlap with it. So a ratio to
# ReLU measured on one array size need not hold on another, nor on another
# machine. The :ref:`next example
# <sphx_glr_auto_examples_pros_and_cons_plot_cost_in_a_layer.py>` puts the
# sigmoid's time next to the matrix product it follows in a network.
