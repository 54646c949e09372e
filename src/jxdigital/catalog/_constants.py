"""Constants of the catalogue that its modules share (no imports: any module may use them)."""

from __future__ import annotations

#: An audit flags a stated growth rate that differs from the base→target CAGR by more than
#: this many percentage points.
AUDIT_FLAG_PP = 0.5

#: 预期性 / 约束性 as the English tables print them.
ATTRIBUTE_EN = {"预期性": "expected", "约束性": "binding", "": ""}
