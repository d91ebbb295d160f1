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
ax.plot(
    x, y, color="#307EC7", linewidth=2, label=r"$\sigma(x) = \dfrac{1}{1 + e^{-x}}$"
)
ax.set(xlabel="x", ylabel=r"$\sigma(x)$", title="Sigmoid function")
ax.set_yticks([0, 0.5, 1])
ax.grid(alpha=0.3)
ax.legend()
# Alt text: The sigmoid σ(x) from x = −10 to 10: an S-shaped curve rising from 0 through
# 1/2 at x = 0 to 1, nearly flat beyond x = ±5.
plt.show()

# %%
# ``np.linspace(-10, 10, 1001)`` makes 1001 evenly spaced numbers from -10
# to 10, both ends included, so neighbouring points are 0.02 apart, close
# enough for the joined-up points to look like a smooth curve. The package's
# ``sigmoid`` works element-wise: it returns an array of the same shape with
# :math:`\sigma` applied to every entry, as a NumPy :term:`ufunc` does.
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

# %%
# Far from 0 the curve is almost flat. Where its value is within 0.01 of a
# limit, for :math:`|x| > \ln 99 \approx 4.6`, the sigmoid is called
# :term:`saturated`: its slope there is nearly 0, as the next examples show.
#
# Exercises
# ---------
#
# 1. Check the symmetry :math:`\sigma(-x) = 1 - \sigma(x)` on the figure's
#    1001 points.
#
#    .. dropdown:: Solution
#
#       .. code-block:: python
#
#          import numpy as np
#
#          from sigmoid import sigmoid
#
#          x = np.linspace(-10, 10, 1001)
#          difference = sigmoid(-x) - (1 - sigmoid(x))
#          print("largest difference:", np.max(np.abs(difference)))
#          assert np.allclose(difference, 0, atol=1e-15)
#
# 2. At which :math:`x` does :math:`\sigma(x) = 0.9`? Solve
#    :math:`1/(1 + e^{-x}) = 0.9` by hand, then check it.
#
#    .. dropdown:: Solution
#
#       :math:`1 + e^{-x} = 1/0.9` gives :math:`e^{-x} = 1/9`, so
#       :math:`x = \ln 9`. In general :math:`x = \ln\bigl(p/(1 - p)\bigr)`,
#       the :term:`logit` of :math:`p`.
#
#       .. code-block:: python
#
#          import numpy as np
#
#          from sigmoid import logit, sigmoid
#
#          print(np.log(9), sigmoid(np.log(9)), logit(0.9))
#          assert np.isclose(sigmoid(np.log(9)), 0.9)
#
# 3. Draw :math:`\sigma(kx)` for :math:`k = 1/2, 1, 2` on one figure, telling
#    the curves apart by line style as well as colour. What does :math:`k` do?
#
#    .. dropdown:: Solution
#
#       A larger :math:`k` makes the curve steeper at 0 (its slope there is
#       :math:`k/4`); every curve still passes through :math:`(0, 1/2)`.
#
#       .. code-block:: python
#
#          import matplotlib.pyplot as plt
#          import numpy as np
#
#          from sigmoid import sigmoid
#
#          x = np.linspace(-10, 10, 1001)
#          fig, ax = plt.subplots()
#          styles = {0.5: ":", 1: "-", 2: "--"}
#          colors = {0.5: "#E69F00", 1: "#307EC7", 2: "#009E73"}
#          for k, style in styles.items():
#              ax.plot(x, sigmoid(k * x), style, color=colors[k], label=f"k = {k}")
#          ax.set(xlabel="x", ylabel="value")
#          ax.grid(alpha=0.3)
#          ax.legend()
#          plt.show()
