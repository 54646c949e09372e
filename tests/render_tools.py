"""What the render tests need from the machine."""

from __future__ import annotations

import os


def missing(*tools: str) -> bool:
    """Whether a render test's tools (chromium, soffice, pdftotext) are missing: True
    skips it on a developer's machine; in CI (``JXDIGITAL_RENDERS=required``, set by
    ``.ci/run``, which installs them) a missing tool is an error, never a skip."""
    import shutil

    gone = [t for t in tools if shutil.which(t) is None]
    if gone and os.environ.get("JXDIGITAL_RENDERS") == "required":
        raise RuntimeError(f"render tests need {', '.join(gone)}; .ci/run installs them")
    return bool(gone)
