"""Lists of posts with a stated total ('Roles to be deleted:' … 'Total: 24 posts'), as in slides.

A list is found from its printed total, then read upwards: the bulleted lines above it
in the same column of the page, up to the heading. Slides set two lists side by side,
so a list keeps to the x-range between its own bullet column and the next one, and
a second column inside the list (grades such as 'Grade 5', 'Soulbury B10-13') is
dropped: it starts after a wide gap. Each line counts the posts its 'x N' says, not
those in a remark such as '(1 x Vacant)'.

stated_total is the printed number ('24') as a count Figure, its label the whole phrase
('Total: 24 posts'), so the check can point at the exact digits.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from extract.models import Figure, Post, PostList
from extract.read.flow import FlowRow, plain
from extract.read.text import Row, TextRun, Word, phrases

# The printed total, whole phrase; group 'n' is the number.
TOTAL_PATTERNS: list[re.Pattern] = [
    re.compile(r"^total\s*(?:number\s+of\s+)?(?:posts?|roles?)?\s*[:=–-]?\s*"
               r"(?P<n>\d+)\s+(?:new\s+)?(?:posts?|roles?|positions?)\.?$", re.I),
    re.compile(r"^total\s+(?:number\s+of\s+)?(?:posts?|roles?)\s*[:=–-]?\s*(?P<n>\d+)\.?$", re.I),
    re.compile(r"^(?P<n>\d+)\s+(?:posts?|roles?|positions?)\s+in\s+total\.?$", re.I),
]
BULLETS = "•●▪■◦○▫‣⁃∙·*-–—"
BULLET_WORD = re.compile(rf"^(?:[{re.escape(BULLETS)}]|o)$")  # 'o': Word's second-level bullet
GLUED_BULLET = re.compile(rf"^[{re.escape(BULLETS[:10])}](?=\w)")  # '•Head'
# How many posts a line stands for: 'x 2', '× 3', 'x3' at the end, '2 x ' at the start,
# or a remark that is only a count '(x 2)'. Other remarks ('(1 x Vacant)') count nothing.
PAREN_COUNT = re.compile(r"\(\s*[x×]\s*(\d+)\s*\)", re.I)
REMARK = re.compile(r"\([^()]*\)")
TRAILING_COUNT = re.compile(r"(?:^|\s)[x×]\s*(\d+)\s*$", re.I)
LEADING_COUNT = re.compile(r"^(\d+)\s*[x×]\s+", re.I)
# Words of a heading that opens a bulleted list ('Posts deleted', 'New roles').
LIST_HEADING = re.compile(r"\b(?:roles?|posts?|positions?|deleted|deletions?|new|created)\b", re.I)

PHRASE_GAP = 1.5  # words further apart than this (type sizes) are in different columns
SECOND_COLUMN_GAP = 2.0  # within an item, words after a gap this wide are a second column
ITEM_GAP = 2.5  # most white space between two lines of one list, in type sizes
WRAP_GAP = 0.6  # a line this close below an item, without a bullet, wraps that item
X_TOLERANCE = 3.0  # points: bullets this close share a column
MAX_SCAN_ROWS = 80
MAX_HEADING_WORDS = 12
MAX_PLAIN_ITEM_WORDS = 12  # lines of an unbulleted list are short and are not sentences


@dataclass
class Zone:
    """The x-range a list keeps to: from its bullet column to the next list's."""

    x0: float
    x1: float

    def words(self, row: Row) -> list[Word]:
        return [w for w in row.words if self.x0 - X_TOLERANCE <= w.x0 < self.x1 - X_TOLERANCE]


@dataclass
class Item:
    lines: list[list[Word]] = field(default_factory=list)
    indent: float = 0.0  # x of its bullet: a deeper bullet is a sub-item of the line above

    def run(self) -> TextRun:
        return TextRun.join([TextRun.from_words(line) for line in self.lines], sep=" ")


@dataclass
class ListLayout:
    title: str | None
    title_row: Row | None
    items: list[Item]
    total: list[Word]  # the total phrase
    number: re.Match  # the TOTAL_PATTERNS match on the phrase text


