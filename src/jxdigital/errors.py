"""Errors that tell the user which file, row and column is wrong and what was expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file (pandera's failure-case shape)."""

    file: str
    row: int | None  # line in the file (header is line 1); None for the whole file
    indicator_id: str
    column: str
    value: str
    expected: str
    cell: str = ""  # the spreadsheet cell, e.g. 'D5' (.xlsx files)
    more_rows: tuple[int, ...] = ()  # further lines with the same problem
    more_columns: tuple[str, ...] = ()  # further columns (year columns of a wide table)

    def __str__(self) -> str:
        where = self.file
        if self.cell:
            where += f" cell {self.cell}"
        elif self.row is not None:
            where += f" line {self.row}"
        if self.more_rows:
            shown = ", ".join(map(str, self.more_rows[:5]))
            rest = len(self.more_rows) - 5
            where += f" (also line{'s' if len(self.more_rows) > 1 else ''} {shown}" + (
                f" and {rest} more)" if rest > 0 else ")")
        if self.indicator_id:
            where += f" (indicator '{self.indicator_id}')"
        if self.column:
            where += f", column '{self.column}'"
        if self.more_columns:
            where += " (also " + ", ".join(f"'{c}'" for c in self.more_columns) + ")"
        got = f" (got {self.value!r})" if self.value != "" else ""
        return f"{where}: expected {self.expected}{got}"


class JxDigitalError(Exception):
    """The base of every error jxdigital raises on purpose: catch this one to catch them
    all (the command line does, and says each in one line). Each also derives from the
    built-in error it refines (``ValueError``, ``KeyError``, ``OSError``), so code that
    caught those still does."""


class InputError(JxDigitalError, ValueError):
    """Bad input; ``problems`` lists every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in input:\n" if n > 1 else ""
        super().__init__(head + "\n".join(f"- {p}" if n > 1 else str(p) for p in self.problems))

    def __reduce__(self):
        # copy and pickle rebuild the error from its problems, not from its message (pandas
        # deep-copies ``attrs``, where a lenient load keeps its problems)
        return type(self), (self.problems,)

    def to_frame(self):
        """The problems as a DataFrame: file, row, indicator_id, column, value, expected."""
        import pandas as pd

        return pd.DataFrame([p.__dict__ for p in self.problems])


class PlanFormatError(InputError):
    """A plan table that cannot be read as a plan."""


class ArgumentError(JxDigitalError, ValueError):
    """An argument that cannot be used; the message names it and what was expected
    (``argument 'as_of': expected a year such as 2022 …``)."""


class NotFoundError(JxDigitalError, KeyError):
    """A plan, target or indicator asked for by id that does not exist; the message says
    which and what there is."""

    def __str__(self) -> str:  # the message as written, not quoted like a KeyError's
        return str(self.args[0]) if self.args else ""
