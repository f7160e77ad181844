"""The meeting a paper is for (committee, date, time, place), from the first pages' lines.

Two readings, the more explicit first (the words are data in forms.py):
  labelled fields   "Meeting: Cabinet" / "Date: Wednesday, 11 March 2026" / "Venue: …", a label
                    over its value (a two-column table), two fields side by side on one line,
                    or Coventry's "Time and Date" cover
  the heading block the lines above the first item or the body, read as a person reads them
                    (heading.py): the date it gives for this meeting, the body it names
The first reading with a date gives the meeting; the other fills what it lacks when it
names the same day. A paper that states no meeting gets nulls, never a guess.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extract.models import Meeting
from extract.pack import forms
from extract.pack.heading import Reading, council_named, read_heading
from extract.pack.printed import committee_name, numeric_date, opens_with_date, parse_date, parse_time, place_name
from extract.read.pdfium import PageLines

__all__ = ["committee_name", "opens_with_date", "pages_to_meeting", "parse_date", "parse_time"]

COVER_PAGES = 2  # the meeting is stated on the front sheet or the page after it


def pages_to_meeting(pages: Sequence[PageLines]) -> Meeting:
    lines = cover_lines(pages)
    readings = [_labelled(lines), read_heading(lines)]
    dated = [r for r in readings if r and r.date]
    if not dated:
        named = [r for r in readings if r and r.committee]  # "Meeting: Cabinet" with no date
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
        if not read and page.number > COVER_PAGES:  # the front pages are scans: a later page is no cover
            break
        read += 1
        if read > COVER_PAGES:
            break
        if page.number > 1 and content and (forms.AGENDA_ITEM.match(content[0]) or forms.APPENDIX.match(content[0])):
            break
        lines += content
    return lines


# --- labelled fields ------------------------------------------------------------------

def _labelled(lines: list[str]) -> Reading | None:
    # two fields side by side are two fields: "Meeting: Parish Council      Date: 11 March 2026"
    lines = [field for line in lines for field in forms.NEXT_FIELD.split(line)]
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
    if committee and forms.REFERS_BACK.match(committee):  # "Meeting: Parish Council" under "ASHBY PARISH COUNCIL"
        committee = council_named(lines) or committee
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
