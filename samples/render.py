"""Render a ``content.PackContent`` as an agenda-pack PDF in one of several house styles.

``render_pack(content, path, style)`` writes the cover agenda, the "Agenda Item 3" report,
Appendix A (the categories table, the service cards as two-column label/value tables, each
followed by its staffing and budget tables, the staff summary table) and Appendix B (a few
feedback tables and the four-column "Financial and staff impacts" tables), with a
"Page N" stamp at the foot of every page.

Tables are reportlab platypus ``Table``s with one row per printed paragraph or line, so a
long card continues on the next page the way a Word table does. Output is byte-for-byte
deterministic (``invariant=1``). Import with ``samples/`` on ``sys.path`` (it imports
``content``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from itertools import zip_longest
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from content import (  # PACK, Fault, FaultTargetError and apply_faults are re-exported
    APPENDIX_C,
    PACK,
    Fault,
    FaultTargetError,
    FigureBlock,
    FinancialImpactTable,
    FinancialTableContent,
    PackContent,
    ReportHeading,
    ServiceCardContent,
    StaffSummaryTable,
    apply_faults,
)
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

__all__ = [
    "HEADING_FORMS", "PACK", "Fault", "FaultTargetError", "RenderStyle", "SPLIT_PLAN", "apply_faults",
    "available_fonts", "column_edges", "render_pack",
]

PAGE_SIZES = {"a4": A4, "letter": letter, "a4-landscape": landscape(A4)}
BUILTIN_FONTS = {
    "Helvetica": ("Helvetica", "Helvetica-Bold"),
    "Times-Roman": ("Times-Roman", "Times-Bold"),
    "Courier": ("Courier", "Courier-Bold"),
}
# TrueType families: name -> (regular file, bold file). Vera ships with reportlab itself.
TTF_FILES = {
    "DejaVuSans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "Vera": ("Vera.ttf", "VeraBd.ttf"),
    "LiberationSerif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
}
FONT_DIRS = (
    os.path.join(os.path.dirname(reportlab.__file__), "fonts"),
    "/usr/share/fonts", "/usr/local/share/fonts", os.path.expanduser("~/.fonts"),
    os.path.expanduser("~/.local/share/fonts"), "/Library/Fonts", "C:/Windows/Fonts",
)
# Appendix B column widths as fractions of the frame: staff impact, current, pre, post.
FINANCIAL_COLUMNS = (0.22, 0.2, 0.29, 0.29)
GREY = colors.HexColor("#d9d9d9")


@dataclass(frozen=True)
class RenderStyle:
    """How a pack looks. Sizes are in points."""

    page_size: str = "a4"  # "a4", "letter", "a4-landscape"
    font: str = "Helvetica"  # a key of BUILTIN_FONTS or TTF_FILES (see available_fonts())
    font_size: float = 10  # 9 to 12
    margin: float = 56.7  # all four margins (56.7pt = 2cm)
    ruled: bool = True  # grid lines; False: no lines or shading at all, whitespace only
    split_cards: bool = False  # force page breaks inside some cards (see SPLIT_PLAN)
    standalone_appendix: bool = False  # Appendix A and B only: no cover, no report
    narrow_labels: bool = False  # label column just wide enough for "feedback from"
    bold_headings: bool = True  # card titles, labels and table headers in bold
    page_offset: int = 0  # the stamp on the n-th page reads "Page n+offset"
    label_fraction: float = 0.25  # label column width when not narrow_labels
    cell_padding: float = 8  # left/right padding: columns are 2*cell_padding apart (>= 14)
    appendix_headings: str = "content"  # a key of HEADING_FORMS: how the appendix headings are printed
    appendix_c: bool = False  # add Appendix C (content.APPENDIX_C, the equality analysis)
    stamp: str = "Page {n}"  # the page stamp at the foot of every page
    running_header: str = ""  # a line printed at the top of every page
    # Width of the space glyph in ems (TrueType fonts only; None: the font's own). Browsers
    # print justified and condensed text with spaces of a tenth of an em: less white space
    # between words than between some letters, though the space itself is in the PDF.
    space_width: float | None = None

    def __post_init__(self):
        if self.page_size not in PAGE_SIZES:
            raise ValueError(f"page_size must be one of {sorted(PAGE_SIZES)}")
        if not 9 <= self.font_size <= 12:
            raise ValueError("font_size must be between 9 and 12")
        if self.cell_padding < 7:
            raise ValueError("cell_padding below 7pt puts columns closer than 14pt")
        if self.appendix_headings not in HEADING_FORMS:
            raise ValueError(f"appendix_headings must be one of {sorted(HEADING_FORMS)}")
        if self.space_width is not None and (self.font in BUILTIN_FONTS or not 0 < self.space_width < 1):
            raise ValueError("space_width needs a TrueType font and a width between 0 and 1 em")


# How the headings of Appendix A, B and C are printed: "content" as content.py has them;
# otherwise three patterns (A, B, C) where {title} is the appendix's title and a newline
# puts the title on the line under the label.
HEADING_FORMS: dict[str, tuple[str, str, str] | None] = {
    "content": None,
    "colon-dash": ("Appendix A: {title}", "Appendix B – {title}", "Appendix C – {title}"),
    "numbered-annex": ("APPENDIX 1 –\n{title}", "Annex 2\n{title}", "Annex 3 – {title}"),
    "upper-alone": ("APPENDIX A\n{title}", "APPENDIX B:\n{title}", "Annex C – {title}"),
}


# Where split_cards=True forces a page break: (card title, place). A place is
# ("section", label) before that section, ("paragraph", label, i) before paragraph i of
# that section, or ("staffing",) / ("budget",) between that table's header row and body.
SPLIT_PLAN = (
    ("Hospital Education Service", ("section", "Proposed model")),
    ("Looked After Children Education Service", ("staffing",)),
    ("Minority Group Support Services (MGSS)", ("paragraph", "Proposed model", 2)),
    ("Performing Arts Service", ("budget",)),
    ("SEN Management Services", ("paragraph", "Current model", 2)),
)


# --------------------------------------------------------------------------- fonts


@cache
def _find_font_file(name: str) -> str | None:
    for root_dir in FONT_DIRS:
        if not os.path.isdir(root_dir):
            continue
        for root, _dirs, files in os.walk(root_dir):
            if name in files:
                return os.path.join(root, name)
    return None


def available_fonts() -> tuple[str, ...]:
    """Font families this machine can render: the built-ins plus TTFs that were found."""
    ttf = [f for f, files in TTF_FILES.items() if all(_find_font_file(n) for n in files)]
    return (*BUILTIN_FONTS, *ttf)


def _font_pair(font: str, space_width: float | None = None) -> tuple[str, str]:
    if font in BUILTIN_FONTS:
        return BUILTIN_FONTS[font]
    if font not in TTF_FILES:
        raise ValueError(f"unknown font {font!r}; choose from {available_fonts()}")
    family = font if space_width is None else f"{font}-Space{round(space_width * 1000)}"
    names = (family, family + "-Bold")
    for name, filename in zip(names, TTF_FILES[font], strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            path = _find_font_file(filename)
            if path is None:
                raise ValueError(f"font file {filename} not found for {font!r}")
            if space_width is not None:
                path = _narrow_space(path, space_width)
            pdfmetrics.registerFont(TTFont(name, path))
    return names


def _narrow_space(path: str, space_width: float) -> str:
    """A copy of the TrueType font at `path` whose space glyph advances `space_width` ems."""
    import io
    import tempfile

    from fontTools.ttLib import TTFont as FontFile

    font = FontFile(path)
    space = font.getBestCmap()[ord(" ")]
    advance = round(font["head"].unitsPerEm * space_width)
    font["hmtx"].metrics[space] = (advance, font["hmtx"].metrics[space][1])
    data = io.BytesIO()
    font.save(data)
    name = f"{Path(path).stem}-space{round(space_width * 1000)}.ttf"
    target = Path(tempfile.gettempdir()) / "agenda-extract-fonts" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != data.getvalue():
        target.write_bytes(data.getvalue())
    return str(target)


# --------------------------------------------------------------------------- text


class _Styles:
    def __init__(self, style: RenderStyle):
        self.style = style
        self.regular, self.bold = _font_pair(style.font, style.space_width)
        self.builtin = style.font in BUILTIN_FONTS
        # Built-in fonts print "•" with a code pdfminer cannot map; Symbol's bullet reads back.
        self.bullet_font = "Symbol" if self.builtin else self.regular
        size = style.font_size
        self.size = size
        self.width = PAGE_SIZES[style.page_size][0] - 2 * style.margin
        head = self.bold if style.bold_headings else self.regular

        def ps(name, **kw):
            kw.setdefault("fontName", self.regular)
            kw.setdefault("fontSize", size)
            kw.setdefault("leading", round(kw["fontSize"] * 1.22, 2))
            kw.setdefault("bulletFontName", self.bullet_font)
            kw.setdefault("bulletFontSize", kw["fontSize"])
            return ParagraphStyle(name, **kw)

        self.body = ps("body", spaceAfter=size * 0.6)
        self.cell = ps("cell")
        self.cell_right = ps("cell_right", alignment=TA_RIGHT)
        self.bullet = ps("bullet", leftIndent=size * 1.3, bulletIndent=0)
        self.sub_bullet = ps("sub_bullet", leftIndent=size * 2.6, bulletIndent=size * 1.3,
                             bulletFontName=self.regular)
        self.label = ps("label", fontName=head)
        self.title = ps("title", fontName=head)
        self.heading = ps("heading", fontName=self.bold, fontSize=size + 2, spaceBefore=size * 0.6,
                          spaceAfter=size * 0.6, keepWithNext=1)
        self.big = ps("big", fontName=self.bold, fontSize=size + 8, spaceAfter=size)
        self.small = ps("small", fontSize=size - 1.5, leftIndent=size * 2, spaceAfter=size * 0.3)
        self.right = ps("right", alignment=TA_RIGHT)

    def markup(self, text: str) -> str:
        if self.builtin:
            bad = {c for c in text if c != "•" and not _cp1252(c)}
            if bad:
                raise ValueError(f"{self.style.font} cannot print {sorted(bad)}; use a TTF font")
        text = escape(text)
        if self.builtin:
            text = text.replace("•", f'<font name="{self.bullet_font}">•</font>')
        return text

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph; "• " and "o " prefixes become hanging bullets."""
        style = style or self.cell
        if text.startswith("• "):
            return Paragraph(self.markup(text[2:]), _with(style, self.bullet), bulletText="•")
        if text.startswith("o "):
            return Paragraph(self.markup(text[2:]), _with(style, self.sub_bullet), bulletText="o")
        return Paragraph(self.markup(text), style)


