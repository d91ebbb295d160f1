r"""
Numerical stability in ULPs
===========================

The textbook formulas for :math:`\sigma`, :math:`\sigma'` and :math:`\log\sigma`
overflow, cancel or return NaN long before the true values leave the range of
floating-point numbers. This example finds where, in float32 and float64, and
measures the error of each formula in ULPs against a 50-digit reference. It
also needs mpmath, for the reference: ``pip install mpmath``.
"""

import matplotlib.pyplot as plt
import mpmath
import numpy as np

from sigmoid import log_sigmoid, sigmoid, sigmoid_derivative

DTYPES = (np.float32, np.float64)


def naive_sigmoid(x):
    """The textbook formula 1 / (1 + exp(-x))."""
    return 1 / (1 + np.exp(-x))


def exp_ratio_sigmoid(x):
    """The same function written as exp(x) / (1 + exp(x)), with no branch."""
    e = np.exp(x)
    return e / (1 + e)


def tanh_sigmoid(x):
    """The identity sigma(x) = (1 + tanh(x / 2)) / 2."""
    return 0.5 * np.tanh(x / 2) + 0.5


def naive_derivative(x):
    """The textbook sigma * (1 - sigma)."""
    s = naive_sigmoid(x)
    return s * (1 - s)


def naive_log_sigmoid(x):
    """log(sigma(x)), taking the log of the textbook sigma."""
    return np.log(naive_sigmoid(x))


# %%
# Four formulas, one function
# ---------------------------
#
# :math:`\sigma(x) = 1/(1 + e^{-x}) = e^x/(1 + e^x) = (1 + \tanh(x/2))/2` are
# equal as real functions but not as floating-point programs, and neither are
# :math:`\sigma' = \sigma(1 - \sigma)` and :math:`\log\sigma = \log(\sigma)`.
# Each function above keeps the dtype of its input, so it runs entirely in
# float32 or entirely in float64.
#
# Where it breaks
# ---------------
#
# Each failure switches on at one input and stays on beyond it, so the exact
# threshold can be found by bisection over the floating-point numbers
# themselves: the bit patterns of positive floats are ordered like their
# values, so halving an interval of integers halves an interval of floats.


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


thresholds = {}
with np.errstate(all="ignore"):  # the overflows and NaNs are the point here
    for dtype in DTYPES:
        t = {
            # exp(-x) overflows to inf and 1/(1 + inf) is 0
            "overflow": -first_float(lambda a: np.isinf(np.exp(a)), 1, 1e3, dtype),
            # inf / inf
            "nan": first_float(lambda a: np.isnan(exp_ratio_sigmoid(a)), 1, 1e3, dtype),
            # sigma rounds to 1, so 1 - sigma is 0
            "collapse": first_float(lambda a: naive_derivative(a) == 0, 1, 1e3, dtype),
            # tanh(x/2) rounds to -1, so the sum is exactly 0
            "tanh": -first_float(lambda a: tanh_sigmoid(-a) == 0, 1, 1e3, dtype),
            # below this even the exact sigma rounds to 0 (package, correctly rounded)
            "underflow": -first_float(lambda a: sigmoid(-a) == 0, 1, 1e4, dtype),
        }
        thresholds[dtype] = t
        p = np.finfo(dtype).nmant + 1  # significand bits: 24 and 53
        print(f"{np.dtype(dtype).name}:")
        print(f"  exp(-x) overflows, 1/(1+exp(-x)) = 0   for x <= {t['overflow']:.4f}")
        print(
            f"    log of the largest float:                {np.log(np.finfo(dtype).max):.4f}"
        )
        print(f"  exp(x)/(1+exp(x)) is NaN                 for x >= {t['nan']:.4f}")
        print(
            f"  sigma*(1-sigma) is exactly 0             for x >= {t['collapse']:.4f}"
        )
        print(f"    {p}*ln(2), where exp(-x) <= 2**-{p}:      {p * np.log(2):.4f}")
        normal = -np.log(np.finfo(dtype).smallest_normal)
        print(f"    the true derivative is normal up to x = {normal:.4f}")
        print(f"  0.5*tanh(x/2)+0.5 is exactly 0           for x <= {t['tanh']:.4f}")
        print(
            f"  the true sigma rounds to 0               for x <= {t['underflow']:.4f}"
        )

