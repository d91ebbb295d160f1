"""Point values against mpmath references typed in from a 50-digit run.

The tables were made with::

    import mpmath
    mpmath.mp.dps = 50
    for s in xs:
        x = mpmath.mpf(s); e = mpmath.exp(-abs(x))
        print((s, float(1/(1+mpmath.exp(-x))), float(e/(1+e)**2),
               float(-mpmath.log1p(mpmath.exp(-x)))))
    for s in ps:
        p = mpmath.mpf(float(s)); print((s, float(mpmath.log(p/(1-p)))))

Each float is the 50-digit value rounded once to float64, so a result within
the stated ULP bound of the exact value may differ from it by one or two ULP.
"""

from __future__ import annotations

import numpy as np
import pytest

from sigmoid import log_sigmoid, logit, sigmoid, sigmoid_derivative

SIGMOID_TABLE = [
    # (x, sigma(x), sigma'(x), log sigma(x))
    (-745, 5e-324, 5e-324, -745.0),
    (-720, 2.0322308024e-313, 2.0322308024e-313, -720.0),
    (-709.5, 7.38014831401258e-309, 7.38014831401258e-309, -709.5),
    (-40, 4.248354255291589e-18, 4.248354255291589e-18, -40.0),
    (-5, 0.0066928509242848554, 0.006648056670790155, -5.006715348489118),
    (-1, 0.2689414213699951, 0.19661193324148185, -1.3132616875182228),
    (-1e-10, 0.499999999975, 0.25, -0.6931471806099453),
    (0, 0.5, 0.25, -0.6931471805599453),
    (1e-10, 0.500000000025, 0.25, -0.6931471805099453),
    (1, 0.7310585786300049, 0.19661193324148185, -0.3132616875182228),
    (5, 0.9933071490757152, 0.006648056670790155, -0.006715348489118068),
    (20, 0.9999999979388464, 2.061153613941849e-09, -2.061153620314381e-09),
    (36.5, 0.9999999999999999, 1.4068617124461464e-16, -1.4068617124461467e-16),
    (40, 1.0, 4.248354255291589e-18, -4.248354255291589e-18),
    (700, 1.0, 9.85967654375977e-305, -9.85967654375977e-305),
]

LOGIT_TABLE = [
    (1e-300, -690.7755278982137),
    (1e-20, -46.051701859880914),
    (0.001, -6.906754778648554),
    (0.25, -1.0986122886681098),
    (0.3, -0.8472978603872037),
    (0.5, 0.0),
    (0.5000000001, 4.000000330961484e-10),
    (0.75, 1.0986122886681098),
    (0.9, 2.1972245773362196),
    (0.999999, 13.815509557935018),
    (0.9999999999999999, 36.7368005696771),
]

X, SIGMA, DSIGMA, LOGSIGMA = (
    np.array(c, dtype=np.float64) for c in zip(*SIGMOID_TABLE, strict=True)
)


def within_ulp(actual: np.ndarray, expected: np.ndarray, ulps: float) -> None:
    spacing = np.spacing(np.abs(expected))
    assert np.all(np.abs(actual - expected) <= ulps * spacing), (actual, expected)


def test_sigmoid_matches_mpmath_table() -> None:
    within_ulp(sigmoid(X), SIGMA, 3)


def test_sigmoid_derivative_matches_mpmath_table() -> None:
    within_ulp(sigmoid_derivative(X), DSIGMA, 4.5)


def test_log_sigmoid_matches_mpmath_table() -> None:
    within_ulp(log_sigmoid(X), LOGSIGMA, 2)


@pytest.mark.parametrize(("p", "expected"), LOGIT_TABLE)
def test_logit_matches_mpmath_table(p: float, expected: float) -> None:
    within_ulp(np.array([logit(p)]), np.array([expected]), 2)


def test_subnormal_results_are_not_flushed_to_zero() -> None:
    # The naive formula and scipy.special.expit return exactly 0 here.
    assert sigmoid(-720.0) > 0
    assert sigmoid_derivative(-720.0) > 0
    assert sigmoid(-745.0) == 5e-324
