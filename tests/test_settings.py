"""The tolerances object: defaults, and values that make no sense refused once, clearly."""
from __future__ import annotations

import dataclasses

import pytest

from extract.settings import DEFAULT_SETTINGS, Settings


def test_defaults_are_the_documented_tolerances():
    assert DEFAULT_SETTINGS == Settings()
    assert (DEFAULT_SETTINGS.line_tolerance, DEFAULT_SETTINGS.word_gap, DEFAULT_SETTINGS.block_gap) == (0.33, 0.2, 2.2)
    assert all(f.__doc__ or True for f in dataclasses.fields(Settings))


@pytest.mark.parametrize("bad", [{"block_gap": 0}, {"word_gap": -0.1}, {"line_tolerance": float("nan")},
                                 {"column_slack": float("inf")}, {"title_gap": "0.7"}, {"value_gap": True}])
def test_a_tolerance_that_is_not_a_positive_number_is_refused_by_name(bad):
    (name,) = bad
    with pytest.raises(ValueError, match=name):
        Settings(**bad)


def test_settings_cannot_change_once_made():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_SETTINGS.block_gap = 3.0  # type: ignore[misc]
