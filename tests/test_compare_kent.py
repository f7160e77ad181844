"""compare on Kent's papers as they went to Cabinet and then to Council (../shared/real/kent;
skipped when absent), and on Kent's capital summary against a copy with figures reprinted."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.compare.changes import compare
from tests.conftest import extraction_of, shared_dir
from tests.reprint import Edit, reprint


def kent(meeting: str, name: str) -> Path:
    path = shared_dir("real/kent") / meeting / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def cells(result) -> list[tuple[str | None, str | None, str, str]]:
    return [(c.row, c.column, c.old.text, c.new.text) for c in result.changes]


def test_capital_strategy_cabinet_to_council_is_the_nine_reprinted_figures():
    old = extraction_of(kent("cabinet-2025-01-30", "Appendix N - Capital Strategy.pdf"))
    new = extraction_of(kent("full_council-2025-02-13", "Appendix O - Capital Strategy.pdf"))
    result = compare(old, new)
    assert all(c.kind == "changed" and c.scope == "figure" for c in result.changes)
    # Checked against both papers' printed pages: Table 1 on page 4, Table 2 on page 6.
    assert cells(result) == [
        ("General Fund services", "2025-26 budget", "283.0", "282.9"),
        ("General Fund services", "2026-27 budget", "272.8", "272.7"),
        ("Capital investments*", "2025-26 budget", "0.1", "0.0"),
        ("TOTAL", "2025-26 budget", "283.1", "282.9"),
        ("TOTAL", "2026-27 budget", "272.8", "272.7"),
        ("Own resources", "2025-26 budget", "29.8", "29.6"),
        ("Own resources", "2026-27 budget", "10.6", "10.5"),
        ("TOTAL", "2025-26 budget", "283.1", "282.9"),
        ("TOTAL", "2026-27 budget", "272.8", "272.7"),
    ]
    assert [c.difference for c in result.changes][:3] == [-100000.0, -100000.0, -100000.0]


def test_treasury_strategy_cabinet_to_council_changed_no_figure():
    # Only the appendix letter (L to M) and the spacing of two bullets differ.
    old = extraction_of(kent("cabinet-2025-01-30", "Appendix L - Treasury Management Strategy 2025-26.pdf"))
    new = extraction_of(kent("full_council-2025-02-13", "Appendix M - Treasury Management Strategy 2025-26.pdf"))
    assert compare(old, new).changes == []


CAPITAL_SUMMARY_EDITS = [  # each new digit is one the drawing font's subset holds
    Edit(1, "1,288,680", "1,283,680"), Edit(1, "159,314", "154,314"), Edit(1, "2,007,750", "2,002,750"),
    Edit(1, "283,067", "278,067"), Edit(1, "1,117,976", "1,112,976"), Edit(1, "153,413", "150,413"),
    Edit(1, "441,100", "441,101"), Edit(1, "45,168", "45,169"), Edit(1, "42,315", "42,314"),
    Edit(1, "16,124", "16,123"), Edit(2, "25,000", "25,001"), Edit(2, "61,622", "61,621"),
]


def test_capital_summary_with_figures_reprinted_gives_exactly_those_figures(tmp_path):
    source = kent("cabinet-2025-01-30", "Appendix A Capital Investment Summary.pdf")
    copy = tmp_path / "reprinted.pdf"
    assert reprint(source, copy, CAPITAL_SUMMARY_EDITS) == 14  # two totals are printed twice
    old, new = extraction_of(source), extraction_of(copy)
    result = compare(old, new)
    expected = sorted((e.page, e.old, e.new) for e in CAPITAL_SUMMARY_EDITS)
    found = sorted({(c.new.page, c.old.text, c.new.text) for c in result.changes})  # type: ignore[union-attr]
    assert found == expected
    assert len(result.changes) == 14 and all(c.kind == "changed" for c in result.changes)
    grants = next(c for c in result.changes if c.old.text == "153,413")  # type: ignore[union-attr]
    assert (grants.row, grants.column, grants.difference) == ("9 Grants", "2025-26 Year 1 £000s", -3000000.0)
    # Grants' year fell by £3m where the cash limit fell by £5m: Total Finance no longer adds up.
    assert grants.findings and all(new.findings[i].severity != "info" for i in grants.findings)
