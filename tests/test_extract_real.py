

def test_a_model_span_over_a_title_is_the_region_and_the_person(model_says):
    text = "某某州州长纽曼森也表示反对。"
    got = model_says(text, ("某某州州长纽曼森", "location"))
    assert ("纽曼森", "Person") in got and not any("州长" in t for t, _ in got)


def test_an_unknown_model_location_before_a_title_or_speech_verb_is_a_person(model_says):
    text = "会见了卡洛维奇总统。卡洛维奇表示感谢。"
    got = model_says(text, ("卡洛维奇", "location"))
    assert ("卡洛维奇", "Person") in got and ("卡洛维奇", "AdministrativeRegion") not in got


def test_a_country_inside_a_document_title_is_no_mention():
    got = found("依照《中华人民共和国青石保护法》处理。中国代表出席。", "rules")
    assert ("中华人民共和国", "AdministrativeRegion") not in got
    assert ("中国", "AdministrativeRegion") in got
