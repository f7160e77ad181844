"""pdfplumber: the careful reader, used on the pages that may hold cards, tables or figures.

pdfplumber is imported here to read text, and in review/crops.py to render pages. Each page
is closed after use so memory stays flat however long the pack.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from extract.errors import DamagedPdf, EncryptedPdf, ReaderFailed
from extract.read.forms import FormField, da_size, make_field, with_fields
from extract.read.text import LIGATURES, Glyph, PageText, glyphs_to_rows

log = logging.getLogger(__name__)


class CarefulReader:
    """pdfplumber on one pack, opened at the first page asked for and then kept open, so
    reading the pack in stretches does not parse its cross-reference table again each time."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._pdf = None

    def pages(self, numbers: Iterable[int]) -> Iterator[PageText]:
        """PageText for each 1-based page number; each page closed after use."""
        wanted = sorted(set(numbers))
        if not wanted:
            return
        pdf = self._open()
        count = self._guarded(0, lambda: len(pdf.pages))
        for number in wanted:
            if number > count:
                break
            width, height, glyphs = self._guarded(number, lambda n=number: page_glyphs_closed(pdf.pages[n - 1]))
            yield PageText(number=number, width=width, height=height, rows=glyphs_to_rows(glyphs, number))

    def _guarded(self, number: int, read):
        """pdfplumber's (pdfminer's) work, with what they raise on a damaged page as ReaderFailed.
        Out of memory is the memory cap, not a bad page: it goes on up."""
        try:
            return read()
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on a damaged page
            where = f"page {number}" if number else "its page tree"
            raise ReaderFailed(str(self.path), f"pdfplumber cannot read {where} ({type(exc).__name__})") from exc

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def __enter__(self) -> CarefulReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _open(self):
        if self._pdf is None:
            import pdfplumber
            from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

            try:
                self._pdf = pdfplumber.open(str(self.path))
            except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
                raise EncryptedPdf(str(self.path), "the PDF is encrypted and needs a password") from exc
            except Exception as exc:  # pdfminer raises many types on damaged files
                raise DamagedPdf(str(self.path), f"pdfplumber cannot open it ({type(exc).__name__})") from exc
        return self._pdf


def read_pages(path: Path, numbers: Iterable[int]) -> Iterator[PageText]:
    """PageText for each 1-based page number, read with pdfplumber."""
    with CarefulReader(path) as reader:
        yield from reader.pages(numbers)


def page_glyphs_closed(page) -> tuple[float, float, list[Glyph]]:
    """Size and positioned characters of one page, in pdfplumber's coordinates (top-left
    origin), with the values of its form fields (forms.py); the page is closed after (its
    parsed objects freed)."""
    try:
        glyphs = with_fields(list(page_glyphs(page)), page_fields(page))
        return float(page.width), float(page.height), glyphs
    finally:
        page.close()


def page_fields(page) -> list[FormField]:
    """The page's form fields that hold a printed value, from its widget annotations."""
    from pdfminer.pdftypes import resolve1

    raw = resolve1(page.page_obj.attrs.get("Annots"))
    if not isinstance(raw, list):
        return []
    acroform = resolve1(page.pdf.doc.catalog.get("AcroForm"))
    form_size = da_size(_get(acroform, "DA")) if isinstance(acroform, dict) else 0.0
    fields = []
    for reference in raw:
        try:
            field = _field(page, resolve1(reference), form_size)
        except MemoryError:
            raise
        except Exception:  # noqa: BLE001 - a damaged annotation is no field; the page's text still reads
            log.debug("unreadable form field on page %s", page.page_number, exc_info=True)
            continue
        if field is not None:
            fields.append(field)
    return fields


def _field(page, annotation, form_size: float) -> FormField | None:
    """One widget annotation's field (forms.make_field), or None."""
    from pdfminer.pdftypes import resolve1

    if not isinstance(annotation, dict) or _get(annotation, "Subtype") != "Widget":
        return None
    box = _box(page, resolve1(annotation.get("Rect")))
    if box is None:
        return None
    chain: list[dict] = []  # the widget, then its parent fields
    node = annotation
    while isinstance(node, dict) and all(node is not seen for seen in chain) and len(chain) < 32:
        chain.append(node)  # (a loop of /Parent is damage)
        node = resolve1(node.get("Parent"))

    def inherited(key: str) -> object:
        return next((found for found in (_get(entry, key) for entry in chain) if found is not None), None)

    appearance = inherited("DA")
    return make_field(box, str(inherited("FT") or ""), inherited("V"),
                      da_size(appearance) if appearance is not None else form_size,
                      _get(annotation, "Q") or 0, _get(annotation, "F") or 0, inherited("Ff") or 0)


