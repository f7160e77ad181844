"""The rows of a numbers table as printed: wrapped label lines folded into their row, a
heading row (text only) kept as a row that names the group of the rows below it.
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract.read.flow import FlowRow, plain
from extract.structures.numeric.cells import Cell
from extract.structures.numeric.grid import CONTINUATION_PITCH, DraftTable, is_continuation, row_pitch
from extract.vocabulary import SIGNED_LINE


@dataclass
class Folded:
    """One printed row of the table, wrapped label lines folded in."""

    label: str
    cells: list[Cell | None]
    page: int
    bold: bool = False
    notes: list[str] = field(default_factory=list)
    group: str | None = None
    lines: int = 1  # printed lines its label was joined from
    gap_above: float = 0.0  # white space above its first line (points)
    chosen_by: str = "spacing"  # what placed its wrapped label lines: their spacing, or the table's arithmetic


def fold_rows(flow: Sequence[FlowRow], draft: DraftTable, order: list[int],
              label_column: int | None = None) -> list[Folded]:
    """Each printed row with its cells by column, wrapped label lines folded into their row;
    a heading row (text only) is kept as a row and names the group of the rows below it."""
    pitch = row_pitch(flow, draft)
    spacing = Spacing(flow, draft, pitch)
    centred = centred_label_lines(flow, draft, pitch)
    rows: list[Folded] = []
    prefix, group, prefix_lines = "", None, 0
    for n, k in enumerate(draft.rows):
        parsed, row = draft.parsed[k], flow[k].row
        label = parsed.label_text
        if parsed.kind == "label" and not any(ch.isalnum() for ch in label):
            continue  # a speck ('.') on a line of its own: no label's words
        if parsed.kind == "label":
            below = spacing.numbers_below(n)
            if k in centred or (prefix and spacing.wraps(k)):
                prefix, prefix_lines = plain(f"{prefix} {label}"), prefix_lines + 1  # set around its numbers
            elif rows and spacing.wraps(k) and row.bold == rows[-1].bold and not (
                    below is not None and spacing.heads(n, below, rows[-1].bold)):  # bold wraps no plain label
                rows[-1].label = plain(f"{rows[-1].label} {label}")
                rows[-1].lines += 1
            elif below is not None:
                prefix, prefix_lines = plain(f"{prefix} {label}"), prefix_lines + 1  # wrapped above its numbers
            else:
                group = plain(f"{prefix} {label}")
                rows.append(Folded(group, [None] * len(order), row.page, row.bold, lines=prefix_lines + 1,
                                   gap_above=flow[k].gap_above))
                prefix, prefix_lines = "", 0
            continue
        cells: list[Cell | None] = [None] * len(order)
        for cell, place in zip(parsed.cells, draft.placed[k], strict=False):
            if place == label_column:
                label = cell.text
            else:
                cells[order.index(place)] = cell
        notes = [plain(" ".join(w.text for w in note)) for note in parsed.notes]
        rows.append(Folded(plain(f"{prefix} {label}"), cells, row.page, row.bold, notes, group, prefix_lines + 1,
                           gap_above=flow[k].gap_above))
        prefix, prefix_lines = "", 0
    return rows


MIN_ROW_PAIRS = 1  # pairs of number rows printed one under the other that show how far apart rows are set
# A label line ending in one of these words or marks is continued on the next line.
OPEN_END = re.compile(r"(?:[-–,&(/]|\b(?:and|or|of|for|to|the|in|on|at|by|with|from|including|excluding))$", re.I)


class Spacing:
    """Where a table's label lines belong, told by their spacing: a wrapped line is set
    closer under the line above than the table's rows are set from one another. In a table
    set so tight that its rows stand as close as wrapped lines do ('INFLATION' with no
    figures under 'Base budget'), a line is a wrap only when its words say so (the line
    above ends open, or this one starts in lower case)."""

    def __init__(self, flow: Sequence[FlowRow], draft: DraftTable, pitch: float) -> None:
        self.flow, self.draft, self.pitch = flow, draft, pitch
        pairs = [flow[b].gap_above for a, b in zip(draft.rows, draft.rows[1:], strict=False)
                 if draft.parsed[a].kind == draft.parsed[b].kind == "numeric" and not flow[b].page_break]
        self.row_gap = statistics.median(pairs) if len(pairs) >= MIN_ROW_PAIRS else None

    def wraps(self, k: int) -> bool:
        """The k-th flow row is set as a wrapped line of the line above it."""
        fr = self.flow[k]
        if not is_continuation(fr, self.pitch):
            return False
        if self.row_gap is None or fr.gap_above < CONTINUATION_PITCH * self.row_gap:
            return True
        above, text = plain(self.flow[k - 1].text) if k else "", self.draft.parsed[k].label_text
        return bool(OPEN_END.search(above)) or above.count("(") > above.count(")") or text[:1].islower()

    def numbers_below(self, n: int) -> int | None:
        """The number row the label lines from the n-th row of the draft are wrapped above:
        each following label line and then that row set as wrapped lines are."""
        rows = self.draft.rows
        m = n + 1
        while m < len(rows) and self.draft.parsed[rows[m]].kind == "label" and self.wraps(rows[m]):
            m += 1
        if m < len(rows) and self.draft.parsed[rows[m]].kind == "numeric" and self.wraps(rows[m]):
            return rows[m]
        return None

    def heads(self, n: int, below: int, bold_above: bool) -> bool:
        """The label lines from the n-th row down to the number row `below` are that row's
        label, not the end of the row above's: set in its emphasis and not the row above's,
        or set closer to one another than the first of them is to the row above."""
        k = self.draft.rows[n]
        lines = [j for j in self.draft.rows if k < j <= below]
        if self.flow[k].row.bold == self.flow[below].row.bold != bold_above:
            return True
        widest_within = max(self.flow[j].gap_above for j in lines)
        return self.flow[k].gap_above > widest_within + WRAP_SLACK * self.flow[k].row.size


WRAP_SLACK = 0.1  # type sizes: spacing that tells the first line of a label from the lines wrapped under it


BESIDE = 0.75  # a label line whose middle is this close (type sizes) to a number row's is set beside it
MIDWAY = 0.3  # how far (type sizes) a number row may sit from midway between the label lines around it
LINE_REACH = 1.6  # label lines around a number row lie within about a line of it (type sizes)


def centred_label_lines(flow: Sequence[FlowRow], draft: DraftTable, pitch: float) -> set[int]:
    """Label-only lines printed above a number row that belong to it, not to the row above:
    a label wrapped over lines and set vertically centred on its numbers (spreadsheet style:
    'Savings previously identified (excluding Waste' / numbers / 'savings)').

    Geometry decides: a label line set beside the numbers (its middle within a fraction of a
    line of theirs) is theirs; and when label lines continue below a number row that has no
    label of its own, or whose label continues the line above (a bracket left open), the
    number row lies midway between the lines above and below, and as many lines above as
    below are its own."""
    owned: set[int] = set()
    for n, k in enumerate(draft.rows):
        if draft.parsed[k].kind != "numeric":
            continue
        row = flow[k].row
        above = _label_run(flow, draft, n, -1, pitch)
        below = _label_run(flow, draft, n, +1, pitch)
        if not above:
            continue
        middle, size = _middle(row), row.size
        nearest = flow[above[0]].row
        if not draft.parsed[k].label and abs(middle - _middle(nearest)) < BESIDE * size:
            owned.update(above[:max(1, len(below))])
            continue
        if not below or not _continues(draft, above[0], k):
            continue
        if not draft.parsed[k].label and SIGNED_LINE.match(draft.parsed[above[0]].label_text):
            continue  # 'Deduct unpresented cheques' printing nothing, then the reconciliation's result
        first_below = flow[below[0]].row
        top, bottom = _middle(nearest), _middle(first_below)
        if top < middle < bottom and abs(middle - (top + bottom) / 2) <= MIDWAY * size \
                and bottom - top <= 2 * LINE_REACH * size:
            owned.update(above[:len(below)])
    return owned


def _label_run(flow: Sequence[FlowRow], draft: DraftTable, n: int, step: int, pitch: float) -> list[int]:
    """The label-only lines next to the n-th row of the draft, nearest first, while each is
    set as a wrapped line of the one before it (no page break, a continuation's gap)."""
    run: list[int] = []
    m = n + step
    while 0 <= m < len(draft.rows) and draft.parsed[draft.rows[m]].kind == "label":
        lower = draft.rows[max(m, m - step)]  # of each pair, the line printed lower
        if not is_continuation(flow[lower], pitch):
            break
        run.append(draft.rows[m])
        m += step
    return run


def _continues(draft: DraftTable, above: int, k: int) -> bool:
    """The number row's label is absent, or continues the label line above it: the line
    above leaves a bracket open, or the row's label begins in lower case."""
    label = draft.parsed[k].label_text
    if not label:
        return True
    line = draft.parsed[above].label_text
    return line.count("(") > line.count(")") or label[:1].islower()


def _middle(row) -> float:
    return (row.top + row.bottom) / 2
