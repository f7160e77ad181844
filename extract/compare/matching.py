"""Which thing of the old version is which of the new: tables by title and position, rows by
label, columns by heading, cards and Appendix B tables by service, post lists by title.

Everything is matched by what is printed, never by page or position on the page: a table
that moved to the next page because the text above it grew is the same table. Sequences
(rows, columns, a paragraph's figures) are aligned in order, so a label printed twice
('TOTAL' under two groups) pairs with its own counterpart.
"""
from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
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


MAX_CELLS = 250_000  # largest stretch between anchors aligned by the weighed pass (old × new items)
EQUAL, ALIKE = 2, 1  # the weighed pass's score of an equal pair, and of a changed pair


def align(old: Sequence[Hashable], new: Sequence[Hashable],
          alike: Callable[[int, int], bool] | None = None) -> list[Pair]:
    """Pair two sequences of keys in order. Keys printed once in each anchor the alignment
    (patience diff: of them, the longest run in the same order); between anchors, the
    pairing with most equal pairs, then most pairs `alike` says are one thing (a changed value
    in a paragraph, a label read with a letter more), wins. So a heading's '£250' repeated on
    seven pages, the first changed to '£251', is that one changed, not a '£251' added before
    six '£250' shifted by a page; and '£8m … £8m' becoming '£0m … £8m' is the first £8m
    changed. The rest stand alone. Pairs in order."""
    return _aligned(old, new, 0, len(old), 0, len(new), alike)


def _aligned(old: Sequence[Hashable], new: Sequence[Hashable], i0: int, i1: int, j0: int, j1: int,
             alike: Callable[[int, int], bool] | None) -> list[Pair]:
    if (i1 - i0) * (j1 - j0) <= MAX_CELLS:
        return _between(old, new, i0, i1, j0, j1, alike)
    anchors = _unique_anchors(old, new, i0, i1, j0, j1)
    if not anchors:
        return _by_opcodes(old, new, i0, i1, j0, j1, alike)
    pairs: list[Pair] = []
    for i, j in [*anchors, (i1, j1)]:
        pairs += _aligned(old, new, i0, i, j0, j, alike)
        if i < i1:
            pairs.append((i, j))
        i0, j0 = i + 1, j + 1
    return pairs


def _unique_anchors(old: Sequence[Hashable], new: Sequence[Hashable], i0: int, i1: int, j0: int,
                    j1: int) -> list[tuple[int, int]]:
    """Keys found once in each stretch, paired, and of those the longest run in the same order."""
    in_old, in_new = Counter(old[i0:i1]), Counter(new[j0:j1])
    where_new = {new[j]: j for j in range(j0, j1) if in_new[new[j]] == 1}
    candidates = [(i, where_new[old[i]]) for i in range(i0, i1) if in_old[old[i]] == 1 and old[i] in where_new]
    # Longest increasing run of new indexes (patience sorting), in old order.
    tails: list[int] = []  # index into candidates of the smallest tail of each length
    tail_js: list[int] = []  # and its new index
    before: list[int] = [-1] * len(candidates)
    for n, (_, j) in enumerate(candidates):
        length = bisect.bisect_left(tail_js, j)
        before[n] = tails[length - 1] if length else -1
        if length == len(tails):
            tails.append(n)
            tail_js.append(j)
        else:
            tails[length], tail_js[length] = n, j
    run: list[tuple[int, int]] = []
    n = tails[-1] if tails else -1
    while n >= 0:
        run.append(candidates[n])
        n = before[n]
    return run[::-1]


def _between(old: Sequence[Hashable], new: Sequence[Hashable], i0: int, i1: int, j0: int, j1: int,
             alike: Callable[[int, int], bool] | None) -> list[Pair]:
    """The best-scoring pairing of old[i0:i1] with new[j0:j1] (dynamic programming); a stretch
    too large for it is paired by difflib's opcodes."""
    n, m = i1 - i0, j1 - j0
    if n == 0 or m == 0:
        return [(i, None) for i in range(i0, i1)] + [(None, j) for j in range(j0, j1)]
    if n * m > MAX_CELLS:
        return _by_opcodes(old, new, i0, i1, j0, j1, alike)
    score = [[0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        row, below = score[a], score[a + 1]
        for b in range(m - 1, -1, -1):
            best = max(below[b], row[b + 1])
            if old[i0 + a] == new[j0 + b]:
                best = max(best, EQUAL + below[b + 1])
            elif alike is not None and alike(i0 + a, j0 + b):
                best = max(best, ALIKE + below[b + 1])
            row[b] = best
    pairs: list[Pair] = []
    a = b = 0
    while a < n and b < m:
        gain = EQUAL if old[i0 + a] == new[j0 + b] else ALIKE if alike is not None and alike(i0 + a, j0 + b) else 0
        if gain and score[a][b] == gain + score[a + 1][b + 1]:
            pairs.append((i0 + a, j0 + b))
            a, b = a + 1, b + 1
        elif score[a][b] == score[a + 1][b]:
            pairs.append((i0 + a, None))
            a += 1
        else:
            pairs.append((None, j0 + b))
            b += 1
    return pairs + [(i0 + k, None) for k in range(a, n)] + [(None, j0 + k) for k in range(b, m)]


def _by_opcodes(old: Sequence[Hashable], new: Sequence[Hashable], i0: int, i1: int, j0: int, j1: int,
                alike: Callable[[int, int], bool] | None) -> list[Pair]:
    """difflib's opcodes over the stretch; in a stretch that differs, items at one offset pair when alike."""
    pairs: list[Pair] = []
    matcher = difflib.SequenceMatcher(None, list(old[i0:i1]), list(new[j0:j1]), autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [(i0 + a1 + k, j0 + b1 + k) for k in range(a2 - a1)]
            continue
        k = 0
        while a1 + k < a2 and b1 + k < b2 and alike is not None and alike(i0 + a1 + k, j0 + b1 + k):
            pairs.append((i0 + a1 + k, j0 + b1 + k))
            k += 1
        pairs += [(i0 + a, None) for a in range(a1 + k, a2)] + [(None, j0 + b) for b in range(b1 + k, b2)]
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


def match_names(old_names: Sequence[str], new_names: Sequence[str]) -> list[Pair]:
    """Cards by service, post lists by title: equal names (as keys) pair in order, whatever
    lies between; then, of those left, names nearly alike at one place in the sequence
    ('Music Service' and 'Music Services')."""
    old_keys, new_keys = [label_key(n) for n in old_names], [label_key(n) for n in new_names]
    by_key: dict[str, list[int]] = {}
    for j, key in enumerate(new_keys):
        by_key.setdefault(key, []).append(j)
    paired: dict[int, int] = {}
    for i, key in enumerate(old_keys):
        if by_key.get(key):
            paired[i] = by_key[key].pop(0)
    left_old = [i for i in range(len(old_keys)) if i not in paired]
    left_new = sorted(set(range(len(new_keys))) - set(paired.values()))
    for a, b in align_labels([old_names[i] for i in left_old], [new_names[j] for j in left_new]):
        if a is not None and b is not None:
            paired[left_old[a]] = left_new[b]
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
