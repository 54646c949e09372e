"""Chinese line breaking (禁则): characters a line may not start or end with, where a line
breaks first (the end of a clause), and ``wrap``: text in lines of a given width in ems."""

from __future__ import annotations

#: A line never starts with closing punctuation...
NO_LINE_START = frozenset("）」』”’，。、；：！？％〕】》)]},.;:!?%…—")
#: ...nor ends with opening punctuation.
NO_LINE_END = frozenset("（「『“‘〔【《([{")
#: A line may end after these (a clause's end): Chinese text breaks here first.
BREAK_AFTER = frozenset("，。、；：！？）」』”；,;")
#: ...and before these (an opening bracket starts a new unit).
BREAK_BEFORE = frozenset("（「『“")


def text_em(text: str, latin: float = 0.55) -> float:
    """Width of ``text`` in em: a CJK character is 1, other characters about ``latin``."""
    return sum(1.0 if ord(c) > 0x2E80 else latin for c in text)


def wrap(text: str, width: float) -> list[str]:
    """Split ``text`` into lines of at most ``width`` em (a CJK character is 1 em, Latin
    letters and digits about 0.55) by Chinese rules: at the end of a clause (after ，。；：、
    and a closing bracket, before an opening one) and at spaces in Latin text, so a word
    (未实现, 基本符合预期, 1项) is never cut; a clause longer than a line breaks between
    characters, never inside a run of letters and digits (``1项``, ``2026-12-07``) nor
    against the closing and opening marks (禁则)."""
    lines, line, used = [], "", 0.0
    for unit in _units(text):
        w = text_em(unit)
        if line and used + w > width:
            lines.append(line.rstrip())
            line, used = "", 0.0
            unit = unit.lstrip()
            w = text_em(unit)
        if w > width:  # longer than a line: by characters
            for token in _tokens(unit):
                tw = text_em(token)
                if line and used + tw > width:
                    lines.append(line.rstrip())
                    line, used = token.lstrip(), text_em(token.lstrip())
                else:
                    line, used = line + token, used + tw
            continue
        line, used = line + unit, used + w
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _units(text: str) -> list[str]:
    """Clauses and Latin words: the units a line breaks between first."""
    out: list[str] = []
    cur = ""
    for i, ch in enumerate(text):
        if ch in BREAK_BEFORE and cur and cur[-1] not in NO_LINE_END:
            out.append(cur)
            cur = ""
        cur += ch
        nxt = text[i + 1] if i + 1 < len(text) else ""
        # a thousands separator is part of its number (62,000), never a clause's end
        digits = ch == "," and nxt.isdigit() and i > 0 and text[i - 1].isdigit()
        if (ch in BREAK_AFTER and nxt not in NO_LINE_START and not digits) or \
                (ch == " " and nxt != " "):
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out


def _tokens(text: str):
    """Units a line may break between: single CJK characters and runs of letters and
    digits (with their trailing space and the CJK counter after a number: ``1项``),
    closing punctuation kept with what it closes and opening punctuation with what it
    opens."""
    out: list[str] = []
    for t in _raw_tokens(text):
        if out and (t[0] in NO_LINE_START or out[-1][-1] in NO_LINE_END
                    or (out[-1][-1].isdigit() and ord(t[0]) > 0x2E80 and len(t) == 1)):
            out[-1] += t
        else:
            out.append(t)
    return out


def _raw_tokens(text: str):
    """Single CJK characters and Latin words (with their trailing space)."""
    word = ""
    for c in text:
        if ord(c) > 0x2E80:
            if word:
                yield word
                word = ""
            yield c
        else:
            word += c
            if c == " ":
                yield word
                word = ""
    if word:
        yield word
