"""Left-to-right text inside a right-to-left draft.

An Arabic draft carries English plan text (titles, names, summaries) and codes such as
``10.c.1``. Laid out by the Unicode bidirectional algorithm in a right-to-left paragraph,
their punctuation and digits take the paragraph's direction: "6. Open borders" shows as
"Open borders .6", "Jamaica." as ".Jamaica", and ``10.c.1`` as ``1.c.10``.

:func:`pieces` cuts a text into stretches of right-to-left and left-to-right text. The
writer gives each left-to-right stretch a run of its own without ``w:rtl`` (whose
"right-to-left override" of neutral characters must not apply to Latin text: ISO/IEC
29500-1 §17.3.2.30) and marks its two ends with LEFT-TO-RIGHT MARK, so that its first
digits and last punctuation resolve left to right in Word and in LibreOffice alike, and
ends it with RIGHT-TO-LEFT MARK, so that the text after it keeps the paragraph's direction
(:func:`marked`).
Numbers alone (``10.7.2``, ``1 234``, ``87,5 %``, dates) are left to the algorithm, which
already keeps them whole.
"""

from __future__ import annotations

import re

__all__ = ["LRM", "MARKS", "RLM", "marked", "pieces"]

LRM = "\u200e"
RLM = "\u200f"
#: The marks :func:`marked` adds (a reader of the text may drop them).
MARKS = LRM + RLM

# Letters written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and their
# presentation forms.
_RTL_LETTERS = "\u0590-\u07ff\u0860-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RTL = re.compile(f"[{_RTL_LETTERS}]")
# Letters written left to right (Latin, Greek, Cyrillic): what makes a stretch LTR text.
_LTR_LETTERS = "A-Za-z\u00aa\u00b5\u00ba\u00c0-\u02af\u0370-\u052f"
_LTR_LETTER = re.compile(f"[{_LTR_LETTERS}]")
# A stretch that may be LTR text: from such a letter or a digit to the next RTL letter.
_STRETCH = re.compile(f"[{_LTR_LETTERS}0-9][^{_RTL_LETTERS}]*")
# A word of the left-to-right text (two letters or more), and a code such as 10.c.1.
_WORD = re.compile(f"[{_LTR_LETTERS}]{{2,}}")
_CODE = re.compile(r"[0-9]+(?:\.[0-9A-Za-z]+)+")
_BREAKS = re.compile("([\n\t])")
_OPENERS = {"(": ")", "[": "]", "«": "»", "“": "”", '"': '"', "'": "'"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


def pieces(text: str) -> list[tuple[str, bool]]:
    """``text`` as ``(piece, left_to_right)`` stretches, in order; joined, the pieces are
    ``text``. A line with no right-to-left letter is one left-to-right piece (when it has
    a Latin letter) with its surrounding spaces outside it. Line breaks and tabs separate
    pieces: renderers resolve the direction of each line and tab stop on its own."""
    if not _LTR_LETTER.search(text):
        return [(text, False)]
    if "\n" in text or "\t" in text:
        out: list[tuple[str, bool]] = []
        for part in _BREAKS.split(text):
            if part in ("\n", "\t"):
                out.append((part, False))
            elif part:
                out.extend(pieces(part))
        return out
    if not _WORD.search(text):
        return _codes(text)
    if not _RTL.search(text):
        core = text.strip()
        start = text.index(core[0])
        out = [(text[:start], False), (core, True), (text[start + len(core) :], False)]
        return [p for p in out if p[0]]
    out = []
    at = 0
    for m in _STRETCH.finditer(text):
        start, end = m.start(), _trim(text, m.start(), m.end())
        stretch = text[start:end]
        if not _WORD.search(stretch):
            continue  # numbers and codes only: left for _codes below
        before = text[start - 1] if start > at else ""
        if before in _OPENERS and _OPENERS[before] in stretch:
            start -= 1
        if start > at:
            out.extend(_codes(text[at:start]))
        out.append((text[start:end], True))
        at = end
    if at < len(text):
        out.extend(_codes(text[at:]))
    return out


def marked(text: str) -> list[tuple[str, bool]]:
    """:func:`pieces` with each left-to-right piece between the marks that keep it whole
    in right-to-left text: LEFT-TO-RIGHT MARK on both sides (its first digits and its
    last punctuation resolve left to right), then, where more text follows on the line,
    RIGHT-TO-LEFT MARK, so that a number after it ("10.c, 17.3") is not drawn into it and
    a list of codes reads from the right. (A mark at the end of a line would only make the
    line as tall as the Arabic font's.)"""
    parts = pieces(text)
    out = []
    for k, (piece, ltr) in enumerate(parts):
        if ltr:
            follows = k + 1 < len(parts) and parts[k + 1][0] not in ("\n", "\t")
            piece = f"{LRM}{piece}{LRM}{RLM if follows else ''}"
        out.append((piece, ltr))
    return out


def _codes(text: str) -> list[tuple[str, bool]]:
    """Codes with a letter (``10.c``, ``10.c.1``) as left-to-right pieces, each on its
    own: a list of them ("8.8, 10.c") reads from the right like any list in the text."""
    out: list[tuple[str, bool]] = []
    at = 0
    for m in _CODE.finditer(text):
        if not _LTR_LETTER.search(m.group()):
            continue
        if m.start() > at:
            out.append((text[at : m.start()], False))
        out.append((m.group(), True))
        at = m.end()
    if at < len(text) or not out:
        out.append((text[at:], False))
    return out


def _trim(text: str, start: int, end: int) -> int:
    """The end of the stretch ``text[start:end]`` without its trailing spaces and
    punctuation, but with a closing bracket or quote whose opening one it holds."""
    while end > start:
        last = text[end - 1]
        if last.isalnum():
            break
        opener = _CLOSERS.get(last)
        if opener is not None and opener in text[start : end - 1]:
            break
        end -= 1
    return end