def flow_to_post_lists(flow: Sequence[FlowRow], first: int = 1) -> list[PostList]:
    lists: list[PostList] = []
    for index, fr in enumerate(flow):
        for phrase, match in total_phrases(fr.row):
            layout = read_list(flow, index, phrase, match)
            if layout is not None:
                lists.append(layout_to_post_list(layout, first + len(lists)))
    return lists


def total_phrases(row: Row) -> list[tuple[list[Word], re.Match]]:
    found = []
    for phrase in phrases(row.words, PHRASE_GAP * row.size):
        text = plain(" ".join(w.text for w in phrase))
        for pattern in TOTAL_PATTERNS:
            match = pattern.match(text)
            if match:
                found.append((phrase, match))
                break
    return found


def read_list(flow: Sequence[FlowRow], index: int, total: list[Word], match: re.Match) -> ListLayout | None:
    """The items above a total within the total's zone, and the heading that opens them."""
    first = _first_row_of_page(flow, index, MAX_SCAN_ROWS)
    zone = list_zone([fr.row for fr in flow[first:index]], total[0].x0)
    lines = zone_lines(flow[first:index], zone, total)
    bulleted = any(_is_bullet(words[0]) for _, words in lines)
    taken, title_row = 0, None
    for n, (row, words) in enumerate(lines):
        if _is_bullet(words[0]) or (bulleted and _wraps(lines, n)):
            taken += 1
            continue
        if _is_heading(words, row, bulleted):
            title_row = row
            break
        if bulleted or not _is_plain_item(words):
            break
        taken += 1
    items = lines_to_items(list(reversed(lines[:taken])))
    if len(items) < 2:
        return None
    title = plain(" ".join(w.text for w in zone.words(title_row))).rstrip(":").strip() if title_row else None
    return ListLayout(title, title_row, items, total, match)


def zone_lines(flow: Sequence[FlowRow], zone: Zone, total: Sequence[Word]) -> list[tuple[Row, list[Word]]]:
    """Each row's words inside the zone, bottom-up from the total, until white space too wide
    for one list or another list's total."""
    lines: list[tuple[Row, list[Word]]] = []
    below_top = min(w.top for w in total)
    for fr in reversed(flow):
        words = zone.words(fr.row)
        if not words:
            continue  # a row of the list beside this one
        if below_top - max(w.bottom for w in words) > ITEM_GAP * fr.row.size:
            break
        if total_phrases(Row(fr.row.page, tuple(words))):
            break  # the end of the list above (the list beside may end on this row: not ours)
        lines.append((fr.row, words))
        below_top = min(w.top for w in words)
    return lines


def _wraps(lines: Sequence[tuple[Row, list[Word]]], n: int) -> bool:
    """Line n (bottom-up) continues a bulleted item: set tight under lines that reach a bullet."""
    for (row, words), (_, above) in pairwise(lines[n:]):
        if min(w.top for w in words) - max(w.bottom for w in above) > WRAP_GAP * row.size:
            return False
        if _is_bullet(above[0]):
            return True
    return False


def _first_row_of_page(flow: Sequence[FlowRow], index: int, limit: int) -> int:
    first = index
    while first > 0 and index - first < limit and not flow[first].page_break:
        first -= 1
    return first


def list_zone(rows: Sequence[Row], total_x: float) -> Zone:
    """From the bullet column at or left of the total to the next column of a list set beside it."""
    bullets = [_bullet_xs(row) for row in rows]
    side_by_side = sorted({round(x) for xs in bullets if len(xs) > 1 for x in xs})
    left = max((x for xs in bullets for x in xs if x <= total_x + X_TOLERANCE), default=total_x)
    right = min((x for x in side_by_side if x > left + X_TOLERANCE), default=float("inf"))
    return Zone(min(left, total_x), right)


def _bullet_xs(row: Row) -> list[float]:
    """x of each bullet that opens a phrase (a dash inside a line is punctuation)."""
    return [p[0].x0 for p in phrases(row.words, PHRASE_GAP * row.size) if _is_bullet(p[0])]


