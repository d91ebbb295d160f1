r"""
The sigmoid's derivative
========================

The slope of the sigmoid, :math:`\sigma'(x) = \sigma(x)\,(1 - \sigma(x))`, is a bell-shaped curve
whose largest value, 1/4, is reached at x = 0.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid_derivative

x = np.linspace(-10, 10, 1001)
dy = sigmoid_derivative(x)

fig, ax = plt.subplots()
ax.plot(x, dy, color="tab:orange", label=r"$\sigma'(x) = \sigma(x)\,(1 - \sigma(x))$")
ax.plot(0, 0.25, "o", color="black", zorder=3)
ax.annotate(
    "maximum 1/4 at x = 0",
    xy=(0, 0.25),
    xytext=(2.5, 0.21),
    arrowprops={"arrowstyle": "->", "color": "black"},
)
ax.set_title("Derivative of the sigmoid")
ax.set_xlabel("x")
ax.set_ylabel(r"$\sigma'(x)$")
ax.set_ylim(-0.01, 0.28)
ax.grid(True)
ax.legend(loc="upper left")
# Alt text: The derivative σ′(x) from x = −10 to 10: a symmetric bell-shaped curve whose
# peak, 1/4 at x = 0, is marked, falling to almost 0 beyond x = ±5.
plt.show()

# %%
# What the code does
# ------------------
#
# * ``np.linspace(-10, 10, 1001)`` makes 1001 evenly spaced points from -10 to
#   10, and ``sigmoid_derivative(x)`` evaluates :math:`\sigma'` at each of them
#   (``order=1`` is the default; ``order=2`` and ``order=3`` give the higher
#   derivatives).
# * ``color="tab:orange"`` picks Matplotlib's standard orange.
# * ``ax.plot(0, 0.25, "o")`` draws a single round marker at the maximum, and
#   ``ax.annotate`` writes a label at ``xytext`` with an arrow pointing at
#   ``xy``.
# * ``ax.set_ylim`` leaves a little room above the peak so the marker is not
#   cut by the frame.
#
# Where the maximum is
# --------------------
#
# Setting the second derivative :math:`\sigma'' = \sigma'\,(1 - 2\sigma)` to
# zero gives :math:`\sigma = 1/2`, that is :math:`x = 0`, where
# :math:`\sigma' = \tfrac12 \cdot \tfrac12 = \tfrac14`. The sampled curve
# agrees, and five units away from the centre the slope has fallen to under
# 3% of its peak:

peak = np.argmax(dy)
print(f"largest sampled sigma'(x) = {dy[peak]} at x = {x[peak]}")
print(
    f"sigma'(-5) = {sigmoid_derivative(-5.0):.5f}, sigma'(5) = {sigmoid_derivative(5.0):.5f}"
)
print(f"sigma'(5) / sigma'(0) = {sigmoid_derivative(5.0) / dy[peak]:.2%}")
