from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def sample_result():
    """The whole pipeline run once on the bundled sample page."""
    import kg
    from kg.util.resources import sample_page

    return kg.build([sample_page()])


@pytest.fixture
def model_says(monkeypatch):
    """Make the NER model tag exactly the given (surface, label) spans (first occurrence each); returns the
    extractor's (surface, class) set for the text."""
    from invented import found

    from kg.extract.ner import learned

    def say(text: str, *tagged: tuple[str, str]):
        got = [(text.index(w), text.index(w) + len(w), label) for w, label in tagged]
        monkeypatch.setattr(learned, "spans", lambda t: got if t == text else [])
        return found(text)

    return say
