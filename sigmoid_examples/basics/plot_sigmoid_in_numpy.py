r"""
Start here: the sigmoid in NumPy
================================

The sigmoid :math:`\sigma(x) = 1/(1 + e^{-x})` is one line of NumPy. This
example writes that line the way most tutorials do, shows the warning it gives
for large negative :math:`x` and why, and ends with a version that never warns.
"""

import warnings

import matplotlib.pyplot as plt
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


x = np.linspace(-10, 10, 1001)

fig, ax = plt.subplots()
ax.plot(x, sigmoid(x), color="#307EC7", label=r"$\sigma(x) = \dfrac{1}{1 + e^{-x}}$")
ax.set(xlabel="x", ylabel=r"$\sigma(x)$", title="The sigmoid, written by hand")
ax.grid(alpha=0.3)
ax.legend()
# Alt text: The hand-written sigmoid from x = −10 to 10: an S-shaped curve rising from 0
# through 1/2 at x = 0 to 1, nearly flat beyond x = ±5.
plt.show()

# %%
# .. rubric:: What the code does
#
# * ``def sigmoid(x)`` writes the formula :math:`\sigma(x) = 1/(1 + e^{-x})`
#   as it stands: ``np.exp(-x)`` is :math:`e^{-x}`.
# * ``np.exp``, ``+`` and ``/`` are NumPy :term:`ufuncs <ufunc>`: they work
#   element by element, so the same function takes a single number or a whole
#   array and returns the same shape.
# * ``np.linspace(-10, 10, 1001)`` makes 1001 evenly spaced numbers from -10
#   to 10, and ``sigmoid(x)`` computes :math:`\sigma` at every one of them.
#
# Large negative inputs
# ---------------------
#
# On the plotted range the function works. Now call it at :math:`x = -1000`,
# recording any warning instead of letting it print:

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    result = sigmoid(-1000.0)

print("sigmoid(-1000.0) =", result)
for warning in caught:
    print(warning.category.__name__ + ": " + str(warning.message))

# %%
# ``warnings.catch_warnings(record=True)`` collects the block's warnings in
# ``caught`` (``"always"``: none skipped); the loop prints each one.
#
# The answer, 0.0, is right, but NumPy warned about an :term:`overflow`. To
# compute :math:`\sigma(-1000)` the function needs :math:`e^{1000}`, and that
# is larger than any :term:`float64`, the kind of
# :term:`floating-point number` NumPy uses by default:

largest = np.finfo(np.float64).max
print("largest float64:", largest)
print("np.exp(x) overflows for x above", np.log(largest))

# %%
# The largest float64 is about :math:`1.8 \times 10^{308}`, so :math:`e^x`
# overflows once :math:`x` is above :math:`\ln(1.8 \times 10^{308}) \approx
# 709.78`. NumPy then returns ``inf`` (infinity) and warns. The rest of the
# formula still works: :math:`1 + \infty = \infty` and :math:`1/\infty = 0`.
# That 0.0 happens to be right, since the true :math:`\sigma(-1000)` is
# about :math:`e^{-1000}`, far too small for any float64 to hold. So here the
# warning is only noise, but noise that stops a program run with warnings as
# errors. And in other ways of writing :math:`\sigma`, the overflow ends
# in :math:`\infty/\infty`, which is ``nan`` (:term:`NaN`, "not a number"),
# as the next section shows.
#
# ``np.where`` does not help on its own
# -------------------------------------
#
# A common fix is to write :math:`\sigma` two ways and use each only where
# its exponential cannot overflow: :math:`1/(1 + e^{-x})` for
# :math:`x \ge 0`, and :math:`e^x/(1 + e^x)` (the same function, top and
# bottom multiplied by :math:`e^x`) for :math:`x < 0`, choosing between them
# with ``np.where``:

x = np.array([-1000.0, 0.0, 1000.0])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    y = np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))

print("y =", y)
for number, warning in enumerate(caught, start=1):
    print(f"{number}. {warning.category.__name__}: {warning.message}")

# %%
# ``np.where(condition, a, b)`` takes the entry of ``a`` where the condition
# is true and the entry of ``b`` where it is false.
#
# The values are right, yet there are four warnings, not zero. ``np.where`` is
# an ordinary function: Python computes all three of its arguments, the
# condition and *both whole arrays*, before ``np.where`` starts choosing. So
# each formula runs on every :math:`x`, including the inputs it was meant to
# avoid. In the order printed: ``np.exp(-x)`` in the first formula overflows
# at :math:`x = -1000` (warning 1), the two ``np.exp(x)`` in the second
# overflow at :math:`x = 1000` (2 and 3), and the second then divides
# :math:`\infty` by :math:`\infty` there, which gives ``nan`` and the
# "invalid value" warning (4).
#
# The two arrays ``np.where`` was handed hold the ``nan`` it throws away
# (``np.errstate`` silences, for two lines, the warnings seen above):

