"""Staffing and budget blocks: the figures of a column and the roles their words give them.

A block is two (or more) columns of printed lines. Roles come from the words around
each figure: 'saving' before it, 'Reduction' above it, 'potential' after it, a label
such as 'DSG savings' before it. The rule words live in patterns.py.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.figures.match import Found, infer_money_units
from extract.models import Budget, Figure, Forecast, Staffing
from extract.read.flow import plain
from extract.read.text import TextRun
from extract.vocabulary import (
    AT_RISK_WORDS,
    COLUMN_TITLE_WORDS,
    POTENTIAL_WORDS,
    REDUCTION_WORDS,
    SAVING_WORD,
    STAFFING_NOTES,
)

_LABEL_JUNK = " \t\n:;-–—•·+()[],."
_BLANK_AMOUNT = re.compile(r"(?P<label>[A-Za-z][A-Za-z &/'-]*?)\s*£(?!\s*\d)")


@dataclass(frozen=True)
class Column:
    """One column of a block: its text and the figures in it, in reading order."""

    run: TextRun
    found: tuple[Found, ...]
    inferred: frozenset[int] = frozenset()  # starts of figures whose unit was inferred

    @property
    def text(self) -> str:
        return self.run.text

    def figure(self, found: Found, label: str | None = None) -> Figure:
        return found.to_model(label=label, unit_inferred=found.start in self.inferred)

    def of_kind(self, kind: str) -> list[Found]:
        return [f for f in self.found if f.kind == kind]

    def window_before(self, found: Found) -> str:
        """Text between the previous figure's line and this figure."""
        previous = [f for f in self.found if f.end <= found.start]
        start = previous[-1].end if previous else 0
        window = self.text[start:found.start]
        if previous and "\n" in window:
            window = window[window.index("\n") + 1:]
        return window

    def since_previous(self, found: Found) -> str:
        """All the text between the previous figure and this one, line breaks included."""
        previous = [f for f in self.found if f.end <= found.start]
        return self.text[previous[-1].end if previous else 0:found.start]

    def window_after(self, found: Found) -> str:
        """Text after this figure up to the next figure."""
        following = [f for f in self.found if f.start >= found.end]
        end = following[0].start if following else len(self.text)
        return self.text[found.end:end]


def money_columns(runs: Sequence[TextRun], found: Sequence[Sequence[Found]]) -> list[Column]:
    """Columns of a budget block, with units inferred across the whole block."""
    flat = [(i, f) for i, column in enumerate(found) for f in column if f.kind == "money"]
    resolved = infer_money_units(f for _, f in flat)
    per_column: list[list[Found]] = [[] for _ in runs]
    inferred: list[set[int]] = [set() for _ in runs]
    for (i, _), (f, was_inferred) in zip(flat, resolved, strict=True):
        per_column[i].append(f)
        if was_inferred:
            inferred[i].add(f.start)
    return [Column(run, tuple(fs), frozenset(inf)) for run, fs, inf in zip(runs, per_column, inferred, strict=True)]


# --- staffing ------------------------------------------------------------------------

def staffing_block(current: Column, proposed: Column) -> Staffing:
    headcounts = [f for f in current.of_kind("headcount") if not f.text.lower().startswith("casual")]
    current_ftes = [f for f in current.of_kind("fte") if not _in_parentheses(current.text, f.start)]
    proposed_fte, reductions = _proposed_ftes(proposed)
    definite = [r for r in reductions if r.label == "definite"]
    return Staffing(
        current_headcount=current.figure(headcounts[0]) if headcounts else None,
        current_fte=current.figure(current_ftes[0]) if current_ftes else None,
        proposed_fte=proposed_fte,
        reduction_fte=definite[0] if definite else None,
        reductions=reductions,
        notes=staffing_notes(current.text) + staffing_notes(proposed.text),
    )


def _proposed_ftes(column: Column) -> tuple[Figure | None, list[Figure]]:
    proposed: Figure | None = None
    reductions: list[Figure] = []
    for f in column.of_kind("fte"):
        before_all = column.text[: f.start]
        line_before = before_all.rsplit("\n", 1)[-1]
        if AT_RISK_WORDS.search(line_before) or _in_parentheses(column.text, f.start):
            continue
        same_line_after = _clause_after(column, f).split("\n", 1)[0]
        if REDUCTION_WORDS.search(before_all) or REDUCTION_WORDS.search(same_line_after):
            kind = "potential" if _is_potential(column, f) else "definite"
            size = f.to_model(label=kind, unit_inferred=False).model_copy(update={"value": abs(f.value or 0.0)})
            reductions.append(size)
        elif proposed is None:
            proposed = column.figure(f)
    return proposed, reductions


def _is_potential(column: Column, f: Found) -> bool:
    before = column.window_before(f).rsplit(";", 1)[-1]
    return bool(POTENTIAL_WORDS.search(before) or POTENTIAL_WORDS.search(_clause_after(column, f)))


def _clause_after(column: Column, f: Found) -> str:
    """Words after a figure that still belong to it: up to ';', 'Note' or the next figure."""
    return re.split(r";|\bnote\b", column.window_after(f), maxsplit=1, flags=re.I)[0]


def _in_parentheses(text: str, index: int) -> bool:
    before = text[:index]
    return before.rfind("(") > before.rfind(")")


