r"""
The Taylor series
=================

Near 0 the sigmoid is a polynomial, :math:`\sigma(x) = \tfrac12 + \tfrac{x}{4} -
\tfrac{x^3}{48} + \tfrac{x^5}{480} - \dotsb`, but only near 0: the partial sums
of this series close in on :math:`\sigma` for :math:`|x| < \pi` and run away
from it beyond, however many terms they take.
"""

# %%
# The coefficients from :math:`\sigma' = \sigma(1 - \sigma)`
# -----------------------------------------------------------
#
# Write :math:`\sigma(x) = \sum_n a_n x^n`. Then
# :math:`\sigma'(x) = \sum_n (n + 1)\,a_{n+1} x^n`, and the coefficient of
# :math:`x^n` in :math:`\sigma - \sigma^2` is :math:`a_n` minus that of the
# square. Matching the two sides of :math:`\sigma' = \sigma - \sigma^2`
# power by power gives each coefficient from the ones before it:
#
# .. math::
#
#    (n + 1)\,a_{n+1} &= a_n - \sum_{k=0}^{n} a_k\,a_{n-k}, \\
#    a_0 &= \sigma(0) = \tfrac12.
#
# Python's ``Fraction`` keeps every coefficient exact:

from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid

coefficients = [Fraction(1, 2)]
for n in range(41):
    square = sum(coefficients[k] * coefficients[n - k] for k in range(n + 1))
    coefficients.append((coefficients[n] - square) / (n + 1))
print("a_0 to a_9:", ", ".join(str(a) for a in coefficients[:10]))


def partial_sum(x, degree):
    return sum(float(a) * x**n for n, a in enumerate(coefficients[: degree + 1]))


x = np.linspace(-6, 6, 601)
fig, ax = plt.subplots(layout="constrained")
ax.plot(x, sigmoid(x), color="#307EC7", linewidth=4, label=r"$\sigma(x)$")
styles = {3: ("#E69F00", ":"), 7: ("#009E73", "-."), 15: ("#D55E00", "--")}
for degree, (color, linestyle) in styles.items():
    ax.plot(
        x,
        partial_sum(x, degree),
        color=color,
        linestyle=linestyle,
        linewidth=2,
        label=f"degree {degree}",
    )
ax.axvspan(-6, -np.pi, color="gray", alpha=0.15)
ax.axvspan(np.pi, 6, color="gray", alpha=0.15, label=r"$|x| > \pi$")
ax.set_xticks(
    [-6, -np.pi, 0, np.pi, 6], labels=["$-6$", r"$-\pi$", "$0$", r"$\pi$", "$6$"]
)
ax.set(xlim=(-6, 6), ylim=(-0.5, 1.5), xlabel="x", ylabel="value")
ax.set_title("Partial sums of the Taylor series of the sigmoid")
ax.grid(alpha=0.3)
fig.legend(loc="outside lower center", ncols=3)
# Alt text: The sigmoid (thick solid blue) and the partial sums of its Taylor series of
# degree 3 (dotted), 7 (dash-dotted) and 15 (dashed) from x = −6 to 6, with the regions
# |x| > π shaded: inside the unshaded band the higher the degree, the closer the
# polynomial follows the S curve; beyond ±π every partial sum turns away from it, the
# degree-15 one soonest and most steeply.
plt.show()

# %%
# Inside and outside :math:`|x| < \pi`
# -------------------------------------
#
# Only the odd powers appear after :math:`a_0`, since :math:`\sigma(x) - 1/2`
# is an odd function. Inside the unshaded band each added term brings the
# partial sum closer to :math:`\sigma`; outside it each pulls it further away.
# The error of the partial sums at :math:`x = 2` and at :math:`x = 4` shows it:

for degree in (5, 11, 21, 41):
    inside = abs(partial_sum(2.0, degree) - sigmoid(2.0))
    outside = abs(partial_sum(4.0, degree) - sigmoid(4.0))
    print(f"degree {degree:2}: error {inside:.1e} at x = 2, {outside:.1e} at x = 4")

# %%
# Why :math:`\pi`
# ---------------
#
# On the real line nothing happens at :math:`\pm\pi`: the sigmoid is smooth
# everywhere. The reason lies off the line. Allow :math:`x` to be a complex
# number :math:`z`: then :math:`1 + e^{-z} = 0` where :math:`e^{-z} = -1`, at
# :math:`z = \pm i\pi, \pm 3i\pi, \dots`, and there :math:`\sigma` has poles
# (it divides by zero). A power series about 0 converges inside the largest
# disc around 0 that holds no such point, and the nearest, :math:`\pm i\pi`,
# are at distance :math:`\pi`. The coefficients know it: the ratio
# :math:`|a_{n-2}/a_n|` of two successive odd coefficients tends to
# :math:`\pi^2`, as the ratio test says it must for a radius of :math:`\pi`:

ratio = float(abs(coefficients[39] / coefficients[41]))
print(f"sqrt(|a_39 / a_41|) = {ratio**0.5:.12f}, pi = {np.pi:.12f}")

# %%
# Exercises
# ---------
#
# 1. The :math:`n`-th derivative at 0 is :math:`n!\,a_n`. Use it to find
#    :math:`\sigma'(0)` and the third derivative :math:`\sigma'''(0)`, and
#    check them against the package's ``sigmoid_derivative``.
#
#    .. dropdown:: Solution
#
#       :math:`\sigma'(0) = 1! \cdot \tfrac14 = \tfrac14` and
#       :math:`\sigma'''(0) = 3! \cdot (-\tfrac1{48}) = -\tfrac18`.
#
#       .. code-block:: python
#
#          from math import factorial
#
#          from sigmoid import sigmoid_derivative
#
#          a1, a3 = 1 / 4, -1 / 48
#          print(factorial(1) * a1, sigmoid_derivative(0.0))
#          print(factorial(3) * a3, sigmoid_derivative(0.0, order=3))
#          assert factorial(3) * a3 == sigmoid_derivative(0.0, order=3)
#
# 2. At :math:`x = 3.5`, just outside the band, print the size of the terms
#    :math:`|a_n x^n|` for odd :math:`n`. By what factor does each grow?
#
#    .. dropdown:: Solution
#
#       By about :math:`(3.5/\pi)^2 \approx 1.24` per step, the ratio of
#       :math:`x^2` to :math:`\pi^2`: the terms grow without end, so their sum
#       cannot settle.
#
#       This solution continues the script: it uses its ``coefficients``.
#
#       .. code-block:: python
#
#          terms = [abs(float(a)) * 3.5**n for n, a in enumerate(coefficients)]
#          odd_terms = terms[1::2]  # the even coefficients after a_0 are 0
#          print(np.round(odd_terms, 3))
#          print("growth per step:", odd_terms[-1] / odd_terms[-2])
#          print("(3.5 / pi)^2 =", (3.5 / np.pi) ** 2)
