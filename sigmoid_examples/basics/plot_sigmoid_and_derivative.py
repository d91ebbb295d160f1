r"""
Sigmoid and derivative together
===============================

Drawing the sigmoid and its derivative on one set of axes shows where the
sigmoid changes fastest: its slope peaks exactly where the curve crosses 1/2.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid, sigmoid_derivative

x = np.linspace(-8, 8, 801)

fig, ax = plt.subplots()
ax.plot(x, sigmoid(x), color="tab:blue", linewidth=2, label=r"$\sigma(x)$")
ax.plot(
    x, sigmoid_derivative(x), color="tab:orange", linewidth=2, label=r"$\sigma'(x)$"
)
ax.axvline(0, color="gray", linestyle="--", linewidth=1)
ax.plot([0, 0], [0.5, 0.25], "o", color="black", zorder=3)
ax.annotate(r"$\sigma(0) = 1/2$", xy=(0, 0.5), xytext=(0.6, 0.43))
ax.annotate(r"$\sigma'(0) = 1/4$", xy=(0, 0.25), xytext=(0.6, 0.27))
ax.set_title("Sigmoid and its derivative")
ax.set_xlabel("x")
ax.set_ylabel("Value")
ax.grid(True, alpha=0.4)
ax.legend(loc="upper left")
# Alt text: The sigmoid σ (blue) and its derivative σ′ (orange) from x = −8 to 8 on one
# pair of axes: on the dashed line x = 0 the S curve passes through 1/2 and the bell has
# its peak, 1/4.
plt.show()

# %%
# What the code does
# ------------------
#
# * ``np.linspace(-8, 8, 801)`` makes 801 evenly spaced points, 0.02 apart.
# * The two ``ax.plot`` calls draw :math:`\sigma` in blue and :math:`\sigma'`
#   in orange on the same axes; since both lie between 0 and 1 they share the
#   y axis, which is why its label is simply "Value".
# * ``ax.axvline(0, ...)`` draws a dashed vertical line at :math:`x = 0`, and
#   the ``"o"`` markers pick out the two curves' values there.
# * ``ax.grid(True, alpha=0.4)`` draws a faint grid (``alpha`` is the
#   opacity).
#
# What the overlay shows
# ----------------------
#
# The orange curve is the slope of the blue one. It is largest, 1/4, on the
# dashed line, where the blue curve passes through 1/2: the sigmoid is
# steepest at its midpoint. Moving away from zero in either direction the
# sigmoid flattens towards 0 or 1 and its slope falls towards 0. Because
# :math:`\sigma'(x) = \sigma(x)\,(1 - \sigma(x))`, the slope can be read off
# the blue curve: it is the product of the curve's height and the distance
# left to 1, largest when both equal 1/2.
#
# The two printed lines check this on the 801 points: the sampled
# :math:`\sigma'` is largest at :math:`x = 0`, where :math:`\sigma = 1/2`, and
# the package's ``sigmoid_derivative``, which uses another formula (see
# :doc:`/how_it_is_computed`), differs from the product
# :math:`\sigma(1 - \sigma)` by at most a few units in the last place of 1/4.

s = sigmoid(x)
steepest = x[np.argmax(sigmoid_derivative(x))]
print(f"steepest at x = {steepest}, where sigma = {sigmoid(steepest)}")
print(
    "max |sigma' - sigma (1 - sigma)| =",
    np.max(np.abs(sigmoid_derivative(x) - s * (1 - s))),
)
