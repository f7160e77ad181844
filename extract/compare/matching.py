"""Which thing of the old version is which of the new: tables by title and position, rows by
label, columns by heading, cards and Appendix B tables by service, post lists by title.

Everything is matched by what is printed, never by page or position on the page: a table
that moved to the next page because the text above it grew is the same table. Sequences
(rows, columns, a paragraph's figures) are aligned in order, so a label printed twice
('TOTAL' under two groups) pairs with its own counterpart.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from extract.models import NumericTable

T = TypeVar("T")
Pair = tuple[int | None, int | None]  # (old index, new index); None on the side that lacks it

ROW_NUMBER = re.compile(r"^\s*\d{1,3}[.)]?\s+(?=\D)")  # "3 Growth, Environment..." (renumbered when rows are added)
UNTITLED = re.compile(r"^untitled table, page \d+$", re.IGNORECASE)  # the reader's own name: holds a page number
SIMILAR_LABEL = 0.85  # two labels at one place in the sequence this alike (and with the same digits) are one
TABLE_MATCH = 1.0  # least score for two tables to be one (a shared title is worth 2, shared rows or columns 1 each)


def label_key(text: str | None) -> str:
    """A label as matched: case, spacing and punctuation set aside ('- Property funds' is
    '-Property funds'), and a leading row number dropped."""
    text = ROW_NUMBER.sub("", text or "")
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def align(old: Sequence[Hashable], new: Sequence[Hashable],
          alike: Callable[[int, int], bool] | None = None) -> list[Pair]:
    """Pair two sequences of keys in order (difflib's longest matching blocks). Within a
    stretch that differs, items at the same offset are paired when `alike` says they are one
    thing (a changed value in a paragraph, a label read with a letter more); the rest stand
    alone. Pairs come in the order of the new sequence, removals where they stood."""
    pairs: list[Pair] = []
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [(i1 + k, j1 + k) for k in range(i2 - i1)]
            continue
        k = 0
        while i1 + k < i2 and j1 + k < j2 and alike is not None and alike(i1 + k, j1 + k):
            pairs.append((i1 + k, j1 + k))
            k += 1
        pairs += [(i, None) for i in range(i1 + k, i2)] + [(None, j) for j in range(j1 + k, j2)]
    return pairs


def align_labels(old: Sequence[str], new: Sequence[str]) -> list[Pair]:
    """Rows by label, columns by heading: equal keys pair; at one place, labels nearly alike pair."""
    old_keys, new_keys = [label_key(t) for t in old], [label_key(t) for t in new]

    def alike(i: int, j: int) -> bool:
        a, b = old_keys[i], new_keys[j]
        same_digits = [ch for ch in a if ch.isdigit()] == [ch for ch in b if ch.isdigit()]  # 'Year 1' is not 'Year 2'
        return same_digits and difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR_LABEL

    return align(old_keys, new_keys, alike)


# ------------------------------------------------------------------ tables


def title_key(table: NumericTable) -> str:
    return "" if UNTITLED.match(table.title.strip()) else label_key(table.title)


@dataclass(frozen=True)
class TableKeys:
    """What a table is matched by: its title, its row labels, its column headings (as keys)."""

    title: str
    rows: frozenset[str]
    columns: frozenset[str]
    column_count: int

    @classmethod
    def of(cls, table: NumericTable) -> TableKeys:
        return cls(title_key(table), frozenset(label_key(r.label) for r in table.rows) - {""},
                   frozenset(label_key(c) for c in table.columns) - {""}, len(table.columns))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of labels in common (Jaccard), 0 when either has none."""
    return len(a & b) / len(a | b) if a and b else 0.0


def table_score(old: TableKeys, new: TableKeys) -> float:
    """How surely two tables are one: a shared title (2) and shared row labels and column
    headings (up to 1 each). Titles alone do not decide: a paper prints one title over a
    table split in two (years 1-4, then 5-10), and the columns tell them apart."""
    titled = bool(old.title) and old.title == new.title
    rows = _overlap(old.rows, new.rows)
    columns = _overlap(old.columns, new.columns)
    if not old.columns and not new.columns:  # no headings printed: their number tells
        columns = 1.0 if old.column_count == new.column_count else 0.0
    if not titled and (rows < 0.5 or columns < 0.5):
        return 0.0  # untitled or retitled: only a table with the same rows and columns is the same table
    return (2.0 if titled else 0.0) + rows + columns


@dataclass(frozen=True)
class Scored:
    score: float
    distance: int  # how far apart in order: of equal scores, the nearer pairs
    old: int
    new: int


def match_tables(old: Sequence[NumericTable], new: Sequence[NumericTable]) -> list[Pair]:
    """Pairs of tables, best first (score, then nearness in order), each table in one pair at most;
    then the unmatched of each side alone. In the order of the new version."""
    old_keys, new_keys = [TableKeys.of(t) for t in old], [TableKeys.of(t) for t in new]
    candidates = [Scored(s, abs(i - j), i, j) for i, a in enumerate(old_keys) for j, b in enumerate(new_keys)
                  if (s := table_score(a, b)) >= TABLE_MATCH]
    candidates.sort(key=lambda c: (-c.score, c.distance, c.new))
    taken_old: dict[int, int] = {}
    taken_new: set[int] = set()
    for c in candidates:
        if c.old not in taken_old and c.new not in taken_new:
            taken_old[c.old] = c.new
            taken_new.add(c.new)
    return in_new_order(len(old), len(new), taken_old)


def match_by_key(old_keys: Sequence[str], new_keys: Sequence[str]) -> list[Pair]:
    """Cards by service, post lists by title: equal keys pair in order, whatever lies between."""
    by_key: dict[str, list[int]] = {}
    for j, key in enumerate(new_keys):
        by_key.setdefault(key, []).append(j)
    paired: dict[int, int] = {}
    for i, key in enumerate(old_keys):
        if by_key.get(key):
            paired[i] = by_key[key].pop(0)
    return in_new_order(len(old_keys), len(new_keys), paired)


def in_new_order(old_count: int, new_count: int, paired: dict[int, int]) -> list[Pair]:
    """Every index once: pairs and the new side's unpaired by new index, each unpaired old one
    just after the pair before it in old order."""
    pairs: list[Pair] = []
    new_of_old = dict(paired)
    removed_after: dict[int, list[int]] = {}  # new index (or -1) → old indexes removed after it
    last = -1
    for i in range(old_count):
        if i in new_of_old:
            last = new_of_old[i]
        else:
            removed_after.setdefault(last, []).append(i)
    old_of_new = {j: i for i, j in paired.items()}
    pairs += [(i, None) for i in removed_after.get(-1, [])]
    for j in range(new_count):
        pairs.append((old_of_new.get(j), j))
        pairs += [(i, None) for i in removed_after.get(j, [])]
    return pairs
