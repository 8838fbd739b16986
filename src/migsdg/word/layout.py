"""Column widths of the draft's tables, computed from what the cells hold.

Word, LibreOffice and Google Docs each lay out an "autofit" table their own way, and
LibreOffice and Google Docs mostly share the width out evenly, which breaks words in the
middle ("Indicato|r"). The writer therefore gives every table a fixed layout with widths
computed here, the way a browser lays out an automatic table:

* a column's *minimum* is its widest unbreakable word (a date or an amount is one word:
  the document model joins them with no-break spaces), so no word has to break;
* its *preferred* width is its longest line, so short columns take no more than they need;
* the page's width is shared out: everything preferred when it fits, otherwise the
  minimums and the rest in proportion to what each column still wants.

Text widths are estimated from advance widths (in thousandths of an em) that are never
narrower than those of the fonts a document falls back to when Cambria and Calibri are
missing (Noto Serif and Noto Sans), so an estimate errs on the wide side. When even the
minimums do not fit (many columns in portrait), the table is set in smaller type.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

__all__ = ["cell_extent", "cell_lines", "column_widths", "text_width", "word_width"]

# Advance widths of the printable ASCII characters (U+0020 to U+007E), in 1/1000 em: the
# wider of Noto Serif and Noto Sans, regular and bold.
_REGULAR = (
    260, 332, 408, 646, 572, 896, 742, 225, 346, 346, 551, 572, 268, 322, 268, 372,
    572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 286, 286, 572, 572, 572, 474,
    921, 705, 654, 632, 730, 623, 590, 728, 793, 367, 357, 700, 623, 938, 763, 781,
    605, 781, 656, 549, 613, 731, 675, 1047, 660, 625, 592, 360, 372, 360, 572, 459,
    281, 563, 615, 492, 615, 564, 369, 615, 635, 320, 300, 585, 310, 945, 645, 605,
    615, 615, 471, 479, 361, 635, 579, 862, 578, 565, 511, 428, 559, 428, 572,
)  # fmt: skip
_BOLD = (
    260, 382, 508, 646, 572, 906, 801, 290, 400, 400, 545, 572, 294, 322, 294, 413,
    572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 304, 304, 572, 572, 572, 550,
    921, 753, 672, 668, 767, 653, 621, 769, 819, 401, 397, 734, 654, 952, 813, 796,
    638, 796, 707, 586, 653, 756, 698, 1067, 732, 693, 666, 414, 413, 414, 572, 459,
    362, 604, 649, 527, 649, 591, 407, 633, 667, 352, 345, 636, 352, 986, 667, 619,
    645, 648, 523, 497, 434, 667, 606, 856, 646, 579, 529, 442, 559, 442, 572,
)  # fmt: skip
_WIDE = 1000  # anything else: a full em, on the safe side
_ARABIC = 640  # Arabic letters, joined, are narrower than an em (Noto Naskh Arabic: about 0.55)
_SPECIAL = {"\u00a0": 260, "\u2014": 1000, "\u2013": 500, "\u2026": 1000, "\u2022": 600}

# Where a line may break inside a cell: at spaces, and after a hyphen or a dash (LibreOffice
# and Word both break "pre-departure" after its hyphen). No-break spaces keep dates and
# amounts whole.
_BREAKS = re.compile(r"[ \t\n]+|(?<=[-\u2013\u2014/])(?=\w)")


@functools.lru_cache(maxsize=4096)
def _char(ch: str, bold: bool) -> int:
    table = _BOLD if bold else _REGULAR
    code = ord(ch)
    if 32 <= code < 127:
        return table[code - 32]
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = unicodedata.normalize("NFD", ch)[0]  # é -> e, ñ -> n
    if base != ch and 32 <= ord(base) < 127:
        return table[ord(base) - 32]
    if unicodedata.category(ch).startswith("M"):  # a combining mark takes no room
        return 0
    if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff":  # Arabic letters
        return _ARABIC
    return _WIDE


@functools.lru_cache(maxsize=65536)
def word_width(word: str, bold: bool = False) -> int:
    """The width of ``word`` in thousandths of an em."""
    return sum(_char(ch, bold) for ch in word)


def text_width(text: str, bold: bool = False) -> int:
    """The width of one line of ``text`` (spaces included) in thousandths of an em."""
    if text.isascii():
        table = _BOLD if bold else _REGULAR
        try:
            return sum(table[ord(ch) - 32] for ch in text)
        except IndexError:  # a control character: measure it the slow way
            pass
    return sum(_char(ch, bold) for ch in text)


@functools.lru_cache(maxsize=65536)
def cell_extent(text: str, bold: bool) -> tuple[int, int]:
    """(widest unbreakable piece, longest line) of a cell's text, in 1/1000 em."""
    if not text:
        return 0, 0
    lines = text.split("\n")
    longest = max(text_width(line, bold) for line in lines)
    pieces = _BREAKS.split(text)
    # Only the longest few pieces can be the widest; measuring them alone keeps large
    # tables cheap.
    if len(pieces) > 3:
        most = max(len(p) for p in pieces)
        pieces = [p for p in pieces if len(p) >= most - 3]
    widest = max(word_width(p, bold) for p in pieces)
    return widest, longest


@functools.lru_cache(maxsize=16384)
def cell_lines(text: str, bold: bool, width: int) -> int:
    """About how many lines ``text`` takes in a column ``width`` thousandths of an em
    wide (a tenth more than its width alone needs, for the space lost at line ends)."""
    width = max(width, 1)
    return sum(max(1, -(-text_width(line, bold) * 11 // (10 * width))) for line in text.split("\n"))


def column_widths(
    minimum: Sequence[int], preferred: Sequence[int], available: int
) -> list[int] | None:
    """Widths (same unit as the arguments) sharing out ``available``: every column's
    ``preferred`` width when they all fit, with what is left in proportion; otherwise the
    narrow columns their preferred width and the others their ``minimum`` and the rest in
    proportion to what each still wants. ``None`` when even the minimums do not fit."""
    total_min, total_pref = sum(minimum), sum(preferred)
    if total_min > available:
        return None
    if total_pref <= available:
        spare = available - total_pref
        if total_pref == 0:
            return [available // len(preferred)] * len(preferred)
        return [p + spare * p // total_pref for p in preferred]
    # Columns that need little (dates, amounts, short labels) get all they want, as long
    # as it is no more than an even share of what is left; the others share the rest.
    width: dict[int, int] = {}
    left = available
    open_ = list(range(len(preferred)))
    while open_:
        share = left // len(open_)
        settled = [i for i in open_ if preferred[i] <= share]
        if not settled:
            break
        for i in settled:
            width[i] = preferred[i]
            left -= preferred[i]
        open_ = [i for i in open_ if i not in width]
    if open_ and sum(minimum[i] for i in open_) > left:  # cannot: share from the minimums
        width, left, open_ = {}, available, list(range(len(preferred)))
    spare = left - sum(minimum[i] for i in open_)
    wants = {i: max(0, preferred[i] - minimum[i]) for i in open_}
    total_wants = sum(wants.values()) or 1
    for i in open_:
        width[i] = minimum[i] + spare * wants[i] // total_wants
    return [width[i] for i in range(len(preferred))]
