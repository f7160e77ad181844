"""Two extractions of one paper → the changes between them, in the order of the new paper.

A figure is compared with its counterpart in the matched structure (a table's cell at the
matched row and column, a card's figure in the same role) or, outside every structure, with
the figure at the same place in the same report paragraph (and what is left, with an equal
figure anywhere: paragraphs renumbered). Only values are compared: a figure
printed on another page or at another place because the layout reflowed is no change, and
neither is the same amount printed otherwise ('£1.2m' for '£1,200,000').
"""
from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from extract import __version__
from extract.compare.matching import align, align_labels, label_key, match_names, match_tables
from extract.compare.model import Change, ComparedSource, Comparison
from extract.models import Extraction, Figure, NumericTable, RoleFigures, Source

Position = tuple[int, float, float]  # page, top, left


def position(figure: Figure) -> Position:
    return (figure.page, figure.bbox[1], figure.bbox[0])


def place(figure: Figure) -> tuple[int, tuple[float, ...]]:
    return (figure.page, tuple(figure.bbox))


def same_value(old: Figure, new: Figure) -> bool:
    if old.kind != new.kind:
        return False
    if old.value is None or new.value is None:  # an ambiguous figure: compared as printed
        return old.value is None and new.value is None and old.text == new.text
    return math.isclose(old.value, new.value, rel_tol=1e-12, abs_tol=1e-9)


def difference(old: Figure, new: Figure) -> float | None:
    """new − old, to the finer of the two printed precisions (no float dust: 282.9m − 283.0m is −100000)."""
    if old.value is None or new.value is None or old.kind != new.kind:
        return None
    step = min(old.precision, new.precision)
    raw = new.value - old.value
    exact = round(raw / step) * step if step > 0 else raw
    return round(exact, 6)


def value_key(figure: Figure) -> tuple:
    return (figure.kind, round(figure.value, 6) if figure.value is not None else figure.text)


@dataclass
class Collector:
    """The changes found, and where matched figures stand in each version (to place removals)."""

    old: Extraction
    new: Extraction
    changes: list[Change] = field(default_factory=list)
    matched: list[tuple[Position, Position]] = field(default_factory=list)

    def figure_pair(self, old: Figure | None, new: Figure | None, **where: str | None) -> None:
        if old is not None and new is not None:
            self.matched.append((position(old), position(new)))
            if same_value(old, new):
                return
            self.changes.append(self._change("changed", old, new, difference(old, new), where))
        elif old is not None or new is not None:
            self.changes.append(self._change("added" if old is None else "removed", old, new, None, where))

    def structure(self, kind: str, scope: str, figures: Sequence[Figure], **where: str | None) -> None:
        """A row, column, table or card in one version only; one holding no figure is not reported
        (a heading row read differently is no change in the figures)."""
        if figures:
            version = self.new if kind == "added" else self.old
            fields: dict[str, Any] = {"kind": kind, "scope": scope, "old": None, "new": None,
                                      "figures": list(figures), "document": document_at(version, figures[0].page)}
            self.changes.append(Change(**{**fields, **where}))

    def _change(self, kind: str, old: Figure | None, new: Figure | None, difference: float | None,
                where: dict[str, str | None]) -> Change:
        shown = new if new is not None else old
        assert shown is not None
        version = self.new if new is not None else self.old
        fields: dict[str, Any] = {"section": shown.section, **where, "kind": kind, "scope": "figure", "old": old,
                                  "new": new, "difference": difference, "document": document_at(version, shown.page)}
        return Change(**fields)


def document_at(extraction: Extraction, page: int) -> str | None:
    for document in extraction.documents:
        if document.page_start <= page <= document.page_end:
            return document.label or document.title
    return None


# ------------------------------------------------------------------ tables


def table_changes(into: Collector, old: NumericTable, new: NumericTable) -> None:
    rows = align_labels([r.label for r in old.rows], [r.label for r in new.rows])
    columns = align_labels(old.columns, new.columns)
    title = new.title
    for i, j in columns:
        if i is None or j is None:
            table, index = (new, j) if j is not None else (old, i)
            assert index is not None
            cells = [_cell(r.cells, index) or _cell(r.percentages, index) for r in table.rows]
            into.structure("added" if i is None else "removed", "column", [c for c in cells if c is not None],
                           table=title, column=table.columns[index])
    for i, j in rows:
        if i is None or j is None:
            row = new.rows[j] if j is not None else old.rows[i]  # type: ignore[index]
            printed = [c for c in (*row.cells, *row.percentages) if c is not None]
            into.structure("added" if i is None else "removed", "row", printed, table=title, row=row.label)
            continue
        old_row, new_row = old.rows[i], new.rows[j]
        for ci, cj in columns:
            if ci is None or cj is None:
                continue
            where = {"table": title, "row": new_row.label, "column": new.columns[cj]}
            into.figure_pair(_cell(old_row.cells, ci), _cell(new_row.cells, cj), **where)
            # a percentage printed in the cell (which `cells` leaves blank: it adds to nothing)
            into.figure_pair(_cell(old_row.percentages, ci), _cell(new_row.percentages, cj), **where)


