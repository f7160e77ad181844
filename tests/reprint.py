"""Reprint figures in a copy of a PDF: the digits of a printed number are changed in the page's
content stream (same length, same fonts, same place), so the copy is the paper as it would be
printed with other figures, not a re-read of its words. Used by the compare tests and bench.

A number may be drawn by several text operators ('1,' then '288' then ',680', in two fonts);
the page's shown text is joined across operators, and each character changed is encoded in
the font that drew it (one-byte fonts by their code, Type0 fonts through their ToUnicode map).
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf

SHOW = {"Tj", "TJ", "'", '"'}
JOIN = "\x00"  # between the strings of two operators: a number may go on across it


@dataclass(frozen=True)
class Edit:
    page: int  # 1-based
    old: str  # the number as printed, e.g. '1,288,680'
    new: str  # as it should read, the same length
    occurrence: int | None = None  # which match on the page (0-based); None: every one


class Font:
    def __init__(self, font: pikepdf.Dictionary):
        self.two_byte = font.get("/Subtype") == "/Type0"
        self.to_char: dict[int, str] = {}
        if "/ToUnicode" in font:
            from pdfminer.cmapdb import CMapParser, FileUnicodeMap

            cmap = FileUnicodeMap()
            CMapParser(cmap, io.BytesIO(font.ToUnicode.read_bytes())).run()
            self.to_char = {int(cid): str(text) for cid, text in cmap.cid2unichr.items()}
        self.to_code = {char: code for code, char in self.to_char.items() if len(char) == 1}

    def decode(self, data: bytes) -> list[tuple[str, int]]:
        """(character, code) per code in the string."""
        if self.two_byte:
            codes = [int.from_bytes(data[k:k + 2], "big") for k in range(0, len(data) - 1, 2)]
        else:
            codes = list(data)
        return [(self.to_char.get(c, chr(c) if not self.two_byte else "\ufffd"), c) for c in codes]

    def encode_code(self, char: str) -> int:
        if self.two_byte:
            if char not in self.to_code:
                raise ValueError(f"the font has no glyph for {char!r}")
            return self.to_code[char]
        return self.to_code.get(char, ord(char))


@dataclass
class Slot:
    """One character shown on the page: which operator, which string in it, which code."""

    op: int
    part: int | None  # index in a TJ array; None for a Tj string
    index: int
    font: Font


def reprint(source: Path, target: Path, edits: list[Edit]) -> int:
    """Write a copy of `source` with the edits made; the number of figures changed.
    ValueError when an edit finds nothing to change (or the font lacks a digit)."""
    changed = 0
    with pikepdf.open(source) as pdf:
        for number in sorted({e.page for e in edits}):
            page = pdf.pages[number - 1]
            changed += _reprint_page(pdf, page, [e for e in edits if e.page == number])
        pdf.save(target)
    return changed


def _reprint_page(pdf: pikepdf.Pdf, page: pikepdf.Page, edits: list[Edit]) -> int:
    fonts = {str(name): Font(font) for name, font in page.Resources.get("/Font", {}).items()}
    ops = [[list(operands), operator] for operands, operator in pikepdf.parse_content_stream(page)]
    text, slots = _shown_text(ops, fonts)
    codes: dict[tuple[int, int | None], list[int]] = {}
    changed = 0
    for edit in edits:
        if len(edit.old) != len(edit.new):
            raise ValueError(f"{edit}: the new number must be as long as the old")
        pattern = (r"(?<![\d.,])" + f"{JOIN}*".join(re.escape(ch) for ch in edit.old) + r"(?![\d]|[.,]\d)")
        matches = list(re.finditer(pattern, text))
        chosen = matches if edit.occurrence is None else matches[edit.occurrence:edit.occurrence + 1]
        if not chosen:
            raise ValueError(f"{edit}: not printed on page {edit.page}")
        for match in chosen:
            positions = [k for k in range(match.start(), match.end()) if text[k] != JOIN]
            for k, new_char in zip(positions, edit.new, strict=True):
                if text[k] != new_char:
                    slot = slots[k]
                    key = (slot.op, slot.part)
                    if key not in codes:
                        codes[key] = [c for _, c in slot.font.decode(_string(ops, slot))]
                    codes[key][slot.index] = slot.font.encode_code(new_char)
            changed += 1
    for (op, part), new_codes in codes.items():
        font = slots[next(k for k, s in enumerate(slots) if s and s.op == op and s.part == part)].font
        data = b"".join(c.to_bytes(2, "big") if font.two_byte else bytes([c]) for c in new_codes)
        if part is None:
            ops[op][0][-1] = pikepdf.String(data)
        else:
            ops[op][0][0][part] = pikepdf.String(data)
    page.Contents = pdf.make_stream(pikepdf.unparse_content_stream([(o, pikepdf.Operator(str(op))) for o, op in ops]))
    return changed


def _string(ops: list, slot: Slot) -> bytes:
    operands = ops[slot.op][0]
    return bytes(operands[-1] if slot.part is None else operands[0][slot.part])


def _shown_text(ops: list, fonts: dict[str, Font]) -> tuple[str, list]:
    """The page's shown text, operators joined by JOIN, and the slot of each character."""
    text: list[str] = []
    slots: list = []
    font: Font | None = None
    for n, (operands, operator) in enumerate(ops):
        name = str(operator)
        if name == "Tf":
            font = fonts.get(str(operands[0]))
        if name not in SHOW or font is None:
            continue
        if name == "TJ":
            parts = [(p, bytes(s)) for p, s in enumerate(operands[0]) if isinstance(s, pikepdf.String)]
        else:
            parts = [(None, bytes(operands[-1]))]
        for part, data in parts:
            for index, (char, _) in enumerate(font.decode(data)):
                text.append(char)
                slots.append(Slot(n, part, index, font))
        text.append(JOIN)
        slots.append(None)
    return "".join(text), slots
