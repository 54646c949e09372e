"""Read a user's table file (CSV in any encoding Excel writes, or .xlsx) into string columns.

What an analyst's file looks like is not what ``pandas.read_csv`` expects: Excel on
Chinese Windows saves "CSV" as GBK, a title row sits above the header, the data may be on
the second sheet, a percentage cell stores 0.486, a date cell stores a datetime, a merged
cell holds its value only in its first cell, and a formula may have no saved result.
``read_table`` handles each of these the way the analyst meant it, or says which cell is
wrong; it never guesses a number.

The frame it returns has categorical string columns (one parse per distinct text, so a
600,000-row file is read in seconds) and knows each row's line or cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from .errors import InputError, Problem

#: Hidden sheet in which ``jxdigital template`` lists the cells it filled from shipped data.
SHIPPED_SHEET = "_jxdigital"
#: How many leading rows may hold a title above the header.
TITLE_ROWS = 10
BLANK = ("", "nan", "NaN", "None")


class TableError(InputError):
    """A file that cannot be read as a table."""


class RaggedRow(Exception):
    def __init__(self, line: int, expected: int, saw: int):
        self.line, self.expected, self.saw = line, expected, saw


@dataclass
class Table:
    """A file's rows as strings. ``lines[i]`` is the file line (CSV) or sheet row (.xlsx) of
    row ``i``; ``letters`` maps a column to its Excel letter (empty for CSV)."""

    frame: pd.DataFrame
    file: str
    lines: np.ndarray
    header_line: int = 1
    sheet: str = ""
    encoding: str = ""
    letters: dict[str, str] = field(default_factory=dict)
    #: column → the header as the file prints it (for messages), when they differ
    printed: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: (sheet row, column) of cells the template filled from shipped data, with their text.
    shipped: dict[tuple[int, str], str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.file} [sheet {self.sheet!r}]" if self.sheet else self.file

    def printed_key(self, column: str) -> str:
        """The column's name as read (a printed header maps back to it)."""
        for new, old in self.printed.items():
            if old == column:
                return new
        return column

    def cell(self, line: int, column: str) -> str:
        letter = self.letters.get(column, "")
        return f"{letter}{line}" if letter else ""


def normalise_header(name: object) -> str:
    """Header text as compared: full-width → ASCII (NFKC), no spaces, no BOM."""
    s = unicodedata.normalize("NFKC", str(name)).replace("\ufeff", "")
    return re.sub(r"\s+", "", s)


def _is_header(cells: list[str], words: set[str]) -> bool:
    return any(normalise_header(c) in words for c in cells)


def _problem(file: str, expected: str, value: str = "", line: int | None = None) -> TableError:
    return TableError([Problem(file, line, "", "", value, expected)])


def read_table(path: str | Path, header_words: set[str], what: str = "table") -> Table:
    """Read ``path`` (.csv or .xlsx/.xlsm) into a ``Table``.

    ``header_words``: column names that mark the header row (the first of the first
    ``TITLE_ROWS`` rows holding one of them is the header; rows above it are a title).
    """
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{what} file not found: {p}")
    suffix = p.suffix.lower()
    if suffix == ".csv":
        return _read_csv(p, header_words)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(p, header_words)
    raise _problem(str(p), "a .csv or .xlsx file", suffix)


# --- CSV ---------------------------------------------------------------------------------

#: A UTF-8 byte-order mark followed by GBK/GB18030 text (read without the mark).
BOM_GB18030 = "gb18030 after a UTF-8 mark"


