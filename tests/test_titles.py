"""A structure's title above its first row, and the value column of a label/value row
(structures/titles.py), on hand-made rows."""
from __future__ import annotations

from extract.settings import Settings
from extract.structures.titles import title_above, value_column_x
from tests.rowkit import lay_out, row


def test_the_title_is_the_short_run_of_rows_just_above():
    flow = lay_out([(40, [(60, "Agenda Item 3")]),
                    (80, [(60, "Hospital Education")]), (92, [(60, "Service")]),
                    (110, [(60, "Overview"), (200, "Teaching in hospital.")])])
    assert title_above(flow, 3, limit=-1) == 1  # the 30pt gap above 'Hospital' ends it


def test_no_title_when_the_row_above_is_far_away():
    flow = lay_out([(40, [(60, "Some heading")]), (100, [(60, "Overview"), (200, "x")])])
    assert title_above(flow, 1, limit=-1) == 1
    assert title_above(flow, 1, limit=-1, settings=Settings(title_gap_first=6.0)) == 0


def test_a_row_printing_money_or_a_block_header_is_no_title():
    for text in ("Total £1.2m", "Current budget"):
        flow = lay_out([(80, [(60, text)]), (94, [(60, "Overview"), (200, "x")])])
        assert title_above(flow, 1, limit=-1) == 1, text


def test_a_plain_row_above_a_bold_title_row_is_not_part_of_the_title():
    flow = lay_out([(80, [(60, "body text")]), (92, [(60, "Early Help")]), (106, [(60, "Overview"), (200, "x")])],
                   bold=[1])
    assert title_above(flow, 2, limit=-1) == 1


def test_the_title_stops_at_the_previous_structure():
    flow = lay_out([(80, [(60, "Early")]), (92, [(60, "Help")]), (106, [(60, "Overview"), (200, "x")])])
    assert title_above(flow, 2, limit=0) == 1


def test_the_value_column_starts_after_the_first_wide_gap():
    assert value_column_x(row(100, [(60, "Overview"), (200, "The service teaches")])) == 200
    assert value_column_x(row(100, [(60, "Overview of the service")])) is None
