"""One sense per article: a name written several times in one article is one entity there.

The learned model types each occurrence of a name on its own, so one story may give 某某 (a foreign leader) a Person
mention, an AdministrativeRegion mention and an Enterprise mention, and linking then made three nodes of one man.
Before linking, the occurrences of one surface form in one article vote for a class: an occurrence found by a rule
(a gazetteer or country name, a suffix word, a title next to a person, a quoted programme, a region named inside a
longer name) weighs more than one only the model or jieba's tags found; a title right before the name (总统, 记者:
the person cues of kg/extract/data/person_cues.tsv, title_cues.tsv and posts.txt) or a form of address right after
it (kg/link/data/address_titles.txt: 某某总统) votes for the person sense, when one occurrence has it, whatever that
occurrence was typed; a name the gazetteer knows in full, or the list of foreign places, votes for the place sense.
The occurrences only the model or jieba typed take the winning class (and its region code); an occurrence a rule
typed keeps its own class, so that two senses each backed by a rule stay two entities, and a place and a region
never trade classes here (a sea and the district named like it: the region's code and
kg.link.shortforms.join_locations decide). A tie goes to the class of the first occurrence, where news introduces a
name with its title. Different surface forms are never compared: 北京 and 北京市政府 keep their classes.

>>> from kg.model import ORGANISATIONS, Mention
>>> t = "俄罗斯总统普京表示，普京说。"
>>> ms = [Mention("a", 5, 7, 5, 7, "Person", "普京", "ner"), Mention("a", 10, 12, 10, 12, "Enterprise", "普京", "ner")]
>>> [m.cls for m in one_sense(t, ms)]
['Person', 'Person']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache

from kg.model import ORGANISATIONS, Mention
from kg.util.resources import words

__all__ = ["one_sense", "one_class_across", "WEAK"]

WEAK = frozenset({"ner", "jieba"})  # extractors whose class is a tag, no rule's evidence
_TAGGED = WEAK | {"role"}  # extractors whose class a build's evidence may change (role: a person by the verb after it)
_WORK = "《"  # a title mark: a work, a document or a programme's own title
_QUOTE = "quote"  # a quoted name (“某某”): a programme by default, whatever another rule of the build says it is
_RULE, _TAG, _CUE = 2, 1, 2  # the weight of an occurrence a rule typed, one a tag typed, a person cue


@lru_cache(maxsize=1)
def _titles_after() -> tuple[str, ...]:
    return tuple(sorted(words("address_titles.txt"), key=len, reverse=True))


def _person_cue(text: str, m: Mention, people: frozenset[int]) -> bool:
    """A title or role word right before the occurrence (总统某某, 记者某某) or a head of state's form of address right
    after it (某某总统), unless a person's name follows that title (某地总统某某: the title is that person's, the
    occurrence a place). ``people``: where the article's person mentions start."""
    from kg.extract.rules import rules

    before = rules().cue_before
    if any(text[m.start - n:m.start] in before for n in range(2, 9) if m.start - n >= 0):
        return True
    title = next((t for t in _titles_after() if text.startswith(t, m.end)), None)
    return title is not None and m.end + len(title) not in people


_PLACES = frozenset({"AdministrativeRegion", "Place"})


def _known_place(name: str) -> bool:
    """A region of China by its full name (the gazetteer; a short form such as a district's name without 区 is as
    often a company's or a sea's), a country or a foreign city or region (kg.extract.foreign_regions)."""
    from kg.extract import gazetteer
    from kg.extract.foreign_regions import is_foreign_place

    region = gazetteer.resolve(name, [])
    return region is not None and region.name == name or is_foreign_place(name)


