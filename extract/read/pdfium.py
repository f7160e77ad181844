"""pdfium (pypdfium2): the quick reader. Opens the pack, says what it is, and gives every
page's plain text lines in a millisecond or two, for triage, segmentation and metadata.
"""
from __future__ import annotations

import ctypes
import math
import stat
from dataclasses import dataclass
from pathlib import Path

from extract.errors import DamagedPdf, EmptyFile, EncryptedPdf, NoPages, NotAPdf
from extract.read.forms import FormField, make_field, with_fields
from extract.read.text import LIGATURES, Glyph, PageText, glyphs_to_rows

# pdfium's codes for a hyphen it treats as soft ('ring-' / 'fenced', 'long-term')
PDFIUM_HYPHENS = str.maketrans("\x02\ufffe", "--")
# The characters pdfium gives that are read as others (its soft hyphens, ligatures).
TRANSLATED = frozenset(PDFIUM_HYPHENS) | frozenset(LIGATURES)
# pdfium's form field types (FPDF_FORMFIELD_*) as the PDF names them: text, combo and list
# boxes print their value; buttons (push, check, radio) and signatures print none.
FIELD_KINDS = {6: "Tx", 4: "Ch", 5: "Ch", 1: "Btn", 2: "Btn", 3: "Btn", 7: "Sig"}


@dataclass(frozen=True)
class PageLines:
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[str, ...]
    readable: bool = True  # False: pdfium could not load the page; it counts as blank
    form_fields: int = 0  # form fields with a value, read as printed text (forms.py)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def check_header(path: Path) -> None:
    """Fail early, with a reason a person understands, on what is plainly not a PDF."""
    if not path.exists():
        raise NotAPdf(str(path), "no such file")
    if path.is_dir():
        raise NotAPdf(str(path), "is a folder, not a PDF file")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise NotAPdf(str(path), "not a regular file")
        size = info.st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:  # permissions, a file removed meanwhile, an I/O error
        from extract.errors import PackError

        raise PackError(str(path), f"cannot read the file ({exc.strerror or type(exc).__name__})") from exc
    if size == 0:
        raise EmptyFile(str(path), "the file is empty (0 bytes)")
    if b"%PDF-" not in head:
        raise NotAPdf(str(path), "not a PDF (no %PDF- header in its first 1024 bytes)")


def open_document(path: Path):
    """A pypdfium2 PdfDocument, or a typed error saying why not."""
    import pypdfium2 as pdfium

    # pdfium's document-loading error codes (FPDF_ERR_*), as reasons a person can act on.
    known = {
        1: (DamagedPdf, "damaged PDF: pdfium cannot open it (unknown error)"),
        2: (DamagedPdf, "the file cannot be opened or read"),
        3: (DamagedPdf, "damaged PDF: its structure cannot be parsed (corrupt or not really a PDF)"),
        4: (EncryptedPdf, "the PDF is encrypted and needs a password"),
        5: (EncryptedPdf, "the PDF is protected by an unsupported security handler"),
        6: (DamagedPdf, "damaged PDF: its pages cannot be loaded"),
    }
    check_header(path)
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in known:
            error, reason = known[code]
            raise error(str(path), reason) from exc
        message = str(exc).lower()
        if "password" in message or "security" in message:
            raise EncryptedPdf(str(path), "the PDF is encrypted and needs a password") from exc
        raise DamagedPdf(str(path), f"damaged PDF that cannot be opened ({_short(exc)})") from exc
    if len(document) == 0:
        document.close()
        raise NoPages(str(path), "the PDF has no pages")
    import pypdfium2.raw as raw

    if raw.FPDF_GetFormType(document.raw) != raw.FORMTYPE_NONE:  # a fillable form: its fields are read
        document.init_forms()
    return document


