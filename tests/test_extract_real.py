"""Error classes that real news showed (issue #13), each on invented text: class by decision 22 (parties of any
country, armies, embassies, 政协), bodies named after a country kept whole, sides and bilateral short forms no
names, landforms and large regions Places. The model's spans are injected (monkeypatched kg.learned.spans).
"""

import pytest
from invented import article

from kg import extract, learned, orgclass


def found(text: str, ner: str = "auto") -> set[tuple[str, str]]:
    return {(m.text, m.cls) for m in extract.mentions(article(text, aid="t-0"), ner=ner)}


@pytest.fixture
def model_says(monkeypatch):
    def say(text: str, *tagged: tuple[str, str]):
        got = [(text.index(w), text.index(w) + len(w), label) for w, label in tagged]
        monkeypatch.setattr(learned, "spans", lambda t: got if t == text else [])
        return found(text)
    return say


@pytest.mark.parametrize("name, given, cls", [
    ("某某人民联盟党", "Organization", "PartyOrganization"),  # a party of any country
    ("某国共产党中央委员会", "GovernmentBody", "PartyOrganization"),  # a party body
    ("中央书记处", "Organization", "PartyOrganization"),
    ("中共某某委员会", "GovernmentBody", "PartyOrganization"),
    ("中央气象台", "Organization", "Organization"),  # 中央 + a service, no party body
    ("中央军委", "PartyOrganization", "GovernmentBody"),
    ("全国政协", "GovernmentBody", "Organization"),
    ("某某军区", "Organization", "GovernmentBody"),
    ("某国驻某城总领馆", "Organization", "GovernmentBody"),
    ("世界某某银行", "Enterprise", "Organization"),  # an international organisation, no company
    ("某某科技有限公司", "Enterprise", "Enterprise"),
    ("某某职业学院", "Organization", "Organization"),
    ("新城", "AdministrativeRegion", "AdministrativeRegion"),  # no organisation: untouched
])
def test_organisation_class_by_how_the_name_begins_or_ends(name, given, cls):
    assert orgclass.classed(name, given) == cls


def test_model_organisation_typed_by_decision_22(model_says):
    text = "卡塔尔民族联盟党主席今天会见了代表团。"
    assert ("卡塔尔民族联盟党", "PartyOrganization") in model_says(text, ("卡塔尔民族联盟党", "org"))


def test_a_party_or_embassy_named_after_a_country_is_one_name():
    got = found("斐济工人进步党主席和挪威驻斐济大使馆参赞出席。", "rules")
    assert ("斐济工人进步党", "PartyOrganization") in got
    assert ("挪威驻斐济大使馆", "GovernmentBody") in got
    got = found("斐济表示欢迎，并同意合作。", "rules")  # a verb after the country: no body
    assert ("斐济", "AdministrativeRegion") in got and not any(c != "AdministrativeRegion" for _, c in got)


def test_sides_and_bilateral_short_forms_are_no_names(model_says):
    text = "中方愿同挪方加强合作，推动中挪关系发展，中挪友谊长存。"
    got = model_says(text, ("中方", "org"), ("挪方", "org"), ("中挪关系", "org"), ("中挪", "location"))
    assert not got


def test_bare_zhongyang_is_no_name(model_says):
    assert ("中央", "Organization") not in model_says("落实中央部署。", ("中央", "org"))


def test_landforms_venues_and_large_regions_are_places(model_says):
    text = "科考队从某某高原出发，经过某某山区，抵达华北。"
    got = model_says(text, ("某某高原", "location"), ("某某山区", "location"), ("华北", "location"))
    assert {("某某高原", "Place"), ("某某山区", "Place"), ("华北", "Place")} <= got