def _cp1252(char: str) -> bool:
    try:
        char.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def _with(base: ParagraphStyle, indents: ParagraphStyle) -> ParagraphStyle:
    """``base`` (font, alignment) with the bullet indents of ``indents``."""
    return ParagraphStyle(
        base.name + "+" + indents.name, parent=base, leftIndent=indents.leftIndent,
        bulletIndent=indents.bulletIndent, bulletFontName=indents.bulletFontName,
    )


# --------------------------------------------------------------------------- geometry


def _label_width(st: _Styles) -> float:
    pad = 2 * st.style.cell_padding
    if st.style.narrow_labels:
        # "Summary of feedback from schools" wraps as Summary of / feedback from / schools
        return pdfmetrics.stringWidth("feedback from", st.label.fontName, st.size) + pad + 1
    return st.width * st.style.label_fraction


def column_edges(style: RenderStyle) -> dict[str, tuple[float, ...]]:
    """x positions (points from the page's left edge) of the column boundaries of each
    kind of table: "card" (label | value), "block" (staffing and budget tables) and
    "financial" (Appendix B tables), from the left edge of the frame to its right edge."""
    st = _Styles(style)
    x0, w = style.margin, st.width
    fin, acc = [x0], x0
    for frac in FINANCIAL_COLUMNS:
        acc += frac * w
        fin.append(acc)
    return {
        "card": (x0, x0 + _label_width(st), x0 + w),
        "block": (x0, x0 + w / 2, x0 + w),
        "financial": tuple(fin),
    }


