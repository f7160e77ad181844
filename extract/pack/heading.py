"""The heading block of a front page, read as a person reads it.

The heading block is the run of lines above the first agenda item or the body of the
paper ("1. Apologies", "Present:", a paragraph of text). A person finds in it, whatever the
layout:
  the date   the one the heading or its opening sentence gives for this meeting: a date
             after "held on" or "to take place on", or alone on its line, scores over a
             date elsewhere in the block; a date about another meeting ("the last meeting",
             "the minutes of … held on") or a notice's ("Date of announcement") is none;
  the body   named by the sentence ("a meeting of the Planning Committee", "summoned to the
             Souldern Parish Council Meeting"), else by the heading ("MINUTES OF THE FOREST
             PARISH COUNCIL MEETING", "AYTON COMMUNITY COUNCIL"); "the above Council" and
             "the Parish Council" are the heading's council; an annual parish (town)
             meeting is the electors' meeting of the parish, not the council's;
  the time   the first time of the block (a range "7.00 - 9.00pm" gives its start);
  the place  the line that names a room or building, with the line it runs on to.
Each reading keeps only what the block states; nothing is guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.pack import forms
from extract.pack.printed import committee_name, opens_with_date, parse_date, parse_time, place_name

BLOCK_LINES = 16  # a heading block is never longer than this
HEADING_LINE = 300  # nor any of its lines (a hostile page's one enormous line is cut, not searched whole)
BODY_LINE = 90  # a line this long that ends a sentence is running text (unless it states the meeting)
PLACE_LINES = 7  # the place is printed within a few lines of the date (a contact line may come between)


@dataclass(frozen=True)
class Reading:
    committee: str | None = None
    date: str | None = None
    time: str | None = None
    place: str | None = None


def heading_block(lines: list[str]) -> list[str]:
    """The lines above the first agenda item or the paper's body, with a raised ordinal
    printed on a line of its own ('Thursday 19' / 'th May 2016') joined back to its day,
    and contact lines (the clerk's address, telephone, e-mail) left out."""
    block: list[str] = []
    for line in lines:
        line = line[:HEADING_LINE]
        if forms.BLOCK_END.match(line) and not opens_with_date(line) or len(block) >= BLOCK_LINES:
            break
        if forms.CONTACT_LINE.search(line):
            continue
        if block and re.match(r"^(?:st|nd|rd|th)\b", line, re.I) and re.search(r"\b[0-3]?\d$", block[-1]):
            block[-1] += line
            continue
        if block and forms.DAY_AT_END.search(block[-1]) and forms.MONTH_OPENS.match(line) and not _dated(block):
            block[-1] += " " + line  # the heading's first date, wrapped after its day
            continue
        if len(line) > BODY_LINE and line.rstrip().endswith(".") and not forms.MEETING_WORDS.search(line):
            break  # a paragraph of the body: the heading is above it
        block.append(line)
    return block


def _dated(block: list[str]) -> bool:
    return any(form.search(line) for line in block for form in forms.DATE_FORMS)


def read_heading(lines: list[str]) -> Reading:
    block = heading_block(lines)
    if not block:
        return Reading()
    when = meeting_date(block)
    if when is None:  # a council's name over a paper that states no meeting is no meeting
        return Reading()
    index, start, iso = when
    around = " ".join(block[max(0, index - 1):index + 3])
    evening = forms.AT_24_HOUR.search(around)  # "at 19.45": a bare time is one only past noon
    time = parse_time(around) or (f"{evening.group('hour')}:{evening.group('minute')}" if evening else None)
    place = place_of(block, index)
    committee = body_of(block, index, start, stated=bool(time or place) or _over_attendance(lines))
    if committee is None:  # a date under no body's name ('1 April 2020' over 'Dear …') states no meeting
        return Reading()
    return Reading(committee=committee, date=iso, time=time, place=place)


def _over_attendance(lines: list[str]) -> bool:
    """The heading stands over an attendance list ('Present', 'Apologies'): it heads the
    minutes of the meeting it names, whether or not it says 'minutes'."""
    end = next((line for line in lines[:BLOCK_LINES + 4] if forms.BLOCK_END.match(line[:HEADING_LINE])), "")
    return forms.ATTENDANCE.match(end) is not None


# --- the date -------------------------------------------------------------------------

def meeting_date(block: list[str]) -> tuple[int, int, str] | None:
    """(line index, offset in the line, ISO date) of the date the block gives for this
    meeting: the best scored, the first of equals."""
    best: tuple[int, int, int, str] | None = None
    for i, line in enumerate(block):
        for form in forms.DATE_FORMS:
            for match in form.finditer(line):
                before = line[:match.start()]
                if not before.strip() and i:  # a date alone on its line goes on from the line above
                    before = block[i - 1] + " " + before
                if forms.OTHER_MEETING.search(forms.ANNOUNCED_MEETING.sub("", before)):
                    continue
                iso = parse_date(match.group(0))
                if iso is None:
                    continue
                score = _date_score(before, line, match, first=not i)
                if best is None or score > best[0]:
                    best = (score, i, match.start(), iso)
    return (best[1], best[2], best[3]) if best and best[0] > 0 else None


def _date_score(before: str, line: str, match: re.Match, first: bool) -> int:
    named = _name_before_date(line[:match.start()]) is not None
    if named and forms.THIS_MEETING_BEFORE_DATE.search(before):
        return 4  # the body and the day: "CABINET - THURSDAY, 30 JANUARY 2025" (over a letter's "Date:")
    if forms.THIS_MEETING_BEFORE_DATE.search(before):
        return 3  # "held on", "to take place on", "Date:", "MEETING", "ON"
    if named and not line[match.end():].strip():
        return 2  # "To: County Council 13th March 2025"
    rest = forms.WEEKDAY_PREFIX.sub("", line[:match.start()]).strip(" ,")
    if not rest or forms.MEETING_WORDS.search(before):
        return 2  # the date alone, opening its line ("30th July 2020 at 7.30pm by Zoom …"), or in the
        # sentence that states the meeting ("Meeting of the Cabinet, Wednesday 11 March 2026")
    if first and not line[match.end():].strip():
        return 1  # the heading's first line ends with it ("Community Grant Applications 13th March 2018")
    return 0  # a date in passing ("accounts for the year ended 31 March 2024") is not the meeting's


# --- the body -------------------------------------------------------------------------

def body_of(block: list[str], index: int, start: int, stated: bool = False) -> str | None:
    """The body that meets, the most explicit statement first: an electors' meeting; the
    sentence's body ('a meeting of …', '… held their meeting'); the heading's 'X meeting'
    or 'meeting of X'; the body named before the date on its line ('CORPORATE PARENTING
    PANEL – 10th December 2024') or on the line above it ('CABINET' over the date); the
    heading's council, when the block says it is a meeting (or gives its time or place)."""
    council = _council_of(block)
    text = "\n".join(block)
    electors = _electors_meeting(text, council)
    if electors:
        return electors
    for pattern in (forms.MEETING_OF, forms.BODY_HELD, forms.MEETING_OF_X, forms.SUMMONED_TO,
                    forms.MINUTES_OF_X_MEETING, forms.X_MEETING_LINE):
        for match in pattern.finditer(text):
            name = _resolve(match.group("committee"), council)
            if name:
                return name
    beside = _name_before_date(block[index][:start])
    if beside:
        return beside
    above = _name_over_date(block, index)
    if above:
        return above
    under = forms.DOCUMENT_WORD_AFTER.sub("", block[index + 1]) if index + 1 < len(block) else ""
    below = _resolve(under, council) if re.search(forms.BODY_WORDS.pattern + r"\W*$", under, re.I) else None
    if below and not forms.COUNCIL_NAME.match(under):
        return below  # the heading ends with the date over the body's name
    return council if stated or forms.SAYS_MEETING.search(text) else None


def _name_before_date(prefix: str) -> str | None:
    """'AGENDA — PLANNING COMMITTEE — ', 'Royal Sutton Coldfield Town Council Meeting ',
    'Amenities Committee Community Grant Applications ': the body's name ends at its body
    word; a council's name beside a date is a meeting only when the line says so."""
    said = re.search(r"\b(?:meeting|cyfarfod|minutes|agenda)\b", prefix, re.I)
    prefix = forms.WEEKDAY_SUFFIX.sub("", prefix)
    parts = [part for part in forms.HEADING_DASH.split(prefix) if part.strip()]  # 'Governance Update – County Council '
    prefix = forms.HEADING_LEAD.sub("", parts[-1] if parts else "")
    named = forms.NAME_THEN_DOCUMENT_WORD.match(prefix)
    if named and not forms.BODY_WORDS.search(named.group("committee")):
        return committee_name(named.group("committee"))  # 'Amenities, Leisure and Community Services Minutes | '
    found = forms.NAME_TO_BODY_WORD.match(prefix)
    if not found:
        return None
    name = committee_name(found.group("committee"))
    if not name or forms.COUNCIL_NAME.match(name) and not said:
        return None
    return name


def _name_over_date(block: list[str], index: int) -> str | None:
    """The body's name on the line over the date ('CABINET' / 'Thursday, 30th January, 2025')."""
    if not index:
        return None
    above = forms.HEADING_LEAD.sub("", forms.DOCUMENT_WORD_AFTER.sub("", block[index - 1]))  # 'Report to Cabinet'
    if forms.NOT_COMMITTEE.match(above) or forms.COUNCIL_NAME.match(above) or not forms.BODY_WORDS.search(above):
        return None
    return _resolve(above, _council_of(block))


def _electors_meeting(text: str, council: str | None) -> str | None:
    """'Annual Parish Meeting of Souldern': the parish from the words before ('the
    Souldern Annual Parish Meeting') or from the council the heading names."""
    found = list(forms.ELECTORS_MEETING.finditer(text))
    if not found:
        return None
    kind = " ".join(w.capitalize() for w in found[0].group("kind").split())
    parishes = [m.group("parish") for m in found
                if m.group("parish") and not forms.NOT_A_PARISH.match(m.group("parish"))]
    of_council = forms.PARISH_OF_COUNCIL.match(council) if council else None
    parish = parishes[0] if parishes else of_council.group(1) if of_council else None
    name = committee_name(parish) if parish else None
    return f"{kind} of {name}" if name else kind


def council_named(lines: list[str]) -> str | None:
    """The council the heading of these lines names."""
    return _council_of(heading_block(lines))


def _council_of(block: list[str]) -> str | None:
    """The body the heading names: a short line with a body word ('AYTON COMMUNITY
    COUNCIL', 'Ayton Community Council MINUTES', 'Souldern Parish Council – Annual
    Meeting of the Parish Council': its first part)."""
    for line in block[:6]:
        part = forms.HEADING_DASH.split(line)[0]
        part = forms.DOCUMENT_WORD_AFTER.sub("", part)
        if len(part) > 60 or forms.MEETING_WORDS.search(part) or not forms.COUNCIL_NAME.match(part.strip()):
            continue
        name = committee_name(part)
        if name:
            return name
    return None


def _resolve(name: str, council: str | None) -> str | None:
    """A name as the sentence prints it; 'the above Council', 'the Parish Council' and
    'the Council' are the heading's council; a bare kind of meeting ('Annual') is none."""
    name = forms.MEETING_KIND_PREFIX.sub("", " ".join(name.split()))
    # 'Due to Coronavirus – Covid-19 – The Parish Council held the meeting': the body is
    # the subject of the verb, after any clause set off by dashes
    name = forms.HEADING_DASH.split(re.split(r"\s+held\b", name, flags=re.I)[0])[-1].strip()
    bare = re.sub(r"(?:^|\s+)(?:ordinary\s+|annual\s+|extraordinary\s+|special\s+)?meeting$", "", name, flags=re.I)
    if not forms.BODY_WORDS.search(re.sub(r"\bmeeting\b", "", bare, flags=re.I)):
        return None  # 'MINUTES OF THE MEETING', 'RW chaired the meeting': no body named
    if re.search(forms.BODY_WORDS.pattern + r"$", bare, re.I):  # 'Souldern Parish Council Meeting': the council
        name = bare  # ('… Planning Meeting' stays a meeting of its own)
    back = forms.REFERS_BACK.match(name)
    kind = back.group("kind") if back else None
    if back and (back.group("above") or not kind or (council or "").lower().endswith(f"{kind} council".lower())):
        return council  # 'the County Council' under 'KENT COUNTY COUNCIL' is the County Council, as printed
    if not forms.BODY_WORDS.search(name):
        return None
    return committee_name(name)


# --- the place ------------------------------------------------------------------------

def place_of(block: list[str], date_index: int) -> str | None:
    """The phrase by the date that names a room or building ('in the Village Hall',
    'HELD IN THE CHAPEL'), or any phrase after 'held at' ('Held at the Guildhall on …'),
    with the line it runs on to ('Council Chamber, Sessions House,' / 'County Hall')."""
    for k in range(max(0, date_index - 2), min(len(block), date_index + PLACE_LINES)):
        line = block[k]
        held = forms.HELD_AT.search(line)
        if held and _until_slot(line[held.end():]):
            return place_name(_phrase(block, k, held.end()))
        building = forms.PLACE_WORDS.search(line)
        label = forms.LABEL_LINE.match(line)
        if not building or label and forms.LABEL_TO_FIELD[label.group("label").lower()] != "place":
            continue
        leads = list(forms.PLACE_LEAD.finditer(line, 0, building.start()))
        text = _phrase(block, k, leads[-1].end() if leads else 0)
        if not leads and k:  # the phrase began on the line above: '… at 7.00pm in Ayton Community' / 'Hall'
            above = list(forms.PLACE_LEAD.finditer(block[k - 1]))
            opened = block[k - 1][above[-1].end():] if above else ""
            if opened and _until_slot(opened) == opened:
                text = opened + " " + text
        if parse_date(text) or not forms.PLACE_WORDS.search(text):
            continue
        return place_name(text)
    return None


def _phrase(block: list[str], k: int, start: int) -> str:
    """The place phrase that opens at `start` of line k, up to the next slot, run on to the
    next line when it reaches its end."""
    text = _until_slot(block[k][start:])
    if k + 1 < len(block) and text == block[k][start:]:
        text += _run_on(text, block[k + 1])
    return text


def _run_on(text: str, following: str) -> str:
    """What of the next line belongs to a place phrase that ends its line: after a comma, or
    when the sentence goes on after it with its date or time ('Sessions' / 'House, County
    Hall, Maidstone on Thursday'); the rest of an address ('High Street, Kingsbury')."""
    part = _until_slot(following)
    if part and (text.rstrip().endswith(",") or forms.SLOT_AFTER_PLACE.match(following[len(part):])):
        return " " + part
    if _address(following):
        return ", " + following
    return ""


def _address(line: str) -> bool:
    """An address line under a place: a street and town, a postcode; no date, time or heading word."""
    if parse_date(line) or parse_time(line) or forms.SAYS_MEETING.search(line) or forms.BLOCK_END.match(line):
        return False
    return bool(forms.POSTCODE.search(line) or re.match(r"^[A-Z][\w'’ .\-]+,\s*[A-Z][\w'’ .\-]+$", line))


def _until_slot(text: str) -> str:
    """A place phrase ends where the date, the time or another sentence begins."""
    ends = [m.start() for m in (
        forms.SLOT_AFTER_PLACE.search(text), re.search(r"[.;]\s|[.;]$", text),
        forms.TIME_HALF.search(text), *(form.search(text) for form in forms.DATE_FORMS)) if m]
    return text[:min(ends)].rstrip(" ,") if ends else text