# %%
# Each threshold has a reason that can be checked against the printed numbers:
#
# * :math:`e^{-x}` overflows once :math:`-x` exceeds the log of the largest
#   finite float, :math:`\log(3.4 \times 10^{38}) = 88.72` in float32 and
#   :math:`\log(1.8 \times 10^{308}) = 709.78` in float64. The naive
#   :math:`1/(1 + e^{-x})` then returns 0, although :math:`\sigma(x)
#   \approx e^x` is still a positive (subnormal) float down to -103.97 and
#   -745.13, where even the exact value rounds to 0.
# * :math:`e^x/(1 + e^x)` overflows at the mirror image, :math:`x > 88.72` or
#   :math:`709.78`, into :math:`\infty/\infty = \text{NaN}`.
# * :math:`1 + e^{-x}` rounds to 1 once :math:`e^{-x} \le 2^{-p}`, half the
#   spacing of floats just above 1, where :math:`p` is 24 (float32) or 53
#   (float64) bits. From :math:`x = p \ln 2` on, the naive :math:`\sigma` is
#   exactly 1 and :math:`\sigma(1 - \sigma)` exactly 0, although the true
#   derivative, about :math:`e^{-x}`, is a normal number up to
#   :math:`x = 87.34` or :math:`708.40`. The printed :math:`p \ln 2` matches
#   the bisection to every digit shown.
# * :math:`\tanh(x/2)` rounds to -1 for very negative :math:`x`, and
#   :math:`0.5 \cdot (-1) + 0.5 = 0`: every digit cancels. Long before that
#   the sum keeps only the few digits of :math:`1 + \tanh(x/2)` that survive
#   the cancellation.
#
# Error in ULPs
# -------------
#
# An error of one ULP (unit in the last place) is the spacing of floats at the
# true value, so 0.5 ULP is the best any rounded result can do. The reference
# values come from mpmath at 50 significant digits, evaluated at the very same
# float inputs. The derivative is referenced as :math:`e/(1 + e)^2` with
# :math:`e = e^{-|x|}`, which stays accurate at 50 digits where
# :math:`\sigma(1 - \sigma)` would cancel even there.

mpmath.mp.dps = 50


def exact_sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


def exact_derivative(x):
    e = mpmath.exp(-abs(x))
    return e / (1 + e) ** 2


def exact_log_sigmoid(x):
    return -mpmath.log1p(mpmath.exp(-x))


def ulp_error(computed, exact, dtype):
    """|computed - exact| in ULPs of the exact value (inf or NaN where computed is).

    ``exact`` is a pair of float64 arrays whose sum carries the reference value
    to about 30 digits, so the difference is accurate even when tiny.
    """
    hi, lo = exact
    diff = np.abs((computed.astype(np.float64) - hi) - lo)
    return diff / np.spacing(np.abs(hi.astype(dtype))).astype(np.float64)


def as_pair(values):
    """mpmath numbers as a float64 value plus a float64 correction."""
    hi = np.array([float(v) for v in values])
    lo = np.array([float(v - mpmath.mpf(h)) for v, h in zip(values, hi, strict=True)])
    return hi, lo


def describe(error):
    """Largest finite error, and how many results were NaN or infinite."""
    finite = np.isfinite(error)
    text = f"{error[finite].max():9.3g}"
    if not finite.all():
        text += f", and NaN or inf at {(~finite).sum()} of {error.size} points"
    return text


# The three zones of x in which the formulas break: the left tail, the middle
# and the right tail. Each zone is sampled evenly.
ZONES = {
    np.float32: ((-106.0, -84.0), (-25.0, 25.0), (84.0, 106.0)),
    np.float64: ((-760.0, -695.0), (-45.0, 45.0), (695.0, 760.0)),
}
x_of = {
    dtype: np.concatenate([np.linspace(lo, hi, 241) for lo, hi in zones]).astype(dtype)
    for dtype, zones in ZONES.items()
}
exact_of = {}
for dtype, x in x_of.items():
    mp_x = [mpmath.mpf(float(v)) for v in x]
    exact_of[dtype] = {
        "sigmoid": as_pair([exact_sigmoid(v) for v in mp_x]),
        "derivative": as_pair([exact_derivative(v) for v in mp_x]),
        "log-sigmoid": as_pair([exact_log_sigmoid(v) for v in mp_x]),
    }

TOP = {np.float32: 1e9, np.float64: 1e18}  # above every finite error
YTICKS = {np.float32: [0, 1, 1e4, 1e8], np.float64: [0, 1, 1e4, 1e8, 1e12, 1e16]}


