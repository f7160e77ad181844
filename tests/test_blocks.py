"""Budget blocks from their printed lines: cost, '(saving …)' and the labelled breakdown."""
from __future__ import annotations

import pytest

from extract.figures.match import find_in_runs
from extract.read.text import TextRun, Word
from extract.structures.blocks import money_columns, proposed_column


def column_of(*lines: str):
    words = [[Word(w, 1, tuple((0.0, 0.0, 1.0, 1.0) for _ in w), 10.0, False) for w in line.split()]
             for line in lines]
    run = TextRun.join([TextRun.from_words(ws) for ws in words])
    (column,) = money_columns([run], find_in_runs([run]))
    return column


@pytest.mark.parametrize("lines", [
    ("£0.68M (saving £0.14M)", "DSG savings £0.11m", "ESG savings £0", "Other:- £0.03m"),
    ("£0.68M (saving", "£0.14M)", "DSG savings £0.11m", "ESG savings £0", "Other:- £0.03m"),  # a narrow column
    ("£0.68M", "(saving £0.14M)", "DSG savings £0.11m", "ESG savings £0", "Other:- £0.03m"),
])
def test_the_saving_is_found_however_the_column_wraps(lines):
    forecast = proposed_column(column_of(*lines))
    assert forecast.cost.text == "£0.68M" and forecast.saving.text == "£0.14M"
    assert [(f.label, f.text) for f in forecast.breakdown] == [
        ("DSG savings", "£0.11m"), ("ESG savings", "£0"), ("Other", "£0.03m")]


def test_a_labelled_saving_line_is_part_of_the_breakdown_not_the_saving():
    forecast = proposed_column(column_of("£0.77M", "Staff savings £0.05M"))
    assert forecast.saving is None
    assert [(f.label, f.text) for f in forecast.breakdown] == [("Staff savings", "£0.05M")]


def test_a_sentence_without_figures_in_a_staffing_cell_is_kept_as_a_note():
    from extract.structures.blocks import prose_notes

    text = ("Proposed Expansion\nEducation Plan Co-ordinators and Assistant for fixed term to ensure\n"
            "transition plans in place.\nStaff at risk – 3.62FTE (grade changes)")
    assert prose_notes(text) == [
        "Proposed Expansion Education Plan Co-ordinators and Assistant for fixed term to ensure "
        "transition plans in place."]
    assert prose_notes("9.5 FTE\nProposed Reduction:- 2.12 FTE; 1.00 FTE potential") == []


def test_a_patterned_note_printed_as_a_sentence_is_kept_once():
    from extract.structures.blocks import staffing_notes

    assert staffing_notes("9.5 FTE\nNote: potential to reduce this number further.") == [
        "Note: potential to reduce this number further"]
    assert staffing_notes("Headcount 18\nTwo posts are held vacant pending the review.") == [
        "Two posts are held vacant pending the review."]
