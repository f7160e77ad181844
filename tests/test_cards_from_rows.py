"""Service cards from hand-made rows (structures/cards.py): title, sections, the staffing
and budget blocks and their columns, numbering; no PDF involved."""
from __future__ import annotations

from extract.settings import Settings
from extract.structures.cards import flow_to_cards
from tests.rowkit import lay_out

CARD = [
    (60, [(60, "Early Help")]),
    (76, [(60, "Overview"), (200, "Support for families with young children.")]),
    (90, [(60, "Duties"), (200, "Statutory duty to provide early help.")]),
    (104, [(60, "Current staffing"), (300, "Proposed staffing")]),
    (118, [(60, "Headcount 25"), (300, "20 FTE")]),
    (132, [(60, "22.5 FTE"), (300, "Reduction of 2.5 FTE")]),
    (146, [(60, "Current budget"), (300, "Proposed costs")]),
    (160, [(60, "£0.82M"), (300, "£0.77M (saving £0.05M)")]),
]


def test_a_card_is_read_from_its_title_sections_and_two_blocks():
    (card,) = flow_to_cards(lay_out(CARD))
    assert card.service == "Early Help"
    assert card.sections == {"overview": "Support for families with young children.",
                             "duties": "Statutory duty to provide early help."}
    staffing, budget = card.staffing, card.budget
    assert staffing.current_headcount.value == 25 and staffing.current_fte.value == 22.5
    assert staffing.proposed_fte.value == 20
    assert [(r.label, r.value) for r in staffing.reductions] == [("definite", 2.5)]
    assert staffing.reduction_fte == staffing.reductions[0]
    assert (budget.current.value, budget.proposed.value, budget.saving.value) == (820_000, 770_000, 50_000)
    assert budget.saving.text == "£0.05M" and budget.saving.label == "saving"


def test_every_figure_of_a_card_keeps_the_page_and_box_it_was_printed_at():
    (card,) = flow_to_cards(lay_out(CARD, page=7))
    for role, figure in card.figures():
        assert figure.page == 7, role
        x0, top, x1, bottom = figure.bbox
        assert x0 < x1 and top < bottom
    saving = card.budget.saving
    assert saving.bbox[1] == 160 and saving.bbox[0] > 300  # in the proposed column, on the last row


def test_card_ids_are_numbered_from_the_count_the_pack_has_reached():
    (card,) = flow_to_cards(lay_out(CARD), first=3)
    assert card.id.startswith("card-3-") and "early" in card.id


def test_a_label_table_without_staffing_or_budget_is_not_a_card():
    assert flow_to_cards(lay_out(CARD[:3])) == []


def test_a_wide_gap_ends_the_budget_block():
    after = (CARD[-1][0] + 60, [(60, "Something else entirely"), (300, "£9.99M")])
    (card,) = flow_to_cards(lay_out([*CARD, after]))
    assert card.budget.savings_breakdown == [] and "£9.99M" not in {f.text for _, f in card.figures()}
    (loose,) = flow_to_cards(lay_out([*CARD, after]), settings=Settings(block_gap=6.0))
    assert "£9.99M" in {f.text for _, f in loose.figures()}


def test_block_titles_wrapped_in_a_narrow_left_column_still_open_the_blocks():
    """'Current' beside 'Proposed costs' with 'budget' on the line below (a browser's narrow
    column): the budget block is found and its title's second line is no figure's label."""
    wrapped = [
        *CARD[:3],
        (104, [(60, "Current"), (130, "Proposed Expansion")]),
        (116, [(60, "staffing")]),
        (130, [(60, "Headcount 25"), (130, "20 FTE")]),
        (144, [(60, "Current"), (130, "Proposed costs")]),
        (156, [(60, "budget")]),
        (170, [(60, "£0.82M"), (130, "£0.77M (saving £0.05M)")]),
    ]
    (card,) = flow_to_cards(lay_out(wrapped))
    assert card.staffing.current_headcount.value == 25 and card.staffing.proposed_fte.value == 20
    assert (card.budget.current.value, card.budget.proposed.value, card.budget.saving.value) == (
        820_000, 770_000, 50_000)
    assert card.budget.notes == []


def test_a_title_cell_is_wrapped_only_when_its_lines_are_set_as_one_cell():
    """'Current' and 'budget' a paragraph apart are two rows, not one wrapped title."""
    apart = [
        *CARD[:3],
        (104, [(60, "Current"), (130, "Proposed costs")]),
        (140, [(60, "budget")]),
        (154, [(60, "£0.82M"), (130, "£0.77M (saving £0.05M)")]),
    ]
    assert flow_to_cards(lay_out(apart)) == []


def test_block_titles_wrapped_in_both_columns_still_open_the_block():
    """'Current' / 'budget' beside 'Proposed' / 'costs': the boundary is the gap between them."""
    wrapped = [
        *CARD[:6],
        (146, [(60, "Current"), (200, "Proposed")]),
        (158, [(60, "budget"), (200, "costs")]),
        (172, [(60, "£0.82M"), (200, "£0.77M (saving £0.05M)")]),
    ]
    (card,) = flow_to_cards(lay_out(wrapped))
    assert (card.budget.current.value, card.budget.proposed.value, card.budget.saving.value) == (
        820_000, 770_000, 50_000)
