"""Rule tables as data: spaCy token patterns for figures, and the words that give them roles.

Patterns are registered on a `span_ruler` with validate=True (see nlp.py); each small
function returns one family of patterns so it can be read and tested alone.
"""
from __future__ import annotations

from extract.models import FigureKind

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


LABEL_KIND: dict[str, FigureKind] = {"MONEY": "money", "FTE": "fte", "HEADCOUNT": "headcount"}
