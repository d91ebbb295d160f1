r"""
The sigmoid's derivative
========================

The slope of the sigmoid is a bell-shaped curve whose largest value, 1/4, is
reached at x = 0. This example derives it, computes it by hand as
``s * (1 - s)``, shows the one place where that fails, and then uses the
package's ``sigmoid_derivative``.
"""

# %%
# Deriving :math:`\sigma'`
# ------------------------
#
# Write :math:`\sigma(x) = (1 + e^{-x})^{-1}` and use the chain rule: the
# outer function :math:`u^{-1}` has derivative :math:`-u^{-2}`, and the inner
# one, :math:`u = 1 + e^{-x}`, has derivative :math:`-e^{-x}`. So
#
# .. math::
#
#    \sigma'(x) &= -\bigl(1 + e^{-x}\bigr)^{-2} \cdot \bigl(-e^{-x}\bigr) \\
#               &= \frac{e^{-x}}{(1 + e^{-x})^2} \\
#               &= \frac{1}{1 + e^{-x}} \cdot \frac{e^{-x}}{1 + e^{-x}}.
#
# The first factor is :math:`\sigma(x)`. The second is :math:`1 - \sigma(x)`,
# since adding and subtracting 1 on top gives
#
# .. math::
#
#    \frac{e^{-x}}{1 + e^{-x}} &= \frac{(1 + e^{-x}) - 1}{1 + e^{-x}} \\
#                              &= 1 - \frac{1}{1 + e^{-x}}.
#
# Together:
#
# .. math::
#
#    \sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr).
#
# The slope comes from the value itself: once ``s`` = :math:`\sigma(x)` is
# known, :math:`\sigma'(x)` is one multiplication away. Here is that, by hand:

import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(-10, 10, 1001)
s = 1 / (1 + np.exp(-x))
dy = s * (1 - s)

fig, ax = plt.subplots()
ax.plot(x, dy, "--", color="#9621E2", linewidth=2, label=r"$\sigma'(x)$")
ax.plot(0, 0.25, "o", color="black")
ax.annotate(r"$\sigma'(0) = 1/4$", xy=(0, 0.25), xytext=(2, 0.22))
ax.set(xlabel="x", ylabel="slope", title="Derivative of the sigmoid")
ax.set_yticks([0, 0.05, 0.1, 0.15, 0.2, 0.25])
ax.grid(alpha=0.3)
ax.legend(loc="upper left")
# Alt text: The derivative σ′(x), computed by hand as s(1 − s), from x = −10 to 10: a
# symmetric bell-shaped dashed curve whose peak, σ′(0) = 1/4, is marked with a dot,
# falling to almost 0 beyond x = ±5.
plt.show()

# %%
# Where the maximum is
# --------------------
#
# The derivative of :math:`\sigma'` is the *second derivative*,
# :math:`\sigma''`. The product rule on :math:`\sigma(1 - \sigma)` gives
#
# .. math::
#
#    \sigma'' &= \sigma'\,(1 - \sigma) - \sigma\,\sigma' \\
#             &= \sigma'\,(1 - 2\sigma).
#
# It is zero where :math:`\sigma = 1/2`, that is at :math:`x = 0`, where
# :math:`\sigma' = \tfrac12 \cdot \tfrac12 = \tfrac14`. The sampled curve
# agrees, and five units away from the centre the slope has fallen to under
# 3% of its peak:

peak = np.argmax(dy)
print(f"largest sampled sigma'(x) = {dy[peak]} at x = {x[peak]}")
s5 = 1 / (1 + np.exp(-5.0))
print(f"sigma'(5) / sigma'(0) = {s5 * (1 - s5) / dy[peak]:.2%}")

# %%
# Where ``s * (1 - s)`` fails
# ---------------------------
#
# In :term:`float64`, :math:`1 + e^{-x}` rounds to exactly 1 once
# :math:`e^{-x}` is at most half the gap between 1 and the next float64,
# :math:`2^{-53}`: from :math:`x = 53 \ln 2`, printed below. There ``s`` is
# exactly 1 and ``s * (1 - s)`` exactly 0, although the true
# :math:`\sigma'(x)` is about :math:`e^{-x}`, a small but perfectly
# representable number:

