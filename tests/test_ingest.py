import json
import os

import pytest

from kg.ingest import readers as ingest
from kg.ingest.readers import parse_date, read

PAGE = "湖南日报讯 今日全市气温适宜，\n各地积极开展防汛工作。\n"


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def jsonl(path, *records):
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return write(path, "\n".join(lines) + "\n")


@pytest.mark.parametrize("data", [
    PAGE.encode("utf-8"),
    b"\xef\xbb\xbf" + PAGE.encode("utf-8"),  # UTF-8 with a BOM
    PAGE.encode("gb18030"),
    PAGE.encode("gbk"),
    PAGE.encode("utf-16"),  # with its BOM
])
def test_encodings(tmp_path, data):
    f = write(tmp_path / "page.txt", data)
    docs, warnings = read([f])
    assert warnings == []
    assert [(d.source, d.path, d.text, d.line) for d in docs] == [("page.txt", str(f), PAGE, None)]


def test_line_endings_become_newlines(tmp_path):
    f = write(tmp_path / "page.txt", "第一行\r\n第二行\r第三行\n")
    assert read([f])[0][0].text == "第一行\n第二行\n第三行\n"


@pytest.mark.parametrize("name, data, reason", [
    ("nul.txt", b"\x00\x01\x02PK" * 50, "binary"),
    ("noise.txt", bytes(range(128, 256)) * 8, "binary"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \r\n\t\n\xe3\x80\x80\n", "empty"),
])
def test_unusable_files_are_skipped_with_a_warning(tmp_path, name, data, reason):
    f = write(tmp_path / name, data)
    good = write(tmp_path / "good.txt", PAGE)
    docs, warnings = read([tmp_path])
    assert [d.path for d in docs] == [str(good)]
    assert len(warnings) == 1 and warnings[0].startswith(f"{f}: ") and reason in warnings[0]


def test_mostly_utf8_file_is_read_with_a_warning(tmp_path):
    f = write(tmp_path / "page.txt", PAGE.encode("utf-8") + b"\xff")
    docs, warnings = read([f])
    assert docs[0].text.startswith(PAGE)
    assert warnings and warnings[0].startswith(f"{f}: not valid UTF-8")


def test_folders_are_read_recursively(tmp_path):
    a = write(tmp_path / "in" / "a.txt", PAGE)
    b = write(tmp_path / "in" / "deep" / "er" / "B.TXT", PAGE)
    c = jsonl(tmp_path / "in" / "deep" / "c.JSONL", {"title": "标题", "body": "正文"})
    write(tmp_path / "in" / "notes.md", "不读")
    write(tmp_path / "in" / "data.json", "{}")
    write(tmp_path / "in" / ".hidden" / "x.txt", PAGE)
    write(tmp_path / "in" / ".x.txt", PAGE)
    docs, warnings = read([tmp_path / "in"])
    assert warnings == []
    assert [d.path for d in docs] == sorted([str(a), str(b), str(c)])


def test_a_file_named_explicitly_is_read_as_text(tmp_path):
    f = write(tmp_path / "page.md", PAGE)
    docs, warnings = read([f])
    assert [d.text for d in docs] == [PAGE] and warnings == []


def test_order_and_duplicates_do_not_matter(tmp_path):
    a = write(tmp_path / "x" / "a.txt", PAGE)
    b = write(tmp_path / "y" / "b.txt", "另一页。")
    c = jsonl(tmp_path / "x" / "c.jsonl", {"body": "一"}, {"body": "二"})
    first = read([tmp_path / "y", tmp_path / "x", a])
    second = read([a, tmp_path / "x", str(a), tmp_path / "y", tmp_path / "x"])
    assert first == second
    # a file named explicitly is known by its name, a file found in a folder by its path from the folder's parent
    assert [(d.source, d.line) for d in first[0]] == [("a.txt", None), ("x/c.jsonl", 1), ("x/c.jsonl", 2),
                                                      ("y/b.txt", None)]
    assert c and b


def test_a_single_path_is_accepted(tmp_path):
    f = write(tmp_path / "page.txt", PAGE)
    assert read(f) == read([f]) == read(str(f))


def test_missing_and_unreadable_paths_give_warnings(tmp_path, monkeypatch):
    good = write(tmp_path / "good.txt", PAGE)
    locked = write(tmp_path / "locked.txt", PAGE)
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    real_open = open

    def fake_open(path, *args, **kwargs):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(ingest, "open", fake_open, raising=False)
    docs, warnings = read([tmp_path, tmp_path / "missing.txt"])
    assert [d.path for d in docs] == [str(good)]
    assert f"{tmp_path / 'missing.txt'}: no such file or folder - skipped" in warnings
    assert any(w.startswith(f"{locked}: cannot read (Permission denied)") for w in warnings)
    assert any(w.startswith(f"{tmp_path / 'dangling.txt'}: cannot read") for w in warnings)


def test_jsonl_fields_and_aliases(tmp_path):
    f = jsonl(
        tmp_path / "news.jsonl",
        {"title": " 标题一 ", "body": "正文一\r\n第二段", "date": "2025/7/3", "source": "湖南日报",
         "url": "https://example.org/1"},
        "",
        {"headline": "只有标题"},
        {"content": "正文三", "publish_time": "2025年7月3日 10:00", "media": "某网"},
        {"text": ["段一", "段二"], "pub_date": "2025-07-03 10:00:00", "publisher": "某报", "site": "不用"},
    )
    docs, warnings = read([f])
    assert warnings == []
    first = docs[0]
    assert (first.source, first.path, first.line) == ("news.jsonl", str(f), 1)
    assert (first.title, first.text, first.date, first.url, first.publisher) == (
        "标题一", "标题一\n\n正文一\n第二段", "2025-07-03", "https://example.org/1", "湖南日报")
    assert [(d.line, d.title, d.text, d.date, d.publisher) for d in docs[1:]] == [
        (3, "只有标题", "只有标题", None, None),
        (4, None, "正文三", "2025-07-03", "某网"),
        (5, None, "段一\n段二", "2025-07-03", "某报"),
    ]


def test_jsonl_rss_dates_and_a_body_under_an_unknown_name(tmp_path):
    f = jsonl(tmp_path / "feed.jsonl", {"title": "标题", "正文": "内容", "pubDate": "Thu, 08 May 2025 10:00:00 +0800"},
              {"title": "标题二", "content": "内容二", "publishedAt": "2025/05/09"})
    docs, warnings = read([f])
    assert [(d.title, d.text, d.date) for d in docs] == [("标题", "标题", "2025-05-08"),
                                                         ("标题二", "标题二\n\n内容二", "2025-05-09")]
    assert warnings == [f"{f}:1: no body field (body, content, text) - only the title is read; fields not read: 正文"]


def test_jsonl_bad_lines_are_skipped_with_file_and_line(tmp_path):
    f = jsonl(
        tmp_path / "news.jsonl",
        {"title": "好", "body": "第一条"},
        '{"title": "坏", "body": "x" "date": 1}',
        "[1, 2]",
        {"body": 5},
        {"date": "2025-07-03", "url": "https://example.org"},
        {"body": "第六条", "date": "昨天", "source": 3},
        {"body": "第七条"},
    )
    docs, warnings = read([f])
    assert [(d.line, d.text, d.date, d.publisher) for d in docs] == [
        (1, "好\n\n第一条", None, None), (6, "第六条", None, None), (7, "第七条", None, None)]
    assert warnings == [
        f"{f}:2: malformed JSON (Expecting ',' delimiter: column 28) - line skipped",
        f"{f}:3: expected a JSON object, got array - line skipped",
        f"{f}:4: field 'body' should be a string, got number - line skipped",
        f"{f}:5: no body and no title - line skipped",
        f"{f}:6: field 'source' should be a string, got number - field ignored",
        f"{f}:6: unrecognised date '昨天' - date left empty",
    ]


@pytest.mark.parametrize("text, iso", [
    ("2025-07-03", "2025-07-03"),
    ("2025/7/3", "2025-07-03"),
    ("2025.07.03", "2025-07-03"),
    ("2025年7月3日", "2025-07-03"),
    (" 2025年 7月 3日 星期四", "2025-07-03"),
    ("2025-07-03 10:00:00", "2025-07-03"),
    ("2025-07-03T10:00:00+08:00", "2025-07-03"),
    ("20250703", "2025-07-03"),
    ("Thu, 03 Jul 2025 10:00:00 +0800", "2025-07-03"),
    ("2025-02-30", None),
    ("7月3日", None),
    ("yesterday", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


TRADITIONAL = "臺灣新聞報導：今日臺北市政府宣佈開展防颱工作。\n各區積極準備。\n"


@pytest.mark.parametrize("data, text", [
    (PAGE.encode("utf-16-le"), PAGE),  # UTF-16 without a BOM, both byte orders
    (PAGE.encode("utf-16-be"), PAGE),
    ("长沙市人民政府发布通知湖南日报".encode("utf-16-le"), "长沙市人民政府发布通知湖南日报"),  # no ASCII, so no NUL
    (TRADITIONAL.encode("big5"), TRADITIONAL),
])
def test_utf16_without_bom_and_big5_are_decoded(tmp_path, data, text):
    f = write(tmp_path / "page.txt", data)
    docs, warnings = read([f])
    assert warnings == [] and [d.text for d in docs] == [text]


def test_a_jsonl_line_may_start_with_a_bom(tmp_path):
    f = write(tmp_path / "feed.jsonl", "\ufeff" + json.dumps({"title": "甲", "body": "正文甲"}, ensure_ascii=False)
              + "\n\ufeff" + json.dumps({"body": "正文乙"}, ensure_ascii=False) + "\n")
    docs, warnings = read([f])
    assert warnings == [] and [d.line for d in docs] == [1, 2] and docs[1].text == "正文乙"


def test_html_is_stripped_from_jsonl_bodies_and_titles(tmp_path):
    body = ("<div class='a'><p>长沙市&nbsp;人民政府&amp;湖南日报</p><script>var x = '<p>不要</p>';</script>"
            "<!-- 注释 --><p>第二段&#x4E00;&#19968;<br/>第三行</p><style>p {}</style></div>")
    f = jsonl(tmp_path / "web.jsonl", {"title": "<b>标题</b> &lt;新&gt;", "body": body},
              {"body": "a < b 且 c > d，不是标签；AT&T 不是实体"})
    docs, warnings = read([f])
    assert warnings == []
    assert docs[0].title == "标题 <新>"
    assert docs[0].text == "标题 <新>\n\n\n\n长沙市 人民政府&湖南日报\n\n第二段一一\n第三行\n\n"
    assert docs[1].text == "a < b 且 c > d，不是标签；AT&T 不是实体"


def test_dated_archive_and_look_alike_names_never_collide(tmp_path):
    for day in ("2025-07-03", "2025-07-04"):
        write(tmp_path / "archive" / day / "page1.txt", PAGE)
    write(tmp_path / "archive" / "page 1.txt", PAGE)
    write(tmp_path / "archive" / "page_1.txt", PAGE)
    write(tmp_path / "archive" / "page-1!.txt", PAGE)
    write(tmp_path / "archive" / "page-1?.txt", PAGE)
    docs, warnings = read([tmp_path / "archive"])
    assert warnings == []
    assert [d.source for d in docs] == ["archive/2025-07-03/page1.txt", "archive/2025-07-04/page1.txt",
                                        "archive/page 1.txt", "archive/page-1!.txt", "archive/page-1?.txt",
                                        "archive/page_1.txt"]
    keys = [d.key for d in docs]
    assert len(set(keys)) == len(keys)
    assert keys[:2] == ["archive_2025-07-03_page1", "archive_2025-07-04_page1"]
    assert all(k.isascii() and " " not in k for k in keys)
    assert read([tmp_path / "archive"]) == (docs, warnings)  # deterministic


def test_deeply_nested_folders_are_walked(tmp_path):
    deep = tmp_path / "top"
    path = str(deep)
    os.mkdir(path)
    try:
        for _ in range(1200):
            path = os.path.join(path, "d")
            os.mkdir(path)
        write(type(tmp_path)(path) / "page.txt", PAGE)
        docs, warnings = read([deep])
        assert warnings == [] and len(docs) == 1 and docs[0].source.startswith("top/d/d/")
    finally:  # shutil.rmtree (pytest's clean-up) recurses; remove the folders one by one
        if os.path.exists(os.path.join(path, "page.txt")):
            os.remove(os.path.join(path, "page.txt"))
        while len(path) > len(str(deep)):
            os.rmdir(path)
            path = os.path.dirname(path)


def test_a_very_long_text_is_read_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "LONG_TEXT", 100)
    f = jsonl(tmp_path / "big.jsonl", {"body": "长" * 150}, {"body": "短"})
    docs, warnings = read([f])
    assert len(docs) == 2 and len(warnings) == 1 and warnings[0].startswith(f"{f}:1: very long text (150 characters)")
