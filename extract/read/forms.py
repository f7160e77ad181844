"""Filled-in PDF forms: the values typed into a form's fields, as printed characters.

Parish councils' annual returns (AGARs) and many pro formas are fillable PDFs: a figure
typed into one is the value of a form field (a widget annotation, /V, shown through its
appearance stream), not text of the page. Each reader finds the page's fields its own way
(plumber.py from pdfminer's objects, pdfium.py from pdfium's annotations), resolves them by
the same rules (`make_field`) and lays their values out here as glyphs in the field's
box, so the words, rows, figures and checks read them as any other printed text.

Where a value is placed: one line per line of the value (a multi-line field's text wrapped
to the box), left, centred or right as the field's /Q says, in the type size of its /DA
(auto-sized to the box when 0), each character as wide as Helvetica's digits and letters
are on average: a figure's bbox lies inside its field's box, to about a character.
A value the page also prints as text (a form flattened over a copy of its fields) is read
once, from the page's text.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.read.text import BBox, Glyph

# Field types whose value is printed text: text fields and choice lists. A button's value
# is a state ('/Yes', '/Off'), not a figure.
PRINTED_TYPES = frozenset({"Tx", "Ch"})
HIDDEN = 0b100010  # annotation flags Hidden (2) and NoView (32): not printed
MULTILINE = 1 << 12  # text field flag: the value wraps within the box
AUTO_MAX = 12.0  # an auto-sized (0 Tf) single line: the box's height, at most this
PADDING = 2.0  # points between the box's edge and its text, as viewers print it
LINE_SPACING = 1.15
DA_SIZE = re.compile(r"(\d+(?:\.\d+)?|\.\d+)\s+Tf\b")
# Average advance widths (ems) of Helvetica, the font viewers fill fields with.
NARROW, WIDE, AVERAGE = 0.278, 0.556, 0.5


@dataclass(frozen=True)
class FormField:
    value: str
    box: BBox  # x0, top, x1, bottom: top-left origin, as every reader's glyphs
    size: float  # type size from /DA; 0: fitted to the box
    align: int = 0  # /Q: 0 left, 1 centred, 2 right
    multiline: bool = False


def make_field(box: BBox, kind: str, value: object, size: float, align: object = 0, annotation_flags: object = 0,
               field_flags: object = 0) -> FormField | None:
    """A widget's field as both readers resolve it: its type, value, field flags and type
    size inherited from its parent fields (the size from the form's /DA when none names
    one), its alignment (/Q) and annotation flags its own. None when it prints nothing a
    reader could see: a button, a hidden widget, an empty value."""
    if kind not in PRINTED_TYPES or not isinstance(value, str) or not value.strip():
        return None
    if isinstance(annotation_flags, (int, float)) and int(annotation_flags) & HIDDEN:
        return None
    multiline = isinstance(field_flags, (int, float)) and bool(int(field_flags) & MULTILINE)
    where = int(align) if isinstance(align, (int, float)) and int(align) in (0, 1, 2) else 0
    return FormField(value.replace("\r\n", "\n").replace("\r", "\n"), box, max(0.0, size), where, multiline)


def da_size(appearance: object) -> float:
    """The type size a default-appearance string (/DA, '/Helv 10 Tf 0 g') sets; 0: auto."""
    match = DA_SIZE.search(appearance) if isinstance(appearance, str) else None
    return float(match.group(1)) if match else 0.0


def with_fields(glyphs: list[Glyph], fields: Sequence[FormField]) -> list[Glyph]:
    """The page's glyphs with those of its fields' values that the page does not already print."""
    return glyphs + [g for field in fields if not _printed_on_page(field, glyphs) for g in field_glyphs(field)]


def _printed_on_page(field: FormField, glyphs: Sequence[Glyph]) -> bool:
    """The page's own text inside the field's box spells its value (spaces aside)."""
    x0, top, x1, bottom = field.box
    inside = "".join(g.text for g in glyphs
                     if g.text.strip() and x0 <= (g.x0 + g.x1) / 2 <= x1 and top <= (g.top + g.bottom) / 2 <= bottom)
    return inside == "".join(field.value.split())


def field_glyphs(field: FormField) -> list[Glyph]:
    """The value's characters laid out in the field's box, line by line."""
    x0, top, x1, bottom = field.box
    size = field.size or min(AUTO_MAX, max(1.0, (bottom - top) - 2 * PADDING))
    lines = _wrapped(field.value, size, (x1 - x0) - 2 * PADDING) if field.multiline else field.value.split("\n")
    height = size * LINE_SPACING
    # One line sits in the middle of the box, as viewers print it; several start at its top.
    first_top = top + ((bottom - top) - size) / 2 if len(lines) == 1 else top + PADDING
    glyphs: list[Glyph] = []
    for n, line in enumerate(lines):
        width = sum(_advance(ch) for ch in line) * size
        left = {0: x0 + PADDING, 1: (x0 + x1 - width) / 2, 2: x1 - PADDING - width}[field.align]
        line_top = first_top + n * height
        for ch in line:
            advance = _advance(ch) * size
            glyphs.append(Glyph(ch, left, line_top, left + advance, line_top + size, size))
            left += advance
    return glyphs


def _advance(ch: str) -> float:
    if ch.isdigit() or ch in "£$€#?":
        return WIDE
    if ch in " ,.:;!|'iIjlft()[]-":
        return NARROW
    return AVERAGE


def _wrapped(value: str, size: float, width: float) -> list[str]:
    """A multi-line field's value broken at spaces to the box's width."""
    lines: list[str] = []
    for paragraph in value.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and sum(_advance(ch) for ch in candidate) * size > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines
