"""The PyTorch, JAX and scikit-learn snippets of the "What to use in practice" page.

Run by ``nox -s frameworks``, which installs CPU builds of the three; the
``tests`` session does not collect this folder. Each snippet is run as the
page shows it (``docs/snippets/practice_*.py``) and its results are checked
against mpmath or against the formula the page says it computes.
"""

from __future__ import annotations

import json
from pathlib import Path

import mpmath
import numpy as np
import pytest
from reference import mp_sigmoid, reference
from snippets import (
    LABELS,
    SCORES,
    SNIPPETS,
    mp_cross_entropy,
    mp_cross_entropy_terms,
    run_snippet,
    run_snippet_as_script,
)

# float32 is the default dtype of torch and JAX: a few ULPs of float32.
FLOAT32_RTOL = 1e-6


@pytest.fixture(scope="module")
def expected_loss() -> float:
    return mp_cross_entropy(SCORES, LABELS)


def test_torch_sigmoid_matches_mpmath() -> None:
    p = run_snippet("torch")["p"].numpy()
    expected = reference(mp_sigmoid, SCORES).astype(np.float32)
    np.testing.assert_allclose(p, expected, rtol=FLOAT32_RTOL, atol=0)


def test_torch_fused_loss_is_accurate_for_a_badly_wrong_score(
    expected_loss: float,
) -> None:
    loss = run_snippet("torch")["loss"].item()
    np.testing.assert_allclose(loss, expected_loss, rtol=FLOAT32_RTOL)


def test_torch_loss_of_probabilities_is_clamped_and_too_small() -> None:
    # BCELoss clamps each log at -100: the badly wrong score adds 100, not 1000.
    clamped = [min(term, 100) for term in mp_cross_entropy_terms(SCORES, LABELS)]
    loss_of_p = run_snippet("torch")["loss_of_p"].item()
    np.testing.assert_allclose(
        loss_of_p, float(mpmath.fsum(clamped) / len(SCORES)), rtol=FLOAT32_RTOL
    )
    assert loss_of_p < 21


def test_jax_sigmoid_and_loss_match_mpmath(expected_loss: float) -> None:
    namespace = run_snippet("jax")
    expected = reference(mp_sigmoid, SCORES).astype(np.float32)
    np.testing.assert_allclose(
        np.asarray(namespace["p"]), expected, rtol=FLOAT32_RTOL, atol=0
    )
    np.testing.assert_allclose(
        float(namespace["loss"]), expected_loss, rtol=FLOAT32_RTOL
    )


def test_jax_gradient_is_probability_minus_label() -> None:
    namespace = run_snippet("jax")
    expected = (reference(mp_sigmoid, SCORES) - np.array(LABELS)) / len(SCORES)
    np.testing.assert_allclose(
        np.asarray(namespace["gradient"]), expected, rtol=FLOAT32_RTOL, atol=1e-12
    )


def test_sklearn_probability_is_sigmoid_of_linear_score() -> None:
    namespace = run_snippet("sklearn")
    model, X = namespace["model"], namespace["X"]
    # The score written out from the fitted coefficients, not decision_function.
    score = X @ model.coef_[0] + model.intercept_[0]
    expected = np.array([float(mp_sigmoid(mpmath.mpf(s))) for s in score])
    np.testing.assert_allclose(namespace["p"], expected, rtol=1e-14)
    assert namespace["same"] is True


@pytest.mark.parametrize("name", ["torch", "jax", "sklearn"])
def test_snippet_runs_as_a_script_and_prints_its_result(
    name: str, tmp_path: Path
) -> None:
    result = run_snippet_as_script(name, tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert "nan" not in result.stdout


@pytest.mark.parametrize("name", ["torch", "jax", "sklearn"])
def test_recorded_output_is_what_the_snippet_prints(name: str, tmp_path: Path) -> None:
    # The page shows docs/snippets/recorded_output.json under each tab; a
    # snippet or a framework that now prints otherwise needs a new record:
    # nox -s frameworks -- --record
    record = json.loads((SNIPPETS / "recorded_output.json").read_text())
    result = run_snippet_as_script(name, tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout == record["outputs"][f"practice_{name}.py"]["stdout"]