def zoned_figure(title):
    """A figure with a row per dtype, each row cut into three zones of x."""
    fig, axes = plt.subplots(
        2,
        3,
        figsize=(7, 7.4),
        sharey="row",
        width_ratios=(1, 2, 1),
        layout="constrained",
    )
    fig.suptitle(title)
    for row, dtype in zip(axes, DTYPES, strict=True):
        for ax, (lo, hi), where in zip(
            row, ZONES[dtype], ("left tail", "middle", "right tail"), strict=True
        ):
            ax.set(xlim=(lo, hi), xlabel=f"x, {where}")
            ax.xaxis.set_major_locator(plt.MaxNLocator(3))
            ax.axhline(0.5, color="0.4", lw=0.8, ls=":")
        # Logarithmic above 0.01 ULP and linear below, so that an exact result,
        # an error of 0, can be shown.
        row[0].set_yscale("symlog", linthresh=1e-2, linscale=0.5)
        row[0].set_ylim(-3e-3, TOP[dtype])
        row[0].set_yticks(YTICKS[dtype])
        row[0].set_ylabel(f"{np.dtype(dtype).name}: error in ULPs")
    return fig, axes


def draw(row, x, error, **style):
    """Errors in every zone; a NaN or inf result, which has no error to draw,
    as a triangle on the top edge."""
    finite = np.isfinite(error)
    for ax in row:
        lo, hi = ax.get_xlim()
        off_scale = ~finite & (x >= lo) & (x <= hi)
        ax.scatter(x[finite], error[finite], s=5, **style)
        ax.scatter(
            x[off_scale][::16],
            np.ones(off_scale.sum())[::16],
            s=25,
            marker="^",
            color=style["color"],
            transform=ax.get_xaxis_transform(),
            clip_on=False,
        )


def legend(fig, axes, off_scale=False):
    """One legend for the figure: the formulas, the 0.5 ULP line, NaN or inf."""
    handles, labels = axes[0, 1].get_legend_handles_labels()
    handles.append(plt.Line2D([], [], color="0.4", lw=0.8, ls=":"))
    labels.append("0.5 ULP")
    if off_scale:
        handles.append(plt.Line2D([], [], color="0.4", marker="^", ms=3, ls=""))
        labels.append("NaN or inf, off the scale")
    fig.legend(handles, labels, loc="outside lower center", ncols=2, markerscale=2)


def mark(column, threshold, label, ha="center"):
    """A dashed line at a threshold in a column of axes, labelled above each."""
    for ax, dtype in zip(column, DTYPES, strict=True):
        value = thresholds[dtype][threshold]
        ax.axvline(value, color="0.25", lw=0.8, ls="--")
        ax.annotate(
            f"{label}\n{value:.2f}",
            (value, 1),
            xycoords=("data", "axes fraction"),
            xytext=(0, 8),
            textcoords="offset points",
            ha=ha,
            va="bottom",
        )


def shade_subnormal(column):
    """Where the true value is subnormal but the naive sigma is 0."""
    for ax, dtype in zip(column, DTYPES, strict=True):
        t = thresholds[dtype]
        ax.axvspan(t["underflow"], t["overflow"], color="C1", alpha=0.12, lw=0)


def compare(title, function, forms, middle=False):
    """Draw the error of each formula for ``function``, a row per dtype, and
    print the largest; ``middle`` adds the largest for |x| <= 10."""
    fig, axes = zoned_figure(title)
    for row, dtype in zip(axes, DTYPES, strict=True):
        x = x_of[dtype]
        print(f"{np.dtype(dtype).name}, {function}: largest error in ULPs")
        for label, (formula, color) in forms.items():
            with np.errstate(all="ignore"):
                error = ulp_error(formula(x), exact_of[dtype][function], dtype)
            if middle:
                print(f"  {label:23s} |x| <= 10: {error[np.abs(x) <= 10].max():8.3g}")
                print(f"  {'':23s} all x: {describe(error)}")
            else:
                print(f"  {label:34s} {describe(error)}")
            draw(row, x, error, color=color, label=label)
    return fig, axes


# %%
# The sigmoid itself
# ------------------
#
# Each figure below cuts the x axis into three zones with the same vertical
# scale: the left tail, the middle and the right tail, where the formulas
# break. The scale is logarithmic above 0.01 ULP and linear below, down to an
# exact result, an error of 0. A NaN or infinite result has no error to draw:
# a triangle on the top edge marks it.

SIGMOID_FORMS = {  # drawn in this order, so the package's points end on top
    "0.5*tanh(x/2)+0.5": (tanh_sigmoid, "C3"),
    "exp(x)/(1+exp(x))": (exp_ratio_sigmoid, "C2"),
    "1/(1+exp(-x))": (naive_sigmoid, "C1"),
    "sigmoid (this package)": (sigmoid, "C0"),
}

