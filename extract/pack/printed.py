"""Dates, times, bodies' names and places as a front page prints them, to values.

Shared by the readings of a meeting (meeting.py, heading.py); the forms are data in forms.py.
"""
from __future__ import annotations

import re
from datetime import date

from extract.pack import forms

SMALL_WORDS = {"of", "and", "the", "a", "for", "on", "in", "to", "at", "y", "yr", "ac", "o"}


def parse_date(text: str) -> str | None:
    """The first date printed in text, as ISO 8601."""
    found = [m for form in forms.DATE_FORMS for m in form.finditer(text)]
    for match in sorted(found, key=lambda m: m.start()):
        year = int(match.group("year"))
        year += 2000 if year < 70 else 1900 if year < 100 else 0
        try:
            return date(year, forms.MONTHS[match.group("month").lower()], int(match.group("day"))).isoformat()
        except ValueError:
            continue
    return None


def numeric_date(text: str) -> str | None:
    """'11/03/2026' in a Date: field (day first)."""
    match = forms.NUMERIC_DATE.match(text)
    if not match:
        return None
    year = int(match.group("year"))
    year += 2000 if year < 100 else 0
    try:
        return date(year, int(match.group("month")), int(match.group("day"))).isoformat()
    except ValueError:
        return None


def opens_with_date(text: str) -> bool:
    rest = text[forms.WEEKDAY_PREFIX.match(text).end():]  # type: ignore[union-attr]
    return any(form.match(rest) for form in forms.DATE_FORMS)


def parse_time(text: str, expected: bool = False) -> str | None:
    """'7pm', '7.00 pm', '10.30 a.m.', '13:30pm'; a bare '19:00' only where a time is expected;
    a range ('7.00 - 9.00pm', '10 - 12pm') gives its start."""
    match = forms.TIME_HALF.search(text)
    ranged = forms.TIME_RANGE.search(text)
    if ranged and (match is None or ranged.start() <= match.start()):
        return _range_start(ranged)
    if match:
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        if hour <= 12:
            hour = hour % 12 + (12 if match.group("half").lower() == "p" else 0)
    else:
        lowered = text.lower()
        word = next((w for w in forms.TIME_WORDS if re.search(rf"\b{w}\b", lowered)), None)
        if word:
            return forms.TIME_WORDS[word]
        match = forms.TIME_24.search(text) if expected else None
        if not match:
            return None
        hour, minute = int(match.group("hour")), int(match.group("minute"))
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def _range_start(ranged: re.Match) -> str | None:
    hour, minute = int(ranged.group("hour")), int(ranged.group("minute") or 0)
    end = _hour24(int(ranged.group("end")), ranged.group("half"))
    half = (ranged.group("first") or ranged.group("half"))[0]
    start = _hour24(hour, half)
    if not ranged.group("first") and start > end:  # "10 - 12pm" starts in the morning
        start = _hour24(hour, "a")
    return f"{start:02d}:{minute:02d}" if start < 24 and minute < 60 else None


def _hour24(hour: int, half: str) -> int:
    return hour % 12 + (12 if half.lower() == "p" else 0) if hour <= 12 else hour


def committee_name(text: str) -> str | None:
    """A body's name as printed, folded to one line; capitals set in title case."""
    name = " ".join(text.split()).strip(" ,.;:-–—")
    name = re.sub(r"^(?:to\s*:\s*|to\s+)?(?:the|y|yr)?\s*", "", name, flags=re.I)  # "To: Cabinet – 30 January"
    if not name or len(name.split()) > 12 or forms.NOT_COMMITTEE.match(name) or parse_date(name) \
            or forms.NOT_A_BODY_NAME.search(name) or forms.PRINTED_TWICE.search(name):
        return None
    if name.upper() == name:
        words = name.lower().split()
        name = " ".join(w if i and w in SMALL_WORDS else _capital(w) for i, w in enumerate(words))
    return name


def _capital(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def place_name(text: str) -> str | None:
    place = forms.OTHER_LABELS.sub("", " ".join(text.split())).strip(" ,.;:")
    place = re.sub(r"^(?:the|y|yr)\s+(?=[A-Z])", "", place)
    return place or None
