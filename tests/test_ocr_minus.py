"""Minus signs OCR lost, found in the page image (extract/read/ocr_minus.py).

Pictures of printed numbers are drawn here with reportlab's bundled Vera font at scanner
resolutions; the word boxes are where Tesseract puts them (around all the ink of the word,
or starting at the first digit)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import reportlab
from PIL import Image, ImageDraw, ImageFont

from extract.read.ocr import at_printed_size
from extract.read.ocr_minus import ink_of, lost_minus_signs, with_minus
from extract.read.ocr_settle import Fix
from extract.read.text import PageText, Row, Word

VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"


def picture(text: str, size_px: int) -> tuple[np.ndarray, ImageDraw.ImageDraw, ImageFont.FreeTypeFont]:
    image = Image.new("L", (size_px * (len(text) + 4), size_px * 3), 235)  # grey paper, as scans are
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(VERA), size_px)
    draw.text((size_px, size_px), text, font=font, fill=20)
    return np.asarray(image), draw, font


def ink_box(grey: np.ndarray, x_from: int = 0, x_to: int | None = None) -> tuple[int, int, int, int]:
    ink = grey[:, x_from:x_to] < 128
    rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return (x_from + int(columns[0]), int(rows[0]), x_from + int(columns[-1]) + 1, int(rows[-1]) + 1)


def digits_box(grey: np.ndarray, text: str, size_px: int, digits_from: int) -> tuple[int, int, int, int]:
    """The ink box of text[digits_from:], where the text was drawn at (size_px, size_px)."""
    font = ImageFont.truetype(str(VERA), size_px)
    start = size_px + round(font.getlength(text[:digits_from]))
    return ink_box(grey, start)


@pytest.mark.parametrize("size_px", [42, 28])  # 11 pt type at 300 and 200 dpi (an em in pixels)
def test_a_minus_inside_the_box_of_a_number_read_without_it_is_found(size_px):
    grey, _, _ = picture("-378", size_px)
    box = ink_box(grey)  # Tesseract boxed the minus with the digits and read '378'
    found = lost_minus_signs(ink_of(grey), [(box, "378")])
    assert len(found) == 1 and found[0][0] == box
    bar = found[0][1]
    assert box[0] <= bar[0] and bar[2] < digits_box(grey, "-378", size_px, 1)[0]


def test_a_minus_left_of_the_box_of_a_number_read_without_it_is_found():
    grey, _, _ = picture("-£0.10M", 42)
    box = digits_box(grey, "-£0.10M", 42, 1)  # the box starts at the '£'
    assert [bar for _, bar in lost_minus_signs(ink_of(grey), [(box, "£0.10M")])]


def test_a_number_read_with_its_minus_or_printed_without_one_is_left_alone():
    grey, _, _ = picture("-378", 42)
    assert lost_minus_signs(ink_of(grey), [(ink_box(grey), "-378")]) == []
    plain, _, _ = picture("378", 42)
    assert lost_minus_signs(ink_of(plain), [(ink_box(plain), "378")]) == []


def test_a_dash_a_space_away_a_letter_or_a_long_rule_before_a_number_is_no_minus():
    for text, digits_from in (("2017 - 18", 7), ("Total 378", 6), ("—378", 1), ("———378", 3), ("________378", 8)):
        grey, _, _ = picture(text, 42)
        box = digits_box(grey, text, 42, digits_from)
        assert lost_minus_signs(ink_of(grey), [(box, text[digits_from:])]) == [], text


def test_a_dash_another_word_of_the_reading_covers_is_not_lost():
    grey, _, _ = picture("- 378", 42)
    dash = ink_box(grey, 0, digits_box(grey, "- 378", 42, 2)[0] - 2)
    number = (dash[0], dash[1], *digits_box(grey, "- 378", 42, 2)[2:])  # boxed over the dash, as if lost
    assert lost_minus_signs(ink_of(grey), [(dash, "-"), (number, "378")]) == []


def test_a_minus_read_as_an_underscore_or_lost_is_put_back():
    assert with_minus("_98") == "-98" and with_minus("378") == "-378" and with_minus("~£1.2m") == "-£1.2m"


def test_the_text_layer_word_gets_its_minus_before_its_first_character():
    word = Word("378", 1, ((310.0, 113.0, 316.0, 120.0), (316.0, 113.0, 322.0, 120.0), (322.0, 113.0, 328.0, 120.0)),
                8.0, False)
    other = Word("14,633", 1, ((369.0, 113.0, 397.0, 120.0),) * 6, 8.0, False)
    page = PageText(1, 595.0, 842.0, [Row(1, (word, other))])
    # the hOCR boxes sit 4 pt lower than the text layer's on a turned scan
    minus = [Fix((310.0, 117.0, 328.0, 124.0), "378", "-378", (310.2, 120.5, 312.6, 121.5))]
    read = at_printed_size(page, minus).rows[0].words
    assert [w.text for w in read] == ["-378", "14,633"]
    assert read[0].boxes[0][0] == pytest.approx(310.2) and len(read[0].boxes) == 4


def joined_minus(digits: str, size_px: int) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """A number drawn with a minus bar touching its first digit (a descreened scan closes the gap)
    and the ink box Tesseract draws around it all."""
    grey, _, _ = picture(digits, size_px)
    digit = ink_box(grey)
    middle = (digit[1] + digit[3]) // 2
    thick = max(2, size_px // 14)
    image = Image.fromarray(grey)
    ImageDraw.Draw(image).rectangle((digit[0] - size_px // 3, middle - thick // 2, digit[0] + 1,
                                     middle + thick - thick // 2), fill=20)
    grey = np.asarray(image)
    return grey, ink_box(grey)


@pytest.mark.parametrize("size_px", [42, 28])
def test_a_minus_touching_the_first_digit_is_found(size_px):
    grey, box = joined_minus("63.00", size_px)
    found = lost_minus_signs(ink_of(grey), [(box, "63.00")])
    assert len(found) == 1 and found[0][1][2] - found[0][1][0] >= size_px // 4


@pytest.mark.parametrize("text", ["63.00", "4,120", "£7.23M", "14", "(12)", "1.2"])
@pytest.mark.parametrize("size_px", [42, 28])
def test_a_number_whose_first_digit_starts_with_a_stroke_is_no_minus(text, size_px):
    grey, _, _ = picture(text, size_px)
    assert lost_minus_signs(ink_of(grey), [(ink_box(grey), text)]) == []
