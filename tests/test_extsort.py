from kg.util.extsort import Sorter


def test_sorted_and_unique_in_memory_and_on_disk(tmp_path):
    import random

    lines = [f"<{random.Random(i).randrange(500)}> 一 \"{i % 7}\"" for i in range(3000)]
    for limit in (10_000, 100):
        s = Sorter(tmp_path, limit=limit)
        for line in lines:
            s.add(line)
        assert list(s.unique()) == sorted(set(lines))
        assert not list(tmp_path.iterdir())  # runs removed