def _cell(cells: Sequence[Figure | None], index: int) -> Figure | None:
    return cells[index] if index < len(cells) else None


def _table_figures(table: NumericTable) -> list[Figure]:
    return [figure for _, figure in table.figures()]


def all_table_changes(into: Collector) -> None:
    old, new = into.old.tables, into.new.tables
    for i, j in match_tables(old, new):
        if i is not None and j is not None:
            table_changes(into, old[i], new[j])
        elif j is not None:
            into.structure("added", "table", _table_figures(new[j]), table=new[j].title)
        elif i is not None:
            into.structure("removed", "table", _table_figures(old[i]), table=old[i].title)


# ------------------------------------------------------------------ cards, Appendix B tables, post lists


def role_changes(into: Collector, old: RoleFigures, new: RoleFigures, **where: str | None) -> None:
    """Figures in the same role pair; a role holding a list (savings_breakdown) pairs in order, by value."""
    roles = list(dict.fromkeys([r for r, _ in new] + [r for r, _ in old]))
    for role in roles:
        before = [f for r, f in old if r == role]
        after = [f for r, f in new if r == role]
        for a, b in figure_alignment(before, after):
            into.figure_pair(a, b, role=role, **where)


def figure_alignment(old: Sequence[Figure], new: Sequence[Figure]) -> list[tuple[Figure | None, Figure | None]]:
    """Two runs of figures in printed order: equal values pair, and between them figures of
    the same kind under the same label (or none), the one changed into the other."""
    def alike(i: int, j: int) -> bool:
        a, b = old[i], new[j]
        return a.kind == b.kind and (a.label is None or b.label is None or label_key(a.label) == label_key(b.label))

    pairs = align([value_key(f) for f in old], [value_key(f) for f in new], alike)
    return [(old[i] if i is not None else None, new[j] if j is not None else None) for i, j in pairs]


def structure_changes(into: Collector, scope: str, old: Sequence, new: Sequence, name: str) -> None:
    """Cards (by service), Appendix B tables (by service) or post lists (by title)."""
    for i, j in match_names([getattr(s, name) for s in old], [getattr(s, name) for s in new]):
        item = new[j] if j is not None else old[i]  # type: ignore[index]
        where = {"card": item.service} if scope != "post_list" else {"table": item.title}
        if i is not None and j is not None:
            role_changes(into, old[i].figures(), new[j].figures(), **where)
        else:
            into.structure("added" if i is None else "removed", scope, [f for _, f in item.figures()], **where)


# ------------------------------------------------------------------ figures outside every structure


def structure_places(extraction: Extraction) -> set[tuple[int, tuple[float, ...]]]:
    owners: Iterable = [*extraction.tables, *extraction.service_cards, *extraction.financial_tables,
                        *extraction.post_lists]
    return {place(figure) for owner in owners for _, figure in owner.figures()}


def loose_figures(extraction: Extraction) -> list[Figure]:
    """Figures no structure claims (report paragraphs, lists, prose), in printed order."""
    owned = structure_places(extraction)
    return [figure for figure in extraction.figures if place(figure) not in owned]


def paragraph_alignment(old: Sequence[Figure], new: Sequence[Figure]) -> list[tuple[Figure | None, Figure | None]]:
    """Figures outside the structures, through the whole paper in printed order. First by
    value within their paragraph (a figure at the same place in the same paragraph, of the
    same kind, whose value differs, is that figure changed); then what is left by value alone,
    so that a paragraph renumbered (a paragraph inserted above it) is no change."""
    def alike(i: int, j: int) -> bool:
        a, b = old[i], new[j]
        return a.section == b.section and a.kind == b.kind and (
            a.label is None or b.label is None or label_key(a.label) == label_key(b.label))

    first = align([(*value_key(f), f.section) for f in old], [(*value_key(f), f.section) for f in new], alike)
    left_old = [i for i, j in first if i is not None and j is None]
    left_new = [j for i, j in first if j is not None and i is None]
    second = align([value_key(old[i]) for i in left_old], [value_key(new[j]) for j in left_new])
    moved = {left_old[a]: left_new[b] for a, b in second if a is not None and b is not None}
    pairs: list[tuple[Figure | None, Figure | None]] = []
    for i, j in first:
        if i is not None and j is None and i in moved:
            pairs.append((old[i], new[moved[i]]))
        elif not (i is None and j in moved.values()):
            pairs.append((old[i] if i is not None else None, new[j] if j is not None else None))
    return pairs


def loose_changes(into: Collector) -> None:
    for a, b in paragraph_alignment(loose_figures(into.old), loose_figures(into.new)):
        into.figure_pair(a, b)


