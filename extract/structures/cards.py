"""Service cards (Appendix A style) from the row flow, ruled or not.

A card is a title, a run of label/value rows starting with 'Overview', then a staffing
block and a budget block of two columns each. Columns are found from the positions of
the printed words ('Overview' and its value; 'Proposed staffing'; 'Proposed costs'),
never from ruling lines, so borderless tables and cards broken across pages read alike.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract.figures.match import find_in_runs
from extract.models import Budget, ServiceCard, Staffing
from extract.read.flow import FlowRow, column_run, columns, crosses, match_x, plain
from extract.read.text import Row
from extract.settings import DEFAULT_SETTINGS, Settings
from extract.structures.blocks import Column, budget_block, money_columns, staffing_block
from extract.structures.titles import service_name, title_above, value_column_x
from extract.vocabulary import BUDGET_HEADER, BUDGET_RIGHT, CARD_START, SECTION_LABELS, STAFFING_HEADER, STAFFING_RIGHT


@dataclass
class Block:
    kind: str  # "staffing" or "budget"
    boundary: float
    rows: list[Row] = field(default_factory=list)


@dataclass
class CardLayout:
    title_rows: list[Row]
    sections: list[tuple[str, list[str]]]  # (printed label, lines)
    blocks: list[Block]
    pages: list[int]


def flow_to_cards(flow: Sequence[FlowRow], first: int = 1, settings: Settings = DEFAULT_SETTINGS) -> list[ServiceCard]:
    """Service cards, numbered from `first` (the pack's count so far, plus one)."""
    starts = [i for i, fr in enumerate(flow) if _is_card_start(fr.row, settings)]
    title_starts = [
        title_above(flow, i, limit=starts[k - 1] if k else -1, settings=settings) for k, i in enumerate(starts)
    ]
    cards: list[ServiceCard] = []
    for k, start in enumerate(starts):
        stop = title_starts[k + 1] if k + 1 < len(starts) else len(flow)
        layout = read_card(flow, title_starts[k], start, stop, settings)
        if layout.blocks:  # no staffing or budget block: a label table, not a card
            cards.append(layout_to_card(layout, first + len(cards), settings))
    return cards


def _is_card_start(row: Row, settings: Settings) -> bool:
    return bool(CARD_START.match(_label(row.text))) and value_column_x(row, settings) is not None


# Marks before a label's or block header's first letter: on a scan, a cell's left border read
# as '—', '“' or "'" ('— Overview', '“Current model', "'Current Budget"). No label starts with one.
_MARKS_BEFORE = re.compile(r"^[^\w(£]+")


def _label(text: str) -> str:
    return _MARKS_BEFORE.sub("", text.strip())


def read_card(flow: Sequence[FlowRow], title_start: int, start: int, stop: int,
              settings: Settings = DEFAULT_SETTINGS) -> CardLayout:
    value_x = value_column_x(flow[start].row, settings)
    assert value_x is not None, "a card starts only at a label/value row (_is_card_start)"
    layout = CardLayout([fr.row for fr in flow[title_start:start]], [], [], [])
    i = start
    while i < stop and not _block_header(flow, i, stop, settings):
        _add_section_row(layout, flow[i].row, value_x, settings)
        i += 1
    block: Block | None = None
    while i < stop:
        fr = flow[i]
        header = _block_header(flow, i, stop, settings)
        if header is not None:
            block, lines = header
            layout.blocks.append(block)
            block.rows.extend(f.row for f in flow[i:i + lines])
            i += lines
            continue
        if block is not None and not _ends_block(fr, block, settings):
            block.rows.append(fr.row)
        elif any(b.kind == "budget" for b in layout.blocks):
            break
        else:
            block = None  # prose between the staffing and budget blocks: not part of either
        i += 1
    layout.pages = sorted({r.page for r in layout.title_rows} | {fr.row.page for fr in flow[start:i]})
    return layout


BLOCK_TITLES = (("staffing", STAFFING_HEADER, STAFFING_RIGHT), ("budget", BUDGET_HEADER, BUDGET_RIGHT))
HEADER_WRAP_LINES = 2  # lines below its first that a block's left title cell may wrap onto


def _block_header(flow: Sequence[FlowRow], i: int, stop: int, settings: Settings) -> tuple[Block, int] | None:
    """The block whose header row is flow[i], and how many rows its header takes: one, or
    more when a narrow column wraps the left title ('Current' beside 'Proposed costs',
    'budget' on the line below)."""
    row = flow[i].row
    for kind, header, right in BLOCK_TITLES:
        boundary = match_x(row, right) or value_column_x(row, settings)
        if boundary is None:
            continue
        if header.match(_label(row.text)):
            return Block(kind, boundary), 1
        lines = _wrapped_title_lines(flow, i, stop, boundary, header, settings)
        if lines:
            return Block(kind, boundary), lines
    return None


def _wrapped_title_lines(flow: Sequence[FlowRow], i: int, stop: int, boundary: float, header: re.Pattern,
                         settings: Settings) -> int:
    """Rows the left title cell takes when it wraps, or 0: the title's first words open the
    row, left of the right-hand title, and its last words are the left cells of the next
    rows, set tight below them as the lines of one cell are."""
    left, _ = flow[i].row.split(boundary, settings.column_slack)
    if not left or left[0] is not flow[i].row.words[0]:
        return 0
    title, x0, x1 = [w.text for w in left], left[0].x0, max(w.x1 for w in left)
    for n in range(1, HEADER_WRAP_LINES + 1):
        if i + n >= stop:
            return 0
        fr = flow[i + n]
        below, _ = fr.row.split(boundary, settings.column_slack)
        tight = not fr.page_break and fr.gap_above <= settings.header_wrap_gap * fr.row.size
        if not below or not tight or below[0].x0 > x1 or max(w.x1 for w in below) < x0:
            return 0
        title += [w.text for w in below]
        if header.match(_label(" ".join(title))):
            return n + 1
    return 0


def _ends_block(fr: FlowRow, block: Block, settings: Settings) -> bool:
    big_gap = fr.gap_above > settings.block_gap * fr.row.size and not fr.page_break
    return big_gap or crosses(fr.row, [block.boundary], settings.crossing_margin)


def _add_section_row(layout: CardLayout, row: Row, value_x: float, settings: Settings) -> None:
    left, right = row.split(value_x, settings.column_slack)
    left_text = " ".join(w.text for w in left)
    right_text = " ".join(w.text for w in right)
    if left_text and (not layout.sections or section_key(left_text) is not None):
        if not layout.sections or layout.sections[-1][1] or section_key(layout.sections[-1][0]) is None:
            layout.sections.append((left_text, []))
        else:
            layout.sections[-1] = (layout.sections[-1][0] + " " + left_text, layout.sections[-1][1])
    elif left_text:
        label, lines = layout.sections[-1]
        layout.sections[-1] = (label + " " + left_text, lines)
    if right_text:
        if not layout.sections:
            layout.sections.append(("", []))
        layout.sections[-1][1].append(right_text)


def section_key(label: str) -> str | None:
    for key, pattern in SECTION_LABELS:
        if pattern.match(_label(label)):
            return key
    return None


def _section_slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") or "untitled"


def layout_to_card(layout: CardLayout, number: int, settings: Settings = DEFAULT_SETTINGS) -> ServiceCard:
    service = service_name(layout.title_rows, settings) or f"Untitled service, page {layout.pages[0]}"
    sections: dict[str, str] = {}
    for label, lines in layout.sections:
        key = section_key(label) or _section_slug(plain(label))
        text = plain(" ".join(lines))
        sections[key] = f"{sections[key]}\n{text}" if key in sections else text
    staffing, budget = read_blocks(layout.blocks, settings)
    return ServiceCard(
        id=f"card-{number}-{_section_slug(service)[:40].strip('_')}",
        service=service,
        page_start=layout.pages[0],
        page_end=layout.pages[-1],
        sections=sections,
        staffing=staffing,
        budget=budget,
    )


def read_blocks(blocks: Sequence[Block], settings: Settings = DEFAULT_SETTINGS) -> tuple[Staffing, Budget]:
    runs = []
    for block in blocks:
        left, right = columns(block.rows, [block.boundary], settings.column_slack)
        runs.extend([column_run(left), column_run(right)])
    found = find_in_runs(runs)
    staffing, budget = Staffing(), Budget()
    for k, block in enumerate(blocks):
        pair_runs, pair_found = runs[2 * k: 2 * k + 2], found[2 * k: 2 * k + 2]
        if block.kind == "staffing":
            current, proposed = (Column(r, tuple(f)) for r, f in zip(pair_runs, pair_found, strict=True))
            staffing = staffing_block(current, proposed)
        else:
            budget = budget_block(*money_columns(pair_runs, pair_found))
    return staffing, budget
