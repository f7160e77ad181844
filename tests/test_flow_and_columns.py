"""The flow of rows across pages and the split into columns (read/flow.py), on hand-made rows."""
from __future__ import annotations

from extract.read.flow import columns, crosses, pages_to_flow
from extract.read.text import PageText
from tests.rowkit import row


def test_the_flow_drops_page_stamps_and_measures_the_white_space_above_each_row():
    first = PageText(1, 600, 800, [row(100, [(60, "Overview")]), row(130, [(60, "Duties")]),
                                   row(780, [(280, "Page 12")])])
    second = PageText(2, 600, 800, [row(50, [(60, "Current staffing")])])
    flow = pages_to_flow([first, second])
    assert [fr.text for fr in flow] == ["Overview", "Duties", "Current staffing"]
    assert [fr.gap_above for fr in flow] == [0.0, 20.0, 0.0]  # rows are 10pt tall
    assert [fr.page_break for fr in flow] == [True, False, True]


def test_columns_split_each_row_at_the_boundaries_and_skip_empty_cells():
    rows = [row(100, [(60, "Headcount 25"), (300, "20 FTE")]), row(114, [(300, "Reduction of 5 FTE")])]
    left, right = columns(rows, [300.0])
    assert [[w.text for w in line] for line in left] == [["Headcount", "25"]]
    assert [[w.text for w in line] for line in right] == [["20", "FTE"], ["Reduction", "of", "5", "FTE"]]


def test_a_word_starting_just_left_of_a_boundary_still_belongs_to_the_column():
    (left, right) = columns([row(100, [(60, "a"), (299.5, "b")])], [300.0])
    assert [w.text for w in right[0]] == ["b"]
    (left, right) = columns([row(100, [(60, "a"), (299.5, "b")])], [300.0], slack=0.2)
    assert [w.text for w in left[0]] == ["a", "b"]


def test_a_row_whose_words_straddle_a_boundary_crosses_it():
    prose = row(100, [(60, "This paragraph runs across both columns of the table")])
    cells = row(114, [(60, "Headcount 25"), (300, "20 FTE")])
    assert crosses(prose, [250.0]) and not crosses(cells, [250.0])  # "of" spans 245-255
