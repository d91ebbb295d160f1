r"""
Checking the derivative numerically
===================================

A central difference :math:`(\sigma(x + h) - \sigma(x - h)) / (2h)` tends to
:math:`\sigma'(x)` as the step :math:`h` shrinks, but in floating point only
down to a point, below which rounding error takes over. This example compares
it with :func:`sigmoid.sigmoid_derivative` over a grid, for steps from
:math:`10^{-12}` to :math:`10^{-1}`.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid, sigmoid_derivative

x = np.linspace(-8, 8, 1601)
exact = sigmoid_derivative(x)
eps = np.finfo(np.float64).eps


def largest_error(h):
    central = (sigmoid(x + h) - sigmoid(x - h)) / (2 * h)
    return np.max(np.abs(central - exact))


print(f"{'h':>7} {'largest error':>14} {'h^2/48':>9} {'eps/h':>9}")
for h in (1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12):
    print(f"{h:7.0e} {largest_error(h):14.1e} {h**2 / 48:9.1e} {eps / h:9.1e}")

# %%
# Two errors pull in opposite directions. Taylor's theorem gives the
# *truncation* error: the central difference equals
# :math:`\sigma'(x) + \frac{h^2}{6}\sigma'''(\xi)` for some :math:`\xi` within
# :math:`h` of :math:`x`, and :math:`|\sigma'''| \le 1/8`, so it is at most
# :math:`h^2/48`. Then the *rounding* error: :math:`x \pm h` and
# :math:`\sigma(x \pm h)` each carry a rounding error of the order of
# :math:`\varepsilon = 2^{-52}`, and dividing the difference by :math:`2h`
# magnifies it to the order of :math:`\varepsilon/h`. The table shows the
# largest error following :math:`h^2/48` for large steps and staying below
# :math:`\varepsilon/h` for small ones. Their sum is smallest at
# :math:`h = (24\varepsilon)^{1/3}`; the rule of thumb
# :math:`h \approx \varepsilon^{1/3}` drops the constants.

steps = np.geomspace(1e-12, 1e-1, 67)
errors = np.array([largest_error(h) for h in steps])
best = steps[np.argmin(errors)]
third = sigmoid_derivative(x, order=3)
print(f"largest |sigma'''| on the grid: {np.max(np.abs(third))}")
print(f"eps^(1/3) = {np.cbrt(eps):.1e}, (24 eps)^(1/3) = {np.cbrt(24 * eps):.1e}")
print(f"best h measured: {best:.1e}, largest error there {errors.min():.1e}")
print(f"best h / eps^(1/3) = {best / np.cbrt(eps):.1f}")
print(f"at h = eps^(1/3): largest error {largest_error(np.cbrt(eps)):.1e}")
bound = 4 * np.spacing(0.25)  # 4 ULP of the largest value, sigma'(0) = 1/4
print(f"error bound of sigmoid_derivative, 4 ULP of 1/4: {bound:.1e}")

fig, ax = plt.subplots()
ax.loglog(steps, errors, "o-", ms=3, label="measured")
ax.loglog(steps, steps**2 / 48, "--", label=r"truncation, $h^2/48$")
ax.loglog(steps, eps / steps, ":", label=r"rounding, $\varepsilon/h$")
ax.axvline(np.cbrt(eps), color="0.5", lw=0.8, label=r"$h = \varepsilon^{1/3}$")
ax.set(
    xlabel="step h",
    ylabel="largest |error| on [-8, 8]",
    ylim=(1e-13, 1e-2),
    title="Central difference against sigmoid_derivative",
)
ax.grid(alpha=0.3)
ax.legend()
# Alt text: The largest error of the central difference on [−8, 8] against the step h
# from 10⁻¹² to 10⁻¹, on log-log axes: for large steps it follows the dashed truncation
# line h²/48, of slope 2, and for small ones it stays just under the dotted rounding
# line ε/h, of slope −1. Between them is a valley whose lowest point, about 10⁻¹¹ near h
# = 1.5 × 10⁻⁵, lies just right of the grey line at h = ∛ε.
plt.show()

# %%
# On log-log axes the truncation error is a line of slope 2 and the rounding
# error a line of slope :math:`-1`; the measured error follows whichever is larger,
# and the valley between them is the best one can do. The smallest error,
# about :math:`10^{-11}` at :math:`h \approx 1.5 \times 10^{-5}`, is far above
# the error that :func:`~sigmoid.sigmoid_derivative`'s docstring allows it
# (4 ULP, at most :math:`2.2 \times 10^{-16}`): a finite difference confirms
# the derivative to within about :math:`10^{-11}` and no closer. To check it
# more closely, compare it with a high-precision reference such as mpmath's.
