"""The template workbook's words (``jxdigital.report._fill``), in each language: its sheet
and column names, the notes on its headers and cells, its input check's message and its
help sheet. The phrases are the catalogue's (``words/template.csv``)."""

from __future__ import annotations

from ._fill_words import (
    CHECK_MESSAGE,
    CHECK_STRIPS,
    HEADER_NOTES,
    QUALIFIED_CELL,
    SOURCE_LABELS,
    TEMPLATE_HEADERS,
    TEMPLATE_SHEETS,
    as_printed,
    base_comment,
    base_year_note,
    definition_notes,
    figure_comment,
    help_lines,
    target_name,
    workbook_title,
)

__all__ = ["CHECK_MESSAGE", "CHECK_STRIPS", "HEADER_NOTES", "QUALIFIED_CELL", "SOURCE_LABELS",
           "TEMPLATE_HEADERS", "TEMPLATE_SHEETS", "as_printed", "base_comment",
           "base_year_note", "definition_notes", "figure_comment", "help_lines", "target_name",
           "workbook_title"]