def _is_bullet(word: Word) -> bool:
    return bool(BULLET_WORD.match(word.text) or GLUED_BULLET.match(word.text))


def _is_heading(words: Sequence[Word], row: Row, bulleted: bool) -> bool:
    """Short, and ends with a colon or is bold; above bullets, naming posts or roles will do."""
    text = plain(" ".join(w.text for w in words))
    if len(words) > MAX_HEADING_WORDS:
        return False
    return text.endswith(":") or row.bold or (bulleted and bool(LIST_HEADING.search(text)))


def _is_plain_item(words: Sequence[Word]) -> bool:
    text = " ".join(w.text for w in words)
    return len(words) <= MAX_PLAIN_ITEM_WORDS and not text.rstrip().endswith((".", ";"))


def lines_to_items(lines: Sequence[tuple[Row, list[Word]]]) -> list[Item]:
    """Top-down: a bulleted line opens an item, an unbulleted one wraps it (or, in a list
    without bullets, is an item of its own)."""
    bulleted = any(_is_bullet(words[0]) for _, words in lines)
    items: list[Item] = []
    for row, words in lines:
        starts = _is_bullet(words[0]) or not bulleted or not items
        indent = words[0].x0 if bulleted else 0.0  # centred or ragged plain lines nest nothing
        words = _first_column(_drop_bullet(words), row.size)
        if not words:
            continue
        if starts:
            items.append(Item([words], indent))
        else:
            items[-1].lines.append(words)
    return items


def _drop_bullet(words: Sequence[Word]) -> list[Word]:
    if BULLET_WORD.match(words[0].text):
        return list(words[1:])
    if GLUED_BULLET.match(words[0].text):  # keep the text, lose the bullet's box
        first = words[0]
        return [Word(first.text[1:], first.page, first.boxes[1:], first.size, first.bold), *words[1:]]
    return list(words)


def _first_column(words: Sequence[Word], size: float) -> list[Word]:
    """The post's words, without a second column (a grade) printed after a wide gap."""
    kept: list[Word] = []
    for word in words:
        if kept and word.x0 - kept[-1].x1 > SECOND_COLUMN_GAP * size:
            break
        kept.append(word)
    return kept


def post_count(text: str) -> int:
    counted = PAREN_COUNT.search(text)
    if counted:
        return int(counted.group(1))
    bare = " ".join(REMARK.sub(" ", text).split())
    counted = TRAILING_COUNT.search(bare) or LEADING_COUNT.search(bare)
    return int(counted.group(1)) if counted else 1


def layout_to_post_list(layout: ListLayout, number: int) -> PostList:
    """Posts with their counts; a line with sub-items ('Early Years roles x 5' over
    'Senior Officers x 3', 'Locality Officers x 2') stands for them, so it counts 0."""
    top = min(item.indent for item in layout.items)
    posts = []
    for k, item in enumerate(layout.items):
        run = item.run()
        page, bbox = run.locate(0, len(run.text))
        text = plain(run.text)
        following = layout.items[k + 1] if k + 1 < len(layout.items) else None
        nested = following is not None and following.indent > top + X_TOLERANCE
        parent = nested and item.indent <= top + X_TOLERANCE
        posts.append(Post(text=text, count=0 if parent else post_count(text), page=page, bbox=bbox))
    title = layout.title or "Untitled post list"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40].strip("-") or "untitled"
    page = layout.title_row.page if layout.title_row else posts[0].page
    return PostList(
        id=f"postlist-{number}-{slug}", title=title, page=page, posts=posts,
        stated_total=total_figure(layout.total, layout.number),
    )


def total_figure(phrase: Sequence[Word], match: re.Match) -> Figure:
    """The stated total as the printed digits, labelled with the whole phrase."""
    run = TextRun.from_words(phrase)  # words joined by single spaces: the text matched
    text = plain(run.text)
    start = match.start("n")
    page, bbox = run.locate(start, start + len(match.group("n")))
    return Figure(kind="count", value=float(match.group("n")), text=match.group("n"), precision=1.0,
                  page=page, bbox=bbox, label=text)
