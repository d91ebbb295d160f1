r"""
The sigmoid family
==================

Many S-shaped curves look alike once scaled to the same range and the same
slope at zero; their tails tell them apart. The :ref:`next example
<sphx_glr_auto_examples_family_plot_probit.py>` measures how closely a
steepened sigmoid follows one of them, the normal distribution function.
"""

import math

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid, sigmoid_derivative

erf = np.vectorize(math.erf, otypes=[float])  # NumPy itself has no erf


def gudermannian(y):
    return 2 * np.arctan(np.tanh(y / 2))


# Each odd curve g rises from -1 to 1 with slope g'(0) = 1; next to it is g'.
ODD_CURVES = {
    "tanh": (np.tanh, lambda y: 1 / np.cosh(y) ** 2),
    "arctan": (
        lambda y: 2 / np.pi * np.arctan(np.pi / 2 * y),
        lambda y: 1 / (1 + (np.pi / 2 * y) ** 2),
    ),
    "erf": (
        lambda y: erf(np.sqrt(np.pi) / 2 * y),
        lambda y: np.exp(-np.pi / 4 * y**2),
    ),
    "Gudermannian": (
        lambda y: 2 / np.pi * gudermannian(np.pi / 2 * y),
        lambda y: 1 / np.cosh(np.pi / 2 * y),
    ),
    "x/sqrt(1+x²)": (lambda y: y / np.sqrt(1 + y**2), lambda y: (1 + y**2) ** -1.5),
    "softsign x/(1+|x|)": (
        lambda y: y / (1 + np.abs(y)),
        lambda y: (1 + np.abs(y)) ** -2,
    ),
    "hard sigmoid": (lambda y: np.clip(y, -1, 1), lambda y: (np.abs(y) < 1) * 1.0),
}


def scaled(g):
    """Map an odd curve g onto the logistic's scale: (1 + g(x/2)) / 2."""
    return lambda x: (1 + g(x / 2)) / 2


# Every member as (f, f'), on the logistic's scale.
FAMILY = {"logistic": (sigmoid, sigmoid_derivative)}
for name, (g, dg) in ODD_CURVES.items():
    FAMILY[name] = (scaled(g), lambda x, dg=dg: dg(x / 2) / 4)

# %%
# One scale for all
# -----------------
#
# The odd curves :math:`g` above all rise from -1 to 1 and are written with
# their argument scaled so that :math:`g'(0) = 1`: for example
# :math:`\tfrac{2}{\pi}\arctan(\tfrac{\pi}{2} x)` and
# :math:`\operatorname{erf}(\tfrac{\sqrt{\pi}}{2} x)`. Each is then put on the
# logistic's scale by
#
# .. math::
#
#     f(x) = \frac{1 + g(x/2)}{2},
#
# so that every :math:`f` rises from 0 to 1 with :math:`f(0) = 1/2` and
# :math:`f'(0) = 1/4`, the values of :math:`\sigma`. The hard sigmoid becomes
# the tangent of :math:`\sigma` at 0 clipped to :math:`[0, 1]`,
# :math:`\min(1, \max(0, 1/2 + x/4))`; libraries use other slopes (PyTorch's
# ``Hardsigmoid`` has 1/6). A central difference checks the slope at zero:

h = 1e-6
for name, (f, df) in FAMILY.items():
    slope = (f(h) - f(-h)) / (2 * h)
    print(f"{name:20s} f(0) = {f(0.0):.6f}   f'(0) = {slope:.6f} = {df(0.0):.6f}")
wide = np.linspace(-40, 40, 8001)
tanh_gap = np.max(np.abs(FAMILY["tanh"][0](wide) - sigmoid(wide)))
print(f"largest |(1 + tanh(x/2))/2 - sigma(x)| on [-40, 40]: {tanh_gap:.2g}")

# %%

