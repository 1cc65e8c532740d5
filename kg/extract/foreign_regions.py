"""First-level regions of foreign countries (states, provinces, counties: 某某州, 某某省, 某某郡), which the
gazetteer of China does not hold.

Real news showed two error classes (issue #13): a country glued to its state (美国 + 某某州 as one region, or a
state, a title and a person as one model span), and a state's name with its first characters dropped (the model's
克萨斯州 of 得克萨斯州, 伦比亚省 of 不列颠哥伦比亚省). A region is found here when

- jieba knows the whole word as a place name (tag ``ns``), it ends in 州, 省 or 郡 and is three characters or more
  and no region of China; place-name words right before it that are no country and no region of China belong to it
  (不列颠 + 哥伦比亚省);
- or a country name stands right before a run of two to six transliteration characters (kg/extract/data/
  transliteration_chars.txt) and 州, 省 or 郡 (某国 + 某某某省), the country being the evidence that a foreign
  region follows.

The country is never part of the region's name (tests/gold/README.md: a country before a region is a chain of two).
"""

from __future__ import annotations

from .rules import Candidate, Doc, rules

__all__ = ["foreign_regions"]

_LEVELS = "州省郡"


def foreign_regions(d: Doc, countries) -> list[Candidate]:
    """Foreign first-level regions of ``d`` (``countries``: the country candidates found in it)."""
    from .finders import is_country
    from .people import transliteration_chars

    text, regions, out = d.text, rules().regions, []
    seen = set()
    for k, (s, e, w) in enumerate(d.tokens):
        if len(w) < 3 or w[-1] not in _LEVELS or d.tag(w) != "ns" or w in regions or is_country(w):
            continue
        a = s
        while k > 0:
            ps, pe, pw = d.tokens[k - 1]
            if pe != a or d.tag(pw) != "ns" or len(pw) < 2 or pw in regions or is_country(pw):
                break
            a, k = ps, k - 1
        seen.add(e)
        out.append(Candidate(a, e, "AdministrativeRegion", "foreign", 0.9))
    chars = transliteration_chars()
    for c in countries:
        q = c.end
        while q < len(text) and q - c.end < 6 and text[q] in chars:
            q += 1
        if 2 <= q - c.end and q < len(text) and text[q] in _LEVELS and q + 1 not in seen and (q + 1) in d.ends:
            out.append(Candidate(c.end, q + 1, "AdministrativeRegion", "foreign", 0.85))
    return out