def page_lines(document, number: int) -> PageLines:
    """The page's text lines; a page pdfium cannot load comes back blank and unreadable,
    so one damaged page does not lose the rest of the pack."""
    import pypdfium2 as pdfium

    try:
        page = document[number - 1]
    except pdfium.PdfiumError:
        return PageLines(number, 0.0, 0.0, (), readable=False)
    import pypdfium2.raw as raw

    try:
        width, height = page.get_size()
        fields = page_fields(page, height)
        textpage = page.get_textpage()
        try:
            if fields:  # a filled-in form: its values are read where they are printed, as words
                glyphs = with_fields(list(_glyphs(textpage, height, raw)), fields)
                text = "\n".join(row.text for row in glyphs_to_rows(glyphs, number))
            else:
                text = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    text = text.translate(PDFIUM_HYPHENS).translate(LIGATURES)
    lines = tuple(line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return PageLines(number, float(width), float(height), tuple(line for line in lines if line),
                     form_fields=len(fields))


def page_text(document, number: int) -> PageText:
    """Positioned text from pdfium: how every page of running text outside the structures is
    read (pipeline.read_prose), and what a page pdfplumber fails on is read with instead."""
    import pypdfium2.raw as raw

    page = document[number - 1]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            glyphs = with_fields(list(_glyphs(textpage, height, raw)), page_fields(page, height))
        finally:
            textpage.close()
    finally:
        page.close()
    return PageText(number, float(width), float(height), glyphs_to_rows(glyphs, number))


def page_fields(page, height: float) -> list[FormField]:
    """The page's form fields that hold a printed value, from its widget annotations. The
    field's type, value, flags and type size come through pdfium's form module, which
    resolves what a field inherits from its parents (open_document starts it for a form)."""
    import pypdfium2.raw as raw

    formenv = getattr(page, "formenv", None)
    if formenv is None:
        return []
    form = formenv.raw
    fields = []
    rect = raw.FS_RECTF()
    for i in range(raw.FPDFPage_GetAnnotCount(page.raw)):
        annotation = raw.FPDFPage_GetAnnot(page.raw, i)
        if not annotation:
            continue
        try:
            if raw.FPDFAnnot_GetSubtype(annotation) != raw.FPDF_ANNOT_WIDGET:
                continue
            if not raw.FPDFAnnot_GetRect(annotation, rect):
                continue
            box = (min(rect.left, rect.right), height - max(rect.top, rect.bottom),
                   max(rect.left, rect.right), height - min(rect.top, rect.bottom))
            field = make_field(box, FIELD_KINDS.get(raw.FPDFAnnot_GetFormFieldType(form, annotation), ""),
                               _field_value(form, annotation, raw), _font_size(form, annotation, raw),
                               _own_number(annotation, b"Q", raw), raw.FPDFAnnot_GetFlags(annotation),
                               raw.FPDFAnnot_GetFormFieldFlags(form, annotation))
            if field is not None:
                fields.append(field)
        finally:
            raw.FPDFPage_CloseAnnot(annotation)
    return fields


def _field_value(form, annotation, raw) -> str:
    length = raw.FPDFAnnot_GetFormFieldValue(form, annotation, None, 0)
    if length <= 2:  # the terminating NUL alone
        return ""
    buffer = ctypes.create_string_buffer(length)
    raw.FPDFAnnot_GetFormFieldValue(form, annotation, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), length)
    return buffer.raw[:length - 2].decode("utf-16-le", errors="replace")


def _font_size(form, annotation, raw) -> float:
    size = ctypes.c_float()
    return float(size.value) if raw.FPDFAnnot_GetFontSize(form, annotation, size) else 0.0


def _own_number(annotation, key: bytes, raw) -> float:
    number = ctypes.c_float()
    if raw.FPDFAnnot_GetValueType(annotation, key) != raw.FPDF_OBJECT_NUMBER:
        return 0.0
    return float(number.value) if raw.FPDFAnnot_GetNumberValue(annotation, key, number) else 0.0


def _glyphs(textpage, height: float, raw):
    # Loose boxes span the advance width, as pdfplumber's do, so word gaps read alike.
    # Spaces come through as " " (word breaks only, see text.py).
    # Runs once per character of every page read by pdfium: pdfium's functions are looked up
    # once, and a Glyph is made without the Python call its constructor costs.
    handle = textpage.raw
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    unicode_of, box_of, is_generated = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox, raw.FPDFText_IsGenerated
    size_of, weight_of, matrix_of = raw.FPDFText_GetFontSize, raw.FPDFText_GetFontWeight, raw.FPDFText_GetMatrix
    hypot, make = math.hypot, tuple.__new__
    previous: Glyph | None = None  # the last printed character
    for i in range(raw.FPDFText_CountChars(handle)):
        code = unicode_of(handle, i)
        if code in (0, 0xFFFF):
            continue
        char = chr(code)
        if code in TRANSLATED:
            char = char.translate(PDFIUM_HYPHENS).translate(LIGATURES)
        if char in "\r\n" or not box_of(handle, i, rect):
            continue
        if char.isspace():
            if is_generated(handle, i) == 1:
                # pdfium drops a printed space that the next character is kerned into ('Appendix
                # A' in a browser's bold heading, 'funded by' in justified Word text) and often
                # makes one of its own, an empty box below the baseline or inside the character
                # before: it is put just after that character, on its line. Over Kent's and
                # other councils' papers such a space is where pdfplumber reads a printed space
                # or where the gap rule splits anyway.
                if previous is not None:
                    middle = (previous.x0 + previous.x1) / 2
                    yield previous._replace(text=" ", x0=middle, x1=middle)
                continue
            char = " "
        # pdfium's font size is the size set in the text (Tf), before the page's transformation:
        # Chromium sets its fonts in CSS pixels under a 0.75 scale, so 14 there is 10.5 pt
        # printed. pdfplumber's size is the printed height; the gap and line rules (text.py)
        # must weigh both readers' sizes alike: the size is scaled by the character's matrix.
        scale = hypot(matrix.c, matrix.d) if matrix_of(handle, i, matrix) else 1.0
        size = float(size_of(handle, i)) * (scale if scale > 0 else 1.0)
        glyph = make(Glyph, (char, rect.left, height - rect.top, rect.right, height - rect.bottom, size,
                             weight_of(handle, i) >= 600))
        if char != " ":
            previous = glyph
        yield glyph


def _short(exc: Exception) -> str:
    """First line of an error, printable characters only, at most 120 of them (no raw bytes)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = "".join(ch if ch.isprintable() else "?" for ch in text).rstrip(".")
    return text if len(text) <= 120 else text[:119] + "…"
