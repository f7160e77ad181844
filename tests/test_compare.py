"""compare on generated versions of a paper: a changed cell, a row added or removed, a table
moved to the next page, a card's saving changed; and the matching rules on their own."""
from __future__ import annotations

import sys
import tempfile
from functools import cache
from pathlib import Path

import pytest

from extract.compare.changes import compare, summary_line
from extract.compare.matching import align, align_labels, label_key, match_names, match_tables
from extract.models import (
    Budget,
    Extraction,
    Figure,
    Meeting,
    NumericTable,
    ServiceCard,
    Source,
    Staffing,
    TableRow,
)
from tests.compare_kit import ROWS, with_cell, write_paper
from tests.conftest import SAMPLES

# The generated versions live here while this module's tests run, then are removed.
SCRATCH = tempfile.TemporaryDirectory(prefix="compare-")


@pytest.fixture(scope="module", autouse=True)
def _scratch_removed_after_the_module():
    yield
    extracted.cache_clear()
    SCRATCH.cleanup()


@cache
def extracted(name: str, **kwargs):
    """One generated version, read as `run` reads it (cached: several tests share the base)."""
    from extract.pipeline import extract_pack

    folder = Path(tempfile.mkdtemp(dir=SCRATCH.name))
    rows = kwargs.pop("rows", ROWS)
    return extract_pack(write_paper(folder / f"{name}.pdf", rows=rows, **kwargs))


def base():
    return extracted("base")


def test_the_same_paper_twice_has_no_change():
    assert compare(base(), base()).changes == []


def test_a_changed_cell_and_its_total_are_the_two_changes_with_row_column_and_difference():
    rows = with_cell(with_cell(ROWS, "Libraries", 1, "995"), "Total", 1, "27,865")
    result = compare(base(), extracted("cell", rows=tuple(rows)))
    assert [(c.kind, c.scope, c.row, c.column, c.old.text, c.new.text, c.difference)  # type: ignore[union-attr]
            for c in result.changes] == [
        ("changed", "figure", "Libraries", "2025-26 £000", "990", "995", 5000.0),
        ("changed", "figure", "Total", "2025-26 £000", "27,860", "27,865", 5000.0),
    ]
    assert all(c.table == "Table 1: Capital programme by service" and not c.findings for c in result.changes)
    assert summary_line(result) == "2 figures changed, 0 rows added, 0 removed"


def test_a_changed_cell_whose_total_no_longer_agrees_is_linked_to_that_finding():
    new = extracted("cell-alone", rows=tuple(with_cell(ROWS, "Libraries", 1, "995")))
    (change,) = compare(base(), new).changes
    assert change.new is not None and change.new.text == "995"
    assert change.findings, "the column no longer adds up: the change names that finding"
    for index in change.findings:
        assert new.findings[index].severity in ("warning", "error")
        assert any(f.bbox == change.new.bbox for f in new.findings[index].evidence)


def test_a_row_added_is_one_row_and_the_totals_it_moves():
    rows = list(ROWS[:-1]) + [("Museums", ("100", "100", "100")),
                              ("Total", ("27,100", "27,960", "28,820"))]
    result = compare(base(), extracted("added", rows=tuple(rows)))
    added = [c for c in result.changes if c.kind == "added"]
    assert [(c.scope, c.row, [f.text for f in c.figures]) for c in added] == [
        ("row", "Museums", ["100", "100", "100"])]
    assert [(c.row, c.new.text) for c in result.changes if c.kind == "changed"] == [  # type: ignore[union-attr]
        ("Total", "27,100"), ("Total", "27,960"), ("Total", "28,820")]
    assert summary_line(result) == "3 figures changed, 1 row added, 0 removed"


def test_a_row_removed_is_one_row_and_the_totals_it_moves():
    rows = [r for r in ROWS if r[0] != "Libraries"]
    rows[-1] = ("Total", ("25,960", "26,870", "27,755"))
    result = compare(base(), extracted("removed", rows=tuple(rows)))
    removed = [c for c in result.changes if c.kind == "removed"]
    assert [(c.scope, c.row, [f.text for f in c.figures]) for c in removed] == [
        ("row", "Libraries", ["1,040", "990", "965"])]
    assert len(result.changes) == 4  # and the three totals
    # In the order of the new paper: the removed row stands where it was, before the totals.
    assert result.changes[0].kind == "removed"
    assert summary_line(result) == "3 figures changed, 0 rows added, 1 removed"