def unmoved(changes: list[Change], old: Extraction, new: Extraction) -> list[Change]:
    """Drop an addition or removal whose every figure is printed, the same, at the same place
    in the other version: the two versions were read differently there (a table ending a row
    sooner), not printed differently. Silence over a false alarm."""
    printed = {"old": {(*place(f), f.text) for f in old.figures}, "new": {(*place(f), f.text) for f in new.figures}}
    kept = []
    for change in changes:
        if change.kind != "changed":
            other = printed["old" if change.kind == "added" else "new"]
            figures = [f for f in (change.old, change.new) if f is not None] or change.figures
            if figures and all((*place(f), f.text) in other for f in figures):
                continue
        kept.append(change)
    return kept


def regrouped(changes: list[Change]) -> list[Change]:
    """Drop removals whose figures are all among the additions, printed the same (and those
    additions): rows that one version reads as part of a table and the other as a table of
    their own (a table broken across pages differently) are not a change. Only removals of
    two figures or more: one amount printed alone may well recur (lone figures outside the
    structures were paired by paragraph_alignment already)."""
    def figures_of(change: Change) -> list[Figure]:
        return [f for f in (change.old, change.new) if f is not None] or change.figures

    added = Counter(identity(f) for c in changes if c.kind == "added" for f in figures_of(c))
    consumed: Counter = Counter()
    dropped: set[int] = set()
    for n, change in enumerate(changes):
        wanted = Counter(identity(f) for f in figures_of(change))
        if change.kind == "removed" and sum(wanted.values()) >= 2 and not wanted - (added - consumed):
            consumed += wanted
            dropped.add(n)
    for n, change in enumerate(changes):
        wanted = Counter(identity(f) for f in figures_of(change))
        if change.kind == "added" and consumed and not wanted - consumed:
            consumed -= wanted
            dropped.add(n)
    return [c for n, c in enumerate(changes) if n not in dropped]


def identity(figure: Figure) -> tuple:
    return (figure.kind, figure.text, figure.value)


# ------------------------------------------------------------------ the whole comparison


def compare(old: Extraction, new: Extraction) -> Comparison:
    into = Collector(old, new)
    all_table_changes(into)
    structure_changes(into, "card", old.service_cards, new.service_cards, "service")
    structure_changes(into, "financial_table", old.financial_tables, new.financial_tables, "service")
    structure_changes(into, "post_list", old.post_lists, new.post_lists, "title")
    loose_changes(into)
    findings = finding_index(new)
    changes = [linked(c, findings) for c in regrouped(unmoved(in_paper_order(into), old, new))]
    return Comparison(tool_version=__version__, old=compared_source(old.source), new=compared_source(new.source),
                      changes=changes)


def compared_source(source: Source) -> ComparedSource:
    return ComparedSource(file=source.file, sha256=source.sha256, pages=source.pages)


def in_paper_order(into: Collector) -> list[Change]:
    """By where each change stands in the new paper; a removal just after the new place of the
    last figure matched before it in the old paper."""
    matched = sorted(into.matched)
    olds = [o for o, _ in matched]

    def key(change: Change) -> tuple:
        shown = change.new if change.new is not None else change.old
        if shown is None:
            shown = change.figures[0]
        if change.kind != "removed":
            return (*position(shown), 0)
        at = bisect.bisect_right(olds, position(shown)) - 1
        anchor = matched[at][1] if at >= 0 else (0, 0.0, 0.0)
        return (*anchor, 1)

    return sorted(into.changes, key=key)


def finding_index(extraction: Extraction) -> dict[tuple[int, tuple[float, ...]], list[int]]:
    """Each figure's place → the findings (at warning or above) whose evidence holds it."""
    index: dict[tuple[int, tuple[float, ...]], list[int]] = {}
    for n, finding in enumerate(extraction.findings):
        if finding.severity == "info":
            continue
        for figure in finding.evidence:
            listed = index.setdefault(place(figure), [])
            if n not in listed:
                listed.append(n)
    return index


def linked(change: Change, findings: dict[tuple[int, tuple[float, ...]], list[int]]) -> Change:
    if change.kind != "changed" or change.new is None or place(change.new) not in findings:
        return change
    return change.model_copy(update={"findings": findings[place(change.new)]})


def summary_line(comparison: Comparison) -> str:
    """'3 figures changed, 1 row added, 0 removed', then any other structure or figure added or removed."""
    count: dict[tuple[str, str], int] = {}
    for change in comparison.changes:
        count[(change.kind, change.scope)] = count.get((change.kind, change.scope), 0) + 1
    changed = count.get(("changed", "figure"), 0)
    added, removed = count.get(("added", "row"), 0), count.get(("removed", "row"), 0)
    line = (f"{changed} figure{'s' if changed != 1 else ''} changed, "
            f"{added} row{'s' if added != 1 else ''} added, {removed} removed")
    others = [f"{n} {scope.replace('_', ' ')}{'s' if n != 1 else ''} {kind}"
              for (kind, scope), n in sorted(count.items())
              if scope != "row" and (kind, scope) != ("changed", "figure")]
    return line + ("; " + ", ".join(others) if others else "")
