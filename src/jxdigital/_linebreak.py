"""Chinese line breaking (禁则): characters a line may not start or end with."""

from __future__ import annotations

#: A line never starts with closing punctuation...
NO_LINE_START = frozenset("）」』”’，。、；：！？％〕】》)]},.;:!?%…—")
#: ...nor ends with opening punctuation.
NO_LINE_END = frozenset("（「『“‘〔【《([{")
