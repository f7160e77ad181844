"""The forms councils print a meeting and a document's start in, as data.

meeting.py reads the meeting (committee, date, time, place) with these words; segment.py
finds documents and their kinds with them. English and Welsh; nothing here is one
council's layout.
"""
from __future__ import annotations

import re

# --- dates and times ------------------------------------------------------------------

# Month names as printed, to their number: English (full and short) and Welsh, with the
# Welsh soft-mutated forms ("ar y 9fed o Fawrth", "mis Ragfyr").
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    "0ctober": 10, "0ct": 10,  # a zero for the O, as typed
    "ionawr": 1, "chwefror": 2, "mawrth": 3, "fawrth": 3, "ebrill": 4, "mai": 5, "fai": 5,
    "mehefin": 6, "fehefin": 6, "gorffennaf": 7, "orffennaf": 7, "awst": 8, "medi": 9, "fedi": 9,
    "hydref": 10, "tachwedd": 11, "dachwedd": 11, "rhagfyr": 12, "ragfyr": 12,
}
# Ordinal endings after a day number: English, and Welsh (1af, 2il/2ail, 3ydd, 5ed,
# 9fed, 13eg, 21ain). pdfium may print a raised ending apart from its number ("12 th").
ORDINALS = ("st", "nd", "rd", "th", "af", "ail", "il", "ydd", "edd", "fed", "ed", "eg", "ain")
WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "dydd llun", "dydd mawrth", "dydd mercher", "dydd iau", "dydd gwener", "dydd sadwrn", "dydd sul",
)

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# A date wrapped after its day ('Newtown Parish Council - 3rd' / 'September 2019'): the two
# lines are one date.
DAY_AT_END = re.compile(r"\b[0-3]?\d(?:st|nd|rd|th)?$", re.I)
MONTH_OPENS = re.compile(r"^(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)
_DAY = r"(?P<day>[0-3]?\d)\s?(?:" + "|".join(ORDINALS) + r")?"
_YEAR = r"(?P<year>(?:19|20)\d{2}|\d{2})(?!\d)"
# "9 January 2025", "Thursday, 9th January, 2025", "9fed Ionawr 2019", "28 Mar 18",
# "the 12th of December 2018"; and month first: "May 20 2008", "December 2, 2008".
DATE_FORMS: tuple[re.Pattern, ...] = (
    re.compile(r"\b" + _DAY + r"(?:\s+(?:of|o))?\s+" + _MONTH + r",?\s+" + _YEAR, re.I),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),
)
# A weekday that ends a heading's words before its date ("CABINET - THURSDAY, ").
WEEKDAY_SUFFIX = re.compile(r"\b(?:on\s+)?(?:" + "|".join(WEEKDAYS) + r"),?\s*(?:the\s+)?$", re.I)
# A line that opens with a date (after an optional weekday): a heading block's "when" line.
WEEKDAY_PREFIX = re.compile(r"^(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+)?(?:the\s+)?", re.I)

# A date printed in figures in a "Date:" field, day first as in the UK: "11/03/2026", "11.03.26".
NUMERIC_DATE = re.compile(
    r"^\D{0,20}?\b(?P<day>[0-3]?\d)[/.\-](?P<month>[01]?\d)[/.\-](?P<year>(?:19|20)\d{2}|\d{2})\b")

# Times: "7pm", "7.00 pm", "10.30 a.m.", "13:30pm"; "19:00" only where a time is expected
# (after "Time:", "at", "am"), since a bare "12.30" may be anything.
TIME_HALF = re.compile(r"\b(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<half>[ap])\.?\s?m\b\.?", re.I)
TIME_24 = re.compile(r"\b(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)\b(?!\s*(?:%|[£$]|\d))")
TIME_WORDS = {"noon": "12:00", "midday": "12:00", "hanner dydd": "12:00"}

# --- labelled fields ------------------------------------------------------------------

