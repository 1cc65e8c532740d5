"""The real-news gold (tests/realgold/): 360 corpus stories annotated by annotators who never saw the code. The
texts stay in ../shared/corpus; these tests skip when it is absent. Floors only go up; the test, test2 and test3
splits are only ever scored (never read error by error)."""

import json
from pathlib import Path

import pytest

from kg.eval.gold import load_gold
from kg.eval.realgold import SPLITS, evaluate_real, find_corpus

GOLD = Path(__file__).resolve().parent / "realgold"
CORPUS = find_corpus()
needs_corpus = pytest.mark.skipif(CORPUS is None, reason="the real-news corpus (../shared/corpus) is absent")

# Floors a little below what is measured on 2026-12-06 (README "Benchmarks") with both rounds of issue #13 merged:
# organisations and places (dev F1 0.887, organisation 0.869, place 0.904, 69 of 74 multi-article entities one node;
# test F1 0.742, organisation 0.733, place 0.816, 61 of 77; test2 F1 0.724, organisation 0.768, place 0.808, 56 of
# 73, 3 false merges, a ceiling: it only goes down), and initiatives and incidents as real news writes them (issue 13
# point 3: dev Initiative 0.872, Incident 1.000; test Initiative 0.607, Incident 0.476; test2 Initiative 0.493,
# Incident 0.762; the third round on initiatives without a head word: dev 0.887, test 0.692 / Incident 0.545, test2
# 0.548 / 0.842). Person: dev 0.964, test 0.863, test2 0.900. Linking of known bodies, one sense per article and
# programmes with a kind word (issue 14): 72 of 74 one node on dev, 63 of 77 on test, 59 of 73 and 1 false merge
# on test2 (country-headed abbreviations keep their country and three characters after it). Fourth organisation and
# place round: dev F1 0.893, organisation 0.878; test F1 0.754, organisation 0.748, place 0.834; test2 F1 0.738,
# organisation 0.783, place 0.808. dev2 (a fresh blind draw, 2026-12-07) at its first score: F1 0.746, person 0.925,
# organisation 0.734, place 0.861, initiative 0.520, incident 0.625, 50 of 63 one node, 1 false merge. Initiatives
# and incidents of unseen news (issue 13, dev2 read error by error): dev2 F1 0.803, initiative 0.768, incident 0.842,
# 52 of 63 one node; test initiative 0.710, test2 0.578.
# Precision round (branch precision2: common words, generic 活动, counts of units, places typed as places): dev F1
# 0.902, place 0.910, initiative 0.895; test 0.768; test2 0.751, place 0.813. With the organisations-and-places round
# on dev2's misses (branch orgs2) merged on top: dev2 F1 0.854, organisation 0.837, place 0.905, initiative 0.775, 54
# of 63 one node. Person nodes checked on a 5,000-story build (issue 14, branch persons2): person dev 0.976, dev2
# 0.938, test 0.881, test2 0.916. Recall classes mined by disagreement with a second model (branch recall3: foreign
# cities, county short forms after their province, long transliterated names, leaders' short names): place dev 0.921,
# dev2 0.905, test 0.852, test2 0.834; F1 test 0.772, test2 0.774. dev3 (a third blind draw, seed 2031, 2026-12-07)
# at its first score: F1 0.794, person 0.967, organisation 0.752, place 0.836, initiative 0.671, incident 0.571, 58
# of 65 one node. Person spans that name no person or are cut short, and linking across years (issue 14, branch
# persons3): test2 person 0.920, 73 of 74 one node on dev, 55 of 63 on dev2. dev3's error classes fixed by general
# rules (branch dev3fix): dev3 F1 0.834, organisation 0.796, place 0.858, initiative 0.741, incident 0.593, 59 of 65,
# no false merge; dev 0.915, dev2 0.861, test 0.774 (67 of 77 one node), test2 0.776. All three merged: dev 0.915,
# dev2 0.861, dev3 0.834, test 0.778 (66 of 77 one node), test2 0.782 (person 0.925, place 0.844). National bodies
# and their short forms from official lists (branch names3): test2 0.785, no false merge on dev2 (银监会 / 银保监会).
# Initiatives as real news writes them, ninth round (issue 13, branch init9: a body's numbered meeting, quoted plans
# named by their years, 名为“某某”的运动, heads ending a glued word, 中某政府磋商, 某国和平进程, no kind word after a
# quoted name): initiative dev 0.892, dev2 0.805, dev3 0.776, test 0.724, test2 0.583; F1 dev2 0.867, dev3 0.839.
# Organisation spans, fifth round (branch org9: a body's team named with it, clause verbs glue no name, a party group
# begins at its body, 某国 + 全国政协 keeps the body's name): organisation dev 0.894, dev2 0.854, dev3 0.805; F1 dev
# 0.916, dev2 0.864, dev3 0.837; test and test2 unchanged (0.778 / 0.759, 0.785 / 0.799).
# Cross-article linking classes (issue 14, branch link9: 某洲大陆, 大流行 for 疫情, a campaign + 战, dashed parties' short
# forms, regions after a group's short form and foreign cities after their country nested): 60 of 63 one node on
# dev2, 61 of 65 on dev3, no false merge on the read sets; F1 unchanged.
# Dotted names whatever their characters, a village's clause no Place, a model place begun inside a title (issue
# 13, branch pp9): person dev2 0.960, dev3 0.986; F1 dev2 0.864, dev3 0.838, test2 0.786 (place 0.847); test 0.778.
# The ninth session merged, with a dotted name's last 地 before a list comma: F1 dev 0.916, dev2 0.872, dev3 0.845,
# test 0.778, test2 0.786; Japanese 2+2 names made whole and foreign namesakes by their titles' countries: unchanged.
# Organisation spans, sixth round (branch org10: periodicals in 《》, quoted groups, a known body's office, bodies side
# by side over a space, 中国—东盟 two names, a country initial and a common word, 央视 + 综合频道): organisation dev
# 0.902, dev2 0.862, dev3 0.839, test 0.775, test2 0.804 (a team named by its destination no body: dev3 0.834 ->
# 0.839); F1 dev 0.918, dev2 0.875, dev3 0.855, test 0.782, test2 0.788.
# test3 (a fourth blind draw, seed 3107, 2026-12-07, two annotators and a consolidator of ids, never read) at its
# first score, main of 08:45: F1 0.778 (P 0.771, R 0.785), person 0.875, organisation 0.791, place 0.837, initiative
# 0.559, incident 0.737, 66 of 78 one node, no false merge.
# Initiatives of issue 13, branch init10 (全面/与 inside a stem, quoted events whole, titled events with a dash, scoped
# work meetings, mechanisms, a plenum's sitting): initiative dev 0.900, dev2 0.815, dev3 0.810, test 0.727, test2 0.585.
# The tenth session merged (init10, org10, pp10, link10 and the corpus-scale linking of place11, foreign11, citizens and
# plenums): F1 dev 0.920, dev2 0.879, dev3 0.860, test 0.784 (person 0.891), test2 0.790, test3 0.782 (person 0.882,
# initiative 0.570).
# Initiatives of issue 13, branch init12 (bare kinds of document and meeting dropped unless a 《》 short form of the
# document named in full, documents adopted without 《》, counted meetings and the kind of a body's meeting alone, shows in 《》): initiative dev
# 0.904, dev2 0.824, dev3 0.835, test 0.735, test2 0.591, test3 0.570 (floor unchanged). Foreign cities and places,
# 在港/在京 bodies, region chains, sites and troupes (branch orgplace12): F1 dev 0.921, dev2 0.880, dev3 0.865, test 0.785
# (organisation 0.777), test2 0.790 (organisation 0.807), test3 0.783. Persons cut short and words taken for names
# (issue 13, branch pp12): person test 0.901, test3 0.885. The model as a witness of a name's ends (issues 13 and 14,
# branch pp13): person test 0.911, test2 0.938; F1 test2 0.795.
# Foreign places and owned bodies (issue 13, branch org13: a state or island and its town a chain, a country glued to
# a longer transliterated name, 某州 after its full name, an army and its fleet, a model region ending in a common
# noun, dikes and oil fields Places, a committee or office after its owning body or country, 第某集团军, 某某 + 海峡):
# F1 dev 0.928, dev2 0.887, dev3 0.875, test 0.789, test2 0.792, test3 0.789; organisation test 0.782, test3 0.805;
# place dev2 0.927, dev3 0.881, test3 0.846.
# Initiatives of issue 13, branch init13 (quoted campaigns before the body that runs them, works phases, listed routes,
# goals, subsidies and schemes of the work reports, kinds a list closes with, grades and sides describing works,
# broadcast titles): initiative dev 0.911, dev2 0.853, dev3 0.859, test 0.732, test2 0.597, test3 0.570.
# Organisations of unseen news (issue 13, branch org14: foreign parties after their kind word, clause verbs and 代表
# before a body's name, the model's company label on people, counts and sides, bodies ending in 政局 or 北部, states'
# formal names): F1 test 0.793, test2 0.798, test3 0.792; organisation dev 0.914, test 0.794, test2 0.817, test3 0.811.
# Incidents of unread news (branch inc15: dates with • or a quoted full stop, crises named by their year, actions on an
# incident and clashes named none): incident dev2 0.947, dev3 0.696, test3 0.824; F1 dev2 0.897, dev3 0.882, test3 0.795.
# The thirteenth session merged (place14, org14, pp14, init14, link14, org15, inc15, link15; one fact per statement):
# F1 dev 0.931, dev2 0.897, dev3 0.882, test 0.796, test2 0.801, test3 0.795; place dev 0.940, test 0.871, test2 0.859,
# test3 0.853.
# The fourteenth session merged (place16, org16, pp16, init16, link16; a sea jieba knows is no person): F1 dev 0.931,
# dev2 0.899, dev3 0.886, test 0.802, test2 0.804, test3 0.799; place test 0.877, test3 0.860; organisation test2
# 0.821, test3 0.815; initiative test 0.737, test3 0.573.
# The fifteenth session merged (init17, org17, place17, pp17, link17; the lead's incidents, nested county short
# forms, credit lines, unspaced lists of people): F1 dev 0.931, dev2 0.900, dev3 0.888, test 0.802, test2 0.808, test3
# 0.806; person test2 0.946, test3 0.893; organisation test3 0.826; incident dev3 0.750; one node test3 67 of 78.
# Places and regions (branch place18: region chains jieba holds as one word, 某某地带, seats 某组织总部, large regions
# before 国家, idioms of places no place): place dev 0.945, dev2 0.939, dev3 0.892, test 0.889, test2 0.867, test3
# 0.873; F1 dev 0.933, dev2 0.902, dev3 0.889, test 0.808, test2 0.809, test3 0.811.
# The sixteenth session merged (init18, org18, place18, pp18, link18, speed18; the lead's linking and model-company
# fixes): F1 dev 0.933, dev2 0.905, dev3 0.891, test 0.810, test2 0.810, test3 0.811; person test2 0.955;
# organisation dev2 0.876; initiative dev3 0.870, test 0.753; one node test 68 of 77.
FLOORS = {"dev3": {"entities": 0.889, "person": 0.985, "initiative": 0.865, "incident": 0.745, "organisation": 0.865,
                   "place": 0.888, "one_node": 0.93},
          "dev2": {"entities": 0.902, "person": 0.96, "initiative": 0.85, "incident": 0.94, "organisation": 0.872,
                   "place": 0.935, "one_node": 0.98},
          "dev": {"entities": 0.93, "person": 0.975, "initiative": 0.905, "incident": 0.99, "organisation": 0.912,
                  "place": 0.942, "one_node": 0.98},
          "test": {"entities": 0.807, "person": 0.905, "initiative": 0.75, "incident": 0.54, "organisation": 0.79,
                   "place": 0.887, "one_node": 0.88},
          "test2": {"entities": 0.807, "person": 0.95, "initiative": 0.594, "incident": 0.84, "organisation": 0.82,
                    "place": 0.864, "one_node": 0.86, "false_merges": 1},
          "test3": {"entities": 0.808, "person": 0.89, "initiative": 0.57, "incident": 0.82, "organisation": 0.823,
                    "place": 0.87, "one_node": 0.855}}


def test_realgold_is_well_formed_and_keeps_no_story_text():
    for split in SPLITS:
        rows = load_gold(GOLD / f"{split}.jsonl")
        assert len(rows) == 60 and all(r["key"].startswith("https://") for r in rows)
        assert sum(len(r["entities"]) for r in rows) >= 600
        raw = [json.loads(line) for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert not any("body" in r or "text" in r for r in raw)  # the texts stay in the corpus
    keys = [r["key"] for s in SPLITS for r in load_gold(GOLD / f"{s}.jsonl")]
    assert len(set(keys)) == 60 * len(SPLITS)  # the splits are disjoint


@needs_corpus
@pytest.mark.parametrize("split", SPLITS)
def test_real_news_floors(split):
    res = evaluate_real(GOLD / f"{split}.jsonl", CORPUS)
    floor = FLOORS[split]
    assert res.entities.overall.f1 >= floor["entities"]
    for group in ("person", "initiative", "incident", "organisation", "place"):
        assert res.entities.groups[group].f1 >= floor[group], group
    assert len(res.links.one_node) / len(res.links.multi) >= floor["one_node"]
    assert len(res.links.false_merges) <= floor.get("false_merges", 0)
