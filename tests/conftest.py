"""Fixtures and settings shared by the tests."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import settings

# The property tests check values, not speed. Hypothesis's default 200 ms
# deadline per example fails them at random on a busy machine (developers
# share one, and CI may run beside other jobs), so there is none.
settings.register_profile("sigmoid", deadline=None)
settings.load_profile("sigmoid")


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(12345)