# Field labels as printed on front sheets and report headers ("Meeting: Cabinet",
# "Date:" over "11 March 2026" in a two-column table). Key: the Meeting field.
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "committee": ("meeting", "meeting name", "name of meeting", "committee", "meeting of",
                  "decision level", "cyfarfod", "pwyllgor"),
    "date": ("date", "date of meeting", "meeting date", "dyddiad"),
    "time": ("time", "start time", "amser"),
    "place": ("venue", "place", "location", "where", "lleoliad"),
    "when": ("time and date", "date and time", "dyddiad ac amser", "amser a dyddiad"),
}
LABEL_TO_FIELD = {label: key for key, labels in FIELD_LABELS.items() for label in labels}
# "Label: value" on one line, or the label alone with its value on the next line.
LABEL_LINE = re.compile(
    r"^(?P<label>" + "|".join(sorted((re.escape(k) for k in LABEL_TO_FIELD), key=len, reverse=True))
    + r")\s*(?::|\s-\s|$)\s*(?P<value>.*)$", re.I)
# A second field printed beside the first on its line ("Meeting: Cabinet      Date: 11 March 2026").
# The label opens with a capital ("Notes of meeting:" is one label, not "meeting:").
NEXT_FIELD = re.compile(
    r"\s+(?=(?-i:[A-Z]))(?=(?:" + "|".join(sorted((re.escape(k) for k in LABEL_TO_FIELD), key=len, reverse=True))
    + r")\s*:)", re.I)
# Other labels that may share a line with a field ("Date: 21st April 2015 Chair Person: …")
# and end its value.
OTHER_LABELS = re.compile(
    r"\s+(?:ask for|telephone|tel|e-?mail|contact|chair person|chair|clerk|notes of meeting|"
    r"minute taker|attendees|present|membership|members|published|enquiries)\s*:.*$", re.I)

# --- who meets ------------------------------------------------------------------------

# Words that name a body that meets; a heading line holding one can be the committee.
BODY_WORDS = re.compile(
    r"\b(committee|sub-committee|council|cabinet|board|panel|executive|forum|assembly|commission|"
    r"authority|partnership|group|meeting|cyngor|pwyllgor|bwrdd|panel|fforwm|cabinet)\b", re.I)
# Lines that are never a committee: what the document is, not who meets.
NOT_COMMITTEE = re.compile(
    r"^(public\s+document\s+pack|agenda|agenda\s+item\b.*|(?:minutes|cofnodion|notice)\b.*|agenda\s+and\s+minutes|"
    r"summons\b.*|notice\s+of\s+meeting|supplementary\b.*|public\s+business|present:?|presennol|"
    r"item\s+(no\.?\s*)?\d*\w?|part\s+[12i]+|page\b.*|\d+|open|exempt|unrestricted.*)$", re.I)
# A lead-in printed before the body's name ("KENT COUNTY COUNCIL" over "CABINET") is the
# council; when a line under it names a body, that line is the committee.
COUNCIL_NAME = re.compile(r"^(?:the\s+)?[\w&'’.\- ]+\b(county|city|borough|district|town|parish|community)\s+"
                          r"council$|^(?:london\s+borough|royal\s+borough)\s+of\s+\w+", re.I)
# A name that is no body's: an agenda item ("1 Minutes of the Last"), or the heading's own
# words ("Draft Minutes of the meeting held on"): a wrong committee is worse than none.
NOT_A_BODY_NAME = re.compile(r"^\d|\bminutes\s+of\b|\bmeeting\s+held\b|\bheld\s+on\b", re.I)
# A word printed twice over itself ("AYTON AYTON COMMUNITY COUNCIL": text laid over the same
# text): the name cannot be read with confidence.
PRINTED_TWICE = re.compile(r"\b(\w{3,})\s+\1\b", re.I)
# A place names a building or room.
PLACE_WORDS = re.compile(
    r"\b(room|rooms|hall|chamber|house|centre|center|suite|offices?|library|church|pavilion|building|"
    r"pavilion|school|institute|hotel|online|virtual|teams|zoom|ystafell|neuadd|canolfan|siambr|chapel|"
    r"videoconference|clubhouse|club|barn|museum|hub)\b", re.I)

