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
ax.plot(x, sigmoid(x), color="#307EC7", linewidth=2, label=r"$\sigma(x)$")
ax.plot(x, sigmoid_derivative(x), "--", color="#9621E2", lw=2, label=r"$\sigma'(x)$")
ax.plot([0, 0], [0.5, 0.25], "o", color="black")
ax.annotate(r"$\sigma(0) = 1/2$", xy=(0, 0.5), xytext=(0.6, 0.43))
ax.annotate(r"$\sigma'(0) = 1/4$", xy=(0, 0.25), xytext=(0.6, 0.27))
ax.set(xlabel="x", ylabel="value", title="Sigmoid and its derivative")
ax.set_yticks([0, 0.25, 0.5, 0.75, 1])
ax.grid(alpha=0.3)
ax.legend(loc="upper left")
# Alt text: The sigmoid σ (solid blue) and its derivative σ′ (dashed purple) from x = −8
# to 8 on one pair of axes: at x = 0, marked by two dots, the S curve passes through 1/2
# and the bell has its peak, 1/4.
plt.show()

# %%
# Both curves lie between 0 and 1, so they share the y axis. The two dots
# mark their values at :math:`x = 0`.
#
# What the overlay shows
# ----------------------
#
# The dashed curve is the slope of the solid one. It is largest, 1/4, at
# :math:`x = 0`, where the solid curve passes through 1/2: the sigmoid is
# steepest at its midpoint. Moving away from zero in either direction the
# sigmoid flattens towards 0 or 1 and its slope falls towards 0. Because
# :math:`\sigma'(x) = \sigma(x)\,(1 - \sigma(x))`, the slope can be read off
# the solid curve: it is the product of the curve's height and the distance
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

# %%
# Exercises
# ---------
#
# 1. Check :math:`\sigma' = \sigma(1 - \sigma)` without the formula: estimate
#    the slope of the sampled sigmoid with ``np.gradient`` and compare.
#
#    .. dropdown:: Solution
#
#       ``np.gradient`` takes central differences between neighbouring
#       points; with a spacing of 0.02 they agree with :math:`\sigma'` to
#       about four decimal places.
#
#       .. code-block:: python
#
#          import numpy as np
#
#          from sigmoid import sigmoid, sigmoid_derivative
#
#          x = np.linspace(-8, 8, 801)
#          slope = np.gradient(sigmoid(x), x)
#          error = np.max(np.abs(slope[1:-1] - sigmoid_derivative(x[1:-1])))
#          print("largest difference:", error)
#          assert error < 1e-4
#
# 2. Plot the ratio :math:`\sigma'(x)/\sigma(x)`. Which function is it, and
#    what does it say about the two curves for large negative :math:`x`?
#
#    .. dropdown:: Solution
#
#       :math:`\sigma'/\sigma = 1 - \sigma(x) = \sigma(-x)`, the sigmoid
#       mirrored. It tends to 1 as :math:`x \to -\infty`: far to the left the
#       two curves are almost equal (both are about :math:`e^{x}`), and far to
#       the right the slope is a vanishing fraction of the value.
#
#       .. code-block:: python
#
#          import matplotlib.pyplot as plt
#          import numpy as np
#
#          from sigmoid import sigmoid, sigmoid_derivative
#
#          x = np.linspace(-8, 8, 801)
#          ratio = sigmoid_derivative(x) / sigmoid(x)
#          assert np.allclose(ratio, sigmoid(-x))
#          fig, ax = plt.subplots()
#          ax.plot(x, ratio, color="black", label=r"$\sigma'(x) / \sigma(x)$")
#          ax.set(xlabel="x", ylabel="ratio")
#          ax.grid(alpha=0.3)
#          ax.legend()
#          plt.show()
