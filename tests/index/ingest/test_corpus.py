"""Reading each format, and every kind of bad input: reported with file (and line), skipped,
the rest read."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from newsdesk.index.config import CorpusSettings
from newsdesk.index.ingest.cleaning import clean_plain_text
from newsdesk.index.ingest.corpus import CorpusReader, content_digest, list_files
from newsdesk.index.models import Article, Problem


def read_all(folder: Path, max_mb: float = 20) -> tuple[list[Article], list[Problem]]:
    files, problems = list_files([folder])
    reader = CorpusReader(CorpusSettings(max_file_mb=max_mb))
    articles: list[Article] = []
    for sf in files:
        for item in reader.read(sf):
            (problems if isinstance(item, Problem) else articles).append(item)
    return articles, problems


def test_seed_text_files(tmp_path: Path) -> None:
    from tests.helpers.paths import SEEDS

    articles, problems = read_all(SEEDS)
    assert problems == []
    by_id = {a.id: a for a in articles}
    assert sorted(by_id) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    arab = by_id["002_4ac0049b72b4964f"]
    assert arab.source == "Arab News"
    assert arab.title == "Iraqi militias scream ‘death to America’ in pro-Soleimani rally"
    assert "Source: Arab News" not in arab.text
    assert "Leave a Reply" not in arab.text and "Home / Iran" not in arab.text
    dated = by_id["003_e90d1dc293122756"]
    assert dated.date is not None and dated.date.date().isoformat() == "2020-01-04"
    assert not dated.text.lstrip().startswith("date")
    assert dated.text.startswith("The USA’ killing")  # the lede stays in the text
    first = by_id["000_b53c0022ec9fbed3"]
    assert "Share on facebook" not in first.text
    assert "Subscribe to our newsletter" not in first.text
    assert first.title.startswith("Iranian Militias in Iraq")


def test_boilerplate_removal_never_drops_sentences() -> None:
    raw = ("Headline\n\nShare on twitter\nPeople were told to share on twitter what they saw "
           "in the streets of Baghdad that night.\nSubscribe to our newsletter\n"
           "Read more about how the embassy was stormed, officials said on Friday.\n")
    clean = clean_plain_text(raw)
    assert clean.title == "Headline"
    assert "Share on twitter\n" not in clean.text
    assert "share on twitter what they saw" in clean.text
    assert "Read more about how the embassy" in clean.text
    assert "Subscribe" not in clean.text


def test_jsonl_with_mapping_and_bad_records(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "title": "One", "date": "2021-03-04T10:00:00Z",
                    "source": "Wire", "url": "http://x/1", "text": "First article."}),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"id": "a2", "title": "No text"}),
        json.dumps({"title": "No id", "text": "Gets an id from its content.", "date": "soon"}),
        "",
        json.dumps({"id": "a3", "text": "No title given, so the first words serve."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    articles, problems = read_all(tmp_path)
    assert [a.id for a in articles] == [
        "a1", f"feed.jsonl#{content_digest('No id', 'Gets an id from its content.')}", "a3"]
    assert articles[0].date is not None and articles[0].date.year == 2021
    assert articles[0].url == "http://x/1" and articles[0].source == "Wire"
    assert articles[2].title.startswith("No title given")
    reasons = {(p.line, p.reason.split(":")[0].split(" (")[0]) for p in problems}
    assert (2, "malformed JSON") in reasons
    assert (3, "record is not a JSON object") in reasons
    assert (4, "1 record has no 'text' key") in reasons
    bad_date = next(p for p in problems if p.line == 5)
    assert not bad_date.skipped and "not understood" in bad_date.reason
    assert all(p.path.endswith("feed.jsonl") for p in problems)


def test_a_text_column_of_another_name_is_said_once_with_the_columns(tmp_path: Path
                                                                     ) -> None:
    """5,000 rows without a 'text' column printed 5,000 identical lines and no hint: one
    line for the file, with the count, its columns and the setting that maps them. A row
    whose text is empty is still its own line."""
    rows = "".join(f"{i},Headline {i},Body {i},2020-01-02\n" for i in range(3000))
    (tmp_path / "news.csv").write_text("id,headline,content,published\n" + rows)
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "a", "text": ""}) + "\n" + json.dumps({"id": "b", "body": "x"}) + "\n")
    articles, problems = read_all(tmp_path)
    assert articles == []
    by_file = {Path(p.path).name: p for p in problems if "record" in p.reason}
    news = by_file["news.csv"]
    assert (news.line, news.count, news.skipped) == (2, 3000, True)
    assert news.reason == ("3,000 records have no 'text' column (its columns are id, "
                           "headline, content, published): set corpus.fields.text (and "
                           "title, date...) in the config to the column holding the article "
                           "text")
    assert [(Path(p.path).name, p.line) for p in problems] == [("feed.jsonl", 1),
                                                                ("feed.jsonl", 2),
                                                                ("news.csv", 2)]
    assert problems[0].reason == "record has no text (key 'text')"
    assert problems[1].reason.startswith("1 record has no 'text' key (its keys are id, body)")


def test_csv_with_header_ragged_and_multiline_rows(tmp_path: Path) -> None:
    (tmp_path / "sheet.csv").write_text(
        'id,title,date,text\n'
        'c1,First,2020-01-02,"Plain text"\n'
        'c2,Ragged,2020-01-02\n'
        'c3,Multi,2020-01-03,"Line one\nline two, with a comma"\n'
        'c4,Stray "quote" here,2020-01-04,"ok"x\n'
        'c5,Last,,Final row\n')
    articles, problems = read_all(tmp_path)
    assert [a.id for a in articles] == ["c1", "c3", "c5"]
    assert articles[1].text == "Line one\nline two, with a comma"
    assert {p.line for p in problems} == {3, 6}
    assert all("sheet.csv" in p.path for p in problems)


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 100, "binary"),
    ("latin1.txt", "Caf\xe9 society\nText".encode("latin-1"), "not valid UTF-8"),
    ("empty.txt", b"", "empty"),
    ("blank.md", b"   \n\t\n", "empty"),
    ("big.txt", b"word " * 300_000, "over the"),
])
def test_bad_files_are_reported_and_skipped(tmp_path: Path, name: str, data: bytes,
                                            reason: str) -> None:
    (tmp_path / "good.txt").write_text("Good title\n\nGood body text.")
    (tmp_path / name).write_bytes(data)
    articles, problems = read_all(tmp_path, max_mb=1)
    assert [a.id for a in articles] == ["good"]
    assert len(problems) == 1 and problems[0].path.endswith(name)
    assert reason in problems[0].reason


def test_bom_and_utf16_are_read(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfTitle A\n\nBody A")
    (tmp_path / "u16.txt").write_bytes("Title B\n\nBody B".encode("utf-16"))
    articles, problems = read_all(tmp_path)
    assert problems == [] and sorted(a.title for a in articles) == ["Title A", "Title B"]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.txt").write_text("Good\n\nbody")
    bad = tmp_path / "secret.txt"
    bad.write_text("x\n\ny")
    from newsdesk.index.ingest import files

    real = files.open_regular

    def deny(path: str) -> object:  # root ignores file modes, so deny it here
        if Path(path).name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr("newsdesk.index.ingest.corpus.open_regular", deny)
    articles, problems = read_all(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert len(problems) == 1 and problems[0].reason == "cannot read: Permission denied"


def test_symlink_loop_does_not_trap_the_walk(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("A title\n\nA body")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    articles, _ = read_all(tmp_path)
    assert [a.id for a in articles] == ["sub/a"]


def test_csv_unterminated_quote_does_not_swallow_the_file(tmp_path: Path) -> None:
    (tmp_path / "sheet.csv").write_text(
        'id,title,text\n'
        'a1,First,"never closed\n'
        'a2,Second,fine\n'
        'a3,Third,"also fine, quoted"\n')
    articles, problems = read_all(tmp_path)
    assert [a.id for a in articles] == ["a2", "a3"]
    assert [(p.line, p.reason) for p in problems] == [
        (2, "malformed CSV row: a quoted field is never closed")]


def _hash_part_by_part(article: Article, first: bool = False) -> str:
    """content_hash as it was written first: each part, then \\x1f, fed to the hash one by
    one (every stored hash was made so: a changed hash would store every article again).
    `first`: the formula before the date as read joined the date as written (one the
    format of its source reads: a changed format must re-date it), which an article with
    no date, or one written as read, still hashes to."""
    import hashlib

    h = hashlib.blake2b(digest_size=12)
    written = article.date_text if article.date and article.date_text else ""
    date = article.date.isoformat() if article.date else ""
    differs = bool(written) and written != date
    parts = [article.title, article.text, article.source or "", article.url or ""]
    if first:
        parts.append(written if differs else date)
    else:
        parts += [date, written] if differs else [date]
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def test_content_hash_is_the_hash_of_the_parts_fed_one_by_one() -> None:
    from datetime import datetime

    from newsdesk.index.ingest.corpus import content_hash

    when = datetime(2020, 1, 4, 10, 0)
    articles = [
        Article(id="a", path="f", title="T", text="body", date=None, source=None, url=None),
        Article(id="b", path="f", title="Tïtle 東京", text="x\x1fy\ud800z", date=when,
                source="S", url="http://u", date_text="2020-01-04T10:00:00+05:30"),
        Article(id="c", path="f", title="", text="", date=when, source="", url="",
                date_text=when.isoformat()),
    ]
    hashes = [content_hash(a) for a in articles]
    assert hashes == [_hash_part_by_part(a) for a in articles]
    assert len(set(hashes)) == 3
    # Stored hashes unchanged but where the date was written otherwise than read.
    assert [h == _hash_part_by_part(a, first=True) for h, a in zip(hashes, articles,
                                                                   strict=True)] == [
        True, False, True]


def test_an_epoch_as_a_number_is_kept_as_written_as_one_in_quotes(tmp_path: Path) -> None:
    """An epoch given as a JSON number is dated and kept as written, as the same epoch in
    quotes is (the number was shown and exported converted, "2021-03-03T10:00:00", the
    text as written): one rule for both."""
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in (
        {"id": "n", "text": "one", "date": 1614765600},
        {"id": "t", "text": "two", "date": "1614765600"},
        {"id": "m", "text": "three", "date": 1614765600000.0},
        {"id": "b", "text": "four", "date": True})))
    articles, _ = read_all(tmp_path)
    by_id = {a.id: a for a in articles}
    assert by_id["n"].date == by_id["t"].date and by_id["n"].date is not None
    assert by_id["n"].date_text == by_id["t"].date_text == "1614765600"
    assert by_id["m"].date_text == "1614765600000"
    assert by_id["b"].date is None and by_id["b"].date_text is None


@pytest.mark.parametrize(("value", "said"), [
    (12345, "is a number"), (1.5, "is a number"), (["a", "b"], "is a list"),
    ({"p": "x"}, "is an object"), (True, "is true or false")])
def test_a_text_that_is_no_string_says_what_it_is(tmp_path: Path, value: object,
                                                   said: str) -> None:
    """`{"text": 12345}` was "record has no text": it has one, of the wrong kind."""
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "a", "text": value}) + "\n" + json.dumps({"id": "b", "text": "ok"}))
    articles, problems = read_all(tmp_path)
    assert [a.id for a in articles] == ["b"]
    assert problems[0].reason == f"record's text (key 'text') {said}, not a string"
    assert problems[0].line == 1


@pytest.mark.parametrize("value", ["", None, "   ", 12345, [1, 2]])
def test_records_without_text_on_one_line_are_said_once_with_their_count(
        tmp_path: Path, value: object) -> None:
    """A JSON array on one line whose 21 records have no text said ":1" 21 times (an
    outside tester's F9): one line, the count, the first's line."""
    records = [{"id": str(i), "text": value} for i in range(21)]
    (tmp_path / "raw.json").write_text(json.dumps(records))
    articles, problems = read_all(tmp_path)
    assert articles == []
    said = [p for p in problems if "record" in p.reason]
    assert len(said) == 1 and said[0].count == 21 and said[0].reason.startswith("21 records")


@pytest.mark.parametrize(("source", "said"), [
    ({"id": None, "name": "CBC News"}, "CBC News"), ({"id": "cbc", "name": " CBC "}, "CBC"),
    ({"id": "x"}, '{"id": "x"}'), ("Reuters", "Reuters"), (None, None)])
def test_a_newsapi_source_object_gives_its_name(tmp_path: Path, source: object,
                                                said: str | None) -> None:
    """NewsAPI's `"source": {"id": null, "name": "CBC News"}` (an outside tester's F10: the
    object was stored as its JSON text, and facets and `source:` worked on that)."""
    (tmp_path / "feed.jsonl").write_text(json.dumps(
        {"id": "a", "text": "Rates rose on Monday.", "source": source}) + "\n")
    articles, problems = read_all(tmp_path)
    assert not problems and articles[0].source == said


@pytest.mark.parametrize("sep", [";", "\t", ","])
def test_a_csv_file_with_semicolons_or_tabs_is_read_by_its_headers_separator(
        tmp_path: Path, sep: str) -> None:
    """A spreadsheet saved where the comma is the decimal mark writes ";" between fields (an
    outside tester's F12: "malformed CSV row: ',' expected after '\\"'")."""
    rows = [["id", "title", "date", "text"],
            ["a1", "Rates, again", "2020-01-02", 'The bank said "no", twice; 3,5 %.'],
            ["a2", "Plain", "2020-01-03", "Shares rose."]]
    (tmp_path / "sheet.csv").write_text("".join(
        sep.join('"' + f.replace('"', '""') + '"' if any(c in f for c in ',;"\t') else f
                 for f in row) + "\n" for row in rows))
    articles, problems = read_all(tmp_path)
    assert not problems, problems
    assert [(a.id, a.title, a.text) for a in articles] == [
        ("a1", "Rates, again", 'The bank said "no", twice; 3,5 %.'),
        ("a2", "Plain", "Shares rose.")]


@pytest.mark.parametrize("head", [
    "date 2024-09-29\nDickwella facing ban\n\n",
    "Dickwella facing ban\ndate 2024-09-29\n\n",
    "Dickwella facing ban\n\nSource: Ada Derana\ndate 2024-09-29\n",
    "Dickwella facing ban\n  DATE 2024-09-29  \nSource: Ada Derana\n\n",
])
def test_a_date_line_among_the_first_lines_dates_the_article(head: str) -> None:
    """(stranger14: a `date` line after the title left the article undated, silently, and
    the line in its text.)"""
    clean = clean_plain_text(head + "The board met on Monday.\n")
    assert clean.date == datetime(2024, 9, 29) and clean.title == "Dickwella facing ban"
    assert "2024-09-29" not in clean.text and "The board met" in clean.text


@pytest.mark.parametrize("text", [
    "Title\n\nThe date 2024-09-29 was set for the vote.\n",  # a sentence, not a header line
    "Title\n" + "line\n" * 10 + "date 2024-09-29\n",  # far below the head
    "Title\ndate 2024-13-45\n\nText.\n",  # no date: the line stays text
])
def test_other_date_lines_stay_text(text: str) -> None:
    clean = clean_plain_text(text)
    assert clean.date is None and "2024-" in clean.text