# --- sentences that state a meeting ---------------------------------------------------

# "Minutes of a meeting of Tintern Community Council held on …", "Notice of meeting of the
# Amenities Committee to be held on …", "A meeting of the County Council will be held in …",
# "Cofnodion cyfarfod … a gynhaliwyd ar …", "Cynhaliwyd cyfarfod … am 7.30pm ar y …".
MEETING_OF = re.compile(
    r"(?:\bmeeting\s+of|\bcyfarfod(?:\s+o)?|\bgathering\s+of)\s+(?:the\s+|y\s+|yr\s+)?"
    r"(?P<committee>(?-i:[A-Z\u00c0-\u024f(])[^.;:]{1,90}?)\s*,?\s+"
    r"(?P<verb>held|to\s+be\s+held|will\s+be\s+held|which\s+(?:was|will\s+be|is\s+to\s+be)\s+held|a\s+gynhaliwyd|"
    r"a\s+gynhelir|"
    r"(?=am\s+\d)|(?=ar\s+(?:y\s+)?\d)|(?=on\s+\w+day\b)|(?=(?:on\s+)?(?:" + "|".join(WEEKDAYS[:7]) + r")\b)|"
    r"(?=(?:on\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"))", re.I)
# "Manordeilo and Salem Community Council held their meeting at 7.30pm on the 12th …"
BODY_HELD = re.compile(
    r"(?:^|\.\s+|\n)(?P<committee>(?-i:[A-Z])[\w&'’ ,\-]{2,80}?)\s+(?P<verb>held\s+(?:their|its|a)\s+"
    r"(?:\w+\s+)?meeting)", re.I)

# "MEETING 12th DECEMBER 2018" / "CYFARFOD 9FED IONAWR 2019" under the body's name.
MEETING_DATE_LINE = re.compile(
    r"^(?:(?:minutes|cofnodion)\s+(?:of\s+)?(?:the\s+|a\s+|an\s+|y\s+)?)?(?:(?:extraordinary|annual|special|ordinary)\s+)?"
    r"(?:meeting|cyfarfod)\b\s*(?:of\s+)?(?:(?:held|a\s+gynhaliwyd)\s+(?:on\s+|ar\s+)?(?:the\s+|y\s+)?)?", re.I)

# --- the heading block (heading.py) -----------------------------------------------------

# Where the heading ends: the first agenda item or minute ("1. Apologies", "11.17.01
# Apologies"), the attendance ("Present:"), the list's own heading ("ITEMS").
BLOCK_END = re.compile(
    r"^(?:\d{1,2}[.)]?(?:\s|$)|\d{1,2}\.\d{2}\.\d{2}\b|(?:present|presennol|apologies|in\s+attendance|attendees|"
    r"items)\b)", re.I)
# An attendance list opening the body: the heading above it is that of a meeting's minutes.
ATTENDANCE = re.compile(r"^(?:present|presennol|in\s+attendance|attendees|apologies)\b", re.I)
# The clerk's contact lines printed above a heading: not the heading.
CONTACT_LINE = re.compile(  # an e-mail address, not the '@' of '10TH JANUARY 2017 @ 7.30pm'
    r"[\w.+-]+@[\w-]+\.\w|\b(?:tel|telephone|mobile|phone|e-?mail|fax|ffôn)\b\s*[:.]?"
    r"|^(?:parish\s+|town\s+)?clerk\s*:", re.I)
# A long line that states a meeting is the heading's sentence, not the body of the paper.
MEETING_WORDS = re.compile(r"\b(?:meeting|held|summoned|summons|cyfarfod|gynhaliwyd|take\s+place)\b", re.I)
# Words before a date that make it another meeting's or no meeting's.
OTHER_MEETING = re.compile(
    r"\b(?:last|previous|next|prior|preceding|announcement|year\s+end(?:ed|ing)?|ended|ending|response\s+by|"
    r"deadline|published|dated|signed|adjourned\s+from|reviewed|adopted|as\s+at|pathway)\b[^.]*$", re.I)