def _box(page, rect) -> tuple[float, float, float, float] | None:
    """A /Rect in pdfplumber's top-left coordinates, as the page's characters are."""
    from pdfminer.pdftypes import resolve1

    if not isinstance(rect, list) or len(rect) != 4:
        return None
    try:
        x0, y0, x1, y1 = (float(resolve1(v)) for v in rect)
    except (TypeError, ValueError):
        return None
    # As page_glyphs places a character: the page's height down from its mediabox's foot.
    height, foot = float(page.height), float(page.mediabox[1])
    return min(x0, x1), height - (max(y0, y1) - foot) + foot, max(x0, x1), height - (min(y0, y1) - foot) + foot


def _get(node: dict, key: str) -> object:
    """A dictionary's key as forms.make_field reads it: text as str, a name bare, a number;
    else None (a list box's several choices among them)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    value = resolve1(node.get(key))
    if isinstance(value, bytes):
        return decode_text(value)
    if isinstance(value, PSLiteral):
        return _name(value)
    return value if isinstance(value, (int, float)) else None


def _name(value) -> str:
    name = getattr(value, "name", value)
    return name.decode("latin-1") if isinstance(name, bytes) else str(name)


def page_glyphs(page) -> list[Glyph]:
    """The upright characters of one pdfplumber page, as `page.chars` gives them.

    pdfplumber's `page.layout` runs pdfminer's interpreter into a device that builds an
    LTChar (and an LTCurve or LTRect for every path) and a dictionary per character; the
    structures need only the characters' text, boxes, size and boldness. The same
    interpreter runs here into a device that makes those `Glyph`s directly, with LTChar's
    arithmetic, and ignores paths and images: the same glyphs, in the same order, for
    less than half the work after the content-stream parse itself.
    """
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.utils.exceptions import PdfminerException

    mb_x0, mb_top = page.mediabox[:2]
    device = GlyphDevice(page.pdf.rsrcmgr, mb_x0, mb_top, page.height)
    try:
        PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except Exception as exc:  # as page.layout reports it
        raise PdfminerException(exc) from exc
    return device.glyphs


class _QuietDebug:
    """A logger whose debug() does nothing: pdfminer's parser calls log.debug for every token
    of a content stream (a twentieth of a page's cost even when debug logging is off)."""

    def __init__(self, logger: logging.Logger):
        self._logger = logger

    def debug(self, *args, **kwargs) -> None:
        pass

    def __getattr__(self, name):
        return getattr(self._logger, name)


def _lighten_pdfminer_parser() -> None:
    """Two costs of pdfminer's content-stream parser that give nothing to this tool: a
    log.debug call per token, and hex strings (a browser prints every glyph as one) decoded
    a regular-expression match per byte. The tokens it makes are the same."""
    import pdfminer.pdfinterp
    import pdfminer.psparser as ps

    for module in (ps, pdfminer.pdfinterp):
        logger = module.log
        if isinstance(logger, logging.Logger) and not logger.isEnabledFor(logging.DEBUG):
            setattr(module, "log", _QuietDebug(logger))  # noqa: B010 - a module attribute mypy does not see
    if getattr(ps.PSBaseParser._parse_hexstring, "_light", False):
        return

    def _parse_hexstring(self, s: bytes, i: int) -> int:
        # As PSBaseParser._parse_hexstring; between '<' and the first other character there
        # are only hex digits and white space, so bytes.fromhex reads the pairs the same, and
        # an odd last digit is one byte of its value, as HEX_PAIR's '.' alternative makes it.
        m = ps.END_HEX_STRING.search(s, i)
        if not m:
            self._curtoken += s[i:]
            return len(s)
        j = m.start(0)
        self._curtoken += s[i:j]
        digits = ps.SPC.sub(b"", self._curtoken)
        if len(digits) % 2:
            token = bytes.fromhex(digits[:-1].decode("ascii")) + bytes((int(digits[-1:], 16),))
        else:
            token = bytes.fromhex(digits.decode("ascii"))
        self._add_token(token)
        self._parse1 = self._parse_main
        return j

    _parse_hexstring._light = True  # type: ignore[attr-defined]
    ps.PSBaseParser._parse_hexstring = _parse_hexstring  # type: ignore[method-assign]


def _glyph_device_class():
    from pdfminer.pdfdevice import PDFTextDevice
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.utils import apply_matrix_rect

    class _GlyphDevice(PDFTextDevice):
        """A pdfminer device that keeps each upright character as a Glyph (see page_glyphs).
        Every number is computed as pdfminer's LTChar and pdfplumber's `page.chars` compute
        it, with the same floating-point operations in the same order."""

        def __init__(self, rsrcmgr, mb_x0, mb_top, height):
            super().__init__(rsrcmgr)
            self.glyphs: list[Glyph] = []
            self._mb_x0 = mb_x0
            self._mb_top = mb_top
            self._height = height
            self._bold: dict[object, bool] = {}  # per font (the key keeps the font alive)
            self._chars: dict[tuple[object, int], tuple[str, float]] = {}  # (font, cid): text, width

        def _char(self, font, cid: int) -> tuple[str, float]:
            known = self._chars.get((font, cid))
            if known is None:
                try:
                    text = font.to_unichr(cid)
                    assert isinstance(text, str), str(type(text))
                    text = text.translate(LIGATURES)
                except PDFUnicodeNotDefined:
                    text = f"(cid:{cid})"
                known = self._chars[(font, cid)] = (text, font.char_width(cid))
            return known

        def _is_bold(self, font) -> bool:
            bold = self._bold.get(font)
            if bold is None:
                name = font.fontname if isinstance(font.fontname, str) else str(font.fontname)
                bold = self._bold[font] = "bold" in name.lower()
            return bold

        def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace, rise,
                                     dxscale, ncs, graphicstate):
            """PDFTextDevice.render_string_horizontal with render_char, translate_matrix and
            apply_matrix_rect written out in the loop (a browser prints a glyph an operator)."""
            (x, y) = pos
            (a, b, c, d, e, f) = matrix
            upright = a * d * scaling > 0 and b * c <= 0
            descent = font.get_descent() * fontsize
            y0, y1 = descent + rise, descent + rise + fontsize
            bold = self._is_bold(font)
            glyphs, chars = self.glyphs, self._chars
            mb_x0, mb_top, height = self._mb_x0, self._mb_top, self._height
            needcharspace = False
            for obj in seq:
                if isinstance(obj, (int, float)):
                    x -= obj * dxscale
                    needcharspace = True
                elif isinstance(obj, bytes):
                    for cid in font.decode(obj):
                        if needcharspace:
                            x += charspace
                        known = chars.get((font, cid)) or self._char(font, cid)
                        adv = known[1] * fontsize * scaling
                        if upright:
                            te, tf = x * a + y * c + e, x * b + y * d + f  # translate_matrix
                            x0 = 0  # the LTChar box (0, y0, adv, y1), through the matrix
                            left1, bottom1 = a * x0 + c * y0 + te, b * x0 + d * y0 + tf
                            right1, bottom2 = a * adv + c * y0 + te, b * adv + d * y0 + tf
                            right2, top1 = a * adv + c * y1 + te, b * adv + d * y1 + tf
                            left2, top2 = a * x0 + c * y1 + te, b * x0 + d * y1 + tf
                            gx0, gy0 = min(left1, left2, right1, right2), min(bottom1, bottom2, top1, top2)
                            gx1, gy1 = max(left1, left2, right1, right2), max(bottom1, bottom2, top1, top2)
                            glyphs.append(Glyph(known[0], float(gx0 + mb_x0), float(height - gy1 + mb_top),
                                                float(gx1 + mb_x0), float(height - gy0 + mb_top),
                                                float(gy1 - gy0), bold))
                        x += adv
                        if cid == 32 and wordspace:
                            x += wordspace
                        needcharspace = True
                else:
                    log.warning("Cannot render horizontal string because %r is not a valid int, float or bytes.",
                                obj)
            return (x, y)

        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
            """One character of a vertical font (horizontal ones are done in the loop above)."""
            text, width = self._char(font, cid)
            adv = width * fontsize * scaling
            vertical = font.is_vertical()
            if vertical:
                (vx, vy) = font.char_disp(cid)
                vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
                vy = (1000 - vy) * fontsize * 0.001
                bbox = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
            else:
                descent = font.get_descent() * fontsize
                bbox = (0, descent + rise, adv, descent + rise + fontsize)
            (a, b, c, d, _e, _f) = matrix
            if not (a * d * scaling > 0 and b * c <= 0):  # not upright: page_glyphs keeps upright ones
                return adv
            (x0, y0, x1, y1) = apply_matrix_rect(matrix, bbox)
            if x1 < x0:
                (x0, x1) = (x1, x0)
            if y1 < y0:
                (y0, y1) = (y1, y0)
            self.glyphs.append(Glyph(
                text,
                float(x0 + self._mb_x0),
                float(self._height - y1 + self._mb_top),
                float(x1 + self._mb_x0),
                float(self._height - y0 + self._mb_top),
                float(x1 - x0 if vertical else y1 - y0),
                self._is_bold(font),
            ))
            return adv

    _lighten_pdfminer_parser()
    return _GlyphDevice


class _LazyDevice:
    """GlyphDevice, defined at first use so that importing this module imports no pdfminer."""

    _cls = None

    def __call__(self, *args):
        if _LazyDevice._cls is None:
            _LazyDevice._cls = _glyph_device_class()
        return _LazyDevice._cls(*args)


GlyphDevice = _LazyDevice()
