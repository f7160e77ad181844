"""A minus sign standing apart from its amount, at the end of the line before ('The refund of -' /
'£25.00') or a space before it ('a credit of - £40.00'): the figure is negative from both
readers, whichever way the line broke. A dash that is a hyphen ('pre-') or may be a separator
(a label's 'Net budget - £2.3m', a range's '2019 - £40') leaves the amount as printed."""
from __future__ import annotations

import sys

import pytest

from extract.figures.match import find_in_run
from tests.conftest import ROOT
from tests.test_figures import run_of
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


def one_line(tmp_path, line: str):
    return figures_of_both(one_page(tmp_path / "spaced.pdf", text_line(f"({line})", y=900)))


@pytest.mark.parametrize("line", ["A credit of - \xa340.00 was given.", "The refund was -  \xa340.00 in all."])
def test_a_minus_spaced_from_the_amount_after_a_word_leading_into_it_is_its_sign_from_both_readers(tmp_path, line):
    fast, careful = one_line(tmp_path, line)
    assert careful == [("- £40.00", -40.0)]
    assert fast == careful


def test_a_spaced_minus_gives_the_value_its_line_broken_twin_gives(tmp_path):
    spaced = one_line(tmp_path, "The refund of - \xa325.00 was processed.")[1]
    wrapped = two_lines(tmp_path, "The refund of -")[1]
    assert [value for _, value in spaced] == [value for _, value in wrapped] == [-25.0]


@pytest.mark.parametrize("line", [
    "The refund - \xa325 was processed.",  # after a noun: may close a label
    "Core Path Maintenance Grant - \xa3450 was available.",
    "Six items - \xa340 each.",
    "In 2019 - \xa340 was paid.",  # after a number: a range or a separator
    "Costs of \xa310 - \xa320 a year.",  # between two amounts
    "- \xa325 for the hall hire",  # a list item's dash
    "A credit of \x96 \xa340.00 was given.",  # a spaced en dash: a separator
])
def test_a_spaced_dash_that_may_be_a_separator_leaves_every_amount_positive(tmp_path, line):
    fast, careful = one_line(tmp_path, line)
    assert careful and all(value is not None and value > 0 for _, value in careful)
    assert not any(text.startswith(("-", "\u2013")) for text, _ in careful)
    assert fast == careful


def test_a_spaced_minus_sign_character_is_read_by_the_same_rule():
    def values(text: str) -> list[float | None]:
        return [f.value for f in find_in_run(run_of(text))]

    assert values("a credit of \u2212 \xa340.00.") == [-40.0]
    assert values("Trinity \u2212 \xa340.00.") == [40.0]


@pytest.mark.browser
@pytest.mark.parametrize("width", ["30em", "7.6em"], ids=["one line", "wrapped after the sign"])
def test_a_spaced_minus_in_a_browser_rendering_gives_one_value_on_one_line_or_wrapped(tmp_path, width):
    sys.path.insert(0, str(ROOT / "samples"))
    import browser

    if browser.chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")
    html = ("<html><body style='font: 14px \"DejaVu Sans\"'>"
            f"<p style='width: {width}'>The refund of - £25.00 was processed. Trinity - £40.00.</p></body></html>")
    target = tmp_path / "spaced.pdf"
    browser.print_pdf(html, target)
    from tests.test_reader_words import page_of_both

    lines = [r.text for r in page_of_both(target)[1].rows]
    assert (len(lines) == 1) == (width == "30em"), lines  # the narrow column does break after each sign
    fast, careful = figures_of_both(target)
    assert [value for _, value in careful] == [-25.0, 40.0]
    assert fast == careful