# --------------------------------------------------------------------------- tables


def _base_commands(st: _Styles) -> list:
    pad = st.style.cell_padding
    return [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]


def _table(data, widths, commands) -> Table:
    return Table(data, colWidths=widths, style=commands, repeatRows=0, splitByRow=1, hAlign="LEFT")


@dataclass
class _Row:
    cells: list
    title: bool = False  # a title row spanning all columns
    first: bool = False  # first row of a group (section, header)
    last: bool = False  # last row of a group
    key: tuple = field(default_factory=tuple)  # where this row is, for SPLIT_PLAN


def _grouped_table(rows: list[_Row], widths, st: _Styles) -> Table:
    """A table whose row groups are ruled off from each other (when ruled)."""
    cmds = _base_commands(st)
    ncols = len(widths)
    for i, row in enumerate(rows):
        if row.title:
            cmds += [("SPAN", (0, i), (-1, i)), ("TOPPADDING", (0, i), (-1, i), 3),
                     ("BOTTOMPADDING", (0, i), (-1, i), 3)]
            if i + 1 < len(rows):  # never leave a title alone at the foot of a page
                cmds.append(("NOSPLIT", (0, i), (-1, i + 1)))
            if st.style.ruled:
                cmds += [("BACKGROUND", (0, i), (-1, i), GREY)]
        if row.first:
            cmds.append(("TOPPADDING", (0, i), (-1, i), 3))
        if row.last:
            cmds.append(("BOTTOMPADDING", (0, i), (-1, i), 4))
        if st.style.ruled and (row.last or row.title):
            cmds.append(("LINEBELOW", (0, i), (-1, i), 0.5, colors.black))
        if st.style.ruled and not row.title and ncols > 1:
            cmds.append(("LINEAFTER", (0, i), (-2, i), 0.5, colors.black))
    if st.style.ruled:
        cmds.append(("BOX", (0, 0), (-1, -1), 0.5, colors.black))
    return _table([r.cells for r in rows], widths, cmds)


