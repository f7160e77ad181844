"""Footnote marks printed as superscripts beside a label or a figure ('Transferred Debt¹',
'27.8²'): set in smaller type on a raised baseline, touching the word they mark. A mark is
no cell and no part of a label. Set far enough above the line, it is read as a line of its
own; a row of nothing but marks is then dropped from the table's flow.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extract.read.flow import FlowRow
from extract.read.text import Word

MARK_TEXT = re.compile(r"^(?:\d{1,2}|[a-z]|[*†‡§¶])$")  # what a footnote mark prints
SMALLER = 0.85  # a mark's type size is at most this share of the word it marks
TOUCHING = 0.3  # type sizes (of the marked word) between a word's end and its mark
RAISED = 0.15  # type sizes the mark's baseline sits above the marked word's


def is_mark(word: Word, marked: Word) -> bool:
    """`word` is a footnote mark set on `marked`: mark text, smaller type, raised baseline,
    just after it and overlapping its height."""
    size = marked.size
    # smaller type first: it settles nearly every pair of words at the cost of one comparison
    return (word.size <= SMALLER * size and MARK_TEXT.match(word.text) is not None
            and -TOUCHING * size <= word.x0 - marked.x1 <= TOUCHING * size
            and word.bottom <= marked.bottom - RAISED * size and word.bottom > marked.top)


def without_marks(words: Sequence[Word]) -> tuple[Word, ...]:
    """The words of a line without the marks set on the words before them, or printed at
    their end with no gap (read as one word: 'Debt1', '1,106.32')."""
    kept: list[Word] = []
    for word in words:
        if kept and is_mark(word, kept[-1]):
            continue
        kept.append(_without_trailing_mark(word))
    return tuple(kept)


def _without_trailing_mark(word: Word) -> Word:
    """The word without its last one or two characters when they are a mark: smaller boxes on
    a raised baseline after characters of the word's own type."""
    boxes, text = word.boxes, word.text
    if len(boxes) != len(text):
        return word
    for n in (1, 2):
        if len(boxes) <= n + 1 or not MARK_TEXT.match(text[-n:]):
            continue
        top, bottom = boxes[0][1], boxes[0][3]
        if bottom > top and all(b[1] == top and b[3] == bottom for b in boxes):
            return word  # every character of one height on one baseline (nearly every figure): no mark
        body, mark = boxes[:-n], boxes[-n:]
        height = max([b[3] - b[1] for b in body])
        bottom = max([b[3] for b in body])
        if all(b[3] - b[1] <= SMALLER * height and b[3] <= bottom - RAISED * height for b in mark):
            return replace(word, text=word.text[:-n], boxes=body)
    return word


def without_mark_rows(flow: Sequence[FlowRow]) -> list[FlowRow]:
    """The flow without rows made only of marks set on a word of the line below or above (a
    mark raised further than the line tolerance); the row after one keeps its true gap."""
    kept: list[FlowRow] = []
    dropped = False
    for k, fr in enumerate(flow):
        near = [flow[j].row for j in (k - 1, k + 1) if 0 <= j < len(flow) and flow[j].row.page == fr.row.page]
        if near and all(MARK_TEXT.match(w.text) and any(is_mark(w, other) for line in near for other in line.words)
                        for w in fr.row.words):
            dropped = True
            continue
        if dropped and kept and not fr.page_break and kept[-1].row.page == fr.row.page:
            fr = replace(fr, gap_above=max(0.0, fr.row.top - kept[-1].row.bottom))
        dropped = False
        kept.append(fr)
    return kept
