"""The formulas, one function each, as ``_blocks.run`` applies them to a block.

Each reads the block's float64 input ``x`` and writes its float64 result
``y``, with ``t`` and ``u`` as scratch (see ``_blocks.Block``). The forms are
chosen so that no step overflows where the result does not, and no digits
cancel; the public functions' docstrings give the math and the measured
accuracy.
"""

from __future__ import annotations

import numpy as np

from ._blocks import Block
from ._rounding import GUARD, ZERO_BELOW


def sigmoid(b: Block) -> None:
    """y = 1 / (1 + exp(-x)); exp(x) where exp(-x) overflows.

    Each step is monotone, so the result is monotone in x. Below x = -709.78,
    where exp(-x) overflows, sigma(x) = e / (1 + e) with e = exp(x) < 2**-1022,
    and 1 + e rounds to 1, so sigma(x) is exp(x) to within a rounding.
    """
    x, y, t = b.x, b.y, b.t
    np.negative(x, out=t)
    np.exp(t, out=t)
    np.add(t, 1.0, out=t)
    np.divide(1.0, t, out=y)
    if b.watch.overflow:  # exp(-x) = inf, below x = -709.78: y = exp(x) there
        tail = np.isinf(t)
        y[tail] = np.exp(x[tail])


def derivative1(b: Block) -> None:
    """y = 1 / (2 + 2 cosh(x)); exp(-|x|) where cosh(x) overflows.

    sigma'(x) = e / (1 + e)**2 with e = exp(-|x|); dividing through by e gives
    1 / (1/e + 2 + e) = 1 / (2 + 2 cosh x): three passes, no cancellation.
    Beyond |x| = 710.47, where cosh overflows, sigma'(x) = e / (1 + e)**2
    with e < 2**-1024 rounds to e.
    """
    x, y, t = b.x, b.y, b.t
    np.cosh(x, out=t)
    np.add(t, 1.0, out=t)
    np.divide(0.5, t, out=y)
    if b.watch.overflow:  # cosh(x) = inf, beyond |x| = 710.47: y = exp(-|x|)
        tail = np.isinf(t)
        y[tail] = np.exp(-np.abs(x[tail]))


def derivative2(b: Block) -> None:
    """y = sigma'(x) tanh(-x / 2): two well-conditioned factors.

    -x is formed as 0 - x, which is +0 at both zeros, so sigma''(+-0) = +0;
    elsewhere the result has the sign of the true value, -0 included where
    that underflows (x > 745). Where cosh overflows in sigma'(x)
    (|x| > 710.47), tanh(-x / 2) is exactly -+1, so the product is
    -sign(x) exp(-|x|), to which sigma''(x) rounds.
    """
    x, y, t = b.x, b.y, b.t
    derivative1(b)  # y = sigma'(x)
    np.subtract(0.0, x, out=t)
    np.multiply(t, 0.5, out=t)
    np.tanh(t, out=t)
    np.multiply(y, t, out=y)


#: x0 = log(2 + sqrt 3), where sigma''' is 0, as a pair hi + lo of float64
#: numbers, and the roots a = exp(-x0) = 2 - sqrt 3 and b = 1/a = 2 + sqrt 3
#: of 1 - 4e + e**2 (mpmath at 50 digits).
X0_HI, X0_LO = 1.3169578969248168, -8.682250844852022e-17
A, B = 0.2679491924311227, 3.732050807568877


def derivative3(b: Block) -> None:
    """y = e (e - a)(e - b) / (1 + e)**4, e = exp(-|x|), a = 1/b = exp(-x0).

    sigma'''(x) = e (1 - 4e + e**2) / (1 + e)**4, and 1 - 4e + e**2 =
    (e - a)(e - b). The factor e - a, which vanishes at the zeros |x| = x0,
    is computed from x0 - |x|, exact near them (Sterbenz, and x0 as a pair),
    so no digits cancel there; e - b is at least 2.7 in magnitude. At x = 0
    the product is -2 exactly, and sigma'''(0) = -1/8. (1 + e)**2 is formed
    as 1 + e (2 + e), whose only rounding that matters is the last.
    """
    x, y, t, u = b.x, b.y, b.t, b.u
    np.abs(x, out=t)
    np.subtract(X0_HI, t, out=u)
    np.add(u, X0_LO, out=u)
    np.expm1(u, out=u)
    np.multiply(u, A, out=u)  # u = e - a
    np.negative(t, out=t)
    np.exp(t, out=t)  # t = e
    np.subtract(t, B, out=y)
    np.multiply(y, u, out=y)  # y = 1 - 4e + e**2
    np.multiply(y, t, out=y)
    np.add(t, 2.0, out=u)
    np.multiply(u, t, out=u)
    np.add(u, 1.0, out=u)  # u = 1 + e (2 + e) = (1 + e)**2, one rounding near 1
    np.multiply(u, u, out=u)
    np.divide(y, u, out=y)


