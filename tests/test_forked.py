"""kg.util.forked: a job run in a child process gives back its result, or its error."""

import os

import pytest

from kg.util import forked


def test_result_comes_back_from_the_child():
    parent = os.getpid()
    wait = forked.start(lambda: (os.getpid(), [1, 2, 3]))
    pid, value = wait()
    assert value == [1, 2, 3]
    assert pid != parent or not hasattr(os, "fork")


def test_error_in_the_child_is_raised_by_wait():
    def job():
        raise ValueError("bad line 7")

    wait = forked.start(job)
    with pytest.raises(OSError, match="ValueError: bad line 7"):
        wait()
