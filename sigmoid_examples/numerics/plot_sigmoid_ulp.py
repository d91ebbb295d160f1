r"""
The sigmoid's error in ULPs
===========================

Four formulas for :math:`\sigma`, measured against a 50-digit reference in
:term:`ULPs <ULP>`, in :term:`float32` and :term:`float64`, in the left tail,
the middle and the right tail of :math:`x`. This example also needs mpmath
(``pip install mpmath``): it computes the reference.
"""

import matplotlib.pyplot as plt
import mpmath
import numpy as np

from sigmoid import sigmoid

mpmath.mp.dps = 50

# %%
# An error of one ULP (unit in the last place) is the spacing of floats at the
# true value, so 0.5 ULP is the best any rounded result can do. The reference
# values come from mpmath at 50 significant digits, evaluated at the very same
# float inputs, and the difference is taken in mpmath too, so that it is exact
# even when tiny. Each formula keeps the dtype of its input, so it runs
# entirely in float32 or entirely in float64.

FORMS = {  # label: (formula, colour, marker); the package's points end on top
    "0.5*tanh(x/2)+0.5": (lambda x: 0.5 * np.tanh(x / 2) + 0.5, "#D55E00", "v"),
    "exp(x)/(1+exp(x))": (lambda x: np.exp(x) / (1 + np.exp(x)), "#009E73", "s"),
    "1/(1+exp(-x))": (lambda x: 1 / (1 + np.exp(-x)), "#E69F00", "D"),
    "sigmoid (this package)": (sigmoid, "#307EC7", "o"),
}
ZONES = {  # the left tail, the middle and the right tail, where formulas break
    np.float32: ((-106.0, -84.0), (-25.0, 25.0), (84.0, 106.0)),
    np.float64: ((-760.0, -695.0), (-45.0, 45.0), (695.0, 760.0)),
}
TOP = {np.float32: 1e9, np.float64: 1e18}  # above every finite error


def ulp_error(computed, exact, dtype):
    """|computed - exact| in ULPs of the exact value (inf or NaN where computed is)."""
    spacing = np.spacing(np.array([float(e) for e in exact], dtype=dtype))
    diff = [
        float(abs(mpmath.mpf(float(c)) - e))
        for c, e in zip(computed, exact, strict=True)
    ]
    return np.array(diff) / spacing.astype(np.float64)


fig, axes = plt.subplots(
    2, 3, figsize=(7, 7.4), sharey="row", width_ratios=(1, 2, 1), layout="constrained"
)
for row, (dtype, zones) in zip(axes, ZONES.items(), strict=True):
    name = np.dtype(dtype).name
    x = np.concatenate([np.linspace(lo, hi, 241) for lo, hi in zones]).astype(dtype)
    exact = [1 / (1 + mpmath.exp(-mpmath.mpf(float(v)))) for v in x]
    print(f"{name}, sigmoid: largest error in ULPs")
    for label, (formula, color, marker) in FORMS.items():
        with np.errstate(all="ignore"):  # the overflows are the point here
            error = ulp_error(formula(x), exact, dtype)
        finite = np.isfinite(error)
        print(f"  {label:23s} |x| <= 10: {error[np.abs(x) <= 10].max():8.3g}")
        text = f"{error[finite].max():9.3g}"
        if not finite.all():
            text += f", and NaN or inf at {(~finite).sum()} of {x.size} points"
        print(f"  {'':23s} all x: {text}")
        # a NaN or infinite result has no error: it is drawn on the top edge
        shown = np.where(finite, error, TOP[dtype])
        for ax in row:
            ax.plot(x, shown, marker, ms=2, ls="", color=color, label=label)
    for ax, (lo, hi), where in zip(
        row, zones, ("left tail", "middle", "right tail"), strict=True
    ):
        ax.set(xlim=(lo, hi), xlabel=f"x, {where}")
        ax.xaxis.set_major_locator(plt.MaxNLocator(3))
        ax.axhline(0.5, color="0.4", lw=0.8, ls=":")
        ax.grid(alpha=0.3)
    # logarithmic above 0.01 ULP and linear below, down to an exact result, 0
    row[0].set_yscale("symlog", linthresh=1e-2, linscale=0.5)
    row[0].set(ylim=(-3e-3, TOP[dtype] * 3), ylabel=f"{name}: error in ULPs")
    row[0].set_yticks([0, 0.5, 1, 1e4, 1e8] + [1e12, 1e16] * (dtype == np.float64))
handles, labels = axes[0, 1].get_legend_handles_labels()
fig.legend(handles, labels, loc="outside lower center", ncols=2, markerscale=4)
fig.suptitle("Error of four formulas for the sigmoid")
# Alt text: Error in ULPs of four formulas for the sigmoid, in float32 and float64, in
# the left tail, the middle and the right tail of x: the package's stays below about 1
# ULP, and below 0.5 in float32; the naive formula returns 0 where the true value is a
# tiny positive number, the exp ratio NaN in the right tail (points on the top edge),
# and the tanh form loses digits for negative x until it returns 0.
plt.show()

# %%
# In the left tail the naive formula returns 0 where the true value is a
# positive :term:`subnormal` number: the error is as large as the value
# itself, up to about :math:`2 \times 10^6` ULPs in float32 and
# :math:`10^{15}` in float64 (the printed maxima). Further left even the
# exact :math:`\sigma(x)` rounds to 0, and the naive 0 is right again. The
# exp-ratio form is accurate on the left and NaN on the right (the points on
# the top edge): it is the mirror image, and a stable implementation uses each
# form on the side where it works. The tanh form loses digits on the whole
# negative half-axis, more the further out, until it returns 0.
#
# Inside :math:`|x| \le 10` the naive formula is off by one or two ULPs (the
# printed maxima), not catastrophically wrong: the rounding errors of ``exp``,
# the addition and the division add up. This package evaluates
# :math:`1/(1 + e^{-x})` in float64 for :math:`x \ge -709.78` and
# :math:`e^x` below (where :math:`1 + e^x` rounds to 1), and rounds a float32
# result once from a float64 value, recomputing exactly the rare ones that lie
# next to a rounding boundary. That keeps every float32 point under the dotted
# 0.5 ULP line: :term:`correctly rounded`.