def _encoding(raw: bytes) -> str:
    """utf-8 (with or without BOM), UTF-16 (BOM, or NULs of UTF-16 text), else GB18030."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            raw[3:].decode("utf-8")
            return "utf-8-sig"
        except UnicodeDecodeError as e:
            try:  # a UTF-8 mark before GBK bytes: an editor added the one, Excel wrote the other
                raw[3:].decode("gb18030")
            except UnicodeDecodeError:
                raise ValueError(f"byte {e.start + 3}") from None
            return BOM_GB18030
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if raw[:200].count(b"\x00") > 20:
        return "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as e:
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            raise ValueError(f"byte {e.start}") from None
        return "gb18030"


def _read_csv(p: Path, words: set[str]) -> Table:
    raw = p.read_bytes()
    file = str(p)
    if not raw.strip(b"\xef\xbb\xbf\xff\xfe \r\n\t,"):
        raise _problem(file, "a header row and at least one row of figures (the file is empty)")
    raw, enc, text, notes = _decoding(p, raw)
    head_text = raw[:65536].decode(enc, errors="ignore")
    sample = head_text.splitlines()[:TITLE_ROWS]
    delimiter = "\t" if enc.startswith("utf-16") and "\t" in (sample[0] if sample else "") \
        else ","
    rows = list(csv.reader(sample, delimiter=delimiter))
    h = next((i for i, r in enumerate(rows) if _is_header(r, words)), 0)
    if h:
        notes.append(f"{p.name}: header on line {h + 1}; the {h} line(s) above it taken as a "
                     "title")
    df = _csv_frame(p, enc, h, delimiter, text)
    df.columns = [normalise_header(c) for c in df.columns]
    lines = np.arange(len(df)) + h + 2
    return _tidy(Table(df, file, lines, header_line=h + 1, encoding=enc, notes=notes))


def _decoding(p: Path, raw: bytes) -> tuple[bytes, str, str | None, list[str]]:
    """(the bytes to read, their encoding, the text when it was decoded here, a note on
    an encoding other than UTF-8): GBK after a UTF-8 mark is decoded here, the mark
    dropped."""
    try:
        enc = _encoding(raw)
    except ValueError as e:
        raise _problem(str(p), "text in UTF-8, GBK/GB18030 or UTF-16 (the bytes at "
                       f"{e} are none of these; save the file again as 'CSV UTF-8')") from None
    notes = []
    text = None
    if enc == BOM_GB18030:  # decode it here, the mark dropped; read from memory
        text = raw[3:].decode("gb18030")
        raw, enc = raw[3:], "gb18030"
    if enc == "gb18030":
        notes.append(f"{p.name}: read as GBK/GB18030 (Excel's 'CSV' on Chinese Windows)")
    elif enc.startswith("utf-16"):
        notes.append(f"{p.name}: read as UTF-16 (Excel's 'Unicode text')")
    return raw, enc, text, notes


def _csv_frame(p: Path, enc: str, h: int, delimiter: str, text: str | None) -> pd.DataFrame:
    """``_csv_categories`` below the header on line ``h + 1``; an empty file, or a line
    with more fields than the header, is said as a problem of the file."""
    file = str(p)
    try:
        return _csv_categories(p, enc, h, delimiter, text)
    except pd.errors.EmptyDataError:
        raise _problem(file, "a header row and at least one row of figures (the file is "
                       "empty)") from None
    except RaggedRow as e:
        raise TableError([Problem(
            file, e.line, "", "", "",
            f"{e.expected} fields like the header line (this line has more: a comma inside a "
            "value? put the value in double quotes, or remove the extra comma)")]) from None
    except pd.errors.ParserError as e:
        m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(e))
        if not m:
            raise _problem(file, f"a table with one header row ({e})") from None
        n, line, saw = int(m[1]) - 1, int(m[2]) + h + 1, int(m[3])
        raise TableError([Problem(
            file, line, "", "", "",
            f"{n} fields like the header line (this line has {saw}: a comma inside a value? "
            "put the value in double quotes, or remove the extra comma)")]) from None


def _csv_categories(p: Path, enc: str, skip: int, delimiter: str,
                    text: str | None = None) -> pd.DataFrame:
    """The CSV as categorical string columns, read in chunks so that memory holds each
    distinct text once rather than every cell (read_csv's own category dtype would turn
    2021 into an int and 2022-03-01 into a date). ``text``: the file already decoded."""
    parts: list[pd.DataFrame] = []
    with (open(p, encoding=enc, newline="") if text is None else io.StringIO(text)) as f:
        for _ in range(skip):
            f.readline()
        header = next(csv.reader([f.readline()], delimiter=delimiter), [])
    if not header:
        raise pd.errors.EmptyDataError
    # one column more than the header: a row with an extra field is found, not shifted into
    # an index (pandas' default) or dropped
    source = p if text is None else io.StringIO(text)
    reader = pd.read_csv(source, dtype=str, keep_default_na=False, na_filter=False, encoding=enc,
                         skiprows=skip + 1, sep=delimiter, chunksize=50_000, header=None,
                         names=list(range(len(header) + 1)), index_col=False)
    with reader:
        for chunk in reader:
            extra = (chunk[len(header)] != "").to_numpy()
            if extra.any():
                i = int(np.flatnonzero(extra)[0])
                raise RaggedRow(skip + 2 + int(chunk.index[i]), len(header), 0)
            parts.append(chunk.drop(columns=len(header)).astype("category"))
    if not parts:
        return pd.DataFrame({c: pd.Categorical([]) for c in range(len(header))}).set_axis(
            header, axis=1)
    if len(parts) == 1:
        parts[0].columns = header
        return parts[0]
    columns = {}
    for j in range(len(parts[0].columns)):
        columns[j] = union_categoricals([part.iloc[:, j] for part in parts],
                                        ignore_order=True)
    out = pd.DataFrame({j: pd.Categorical(v) for j, v in columns.items()})
    out.columns = header
    return out


def _letter(j: int) -> str:
    """Spreadsheet column letters of position ``j`` (0 → A, 26 → AA)."""
    out = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        out = chr(65 + r) + out
    return out


def _duplicate_columns(t: Table) -> None:
    """Two columns with one name (two "2022" columns of a wide table) are an error naming
    both, not a crash: which one holds the year's figure cannot be guessed."""
    names = [str(c) for c in t.frame.columns]
    seen: dict[str, int] = {}
    problems = []
    for j, name in enumerate(names):
        if not name.strip() or name.startswith("Unnamed:"):
            continue
        if name in seen:
            i = seen[name]
            problems.append(Problem(
                t.file, t.header_line, "", name, name,
                f"one column named {name!r} (columns {_letter(i)} and {_letter(j)} of the "
                f"header line both are: rename or remove one)"))
        else:
            seen[name] = j
    if problems:
        raise TableError(problems)


