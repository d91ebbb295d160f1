r"""
The derivative and log-sigmoid in ULPs
======================================

:math:`\sigma' = \sigma(1 - \sigma)` and :math:`\log\sigma` are exact
identities, but built on a rounded :math:`\sigma` they inherit its rounding
and amplify it. This example measures both against a 50-digit reference, in
:term:`ULPs <ULP>`. It also needs mpmath (``pip install mpmath``).
"""

import matplotlib.pyplot as plt
import mpmath
import numpy as np

from sigmoid import log_sigmoid, sigmoid_derivative

mpmath.mp.dps = 50


def textbook_derivative(x):
    s = 1 / (1 + np.exp(-x))
    return s * (1 - s)


def textbook_log_sigmoid(x):
    return np.log(1 / (1 + np.exp(-x)))


# %%
# The derivative is referenced as :math:`e/(1 + e)^2` with
# :math:`e = e^{-|x|}`, which stays accurate at 50 digits where
# :math:`\sigma(1 - \sigma)` would cancel even there; the log-sigmoid as
# :math:`-\operatorname{log1p}(e^{-x})`.

FUNCTIONS = {  # name: (reference, textbook formula, the package's function)
    r"$\sigma'$": (
        lambda v: mpmath.exp(-abs(v)) / (1 + mpmath.exp(-abs(v))) ** 2,
        ("sigma*(1-sigma)", textbook_derivative),
        ("sigmoid_derivative", sigmoid_derivative),
    ),
    r"$\log\sigma$": (
        lambda v: -mpmath.log1p(mpmath.exp(-v)),
        ("log(1/(1+exp(-x)))", textbook_log_sigmoid),
        ("log_sigmoid", log_sigmoid),
    ),
}
SPANS = {np.float32: 110.0, np.float64: 760.0}

fig, axes = plt.subplots(2, 2, figsize=(7, 6.4), sharey="row", layout="constrained")
for row, (function, (reference, *forms)) in zip(axes, FUNCTIONS.items(), strict=True):
    for ax, (dtype, span) in zip(row, SPANS.items(), strict=True):
        x = np.linspace(-span, span, 1521).astype(dtype)
        exact = [reference(mpmath.mpf(float(v))) for v in x]
        ulp = np.spacing(np.abs(np.array([float(e) for e in exact], dtype)))
        for (label, formula), style in zip(forms, ("D", "o"), strict=True):
            with np.errstate(all="ignore"):  # the overflows are the point here
                values = formula(x)
            error = np.array(
                [
                    float(abs(mpmath.mpf(float(c)) - e))
                    for c, e in zip(values, exact, strict=True)
                ]
            ) / ulp.astype(np.float64)
            finite = np.isfinite(error)
            print(
                f"{np.dtype(dtype).name}, {label}: largest error "
                f"{error[finite].max():.3g} ULP, inf or NaN at {(~finite).sum()} points"
            )
            color = "#E69F00" if style == "D" else "#307EC7"
            ax.plot(
                x, np.where(finite, error, 1e20), style, ms=2, color=color, label=label
            )
        ax.set_yscale("symlog", linthresh=1e-2, linscale=0.5)
        ax.set(
            ylim=(-3e-3, 1e21), xlabel="x", title=f"{function}, {np.dtype(dtype).name}"
        )
        ax.set_yticks([0, 1, 1e5, 1e10, 1e15, 1e20])
        ax.grid(alpha=0.3)
    row[0].set_ylabel("error in ULPs")
    row[0].legend(loc="center", markerscale=4)
# Alt text: Error in ULPs of two formulas for σ′ (top) and two for log σ (bottom), in
# float32 and float64, across the whole range of x: the package's functions stay below
# about 1 ULP everywhere; σ(1 − σ) loses accuracy exponentially for positive x and then
# returns 0, and the log of the naive sigmoid does the same, and returns −infinity in
# the far left tail (points on the top edge).
plt.show()

# %%
# The textbook :math:`\sigma(1 - \sigma)` is accurate for negative
# :math:`x`, where :math:`\sigma` is small, but for positive :math:`x` it loses
# relative accuracy as fast as :math:`1 - \sigma` loses digits: the error
# grows like :math:`e^{x}` until, at :math:`x = p \ln 2` (36.74 in float64),
# it is exactly 0 and stays 0 across the whole right tail, where the true
# value is about :math:`e^{-x}`. ``sigmoid_derivative`` computes
# :math:`1/(2 + 2\cosh x)`, which never subtracts, and :math:`e^{-|x|}` where
# :math:`\cosh x` overflows (:math:`|x| > 710.48`).
#
# The log of the naive sigmoid fails twice: it is 0 where :math:`\sigma` rounds
# to 1, although the true value is about :math:`-e^{-x}`, and :math:`-\infty`
# where the naive :math:`\sigma` is 0 (from the overflow of :math:`e^{-x}`
# on; a point on the top edge), although the true value is about :math:`x`.
# ``log_sigmoid`` computes :math:`\min(x, 0) - \log(1 + e^{-|x|})` (in
# float64 with a table around the nearest multiple of 1/8, see the page
# "How it is computed"; in float32 as :math:`-\operatorname{log1p}(e^{-x})`),
# so it never forms :math:`\sigma` at all. The same care is needed in a
# :term:`loss` function: see the :ref:`binary cross-entropy example
# <sphx_glr_auto_examples_numerics_plot_log_sigmoid_cross_entropy.py>`.
