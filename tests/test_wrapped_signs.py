"""A minus sign left at the end of a line, its amount on the next ('The refund of -' /
'£25.00'): the figure is negative from both readers. A dash that is a hyphen ('pre-') or a
label's separator ('Net budget -' / '£2.3m' in a narrow cell) leaves the amount as printed."""
from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT
from tests.test_reader_words import figures_of_both, one_page, text_line


def two_lines(tmp_path, first: str, second: str = "\xa325.00 was processed."):
    content = text_line(f"({first})", y=900) + text_line(f"({second})", y=880)
    return figures_of_both(one_page(tmp_path / "wrapped.pdf", content))


def test_a_minus_ending_the_line_before_the_amount_is_its_sign_from_both_readers(tmp_path):
    fast, careful = two_lines(tmp_path, "The refund of -")
    assert [value for _, value in careful] == [-25.0]
    assert fast == careful


def test_a_minus_ending_the_line_after_a_verb_leading_into_the_amount_is_its_sign(tmp_path):
    fast, careful = two_lines(tmp_path, "The balance stood at -")
    assert [value for _, value in careful] == [-25.0]
    assert fast == careful


@pytest.mark.parametrize("first", ["The pre-", "Net budget -", "Costs rose from \xa31.3m -", "The refund of \x96"])
def test_a_hyphen_or_separator_ending_the_line_leaves_the_amount_positive(tmp_path, first):
    fast, careful = two_lines(tmp_path, first)
    assert [value for _, value in careful][-1] == 25.0
    assert fast == careful


def test_a_minus_on_a_line_of_its_own_text_is_no_sign_for_an_amount_two_lines_down(tmp_path):
    content = (text_line("(The refund of -)", y=900) + text_line("(was noted.)", y=880)
               + text_line("(\xa325.00 was processed.)", y=860))
    fast, careful = figures_of_both(one_page(tmp_path / "apart.pdf", content))
    assert [value for _, value in careful] == [25.0]
    assert fast == careful


@pytest.mark.browser
def test_a_refund_wrapped_after_its_sign_in_a_browser_rendering_is_negative_from_both_readers(tmp_path):
    sys.path.insert(0, str(ROOT / "samples"))
    import browser

    if browser.chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")
    from tests.test_reader_words import page_of_both

    # A column just wide enough for 'The refund of -': the browser breaks after the sign.
    html = ("<html><body style='font: 14px \"DejaVu Sans\"'>"
            "<p style='width: 7.6em'>The refund of -£25.00 was processed.</p></body></html>")
    target = tmp_path / "refund.pdf"
    browser.print_pdf(html, target)
    fast, careful = page_of_both(target)
    lines = [r.text for r in careful.rows]
    assert any(line.endswith("-") for line in lines), lines  # the rendering did wrap after the sign
    fast_figures, careful_figures = figures_of_both(target)
    assert [value for _, value in careful_figures] == [-25.0]
    assert fast_figures == careful_figures