print(f"53 ln 2 = {53 * np.log(2):.4f}")
tail = np.array([20.0, 30.0, 36.7, 36.74, 40.0])
s = 1 / (1 + np.exp(-tail))
for value, by_hand in zip(tail, s * (1 - s), strict=True):
    print(f"x = {value:5}: s * (1 - s) = {by_hand:.4e}, e^-x = {np.exp(-value):.4e}")

# %%
# Before it returns 0, the product also loses digits: ``1 - s`` subtracts two
# numbers close to 1, so only the first few digits of :math:`1 - \sigma(x)`
# survive at :math:`x = 30`. So ``s * (1 - s)`` is cheap and right for
# moderate :math:`x`, and wrong in the far tail. The package's
# ``sigmoid_derivative`` uses another formula (see
# :doc:`/how_it_is_computed`) that stays accurate there, and so does
# :math:`\sigma(x)\,\sigma(-x)`, since :math:`1 - \sigma(x) = \sigma(-x)`:

from sigmoid import sigmoid, sigmoid_derivative

for value in tail:
    print(f"x = {value:5}: sigmoid_derivative = {sigmoid_derivative(value):.4e}")
product = sigmoid(tail) * sigmoid(-tail)
print("sigma(x) sigma(-x) the same:", np.allclose(product, sigmoid_derivative(tail)))

# %%
# Exercises
# ---------
#
# 1. Derive :math:`\sigma'` a second way, with the quotient rule on
#    :math:`e^x/(1 + e^x)`, and check it numerically against a central
#    difference :math:`(\sigma(x + h) - \sigma(x - h))/(2h)`.
#
#    .. dropdown:: Solution
#
#       The quotient rule gives
#
#       .. math::
#
#          \sigma' &= \frac{e^x (1 + e^x) - e^x e^x}{(1 + e^x)^2} \\
#                  &= \frac{e^x}{(1 + e^x)^2},
#
#       which is :math:`\sigma(x)\,\sigma(-x)`.
#
#       .. code-block:: python
#
#          import numpy as np
#
#          from sigmoid import sigmoid
#
#          x = np.linspace(-6, 6, 13)
#          h = 1e-5
#          central = (sigmoid(x + h) - sigmoid(x - h)) / (2 * h)
#          quotient = np.exp(x) / (1 + np.exp(x)) ** 2
#          print(np.max(np.abs(central - quotient)))
#          assert np.allclose(central, quotient, rtol=0, atol=1e-9)
#
# 2. Where does :math:`\sigma'` fall to half its peak? Solve
#    :math:`\sigma(1 - \sigma) = 1/8` for :math:`\sigma`, then turn
#    :math:`\sigma` back into :math:`x`.
#
#    .. dropdown:: Solution
#
#       :math:`\sigma^2 - \sigma + 1/8 = 0` gives
#       :math:`\sigma = (2 \pm \sqrt2)/4`, and then
#
#       .. math::
#
#          x &= \ln\frac{\sigma}{1 - \sigma} \\
#            &= \pm 2\ln(1 + \sqrt2).
#
#       .. code-block:: python
#
#          import numpy as np
#
#          from sigmoid import sigmoid_derivative
#
#          half = 2 * np.log(1 + np.sqrt(2))
#          print(half, sigmoid_derivative(half))
#          assert np.isclose(sigmoid_derivative(half), 1 / 8)
#
# 3. Find, by bisection, the smallest float64 :math:`x` at which the
#    hand-written ``s * (1 - s)`` returns exactly 0.
#
#    .. dropdown:: Solution
#
#       .. code-block:: python
#
#          import numpy as np
#
#
#          def by_hand(x):
#              s = 1 / (1 + np.exp(-x))
#              return s * (1 - s)
#
#
#          low, high = 30.0, 40.0  # by_hand(low) > 0, by_hand(high) == 0
#          while np.nextafter(low, high) < high:
#              middle = (low + high) / 2
#              if by_hand(middle) == 0:
#                  high = middle
#              else:
#                  low = middle
#          print(high, 53 * np.log(2))
#          assert by_hand(high) == 0 < by_hand(low)
