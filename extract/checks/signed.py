"""Rows that say how they combine: 'Add …', 'Less …', 'Deduct …', '(+)', '(-)', '(=)'.

Councils print balances, bank reconciliations and the annual return's Section 2 as a
column of figures whose labels carry the sign: an opening figure, rows marked to be added
or taken away, and a closing figure (a total, a balance, an unlabelled line, or a row
marked '(=)'). The closing figure is the opening one with the marked rows added or taken
away in every column that prints both, blank marked rows adding nothing:

    Balance as per bank statement   11,918
    Add amounts not yet credited
    Deduct unpresented cheques       1,509
    Total                           10,409     11,918 − 1,509 = 10,409

What the block is named by its labels (SIGNED_KINDS, as data): a bank reconciliation, the
annual return's box 7 (1 + 2 + 3 − 4 − 5 − 6) and box 8 (= box 7), a balance carried
forward; any other such block is checked as `table.signed_rows`. Such a closing row is
not a sum of the rows above, so totals.py leaves it to this module.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from extract.checks.additive import NON_ADDITIVE
from extract.checks.marked import EQUALS, Block, blocks, sign_of
from extract.checks.naming import placed, subject
from extract.checks.relation import Term, doubted, relation
from extract.checks.totals import is_total_label
from extract.models import Figure, NumericTable, Relation, TableRow

# What a block is, by the words of its labels: (check, meaning, pattern any label matches).
SIGNED_KINDS: list[tuple[str, str, re.Pattern]] = [
    ("table.bank_reconciliation", "the bank reconciliation does not come to the cash book balance",
     re.compile(r"bank\s+statement|unpresented|not\s+yet\s+(?:credited|banked|presented|cleared)|uncleared"
                r"|cash\s*book", re.I)),
    ("table.agar_box7", "box 7 (balances carried forward) is not boxes 1 + 2 + 3 − 4 − 5 − 6",
     re.compile(r"precept|staff\s+costs|loan\s+interest", re.I)),
    ("table.balance", "the balance carried forward is not the balance brought forward with the receipts "
     "added and the payments taken away",
     re.compile(r"\bb/f\b|brought\s+forward|opening\s+balance|balance\s+at\s+1\s+april", re.I)),
]
OTHER = ("table.signed_rows", "the closing figure is not the opening one with the rows marked 'add' added and "
         "those marked 'less' taken away")
OPENING_ROW = re.compile(r"balance|brought\s+forward|\bb/f\b|^\s*(?:box\s+)?\d{1,2}\b|statement|budget", re.I)
OPENING_IN_DOUBT = ("the row above the rows marked add / less is no balance or total and the block holds in no column: "
                    "they may apply to the sum of the rows above")
# Annual return box 8: cash and short-term investments, equal to box 7.
BOX7 = re.compile(r"balances?\s+carried\s+forward", re.I)
BOX8_DOUBT = ("box 8 differs from box 7, as it may in accounts kept on an income and expenditure basis "
              "(debtors and creditors, reconciled apart); the table states no receipts and payments basis")
BOX8 = re.compile(r"cash\s+and\s+(?:short[\s-]+term\s+)?investments", re.I)
# Box 8 must equal box 7 only in accounts kept on a receipts and payments basis; the form's
# certificate names both bases ('on either a receipts and payments or income and expenditure
# basis'), so only a statement of the one basis, with no word of the other, proves it.
RECEIPTS_BASIS = re.compile(r"receipts\s+and\s+payments\s+basis", re.I)
INCOME_BASIS = re.compile(r"income\s+and\s+expenditure", re.I)


def signed_rows(table: NumericTable) -> Iterator[Relation | None]:
    for block in blocks(table):
        check, meaning = _kind(block)
        evaluated = []
        for c, stated in enumerate(block.closing.cells):
            opening = _cell(block.opening, c)
            if stated is None or opening is None or NON_ADDITIVE.search(_heading(table, c)):
                continue
            terms = [Term(opening)] + [Term(f, s) for row, s in block.marked if (f := _cell(row, c)) is not None]
            made = relation(check, subject(table, block.closing, c), terms, stated,
                            f"{meaning} ('{block.opening.label.strip()}' {_signs(block)})",
                            **placed(table, block.closing, c))
            lost = _blank_read_by_ocr(table, block, c)
            evaluated.append(made if made is None or lost is None else doubted(made, lost))
        if not _opens(table, block) and not any(r is not None and r.outcome != "disagrees" for r in evaluated):
            # 'Less income' under items with no subtotal: the marked rows may apply to their sum
            evaluated = [r if r is None else doubted(r, OPENING_IN_DOUBT) for r in evaluated]
        yield from evaluated
    yield from _box8(table)


def _blank_read_by_ocr(table: NumericTable, block: Block, c: int) -> str | None:
    """Why the block is in doubt in column c: a marked row prints nothing there in a table read
    by OCR, where a figure OCR could not read leaves its cell blank (a box of the return read as
    empty makes box 7 disagree by that box). Summed as nil; a disagreement is `unsure`."""
    if not any(f is not None and f.source == "ocr" for r in table.rows for f in r.cells):
        return None
    blank = next((row for row, _ in block.marked if c < len(row.cells) and row.cells[c] is None), None)
    return None if blank is None else (
        f"'{blank.label.strip()}' prints no figure in this column on a page read by OCR, taken as nil: "
        "a figure OCR could not read would leave it blank")


def _opens(table: NumericTable, block: Block) -> bool:
    """The row above the marked rows is one they apply to: a balance, a total, a box of the
    return, or the first row of the table that prints figures."""
    first = next((r for r in table.rows if any(r.cells)), None)
    return block.opening is first or OPENING_ROW.search(block.opening.label) is not None or is_total_label(
        block.opening.label)


def _kind(block: Block) -> tuple[str, str]:
    labels = " ".join(r.label for r in [block.opening, *(r for r, _ in block.marked), block.closing])
    return next(((check, meaning) for check, meaning, words in SIGNED_KINDS if words.search(labels)), OTHER)


def _signs(block: Block) -> str:
    return " ".join(f"{'+' if s > 0 else '−'} '{r.label.strip()}'" for r, s in block.marked)


def _box8(table: NumericTable) -> Iterator[Relation | None]:
    """Box 8 (cash and short-term investments) equals box 7 (balances carried forward)."""
    box7 = next((r for r in table.rows if BOX7.search(r.label) and sign_of(r.label) == EQUALS), None)
    box8 = next((r for r in table.rows if BOX8.search(r.label)), None)
    if box7 is None or box8 is None:
        return
    for c, stated in enumerate(box8.cells):
        carried = _cell(box7, c)
        if stated is not None and carried is not None:
            evaluated = relation("table.agar_box8", subject(table, box8, c), [Term(carried)], stated,
                                 "box 8 (cash and short-term investments) is not box 7 (balances carried forward)",
                                 **placed(table, box8, c))
            # accounts kept on an income and expenditure basis differ by debtors and creditors
            if evaluated is None or evaluated.outcome != "disagrees" or _receipts_basis(table):
                yield evaluated
            else:
                yield doubted(evaluated, BOX8_DOUBT)


def _receipts_basis(table: NumericTable) -> bool:
    """The table states that its accounts are kept on a receipts and payments basis (in its
    title, a row or a note), and names no income and expenditure basis: box 8 must then be box 7.
    Box 7 adding up proves nothing of the kind: a return on an income and expenditure basis
    adds up to a box 7 that differs from its cash by the debtors (Souldern 2016/17: box 7
    11,365 adds up; box 8 10,409; VAT debtor 956)."""
    text = " ".join([table.title, *(r.label for r in table.rows), *(n for r in table.rows for n in r.notes)])
    return RECEIPTS_BASIS.search(text) is not None and INCOME_BASIS.search(text) is None


def _cell(row: TableRow, c: int) -> Figure | None:
    cell = row.cells[c] if c < len(row.cells) else None
    return cell if cell is not None and cell.value is not None else None


def _heading(table: NumericTable, c: int) -> str:
    return table.columns[c] if c < len(table.columns) else ""
