import pytest

from kg.util.extsort import Sorter, _gnu_sort


@pytest.mark.parametrize("external", [False, None])
def test_sorted_and_unique_in_memory_and_on_disk(tmp_path, external):
    import random

    if external is None and _gnu_sort() is None:
        pytest.skip("no GNU sort on this system")
    lines = [f"<{random.Random(i).randrange(500)}> 一 \"{i % 7}\"" for i in range(3000)]
    lines += ["<a> <b> \"\U0001F600\"", "<a> <b> \"\uffff\"", "<a> <b> \"\u00e9\"", "<a> <b> \"e\\r\"", "<a> <b> \"z\""]
    for limit in (10_000, 100):
        s = Sorter(tmp_path, limit=limit, external=external)
        for line in lines:
            s.add(line)
        assert list(s.unique()) == sorted(set(lines))  # code point order, also from GNU sort (bytes of UTF-8)
        assert not list(tmp_path.iterdir())  # runs removed


def test_a_closed_sorter_leaves_nothing(tmp_path):
    s = Sorter(tmp_path, limit=10)
    s.extend([str(i) for i in range(100)])
    s.close()
    assert not list(tmp_path.iterdir())