def test_a_table_moved_to_the_next_page_is_no_change():
    moved = extracted("moved", filler=9)
    assert moved.tables[0].page != base().tables[0].page, "the filler must push the table to another page"
    assert compare(base(), moved).changes == []


def test_a_paragraph_figure_changed_is_reported_with_its_paragraph():
    new = extracted("prose", paragraphs=("1.1 The capital programme for the next three years is set out below.",
                                         "1.2 The council will borrow £4.7m in 2025-26 and £3.2m in 2026-27."))
    (change,) = compare(base(), new).changes
    assert (change.section, change.old.text, change.new.text, change.difference) == (  # type: ignore[union-attr]
        "1.2", "£4.5m", "£4.7m", 200000.0)


def test_a_paragraph_inserted_above_renumbering_the_rest_is_no_change():
    inserted = ("1.1 The capital programme for the next three years is set out in the table below.",
                "1.2 The programme was agreed by the Cabinet in January.",
                "1.3 The council will borrow £4.5m in 2025-26 and £3.2m in 2026-27 to fund it.")
    new = extracted("renumbered", paragraphs=inserted)
    assert {f.section for f in new.figures if f.text == "£4.5m"} == {"1.3"}
    assert compare(base(), new).changes == []


def test_a_changed_figure_is_told_from_the_same_amount_printed_in_another_paragraph():
    old_text = ("1.1 The council will borrow £4.5m in 2025-26 and £3.2m in 2026-27.",
                "1.2 Reserves of £4.5m are held against the programme.")
    new_text = (old_text[0].replace("£4.5m", "£4.6m"), old_text[1])
    old, new = extracted("twice-old", paragraphs=old_text), extracted("twice-new", paragraphs=new_text)
    (change,) = compare(old, new).changes
    assert (change.kind, change.section, change.old.text, change.new.text) == (  # type: ignore[union-attr]
        "changed", "1.1", "£4.5m", "£4.6m")


@pytest.fixture(scope="module")
def sample_packs(tmp_path_factory):
    """The Coventry 2017 pack rendered twice: as printed, and with one card's saving changed."""
    if str(SAMPLES) not in sys.path:
        sys.path.insert(0, str(SAMPLES))
    from content import PACK, Fault, apply_faults
    from render import render_pack

    from extract.pipeline import extract_pack

    folder = tmp_path_factory.mktemp("packs")
    render_pack(PACK, folder / "old.pdf")
    changed = apply_faults(PACK, [Fault("card:Hospital Education Service:budget",
                                        "£0.68M (saving £0.14M)", "£0.68M (saving £0.16M)")])
    render_pack(changed, folder / "new.pdf")
    return extract_pack(folder / "old.pdf"), extract_pack(folder / "new.pdf")


def test_a_cards_saving_changed_is_the_one_change_and_names_the_cards_new_finding(sample_packs):
    old, new = sample_packs
    (change,) = compare(old, new).changes
    assert (change.card, change.role, change.old.text, change.new.text) == (  # type: ignore[union-attr]
        "Hospital Education Service", "budget.saving", "£0.14M", "£0.16M")
    assert change.difference == pytest.approx(20000.0)
    checks = {new.findings[i].check for i in change.findings}
    assert "card.saving" in checks
    assert not any(f.check == "card.saving" and f.subject == "Hospital Education Service" for f in old.findings)


@pytest.mark.parametrize("variant", ["letter-times-borderless.pdf", "landscape-helvetica-wrapped-labels.pdf",
                                     "a4-courier-ruled-split.pdf"])
def test_the_sample_pack_in_another_house_style_is_no_change(sample_packs, variant):
    from extract.pipeline import extract_pack

    old, _ = sample_packs  # A4 Helvetica, ruled; the variant reflows every page, table and card
    assert compare(old, extract_pack(SAMPLES / "variants" / variant)).changes == []