# An agenda's heading announcing the meeting it is for ('NEXT MEETING TO BE HELD ON TUESDAY,'):
# its 'next' is this paper's meeting, not another's.
ANNOUNCED_MEETING = re.compile(r"\bnext\s+meeting\s+(?:is\s+|will\s+be\s+|to\s+be\s+)held\b", re.I)
# Words just before a date that make it this meeting's: "held on", "to take place on",
# "Date:", "MEETING" (a date alone under "… PLANNING MEETING"), "ON" (under "HELD IN THE VILLAGE HALL").
THIS_MEETING_BEFORE_DATE = re.compile(
    r"(?:\b(?:held|place|meeting|on|date|dyddiad|ar|cyfarfod|commencing|from)\b\s*:?|:|\s[-–—|]|[–—|])\s*(?:the\s+|y\s+)?"
    r"(?:(?:" + "|".join(WEEKDAYS) + r"),?\s*)?$", re.I)
# The electors' meeting (the parish's, not the council's): "Souldern Annual Parish Meeting".
ELECTORS_MEETING = re.compile(
    r"(?:\b(?P<parish>(?-i:[A-Z])[\w'’\-]+)[ \t]+)?"
    r"(?P<kind>annual[ \t]+(?:parish|town|village|community)[ \t]+meeting)\b", re.I)
NOT_A_PARISH = re.compile(r"^(?:of|the|minutes|agenda|notice|a|an|for|cofnodion)$", re.I)
PARISH_OF_COUNCIL = re.compile(r"^(.+?)\s+(?:parish|town|village|community)\s+council$", re.I)
# Sentences and headings that name the body: "a meeting of the Planning Committee held on",
# "summoned to the Souldern Parish Council Meeting to take place", "MINUTES OF THE FOREST
# PARISH COUNCIL MEETING", "Souldern Parish Council Planning Meeting" (a line of its own).
MEETING_OF_X = re.compile(
    r"\bmeeting\s+of\s+(?:the\s+)?(?P<committee>[^.\n;:]{3,80}?)"
    r"(?=\s+(?:held|to\s+be\s+held|will\s+be\s+held|which|on|at|in|to\s+take)\b|\s*[,.;\n(]|\s*$)", re.I)
SUMMONED_TO = re.compile(
    r"\bsummoned\s+to\s+(?:attend\s+)?(?:the\s+|an?\s+)?(?P<committee>(?!meeting\b)[^.\n;:]{3,80}?\bmeeting)\b", re.I)
MINUTES_OF_X_MEETING = re.compile(
    r"\b(?:minutes|notes)\s+of\s+(?:the\s+|an?\s+)?(?P<committee>(?!meeting\b)[^.\n;:]{3,80}?\bmeeting)\b", re.I)
X_MEETING_LINE = re.compile(r"^(?P<committee>[^.\n;:]{3,80}?\bmeeting)$", re.I | re.M)
# "the above Council", "the Parish Council", "the Council": the council the heading names.
REFERS_BACK = re.compile(
    r"^(?:the\s+)?(?P<above>above(?:[\s-]?named)?\s+|said\s+|aforementioned\s+)?"
    r"(?:(?P<kind>parish|town|community|village)\s+)?council$", re.I)
MEETING_KIND_PREFIX = re.compile(
    r"^(?:(?:the|an?)\s+)?(?:ordinary|annual|extraordinary|special|monthly)\s+(?=\w)", re.I)
# A block that says it is a meeting's paper: its council's name may be the body that meets.
SAYS_MEETING = re.compile(
    r"\b(?:meeting|minutes|agenda|summons|summoned|notes\s+of|cofnodion|cyfarfod|rhaglen)\b", re.I)
# What leads a heading line before the body's name: "AGENDA — ", "Minutes of the ", "To: ".
HEADING_LEAD = re.compile(
    r"^(?:(?:agenda|minutes|cofnodion|notice\s+of\s+meeting|notes)\s*(?:[-–—:|]\s*|\s+of\s+(?:the\s+)?)|"
    r"(?:report\s+)?to\s*:\s*|report\s+to\s+(?:the\s+)?)", re.I)
