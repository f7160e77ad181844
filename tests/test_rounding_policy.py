"""The rounding policy of the consistency pass (README, 'Consistency checks')."""
from __future__ import annotations

import pytest

from extract.checks.relation import minus, plus, relation
from extract.models import Figure


def money(text: str, value: float, precision: float) -> Figure:
    return Figure(kind="money", value=value, text=text, precision=precision, page=1, bbox=(0, 0, 1, 1))


def test_exact_relation_gives_no_finding():
    assert relation("t", "S", [plus(money("£0.82M", 820e3, 1e4))[0], minus(money("£0.68M", 680e3, 1e4))],
                    money("£0.14M", 140e3, 1e4), "saving").raised is None


def test_difference_within_summed_rounding_errors_is_info():
    # £0.0m + £0.13m = £0.13m against £0.14m: tolerance £50k + £5k + £5k = £60k
    finding = relation("t", "S", plus(money("£0.0m", 0, 1e5), money("£0.13m", 130e3, 1e4)),
                       money("£0.14m", 140e3, 1e4), "breakdown").raised
    assert finding.severity == "info"
    assert finding.tolerance == pytest.approx(60e3)
    assert finding.difference == pytest.approx(10e3)


def test_difference_beyond_tolerance_is_warning_and_names_the_numbers():
    finding = relation("t", "Performing Arts",
                       [plus(money("£1.34M", 1.34e6, 1e4))[0], minus(money("£1.34m", 1.34e6, 1e4))],
                       money("£0.11m", 110e3, 1e4), "saving").raised
    assert finding.severity in ("warning", "error")
    assert "£0.11m" in finding.message and "Performing Arts" in finding.message
    assert [f.text for f in finding.evidence] == ["£1.34M", "£1.34m", "£0.11m"]


def test_material_difference_is_error():
    finding = relation("t", "S", plus(money("£1.0m", 1e6, 1e5), money("£1.0m", 1e6, 1e5)),
                       money("£3.0m", 3e6, 1e5), "sum").raised
    assert finding.severity == "error"


def test_small_difference_beyond_tolerance_is_warning_not_error():
    finding = relation("t", "S", plus(money("£1.40m", 1.40e6, 1e4), money("£1.45m", 1.45e6, 1e4)),
                       money("£2.90m", 2.90e6, 1e4), "sum").raised
    assert finding.severity == "warning"
