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
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return []
    found = [_odd_characters(text, len(chars)), _glyph_names(text, len(chars)), _jumbled(text),
             _shifted(text, known) or _substituted(text, known)]
    return [sign for sign in found if sign is not None]


def is_odd(c: str) -> bool:
    return c == REPLACEMENT or unicodedata.category(c) in ODD_CATEGORIES


def _odd_characters(text: str, total: int) -> Sign | None:
    odd = [c for token in text.split() if len(token) > 1 for c in token if is_odd(c)]
    if not odd:
        return None
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
    names = GLYPH_NAME.findall(text)
    if len(names) < 3:
        return None
    share = sum(len(name) for name in names) / total
    if share < GLYPH_DOUBT:
        return None
    examples = ", ".join(f"'{name}'" for name in dict.fromkeys(names[:3]))
    seen = f"{len(names)} glyph names instead of letters ({examples})"
    return Sign("garbage" if share >= GLYPH_GARBAGE else "doubt", seen)


def _jumbled(text: str) -> Sign | None:
    tokens = text.split()
    if len(tokens) < TOKENS_TO_JUDGE:
        return None
    odd = [token for token in tokens if not ORDINARY_TOKEN.fullmatch(token)]
    share = len(odd) / len(tokens)
    if share < JUMBLED_DOUBT:
        return None
    examples = ", ".join(f"'{_visible(token[:16])}'" for token in list(dict.fromkeys(odd))[:3])
    seen = f"{len(odd)} of {len(tokens)} words are no word, number or code ({examples})"
    return Sign("garbage" if share >= JUMBLED_GARBAGE else "doubt", seen)


def _substituted(text: str, known: Callable[[str], bool]) -> Sign | None:
    words = [word for word in WORD.findall(text) if not word.isupper()]
    letters = Counter(c for word in words for c in word.lower() if "a" <= c <= "z")
    if len(words) < LETTERS_TO_JUDGE or letters.total() < LETTERS_TO_JUDGE or len(letters) < DISTINCT_LETTERS:
        return None
    common = sum(1 for word in words if known(word.lower()))
    if common >= SUBSTITUTED_KNOWN * len(words) or letter_score(letters) >= SUBSTITUTED_LETTERS:
        return None
    examples = ", ".join(f"'{word}'" for word in list(dict.fromkeys(words))[:3])
    return Sign("doubt", f"{common} of {len(words)} words are common words, in letters unlike English or Welsh "
                         f"({examples})")


def letter_score(letters: Counter[str]) -> float:
    """Mean log-probability of letters (a-z and their counts) under English letter frequencies."""
    return sum(LETTER_LOG[c] * n for c, n in letters.items()) / max(letters.total(), 1)


def rotate(text: str, shift: int) -> str:
    """Letters a-z and A-Z moved `shift` places round the alphabet (a Caesar shift)."""
    def move(c: str) -> str:
        if "a" <= c <= "z":
            return chr(97 + (ord(c) - 97 + shift) % 26)
        if "A" <= c <= "Z":
            return chr(65 + (ord(c) - 65 + shift) % 26)
        return c
    return "".join(move(c) for c in text)


def move_code_points(text: str, shift: int) -> str:
    """Every character below U+0250 moved `shift` code points (a font numbering its glyphs
    from another start than the characters it prints); the rest as they are."""
    return "".join(chr(ord(c) + shift) if ord(c) < 0x250 and 0 <= ord(c) + shift < 0x250 else c for c in text)


def _shifted(text: str, known: Callable[[str], bool]) -> Sign | None:
    tokens = text.split()[:TOKENS_SAMPLED]
    counts = Counter(tokens)
    letters = Counter(c for c in "".join(tokens).lower() if "a" <= c <= "z")
    printed_known = _known_words(counts, known)
    judged = letters.total() >= LETTERS_TO_JUDGE and len(letters) >= DISTINCT_LETTERS
    printed_score = letter_score(letters) if judged else None
    if printed_known >= ALREADY_WORDS * len(tokens) and (printed_score is None or printed_score >= ALREADY_ENGLISH):
        return None  # words and letters as printed already read as language: no shift could read far better
    best: tuple[float, Strength, int] | None = None
    for shift, move in _candidate_shifts(counts):
        back_known = _known_words(Counter({move(token): n for token, n in counts.items()}), known)
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


def _candidate_shifts(counts: Counter[str]) -> list[tuple[int, Callable[[str], str]]]:
    """(shift back, how to shift a text back) for every Caesar shift and for the shifts of
    code points that would make the commonest characters common letters."""
    chars: Counter[str] = Counter()
    for token, n in counts.items():
        for c in token:
            chars[c] += n
    common = [c for c, _ in chars.most_common(3)]
    moves = {ord(letter) - ord(c) for c in common for letter in COMMON_LETTERS + COMMON_LETTERS.upper()}
    return [(shift, _mover(shift)) for shift in [*range(1, 26), *sorted(m for m in moves if abs(m) >= 26)]]


def _known_words(counts: Counter[str], known: Callable[[str], bool]) -> int:
    return sum(n for token, n in counts.items() for word in WORD.findall(token) if known(word.lower()))


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
