"""Which figures belong to a card or table, and in what role, answered once by the models
(`figures()`), and how the pipeline places them among the page's figures."""
from __future__ import annotations

from extract.models import (
    CELL_ROLE,
    Budget,
    Figure,
    FinancialTable,
    Forecast,
    NumericTable,
    PostList,
    ServiceCard,
    Staffing,
    TableRow,
)
from extract.pipeline import merge_figures


def fig(text: str, value: float, top: float, x0: float = 100, page: int = 1, label: str | None = None,
        kind: str = "money") -> Figure:
    return Figure(kind=kind, value=value, text=text, precision=1, page=page, bbox=(x0, top, x0 + 30, top + 10),
                  label=label)


def test_a_card_names_each_figure_once_by_its_place_in_the_output():
    cut = fig("1 FTE", 1, 40, kind="fte", label="definite")
    card = ServiceCard(id="card-1-x", service="X", page_start=1, page_end=1, sections={},
                       staffing=Staffing(current_fte=fig("10 FTE", 10, 30, kind="fte"), reduction_fte=cut,
                                         reductions=[cut, fig("2 FTE", 2, 50, kind="fte", label="potential")]),
                       budget=Budget(current=fig("£5", 5, 60), saving=fig("£1", 1, 70),
                                     savings_breakdown=[fig("£1", 1, 80, label="DSG")]))
    assert [role for role, _ in card.figures()] == [
        "staffing.current_fte", "staffing.reduction_fte", "staffing.reductions", "budget.current", "budget.saving",
        "budget.savings_breakdown"]
    assert [f.text for _, f in card.figures()] == ["10 FTE", "1 FTE", "2 FTE", "£5", "£1", "£1"]


def test_an_appendix_b_table_names_both_forecasts():
    table = FinancialTable(id="table-1-x", service="X", page=1, current=fig("£5", 5, 10),
                           pre_consultation=Forecast(cost=fig("£4", 4, 20), saving=fig("£1", 1, 30)),
                           post_consultation=Forecast(breakdown=[fig("£2", 2, 40)]), staff_impact="")
    assert [role for role, _ in table.figures()] == [
        "current", "pre_consultation.cost", "pre_consultation.saving", "post_consultation.breakdown"]


def test_a_numeric_table_names_each_cell_by_row_and_column_and_skips_blanks():
    table = NumericTable(id="numtable-1-x", title="X", page=1, columns=["17/18", "18/19"], rows=[
        TableRow(label="Cut", cells=[fig("0.6", 6e5, 10, label="Cut, 17/18"), None]),
        TableRow(label="Net", cells=[fig("0.1", 1e5, 20), fig("0.2", 2e5, 20, x0=200)])])
    roles = [role for role, _ in table.figures()]
    assert roles == ["rows[0].cells[0]", "rows[1].cells[0]", "rows[1].cells[1]"]
    assert [tuple(map(int, CELL_ROLE.match(r).groups())) for r in roles] == [(0, 0), (1, 0), (1, 1)]


def test_a_list_of_posts_owns_only_its_stated_total():
    posts = PostList(id="postlist-1-x", title="X", page=1, posts=[], stated_total=fig("24", 24, 10, kind="count"))
    assert [role for role, _ in posts.figures()] == ["stated_total"]
    assert PostList(id="p", title="X", page=1, posts=[]).figures() == []


def test_page_figures_take_their_structure_twin_and_cells_join_in_place():
    from extract.read.text import PageText
    from extract.structures.statements import page_to_run
    from tests.rowkit import row

    page = PageText(1, 600, 800, [row(10, [(60, "5.1 Intro")]), row(30, [(60, "x")]), row(50, [(60, "y")])])
    running = [fig("£5", 5, 10).model_copy(update={"section": "5.1"}), fig("£7", 7, 50)]
    labelled = fig("£5", 5, 10, label="current budget")
    cell = fig("0.6", 6e5, 30, label="Cut, 17/18")
    merged = merge_figures([page_to_run(page, None)], running, [labelled, cell])
    assert [(f.text, f.label, f.section) for f in merged] == [
        ("£5", "current budget", "5.1"), ("0.6", "Cut, 17/18", "5.1"), ("£7", None, None)]
