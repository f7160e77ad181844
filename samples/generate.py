"""Write the committed PDF variants of the Coventry 2017 pack into samples/variants/.

    python samples/generate.py [OUT_DIR]

Each variant is the same content (``content.PACK``, optionally with faults applied) in a
different house style. Output is deterministic: rerunning rewrites identical bytes.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from content import PACK, Fault, apply_faults  # noqa: E402
from render import RenderStyle, available_fonts, render_pack  # noqa: E402


@dataclass(frozen=True)
class Variant:
    name: str
    style: RenderStyle
    faults: tuple[Fault, ...] = ()
    note: str = ""


VARIANTS = (
    Variant(
        "letter-times-borderless.pdf",
        RenderStyle(page_size="letter", font="Times-Roman", font_size=11, ruled=False),
        note="US Letter, Times 11pt, tables without any lines",
    ),
    Variant(
        "a4-courier-ruled-split.pdf",
        RenderStyle(font="Courier", font_size=9, ruled=True, split_cards=True, margin=50),
        note="Courier 9pt, ruled, forced breaks inside cards (render.SPLIT_PLAN)",
    ),
    Variant(
        "landscape-helvetica-wrapped-labels.pdf",
        RenderStyle(page_size="a4-landscape", font="Helvetica", font_size=12, narrow_labels=True,
                    bold_headings=False),
        note="A4 landscape, Helvetica 12pt, narrow label column, no bold",
    ),
    Variant(
        "appendix-only-borderless.pdf",
        RenderStyle(font="Helvetica", font_size=10, ruled=False, standalone_appendix=True,
                    page_offset=12, margin=64),
        note="Appendix A and B only, stamps start at Page 13, no lines",
    ),
    Variant(
        "a4-dejavu-10pt.pdf",
        RenderStyle(font="DejaVuSans", font_size=10, ruled=True),
        note="DejaVu Sans (TrueType) 10pt, ruled",
    ),
    Variant(
        "letter-courier12-borderless-split.pdf",
        RenderStyle(page_size="letter", font="Courier", font_size=12, ruled=False, split_cards=True),
        note="Courier 12pt without lines: narrow columns wrap '(saving' away from its amount, titles wrap",
    ),
    Variant(
        "a4-vera11-borderless-nobold.pdf",
        RenderStyle(font="Vera", font_size=11, ruled=False, bold_headings=False, label_fraction=0.35),
        note="Bitstream Vera 11pt (TrueType), no lines, no bold, wide label column",
    ),
    Variant(
        "a4-serif-tight-spaces.pdf",
        RenderStyle(font="LiberationSerif", font_size=9, ruled=False, space_width=0.1, margin=50),
        note="Liberation Serif 9pt with spaces a tenth of an em wide, as browsers print: words "
        "stand closer than the gap rule splits them, but every space is printed",
    ),
    Variant(
        "a4-times-faults.pdf",
        RenderStyle(font="Times-Roman", font_size=10, ruled=True, split_cards=True),
        faults=(
            Fault("card:Hospital Education Service:budget", "£0.14M", "£0.15M"),
            Fault("table:Work Related Learning Team", "Staff savings £0.05M",
                  "Staff savings £0.06M"),
            Fault("impact-table", "(1.8)", "(1.9)"),
        ),
        note="three planted faults on top of the pack's own inconsistencies",
    ),
)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out_dir = Path(argv[0]) if argv else HERE / "variants"
    out_dir.mkdir(parents=True, exist_ok=True)
    fonts = available_fonts()
    for v in VARIANTS:
        if v.style.font not in fonts:
            print(f"skip {v.name}: font {v.style.font} not found", file=sys.stderr)
            continue
        path = out_dir / v.name
        pages = render_pack(apply_faults(PACK, v.faults), path, v.style)
        print(f"{v.name}: {pages} pages, {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
