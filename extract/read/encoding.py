"""Signs of a broken text encoding, seen in the characters of a page's text layer.

A font without a usable text encoding gives characters that are not what is printed:
control characters and private-use code points (its glyph numbers taken as characters),
replacement characters, glyph names ("g3", "/g123", "(cid:12)", "uni0041"), letters
shifted by a constant ("IROORZLQJWKHHQG" for "FOLLOWINGTHEEND": a font whose glyphs are
numbered three places off), tokens that are no word, number or code ("&+5%755+10"), or
letters substituted for one another. These are signs in the characters themselves: a
table of figures, a list of addresses or a three-line page has none of them, whatever its
words.

Each sign is `garbage` when it is plain (the page is not read) or `doubt` when it is
faint (OCR, where installed, decides: read/doubt.py).
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Strength = Literal["garbage", "doubt"]

# Control characters (a tab or line break aside), private-use, surrogate and unassigned
# code points, and U+FFFD: shares of the non-space characters that do not stand alone
# (a lone private-use point is a Symbol or Wingdings bullet, printed as one).
ODD_CATEGORIES = frozenset({"Cc", "Co", "Cs", "Cn"})
REPLACEMENT = "\ufffd"
ODD_GARBAGE = 0.02
ODD_DOUBT = 3  # this many odd characters inside words, short of the share, leave a page in doubt

# Glyph names a PDF producer or reader writes for a glyph it cannot name as a character.
GLYPH_NAME = re.compile(r"\(?cid:\d+\)?|/?\b(?:g|glyph|index|afii)\d{1,5}\b|/?\buni[0-9A-F]{4,6}\b|/g\d{1,5}")
# What every glyph name above holds: a page without it has none, and is spared the search.
GLYPH_HINT = re.compile(r"cid:|[ghix]\d|uni[0-9A-F]")
GLYPH_GARBAGE = 0.3  # share of the non-space characters spelt by glyph names
GLYPH_DOUBT = 0.05

# English letter frequencies (per cent): shifted letters are told from printed ones by how
# far more English their letters become when shifted back.
LETTER_FREQUENCY = {
    "a": 8.2, "b": 1.5, "c": 2.8, "d": 4.3, "e": 12.7, "f": 2.2, "g": 2.0, "h": 6.1, "i": 7.0,
    "j": 0.15, "k": 0.77, "l": 4.0, "m": 2.4, "n": 6.7, "o": 7.5, "p": 1.9, "q": 0.095, "r": 6.0,
    "s": 6.3, "t": 9.1, "u": 2.8, "v": 0.98, "w": 2.4, "x": 0.15, "y": 2.0, "z": 0.074,
}
LETTER_LOG = {letter: math.log(share / 100) for letter, share in LETTER_FREQUENCY.items()}
# English prose scores about -2.9 a letter, Welsh -3.1, a list of codes and postcodes -3.5
# to -4; Caesar-shifted English -3.6 to -4.2, and -2.9 again when shifted back.
ENGLISH_LETTERS = -3.25  # shifted back, the letters must read at least this English
SHIFT_GAIN_GARBAGE = 0.5  # and gain this much a letter over the letters as printed
SHIFT_GAIN_DOUBT = 0.3
LETTERS_TO_JUDGE = 40  # fewer letters than this are too few to tell a shift by
DISTINCT_LETTERS = 15  # nor a few letters repeated (codes): any alphabet shifted has as many
# Words, shifted back: how many must be known words, and how many times more than as printed.
KNOWN_WORDS_SHIFTED = 8
KNOWN_SHARE_SHIFTED = 0.25
TOKENS_SAMPLED = 400  # a page's first tokens are enough to tell a shift (and keep it quick)
COMMON_LETTERS = "etaoinsrh"  # a shift of code points maps a page's commonest characters onto these
# As printed, this share of known words and letters this English: language, not probed for a shift.
ALREADY_WORDS = 0.2
ALREADY_ENGLISH = -3.05

WORD = re.compile(r"[^\W\d_]{2,}")

# What a printed token is: a word ("O'Brien", "e-mail", "and/or"), a number or date
# ("-£1,290", "12/04/2024", "3.5m", "1st"), a code ("SE1", "24/AP/1234"), an address, dot
# leaders, a run of one mark ("####", "•"), with brackets and stops around it. A layer whose
# glyphs map to the wrong characters spells tokens that are none of these ("&+5%755+10").
ORDINARY_TOKEN = re.compile(r"""[(\[{"'“‘«]*(?:
    [-+−–]?[£$€]?[-+−–]?\d[\d,.:/%–-]*(?:[^\W\d_]{1,3})?
  | \S*\.{4,}\S*
  | [^\W\d_]+(?:['’.\-–/&][^\W\d_]+)*[./]?
  | [^\W_]+(?:[/.\-:][^\W_]+)*
  | \S+@\S+ | \S*://\S+ | www\.\S+
  | (?P<mark>[^\w\s])(?P=mark)* | [^\w\s]{1,3}
)[)\]}"'”’»,.;:!?*]*""", re.X)
TOKENS_TO_JUDGE = 30
JUMBLED_GARBAGE = 0.4  # share of tokens that are no word, number or code (council pages: under 0.05)
JUMBLED_DOUBT = 0.15
# Letters substituted one for another (not shifted): words of letters (not capitals only) of
# which hardly any is a common word, in letters unlike English or Welsh (council pages
# score -2.9 to -3.1, such a layer -3.5 to -4.2). Only a doubt: words never condemn a page.
SUBSTITUTED_KNOWN = 0.03
SUBSTITUTED_LETTERS = -3.4


@dataclass(frozen=True)
class Sign:
    strength: Strength
    seen: str  # what was seen, for a person: "41 of 312 characters are control characters (U+0015, ...)"


def signs_of_broken_encoding(text: str, known: Callable[[str], bool]) -> list[Sign]:
    """Every sign of a broken encoding in `text` (empty for text to be trusted).
    `known(word)`: whether a lower-case word is a common word (quality.known_words)."""
    tokens = text.split()  # split() breaks at exactly the characters isspace() finds
    total = sum(map(len, tokens))  # the non-space characters
    if not total:
        return []
    found = [_odd_characters(tokens, total), _glyph_names(text, total), _jumbled(tokens),
             _shifted(tokens, known) or _substituted(text, known)]
    return [sign for sign in found if sign is not None]


def is_odd(c: str) -> bool:
    return c == REPLACEMENT or unicodedata.category(c) in ODD_CATEGORIES


def _odd_characters(tokens: list[str], total: int) -> Sign | None:
    inside = "".join([token for token in tokens if len(token) > 1])
    kinds_seen = {c for c in set(inside) if is_odd(c)}  # a page has a few dozen distinct characters
    if not kinds_seen:
        return None
    odd = [c for c in inside if c in kinds_seen]
    share = len(odd) / total
    if share <= ODD_GARBAGE and len(odd) < ODD_DOUBT:
        return None
    examples = ", ".join(f"U+{ord(c):04X}" for c, _ in Counter(odd).most_common(3))
    kinds = []
    if any(unicodedata.category(c) == "Cc" for c in odd):
        kinds.append("control characters")
    if any(unicodedata.category(c) == "Co" for c in odd):
        kinds.append("private-use code points")
    if REPLACEMENT in odd:
        kinds.append("replacement characters")
    if len(kinds) < 1:
        kinds.append("unassigned code points")
    seen = f"{len(odd)} of {total} characters are {' and '.join(kinds)} ({examples})"
    return Sign("garbage" if share > ODD_GARBAGE else "doubt", seen)


def _glyph_names(text: str, total: int) -> Sign | None:
    if not GLYPH_HINT.search(text):
        return None
    names = GLYPH_NAME.findall(text)
    if len(names) < 3:
        return None
    share = sum(len(name) for name in names) / total
    if share < GLYPH_DOUBT:
        return None
    examples = ", ".join(f"'{name}'" for name in dict.fromkeys(names[:3]))
    seen = f"{len(names)} glyph names instead of letters ({examples})"
    return Sign("garbage" if share >= GLYPH_GARBAGE else "doubt", seen)


def _jumbled(tokens: list[str]) -> Sign | None:
    if len(tokens) < TOKENS_TO_JUDGE:
        return None
    # a token of letters alone is a word (isalpha() letters are the pattern's [^\W\d_]): most of a page
    odd = [token for token in tokens if not token.isalpha() and not ORDINARY_TOKEN.fullmatch(token)]
    share = len(odd) / len(tokens)
    if share < JUMBLED_DOUBT:
        return None
    examples = ", ".join(f"'{_visible(token[:16])}'" for token in list(dict.fromkeys(odd))[:3])
    seen = f"{len(odd)} of {len(tokens)} words are no word, number or code ({examples})"
    return Sign("garbage" if share >= JUMBLED_GARBAGE else "doubt", seen)


def _substituted(text: str, known: Callable[[str], bool]) -> Sign | None:
    words = [word for word in WORD.findall(text) if not word.isupper()]
    if len(words) < LETTERS_TO_JUDGE:
        return None
    letters = _letters("".join(words).lower())
    if letters.total() < LETTERS_TO_JUDGE or len(letters) < DISTINCT_LETTERS:
        return None
    common = sum(1 for word in words if known(word.lower()))
    if common >= SUBSTITUTED_KNOWN * len(words) or letter_score(letters) >= SUBSTITUTED_LETTERS:
        return None
    examples = ", ".join(f"'{word}'" for word in list(dict.fromkeys(words))[:3])
    return Sign("doubt", f"{common} of {len(words)} words are common words, in letters unlike English or Welsh "
                         f"({examples})")


def _letters(text: str) -> Counter[str]:
    """The letters a-z of a lower-case text and their counts, in the order they first appear
    (the order letter_score adds them in)."""
    return Counter({c: n for c, n in Counter(text).items() if "a" <= c <= "z"})


def letter_score(letters: Counter[str]) -> float:
    """Mean log-probability of letters (a-z and their counts) under English letter frequencies."""
    return sum(LETTER_LOG[c] * n for c, n in letters.items()) / max(letters.total(), 1)


def rotate(text: str, shift: int) -> str:
    """Letters a-z and A-Z moved `shift` places round the alphabet (a Caesar shift)."""
    return text.translate(_rotation(shift % 26))


@lru_cache(maxsize=26)
def _rotation(shift: int) -> dict[int, int]:
    return {base + i: base + (i + shift) % 26 for base in (97, 65) for i in range(26)}


def move_code_points(text: str, shift: int) -> str:
    """Every character below U+0250 moved `shift` code points (a font numbering its glyphs
    from another start than the characters it prints); the rest as they are."""
    return text.translate(_code_point_move(shift))


@lru_cache(maxsize=64)
def _code_point_move(shift: int) -> dict[int, int]:
    return {c: c + shift for c in range(0x250) if 0 <= c + shift < 0x250}


def _shifted(page_tokens: list[str], known: Callable[[str], bool]) -> Sign | None:
    tokens = page_tokens[:TOKENS_SAMPLED]
    counts = Counter(tokens)
    letters = _letters("".join(tokens).lower())
    printed_known = _known_words(counts, known)
    judged = letters.total() >= LETTERS_TO_JUDGE and len(letters) >= DISTINCT_LETTERS
    printed_score = letter_score(letters) if judged else None
    if printed_known >= ALREADY_WORDS * len(tokens) and (printed_score is None or printed_score >= ALREADY_ENGLISH):
        return None  # words and letters as printed already read as language: no shift could read far better
    best: tuple[float, Strength, int] | None = None
    for shift, move in _candidate_shifts(Counter("".join(tokens))):
        back_known = _known_words(_moved(counts, move), known)
        gain_words = back_known >= KNOWN_WORDS_SHIFTED and back_known >= KNOWN_SHARE_SHIFTED * len(tokens) \
            and back_known >= 3 * printed_known + 5
        gain = 0.0
        if abs(shift) < 26 and printed_score is not None:  # a Caesar shift: the same letters, moved
            back_score = letter_score(Counter({rotate(c, shift): n for c, n in letters.items()}))
            if back_score >= ENGLISH_LETTERS:
                gain = back_score - printed_score
        strength: Strength | None = "garbage" if gain_words or gain >= SHIFT_GAIN_GARBAGE else \
            "doubt" if gain >= SHIFT_GAIN_DOUBT else None
        if strength is None:
            continue
        rank = (2.0 if strength == "garbage" else 1.0) + gain + back_known / max(len(tokens), 1)
        if best is None or rank > best[0]:
            best = (rank, strength, shift)
    if best is None:
        return None
    _, strength, shift = best
    sample = " ".join(tokens)
    printed, back = _example(sample, _mover(shift)(sample))
    printed_shift = 26 - shift if abs(shift) < 26 else -shift
    return Sign(strength, f"its letters are shifted by a constant ({printed_shift:+d}): '{printed}' reads "
                          f"'{back}' shifted back")


def _mover(shift: int) -> Callable[[str], str]:
    return (lambda text: rotate(text, shift)) if abs(shift) < 26 else (lambda text: move_code_points(text, shift))


def _candidate_shifts(chars: Counter[str]) -> list[tuple[int, Callable[[str], str]]]:
    """(shift back, how to shift a text back) for every Caesar shift and for the shifts of
    code points that would make the commonest characters (`chars`: the tokens' characters
    counted, in the order they first appear) common letters."""
    common = [c for c, _ in chars.most_common(3)]
    moves = {ord(letter) - ord(c) for c in common for letter in COMMON_LETTERS + COMMON_LETTERS.upper()}
    return [(shift, _mover(shift)) for shift in [*range(1, 26), *sorted(m for m in moves if abs(m) >= 26)]]


# Joins a page's tokens, to be moved at once: whitespace (so inside no token) and above
# U+0250 (so never moved).
TOKEN_JOIN = "\u3000"


def _moved(counts: Counter[str], move: Callable[[str], str]) -> dict[str, int]:
    """Each token moved, with its count (of two tokens that move to one, the later's count)."""
    return dict(zip(move(TOKEN_JOIN.join(counts)).split(TOKEN_JOIN), counts.values(), strict=True))


def _known_words(counts: dict[str, int], known: Callable[[str], bool]) -> int:
    found = 0
    for token, n in counts.items():
        if token.isalpha():  # one WORD if two letters or more: most tokens, spared the search
            if len(token) > 1 and known(token.lower()):
                found += n
        else:
            found += n * sum(1 for word in WORD.findall(token) if known(word.lower()))
    return found


def _example(printed: str, shifted: str, width: int = 24) -> tuple[str, str]:
    """The same stretch of the printed text and of it shifted back, where the printed one holds letters."""
    start = next((i for i, c in enumerate(printed) if c.isalpha()), 0)
    return _visible(printed[start:start + width]), _visible(shifted[start:start + width])


def _visible(text: str) -> str:
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text).strip()


def strongest(signs: Sequence[Sign]) -> Sign | None:
    for strength in ("garbage", "doubt"):
        for sign in signs:
            if sign.strength == strength:
                return sign
    return None