#: The formula of each order of ``sigmoid_derivative``.
derivatives = {1: derivative1, 2: derivative2, 3: derivative3}


def generalized_logistic(b: Block) -> None:
    """y = L / (1 + exp(-z)) with z = k (x - x0); L e**z where exp(-z) overflows.

    The two roundings of z, a relative error of at most 2**-52, change the
    result by |z| sigma(-z) times that: up to 2|z| float64 ULPs for z < 0
    and under 1 ULP for z > 0, which widens the guard (up to ZERO_BELOW,
    past which every float32 result is 0 whatever L is). Below
    z = -709.78, L e**z is computed as (L e**(z/2)) e**(z/2) when |L| > 1, as
    e**z alone is subnormal below z = -708.4 while L e**z may not be.
    """
    maximum, steepness, midpoint = b.parameters
    x, y, z, t = b.x, b.y, b.t, b.u
    np.subtract(x, midpoint, out=z)
    big = None
    if b.watch.overflow:  # x - x0 beyond float64 (1e308 - -1e308): halve first
        big = np.isinf(z) & np.isfinite(x)
        z[big] = x[big] / 2 - np.broadcast_to(midpoint, z.shape)[big] / 2
    np.multiply(z, steepness, out=z)
    if big is not None:
        z[big] *= 2  # exact, or inf where k (x - x0) is
    if b.watch.invalid:  # k = 0 times x - x0 = +-inf: the curve is flat, f = L/2
        z[np.isnan(z) & ~np.isnan(x)] = 0.0
    lowest = -float(np.fmin.reduce(z, initial=0.0))
    b.guard = GUARD + 2 + int(2 * min(lowest, -ZERO_BELOW))
    np.negative(z, out=t)
    np.exp(t, out=t)
    np.add(t, 1.0, out=t)
    np.divide(maximum, t, out=y)
    if b.watch.overflow:  # exp(-z) = inf, below z = -709.78: y = L e**z there
        tail = np.isinf(t)
        zt, scale = z[tail], np.broadcast_to(maximum, y.shape)[tail]
        half = np.exp(zt / 2)
        y[tail] = np.where(np.abs(scale) > 1, scale * half * half, scale * np.exp(zt))


def log_sigmoid(b: Block) -> None:
    """y = -log1p(exp(-x)); x itself where exp(-x) overflows.

    Below x = -709.78, log sigma(x) = x - log1p(exp(x)) with exp(x) < 2**-1022,
    which rounds to x. (The float64 results come from ``_log_sigmoid_table``,
    which is more accurate; this form serves float16 and float32.)
    """
    x, y, t = b.x, b.y, b.t
    np.negative(x, out=t)
    np.exp(t, out=t)
    np.log1p(t, out=t)
    np.negative(t, out=y)
    if b.watch.overflow:  # exp(-x) = inf, below x = -709.78: y = x there
        tail = np.isinf(t)
        y[tail] = x[tail]


def logit(b: Block) -> None:
    """y = 2 atanh(2p - 1) for p >= 1/4, log(p / (1 - p)) below.

    For p in [1/4, 1] the argument 2p - 1 is exact (Sterbenz), so the only
    rounding is atanh's own; near p = 1/2, where log(p / (1 - p)) would lose
    every digit to cancellation, this is what keeps the result accurate. For
    p < 1/4 the quotient p / (1 - p) is below 1/3 and its rounding errors are
    damped by the logarithm.
    """
    p, y, t = b.x, b.y, b.t
    np.multiply(p, 2.0, out=t)
    np.subtract(t, 1.0, out=t)
    np.arctanh(t, out=t)
    np.multiply(t, 2.0, out=t)  # 2 atanh(2p - 1)
    np.subtract(1.0, p, out=y)
    np.divide(p, y, out=y)
    np.log(y, out=y)  # log(p / (1 - p))
    np.copyto(y, t, where=p >= 0.25)
