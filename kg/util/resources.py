"""Loading the rule data files under kg/data/ (word lists and TSV tables), once per process."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

__all__ = ["words", "table", "sample_page"]


#: data file -> the package whose data/ folder holds it (beside the stage that reads it; others in kg/data/)
_HOME = {
    "abbreviations.tsv": "kg.link",
    "activity_kinds.txt": "kg.extract",
    "address_titles.txt": "kg.link",
    "agency_prefixes.txt": "kg.extract",
    "agency_stems.txt": "kg.extract",
    "aliases.tsv": "kg.link",
    "cpc_terms.tsv": "kg.link",
    "anaphora.tsv": "kg.extract",
    "brand_tail_words.txt": "kg.link",
    "bylines.tsv": "kg.layout",
    "cjk_radicals.tsv": "kg.ingest",
    "common_surnames.txt": "kg.link",
    "context_prefixes.tsv": "kg.extract",
    "countries.txt": "kg.extract",
    "country_initials.txt": "kg.extract",
    "creature_words.txt": "kg.extract",
    "dict_prose_words.txt": "kg.extract",
    "clause_verbs.txt": "kg.extract",
    "event_heads.tsv": "kg.extract",
    "field_verbs.txt": "kg.extract",
    "future_cues.txt": "kg.extract",
    "foreign_namesakes.tsv": "kg.link",
    "generic_bodies.txt": "kg.link",
    "generic_words.txt": "kg.extract",
    "heads.tsv": "kg.extract",
    "industry_words.txt": "kg.extract",
    "japanese_surnames.txt": "kg.extract",
    "initiative_classes.tsv": "kg.extract",
    "kin_words.txt": "kg.extract",
    "peoples.txt": "kg.extract",
    "known_bodies.tsv": "kg.extract",
    "landform_chars.txt": "kg.extract",
    "launch_verbs.txt": "kg.extract",
    "law_words.tsv": "kg.extract",
    "media.txt": "kg.ingest",
    "name_stop_chars.txt": "kg.extract",
    "named_programmes.tsv": "kg.extract",
    "national_bodies.txt": "kg.link",
    "national_titles.txt": "kg.link",
    "ner_trims.tsv": "kg.extract",
    "org_classes.tsv": "kg.extract",
    "participate_verbs.txt": "kg.extract",
    "partner_verbs.txt": "kg.relations",
    "person_cues.tsv": "kg.extract",
    "place_words.tsv": "kg.extract",
    "posts.txt": "kg.extract",
    "site_chars.txt": "kg.extract",
    "programme_words.tsv": "kg.extract",
    "programme_trailers.txt": "kg.link",
    "prose_words.txt": "kg.extract",
    "quote_cues.txt": "kg.extract",
    "region_stop.txt": "kg.extract",
    "relation_cues.tsv": "kg.relations",
    "role_kinds.tsv": "kg.link",
    "stop_words.txt": "kg.extract",
    "surnames.txt": "kg.layout",
    "time_words.tsv": "kg.extract",
    "title_cues.tsv": "kg.extract",
    "titled_countries.txt": "kg.extract",
    "transliteration_chars.txt": "kg.extract",
    "units.tsv": "kg.extract",
    "water_context.txt": "kg.link",
    "world_places.txt": "kg.extract",
}


def _lines(name: str) -> list[str]:
    text = files(_HOME.get(name, "kg")).joinpath("data", name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The words of a one-word-per-line file, longest first (so matching prefers the longest)."""
    return tuple(sorted({ln.strip() for ln in _lines(name)}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated file (comments and blank lines skipped)."""
    return tuple(tuple(cell.strip() for cell in ln.split("\t")) for ln in _lines(name))


def sample_page() -> str:
    """Path of the bundled sample page (the default input of ``kg build``)."""
    return str(files("kg").joinpath("data", "samples", "000_c105894bd2e3e539.txt"))
