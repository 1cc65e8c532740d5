"""The progress bar of `kg build` (kg.util.progress): drawn on a terminal only, advanced by documents."""

import io

from click.testing import CliRunner

from kg import pipeline
from kg.cli import main
from kg.util import progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_draws_on_a_terminal_only():
    tty, pipe = _Terminal(), io.StringIO()
    for stream in (tty, pipe):
        b = progress.bar(4, stream=stream)
        b.update(4)
        b.refresh()  # (tqdm redraws at most every 0.1 s)
        b.close()
    assert "4/4" in tty.getvalue() and "doc/s" in tty.getvalue()
    assert pipe.getvalue() == ""
    quiet = _Terminal()
    b = progress.bar(4, quiet=True, stream=quiet)
    b.update(4)
    b.refresh()
    b.close()
    assert quiet.getvalue() == ""


def test_run_advances_the_bar_by_every_document(tmp_path):
    import json

    docs = tmp_path / "d.jsonl"
    docs.write_text("".join(json.dumps({"title": f"第{i}条消息", "body": "某某县今天召开会议。"}, ensure_ascii=False) + "\n"
                            for i in range(11)), encoding="utf-8")
    seen = []

    class Bar:
        def __init__(self, total):
            seen.append(("total", total))

        def update(self, n):
            seen.append(("update", n))

        def set_postfix(self, **kw):
            pass

        def close(self):
            seen.append(("close", None))

    result = pipeline.run([docs], progress=Bar)
    assert seen[0] == ("total", 11) and seen[-1] == ("close", None)
    assert sum(n for kind, n in seen if kind == "update") == 11 == len(result.articles)


def test_build_output_has_no_bar_when_not_a_terminal(tmp_path):
    r = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "out"), "--no-validate"])
    assert r.exit_code == 0, r.output
    assert "doc/s" not in r.output and "%|" not in r.output
