r"""
The sigmoid function
====================

The logistic sigmoid, :math:`\sigma(x) = 1/(1 + e^{-x})`, squashes any real number
into the interval between 0 and 1, and equals 1/2 at x = 0.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid

x = np.linspace(-10, 10, 1001)
y = sigmoid(x)

fig, ax = plt.subplots()
ax.plot(x, y, label=r"$\sigma(x) = \dfrac{1}{1 + e^{-x}}$")
ax.set_title("Sigmoid function")
ax.set_xlabel("x")
ax.set_ylabel(r"$\sigma(x)$")
ax.grid(True)
ax.legend()
# Alt text: The sigmoid σ(x) from x = −10 to 10: an S-shaped curve rising from 0 through
# 1/2 at x = 0 to 1, nearly flat beyond x = ±5.
plt.show()

# %%
# What the code does
# ------------------
#
# * ``np.linspace(-10, 10, 1001)`` makes 1001 evenly spaced numbers from -10
#   to 10, both ends included, so neighbouring points are 0.02 apart. Matplotlib
#   joins the points with straight lines; at this spacing the curve looks
#   smooth.
# * ``sigmoid(x)`` works element-wise: it returns an array of the same shape
#   with :math:`\sigma` applied to every entry.
# * ``plt.subplots()`` creates a figure and one set of axes; ``ax.plot`` draws
#   the curve, and its ``label`` is the text that ``ax.legend()`` shows.
# * ``ax.set_title``, ``ax.set_xlabel`` and ``ax.set_ylabel`` name the figure
#   and its axes, and ``ax.grid(True)`` draws the grid lines.
#
# What the figure shows
# ---------------------
#
# The curve rises monotonically from 0 to 1 and is symmetric about the point
# :math:`(0, 1/2)`: :math:`\sigma(-x) = 1 - \sigma(x)`. By
# :math:`x = \pm 10` it is within :math:`5 \times 10^{-5}` of its limits, as
# the values at a few points show:

for value in [-10.0, -2.0, 0.0, 2.0, 10.0]:
    print(f"sigma({value:+5.1f}) = {sigmoid(value):.6f}")
