"""Relations read from names, once per article: an organisation or place whose name starts with a region of the
article is locatedIn it (某市总工会 -> 某市), except the party body of an organisation named in the article (某大学党委:
the region locates the university); a branch also by the region before its branch word (某银行株洲分行 -> 株洲); an
organisation named as another one plus a unit word (某大学党委, 某部某某司) is its subOrganizationOf.
"""

from __future__ import annotations

from kg.model import Mention, Relation
from kg.util.resources import words
from kg.util.sentences import sentences
from .common import ORGS, longest_nearest, rel, sentence_of
from .common import by_text as _by_text

__all__ = ["name_prefix", "sub_orgs"]

_BRANCHES = ("分公司", "分行", "支行", "支公司", "营业部")


def name_prefix(article, mentions: list[Mention]) -> list[Relation]:
    """locatedIn of the names that start with (or, for a branch, hold) a region of the article."""
    return _name_prefix(article, mentions)


def sub_orgs(article, mentions: list[Mention]) -> list[Relation]:
    """subOrganizationOf of the names made of another organisation's name and a unit word."""
    return _sub_orgs(article, mentions)


def _name_prefix(article, mentions) -> list[Relation]:
    """An organisation or place whose name starts with a region named in the article (as a mention nested in it or
    written elsewhere) is located there: 株洲市总工会 -> 株洲市, 某村党支部 -> 某村. Branches also by the region
    before their branch word (某银行株洲分行 -> 株洲)."""
    out, seen = [], set()
    regions = [m for m in mentions if m.cls == "AdministrativeRegion"]
    by_text = _by_text(regions)
    org_texts = {o.text for o in mentions if o.cls in ORGS}
    spans = sentences(article.text)
    for m in mentions:
        if (m.cls not in ORGS and m.cls != "Place") or m.text in seen or _party_of_org(m, org_texts):
            continue  # 某大学党委: the region at its start locates the university, whose committee it is
        seen.add(m.text)
        cands = sorted((r for n in range(1, len(m.text)) for r in by_text.get(m.text[:n], ())
                        if _prefix_ok(m.text, r.text)), key=lambda r: r.start)  # the regions it starts with
        if m.text.endswith(_BRANCHES):
            cands += [r for r in regions if r.text != m.text and _infix_ok(m.text, r.text)]
        if not cands:
            continue
        r = longest_nearest(cands, m)
        out.append(rel(article, "locatedIn", m, r, sentence_of(spans, m), confidence=0.85, extractor="name-prefix"))
    return out


_PARTY_UNITS = ("机关党委", "党工委", "党总支", "党支部", "党委", "党组")


def _party_of_org(m: Mention, org_texts: set[str]) -> bool:
    """True when ``m`` is the party body of another organisation named in the article (某大学 + 党委);
    ``org_texts``: the texts of the article's organisation mentions."""
    unit = next((u for u in _PARTY_UNITS if m.text.endswith(u)), None)
    stem = m.text[: -len(unit)] if unit else ""
    return m.cls == "PartyOrganization" and len(stem) >= 2 and stem in org_texts


_UNITS = ("机关党委", "党工委", "党总支", "党支部", "党委", "党组", "分公司", "子公司", "支公司", "分行", "支行",
          "营业部", "分局", "司", "处", "研究院", "学院", "办公室")


def _sub_orgs(article, mentions) -> list[Relation]:
    """An organisation named as another one plus a unit word (某部某某司, 某大学党委, 某公司株洲分公司) is its
    sub-organisation, when both are mentions of the article."""
    out, seen = [], set()
    orgs = [m for m in mentions if m.cls in ORGS]
    by_text = _by_text(orgs)
    spans = sentences(article.text)
    for a in orgs:
        if a.text in seen:
            continue
        seen.add(a.text)
        if not a.text.endswith(_UNITS):
            continue
        parents = sorted((b for n in range(2, len(a.text) - 1) for b in by_text.get(a.text[:n], ())),
                         key=lambda b: b.start)  # the organisations the name starts with, looked up by text
        if not parents:
            continue
        b = longest_nearest(parents, a)
        out.append(rel(article, "subOrganizationOf", a, b, sentence_of(spans, a), confidence=0.85, extractor="name"))
    return out


def _prefix_ok(name: str, region: str) -> bool:
    if not name.startswith(region) or len(name) - len(region) < 2:
        return False
    rest = name[len(region):]
    if region.endswith("市") and rest.startswith("场"):
        return False  # 岳阳市场监督管理局 is 岳阳 + 市场…
    if rest[0] in "市县区省州盟旗":
        return False  # 株洲 + 市总工会: the name's region is 株洲市, not the mention 株洲
    return rest[0] not in words("landform_chars.txt")  # 浏阳河…: a natural feature, not the region


def _infix_ok(name: str, region: str) -> bool:
    for b in _BRANCHES:
        if name.endswith(b):
            stem = name[: -len(b)]
            for qualifier in ("", "中心"):
                if stem.endswith(region + qualifier) and len(stem) > len(region) + 2:
                    return True
    return False