def _split_at(rows: list[_Row], cut: int | None, widths, st: _Styles) -> list:
    if cut is None or not 0 < cut < len(rows):
        return [_grouped_table(rows, widths, st)]
    return [_grouped_table(rows[:cut], widths, st), PageBreak(),
            _grouped_table(rows[cut:], widths, st)]


def _plan_for(title: str, st: _Styles) -> list[tuple]:
    if not st.style.split_cards:
        return []
    return [place for card, place in SPLIT_PLAN if card == title]


def _card(card: ServiceCardContent, st: _Styles) -> list:
    label_w = _label_width(st)
    widths = [label_w, st.width - label_w]
    rows = [_Row([st.para(card.title, st.title), ""], title=True)]
    for section in card.sections:
        n = len(section.paragraphs)
        for i, text in enumerate(section.paragraphs):
            label = st.para(section.label, st.label) if i == 0 else ""
            rows.append(_Row([label, st.para(text)], first=i == 0, last=i == n - 1,
                             key=("paragraph", section.label, i)))
    plan = _plan_for(card.title, st)
    cut = None
    for place in plan:
        if place[0] == "section":
            place = ("paragraph", place[1], 0)
        if place[0] == "paragraph":
            cut = next((i for i, r in enumerate(rows) if r.key == place), None)
    out = _split_at(rows, cut, widths, st)
    out.append(Spacer(1, st.size))
    out += _block(card.staffing, st, ("staffing",) in plan)
    out.append(Spacer(1, st.size))
    out += _block(card.budget, st, ("budget",) in plan)
    out.append(Spacer(1, st.size * 2.5))
    return out


