"""The words councils print around structures, as data: card labels, block headers,
table column titles, paragraph numbers, page stamps and numeric cells.

This module imports nothing of the package, so every stage (the fast pass's triage, the
geometry in read/, the structure parsers) reads one vocabulary rather than its own copy.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

# --- service card structure ----------------------------------------------------------
# The card grammar once: a card opens at 'Overview', its staffing block at 'Current staffing'
# beside 'Proposed staffing' (or expansion, reduction ...), its budget block at 'Current budget'
# beside 'Proposed costs'. The parsers (structures/cards.py) and the fast pass's triage
# (pack/triage.py, below) both compile their patterns from these words. A header's words may run
# together (\s*): a coarse scan loses the space between them ('Currentbudget').
CARD_OPENING = "Overview"
CURRENT_STAFFING = r"current\s*staffing"
CURRENT_BUDGET = r"current\s*budget"
PROPOSED_STAFFING_WORDS = ("staffing", "expansion", "reduction", "structure", "establishment")
PROPOSED_BUDGET_WORDS = ("costs?", "budget")
PRE_CONSULTATION = r"pre[-\s]?consultation"
POST_CONSULTATION = r"post[-\s]?consultation"


def _proposed(words: tuple[str, ...]) -> str:
    return rf"proposed\s*({'|'.join(words)})"


# Section labels of a service card (left column), first match wins; key is the JSON key.
SECTION_LABELS: list[tuple[str, re.Pattern]] = [
    ("overview", re.compile(rf"^{CARD_OPENING}\b", re.I)),
    ("duties", re.compile(r"^(statutory\s+)?duties\b", re.I)),
    ("current_model", re.compile(r"^current\s+(delivery\s+)?model\b", re.I)),
    ("summary_of_feedback", re.compile(r"^summary\s+of\b", re.I)),
    ("proposed_model", re.compile(r"^proposed\s+(delivery\s+)?model\b", re.I)),
    ("rationale", re.compile(r"^rationale\b", re.I)),
    ("impact", re.compile(r"^impact\b", re.I)),
]
CARD_START = re.compile(rf"^{CARD_OPENING}\b", re.I)

# Block headers: left (current) and right (proposed) column titles.
STAFFING_HEADER = re.compile(rf"^{CURRENT_STAFFING}\b", re.I)
STAFFING_RIGHT = re.compile(rf"\b{_proposed(PROPOSED_STAFFING_WORDS)}\b", re.I)
BUDGET_HEADER = re.compile(rf"^{CURRENT_BUDGET}\b", re.I)
BUDGET_RIGHT = re.compile(rf"\b{_proposed(PROPOSED_BUDGET_WORDS)}\b", re.I)

# --- what the fast pass's triage looks for (pack/triage.py) -----------------------------
# Triage reads pdfium's lines, before any geometry, so its patterns are narrower than the
# parsers': a card opens only at 'Overview' as a heading prints it (capital O, and not
# 'Overview of the Strategy'), and only the commonest right-hand titles mark a block.
TRIAGE_CARD_OPENS = re.compile(rf"^{CARD_OPENING}\b(?![,;]|\s+of\b)")
TRIAGE_CARD_CLOSES = re.compile(rf"{CURRENT_BUDGET}|{_proposed(('costs',))}", re.I)
TRIAGE_STRUCTURE = re.compile(
    "|".join([CURRENT_STAFFING, _proposed(("costs", "staffing")), CURRENT_BUDGET, PRE_CONSULTATION,
              r"total\s*:?\s*\d+\s+posts", r"\bx\s*\d+\s*$"]),
    re.I | re.M,
)
# A page whose running text prints a figure: the words figures/patterns.py matches.
TRIAGE_FIGURE = re.compile(
    r"£|\d\s*fte\b|\bfte\s*[-–:]?\s*\d|full[-\s]time\s+equivalent|head\s*count|casual\s+\d", re.I
)

# Appendix B "Financial and staff impacts" table header: three column titles on one row.
FINTABLE_COLUMNS: list[tuple[str, re.Pattern]] = [
    # 'Current' alone: a narrow column wraps its title ('Current' / 'budget').
    ("current", re.compile(r"\bcurrent(\s*budget)?\b", re.I)),
    ("pre", re.compile(rf"\b{PRE_CONSULTATION}\b", re.I)),
    ("post", re.compile(rf"\b{POST_CONSULTATION}\b", re.I)),
]
# Column title words to drop from the top of a column's text.
COLUMN_TITLE_WORDS = re.compile(
    r"^\s*(current\s*(budget|staffing)\s*:?\s*[-–]?|proposed\s*(staffing|costs?|budget)\s*:?|"
    r"(pre|post)[-\s]?consultation\s*(forecast\s*costs?)?|forecast\s*costs?)\s*",
    re.I,
)

# Words that qualify an FTE in a proposed-staffing column.
REDUCTION_WORDS = re.compile(r"reduc|redundan|delet|disestablish", re.I)
AT_RISK_WORDS = re.compile(r"at\s+risk", re.I)
POTENTIAL_WORDS = re.compile(r"potential|possibl|may\s+be|subject\s+to", re.I)
SAVING_WORD = re.compile(r"\bsaving\b", re.I)

# Remarks kept as staffing/budget notes, as printed.
STAFFING_NOTES: list[re.Pattern] = [
    re.compile(r"\((?P<note>(?:including|inc\.?|incl\.?)\s[^)]*)\)", re.I),
    re.compile(r"(?P<note>\bNote\s*:?-?\s*.+?)(?=\bNote\b|$)", re.I),
    re.compile(r"(?P<note>\bCasual\s+\d+)", re.I),
    re.compile(r"(?P<note>\d+(?:\.\d+)?\s*FTE\s+potential)\b", re.I),
    re.compile(r"(?P<note>\bNo\s+reduction\s+proposed)\b", re.I),
    re.compile(r"(?P<note>\bReview\s+of\s+casual\s+staff)\b", re.I),
    re.compile(r"(?P<note>\bStaff\s+at\s+risk\b[^()]*(?:\([^)]*\))?)", re.I),
]

# Report paragraph numbers at the start of a row: "1.4", "6.3.2.1".
# Not a wrapped figure ("51.77 FTE compared ..."): a unit word may not follow; and not a
# table cell ("1.5 2.3 4.1", "0.6 (1.5) £0.4M"): another number may not follow.
PARAGRAPH_NUMBER = re.compile(
    r"^(\d{1,2}(?:\.\d{1,2}){1,4})\.?\s+(?!(?:FTE|fte|full|%|million|m\b|k\b|per\b|posts?\b))"
    r"(?![-–−(£$]*\d)(?=\S)"
)
# Numeric tables are read only on pages that speak of money or staff (equality-monitoring
# counts and attendance bands are not what the checks are for): triage.py and numtables.py.
TABLE_UNIT = re.compile(r"£|\bfte\b|\bposts?\b|head\s*count|establishment", re.I)
# A row is a total when its label says so, anywhere and in any case: 'Total', 'CAPITAL TOTAL',
# 'TOTAL SPENDING', 'Sub-total', 'Subtotal', 'Net total', 'Grand total', Welsh 'Cyfanswm'
# (soft-mutated 'gyfanswm', 'Is-gyfanswm' for a subtotal).
TOTAL_WORDS = [r"(sub[\s-]?)?total", r"(is-?)?[cg]yfanswm"]  # "Totals carried to …" heads a summary, no sum
# ... unless the label says it is a share of a total, a total across the columns, or the name of
# something else ('Pyrford Global Total Return Fund').
NOT_A_TOTAL = [r"total\s+across", r"%", r"\bper\s*cent", r"percentage", r"\bof\s+(the\s+)?total\b",
               r"\brunning\s+total", r"total\s+returns?\b"]
# A row that closes a table ('Total Finance', or 'NET BUDGET' set in bold): a page ending in one
# ends its table, so the table atop the next page continues nothing. Any total word will do here;
# checks/totals.py's TOTAL_ROW, which decides what is summed, also leaves out NOT_A_TOTAL.
CLOSING_ROW = re.compile(rf"(?<![a-z])(?:{'|'.join(TOTAL_WORDS)})(?![a-z])", re.I)
# The row that closes a list of payments: 'TOTAL', 'TOTAL =', Welsh 'CYFANSWM'.
LIST_TOTAL = re.compile(r"^\W*(?:grand\s+|sub-?\s*)?(?:total|cyfanswm)\b\W*$", re.I)
# A line of a reconciliation saying how its figure combines with the balance above it ('Add
# amounts not yet credited', 'Deduct unpresented cheques', 'Less expenditure'): such a block
# is a table of one column even where no '£' is printed (numeric/tables.py, triage.py).
SIGNED_LINE = re.compile(r"^\s*(?:add|plus|less|deduct|minus)\b", re.I)
TRAILING_NUMBER = re.compile(r"\S\s+\(?[-−–]?£?\d[\d,]*(?:\.\d+)?\)?\s*$")


def holds_signed_block(lines: Sequence[str]) -> bool:
    """A line marked Add / Less / Deduct straight under a labelled figure: a balance and the
    rows that move it (a bank reconciliation, a balance carried forward)."""
    return any(SIGNED_LINE.match(line) and TRAILING_NUMBER.search(above)
               for above, line in zip(lines, lines[1:], strict=False))


# The annual return's Section 2 printed by box number ('2 Annual Precept', '4 Staff Costs',
# '7 Balances Forward'), with or without its (+)/(-) marks: boxes 1 to 7 in order, boxes 2 and 4
# naming the precept and the staff costs. Its boxes are a table of one column even where no '£'
# is printed and no heading names the unit: the form fixes what each box holds and how box 7 adds
# up (numeric/tables.py, triage.py, checks/marked.py).
RETURN_BOX = re.compile(r"^\s*(?:box\s+)?(?P<box>\d{1,2})\s*[.)]?\s+(?=[a-z(])", re.I)
RETURN_WORDS = {2: re.compile(r"precept", re.I), 4: re.compile(r"staff", re.I)}
RETURN_BOXES = range(1, 8)


def numbered_return(labels: Sequence[str]) -> bool:
    """Labels (or a page's lines) holding the annual return's boxes 1 to 7, numbered in order,
    the first of each number taken, boxes 2 and 4 naming the precept and the staff costs."""
    first: dict[int, tuple[int, str]] = {}
    for n, label in enumerate(labels):
        if (match := RETURN_BOX.match(label)) is not None:
            first.setdefault(int(match["box"]), (n, label))
    if any(box not in first for box in RETURN_BOXES):
        return False
    order = [first[box][0] for box in RETURN_BOXES]
    return order == sorted(order) and all(words.search(first[box][1]) for box, words in RETURN_WORDS.items())


# A grid of numbers: this many lines that end in two or more cells, one of them set as
# money is ('1,234', '15.50', '(2,000)'), whatever unit the page prints.
GRID_LINES = 4
GRID_AMOUNT = re.compile(r"^\(?[-−–]?£?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)\)?$")
GRID_CELL = re.compile(r"^(?:\(?[-−–]?£?\d[\d,]*(?:\.\d+)?\)?|[-–—])$")


def is_grid_line(line: str) -> bool:
    """A line ending in two or more cells, one of them a formatted amount."""
    tail: list[str] = []
    for token in reversed(line.split()):
        if not GRID_CELL.match(token):
            break
        tail.append(token)
    return len(tail) >= 2 and any(GRID_AMOUNT.match(t) for t in tail)


def holds_grid(lines: Sequence[str]) -> bool:
    return sum(1 for line in lines if is_grid_line(line)) >= GRID_LINES


PAGE_STAMP = re.compile(r"^page\s+\d+(?:\s+of\s+\d+)?$", re.I)  # "Page 12", "Page 3 of 40"

# A line stating the unit of the table below it: only a unit ('£m', '(£000s)'), or 'All
# figures in £m' in a few words. Tables read it (numeric/units.py); triage reads the page
# before a table that ends with one (its table opens the next page).
UNIT_LINE_WORDS = 6  # 'All figures in £m' on a line of its own
UNIT_ONLY = re.compile(r"^\(?(?:£\s*['’]?\s*(?:m|k|bn|000s?)|FTE)\)?$", re.I)
FIGURES_IN = re.compile(r"\b(?:figures|amounts)\s+(?:are\s+)?(?:shown\s+)?(?:in\s+)?(£\s*\S+)", re.I)


def states_unit(line: str) -> bool:
    """A line of its own that states a table's unit: '£000s', 'All figures in £m'."""
    text = line.strip()
    return UNIT_ONLY.match(text) is not None or (
        FIGURES_IN.search(text) is not None and len(text.split()) <= UNIT_LINE_WORDS)

# A numeric table cell as printed: '1,234', '(1,234)', '-£25.00', '12%', '0.8m'.
NUMBER_CELL = re.compile(
    r"^(?P<open>\()?(?P<sign>[-−–+])?(?P<pound>£)?(?P<sign2>[-−–])?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suffix>%|k|m|bn|mn)?(?P<close>\))?\*{0,3}$",
    re.I,
)
NIL_CELL = re.compile(r"^(?:[-–—−]|nil|n/?a)$", re.I)


# The year a column heading names: a financial year ('2016/17', '2016-2017') or one year alone
# ('31 March 2016'). Here, below the checks, because the checks of columns and of balances both
# read it.
SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[-/–]\s*(\d{2}|(?:19|20)\d\d)\b")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def year_end(text: str) -> int | None:
    """The year a heading's year ends in: '2016/17' → 2017, '31 March 2016' → 2016."""
    span = SPAN.search(text)
    if span is not None:
        first, second = int(span[1]), span[2]
        end = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        return end if end == first + 1 else None
    years = {int(y) for y in YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None