def test_the_variant_with_three_planted_faults_is_those_three_changes(sample_packs):
    from extract.pipeline import extract_pack

    old, _ = sample_packs
    result = compare(old, extract_pack(SAMPLES / "variants" / "a4-times-faults.pdf"))
    assert sorted((c.old.text, c.new.text) for c in result.changes) == [  # type: ignore[union-attr]
        ("(1.8)", "(1.9)"), ("£0.05M", "£0.06M"), ("£0.14M", "£0.15M")]


# ------------------------------------------------------------------ matching rules


def test_labels_match_whatever_their_spacing_punctuation_and_row_number():
    assert label_key("- Property funds") == label_key("-Property funds")
    assert label_key("3 Growth, Environment & Transport GET") == label_key("4 Growth, Environment & Transport GET")
    assert label_key("2025-26 budget") != label_key("2026-27 budget")


def test_rows_align_by_label_in_order_with_a_repeated_label_kept_to_its_own_place():
    old = ["Income", "Total", "Spending", "Total"]
    new = ["Income", "Grants", "Total", "Spending", "Total"]
    assert align_labels(old, new) == [(0, 0), (None, 1), (1, 2), (2, 3), (3, 4)]


def test_cards_pair_by_service_in_any_order_and_a_service_read_with_a_letter_more_is_the_same():
    assert match_names(["Music Service", "Libraries", "Parks"], ["Parks", "Music Services", "Libraries"]) == [
        (2, 0), (0, 1), (1, 2)]
    assert match_names(["Music Service"], ["Youth Service"]) == [(0, None), (None, 0)]


def test_an_amount_printed_twice_pairs_so_that_the_changed_one_is_a_change():
    # '£8m … £8m' becoming '£0m … £8m': the first £8m changed, the second is the same.
    def alike(i: int, j: int) -> bool:
        return True

    assert align(["£8m", "£8m"], ["£0m", "£8m"], alike) == [(0, 0), (1, 1)]
    assert align(["£8m", "£8m"], ["£0m", "£8m"]) == [(0, None), (None, 0), (1, 1)]


def test_an_amount_repeated_on_every_page_with_the_first_changed_is_that_one_changed():
    old, new = ["£250"] * 7, ["£251"] + ["£250"] * 6
    assert align(old, new, lambda i, j: True) == [(k, k) for k in range(7)]


def test_long_sequences_are_anchored_on_keys_printed_once(monkeypatch):
    import extract.compare.matching as matching

    monkeypatch.setattr(matching, "MAX_CELLS", 4)  # as if the paper were long: anchors, then stretches
    old = ["£1m", "£250", "£250", "£2m", "£250", "£3m"]
    new = ["£1m", "£251", "£250", "£2m", "£4m", "£250", "£3m"]
    assert align(old, new, lambda i, j: True) == [(0, 0), (1, 1), (2, 2), (3, 3), (None, 4), (4, 5), (5, 6)]


def test_a_label_read_with_one_character_more_is_the_same_row():
    assert align_labels(["Capital receipts"], ["Capital receipts*"]) == [(0, 0)]
    assert align_labels(["Capital receipts"], ["Borrowing"]) == [(0, None), (None, 0)]


def _table(title: str, columns: list[str], labels: list[str], page: int = 1) -> NumericTable:
    return NumericTable(id=title, title=title, page=page, columns=columns,
                        rows=[TableRow(label=label, cells=[]) for label in labels])


def test_one_title_over_a_table_split_in_two_is_matched_by_its_columns():
    rows = ["ASCH", "CYPE", "Total"]
    old = [_table("Summary", ["Year 1", "Year 2"], rows), _table("Summary", ["Year 3", "Year 4"], rows, 2)]
    new = [_table("Summary", ["Year 1", "Year 2"], rows, 2), _table("Summary", ["Year 3", "Year 4"], rows, 3)]
    assert match_tables(list(reversed(old)), new) == [(1, 0), (0, 1)]


