"""A card's staffing block from its two printed columns (structures/blocks.py): headcount,
FTE now and proposed, definite and potential reductions, remarks kept as notes."""
from __future__ import annotations

from extract.figures.match import find_in_runs
from extract.read.text import TextRun, Word
from extract.structures.blocks import Column, staffing_block


def column_of(*lines: str) -> Column:
    words = [[Word(w, 1, tuple((0.0, 0.0, 1.0, 1.0) for _ in w), 10.0, False) for w in line.split()]
             for line in lines]
    run = TextRun.join([TextRun.from_words(ws) for ws in words])
    return Column(run, tuple(find_in_runs([run])[0]))


def test_headcount_and_fte_now_and_the_proposed_fte():
    staffing = staffing_block(column_of("Headcount 25", "22.5 FTE"), column_of("20 FTE"))
    assert staffing.current_headcount.value == 25 and staffing.current_fte.value == 22.5
    assert staffing.proposed_fte.value == 20 and staffing.reductions == []


def test_reductions_are_sizes_labelled_definite_or_potential():
    proposed = column_of("Reduction of -1 FTE", "1.00 FTE potential reduction")
    staffing = staffing_block(column_of("Headcount 4"), proposed)
    assert [(r.label, r.value) for r in staffing.reductions] == [("definite", 1.0), ("potential", 1.0)]
    assert staffing.reduction_fte.value == 1.0 and staffing.proposed_fte is None


def test_an_fte_in_brackets_or_at_risk_is_a_remark_not_the_current_fte():
    staffing = staffing_block(column_of("Headcount 18", "(including 1.0 FTE vacancy)", "12.6 FTE", "Casual 110"),
                              column_of("No reduction proposed"))
    assert staffing.current_fte.value == 12.6
    assert "Casual 110" in staffing.notes and "No reduction proposed" in staffing.notes
    assert any(note.startswith("including 1.0") for note in staffing.notes)
