r"""
Centred axes
============

The textbook picture of the sigmoid and its derivative, with the axes drawn
through the origin instead of along the edges of the plot.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid, sigmoid_derivative

x = np.linspace(-6, 6, 601)

fig, ax = plt.subplots()
ax.spines[["left", "bottom"]].set_position(("data", 0))
ax.spines[["top", "right"]].set_visible(False)
ax.plot(x, sigmoid(x), color="#307EC7", linewidth=3, label=r"$\sigma(x)$")
ax.plot(
    x,
    sigmoid_derivative(x),
    color="#9621E2",
    linestyle="--",
    linewidth=3,
    label=r"$\sigma'(x)$",
)
ax.set_xticks([-6, -4, -2, 2, 4, 6])
ax.set_yticks([0.25, 0.5, 1], labels=["1/4", "1/2", "1"])
for label in ax.get_yticklabels():
    label.set_verticalalignment("bottom")
ax.set_ylim(-0.05, 1.3)
ax.set_xlabel("x", loc="right")
ax.grid(alpha=0.3)
ax.legend(loc="upper right")
ax.set_title("Sigmoid and derivative on centred axes")
# Alt text: The sigmoid (solid blue) and its derivative (dashed purple) from x = −6 to
# 6, with the axes crossing at the origin as in a textbook and y ticks at 1/4, 1/2 and
# 1: the S curve rises from 0 to 1 through 1/2, and the bell peaks at 1/4 at x = 0.
plt.show()

# %%
# The first line after ``plt.subplots()`` moves the left and bottom spines
# (the lines that frame the axes) to the data's zero, so they cross at the
# origin as in a textbook; the next hides the other two. The y ticks sit at
# the values the curves are known for: :math:`\sigma(0) = 1/2`, the peak
# :math:`\sigma'(0) = 1/4`, and the limit 1. Their labels sit just above the
# ticks, where no curve runs through them: the dashed curve peaks right
# beside the label 1/4, and below it.
#
# The derivative on this figure
# -----------------------------
#
# The dashed curve is the package's ``sigmoid_derivative``. The product
# ``s * (1 - s)`` of :doc:`plot_sigmoid_derivative` is cheap and right for
# moderate :math:`x` (on this figure's range the two agree to the last
# digits), and wrong in the far tail: it returns exactly 0 from
# :math:`x \approx 36.74`, where :math:`1 + e^{-x}` rounds to 1 in
# :term:`float64` and the true :math:`\sigma'(x)` is about
# :math:`10^{-16}`, and it loses relative accuracy well before. There use
# ``sigmoid_derivative``, or :math:`\sigma(x)\,\sigma(-x)`, which is the same
# function since :math:`1 - \sigma(x) = \sigma(-x)`:

s = sigmoid(x)
print(
    "largest difference on the figure:",
    np.max(np.abs(s * (1 - s) - sigmoid_derivative(x))),
)
print("sigmoid_derivative(40.0) =", sigmoid_derivative(40.0))
print("sigma(40.0) * sigma(-40.0) =", sigmoid(40.0) * sigmoid(-40.0))

# %%
# Exercises
# ---------
#
# 1. The tangent to :math:`\sigma` at the origin has slope :math:`\sigma'(0) = 1/4`:
#    it is the line :math:`y = 1/2 + x/4`. Add it to the figure, and find where
#    it reaches 0 and 1.
#
#    .. dropdown:: Solution
#
#       It reaches 0 at :math:`x = -2` and 1 at :math:`x = 2`: the tangent
#       climbs from 0 to 1 over a width of 4, the width over which the sigmoid
#       does most of its rising.
#
#       .. code-block:: python
#
#          import matplotlib.pyplot as plt
#          import numpy as np
#
#          from sigmoid import sigmoid
#
#          x = np.linspace(-6, 6, 601)
#          fig, ax = plt.subplots()
#          ax.spines[["left", "bottom"]].set_position(("data", 0))
#          ax.spines[["top", "right"]].set_visible(False)
#          ax.plot(x, sigmoid(x), color="#307EC7", label=r"$\sigma(x)$")
#          ax.plot(x, 0.5 + x / 4, ":", color="black", label="tangent at 0")
#          ax.set_ylim(-0.05, 1.3)
#          ax.grid(alpha=0.3)
#          ax.legend()
#          plt.show()
#          print("tangent is 0 at x =", -0.5 * 4, "and 1 at x =", 0.5 * 4)
#
# 2. The hyperbolic tangent :term:`tanh` is another S curve. Check
#    numerically that :math:`\sigma(x) = \bigl(1 + \tanh(x/2)\bigr)/2` on
#    the figure's range, and say what it means for the picture.
#
#    .. dropdown:: Solution
#
#       The sigmoid is the tanh curve halved in height, stretched
#       twice as wide, and lifted by 1/2: the same S shape, centred on
#       :math:`(0, 1/2)` instead of the origin.
#
#       .. code-block:: python
#
#          import numpy as np
#
#          from sigmoid import sigmoid
#
#          x = np.linspace(-6, 6, 601)
#          difference = sigmoid(x) - (1 + np.tanh(x / 2)) / 2
#          print("largest difference:", np.max(np.abs(difference)))
#          assert np.allclose(difference, 0, atol=1e-15)