x = np.linspace(-8, 8, 801)
x_tail = np.geomspace(0.1, 1e3, 400)  # 1 - f(x) is only good to about 1e-16
# the logistic wide and grey, tanh dashed black inside it; the others in the
# Okabe-Ito palette, each with its own line style too
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7", "#0072B2"]
LINES = ["-", "--", "-.", ":", (0, (6, 2)), (0, (3, 1, 1, 1, 1, 1))]
styles = [{"lw": 3.5, "color": "0.75"}, {"ls": "--", "color": "k"}] + [
    {"color": color, "ls": ls} for color, ls in zip(OKABE_ITO, LINES, strict=True)
]
fig, ((ax_f, ax_df), (ax_tail, ax_key)) = plt.subplots(
    2, 2, figsize=(7, 6.4), layout="constrained"
)
for (name, (f, df)), style in zip(FAMILY.items(), styles, strict=True):
    ax_f.plot(x, f(x), label=name, **style)
    ax_df.plot(x, df(x), **style)
    with np.errstate(divide="ignore"):
        ax_tail.plot(x_tail, 1 - f(x_tail), **style)
ax_f.set(xlabel="x", ylabel="f(x)", title="f(0) = 1/2, f'(0) = 1/4")
ax_df.set(
    xlabel="x", ylabel="f'(x)", title="Their derivatives", yticks=[0, 1 / 8, 1 / 4]
)
ax_tail.set(xscale="log", yscale="log", ylim=(1e-12, 1), xlabel="x", ylabel="1 - f(x)")
ax_tail.set_title("How fast each approaches 1")
for ax in (ax_f, ax_df, ax_tail):
    ax.grid(alpha=0.3)
ax_key.axis("off")
ax_key.legend(*ax_f.get_legend_handles_labels(), loc="center")
# Alt text: Eight S-shaped curves scaled to pass through 1/2 with slope 1/4 at 0, in
# three panels and a legend: they agree near 0, their derivatives are bells of different
# widths, and on log-log axes 1 − f(x) shows erf approaching 1 fastest, the logistic,
# tanh and Gudermannian exponentially, and arctan, softsign and x/√(1 + x²) slowly, as
# powers.
plt.show()

# %%
# Scaled like this, :math:`(1 + \tanh(x/2))/2` *is* the logistic function,
# since :math:`\sigma(x) = (1 + \tanh(x/2))/2` exactly: the dashed black
# curve runs inside the grey one, and the printed largest difference is a
# rounding error. Near zero all the curves agree to first order by
# construction; they differ in the tails, which the log-log panel shows
# as :math:`1 - f(x)` (down to :math:`10^{-12}`: computed as a difference from
# 1, it is only good to about :math:`10^{-16}`):
#
# * erf approaches 1 fastest, like :math:`e^{-\pi x^2/16}`;
# * the logistic (and tanh) and the Gudermannian approach it exponentially,
#   like :math:`e^{-x}` and :math:`e^{-\pi x/4}`;
# * :math:`x/\sqrt{1 + x^2}` approaches it like :math:`1/x^2`, a straight line
#   of slope -2 on the log-log axes, and arctan and softsign like
#   :math:`1/x`, slope -1: their tails are heavy, so they need a far larger
#   input than the logistic to become :ref:`saturated <saturated>` (within
#   1% of 1), as the first column below shows;
# * the hard sigmoid reaches 1 exactly at :math:`x = 2` and stays there (a
#   log axis cannot show the 0 beyond), and its derivative is 0 there too.

grid = np.linspace(0, 200, 200_001)
print(f"{'':20s} {'f(x) > 0.99 from x =':>21s}", "width where f' > 1/8".rjust(25))
for name, (f, df) in FAMILY.items():
    saturated_from = grid[np.argmax(f(grid) > 0.99)]
    half_width = grid[np.argmax(df(grid) < 1 / 8)]
    print(f"{name:20s} {saturated_from:21.2f} {2 * half_width:25.2f}")

# %%
# The derivatives show the same thing from the other side. Every bell has
# the same height, :math:`f'(0) = 1/4`, and the same area, 1 (the rise of
# :math:`f`), so a heavy tail is paid for in the middle: in the table, the
# later a curve comes within 1% of 1, the narrower its bell at half its
# height, where :math:`f' > 1/8`.
