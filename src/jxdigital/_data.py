"""Find the data files shipped with the package (inside the wheel, or the repo's data/)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a shipped data file, e.g. ``data_path("indicators.csv")``."""
    packaged = Path(str(resources.files("jxdigital"))) / "data" / name
    if packaged.is_file():
        return packaged
    # An editable install of the source tree: data/ sits at the repository root.
    in_repo = Path(__file__).resolve().parents[2] / "data" / name
    if in_repo.is_file():
        return in_repo
    raise FileNotFoundError(
        f"jxdigital data file {name!r} not found in the package ({packaged}) or the "
        f"source tree ({in_repo}); reinstall jxdigital"
    )