def _tidy(t: Table) -> Table:
    """Strip cells, drop wholly blank rows and unnamed empty columns."""
    _duplicate_columns(t)
    df = t.frame
    for c in df.columns:
        col = df[c]
        if isinstance(col.dtype, pd.CategoricalDtype):
            cats = col.cat.categories.astype(str)
            stripped = np.array([s.strip() for s in cats], dtype=object)
            if len(cats) and (stripped != np.asarray(cats, dtype=object)).any():
                df[c] = pd.Categorical(stripped[col.cat.codes.to_numpy()])
        else:
            df[c] = col.astype(str).str.strip().astype("category")
    def is_blank(c: str) -> np.ndarray:
        col = df[c]
        return np.asarray(col.cat.categories.isin(BLANK))[col.cat.codes.to_numpy()] \
            | (col.cat.codes.to_numpy() < 0)

    unnamed = [c for c in df.columns if (c == "" or c.startswith("Unnamed:"))
               and is_blank(c).all()]
    df = df.drop(columns=unnamed)
    if len(df.columns):
        blank = np.logical_and.reduce([is_blank(c) for c in df.columns])
        if blank.any():
            df = df[~blank].reset_index(drop=True)
            t.lines = t.lines[~blank]
    t.frame = df
    return t


# --- Excel -------------------------------------------------------------------------------

def _number_text(v: float) -> str:
    return f"{v:.15g}"


