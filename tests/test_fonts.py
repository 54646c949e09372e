"""The shipped CJK chart font renders every indicator label, and font_rc() stays local."""

from __future__ import annotations

import csv
import io
import logging
import warnings
from pathlib import Path

import matplotlib
import pytest
from fontTools.ttLib import TTFont
from matplotlib.figure import Figure

from jxdigital._fonts import FAMILY, cjk_families, font_path, font_rc

INDICATORS = Path(__file__).resolve().parents[1] / "data" / "indicators.csv"
EXTRA = ["数字经济增加值（亿元）", "≥", "≤", "—", "‰", "→", "赣服通", "鄱阳",
         "−3.2%", "“示例”·…", "①⑩", "±×÷°", "％～"]


def _labels() -> list[str]:
    with INDICATORS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows, "indicators.csv is empty"
    names = {r["name_zh"] for r in rows if r["name_zh"]}
    units = {r["unit"] for r in rows if r["unit"]}
    assert len(names) > 10 and "亿元" in units
    return sorted(names) + sorted(units) + EXTRA


LABELS = _labels()


@pytest.fixture(scope="module")
def cmap() -> dict[int, str]:
    with TTFont(font_path(), lazy=True) as font:
        return font.getBestCmap()


def test_every_label_renders_without_missing_glyphs(caplog):
    labels = LABELS
    with warnings.catch_warnings(), matplotlib.rc_context(font_rc()):
        warnings.simplefilter("error")  # "Glyph NNNN missing from font(s) ..." becomes an error
        caplog.set_level(logging.WARNING, logger="matplotlib.font_manager")
        fig = Figure(figsize=(12, 40))
        ax = fig.add_subplot()
        ax.set_title("数字经济增加值（亿元） ≥ ≤ — ‰ → 赣服通 鄱阳")
        ax.set_xlabel(" ".join(labels[:5]))
        ax.set_ylabel(" · ".join(sorted({lab for lab in labels if len(lab) <= 4})))
        ax.set_yticks(range(len(labels)), labels)
        ax.set_xticks([-1, 0, 1], ["−1", "0", "1"])
        ax.plot([-1, 1], [0, len(labels) - 1], label="实际 ≥ 目标 —")
        ax.legend()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=40)  # drawing happens here, inside both contexts
    assert buf.getvalue()[:8] == b"\x89PNG\r\n\x1a\n" and len(buf.getvalue()) > 10_000
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]


def test_missing_glyph_check_can_fail():
    """Sanity check of the test above: DejaVu alone does raise on the same labels."""
    with (warnings.catch_warnings(), matplotlib.rc_context({"font.family": ["DejaVu Sans"]}),
          pytest.raises(UserWarning, match=r"Glyph .* missing")):
        warnings.simplefilter("error")
        fig = Figure()
        fig.add_subplot().set_title(LABELS[0])
        fig.savefig(io.BytesIO(), format="png")


def test_font_cmap_covers_every_label(cmap):
    needed = {ch for label in LABELS for ch in label}
    missing = sorted(ch for ch in needed if ord(ch) not in cmap)
    assert not missing, f"characters missing from {font_path().name}: {''.join(missing)}"
    assert 0x2212 in cmap  # why font_rc() leaves axes.unicode_minus at its default


def test_font_rc_leaves_global_rcparams_alone():
    # A distinctive starting state, so that a font_rc() that wrote to the global rcParams would
    # be caught even if an earlier test had already called it.
    with matplotlib.rc_context({"font.family": ["DejaVu Serif"], "pdf.fonttype": 42}):
        before = dict(matplotlib.rcParams)
        with matplotlib.rc_context(font_rc()):
            assert matplotlib.rcParams["font.family"][0] == FAMILY
            assert matplotlib.rcParams["pdf.fonttype"] == 3
        after = dict(matplotlib.rcParams)
        assert after["font.family"] == before["font.family"] == ["DejaVu Serif"]
        assert after == before
        font_rc()  # calling it outside a with-block changes nothing either
        assert dict(matplotlib.rcParams) == before


def test_font_family_name(cmap):
    font = TTFont(font_path(), lazy=True)
    request_close = font.close  # a lazy font keeps its file open until closed
    name = font["name"]
    assert name.getDebugName(1) == FAMILY
    assert name.getDebugName(16) == FAMILY
    assert name.getDebugName(6) == "JXDSansSC-Regular"
    assert "Noto" not in " ".join(n.toUnicode() for n in name.names if n.nameID in (1, 4, 6, 16))
    assert "CFF " in font  # CFF outlines kept
    assert name.getDebugName(13).startswith("This Font Software is licensed under the SIL Open")
    request_close()


def test_matplotlib_resolves_the_family_to_the_shipped_file():
    from matplotlib import font_manager

    fams = cjk_families()
    assert fams == [FAMILY, "DejaVu Sans"]
    assert cjk_families() == fams  # idempotent
    n = sum(e.name == FAMILY for e in font_manager.fontManager.ttflist)
    cjk_families()
    assert sum(e.name == FAMILY for e in font_manager.fontManager.ttflist) == n  # no duplicates
    found = font_manager.findfont(font_manager.FontProperties(family=FAMILY),
                                  fallback_to_default=False)
    assert Path(found).resolve() == font_path().resolve()


def test_licence_and_readme_ship_next_to_the_font():
    fonts = font_path().parent
    ofl = (fonts / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in ofl
    assert "with Reserved Font Name 'Source'" in ofl
    assert "make_font.py" in (fonts / "README.md").read_text(encoding="utf-8")