def _block(block: FigureBlock, st: _Styles, break_after_header: bool) -> list:
    widths = [st.width / 2] * 2
    rows = [_Row([st.para(h, st.label) for h in block.header], first=True, last=True)]
    body = list(zip_longest(block.left, block.right, fillvalue=""))
    for i, (left, right) in enumerate(body):
        rows.append(_Row([st.para(left) if left else "", st.para(right) if right else ""],
                         first=i == 0, last=i == len(body) - 1))
    if break_after_header:
        return _split_at(rows, 1, widths, st)
    return [KeepTogether([_grouped_table(rows, widths, st)])]


def _financial(table: FinancialTableContent, st: _Styles) -> list:
    widths = [f * st.width for f in FINANCIAL_COLUMNS]
    staff, *money = table.columns
    rows = [_Row([st.para(table.title, st.title), "", "", ""], title=True)]
    first_staff = staff.lines[0] if staff.lines else ""
    rows.append(_Row([st.para(first_staff) if first_staff else ""]
                     + [st.para(c.header, st.label) for c in money], first=True))
    body = list(zip_longest(staff.lines[1:], *(c.lines for c in money), fillvalue=""))
    for cells in body:
        rows.append(_Row([st.para(c) if c else "" for c in cells]))
    rows[-1].last = True
    return [KeepTogether([_grouped_table(rows, widths, st)]), Spacer(1, st.size * 1.5)]


def _impact_table(table: FinancialImpactTable, st: _Styles) -> list:
    value_w = max(st.width * 0.12, pdfmetrics.stringWidth("(0.00)", st.regular, st.size)
                  + 2 * st.style.cell_padding + 2)
    widths = [st.width * 0.42] + [value_w] * len(table.periods)
    bold_cell = ParagraphStyle("impact_bold", parent=st.cell, fontName=st.bold)
    bold_right = ParagraphStyle("impact_bold_r", parent=st.cell_right, fontName=st.bold)
    data = [[st.para(table.title, bold_cell)] + [""] * len(table.periods),
            [""] + [st.para(p, bold_right) for p in table.periods],
            [""] + [st.para(u, bold_right) for u in table.units]]
    for row in table.rows:
        left = st.para(row.label, bold_cell if row.bold else st.cell)
        right = bold_right if row.bold else st.cell_right
        data.append([left] + [st.para(v, right) for v in row.values]
                    + [""] * (len(table.periods) - len(row.values)))
    cmds = _base_commands(st) + [("SPAN", (0, 0), (-1, 0)), ("TOPPADDING", (0, 0), (-1, -1), 2),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    if st.style.ruled:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    out = [Spacer(1, st.size * 0.5), KeepTogether([_table(data, widths, cmds)]),
           Spacer(1, st.size)]
    out += [st.para(note, st.small) for note in table.footnotes]
    return out


def _staff_summary(summary: StaffSummaryTable, st: _Styles) -> list:
    size = st.size - 1
    cell = ParagraphStyle("sum", parent=st.cell, fontSize=size, leading=size * 1.2)
    right = ParagraphStyle("sum_r", parent=cell, alignment=TA_RIGHT)
    head = ParagraphStyle("sum_h", parent=st.label, fontSize=size, leading=size * 1.2)
    pad = 2 * st.style.cell_padding
    values = [v for row in summary.rows for v in row[1:]]
    value_w = max(pdfmetrics.stringWidth(v, st.regular, size) for v in values) + pad
    ncols = len(summary.header)
    label_w = max(st.width - value_w * (ncols - 1), st.width * 0.18)
    widths = [label_w] + [value_w] * (ncols - 1)
    data = [[st.para(h, head) if h else "" for h in summary.header]]
    data += [[st.para(r[0], cell)] + [st.para(v, right) for v in r[1:]] for r in summary.rows]
    cmds = _base_commands(st) + [("LEFTPADDING", (0, 0), (-1, -1), pad / 2),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), pad / 2)]
    if st.style.ruled:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    return [Spacer(1, st.size), st.para(summary.intro, st.body),
            KeepTogether([_table(data, widths, cmds)]), Spacer(1, st.size),
            st.para(summary.note, st.body)]


