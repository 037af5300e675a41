"""Fixtures shared by the tests of the checks."""

from __future__ import annotations

import pytest

from tests.helpers_checks import connecticut_text


@pytest.fixture(params=["seed", "sample"])
def ct_form(request: pytest.FixtureRequest) -> str:
    """The Connecticut text, in each form present (tab-separated seed, layout sample)."""
    return connecticut_text(request.param)