with np.errstate(over="ignore", invalid="ignore"):
    print("1 / (1 + np.exp(-x))        =", 1 / (1 + np.exp(-x)))
    print("np.exp(x) / (1 + np.exp(x)) =", np.exp(x) / (1 + np.exp(x)))

# %%
# A form that never overflows
# ---------------------------
#
# The fix is to give ``np.exp`` a number that is never positive. With
# :math:`z = e^{-|x|}`, which is never more than 1, both formulas can be
# written in :math:`z`: for :math:`x \ge 0`, :math:`z = e^{-x}` and
# :math:`\sigma(x) = 1/(1 + z)`; for :math:`x < 0`, :math:`z = e^{x}` and
# :math:`\sigma(x) = z/(1 + z)`. Neither can overflow at any :math:`x`, so it
# no longer matters that ``np.where`` computes both.


def stable_sigmoid(x):
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))


x = np.linspace(-30, 30, 601)
difference = np.abs(stable_sigmoid(x) - sigmoid(x))
print("largest difference on [-30, 30]:", np.max(difference))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    print("at -1000, 0, 1000:", stable_sigmoid(np.array([-1000.0, 0.0, 1000.0])))
    print("at nan:", stable_sigmoid(np.nan))

# %%
# .. rubric:: What the code does
#
# * ``z = np.exp(-np.abs(x))`` is :math:`e^{-|x|}`, between 0 and 1, so both
#   arrays handed to ``np.where`` are safe to compute everywhere.
# * ``difference`` compares the two hand-written functions on 601 points
#   from -30 to 30: they differ only in the last digits, because the two
#   forms round differently.
# * ``warnings.simplefilter("error")`` turns every warning inside the block
#   into an error. The script ran on: ``stable_sigmoid`` gave 0.0, 0.5, 1.0
#   and ``nan`` for ``nan`` without a single warning.
#
# Or let a library do it
# ----------------------
#
# You do not have to write this yourself: ``scipy.special.expit`` and this
# package's ``sigmoid`` compute :math:`\sigma` without warnings, large inputs
# included; ``from sigmoid import sigmoid`` replaces everything above. Here it
# is imported as ``package_sigmoid``, next to the hand-written functions, and
# agrees with ``stable_sigmoid`` up to float64's rounding on 20001 points from
# -1000 to 1000, with every warning turned into an error:

from sigmoid import sigmoid as package_sigmoid

x = np.linspace(-1000, 1000, 20001)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    difference = np.abs(stable_sigmoid(x) - package_sigmoid(x))
print("largest difference from the package on [-1000, 1000]:", np.max(difference))

# %%
# Exercises
# ---------
#
# 1. From which :math:`x` does the hand-written ``sigmoid`` warn on a
#    :term:`float32` array?
#
#    .. dropdown:: Solution
#
#       ``np.exp(-x)`` overflows once :math:`-x` is above the logarithm of the
#       largest float32 (about :math:`3.4 \times 10^{38}`), which is 88.72.
#
#       .. code-block:: python
#
#          import numpy as np
#
#          limit = np.log(np.finfo(np.float32).max)
#          print("np.exp(-x) overflows in float32 for x below", -limit)
#          with np.errstate(over="raise"):
#              np.exp(np.float32(88.7))  # below the limit: does not raise
#
# 2. ``stable_sigmoid`` computes both ``1 / (1 + z)`` and ``z / (1 + z)`` at
#    every point. Write it with one division instead of two.
#
#    .. dropdown:: Solution
#
#       The numerator is 1 where :math:`x \ge 0` and :math:`z` elsewhere.
#
#       .. code-block:: python
#
#          import numpy as np
#
#          from sigmoid import sigmoid
#
#
#          def one_division_sigmoid(x):
#              z = np.exp(-np.abs(x))
#              return np.where(x >= 0, 1, z) / (1 + z)
#
#
#          x = np.linspace(-1000, 1000, 20001)
#          print(np.max(np.abs(one_division_sigmoid(x) - sigmoid(x))))
#          assert np.allclose(one_division_sigmoid(x), sigmoid(x))