fig, axes = compare(
    "Error of four formulas for the sigmoid", "sigmoid", SIGMOID_FORMS, middle=True
)
shade_subnormal(axes[:, 0])
mark(axes[:, 0], "overflow", "exp(-x)\noverflows", "right")
mark(axes[:, 1], "tanh", "tanh form is 0", "left")
mark(axes[:, 2], "nan", "exp ratio\nis NaN", "left")
legend(fig, axes, off_scale=True)
# Alt text: Error in ULPs of four formulas for the sigmoid, in float32 and float64, in
# the left tail, the middle and the right tail of x: the package's stays below about 1
# ULP, and below 0.5 in float32; the naive formula returns 0 where the true value is a
# tiny positive number, the exp ratio NaN in the right tail (triangles), and the tanh
# form loses digits for negative x until it returns 0.
plt.show()

# %%
# In the shaded band the naive formula returns 0 where the true value is a
# positive subnormal number: the error is as large as the value itself, up to
# about :math:`2 \times 10^6` ULPs in float32 and :math:`10^{15}` in float64
# (the printed maxima). Left of the band even the exact
# :math:`\sigma(x)` rounds to 0, and the naive 0 is right again. The exp-ratio
# form is accurate on the left and NaN on the right: it is the mirror image,
# and a stable implementation uses each form on the side where it works. The
# tanh form loses digits on the whole negative half-axis, more the further
# out, until it returns 0.
#
# Inside :math:`|x| \le 10` the naive formula is off by one or two ULPs (the
# printed maxima), not catastrophically wrong: the rounding errors of ``exp``,
# the addition and the division add up. This package evaluates
# :math:`1/(1 + e^{-x})` in float64 for :math:`x \ge -709.78` and
# :math:`e^x` below (where :math:`1 + e^x` rounds to 1), and rounds a float32
# result once from a float64 value, recomputing exactly the rare ones that lie
# next to a rounding boundary. That keeps every float32 point under the dotted
# 0.5 ULP line: correctly rounded.
#
# The derivative
# --------------

DERIVATIVE_FORMS = {
    "sigma*(1-sigma)": (naive_derivative, "C1"),
    "sigmoid_derivative (this package)": (sigmoid_derivative, "C0"),
}

fig, axes = compare(
    r"Error of two formulas for $\sigma'$", "derivative", DERIVATIVE_FORMS
)
shade_subnormal(axes[:, 0])
mark(axes[:, 0], "overflow", "exp(-x)\noverflows", "right")
mark(axes[:, 1], "collapse", "sigma rounds to 1")
legend(fig, axes)
# Alt text: Error in ULPs of two formulas for σ′ in float32 and float64: the package's
# stays below about 1 ULP everywhere, while that of σ(1 − σ) grows exponentially for
# positive x, and it returns 0 instead of the tiny true value from where σ rounds to 1
# and in the far left tail.
plt.show()

# %%
# The textbook :math:`\sigma(1 - \sigma)` is accurate on the left of the middle
# zone, where :math:`\sigma` is small, but on the right it loses relative
# accuracy as fast as :math:`1 - \sigma` loses digits: the error grows like
# :math:`e^{x}` until, at :math:`x = p \ln 2`, it is exactly 0 and stays 0
# across the whole right tail, where the true value is about :math:`e^{-x}`.
# ``sigmoid_derivative`` computes :math:`1/(2 + 2\cosh x)`, which never
# subtracts, and :math:`e^{-|x|}` where :math:`\cosh x` overflows
# (:math:`|x| > 710.48`).
#
# The log-sigmoid
# ---------------

LOG_SIGMOID_FORMS = {
    "log(1/(1+exp(-x)))": (naive_log_sigmoid, "C1"),
    "log_sigmoid (this package)": (log_sigmoid, "C0"),
}

fig, axes = compare(
    r"Error of two formulas for $\log\sigma$", "log-sigmoid", LOG_SIGMOID_FORMS
)
mark(axes[:, 0], "overflow", "sigma is 0,\nlog is -inf", "right")
mark(axes[:, 1], "collapse", "sigma rounds to 1")
legend(fig, axes, off_scale=True)
# Alt text: Error in ULPs of two formulas for log σ in float32 and float64: the
# package's stays below about 1 ULP, while the log of the naive sigmoid returns
# −infinity in the left tail (triangles) and its error grows exponentially for positive
# x until it returns 0.
plt.show()

# %%
# The log of the naive sigmoid fails twice: it is 0 where :math:`\sigma` rounds
# to 1, although the true value is about :math:`-e^{-x}`, and :math:`-\infty`
# where the naive :math:`\sigma` is 0 (from the overflow of :math:`e^{-x}`
# on), although the true value is about :math:`x`.
# ``log_sigmoid`` computes :math:`\min(x, 0) - \log(1 + e^{-|x|})` (in
# float64 with a table around the nearest multiple of 1/8, see the page
# "How it is computed"; in float32 as :math:`-\operatorname{log1p}(e^{-x})`), so it never
# forms :math:`\sigma` at all. The same care is
# needed in a loss function: see the binary cross-entropy example in this
# section.
