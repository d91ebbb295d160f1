r"""
Higher derivatives
==================

The first three derivatives of the sigmoid, their zeros, and how each zero
marks a peak or an inflection point of the curve above it.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid, sigmoid_derivative


def zeros_of(f, lo, hi, n=2001):
    """Every sign change of f on [lo, hi], narrowed down by bisection."""
    grid = np.linspace(lo, hi, n)
    found = []
    for i in np.flatnonzero(np.diff(np.sign(f(grid))) != 0):
        a, b = grid[i], grid[i + 1]
        for _ in range(60):
            mid = (a + b) / 2
            a, b = (mid, b) if np.sign(f(mid)) == np.sign(f(a)) else (a, mid)
        found.append((a + b) / 2)
    return np.array(found)


def derivative(k):
    return lambda x: sigmoid_derivative(x, order=k)


zeros = {k: zeros_of(derivative(k), -8, 8.001) for k in (2, 3)}
for k, z in zeros.items():
    print(f"zeros of sigma^({k}): {np.array2string(z, precision=12)}")

# %%
# The code finds every sign change of :math:`\sigma''` and :math:`\sigma'''`
# on :math:`[-8, 8]` and narrows it down by bisection. (The grid is shifted a
# little off 0 so that the zero of :math:`\sigma''` at 0 falls between two
# grid points.) The closed forms come from the identities the package uses,
#
# .. math::
#
#     \sigma'' &= -\sigma' \tanh(x/2), \\
#     \sigma''' &= \sigma' \, (1 - 6\sigma'), \\
#     \sigma'(x) &= \frac{1}{4\cosh^2(x/2)}.
#
# :math:`\sigma''` vanishes only where :math:`\tanh(x/2) = 0`, at
# :math:`x = 0`. :math:`\sigma'''` vanishes where :math:`\sigma' = 1/6`, that
# is :math:`\cosh^2(x/2) = 3/2`:
#
# .. math::
#
#     x &= \pm 2 \operatorname{arcosh}\sqrt{3/2} \\
#       &= \pm \ln(2 + \sqrt{3}) \approx \pm 1.3170.
#
# Both forms agree with the numerical zeros:

closed = 2 * np.arccosh(np.sqrt(3 / 2))
print(f"2 arccosh(sqrt(3/2)) = {closed:.12f}")
print(f"ln(2 + sqrt(3))      = {np.log(2 + np.sqrt(3)):.12f}")
print(
    f"largest gap to the numerical zeros: {np.max(np.abs(np.abs(zeros[3]) - closed)):.1e}"
)
pair = np.array([-closed, closed])
with np.printoptions(precision=15):
    print(f"sigma'(±x)  = {sigmoid_derivative(pair)}, 1/6 = {1 / 6:.15f}")
    print(
        f"sigma''(±x) = {sigmoid_derivative(pair, order=2)},"
        f" sqrt(3)/18 = {np.sqrt(3) / 18:.15f}"
    )

# The package's sigma'' and sigma''' against finite differences of the order below
h = 1e-5
x = np.linspace(-8, 8, 1601)
for k in (2, 3):
    numeric = (derivative(k - 1)(x + h) - derivative(k - 1)(x - h)) / (2 * h)
    print(
        f"largest |sigma^({k}) - central difference of sigma^({k - 1})|:"
        f" {np.max(np.abs(derivative(k)(x) - numeric)):.1e}"
    )

# %%
# The derivatives, stacked
# ------------------------

x = np.linspace(-7, 7, 1401)
curves = [
    (sigmoid(x), r"$\sigma(x)$"),
    (derivative(1)(x), r"$\sigma'(x)$"),
    (derivative(2)(x), r"$\sigma''(x)$"),
    (derivative(3)(x), r"$\sigma'''(x)$"),
]
titles = [
    "The sigmoid: inflection point at 0",
    f"First derivative: peak at 0, inflection points at ±{closed:.3f}",
    f"Second derivative: zero at 0, extrema at ±{closed:.3f}",
    f"Third derivative: zeros at ±{closed:.3f}",
]
STYLES = [("#307EC7", "-"), ("#9621E2", "--"), ("#E69F00", "-."), ("#009E73", ":")]
fig, axes = plt.subplots(4, 1, figsize=(7, 9), sharex=True, layout="constrained")
for ax, (y, label), title, (color, ls) in zip(
    axes, curves, titles, STYLES, strict=True
):
    ax.plot(x, y, color=color, ls=ls)
    ax.axhline(0, color="0.7", lw=0.8)
    ax.set(ylabel=label, xticks=[-6, -closed, 0, closed, 6])
    ax.set_title(title, fontsize=10)
    ax.grid(alpha=0.3)
# the points where each curve's next derivative vanishes
axes[0].plot(0, 0.5, "o", color="k", ms=5)
axes[1].plot(0, 0.25, "o", color="k", ms=5)
axes[1].plot(pair, [1 / 6, 1 / 6], "s", color="k", ms=5)
axes[2].plot(pair, sigmoid_derivative(pair, order=2), "s", color="k", ms=5)
axes[2].plot(0, 0, "o", color="k", ms=5)
axes[3].plot(pair, [0, 0], "s", color="k", ms=5)
axes[3].set_xlabel("x")
axes[3].xaxis.set_major_formatter("{x:.3g}")
# Alt text: Four stacked panels from x = −7 to 7: the sigmoid and its first, second and
# third derivatives, with ticks and grid lines at x = 0 and ±1.317. Each zero of a derivative
# lines up with a turning point of the curve above it: σ′ peaks at 0, where σ″ is 0, and
# σ″ peaks at ±1.317, where σ‴ is 0.
plt.show()

# %%
# Read the panels from the bottom up. Each zero of a derivative is a turning
# point of the curve above it: where :math:`\sigma'''` crosses zero
# (squares, :math:`x = \pm 1.317`), :math:`\sigma''` peaks and the bell
# :math:`\sigma'` changes from concave to convex, with height exactly
# :math:`1/6` there. Where :math:`\sigma''` crosses zero (circle,
# :math:`x = 0`), :math:`\sigma'` peaks at :math:`1/4` and :math:`\sigma`
# has its inflection point, :math:`(0, 1/2)`: the curve turns from convex to
# concave and is steepest.
#
# The squares on the bell also mark where the sigmoid's slope changes
# fastest, since :math:`\sigma''` is largest in magnitude there,
# :math:`\sqrt{3}/18` (printed above). The derivatives are
# alternately even (:math:`\sigma'`, :math:`\sigma'''`) and odd
# (:math:`\sigma''`), because :math:`\sigma(x) - 1/2` is odd.
