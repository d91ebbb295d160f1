r"""
Centred axes
============

The textbook picture of the sigmoid and its derivative, with the axes drawn
through the origin instead of along the edges of the plot.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid, sigmoid_derivative


def sigmoid_and_derivative(x):
    """Return the sigmoid of ``x`` and its derivative, as a pair of arrays."""
    s = sigmoid(x)
    return s, sigmoid_derivative(x)


x = np.arange(-6, 6, 0.01)
s, ds = sigmoid_and_derivative(x)

fig, ax = plt.subplots(figsize=(7, 4))
ax.spines["left"].set_position("zero")
ax.spines["bottom"].set_position("zero")
ax.spines["right"].set_visible(False)
ax.spines["top"].set_visible(False)
ax.xaxis.set_ticks_position("bottom")
ax.yaxis.set_ticks_position("left")
ax.set_ylim(-0.05, 1.3)
ax.set_yticks([0.5, 1.0])

ax.plot(x, s, color="#307EC7", linewidth=3, label="sigmoid")
ax.plot(x, ds, color="#9621E2", linewidth=3, label="derivative")
ax.legend(loc="upper right", frameon=False)
ax.set_xlabel("x")
ax.set_title("Sigmoid and derivative on centred axes")
# Alt text: The sigmoid (blue) and its derivative (purple) from x = −6 to 6, with the
# axes crossing at the origin as in a textbook: the S curve rises from 0 to 1 through
# 0.5, and the bell peaks at 0.25 at x = 0.
plt.show()

# %%
# What the code does
# ------------------
#
# * ``sigmoid_and_derivative`` returns both curves from one call, so the
#   caller writes ``s, ds = sigmoid_and_derivative(x)``. It calls the
#   package's ``sigmoid_derivative``, which is accurate far into the tails,
#   rather than forming ``s * (1 - s)``, which is exactly 0 once ``s`` rounds
#   to 1.
# * ``np.arange(-6, 6, 0.01)`` makes the points -6, -5.99, ..., 5.99: like
#   Python's ``range``, it stops *before* the end value, so the array has
#   1200 entries.
# * ``plt.subplots(figsize=(7, 4))`` makes a figure 7 inches wide and 4 high.
# * Matplotlib draws a box of four *spines* around the axes.
#   ``set_position("zero")`` moves the left spine to :math:`x = 0` and the
#   bottom spine to :math:`y = 0`, so they cross at the origin like the axes
#   in a maths textbook; the right and top spines are hidden with
#   ``set_visible(False)``, and the ticks are kept only on the two remaining
#   spines.
# * ``ax.set_ylim(-0.05, 1.3)`` leaves empty space above the curves for the
#   legend. The y tick labels now sit in the middle of the plot, where the
#   curves would run through most of them, so ``ax.set_yticks([0.5, 1.0])``
#   keeps only two, which stay clear of both curves.
# * ``linewidth=3`` draws thick lines in the two hex colours, and
#   ``frameon=False`` removes the box around the legend.

print(f"{x.size} points from {x[0]} to {x[-1]:.2f}")
