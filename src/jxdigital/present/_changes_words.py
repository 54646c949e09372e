"""What changed since the last report, in words (Chinese and English): the lines a
scheduled job's report opens with. ``CHANGES[key][lang]`` is a template."""

from __future__ import annotations

import math

from ..assessment import Changes, SeriesKey
from . import _phrases as P
from . import _text as T
from ._names import series_names

CHANGES: dict[str, dict[str, str]] = {
    "head": {"zh": "与上次报告（{date}）相比", "en": "Since the last report ({date})"},
    "nothing": {"zh": "所用数据和各项目标的判断均无变化。",
                "en": "Nothing changed: the same figures and the same judgements."},
    "added": {"zh": "新增数据：{name}{year}年{value}（{source}）",
              "en": "New figure: {name}, {year}: {value} ({source})"},
    "revised": {"zh": "数据修订：{name}{year}年由{old}改为{value}（{source}）",
                "en": "Revised: {name}, {year}: {old} → {value} ({source})"},
    "dropped": {"zh": "不再使用：{name}{year}年{old}",
                "en": "No longer used: {name}, {year}: {old}"},
    "verdict": {"zh": "{name}：{old}→{new}（{why}）", "en": "{name}: {old} → {new} ({why})"},
    "status": {"zh": "{name}：{old}→{new}（{why}）", "en": "{name}: {old} → {new} ({why})"},
    "p_met": {"zh": "{name}：达标概率{old}→{new}（{why}）",
              "en": "{name}: P(met) {old} → {new} ({why})"},
    "why_sep": {"zh": "、", "en": "; "},
    "new_figure": {"zh": "有新数据", "en": "a new figure"},
    "revised_figure": {"zh": "数据修订", "en": "a revised figure"},
    "dropped_figure": {"zh": "数据不再使用", "en": "a figure no longer used"},
    "new_evidence_kind": {"zh": "依据类型变化", "en": "another kind of evidence"},
    "model_change": {"zh": "模型更新", "en": "a model change"},
    "time": {"zh": "评估日期推移", "en": "time passing"},
}


def _say(key: str, lang: str, **fields) -> str:
    return P.say(CHANGES, key, lang, **fields)


def change_lines(c: Changes, names: dict[str, str], lang: str) -> tuple[str, tuple[str, ...]]:
    """(the heading, one line per change) of ``c``; ``names``: each target's name by key."""
    if not c.any:
        return _say("head", lang, date=c.since), (_say("nothing", lang),)
    lines = []
    for f in c.figures:
        zh, en = series_names(SeriesKey(f.indicator_id, f.region), f.region)
        name = zh if lang == "zh" else en
        value = T.figure(f.new, f.unit, f.qualifier, lang) if math.isfinite(f.new) else "—"
        old = T.figure(f.old, f.unit, "exact", lang) if math.isfinite(f.old) else "—"
        lines.append(_say(f.kind, lang, name=name, year=f.year, value=value, old=old,
                          source=f.source or "—"))
    for t in c.targets:
        why = _say("why_sep", lang).join(_say(w, lang) for w in t.why)
        name = names.get(t.key, t.key)
        if t.what == "p_met":
            lines.append(_say("p_met", lang, name=name, old=T.prob(t.p_old, lang),
                              new=T.prob(t.p_new, lang), why=why))
        else:
            lines.append(_say(t.what, lang, name=name, old=P.VERDICT[lang].get(t.old, t.old),
                              new=P.VERDICT[lang].get(t.new, t.new), why=why))
    return _say("head", lang, date=c.since), tuple(lines)
