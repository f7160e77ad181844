"""The meeting a paper is for (committee, date, time, place), from the first pages' lines.

Three readings, most explicit first, over the front pages (the forms are data in forms.py):
  labelled fields   "Meeting: Cabinet" / "Date: Wednesday, 11 March 2026" / "Venue: …", a label
                    over its value (a two-column table), or Coventry's "Time and Date" cover
  a sentence        "Minutes of a meeting of Tintern Community Council held on Monday 26th
                    February 2018 at 7pm in Tintern Village Hall", "Cynhaliwyd cyfarfod …"
  a heading         "CORPORATE PARENTING PANEL – 10th December 2024", or the body's name over
                    a line that opens with the date ("CABINET" / "Thursday, 30th January, 2025")
The first reading with a date gives the meeting; the others fill what it lacks when they
name the same day. A paper that states no meeting gets nulls, never a guess.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extract.models import Meeting
from extract.pack import forms
from extract.pack.heading import read_heading
from extract.pack.printed import committee_name, numeric_date, opens_with_date, parse_date, parse_time, place_name
from extract.read.pdfium import PageLines

__all__ = ["committee_name", "opens_with_date", "pages_to_meeting", "parse_date", "parse_time"]

COVER_PAGES = 2  # the meeting is stated on the front sheet or the page after it
HEADING_LINES = 16  # a heading is among the first lines of page 1
TITLE_LINES = 3  # "Amenities Committee Community Grant Applications 15th November 2016" opens the page
BLOCK_LINES = 6  # the date line under the body's name is near the top (not a letter's address block)
NUMBERED_ITEM = re.compile(r"^\d{1,2}[.)]?(?:\s|$)")


@dataclass(frozen=True)
class Reading:
    committee: str | None = None
    date: str | None = None
    time: str | None = None
    place: str | None = None


def pages_to_meeting(pages: Sequence[PageLines]) -> Meeting:
    lines = cover_lines(pages)
    heading = read_heading(lines)
    readings = [_labelled(lines), Reading(**vars(heading)), _sentence(lines), *_headings(lines[:HEADING_LINES])]
    dated = [r for r in readings if r and r.date]
    if not dated:
        named = [r for r in readings[:3] if r and r.committee]  # a body named with no date: a heading or summons
        return Meeting(committee=named[0].committee) if named else Meeting()
    best = next((r for r in dated if r.committee), dated[0])
    for other in readings:
        if other and other.date in (None, best.date):
            best = replace(best, **{k: v for k, v in vars(other).items() if getattr(best, k) is None and v})
    return Meeting(committee=best.committee, date=best.date, time=best.time, place=best.place)


def cover_lines(pages: Sequence[PageLines]) -> list[str]:
    """The lines of the first two pages that hold text, without page furniture; the second
    only when it does not open another document."""
    lines: list[str] = []
    read = 0
    for page in pages[:COVER_PAGES + 2]:
        content = [line for line in page.lines if not forms.PAGE_FURNITURE.match(line)]
        if not content:  # a blank page behind the front sheet
            continue
        read += 1
        if read > COVER_PAGES:
            break
        if page.number > 1 and content and (forms.AGENDA_ITEM.match(content[0]) or forms.APPENDIX.match(content[0])):
            break
        lines += content
    return lines


# --- labelled fields ------------------------------------------------------------------

def _labelled(lines: list[str]) -> Reading | None:
    fields: dict[str, str] = {}
    first = None
    for i, line in enumerate(lines):
        match = forms.LABEL_LINE.match(line)
        if not match:
            continue
        key = forms.LABEL_TO_FIELD[match.group("label").lower()]
        value = forms.OTHER_LABELS.sub("", match.group("value")).strip()
        if not value and i + 1 < len(lines) and not forms.LABEL_LINE.match(lines[i + 1]):
            value = lines[i + 1]
            value_at = i + 1
        else:
            value_at = i
        if key == "place" and value_at + 1 < len(lines) and not forms.LABEL_LINE.match(lines[value_at + 1]) and (
                value.endswith(",") or forms.POSTCODE.search(lines[value_at + 1])):
            # the address goes on: "Venue: Southwark Council" / "160 Tooley St, SE1 2TZ"
            value += " " + lines[value_at + 1]
        if value and key not in fields:
            fields[key] = value
            first = i if first is None else first
    if first is None or not ("committee" in fields or "when" in fields or len(fields) >= 2):
        return None
    when = " ".join(fields.get(k, "") for k in ("when", "date"))
    when_date = parse_date(when) or numeric_date(fields.get("date", ""))
    committee = committee_name(fields["committee"]) if "committee" in fields else _name_above(lines, first)
    return Reading(
        committee=committee,
        date=when_date,
        time=parse_time(fields["time"], expected=True) if "time" in fields else parse_time(when),
        place=place_name(fields["place"]) if "place" in fields else None,
    )


def _name_above(lines: list[str], index: int) -> str | None:
    """The body's name printed over the first field: up to two lines, after any lead-in
    ('Public Document Pack', the council's name)."""
    block: list[str] = []
    for line in reversed(lines[max(0, index - 3):index]):
        if forms.NOT_COMMITTEE.match(line) or forms.COUNCIL_NAME.match(line) or parse_date(line):
            break
        block.insert(0, line)
    # two lines when the nearer one goes on from the other ("… Scrutiny" / "Board (4)")
    nearer = block[-1] if block else ""
    goes_on = re.match(forms.BODY_WORDS.pattern, nearer, re.I) or not forms.BODY_WORDS.search(nearer)
    joined = len(block) > 1 and goes_on
    name = committee_name(" ".join(block[-2:] if joined else block[-1:])) if block else None
    return name if name and forms.BODY_WORDS.search(name) else None


# --- a sentence -----------------------------------------------------------------------

def _sentence(lines: list[str]) -> Reading | None:
    # A numbered agenda entry speaks of other meetings ("3. Minutes of the meeting held on …").
    cut = next((i for i, line in enumerate(lines) if NUMBERED_ITEM.match(line)), len(lines))
    text = "\n".join(lines[:cut])
    for pattern in (forms.MEETING_OF, forms.BODY_HELD):
        for match in pattern.finditer(text):
            committee = committee_name(match.group("committee"))
            if not committee or re.match(r"(?:last|previous|this|that|diwethaf)\b", committee, re.I):
                continue
            tail = text[match.end():match.end() + 300]
            end = forms.SENTENCE_END.search(tail)
            tail = " ".join((tail[:end.start()] if end else tail).split())
            when = _slots(tail)
            if when.date or when.time or when.place:
                return replace(when, committee=committee)
    held = forms.MEETING_HELD.search(text)
    if held:  # the body is named elsewhere (a heading); the sentence may add the place
        tail = text[held.end():held.end() + 300]
        end = forms.SENTENCE_END.search(tail)
        when = _slots(" ".join((tail[:end.start()] if end else tail).split()))
        return when if when.date or when.time or when.place else None
    return None


def _slots(tail: str) -> Reading:
    """Date, time and place from the phrases after 'held': 'on …', 'at …', 'in …', 'ar y …'."""
    marks = list(forms.SLOT_WORDS.finditer(tail))
    phrases = [(m.group(1).lower(), tail[m.end():marks[k + 1].start() if k + 1 < len(marks) else len(tail)])
               for k, m in enumerate(marks)]
    found_date = parse_date(tail)
    time = parse_time(tail) or next((parse_time(p, expected=True) for w, p in phrases if w in ("at", "am")
                                     and parse_time(p, expected=True)), None)
    place = None
    for word, phrase in phrases:
        phrase = phrase.strip(" ,.")
        if word not in ("at", "in", "yn") or not phrase or parse_date(phrase) or parse_time(phrase, expected=True):
            continue
        if forms.PLACE_WORDS.search(phrase) or phrase[:1].isupper():
            place = place_name(phrase)
            break
    return Reading(date=found_date, time=time, place=place)


# --- a heading ------------------------------------------------------------------------

def _headings(lines: list[str]) -> list[Reading]:
    """Every heading reading of the first lines, in order (a later one may add the place)."""
    found = []
    for i, line in enumerate(lines):
        reading = (_dash_heading(line) or (_block_heading(lines, i) if i <= BLOCK_LINES else None)
                   or (_body_then_date(lines, i) if i < TITLE_LINES else None))
        if reading:
            found.append(reading)
    return found


def _dash_heading(line: str) -> Reading | None:
    """'AGENDA — PLANNING COMMITTEE — 2 DECEMBER 2008', 'X Meeting 21 February 2017'."""
    match = forms.HEADING_DASH.match(line)
    if not match or not opens_with_date(match.group("when")):
        return None
    committee = committee_name(match.group("committee"))
    said = re.search(r"\b(meeting|cyfarfod|minutes)\b", line[match.end("committee"):match.start("when")], re.I)
    if not committee or not (said or forms.BODY_WORDS.search(committee)):
        return None
    if not said and forms.COUNCIL_NAME.match(committee):  # 'Kent County Council – 31 March 2024': a date, no meeting
        return None
    when = match.group("when")
    return Reading(committee=committee, date=parse_date(when), time=parse_time(when))


def _body_then_date(lines: list[str], i: int) -> Reading | None:
    """'Amenities Committee Community Grant Applications 15th November 2016'; or a heading
    that ends with the date over the body's name ('Community Grant Applications 13th March
    2018' / 'Amenities, Leisure & Community Services Committee')."""
    line = lines[i]
    match = forms.BODY_THEN_DATE.match(line)
    if match and opens_with_date(match.group("when")) and not parse_date(match.group("rest")):
        committee = committee_name(match.group("committee"))
        if committee and forms.COUNCIL_NAME.match(committee):  # 'Kent County Council Annual Report 31 March 2024'
            return None
        return Reading(committee=committee, date=parse_date(match.group("when"))) if committee else None
    ending = [m for form in forms.DATE_FORMS for m in form.finditer(line) if m.end() == len(line.rstrip())]
    below = lines[i + 1] if i + 1 < len(lines) else ""
    if ending and not forms.BODY_WORDS.search(line) and re.search(forms.BODY_WORDS.pattern + r"\W*$", below, re.I):
        committee = committee_name(below)
        return Reading(committee=committee, date=parse_date(line)) if committee else None
    return None


def _block_heading(lines: list[str], i: int) -> Reading | None:
    """The body's name over a line that opens with the date ('MEETING 9' / 'TH JANUARY 2019'
    is one line broken by a raised ordinal)."""
    line = lines[i]
    said = forms.MEETING_DATE_LINE.match(line)
    when = line[said.end():] if said else line
    if not opens_with_date(when):
        joined = when + (lines[i + 1] if i + 1 < len(lines) else "")
        if not (said and opens_with_date(joined)):
            return None
        when = joined
    committee = _name_above(lines, i) if i else None
    if committee is None and i:
        above = lines[i - 1]
        nearby = "\n".join(lines[i + 1:i + 5])
        minutes = re.search(r"^(present|presennol|in attendance)\b", nearby, re.I | re.M)
        committee = committee_name(above) if (minutes or said) and not forms.NOT_COMMITTEE.match(above) else None
    if not committee:
        return None
    place = next((place_name(text) for text in _place_lines(lines[i + 1:i + 5])), None)
    return Reading(committee=committee, date=parse_date(when), time=parse_time(" ".join(lines[i:i + 2])), place=place)


def _place_lines(lines: list[str]):
    for k, line in enumerate(lines):
        if forms.LABEL_LINE.match(line) or forms.BLOCK_END.match(line):
            return
        if forms.PLACE_WORDS.search(line) and not parse_date(line):
            text = forms.OTHER_LABELS.sub("", line)
            if text.rstrip().endswith(",") and k + 1 < len(lines):
                text += " " + lines[k + 1]
            yield text
