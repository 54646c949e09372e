"""Write files whole or not at all: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import JxDigitalError


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path in ``path``'s folder; on success rename it to ``path``.

    If the block raises, the temporary file is removed and ``path`` is left as it was, so
    a scheduled job that fails midway never leaves a half-written report behind.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"folder {str(path.parent)!r} does not exist (for {path.name})")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    os.chmod(tmp, 0o644)  # mkstemp makes 0600; reports are ordinary shared files
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(path: str | os.PathLike, text: str) -> Path:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


class ReplaceError(JxDigitalError, OSError):
    """``replace_files`` could not move ``path`` (``cause`` says why). ``restored`` is
    True when every file was put back exactly as it was; when even that failed, the old
    files that could not go back are kept in ``backup``."""

    def __init__(self, path: Path, cause: OSError, restored: bool, backup: Path | None):
        super().__init__(f"could not replace {str(path)!r}: {cause}")
        self.path, self.cause, self.restored, self.backup = path, cause, restored, backup


def replace_files(folder: str | os.PathLike, new: dict[str, Path], old: list[str]) -> None:
    """Make ``folder`` hold the staged files ``new`` ({relative name: file on the same
    disk}) in place of its files named in ``old`` (relative names; those not written
    again are removed), all or nothing.

    The old files move to a backup folder inside ``folder`` first (a file another program
    holds open, such as a workbook open in Excel on Windows, fails here, before anything
    changed), then the new ones move in, then the backup is deleted. If any rename fails,
    whatever moved is moved back, so ``folder`` is left exactly as it was, and
    ``ReplaceError`` names the file. Files of ``folder`` not named in ``new`` or ``old``
    are never touched.
    """
    folder = Path(folder)
    backup = Path(tempfile.mkdtemp(prefix=".jxdigital-old-", dir=folder))
    made: list[Path] = []  # folders made here, removed again on failure
    out: list[tuple[Path, Path]] = []  # (file, its backup)
    moved_in: list[Path] = []
    current = folder
    try:
        for name in old:
            current = folder / name
            keep = backup / name
            keep.parent.mkdir(parents=True, exist_ok=True)
            os.replace(current, keep)
            out.append((current, keep))
        for name, src in new.items():
            current = folder / name
            for parent in reversed(current.relative_to(folder).parents[:-1]):
                if not (folder / parent).is_dir():
                    (folder / parent).mkdir()
                    made.append(folder / parent)
            os.replace(src, current)
            moved_in.append(current)
    except OSError as e:
        restored = _undo(moved_in, out, made)
        if restored:
            shutil.rmtree(backup, ignore_errors=True)
        raise ReplaceError(current, e, restored, None if restored else backup) from e
    shutil.rmtree(backup, ignore_errors=True)


def _undo(moved_in: list[Path], out: list[tuple[Path, Path]], made: list[Path]) -> bool:
    """Put a folder back as it was after a failed ``replace_files``: the files moved in
    removed, the old ones moved back from their backup, the folders made removed. Returns
    whether every file went back."""
    restored = True
    for p in reversed(moved_in):
        try:
            p.unlink()
        except OSError:
            restored = False
    for p, keep in reversed(out):
        try:
            os.replace(keep, p)
        except OSError:
            restored = False
    for d in reversed(made):
        with contextlib.suppress(OSError):
            d.rmdir()
    return restored