def test_untitled_tables_match_by_rows_and_columns_not_by_the_page_in_their_name():
    old = [_table("Untitled table, page 4", ["", ""], ["Loans", "Bonds", "Total"], 4)]
    new = [_table("Untitled table, page 5", ["", ""], ["Loans", "Bonds", "Total"], 5)]
    assert match_tables(old, new) == [(0, 0)]
    other = [_table("Untitled table, page 5", ["", ""], ["Staff", "Premises"], 5)]
    assert match_tables(old, other) == [(0, None), (None, 0)]


# ------------------------------------------------------------------ on models, without a PDF


def _money(text: str, page: int = 1, top: float = 100.0, x0: float = 300.0) -> Figure:
    value = float(text.replace(",", ""))
    return Figure(kind="money", value=value * 1000, text=text, precision=1000, page=page,
                  bbox=(x0, top, x0 + 30, top + 10))


def _paper(columns: list[str], rows: list[tuple[str, list[str]]], cards: tuple[ServiceCard, ...] = (),
           page: int = 1) -> Extraction:
    table_rows = [TableRow(label=label, page=page,
                           cells=[_money(v, page, 100 + 14 * r, 300 + 60 * c) for c, v in enumerate(values)])
                  for r, (label, values) in enumerate(rows)]
    table = NumericTable(id="t", title="Budget by service £000", page=page, columns=columns, rows=table_rows)
    figures = [f for _, f in table.figures()] + [f for card in cards for _, f in card.figures()]
    return Extraction(tool_version="test", source=Source(file="x.pdf", sha256="0", pages=page),
                      meeting=Meeting(), tables=[table], service_cards=list(cards), figures=figures)


def _card(service: str, saving: str, page: int = 3) -> ServiceCard:
    return ServiceCard(id=service, service=service, page_start=page, page_end=page, sections={},
                       staffing=Staffing(), budget=Budget(saving=_money(saving, page, 500)))


def test_a_column_added_is_one_column_with_its_figures():
    old = _paper(["2024-25", "2025-26"], [("Roads", ["10", "12"]), ("Parks", ["4", "5"])])
    new = _paper(["2024-25", "2025-26", "2026-27"], [("Roads", ["10", "12", "13"]), ("Parks", ["4", "5", "6"])])
    (change,) = compare(old, new).changes
    assert (change.kind, change.scope, change.column, [f.text for f in change.figures]) == (
        "added", "column", "2026-27", ["13", "6"])


def test_a_card_removed_is_one_card_and_a_table_moved_down_the_page_is_no_change():
    rows = [("Roads", ["10", "12"])]
    old = _paper(["2024-25", "2025-26"], rows, (_card("Libraries", "40"), _card("Museums", "15", 4)))
    new = _paper(["2024-25", "2025-26"], rows, (_card("Libraries", "40", 4),), page=2)
    (change,) = compare(old, new).changes
    assert (change.kind, change.scope, change.card, [f.text for f in change.figures]) == (
        "removed", "card", "Museums", ["15"])


def test_rows_read_as_a_table_of_their_own_in_the_new_version_are_no_change():
    columns = ["2024-25", "2025-26"]
    rows = [("Roads", ["10", "12"]), ("Parks", ["4", "5"]), ("Libraries", ["7", "8"]), ("Museums", ["2", "3"])]
    old = _paper(columns, rows)
    first, rest = _paper(columns, rows[:2]), _paper(["", ""], rows[2:], page=2)
    continued = rest.tables[0].model_copy(update={"id": "t2", "title": "Untitled table, page 2"})
    new = first.model_copy(update={"tables": [first.tables[0], continued],
                                   "figures": first.figures + rest.figures})
    assert compare(old, new).changes == []
    # A row truly gone is still reported: Museums is in neither of the new tables.
    shorter = rest.tables[0].model_copy(update={"id": "t2", "title": "Untitled table, page 2",
                                                 "rows": rest.tables[0].rows[:1]})
    new = first.model_copy(update={"tables": [first.tables[0], shorter],
                                   "figures": first.figures + rest.figures[:2]})
    assert [(c.kind, c.scope, c.row) for c in compare(old, new).changes] == [("removed", "row", "Museums")]
