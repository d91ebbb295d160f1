r"""
The cost of exp
===============

The sigmoid needs an exponential, while ReLU is a single comparison. This
example times the sigmoid against ReLU, tanh and the hard sigmoid on a
million numbers, on whatever machine runs it.
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
# * sigmoid (package): this package's ``sigmoid``.
# * naive sigmoid: the textbook ``1 / (1 + np.exp(-x))``. NumPy evaluates it
#   as four separate passes over the array (negate, exponentiate, add 1,
#   divide), each writing a new temporary array. (It also overflows, with a
#   warning, for :math:`x < -709`; the inputs here stay clear of that.)
# * ``np.exp`` alone: the exponential by itself, to show how much of the
#   sigmoid's time it accounts for.
# * ``np.tanh``: the hyperbolic tangent.
# * ReLU, ``np.maximum(x, 0)``.
# * hard sigmoid, ``np.clip(x / 6 + 0.5, 0, 1)``: PyTorch's
#   ``nn.Hardsigmoid`` definition, a piecewise-linear stand-in for the
#   sigmoid that needs no exponential. (Keras once used a steeper version,
#   ``0.2 * x + 0.5``, clipped the same way.)

contenders = {
    "ReLU": lambda x: np.maximum(x, 0),
    "hard sigmoid": lambda x: np.clip(x / 6 + 0.5, 0, 1),
    "tanh": np.tanh,
    "np.exp alone": np.exp,
    "sigmoid (package)": sigmoid,
    "naive sigmoid": lambda x: 1 / (1 + np.exp(-x)),
}

# %%
# Timing
# ------
#
# ``time.perf_counter()`` reads a high-resolution clock; the difference
# between two readings is the elapsed time in seconds. Each function runs
# once untimed (so one-off start-up costs are not counted) and then 15
# times. The rounds take turns, one call of each function per round, so a
# moment when the machine is busy with something else slows all of them
# alike, and the *median* of each function's 15 times discards the worst of
# such moments. Dividing by the number of elements gives nanoseconds per
# element.

x = np.random.default_rng(seed=0).uniform(-10, 10, size=1_000_000)
repeats = 15

for function in contenders.values():
    function(x)
times = {name: [] for name in contenders}
for _ in range(repeats):
    for name, function in contenders.items():
        start = time.perf_counter()
        function(x)
        times[name].append(time.perf_counter() - start)
ns_per_element = {name: np.median(t) / x.size * 1e9 for name, t in times.items()}

machine = platform.machine()
if platform.processor() and platform.processor() != machine:
    machine += f" ({platform.processor()})"
machine += f", {platform.system()}"
print(f"machine: {machine}, {os.cpu_count()} logical CPUs, NumPy {np.__version__}")
for name, value in ns_per_element.items():
    print(f"{name:>24}: {value:5.2f} ns per element")

# %%
# The chart
# ---------
#
# ``ax.barh`` draws one horizontal bar per function, and ``ax.bar_label``
# writes each bar's value at its end. The title names the machine, because
# these numbers belong to it alone.

names = list(ns_per_element)
values = list(ns_per_element.values())
colours = ["tab:green", "tab:green", "tab:purple", "tab:gray", "tab:blue", "tab:blue"]

fig, ax = plt.subplots(figsize=(8, 4.5), layout="constrained")
bars = ax.barh(names, values, color=colours)
ax.bar_label(bars, fmt="%.2f", padding=3)
ax.invert_yaxis()  # first contender at the top
ax.set_xlim(0, max(values) * 1.2)
ax.set_xlabel("time per element (ns), median of 15 runs on 10⁶ float64 values")
ax.set_title(
    f"Cost of the sigmoid and alternatives\n"
    f"{machine}, NumPy {np.__version__}; times vary from run to run and "
    "machine to machine",
    fontsize="medium",
)
plt.show()

# %%
# Reading the result
# ------------------
#
# The numbers depend on the processor, on how NumPy was built (recent NumPy
# uses SIMD instructions for ``exp`` and ``tanh`` on CPUs that have them), on
# the memory system and on what else the machine is doing, so they change
# from run to run and from machine to machine. The ratios below, computed
# from the same measurements, are what to compare:


pairs = [
    ("np.exp alone", "ReLU"),
    ("naive sigmoid", "np.exp alone"),
    ("naive sigmoid", "sigmoid (package)"),
    ("sigmoid (package)", "ReLU"),
    ("hard sigmoid", "ReLU"),
]
for slow, fast in pairs:
    print(
        f"{slow + ' / ' + fast:>36}: {ns_per_element[slow] / ns_per_element[fast]:.1f}"
    )

# %%
# * *np.exp alone / ReLU* is what the exponential costs beyond a plain pass
#   over the array.
# * *naive sigmoid / np.exp alone*: in NumPy every operation in a formula is
#   a pass of its own, so the naive sigmoid pays for three more passes (and
#   three temporary arrays) on top of its exponential. The hard sigmoid,
#   written the same way, makes three passes but no exponential.
# * *naive sigmoid / sigmoid (package)* compares the textbook formula with
#   this package's, which works through the array in blocks small enough to
#   stay in the processor's cache.
#
# In perspective
# --------------
#
# In a neural network the activation is applied to the output of a matrix
# product, which usually costs far more. A modest dense layer with 100
# inputs and 100 outputs, applied to a batch of 10,000 examples, produces
# exactly :math:`10^6` numbers to pass through the activation; timing the
# product (median of 3) against the package's sigmoid on its result puts the
# cost of ``exp`` in proportion. (NumPy's matrix product may use several
# cores, the element-wise functions one; wider layers make the product's
# share larger still.)

rng = np.random.default_rng(seed=1)
batch_inputs = rng.standard_normal((10_000, 100))
layer_weights = rng.standard_normal((100, 100)) / np.sqrt(100)
pre_activations = batch_inputs @ layer_weights
matmul_times, sigmoid_times = [], []
for _ in range(3):
    start = time.perf_counter()
    batch_inputs @ layer_weights
    matmul_times.append(time.perf_counter() - start)
    start = time.perf_counter()
    sigmoid(pre_activations)
    sigmoid_times.append(time.perf_counter() - start)
matmul_ms = np.median(matmul_times) * 1e3
sigmoid_ms = np.median(sigmoid_times) * 1e3
print(f"matrix product (10000 x 100) @ (100 x 100): {matmul_ms:6.2f} ms")
print(f"sigmoid of its 10^6 results:                {sigmoid_ms:6.2f} ms")
print(f"the sigmoid is {sigmoid_ms / (matmul_ms + sigmoid_ms):.0%} of the layer's time")
