r"""
The logit
=========

The logit, :math:`\operatorname{logit}(p) = \log(p / (1 - p))`, is the inverse
of the sigmoid: it turns a probability back into the real number it came
from. This example shows the two as mirror images, and what the round trip
through both costs in floating point.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import logit, sigmoid

x = np.linspace(-6, 6, 601)
p = np.linspace(0.001, 0.999, 999)
fig, ax = plt.subplots(figsize=(5, 5), layout="constrained")
ax.plot(x, sigmoid(x), color="#307EC7", label=r"$\sigma(x)$")
ax.plot(p, logit(p), color="#E69F00", ls="-.", label=r"$\operatorname{logit}(p)$")
ax.plot([-4, 4], [-4, 4], color="0.6", ls=":", lw=1, label="y = x, the mirror")
for x0 in (-2.0, 2.0):  # a point of each curve and its mirror image
    ax.plot([x0, sigmoid(x0)], [sigmoid(x0), x0], "o--", color="0.4", lw=0.8, ms=4)
ax.set(xlim=(-4, 4), ylim=(-4, 4), aspect="equal", xlabel="x or p", ylabel="value")
ax.set_title("Mirror images")
ax.grid(alpha=0.3)
ax.legend(loc="upper left")
# Alt text: The sigmoid and the logit on equal axes, mirror images in the dotted line y
# = x, with two pairs of mirrored points joined by dashed lines: where the sigmoid
# flattens towards 0 and 1, the logit shoots off towards minus and plus infinity.
plt.show()

# %%
# Reflecting the graph of :math:`\sigma` in the line :math:`y = x` gives the
# graph of the logit: :math:`\operatorname{logit}(\sigma(x)) = x` and
# :math:`\sigma(\operatorname{logit}(p)) = p`. Where :math:`\sigma` flattens
# towards 0 and 1, the logit shoots off to :math:`\mp\infty`.
#
# The :ref:`next example <sphx_glr_auto_examples_family_plot_logit_odds.py>`
# reads the logit as the log of the :term:`odds`.

# %%
# The round trip
# --------------
#
# In exact arithmetic :math:`\operatorname{logit}(\sigma(x)) = x`. In floating
# point :math:`\sigma(x)` is rounded, and the logit magnifies that rounding by
# its slope, :math:`d\operatorname{logit}/dp = 1/(p(1 - p)) = 1/\sigma'(x)`.
# For negative :math:`x` the rounding is relative to the small value
# :math:`\sigma(x) \approx e^{x}`, and the round trip stays accurate. For
# positive :math:`x`, :math:`\sigma(x)` is close to 1, where floats are spaced
# :math:`2^{-53}` apart; half that spacing, magnified by
# :math:`1/\sigma'(x) \approx e^{x}`, is the error to expect. Once
# :math:`\sigma(x)` rounds to exactly 1, the logit is :math:`+\infty`. The
# package's float64 :math:`\sigma`, like the textbook formula, returns 1 from
# :math:`x = 53 \ln 2 \approx 36.74`, where :math:`1 + e^{-x}` rounds to 1; a
# correctly rounded :math:`\sigma` would stay below 1 until
# :math:`54 \ln 2 \approx 37.43`.
#
# The cure is to keep whichever of :math:`p` and :math:`1 - p` is small:
# :math:`1 - \sigma(x) = \sigma(-x)` is computed as accurately as
# :math:`\sigma(x)`, and :math:`x = -\operatorname{logit}(\sigma(-x))`.

x = np.linspace(-40, 40, 1601)
direct = logit(sigmoid(x))
small_side = np.where(x > 0, -logit(sigmoid(-x)), logit(sigmoid(x)))
s = sigmoid(x)
expected = np.spacing(s) / 2 / (s * sigmoid(-x))
fine = np.linspace(36, 38, 200_001)
edge = fine[sigmoid(fine) == 1].min()
print(f"sigma(x) rounds to 1, and logit(sigma(x)) is inf, from x = {edge:.4f}")
for value in (10.0, 20.0, 30.0, 36.0):
    back = logit(sigmoid(value))
    print(f"logit(sigma({value:g})) = {back:.17g}: off by {abs(back - value):.2g}")
worst = np.max(np.abs(small_side - x) / np.spacing(np.abs(x) + 1))
print(f"through the small side: off by at most {worst:.2f} ULP of max(|x|, 1)")

fig, ax = plt.subplots(figsize=(7, 4), layout="constrained")
finite = np.isfinite(direct)
right = (x > 0) & (x < edge)  # where sigma(x) is near 1 but not 1
curves = {
    "logit(sigmoid(x)) - x": (x[finite], np.abs(direct - x)[finite], "D", "#E69F00"),
    r"half the float spacing at $\sigma(x)$, times $1/\sigma'(x)$": (
        x[right],
        expected[right],
        "-",
        "k",
    ),
    "through the small side, -logit(sigmoid(-x)) - x for x > 0": (
        x,
        np.abs(small_side - x),
        "o",
        "#307EC7",
    ),
}
for label, (xs, ys, style, color) in curves.items():
    ax.plot(xs, ys, style, ms=2, lw=1, color=color, label=label)
ax.axvline(edge, color="0.3", ls="--", lw=1)
ax.annotate(
    f"logit returns inf\nfrom x = {edge:.2f}",
    (edge, 1e-14),
    xytext=(-4, 0),
    textcoords="offset points",
    ha="right",
)
# Logarithmic above 1e-17 and linear below, so that an error of 0 can be shown.
ax.set_yscale("symlog", linthresh=1e-17, linscale=0.3)
ax.set(ylim=(-3e-18, 10), yticks=[0, 1e-16, 1e-12, 1e-8, 1e-4, 1], xlabel="x")
ax.set(ylabel="absolute error", title="Round trip through the sigmoid and back")
ax.grid(alpha=0.3)
ax.legend(loc="upper left")
# Alt text: Absolute error of the round trip logit(σ(x)) − x in float64 for x from −40
# to 40, on a log scale with 0 at the bottom: for positive x the direct round trip's
# error grows exponentially along the predicted line, to about 1 near x = 37, where the
# logit returns infinity; through the small side it is 0 except for rounding errors near
# x = 0.
plt.show()

# %%
# The direct round trip follows the black line, the prediction from the
# spacing of floats near 1: its error grows like :math:`e^{x}`, to about
# :math:`10^{-3}` at :math:`x = 30` and 0.04 at :math:`x = 36` (the printed
# values), until the logit gives up. The error is not in ``logit``, which is
# accurate to the last bit or so for every probability; it is information
# lost when :math:`\sigma(x)` was rounded close to 1. Going through the small
# side keeps the round trip within an ULP or two everywhere, and for most
# :math:`x` exact: those points sit on the 0 line at the bottom, where the
# vertical axis, logarithmic above :math:`10^{-17}`, turns linear to reach 0.
#
# The other direction, :math:`\sigma(\operatorname{logit}(p))`, loses accuracy
# only slowly. Rounding :math:`\operatorname{logit}(p)` to a float is an
# absolute error of about :math:`|\operatorname{logit}(p)| \cdot 2^{-53}`, and
# for small :math:`p` the sigmoid, which behaves like :math:`e^{x}` there,
# turns it into a relative error of the same size: the error in ULPs grows
# like :math:`|\log p|`: a few ULP on an even grid of :math:`p`, and a few
# hundred once :math:`p` goes down towards :math:`10^{-300}` (both printed
# below).

p = np.linspace(0, 1, 100_001)[1:-1]
gap = np.abs(sigmoid(logit(p)) - p) / np.spacing(p)
print(
    f"sigma(logit(p)), p on an even grid in (0, 1): off by at most {gap.max():.0f} ULP"
)
p = np.geomspace(1e-300, 0.5, 2001)
gap = np.abs(sigmoid(logit(p)) - p) / np.spacing(p)
print(
    f"sigma(logit(p)), p from 1e-300 to 1/2: off by at most {gap.max():.0f} ULP,"
    f" at p = {p[np.argmax(gap)]:.1e}"
)
