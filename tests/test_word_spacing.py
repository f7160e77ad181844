"""A space printed in the PDF ends a word, however narrow; without one, the gap decides."""
from __future__ import annotations

import pytest

from extract.read.text import Glyph, glyphs_to_rows
from tests.conftest import PACK_2017, SAMPLES, extraction_of

TIGHT = SAMPLES / "variants" / "a4-serif-tight-spaces.pdf"


def glyphs(text: str, advance: float = 5.0, space: float = 1.0) -> list[Glyph]:
    """Letters `advance` wide, touching; a space glyph `space` wide where text has one."""
    out, x = [], 10.0
    for char in text:
        width = space if char == " " else advance
        out.append(Glyph(char, x, 100.0, x + width, 110.0, 10.0))
        x += width
    return out


def test_a_printed_space_ends_a_word_however_narrow():
    (row,) = glyphs_to_rows(glyphs("Performing Arts Service", space=0.5), page=1)
    assert [w.text for w in row.words] == ["Performing", "Arts", "Service"]


def test_without_a_printed_space_a_wide_gap_still_ends_a_word():
    letters = [g for g in glyphs("Looked After", space=4.0) if g.text != " "]
    (row,) = glyphs_to_rows(letters, page=1)
    assert row.text == "Looked After"


def test_letters_set_tight_without_a_space_stay_one_word():
    (row,) = glyphs_to_rows(glyphs("£8,556.62"), page=1)
    assert [w.text for w in row.words] == ["£8,556.62"]


def test_a_space_has_no_box_of_its_own():
    (row,) = glyphs_to_rows(glyphs("a b"), page=1)
    assert [len(w.boxes) for w in row.words] == [1, 1]


@pytest.fixture(scope="module")
def tight():
    if not TIGHT.exists():
        pytest.skip("run python samples/generate.py")
    return extraction_of(TIGHT)


def test_tight_spacing_gives_every_service_name_with_its_spaces(tight, pack_2017):
    assert [c.service for c in tight.service_cards] == [c.service for c in pack_2017.service_cards]
    assert [t.service for t in tight.financial_tables] == [t.service for t in pack_2017.financial_tables]
    assert "Performing Arts Service" in [t.service for t in tight.financial_tables]
    assert "Looked After Children" in [t.service for t in tight.financial_tables]


def test_tight_spacing_gives_every_row_label_with_its_spaces(tight, pack_2017):
    def labels(extraction):
        found = [[r.label for r in t.rows] for t in extraction.tables]
        for table in extraction.financial_tables:
            for forecast in (table.pre_consultation, table.post_consultation):
                found.append([f.label for f in forecast.breakdown])
        return found

    assert labels(tight) == labels(pack_2017)
    assert all(" " in label for rows in labels(tight) for label in rows if label and len(label) > 14)


def test_tight_spacing_reads_the_same_findings(tight):
    # The tight rendering re-paginates the pack but keeps its cover's "(Pages 3 - 50)", so the
    # agenda's page check rightly differs; the findings about figures must not.
    def about_figures(extraction):
        return [(f.check, f.subject, f.found) for f in extraction.findings if not f.check.startswith("agenda.")]

    assert about_figures(tight) == about_figures(extraction_of(PACK_2017))
