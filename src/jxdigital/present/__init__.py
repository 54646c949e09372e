"""Presentation: numbers with units, target words, status names and colours, the date
sentences and the phrase catalogue, in Chinese and English.

The assessment decides in codes; this layer words them (``WORDS``; ``jxdigital.api`` joins
the two into ``jxdigital.assess``).
Charts, reports, slides, the command line and the Jupyter views take their words from here,
through its public face: this module, ``present.view`` (the view of an assessment and its
charts' specifications), ``present.targets_view`` (the 测算 view), ``present.template_words``
(the template workbook) and ``present.words`` (the phrase catalogue: ``words_for(lang)``).
"""

from __future__ import annotations

from . import _phrases as phrases
from ._chart_words import chart_words, marks_words
from ._cli_words import audit_table, direction_conflict_sentence, mismatch_sentence
from ._colours import OUTCOME_STATUS, STATUS_COLOURS, STATUS_INK
from ._names import plan_title, target_reason, titled
from ._report_words import report_words, sheet_name
from ._slide_words import deck_file_title
from ._units import DisplayUnit, display_unit, unit_of
from ._wording import WORDS, Words
from .words import languages, words_for

__all__ = ["OUTCOME_STATUS", "STATUS_COLOURS", "STATUS_INK", "WORDS", "DisplayUnit", "Words",
           "audit_table", "chart_words", "deck_file_title",
           "direction_conflict_sentence", "display_unit", "languages", "marks_words",
           "mismatch_sentence", "phrases", "plan_title", "report_words", "sheet_name",
           "target_reason", "titled", "unit_of", "words_for"]
