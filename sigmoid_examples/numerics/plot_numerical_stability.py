r"""
Where the textbook formulas break
=================================

The textbook formulas for :math:`\sigma` and :math:`\sigma'` :term:`overflow`,
cancel or return :term:`NaN` long before the true values leave the range of
:term:`floating-point numbers <floating-point number>`. This example finds
exactly where, in :term:`float32` and :term:`float64`. The three examples
after it measure the error of each formula in :term:`ULPs <ULP>`.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid, sigmoid_derivative

# %%
# :math:`\sigma(x) = 1/(1 + e^{-x}) = e^x/(1 + e^x) = (1 + \tanh(x/2))/2` are
# equal as real functions but not as floating-point programs. Each failure
# switches on at one input and stays on beyond it, so the exact threshold can
# be found by bisection over the floats themselves: the bit patterns of
# positive floats are ordered like their values, so halving an interval of
# integers halves an interval of floats.


def first_float(broken, lo, hi, dtype):
    """Smallest float a in (lo, hi] of ``dtype`` with ``broken(a)`` true."""
    as_int = np.dtype(dtype).str.replace("f", "i")
    lo = np.array(lo, dtype).view(as_int).item()
    hi = np.array(hi, dtype).view(as_int).item()
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if broken(np.array(mid, as_int).view(dtype)):
            hi = mid
        else:
            lo = mid
    return float(np.array(hi, as_int).view(dtype))


def naive_sigmoid(x):
    return 1 / (1 + np.exp(-x))


BREAKS = {  # name: (what breaks, as a test of a > 0; the sign of the threshold)
    "overflow": (lambda a: np.isinf(np.exp(a)), -1),  # 1/(1 + inf) is 0
    "nan": (lambda a: np.isnan(np.exp(a) / (1 + np.exp(a))), 1),  # inf / inf
    "collapse": (lambda a: naive_sigmoid(a) * (1 - naive_sigmoid(a)) == 0, 1),
    "tanh": (lambda a: 0.5 * np.tanh(-a / 2) + 0.5 == 0, -1),  # every digit cancels
    "underflow": (lambda a: sigmoid(-a) == 0, -1),  # even the true sigma is 0
}
WORDS = {
    "overflow": "exp(-x) overflows, 1/(1+exp(-x)) = 0   for x <=",
    "nan": "exp(x)/(1+exp(x)) is NaN                 for x >=",
    "collapse": "sigma*(1-sigma) is exactly 0             for x >=",
    "tanh": "0.5*tanh(x/2)+0.5 is exactly 0           for x <=",
    "underflow": "the true sigma rounds to 0               for x <=",
}
thresholds = {}
with np.errstate(all="ignore"):  # the overflows and NaNs are the point here
    for dtype in (np.float32, np.float64):
        t = {
            name: sign * first_float(broken, 1, 1e4, dtype)
            for name, (broken, sign) in BREAKS.items()
        }
        thresholds[dtype] = t
        p = np.finfo(dtype).nmant + 1  # significand bits: 24 and 53
        print(f"{np.dtype(dtype).name}:")
        for name, words in WORDS.items():
            print(f"  {words} {t[name]:.4f}")
        print(f"  log of the largest float: {np.log(np.finfo(dtype).max):.4f}")
        print(f"  {p}*ln(2), where exp(-x) <= 2**-{p}: {p * np.log(2):.4f}")
        normal = -np.log(np.finfo(dtype).smallest_normal)
        print(f"  the true derivative is normal up to x = {normal:.4f}")

# %%
# Each threshold has a reason that can be checked against the printed numbers:
#
# * :math:`e^{-x}` overflows once :math:`-x` exceeds the log of the largest
#   finite float, :math:`\log(3.4 \times 10^{38}) = 88.72` in float32 and
#   :math:`\log(1.8 \times 10^{308}) = 709.78` in float64. The naive
#   :math:`1/(1 + e^{-x})` then returns 0, although :math:`\sigma(x)
#   \approx e^x` is still a positive (:term:`subnormal`) float down to -103.97 and
#   -745.13, where even the exact value rounds to 0 (:term:`underflow`).
# * :math:`e^x/(1 + e^x)` overflows at the mirror image, :math:`x > 88.72` or
#   :math:`709.78`, into :math:`\infty/\infty = \text{NaN}`.
# * :math:`1 + e^{-x}` rounds to 1 once :math:`e^{-x} \le 2^{-p}`, half the
#   spacing of floats just above 1, where :math:`p` is 24 (float32) or 53
#   (float64) bits. From :math:`x = p \ln 2` on (36.74 in float64), the naive
#   :math:`\sigma` is exactly 1 and :math:`\sigma(1 - \sigma)` exactly 0,
#   although the true derivative, about :math:`e^{-x}`, is a normal number up
#   to :math:`x = 87.34` or :math:`708.40`. The printed :math:`p \ln 2` matches
#   the bisection to every digit shown. The correctly rounded :math:`\sigma`
#   itself stays below 1 half a binade longer, up to :math:`(p + 1) \ln 2`,
#   37.43 in float64.
# * :math:`\tanh(x/2)` rounds to -1 for very negative :math:`x`, and
#   :math:`0.5 \cdot (-1) + 0.5 = 0`: every digit cancels. Long before that
#   the sum keeps only the few digits of :math:`1 + \tanh(x/2)` that survive
#   the cancellation.
#
# The figure shows two of these failures in float64, on log scales, where a
# result of 0 cannot be drawn: the curve simply stops.

t = thresholds[np.float64]
fig, (ax_tail, ax_slope) = plt.subplots(1, 2, figsize=(7, 3.6), layout="constrained")
x = np.linspace(-760, -690, 1401)
with np.errstate(over="ignore"):
    ax_tail.plot(x, naive_sigmoid(x), color="#E69F00", lw=3, label="1/(1+exp(-x))")
ax_tail.plot(x, sigmoid(x), color="#307EC7", label=r"$\sigma(x)$, the package")
ax_tail.axvspan(t["underflow"], t["overflow"], color="#E69F00", alpha=0.15, lw=0)
ax_tail.set(yscale="log", xlabel="x", ylabel="value", title="exp(-x) overflows")
ax_tail.set(xticks=[-745.13, -709.78], yticks=[1e-320, 1e-310, 1e-300])
x = np.linspace(30, 45, 1501)
s = naive_sigmoid(x)
ax_slope.plot(x, s * (1 - s), color="#E69F00", lw=3, label="s * (1 - s)")
ax_slope.plot(x, sigmoid_derivative(x), color="#9621E2", ls="--", label=r"$\sigma'(x)$")
ax_slope.set(yscale="log", xlabel="x", title="1 + exp(-x) rounds to 1")
ax_slope.set_xticks([30, 36.74, 45])
for ax, corner in ((ax_tail, "lower right"), (ax_slope, "upper right")):
    ax.grid(alpha=0.3)
    ax.legend(loc=corner)
# Alt text: Two float64 panels on log scales. Left, from x = −760 to −690: the
# package's σ(x) continues down to x = −745.13, while the textbook 1/(1 + exp(−x))
# stops at x = −709.78, where exp(−x) overflows and the formula returns 0; the band
# between is shaded. Right, from x = 30 to 45: the true σ′(x) keeps falling like
# exp(−x), while s * (1 − s) stops at x = 36.74, where it becomes exactly 0.
plt.show()

# %%
# In the shaded band the naive formula returns 0 where the true value is a
# positive subnormal number. The :ref:`next example
# <sphx_glr_auto_examples_numerics_plot_sigmoid_ulp.py>` measures what these
# failures cost, in ULPs, across the whole range.