# The dashes and bars that part a heading line ("AGENDA — PLANNING COMMITTEE — 2 DECEMBER 2008").
HEADING_DASH = re.compile(r"\s+[-–—|]\s+|\s*[–—|]\s*|\s+-$")
# A body's name up to its body word ("Amenities Committee" of "Amenities Committee Community
# Grant Applications"), a number after it kept ("Scrutiny Board (2)").
NAME_TO_BODY_WORD = re.compile(
    r"^\s*(?P<committee>[^–—|:]{0,80}?\b(?:committee|sub-committee|cabinet|board|panel|forum|council|assembly|"
    r"executive|commission|pwyllgor|cyngor)\b(?:\s*\(\d+\))?)", re.I)
# A heading that names the body and what the paper is, before the date: "Amenities, Leisure
# and Community Services Minutes | Tuesday 13th March 2018".
NAME_THEN_DOCUMENT_WORD = re.compile(r"^(?P<committee>.{3,80}?)\s+(?:minutes|agenda|meeting|cofnodion)\s*[-–—|:]?\s*$",
                                     re.I)
# What the paper is, printed after the body's name on its heading line ("Ayton Community Council MINUTES").
# (an annual general meeting of a council is the council's: 'Milburn Parish Council A.G.M.')
DOCUMENT_WORD_AFTER = re.compile(
    r"\s+(?:(?:minutes|agenda|notice|summons|annual\s+general\s+meeting)\b|a\.g\.m\.?|agm\b).*$", re.I)
# "held at the Guildhall", "held in the Reading Room": what follows is the place, whatever its name.
HELD_AT = re.compile(r"\bheld\s+(?:at|in)\s+(?:the\s+)?(?=(?-i:[A-Z]))", re.I)
# The phrase that opens a place: "in the Village Hall", "at the Town Hall", "by Zoom", "yn Neuadd y Pentref".
PLACE_LEAD = re.compile(r"\b(?:in|at|yn|by|via|venue\s*:?)\s+(?:the\s+)?(?!\d)", re.I)
# The words that end a place phrase and open the sentence's next slot ("… Maidstone on Thursday").
SLOT_AFTER_PLACE = re.compile(
    r"(?:^|\s+)(?:on|at|from|commencing|starting|due\s+to|ar|am)(?:\s|$)|^\s*(?:" + "|".join(WEEKDAYS) + r")\b", re.I)
# "at 19.45" in a heading: a twenty-four-hour time past noon ("at 7.30" may be morning or evening).
AT_24_HOUR = re.compile(r"\b(?:at|from)\s+(?P<hour>1[3-9]|2[0-3])[.:](?P<minute>[0-5]\d)\b(?![./]\d)", re.I)
# A range of times gives its start: "7.00 - 9.00pm", "7pm to 9pm".
TIME_RANGE = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<first>[ap]\.?\s?m\b\.?)?\s*(?:-|–|—|to|until)\s*"
    r"(?P<end>\d{1,2})(?:[.:]\d{2})?\s*(?P<half>[ap])\.?\s?m\b", re.I)

# --- documents ------------------------------------------------------------------------

AGENDA_ITEM = re.compile(r"^(?:agenda\s+)?item\s+(?:no\.?\s*)?(\d+[a-z]?)\b\s*$|^agenda\s+item\s+(\d+[a-z]?)\b", re.I)
# "Appendix A", "Appendix A:", "APPENDIX 1 –", "Appendix C – Equality Consultation Analysis",
# "Annex 2", "Annex A – Cash flow", "Atodiad 1". A title after a space alone must start
# with a capital ("Appendix B Financial Summary"), so "Appendix 1 sets out …" is prose.
APPENDIX = re.compile(
    r"^(?P<word>appendix|annex|annexe|atodiad|schedule)\s+(?P<id>[A-Z]|\d{1,2}[a-z]?|[IVX]{1,4})\b"
    r"(?:\s*$|\s*[:\-–—.]\s*(?P<title>(?-i:[A-Z0-9(\"‘“]).*)?$|\s+(?P<bare>(?-i:[A-Z(\"‘“]).*)$)", re.I)