def _categories(pack: PackContent, st: _Styles) -> list:
    cats = pack.appendix_a.categories
    data = []
    for pair in zip(cats[0::2], cats[1::2], strict=False):  # two categories a row
        data.append([[st.para(c.heading, st.label)] + [st.para("• " + i) for i in c.items]
                     for c in pair])
    cmds = _base_commands(st) + [("TOPPADDING", (0, 0), (-1, -1), 3),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    if st.style.ruled:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    return [_table(data, [st.width / 2] * 2, cmds), Spacer(1, st.size * 2)]


def _feedback(pack: PackContent, st: _Styles) -> list:
    widths = [st.width * f for f in (0.08, 0.27, 0.65)]
    out = []
    for service in pack.appendix_b.feedback:
        rows = [_Row([st.para(service.number, st.label), st.para(service.service, st.label), ""],
                     first=True, last=True)]
        for fb in service.rows:
            for i, text in enumerate(fb.paragraphs):
                rows.append(_Row([st.para(fb.number) if i == 0 else "",
                                  st.para(fb.label) if i == 0 else "", st.para(text)],
                                 first=i == 0, last=i == len(fb.paragraphs) - 1))
        table = _grouped_table(rows, widths, st)
        table.setStyle([("SPAN", (1, 0), (2, 0))])
        out += [table, Spacer(1, st.size)]
    return out


# --------------------------------------------------------------------------- parts


def _cover(pack: PackContent, st: _Styles) -> list:
    c = pack.cover
    label = ParagraphStyle("cover_label", parent=st.cell, fontName=st.bold)
    item = ParagraphStyle("item", parent=st.cell, leftIndent=st.size * 3.5, bulletIndent=0,
                          bulletFontName=st.bold, spaceBefore=st.size * 0.4)
    note = ParagraphStyle("item_note", parent=st.cell, leftIndent=st.size * 3.5,
                          spaceBefore=st.size * 0.3)
    out = [st.para(c.pack_label, st.right), Spacer(1, st.size * 2), st.para(c.committee, st.big),
           st.para(c.time_and_date_label, label), st.para(c.time_and_date, st.body),
           st.para(c.place_label, label), st.para(c.place, st.body),
           st.para(c.public_business_label, st.heading)]
    for it in c.items:
        text = f'<font name="{st.bold}">{st.markup(it.title)}</font>'
        text += f" {st.markup(it.pages)}" if it.pages else ""
        out.append(Paragraph(text, item, bulletText=it.number))
        out += [st.para(n, note) for n in it.notes]
    out += [st.para(c.private_business_label, st.heading), st.para(c.private_business, st.body),
            Spacer(1, st.size)]
    out += [st.para(s, st.cell) for s in c.signoff] + [Spacer(1, st.size)]
    out += [st.para(n, st.body) for n in c.notes + c.membership]
    return out


def _report(pack: PackContent, st: _Styles) -> list:
    r = pack.report
    out = [st.para(r.agenda_item, ParagraphStyle("ai", parent=st.right, fontName=st.bold))]
    out += [st.para(k, st.right) for k in r.report_kind] + [Spacer(1, st.size)]
    meetings = [[st.para(a), st.para(b)] for a, b in r.meetings]
    out += [_table(meetings, [st.width * 0.5, st.width * 0.3], _base_commands(st)),
            Spacer(1, st.size)]
    for label, value in r.front_matter:
        out += [st.para(label, ParagraphStyle("fm", parent=st.cell, fontName=st.bold)),
                st.para(value, st.body)]
    out.append(st.para(r.summary_heading, ParagraphStyle("sh", parent=st.cell, fontName=st.bold)))
    out += [st.para(p, st.body) for p in r.summary]
    out += [PageBreak(), st.para(r.title, st.heading)]
    for item in r.body:
        if isinstance(item, FinancialImpactTable):
            out += _impact_table(item, st)
        elif isinstance(item, ReportHeading):
            out += _numbered(item.number, item.text, st, bold=True, flush=item.level == 1)
        else:
            out += _numbered(item.number, item.text, st)
            for b in item.bullets:
                out.append(Paragraph(st.markup(b), ParagraphStyle(
                    "rb", parent=st.body, leftIndent=st.size * 5.2, bulletIndent=st.size * 3.9,
                    spaceAfter=st.size * 0.3), bulletText="•"))
    return out


def _numbered(number: str, text: str, st: _Styles, bold: bool = False, flush: bool = False):
    font = st.bold if bold else st.regular
    if flush:
        return [Paragraph(st.markup(f"{number} {text}"), ParagraphStyle(
            "h1", parent=st.body, fontName=font, fontSize=st.size + 1, spaceBefore=st.size * 0.5,
            keepWithNext=1))]
    indent = max(st.size * 3.9, pdfmetrics.stringWidth(number, font, st.size) + st.size)
    style = ParagraphStyle("num", parent=st.body, fontName=font, leftIndent=indent,
                           bulletIndent=0, bulletFontName=font, keepWithNext=int(bold))
    return [Paragraph(st.markup(text), style, bulletText=number or None)]


def _appendix_heading(index: int, printed: str, st: _Styles) -> list:
    """Appendix A, B or C's heading (index 0, 1, 2) in the style's heading form."""
    form = HEADING_FORMS[st.style.appendix_headings]
    if form is None:
        return [st.para(printed, st.heading)]
    title = printed.split(":", 1)[1].strip() if ":" in printed else printed
    return [st.para(line, st.heading) for line in form[index].format(title=title).split("\n")]


def _appendix_a(pack: PackContent, st: _Styles) -> list:
    a = pack.appendix_a
    out = _appendix_heading(0, a.heading, st) + [st.para(a.intro, st.body)] + _categories(pack, st)
    for card in a.cards:
        out += _card(card, st)
    out += _staff_summary(a.staff_summary, st)
    return out


def _appendix_b(pack: PackContent, st: _Styles) -> list:
    b = pack.appendix_b
    out = _appendix_heading(1, b.heading, st) + _feedback(pack, st)
    out.append(st.para(b.financial_heading, st.heading))
    for table in b.tables:
        out += _financial(table, st)
    return out


def _appendix_c(st: _Styles) -> list:
    c = APPENDIX_C
    out = _appendix_heading(2, c.heading, st) + [st.para(c.intro, st.body)]
    for number, text in c.paragraphs:
        out += _numbered(number, text, st, bold=not text.endswith("."))
    return out


def render_pack(
    content: PackContent, path: str | os.PathLike, style: RenderStyle = RenderStyle()
) -> int:
    """Write ``content`` as a PDF at ``path`` in ``style``; return the number of pages."""
    st = _Styles(style)
    story = []
    if not style.standalone_appendix:
        story += _cover(content, st) + [PageBreak()] + _report(content, st) + [PageBreak()]
    story += _appendix_a(content, st) + [PageBreak()] + _appendix_b(content, st)
    if style.appendix_c:
        story += [PageBreak()] + _appendix_c(st)

    def stamp(canvas, doc):
        canvas.saveState()
        canvas.setFont(st.regular, st.size - 1)
        canvas.drawCentredString(doc.pagesize[0] / 2, style.margin / 2,
                                 style.stamp.format(n=doc.page + style.page_offset))
        if style.running_header:
            canvas.drawRightString(doc.pagesize[0] - style.margin, doc.pagesize[1] - style.margin / 2,
                                   style.running_header)
        canvas.restoreState()

    m = style.margin
    doc = SimpleDocTemplate(
        str(Path(path)), pagesize=PAGE_SIZES[style.page_size], leftMargin=m, rightMargin=m,
        topMargin=m, bottomMargin=m, invariant=1, title=content.cover.committee,
        author="agenda-extract samples", creator="samples/render.py",
    )
    doc.build(story, onFirstPage=stamp, onLaterPages=stamp)
    return doc.page
