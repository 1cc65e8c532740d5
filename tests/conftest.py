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
