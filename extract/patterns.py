"""Rule tables as data: spaCy token patterns for figures, and the words that give them roles.

Patterns are registered on a `span_ruler` with validate=True (see nlp.py); each small
function returns one family of patterns so it can be read and tested alone.
"""
from __future__ import annotations

import re

# A printed number: 12, 12.6, 1,234.5, -1, −1 (minus sign), 500k, 1.3bn, 4.0FTE.
NUMBER = r"^[-−–]?\d{1,3}(,\d{3})*(\.\d+)?$|^[-−–]?\d+(\.\d+)?$"
NUMBER_WITH_MONEY_UNIT = r"^\d+(\.\d+)?(k|m|bn|mn)$"
NUMBER_WITH_FTE = r"^[-−–]?\d+(\.\d+)?fte$"
DASHES = ["-", "–", "—", ":", "−"]
WRAP = {"IS_SPACE": True, "OP": "?"}  # a line break inside a figure printed over two lines

# Unit words after a £ amount and what they multiply by.
MONEY_UNITS: dict[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
}


def money_patterns() -> list[dict]:
    unit_words = sorted(MONEY_UNITS)
    return [
        # "£140\nmillion": a unit word wrapped onto the next printed line still belongs.
        {"label": "MONEY", "id": "money-unit-word", "pattern": [
            {"ORTH": "£"}, {"TEXT": {"REGEX": NUMBER}}, WRAP, {"LOWER": {"IN": unit_words}},
        ]},
        {"label": "MONEY", "id": "money-glued-unit", "pattern": [
            {"ORTH": "£"}, {"LOWER": {"REGEX": NUMBER_WITH_MONEY_UNIT}},
        ]},
        {"label": "MONEY", "id": "money-plain", "pattern": [
            {"ORTH": "£"}, {"TEXT": {"REGEX": NUMBER}},
        ]},
    ]


def fte_patterns() -> list[dict]:
    return [
        {"label": "FTE", "id": "fte-after", "pattern": [
            {"TEXT": {"REGEX": NUMBER}}, WRAP, {"LOWER": "fte"},
        ]},
        {"label": "FTE", "id": "fte-glued", "pattern": [
            {"LOWER": {"REGEX": NUMBER_WITH_FTE}},
        ]},
        {"label": "FTE", "id": "fte-words", "pattern": [
            {"TEXT": {"REGEX": NUMBER}}, WRAP, {"LOWER": "full"}, {"ORTH": "-", "OP": "?"}, WRAP,
            {"LOWER": "time"}, WRAP, {"LOWER": {"IN": ["equivalent", "equivalents"]}},
        ]},
        # "FTE 13.03", "FTE – 109.34": the label printed before the number.
        {"label": "FTE", "id": "fte-before", "pattern": [
            {"LOWER": "fte"}, {"ORTH": {"IN": DASHES}, "OP": "?"}, {"TEXT": {"REGEX": NUMBER}},
        ]},
    ]


def headcount_patterns() -> list[dict]:
    number = {"TEXT": {"REGEX": NUMBER}}
    dash = {"ORTH": {"IN": DASHES}, "OP": "?"}
    return [
        {"label": "HEADCOUNT", "id": "headcount", "pattern": [{"LOWER": "headcount"}, dash, number]},
        {"label": "HEADCOUNT", "id": "head-count", "pattern": [
            {"LOWER": "head"}, {"LOWER": "count"}, dash, number,
        ]},
        {"label": "HEADCOUNT", "id": "casual", "pattern": [{"LOWER": "casual"}, number]},
    ]


def all_patterns() -> list[dict]:
    return money_patterns() + fte_patterns() + headcount_patterns()


LABEL_KIND = {"MONEY": "money", "FTE": "fte", "HEADCOUNT": "headcount"}

# --- service card structure ----------------------------------------------------------

# Section labels of a service card (left column), first match wins; key is the JSON key.
SECTION_LABELS: list[tuple[str, re.Pattern]] = [
    ("overview", re.compile(r"^overview\b", re.I)),
    ("duties", re.compile(r"^(statutory\s+)?duties\b", re.I)),
    ("current_model", re.compile(r"^current\s+(delivery\s+)?model\b", re.I)),
    ("summary_of_feedback", re.compile(r"^summary\s+of\b", re.I)),
    ("proposed_model", re.compile(r"^proposed\s+(delivery\s+)?model\b", re.I)),
    ("rationale", re.compile(r"^rationale\b", re.I)),
    ("impact", re.compile(r"^impact\b", re.I)),
]
CARD_START = re.compile(r"^overview\b", re.I)

# Block headers: left (current) and right (proposed) column titles.
STAFFING_HEADER = re.compile(r"^current\s+staffing\b", re.I)
STAFFING_RIGHT = re.compile(r"\bproposed\s+(staffing|expansion|reduction|structure|establishment)\b", re.I)
BUDGET_HEADER = re.compile(r"^current\s+budget\b", re.I)
BUDGET_RIGHT = re.compile(r"\bproposed\s+(costs?|budget)\b", re.I)

# Appendix B "Financial and staff impacts" table header: three column titles on one row.
FINTABLE_COLUMNS: list[tuple[str, re.Pattern]] = [
    # 'Current' alone: a narrow column wraps its title ('Current' / 'budget').
    ("current", re.compile(r"\bcurrent(\s+budget)?\b", re.I)),
    ("pre", re.compile(r"\bpre[-\s]?consultation\b", re.I)),
    ("post", re.compile(r"\bpost[-\s]?consultation\b", re.I)),
]
# Column title words to drop from the top of a column's text.
COLUMN_TITLE_WORDS = re.compile(
    r"^\s*(current\s+(budget|staffing)\s*:?\s*[-–]?|proposed\s+(staffing|costs?|budget)\s*:?|"
    r"(pre|post)[-\s]?consultation\s*(forecast\s+costs?)?|forecast\s+costs?)\s*",
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
# Not a wrapped figure ("51.77 FTE compared ..."): a unit word may not follow.
PARAGRAPH_NUMBER = re.compile(
    r"^(\d{1,2}(?:\.\d{1,2}){1,4})\.?\s+(?!(?:FTE|fte|full|%|million|m\b|k\b|per\b|posts?\b))(?=\S)"
)
# Numeric tables are read only on pages that speak of money or staff (equality-monitoring
# counts and attendance bands are not what the checks are for): triage.py and numtables.py.
TABLE_UNIT = re.compile(r"£|\bfte\b|\bposts?\b|head\s*count|establishment", re.I)
PAGE_STAMP = re.compile(r"^page\s+\d+(?:\s+of\s+\d+)?$", re.I)  # "Page 12", "Page 3 of 40"
