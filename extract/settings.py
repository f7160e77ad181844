"""The geometric tolerances of reading a page, named, documented and checked once.

Council papers come in hundreds of layouts, and every step that groups printed things
(glyphs into words and lines, rows into a card's blocks, a title above a table) decides
"close enough" with a tolerance. They live here rather than as bare numbers inside the
steps, so they can be read together, changed in one place and tried out:

    Settings(block_gap=2.5)          # raises ValueError when a value makes no sense

Most are in type sizes (multiples of the font size of the text they are measured on), so
they hold for 9pt and 12pt papers alike; the few in PDF points say so. Steps take a
`settings` argument and use DEFAULT_SETTINGS when none is given. This module imports
nothing of the package (it is part of the base, with models and vocabulary).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Settings:
    # --- glyphs to words and rows (read/text.py) ---------------------------------------
    line_tolerance: float = 0.33
    """Glyphs whose baselines differ by at most this many type sizes are on one line
    (a third of the size tolerates mixed fonts and superscripts)."""
    word_gap: float = 0.2
    """Glyphs at most this many type sizes apart are one word; a wider gap is a space."""

    # --- rows split into columns (read/text.py, read/flow.py) ----------------------------
    column_slack: float = 1.0
    """Points: a word starting this little left of a column boundary still belongs to the
    column (its first glyph's box may start before the text it lines up with)."""
    crossing_margin: float = 2.0
    """Points: a word must reach this far past a column boundary on both sides to straddle
    it; a row with such a word is prose across the columns, not part of the table."""

    # --- titles and label/value rows (structures/titles.py) ------------------------------
    title_gap_first: float = 1.6
    """Type sizes of white space allowed between a structure's first row and the title row
    just above it."""
    title_gap: float = 0.7
    """Type sizes of white space allowed between two rows of one title (set like one paragraph)."""
    max_title_rows: int = 4
    """Rows a title may take."""
    value_gap: float = 1.2
    """Type sizes: in a label/value row ('Overview   The service ...') the first gap this
    wide starts the value column."""

    header_wrap_gap: float = 0.6
    """Type sizes of white space above the second line of a card block's title cell that a
    narrow column wrapped ('Current' / 'budget'): the spacing of lines in one cell."""

    # --- the end of a block (structures/cards.py, structures/fintables.py) ----------------
    block_gap: float = 2.2
    """Type sizes of white space above a row that ends a card's staffing or budget block,
    or an Appendix B table (the gap a new heading or paragraph leaves)."""

    def __post_init__(self) -> None:
        """Every tolerance a positive finite number, checked once when the settings are made."""
        for spec in fields(self):
            value = getattr(self, spec.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"settings: {spec.name} must be a number, not {value!r}")
            if not math.isfinite(value) or value <= 0:
                raise ValueError(f"settings: {spec.name} must be a positive number, not {value!r}")
        if not isinstance(self.max_title_rows, int):
            raise ValueError(f"settings: max_title_rows must be a whole number, not {self.max_title_rows!r}")


DEFAULT_SETTINGS = Settings()
