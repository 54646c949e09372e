"""Region codes: lowercase pinyin of the province (``jiangxi``), ``china`` for the country,
and Jiangxi's 11 设区市 (``nanchang`` … ``shangrao``).

Files may name a region as the code, the Chinese name with or without 省/市/自治区
(``江西``, ``江西省``, ``赣州市``) or the English name in any case (``Jiangxi``). A code not in
this table is accepted when it is lowercase ASCII (``nanchang-hi-tech``): a city or district
the user defines; anything else is an error that says what a code is.

Two of Jiangxi's cities share their pinyin with another prefecture-level city (抚州 and
福建's 福州, 宜春 and 黑龙江's 伊春), so their codes carry ``_jx``: a user's ``fuzhou`` is
never silently named 抚州.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

#: code → Chinese short name. Provincial-level divisions and the country.
REGIONS: Mapping[str, str] = MappingProxyType({
    "china": "全国", "beijing": "北京", "tianjin": "天津", "hebei": "河北", "shanxi": "山西",
    "inner_mongolia": "内蒙古", "liaoning": "辽宁", "jilin": "吉林", "heilongjiang": "黑龙江",
    "shanghai": "上海", "jiangsu": "江苏", "zhejiang": "浙江", "anhui": "安徽",
    "fujian": "福建", "jiangxi": "江西", "shandong": "山东", "henan": "河南", "hubei": "湖北",
    "hunan": "湖南", "guangdong": "广东", "guangxi": "广西", "hainan": "海南",
    "chongqing": "重庆", "sichuan": "四川", "guizhou": "贵州", "yunnan": "云南",
    "tibet": "西藏", "shaanxi": "陕西", "gansu": "甘肃", "qinghai": "青海", "ningxia": "宁夏",
    "xinjiang": "新疆", "hong_kong": "香港", "macao": "澳门", "taiwan": "台湾",
})
#: Jiangxi's 设区市 (prefecture-level cities), in the order of the provincial yearbook.
CITIES: Mapping[str, str] = MappingProxyType({
    "nanchang": "南昌", "jingdezhen": "景德镇", "pingxiang": "萍乡", "jiujiang": "九江",
    "xinyu": "新余", "yingtan": "鹰潭", "ganzhou": "赣州", "jian": "吉安", "yichun_jx": "宜春",
    "fuzhou_jx": "抚州", "shangrao": "上饶",
})
#: English names where the code's letters are not the name.
_EN = {"china": "China", "inner_mongolia": "Inner Mongolia", "hong_kong": "Hong Kong",
       "tibet": "Tibet", "jian": "Ji'an", "yichun_jx": "Yichun", "fuzhou_jx": "Fuzhou"}
_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
_BY_NAME = {name: code for code, name in {**REGIONS, **CITIES}.items()}
_BY_NAME.update({"中国": "china", "全国": "china", "内蒙古": "inner_mongolia"})
_CODE = re.compile(r"^[a-z][a-z0-9_-]*$")

EXPECTED = ("a region: a code in lowercase pinyin such as jiangxi, zhejiang, china or "
            "ganzhou, a province name such as 江西, 浙江省 or Zhejiang, or one of Jiangxi's "
            "设区市 such as 赣州市")


def region_code(text: str) -> str | None:
    """The region code a file's text means, or None when it is not a region."""
    s = unicodedata.normalize("NFKC", str(text)).strip()
    if s in REGIONS or s in CITIES or (_CODE.match(s) and len(s) <= 64):
        return s
    low = re.sub(r"[\s-]+", "_", s.lower())
    if low in REGIONS or low in CITIES:
        return low
    if low in ("inner_mongolia", "neimenggu", "nei_mongol"):
        return "inner_mongolia"
    if low in ("xizang",):
        return "tibet"
    if low in ("macau",):
        return "macao"
    for suffix in ("", *_SUFFIXES):
        name = s.removesuffix(suffix) if suffix else s
        if name in _BY_NAME:
            return _BY_NAME[name]
    return None


#: Every known region's name by language: the Chinese, and the English (the code's letters
#: where they are the name).
_NAMES: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "zh": MappingProxyType({**REGIONS, **CITIES}),
    "en": MappingProxyType({code: _EN.get(code) or code.replace("_", " ").title()
                            for code in {**REGIONS, **CITIES}}),
})


def region_name(code: str, lang: str = "zh") -> str:
    """The name of a region code in ``lang`` (Chinese or English; another language reads
    the English); the code itself for a region the user defined."""
    return _NAMES.get(lang, _NAMES["en"]).get(code, code)