# Page furniture at the top or foot of a page: "Page 12", "Page | 1", "Page 3 of 40", "- 3 -", "3".
# Word prints "Page | 1" letter-spaced as "P a g e | 1" or "1 | P a g e".
PAGE_FURNITURE = re.compile(
    r"^(?:p\s?a\s?g\s?e\s*\|?\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*\|\s*p\s?a\s?g\s?e|[-–]\s*\d+\s*[-–]|\d{1,3}|"
    r"tudalen\s+\d+)$", re.I)
# Metadata lines that are never a title.
METADATA_LINE = re.compile(
    r"^(?:item\s+(?:no\.?)?\s*\d*\w?|classification:?.*|open|exempt|restricted|official(?:\s*-\s*sensitive)?|"
    r"date:?.*|\d{1,2}\s+\w{3,9}\s+\d{2,4}|public\s+document\s+pack|by\s+virtue\b.*|not\s+for\s+publication.*|"
    r"key\s+decision.*|decision\s+(?:no|number).*|ward\(?s\)?.*|from:?.*|to:?.*|report\s+to:?.*|"
    r"agenda\s+item\s+\d+\w?)$", re.I)
TITLE_LABEL = re.compile(
    r"^(?:(?:subject\s+matter\s*/\s*)?(?:report\s+title|title\s+of\s+(?:the\s+)?(?:report|decision))\s*(?::\s*|\s+|$)"
    r"|(?:title|subject(?:\s+matter)?|teitl)\s*(?::\s*|$))(?P<title>.*)$", re.I)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")

# A document's kind by the words on its first page: first match wins (report is the default).
KIND_RULES: list[tuple[str, re.Pattern]] = [
    ("minutes", re.compile(
        r"^minutes\b|^minutes of\b|^cofnodion\b|\bminutes of (a|the) meeting of\b|held their meeting|"
        r"^cynhaliwyd cyfarfod|^(present|presennol|attendees)\s*:?(\s|$)|^notes of (the )?meeting\b|"
        r"^the (cabinet|committee|board|council|panel) (considered|received|noted)\b|\bRESOLVED\b",
        re.I | re.M)),
    ("agenda", re.compile(
        r"^agenda\b(?!\s+item)|^summons\b|^notice of (a |the )?meeting\b|^rhaglen\b|\bto be held (on|at|in)\b|"
        r"\bwill be held (on|at|in)\b|^time and date$|^public business$", re.I | re.M)),
    ("briefing_note", re.compile(r"^briefing note|^briefing paper", re.I | re.M)),
    ("report", re.compile(
        r"^(public report|cabinet report|report of|report title|report to|title of report|purpose of (the )?report|"
        r"\d\.?\s+purpose of (the )?report|recommendations?:?$|executive summary)", re.I | re.M)),
]
# A plain financial statement (budget sheet, accounts, payment schedule): its title lines
# say so and most of its lines are figures.
FINANCIAL_TITLE = re.compile(
    r"\b(statement of accounts|payments? (made|over|in excess|exceeding|schedule|for approval)|"
    r"accounts? for payment|income and expenditure|balance sheet|budget (book|sheet|monitoring statement)|"
    r"general fund estimates|capital programme|budget comparison|bank reconciliation|receipts and payments|"
    r"grants? (awarded|payments?))\b", re.I)
FINANCIAL_NUMERIC_SHARE = 0.3
FINANCIAL_UNTITLED_SHARE = 0.6  # a sheet that is nearly all figures needs no title words
# A slide deck: most pages landscape, and few lines on a page (a landscape list or
# spreadsheet is dense).
SLIDE_LANDSCAPE_SHARE = 0.6
SLIDE_MEDIAN_LINES = 20
