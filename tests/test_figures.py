"""Figure forms: every printed form the issue names, normalised with precision and provenance."""
from __future__ import annotations

import pytest

from extract.figures.match import find_in_run, infer_money_units
from extract.read.text import TextRun, Word


def run_of(text: str, page: int = 3) -> TextRun:
    """Lay the words of text out on one line, 6 pt per character, 4 pt between words."""
    words, x = [], 50.0
    for token in text.split(" "):
        boxes = tuple((x + 6 * i, 100.0, x + 6 * (i + 1), 111.0) for i in range(len(token)))
        words.append(Word(token, page, boxes, 11.0, False))
        x += 6 * len(token) + 4
    return TextRun.from_words(words)


@pytest.mark.parametrize("printed, value, precision", [
    ("£0.82M", 820_000, 10_000),
    ("£1.34m", 1_340_000, 10_000),
    ("£ 5.98M", 5_980_000, 10_000),
    ("£500k", 500_000, 1_000),
    ("£140 million", 140_000_000, 1_000_000),
    ("£0", 0, 1),
    ("£0.0m", 0, 100_000),
    ("£1.3bn", 1_300_000_000, 100_000_000),
    ("£1,234", 1_234, 1),
])
def test_money_forms_normalise_to_gbp_with_precision_of_last_digit(printed, value, precision):
    (figure,) = find_in_run(run_of(f"budget {printed} here"))
    assert figure.kind == "money"
    assert figure.text == printed
    assert figure.value == pytest.approx(value)
    assert figure.precision == pytest.approx(precision)


@pytest.mark.parametrize("printed, value, precision", [
    ("12.6 FTE", 12.6, 0.1),
    ("4.0FTE", 4.0, 0.1),
    ("6 fte", 6.0, 1.0),
    ("3.62FTE", 3.62, 0.01),
    ("FTE – 109.34", 109.34, 0.01),
    ("246.44 Full Time Equivalents", 246.44, 0.01),
])
def test_fte_forms_normalise_with_precision(printed, value, precision):
    (figure,) = find_in_run(run_of(f"staffing {printed} now"))
    assert (figure.kind, figure.text) == ("fte", printed)
    assert figure.value == pytest.approx(value)
    assert figure.precision == pytest.approx(precision)


@pytest.mark.parametrize("printed, value", [
    ("Headcount 25 – 12.6 FTE", 25), ("Headcount 10– 5.6 FTE", 10), ("Head count – 167", 167),
])
def test_headcount_forms_give_the_number_of_people(printed, value):
    figures = find_in_run(run_of(printed))
    assert figures[0].kind == "headcount"
    assert figures[0].value == value


def test_negative_fte_keeps_its_sign_as_printed():
    (figure,) = find_in_run(run_of("Proposed reduction: -1 FTE"))
    assert figure.value == -1.0 and figure.text == "-1 FTE"


def test_two_ftes_on_one_line_stay_two_figures():
    figures = find_in_run(run_of("Headcount 25 – 12.6 FTE 9.5 FTE"))
    assert [f.text for f in figures] == ["Headcount 25", "12.6 FTE", "9.5 FTE"]


def test_figure_bbox_covers_exactly_its_characters():
    run = run_of("saving £0.14M)")
    (figure,) = find_in_run(run)
    # "saving " is 6 chars + 4 pt gap: the £ starts at 50 + 36 + 4 = 90
    assert figure.page == 3
    assert figure.bbox == (90.0, 100.0, 90.0 + 6 * 6, 111.0)


def test_unit_word_wrapped_to_next_line_belongs_to_the_amount():
    run = TextRun.join([run_of("a £140"), run_of("million fund")])
    (figure,) = find_in_run(run)
    assert figure.value == 140_000_000 and figure.text == "£140 million"


def test_a_headcount_wrapped_under_its_label_is_read_and_its_number_is_no_fte():
    """A narrow cell prints 'Head count –' / '167' / 'FTE – 109.34': 167 is the headcount,
    and '167' / 'FTE' across the line break is not an FTE of 167."""
    run = TextRun.join([run_of("Head count –"), run_of("167"), run_of("FTE – 109.34")])
    assert [(f.kind, f.text, f.value) for f in find_in_run(run)] == [
        ("headcount", "Head count – 167", 167), ("fte", "FTE – 109.34", 109.34)]
    run = TextRun.join([run_of("Headcount"), run_of("18"), run_of("FTE 13.03")])
    assert [(f.kind, f.value) for f in find_in_run(run)] == [("headcount", 18), ("fte", 13.03)]


def test_a_number_wrapped_away_from_fte_yields_to_the_fte_printed_with_its_own_number():
    run = TextRun.join([run_of("Staff 167"), run_of("FTE – 109.34")])
    assert [(f.kind, f.value) for f in find_in_run(run)] == [("fte", 109.34)]
    run = TextRun.join([run_of("a reduction of 51.77"), run_of("FTE compared with")])
    assert [(f.kind, f.value) for f in find_in_run(run)] == [("fte", 51.77)]  # no rival: still read


def test_unitless_amount_takes_its_neighbours_unit_and_is_marked():
    found = find_in_run(run_of("£0.71M (saving £0.08M) ESG savings £0.05 Trading £0.03"))
    resolved = infer_money_units(found)
    inferred = [(f.text, f.value, was) for f, was in resolved if was]
    assert inferred == [("£0.05", 50_000, True), ("£0.03", 30_000, True)]


def test_unitless_amount_is_left_alone_when_neighbours_disagree():
    found = find_in_run(run_of("£500k and £0.71M and £0.05"))
    assert all(not was for _, was in infer_money_units(found))
