"""holdsPost: who holds which post where, as the sentence states it.

- ``ORG[、ORG…][的]POST PERSON`` (长沙某公司董事长张三), ``PERSON POST`` after an organisation, and a bare ``POST PERSON``
  or ``公司POST PERSON`` resolved to the company named just before 公司, else the article's most mentioned
  enterprise (lower confidence, extractor ``inferred``);
- ``PERSON(于2015年)创办/创立ORG``, and ``他/她创办…`` for the person named last before: the founder (role 创办人).

Post words: kg/extract/data/posts.txt.
"""

from __future__ import annotations

import re

from kg.model import Mention, Relation
from kg.util.resources import words
from .common import ORGS, Sentence, coordinated_orgs, rel

__all__ = ["holds_post", "founder"]

_GENERIC_ORG = ("该公司", "公司", "企业", "该企业")


def holds_post(s: Sentence) -> list[Relation]:
    """holdsPost of the posts written before (or after) a person's name in the sentence."""
    return _holds_post(s.article, s.text, s.inside, s.main_org, s.evidence, s.mentions)


def founder(s: Sentence) -> list[Relation]:
    """holdsPost (role 创办人) of the person who founded an enterprise or organisation."""
    return _founder(s.article, s.text, s.inside, s.evidence, s.mentions)


def _post_at(text: str, i: int) -> str | None:
    """The post word starting at ``text[i]``, skipping one optional 的 and spaces."""
    while i < len(text) and text[i] in " 的":
        i += 1
    for w in words("posts.txt"):
        if text.startswith(w, i):
            return w
    return None


# The head of a level's people's government (县长, 副市长): in 某县委副书记、县长张三 the second post is held in the
# county government, which the text does not name, not in the party committee.
_GOVERNMENT_HEAD = re.compile(r"(常务)?副?[省市县区州盟旗乡镇]长")
# Bodies of a level that a post names only by a short word (某镇党委书记、人大主席: the town's people's congress).
_UNNAMED_BODIES = ("人大常委会", "人大", "政协", "纪委", "监委", "人武部", "工会", "妇联", "团委")


def _holds_post(article, text, inside, main_org, evidence, all_mentions=()) -> list[Relation]:
    out = []
    people = [m for m in inside if m.cls == "Person"]
    for p in people:
        # POST immediately before the person (allow a space): find which post word ends there.
        before = text[evidence[0]:p.start].rstrip(" ")
        posts = [w for w in words("posts.txt") if before.endswith(w)]
        # prefer the post after which an organisation ends (乐从镇党委|书记, not 乐从镇|党委书记)
        post = next((w for w in posts if coordinated_orgs(text, inside, evidence[0] + len(before) - len(w))),
                    posts[0] if posts else None)
        if post is None:
            # PERSON POST after an organisation: 张三董事长 is rare in news; handled by "ORG PERSON POST" below.
            post_after = _post_at(text, p.end)
            orgs = [m for m in inside if m.cls in ORGS and m.end <= p.start and text[m.end:p.start].strip(" 的") == ""]
            if post_after and orgs:
                out.append(rel(article, "holdsPost", p, orgs[-1], evidence, role=post_after))
            continue
        post_start = evidence[0] + len(before) - len(post)
        head = text[evidence[0]:post_start].rstrip(" 的")
        roles = [post]
        body = next((b for b in _UNNAMED_BODIES if head.endswith("、" + b)), None)
        if body and not coordinated_orgs(text, inside, len(head) + evidence[0]):
            roles, head = [], head[: -len(body)]  # 某镇党委书记、人大主席张三: the last post is in an unnamed body
        while head.endswith("、"):  # 某公司党委书记、董事长张三: the same organisation, two posts
            fits = [w for w in words("posts.txt") if head[:-1].endswith(w)]
            if not roles:  # after an unnamed body's post: prefer the split an organisation ends before (党委|书记)
                end = evidence[0] + len(head) - 1
                fits = [w for w in fits if coordinated_orgs(text, inside, end - len(w))] or fits
            earlier = fits[0] if fits else None
            if earlier is None:
                break
            roles.append(earlier)
            head = head[: -1 - len(earlier)].rstrip(" 的")
        orgs = coordinated_orgs(text, inside, len(head) + evidence[0])
        if orgs:
            for org in orgs:
                for role in roles:
                    if org.cls != "PartyOrganization" or not _GOVERNMENT_HEAD.fullmatch(role):
                        out.append(rel(article, "holdsPost", p, org, evidence, role=role))
        elif main_org is not None and (head.endswith(_GENERIC_ORG) or not head or head[-1] in "，,：:、 "):
            # 公司负责人X / 总经理X: the article's main enterprise, inferred; 公司 after a company named earlier
            # (…向某某有限公司发放贷款，公司负责人X) is that company, not a bank or agency named before it.
            org = _named_company(head, all_mentions, post_start) or main_org
            out += [rel(article, "holdsPost", p, org, evidence, role=role, confidence=0.6, extractor="inferred")
                    for role in roles]
    return out


# 张三创办某某公司, 他2015年创立了某某合作社: the founder holds a post at what they founded (role 创办人).
_FOUNDED = re.compile(r"\s*(?:于?[0-9０-９]{4}年(?:[0-9]{1,2}月)?)?\s*(?:创办|创立|创建|一手创办)了?\s*")
_PRONOUNS = ("他", "她")


def _founder(article, text, inside, evidence, all_mentions) -> list[Relation]:
    out = []
    for org in (m for m in inside if m.cls in ("Enterprise", "Organization")):
        found = next((m for m in _FOUNDED.finditer(text, evidence[0], org.start) if m.end() == org.start), None)
        if found is None:
            continue
        before = text[evidence[0]:found.start()]
        person = next((m for m in inside if m.cls == "Person" and m.end == evidence[0] + len(before)), None)
        if person is None and before.endswith(_PRONOUNS):  # 他创办…: the person named last before the pronoun
            named = [m for m in all_mentions if m.cls == "Person" and m.end <= found.start() - 1]
            person = named[-1] if named else None
            if person is not None and person.sentence < org.sentence - 2:
                person = None  # too far back to be what 他 refers to
        if person is not None:
            out.append(rel(article, "holdsPost", person, org, evidence, role="创办人", confidence=0.8))
    return out


def _named_company(head: str, mentions, before: int) -> Mention | None:
    """The company a generic 公司/该公司 at the end of ``head`` refers to: the nearest enterprise named before
    ``before`` whose name ends with 公司."""
    if not head.endswith(("公司", "该公司")):
        return None
    named = [m for m in mentions if m.cls == "Enterprise" and m.end <= before - 2 and m.text.endswith("公司")]
    return named[-1] if named else None
