"""Appendix B 'Financial and staff impacts' tables: one per service, four columns.

Staff impact | Current budget | Pre-consultation forecast costs | Post consultation forecast costs.
Column edges come from where the three column titles are printed on the header row.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from extract.figures.match import find_in_runs
from extract.models import FinancialTable
from extract.read.flow import FlowRow, column_run, columns, crosses, match_x, plain
from extract.read.text import Row
from extract.settings import DEFAULT_SETTINGS, Settings
from extract.structures.blocks import current_column, money_columns, proposed_column
from extract.structures.titles import service_name, title_above
from extract.vocabulary import FINTABLE_COLUMNS

_APPENDIX_HEADING = re.compile(r"^(appendix|annex)\s+[A-Z0-9]\b", re.I)


def flow_to_financial_tables(flow: Sequence[FlowRow], first: int = 1,
                             settings: Settings = DEFAULT_SETTINGS) -> list[FinancialTable]:
    """Appendix B tables, numbered from `first` (the pack's count so far, plus one)."""
    headers = [i for i, fr in enumerate(flow) if _boundaries(fr.row) is not None]
    titles = [title_above(flow, i, limit=headers[k - 1] if k else -1, settings=settings) for k, i in enumerate(headers)]
    tables: list[FinancialTable] = []
    for k, header in enumerate(headers):
        stop = titles[k + 1] if k + 1 < len(headers) else len(flow)
        rows = table_rows(flow, header, stop, settings)
        title_rows = [fr.row for fr in flow[titles[k]:header]]
        tables.append(rows_to_table(title_rows, rows, first + len(tables), settings))
    return tables


def _boundaries(row: Row) -> list[float] | None:
    found = [match_x(row, pattern) for _, pattern in FINTABLE_COLUMNS]
    xs = [x for x in found if x is not None]
    if len(xs) < len(found) or xs != sorted(xs):
        return None
    return xs


def table_rows(flow: Sequence[FlowRow], header: int, stop: int, settings: Settings = DEFAULT_SETTINGS) -> list[Row]:
    edges = _boundaries(flow[header].row) or []
    rows = [flow[header].row]
    for fr in flow[header + 1:stop]:
        big_gap = fr.gap_above > settings.block_gap * fr.row.size and not fr.page_break
        if big_gap or crosses(fr.row, edges, settings.crossing_margin) or _APPENDIX_HEADING.match(fr.text):
            break
        rows.append(fr.row)
    return rows


def rows_to_table(title_rows: Sequence[Row], rows: Sequence[Row], number: int,
                  settings: Settings = DEFAULT_SETTINGS) -> FinancialTable:
    edges = _boundaries(rows[0])
    assert edges is not None, "a table starts only at its header row (flow_to_financial_tables)"
    impact, current, pre, post = (column_run(c) for c in columns(rows, edges, settings.column_slack))
    found = find_in_runs([current, pre, post])
    current_col, pre_col, post_col = money_columns([current, pre, post], found)
    total, parts, _ = current_column(current_col)
    service = service_name(title_rows, settings) or f"Untitled table, page {rows[0].page}"
    slug = re.sub(r"[^a-z0-9]+", "-", service.lower()).strip("-")[:40].strip("-")
    return FinancialTable(
        id=f"table-{number}-{slug}",
        service=service,
        page=(title_rows[0] if title_rows else rows[0]).page,
        current=total,
        current_parts=parts,
        pre_consultation=proposed_column(pre_col).to_forecast(),
        post_consultation=proposed_column(post_col).to_forecast(),
        staff_impact=plain(impact.text),
    )