def one_sense(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` (the mentions of one article, whose normalised text is ``text``) with the occurrences of a surface
    form that only a tag typed given the class the article's occurrences of that form vote for."""
    by_text: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        if len(m.text) >= 2:
            by_text[m.text].append(m)
    new: dict[tuple[int, int], Mention] = {}
    people = frozenset(m.start for m in found if m.cls == "Person")
    for ms in by_text.values():
        classes = {m.cls for m in ms}
        if len(classes) < 2:
            continue
        ms = sorted(ms, key=lambda m: (m.start, m.end))
        best = _sense(text, ms, classes, people)
        model = next(m for m in ms if m.cls == best)  # the winning class is always one an occurrence has
        code = next((m.code for m in ms if m.cls == best and m.code), None)
        for m in ms:
            if m.cls != best and m.extractor in WEAK and m.cls != "Person" and not {m.cls, best} <= _PLACES:
                new[(m.start, m.end)] = replace(m, cls=best, code=code, subtype=model.subtype)
    return [new.get((m.start, m.end), m) for m in found] if new else found


def _sense(text: str, ms: list[Mention], classes: set[str], people: frozenset[int]) -> str:
    """The class the occurrences ``ms`` of one name vote for. The person sense needs more than tags (a rule's
    person or a title next to one occurrence) and never wins for a name known as a place."""
    votes: dict[str, int] = defaultdict(int)
    cued = False
    for m in ms:
        votes[m.cls] += _TAG if m.extractor in WEAK else _RULE
        if "Person" in classes and _person_cue(text, m, people):
            votes["Person"] += _CUE
            cued = True
    place = _known_place(ms[0].text)
    for c in classes & _PLACES:
        votes[c] += _RULE if place else 0
    if "Person" in votes and (place or not cued and all(m.extractor in WEAK for m in ms if m.cls == "Person")):
        del votes["Person"]  # a tagged person's name stays a person where it was tagged, and nowhere else
    first = ms[0].cls
    return max(votes, key=lambda c: (votes[c], c == first, c))



_GROUPS = {"AdministrativeRegion": "place", "Place": "place"} | dict.fromkeys(ORGANISATIONS, "org")
# (classes one node may carry: kg.link joins them)


def one_class_across(texts: dict[str, str], found: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """One sense per name across the build: the occurrences of a name that only a tag typed (the model's Enterprise
    or AdministrativeRegion for a leader's name, its Person for an army or a city) take the class the rest of the
    build gives the name by evidence, when that evidence is in two or more articles, in at least twice as many
    articles as name it only otherwise, and no article gives the name another class by evidence. Evidence is a
    rule's class (a gazetteer, a suffix word, a quoted name; not a person the verb after a name suggests, 某军方称)
    or, for a person, a title or role right before the name (总统某某, 记者某某); a name the gazetteer or the list
    of foreign places knows is never made a person. Places and regions, and the organisation classes, count as one
    (linking joins them). A tagged person is never made an organisation (陆军 of 陆军少将某某 would join the army of
    another country the story names). ``texts`` and ``found``: the normalised text and the mentions (after :func:`one_sense`) of
    each article; the result maps the articles that change."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # name -> group -> articles
    backed: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    quoted: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # a quoted name's default class
    works: set[tuple[str, str]] = set()  # (name, article): a title in 《》 there
    model: dict[str, dict[str, Mention]] = defaultdict(dict)  # name -> group -> a mention that gives it by evidence
    for art in sorted(found):
        ms = found[art]
        people = frozenset(m.start for m in ms if m.cls == "Person")
        for m in ms:
            if len(m.text) < 2:
                continue
            group = _GROUPS.get(m.cls, m.cls)
            seen[m.text][group].add(art)
            if m.extractor == _QUOTE:
                quoted[m.text][group].add(art)
                model[m.text].setdefault(group, m)
                if texts[art][m.start - 1:m.start] == _WORK:
                    works.add((m.text, art))
            elif (m.extractor not in WEAK and m.extractor != "role") or (
                    m.cls == "Person" and _person_cue(texts[art], m, people)):
                backed[m.text][group].add(art)
                model[m.text].setdefault(group, m)
    # a quote's class yields to another rule's (not a work's title in its article: 《某某事变》 the opera is no incident;
    # nor to a place the gazetteer knows by a short form only: “某某” the brand and the district 某某区)
    overruled = {name for name in quoted if name in backed
                 and (set(backed[name]) != {"place"} or _known_place(name))}
    for name, groups in quoted.items():
        for group, arts in groups.items():
            if name not in overruled:
                backed[name][group] |= arts
    target: dict[str, Mention] = {}
    for name, groups in backed.items():
        if len(groups) != 1 or len(seen[name]) < 2:
            continue
        (group, arts), = groups.items()
        only_other = set().union(*(a for g, a in seen[name].items() if g != group)) - seen[name][group]
        if len(arts) >= 2 and len(seen[name][group]) >= 2 * len(only_other) \
                and not (group == "Person" and _known_place(name)):
            target[name] = model[name][group]
    tagged, insists = _tag_majority(seen, {n: {**backed.get(n, {}), **quoted.get(n, {})} for n in seen}, found,
                                    set(target))
    target.update(tagged)

    def retyped(m: Mention, art: str) -> Mention:
        t = target.get(m.text)
        if t is None or not (m.extractor in _TAGGED or (m.extractor == _QUOTE and m.text in overruled)) \
                or (m.text, art) in insists or (m.text, art) in works or _GROUPS.get(m.cls, m.cls) == _GROUPS.get(t.cls, t.cls) \
                or (m.cls == "Person" and t.cls in ORGANISATIONS):  # (陆军少将某某: a title's word, no army to join)
            return m
        return replace(m, cls=t.cls, code=t.code, subtype=t.subtype)

    out: dict[str, list[Mention]] = {}
    for art, ms in found.items():
        new = [retyped(m, art) for m in ms]
        if any(a is not b for a, b in zip(new, ms)):
            out[art] = new
    return out


_MAJORITY, _MAJORITY_RATIO = 3, 4  # articles a tagged class needs, and how many times those naming it only otherwise


def _tag_majority(seen: dict[str, dict[str, set[str]]], backed: dict[str, dict[str, set[str]]],
                  found: dict[str, list[Mention]], decided: set[str]
                  ) -> tuple[dict[str, Mention], set[tuple[str, str]]]:
    """The class the tags of the build give a name no evidence types otherwise: when one class (group) is tagged in
    :data:`_MAJORITY` or more articles and :data:`_MAJORITY_RATIO` times as many as name it only otherwise, and no
    article gives the name another class by evidence, that class (a foreign name the model tags a person in twenty
    stories and a company in one; a city it tags a region in eight and a person in one). A name the gazetteer or the
    list of foreign places knows is never made a person, and an article whose own tags give the name another class
    two or more times and more often than that class keeps its sense (江淮 the carmaker in a story about its cars,
    the region elsewhere). ``decided``: names the evidence already types. Returns the class's model mention of each
    name and the (name, article) pairs that keep their sense."""
    out: dict[str, Mention] = {}
    insists: set[tuple[str, str]] = set()
    for name in sorted(set(seen) - decided):
        groups = seen[name]
        if len(groups) < 2:
            continue
        group = max(groups, key=lambda g: (len(groups[g]), g))
        only_other = set().union(*(a for g, a in groups.items() if g != group)) - groups[group]
        if set(backed.get(name, {})) - {group} or len(groups[group]) < _MAJORITY \
                or len(groups[group]) < _MAJORITY_RATIO * len(only_other) \
                or (group == "Person" and _known_place(name)):
            continue
        art = min(groups[group])
        out[name] = next(m for m in found[art] if m.text == name and _GROUPS.get(m.cls, m.cls) == group)
        for other in set().union(*(a for g, a in groups.items() if g != group)):
            votes = Counter(_GROUPS.get(m.cls, m.cls) == group for m in found[other] if m.text == name)
            if votes[False] >= 2 and votes[False] > votes[True]:
                insists.add((name, other))
    return out, insists
