"""Rule tables as data: spaCy token patterns for figures, and the words that give them roles.

Patterns are registered on a `span_ruler` with validate=True (see nlp.py); each small
function returns one family of patterns so it can be read and tested alone.
"""
from __future__ import annotations

from extract.models import FigureKind

# A printed number: 12, 12.6, 1,234.5, -1, −1 (minus sign), 500k, 1.3bn, 4.0FTE. Not
# "000" or "0123": "£000s" and "£'000" head a column of thousands, they are no amount.
NUMBER = r"^[-−–]?(0|[1-9]\d{0,2})(,\d{3})*(\.\d+)?$|^[-−–]?(0|[1-9]\d*)(\.\d+)?$"
# Digits with commas that are not thousands separators ("339,64", "1,2345"): a decimal
# comma or a typo. Matched so the figure is kept as printed, without a value (match.py).
AMBIGUOUS_NUMBER = r"^\d+(,\d+)+(\.\d+)?$"
NUMBER_WITH_MONEY_UNIT = r"^\d+(\.\d+)?(k|m|bn|mn)$"
NUMBER_WITH_FTE = r"^[-−–]?\d+(\.\d+)?fte$"
DASHES = ["-", "–", "—", ":", "−"]
RANGE_JOINERS = ["-", "–", "—", "−", "to"]  # "£2-3m", "£2 to 3 million"
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
# The tokenizer keeps a letter and its full stop together ("£0.4m." gives "m."), so a
# unit at the end of a sentence is also a unit; match.py leaves the stop out of the figure.
MONEY_UNIT_TOKENS = sorted(MONEY_UNITS) + sorted(f"{unit}." for unit in MONEY_UNITS)
FTE_WORDS = ["fte", "ftes", "f.t.e.", "f.t.e"]

# Tokenizer rules added to spaCy's English ones (nlp.py), so a figure is found whatever
# touches it: "of£8,556.62", "£100,000budget", "£50.00;Carmarthenshire", "-£25.00",
# "£1.3m–£1.5m", "4.0FTE". Splitting digits from letters is safe for figures: every unit
# the patterns know is matched as a separate token too.
TOKEN_INFIXES = [
    r"£",  # the pound sign always starts a token, whatever precedes it
    r"(?<=[0-9a-zA-Z])[-–—−](?=£)",  # the dash of a range "£1.3m–£1.5m"
    r"(?<=[0-9])(?=[A-Za-z])",  # digits from the word they touch: "£100,000budget", "3fte"
    r"(?<=[0-9])[;:,](?=[^\s0-9])",  # punctuation then a word: "£50.00;Carmarthenshire"
    r"[;:,](?=£)",  # a list without spaces: "£1m,£2m"
    r"(?<=[a-z][a-z])(?=[0-9])",  # a word touching the number after it: "a reduction of51.77 FTE"
    r"(?<=[0-9])[-–—−](?=[0-9])",  # a range of numbers: "£2–3m"
]
TOKEN_PREFIXES = [r"[-−–](?=£)"]  # a minus sign before £: "-£25.00"


def money_patterns() -> list[dict]:
    return [
        # "£140\nmillion": a unit word wrapped onto the next printed line still belongs.
        {"label": "MONEY", "id": "money-unit-word", "pattern": [
            {"ORTH": "£"}, {"TEXT": {"REGEX": NUMBER}}, WRAP, {"LOWER": {"IN": MONEY_UNIT_TOKENS}},
        ]},
        # "£2-3m", "£2 to 3 million": two figures sharing the unit printed after the second.
        {"label": "MONEY_RANGE", "id": "money-range", "pattern": [
            {"ORTH": "£"}, {"TEXT": {"REGEX": NUMBER}}, WRAP, {"LOWER": {"IN": RANGE_JOINERS}}, WRAP,
            {"ORTH": "£", "OP": "?"}, {"TEXT": {"REGEX": NUMBER}}, WRAP, {"LOWER": {"IN": MONEY_UNIT_TOKENS}},
        ]},
        {"label": "MONEY", "id": "money-glued-unit", "pattern": [
            {"ORTH": "£"}, {"LOWER": {"REGEX": NUMBER_WITH_MONEY_UNIT}},
        ]},
        {"label": "MONEY", "id": "money-plain", "pattern": [
            {"ORTH": "£"}, {"TEXT": {"REGEX": NUMBER}},
        ]},
        {"label": "MONEY", "id": "money-ambiguous", "pattern": [
            {"ORTH": "£"}, {"TEXT": {"REGEX": AMBIGUOUS_NUMBER}},
        ]},
    ]


def fte_patterns() -> list[dict]:
    return [
        {"label": "FTE", "id": "fte-after", "pattern": [
            {"TEXT": {"REGEX": NUMBER}}, WRAP, {"LOWER": {"IN": FTE_WORDS}},
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
    # A narrow cell wraps the number under its label: 'Head count –' / '167'.
    return [
        {"label": "HEADCOUNT", "id": "headcount", "pattern": [{"LOWER": "headcount"}, WRAP, dash, WRAP, number]},
        {"label": "HEADCOUNT", "id": "head-count", "pattern": [
            {"LOWER": "head"}, WRAP, {"LOWER": "count"}, WRAP, dash, WRAP, number,
        ]},
        {"label": "HEADCOUNT", "id": "casual", "pattern": [{"LOWER": "casual"}, number]},
    ]


def all_patterns() -> list[dict]:
    return money_patterns() + fte_patterns() + headcount_patterns()


LABEL_KIND: dict[str, FigureKind] = {"MONEY": "money", "MONEY_RANGE": "money", "FTE": "fte", "HEADCOUNT": "headcount"}