def staffing_notes(text: str) -> list[str]:
    """The cell's remarks as printed: the patterned ones ('Casual 110', 'Note: 4 vacancies'),
    then any other whole sentence without a figure."""
    flat = plain(text)
    notes: list[str] = []
    for pattern in STAFFING_NOTES:
        for match in pattern.finditer(flat):
            note = plain(match.group("note")).rstrip(" .;,")
            if note and note not in notes:
                notes.append(note)
    notes += [s for s in prose_notes(text) if not any(note in s for note in notes)]
    return notes


PROSE_NOTE_WORDS = 4


def prose_notes(text: str) -> list[str]:
    """Whole sentences without a figure ('Education Plan Co-ordinators and Assistant for
    fixed term to ensure transition plans in place.'), kept as printed. Lines that print a
    figure ('Headcount 18') are left out first: they are the cell's figures, not its prose."""
    prose = "\n".join(line for line in text.splitlines() if not re.search(r"[\d£]", line))
    sentences = re.split(r"(?<=\.)\s+", plain(prose))
    return [s for s in sentences
            if s.endswith(".") and len(s.split()) >= PROSE_NOTE_WORDS and not re.search(r"[\d£]", s)]


# --- budget --------------------------------------------------------------------------

@dataclass(frozen=True)
class ProposedColumn:
    """What a proposed-cost column prints, whichever structure it belongs to: a card's
    budget block and an Appendix B table's forecasts read alike."""

    cost: Figure | None
    saving: Figure | None
    breakdown: list[Figure]
    notes: list[str]

    def to_forecast(self) -> Forecast:
        return Forecast(cost=self.cost, saving=self.saving, breakdown=self.breakdown, notes=self.notes)


def budget_block(current: Column, proposed: Column) -> Budget:
    total, parts, current_notes = current_column(current)
    column = proposed_column(proposed)
    return Budget(
        current=total,
        current_parts=parts,
        proposed=column.cost,
        saving=column.saving,
        savings_breakdown=column.breakdown,
        notes=current_notes + column.notes,
    )


def current_column(column: Column) -> tuple[Figure | None, list[Figure], list[str]]:
    """The current budget and its stated parts: '£1.53M (£0.61m + £0.92m of Pupil Premium Plus)'."""
    money = list(column.found)
    if not money:
        return None, [], leftover_notes(column, [])
    total = column.figure(money[0])
    parts = [column.figure(f, _part_label(column, f)) for f in money[1:]]
    return total, parts, leftover_notes(column, money)


def proposed_column(column: Column) -> ProposedColumn:
    """A proposed-cost column: cost, '(saving £x)', then labelled savings lines."""
    cost = saving = None
    breakdown: list[Figure] = []
    for f in column.found:
        before = column.window_before(f)
        if saving is None and _opens_saving(column, f, before):
            saving = column.figure(f, "saving")
        elif cost is None and saving is None:
            cost = column.figure(f)
        else:
            breakdown.append(column.figure(f, clean_label(_BLANK_AMOUNT.sub("", before))))
    notes = [f"{plain(m.group('label'))} £ (no figure printed)" for m in _BLANK_AMOUNT.finditer(column.text)]
    return ProposedColumn(cost, saving, breakdown, notes + leftover_notes(column, column.found))


# '(saving £0.14M)' with the bracket and word on the line before the amount when the
# column is narrow: '£0.68M (saving' / '£0.14M)'.
_SAVING_OPENS = re.compile(r"\(\s*saving\s*(?:of\s*)?[:\-–]?\s*$", re.I)


def _opens_saving(column: Column, f: Found, before: str) -> bool:
    same_line = SAVING_WORD.search(before.rsplit("\n", 1)[-1]) and "(" in before
    return bool(same_line or _SAVING_OPENS.search(column.since_previous(f)))


def _part_label(column: Column, f: Found) -> str | None:
    """A part's label is printed before it on its line ('Music grant £0.50m') or, when the
    figure opens its line, after it ('£0.92m of Pupil Premium Plus')."""
    same_line_before = column.window_before(f).rsplit("\n", 1)[-1]
    label = clean_label(same_line_before)
    if label:
        return label
    after = re.split(r"[)+]", column.window_after(f), maxsplit=1)[0]
    after = re.sub(r"^\s*of\s+", "", after, flags=re.I)
    return clean_label(after)


def clean_label(text: str) -> str | None:
    text = COLUMN_TITLE_WORDS.sub("", plain(text))
    text = text.strip(_LABEL_JUNK)
    text = re.sub(r"\s*:-?$", "", text)
    return text or None


def leftover_notes(column: Column, used: Sequence[Found]) -> list[str]:
    """Prose in a money column that is neither a figure nor its label, e.g.
    'Review of ... included within next phase of redesign.'"""
    text = column.text
    cuts: list[tuple[int, int]] = []
    for f in used:
        before = column.window_before(f)
        cuts.append((f.start - len(before), f.end))
        label = _part_label(column, f)
        after = column.window_after(f)
        if label and label.lower() in plain(after).lower():
            cuts.append((f.end, f.end + len(re.split(r"[)+]", after, maxsplit=1)[0])))
    if used:
        cuts.append((0, used[0].start))
    cuts.extend(m.span() for m in _BLANK_AMOUNT.finditer(text))
    kept = _remove_spans(text, cuts)
    chunks = [plain(c).strip(_LABEL_JUNK) for c in re.split(r"\x00+", kept)]
    chunks = [COLUMN_TITLE_WORDS.sub("", c).strip(_LABEL_JUNK) for c in chunks]
    return [c for c in chunks if len(c.split()) >= 3]


def _remove_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(chars), end)):
            chars[i] = "\x00"
    return "".join(chars)
