r"""
Big arrays
==========

On millions of elements, memory is part of the cost: how many bytes each
element takes, and how many arrays are allocated and traversed. This example
measures the memory and the time for float32 and float64, with and without
``out=``; the next example applies the function chunk by chunk.
"""

import time
import tracemalloc

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid

N = 2_000_000
rng = np.random.default_rng(0)
x = {"float64": rng.normal(scale=5.0, size=N)}
x["float32"] = x["float64"].astype(np.float32)
MIB = 2**20
for name, values in x.items():
    print(f"{N:,} {name} elements: {values.nbytes / MIB:5.2f} MiB")

# %%
# Four ways to compute
# --------------------
#
# The same :math:`\sigma(x)` four ways: into a new array; into a preallocated
# buffer with ``out=``; in place, ``out=x``, overwriting the input; and with
# the naive expression ``1 / (1 + np.exp(-x))``, which NumPy evaluates one
# operation at a time, each into a new temporary array. ``tracemalloc``
# records NumPy's allocations, so its peak is the extra memory each call
# needed; the time is the best of several runs.


buffers = {name: np.empty_like(values) for name, values in x.items()}
WAYS = {
    "new array": sigmoid,
    "out=buffer": lambda a: sigmoid(a, out=buffers[a.dtype.name]),
    "in place, out=x": lambda a: sigmoid(a, out=a),
    "naive formula": lambda a: 1 / (1 + np.exp(-a)),
}


def peak_mib(way, a):
    """Peak extra memory of one call, in MiB."""
    a = a.copy()  # in place overwrites its input
    tracemalloc.start()
    with np.errstate(over="ignore"):  # the naive formula overflows to 0
        way(a)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / MIB


def best_ms(way, a, repeat=7):
    """Best time of ``repeat`` calls, in milliseconds, each on a fresh copy."""
    times = []
    for _ in range(repeat):
        fresh = a.copy()
        start = time.perf_counter()
        with np.errstate(over="ignore"):
            way(fresh)
        times.append(time.perf_counter() - start)
    return 1e3 * min(times)


memory = {name: [peak_mib(way, x[name]) for way in WAYS.values()] for name in x}
speed = {name: [best_ms(way, x[name]) for way in WAYS.values()] for name in x}
print(f"{'':16s} {'extra MiB':>20s} {'time in ms':>20s}")
print(f"{'':16s} {'float64':>10s}{'float32':>10s} {'float64':>10s}{'float32':>10s}")
for i, label in enumerate(WAYS):
    print(
        f"{label:16s} {memory['float64'][i]:10.2f}{memory['float32'][i]:10.2f}"
        f" {speed['float64'][i]:10.2f}{speed['float32'][i]:10.2f}"
    )
ratio = speed["float32"][0] / speed["float64"][0]
print(f"sigmoid on float32 took {ratio:.2f} times as long as on float64")

fig, (ax_mem, ax_time) = plt.subplots(
    1, 2, figsize=(7, 3.8), sharey=True, layout="constrained"
)
positions = np.arange(len(WAYS))
for offset, (name, color) in zip(
    (-0.2, 0.2), (("float64", "#0072B2"), ("float32", "#E69F00")), strict=True
):
    bars = ax_mem.barh(positions + offset, memory[name], 0.4, color=color, label=name)
    ax_mem.bar_label(bars, fmt="%.1f", padding=2)
    bars = ax_time.barh(positions + offset, speed[name], 0.4, color=color)
    ax_time.bar_label(bars, fmt="%.1f", padding=2)
    size = x[name].nbytes / MIB
    ax_mem.axvline(size, color=color, lw=1, ls="--", label=f"one {name} array")
ax_mem.set_yticks(positions, list(WAYS))
ax_mem.invert_yaxis()  # first way at the top
for ax in (ax_mem, ax_time):
    ax.margins(x=0.2)  # room for the numbers
    ax.grid(axis="x", alpha=0.3)
ax_mem.set(xlabel="peak extra memory (MiB)", title="Memory")
ax_time.set(xlabel="time (ms), best of 7", title="Time")
fig.suptitle(f"The sigmoid of {N:,} numbers")
fig.legend(loc="outside lower center", ncols=2)
# Alt text: Horizontal bars of the peak extra memory and the time of four ways to
# compute the sigmoid of 2,000,000 numbers, in float64 and float32: a new array takes
# one array's memory (dashed lines), out= a buffer or the input itself almost none, and
# the naive formula two arrays; the times depend on the machine that ran it.
plt.show()

# %%
# A new float64 result takes 8 bytes per element, a float32 one 4 (the dashed
# lines). On top of the result the package needs only a megabyte or two of
# scratch buffers (the ``out=`` bars), because it works through the array in
# blocks that fit in the processor's cache. With ``out=`` the result's memory
# is the caller's, allocated once and reused, and ``out=x`` needs no second
# array at all. The naive expression evaluates one operation at a time, each
# into a temporary array as large as the input, and traverses memory once per
# operation; its measured peak is two full-size arrays.
#
# float32 halves the memory, and the memory traffic with it, but not the
# arithmetic of this package's ``sigmoid``: float32 results are computed in
# float64, rounded once and checked for the rare values next to a rounding
# boundary, which makes them correctly rounded. Whether float32 then saves
# time depends on the machine and on how busy it is: the printed ratio is
# what it measured on the machine that ran it for this page, in one run. The
# naive float32 expression stays in float32 throughout, which can make it the
# fastest row, at an error of a :term:`ULP` or two where it does not overflow;
# :ref:`sphx_glr_auto_examples_numerics_plot_sigmoid_ulp.py` measures both.