def _cell_text(v, number_format: str) -> str:
    """A cell's value as the analyst sees it: 48.6% for 0.486 formatted as %, ISO dates."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        if "%" in (number_format or ""):
            return _number_text(round(v * 100, 10)) + "%"
        return _number_text(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, dt.time):
        return ""
    return str(v)


def _open_workbook(p: Path, data_only: bool):
    try:
        import openpyxl
    except ImportError:
        raise ImportError(f"reading {p.name} needs openpyxl: pip install 'jxdigital[excel]'") \
            from None
    from openpyxl.utils.exceptions import InvalidFileException

    if p.stat().st_size == 0:
        raise _problem(str(p), "an Excel workbook (the file is empty: 0 bytes)")
    try:
        return openpyxl.load_workbook(p, data_only=data_only)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as e:
        raise _problem(str(p), "an Excel .xlsx workbook (this file is not one: "
                       f"{type(e).__name__}; a CSV renamed to .xlsx, or an old .xls? open it "
                       "in Excel or WPS and save as .xlsx)") from None


def _read_xlsx(p: Path, words: set[str]) -> Table:
    from openpyxl.utils import get_column_letter

    wb = _open_workbook(p, data_only=True)
    formulas = _open_workbook(p, data_only=False)
    file = str(p)
    ws, h, notes = _header_row(wb, p, words)
    header = [normalise_header(_cell_text(c.value, c.number_format)) or f"Unnamed:{j}"
              for j, c in enumerate(ws[h])][:ws.max_column]
    problems: list[Problem] = []
    grid = _grid(ws, formulas[ws.title], h, header, file, problems)
    letters = {name: get_column_letter(j + 1) for j, name in enumerate(header) if name}
    _merged(ws, h, header, grid, file, problems, words)
    if problems:
        raise TableError(problems)
    df = pd.DataFrame(grid, columns=header, dtype=object) if grid \
        else pd.DataFrame(columns=header)
    t = Table(df, file, np.arange(h + 1, h + 1 + len(df)), header_line=h, sheet=ws.title,
              letters=letters, notes=notes)
    t.shipped = _shipped_cells(wb, ws.title)
    return _tidy(t)


def _header_row(wb, p: Path, words: set[str]) -> tuple[Any, int, list[str]]:
    """(the first visible sheet with a header row in its first ``TITLE_ROWS`` rows, that
    row, notes when it is not the first sheet or not its first row); a problem when no
    sheet has one."""
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    for ws in visible:
        for r in range(1, min(ws.max_row, TITLE_ROWS) + 1):
            if _is_header([_cell_text(c.value, c.number_format) for c in ws[r]], words):
                notes = []
                if ws is not visible[0]:
                    notes.append(f"{p.name}: read sheet {ws.title!r} (the first sheet with a "
                                 "header row)")
                if r > 1:
                    notes.append(f"{p.name}: header on row {r}; the row(s) above it taken as "
                                 "a title")
                return ws, r, notes
    names = ", ".join(repr(ws.title) for ws in visible) or "none"
    raise _problem(str(p), "a header row naming the columns (such as indicator_id or 指标名称, "
                   f"and year or 2021…) in the first {TITLE_ROWS} rows of a sheet "
                   f"(sheets: {names})")


def _grid(ws, fws, h: int, header: list[str], file: str, problems: list[Problem]
          ) -> list[list[str]]:
    """The cells below the header row ``h`` as the analyst sees them; a cell whose formula
    (in ``fws``, the sheet read for formulas) has no saved result is a problem."""
    from openpyxl.utils import get_column_letter

    width = ws.max_column
    grid: list[list[str]] = []
    for r in range(h + 1, ws.max_row + 1):
        row = []
        for j in range(1, width + 1):
            c = ws.cell(r, j)
            text = _cell_text(c.value, c.number_format)
            if c.value is None:
                f = fws.cell(r, j).value
                if isinstance(f, str) and f.startswith("="):
                    problems.append(Problem(
                        file, r, "", header[j - 1] if j <= len(header) else "", f,
                        "a value (cell " + get_column_letter(j) + str(r) + " holds a formula "
                        "with no saved result: open the file in Excel or WPS and save it)"))
            row.append(text)
        grid.append(row)
    return grid


_YEARISH = re.compile(r"^\d{4}")


def _merged(ws, h, header, grid, file, problems, words) -> None:
    """Fill merged label cells down; a merged value cell belongs to no one year: a problem."""
    for rng in ws.merged_cells.ranges:
        if rng.max_row <= h:
            continue
        top = grid[rng.min_row - h - 1][rng.min_col - 1] if rng.min_row > h else ""
        cols = [header[j - 1] for j in range(rng.min_col, rng.max_col + 1) if j <= len(header)]
        if any(_YEARISH.match(c) or c in ("value", "数值", "值") for c in cols) and top:
            problems.append(Problem(
                file, rng.min_row, "", cols[0], top,
                f"one value per cell (cells {rng.coord} are merged, so {top!r} belongs to no "
                "single year or row; unmerge them and give each cell its own value)"))
            continue
        for r in range(max(rng.min_row, h + 1), rng.max_row + 1):
            for j in range(rng.min_col, rng.max_col + 1):
                if j - 1 < len(grid[r - h - 1]) and not grid[r - h - 1][j - 1]:
                    grid[r - h - 1][j - 1] = top


def _shipped_cells(wb, sheet: str) -> dict[tuple, str]:
    """The template's record of cells it filled from shipped data: (indicator_id, column) →
    text, or (row, column) → text for a record without ids."""
    if SHIPPED_SHEET not in wb.sheetnames:
        return {}
    ws = wb[SHIPPED_SHEET]
    out: dict[tuple, str] = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        if len(row) >= 4 and row[0] == sheet and row[1] is not None:
            text = "" if row[3] is None else str(row[3])
            iid = row[4] if len(row) >= 5 and row[4] else None
            out[(iid, normalise_header(row[2])) if iid else (int(row[1]),
                                                             normalise_header(row[2]))] = text
    return out


def table_from_frame(df: pd.DataFrame, file: str = "<DataFrame>") -> Table:
    """A DataFrame given directly: row i is 'line' i + 2 as if it had been a CSV."""
    d = df.copy()
    d.columns = [normalise_header(c) for c in d.columns]
    for c in d.columns:
        d[c] = d[c].map(lambda v: "" if v is None or (isinstance(v, float) and v != v)
                        else (_number_text(v) if isinstance(v, float) else
                              v.date().isoformat() if isinstance(v, dt.datetime) else str(v)))
    return _tidy(Table(d, file, np.arange(len(d)) + 2))


__all__ = ["BLANK", "SHIPPED_SHEET", "Table", "TableError", "normalise_header", "read_table",
           "table_from_frame"]
