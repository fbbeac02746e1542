"""Config: defaults, overrides, and errors that name the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.models import ConfigError
from tests.helpers.paths import SEEDS


def use(path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    path.write_text(text)
    monkeypatch.setenv("NEWSDESK_CONFIG", str(path))
    return path


def test_defaults_point_at_the_seeds() -> None:
    settings = load_settings()
    assert settings.corpus.sources == [SEEDS]
    assert settings.search.default_operator == "AND"
    assert settings.index.dir is None


def test_user_file_then_env_file_override(tmp_path: Path, isolated_home: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    user = isolated_home / "config" / "newsdesk" / "config.yaml"
    user.parent.mkdir(parents=True)
    user.write_text("search:\n  limit: 7\n  default_operator: or\n")
    use(tmp_path / "env.yaml", "search:\n  limit: 9\ncorpus:\n  sources: [data]\n",
        monkeypatch)
    settings = load_settings()
    assert settings.search.limit == 9
    assert settings.search.default_operator == "OR"
    assert settings.corpus.sources == [tmp_path / "data"]  # relative to the file naming it


@pytest.mark.parametrize(("text", "line", "message"), [
    ("search:\n  limit: [1\n", 3, "YAML syntax error"),
    ("search:\n  limit: many\n", 2, "search.limit must be a whole number"),
    ("search:\n  limit: 0\n", 2, "greater than 0"),
    ("corpus:\n  fields:\n    body: content\n", 3, "unknown field 'body'"),
    ("search:\n  default_operator: XOR\n", 2, "AND or OR"),
    ("- a list\n", 1, "must be a mapping"),
])
def test_config_errors_name_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          text: str, line: int, message: str) -> None:
    path = use(tmp_path / "bad.yaml", text, monkeypatch)
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(info.value).startswith(f"{path}:{line}:")
    assert message in str(info.value)
    assert path.read_text() == text  # never rewritten


@pytest.mark.parametrize(("value", "shown"), [
    ("2020-01-01", "not 2020-01-01"),  # was datetime.date(2020, 1, 1)
    ("2020-01-01 10:30:00", "not 2020-01-01 10:30:00"),
    ("ten", "not 'ten'"),
    ("[1, 2]", "not a list"),
    ("{a: 1}", "not a mapping"),
])
def test_a_wrong_value_is_shown_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           value: str, shown: str) -> None:
    use(tmp_path / "bad.yaml", f"search:\n  limit: {value}\n", monkeypatch)
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(info.value).endswith(f"search.limit must be a whole number, {shown}")
    assert "datetime" not in str(info.value)


def test_missing_env_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "nope.yaml"))
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings()


def test_unsafe_yaml_is_not_executed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use(tmp_path / "evil.yaml", "search: !!python/object/apply:os.system ['true']\n",
        monkeypatch)
    with pytest.raises(ConfigError, match="evil.yaml:1"):
        load_settings()


def test_export_folder_and_full_text_settings(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().ui.export_dir is None and load_settings().ui.export_text is True
    use(tmp_path / "env.yaml", "ui:\n  export_dir: out\n  export_text: false\n", monkeypatch)
    settings = load_settings()
    assert settings.ui.export_dir == tmp_path / "out"  # relative to the file naming it
    assert settings.ui.export_text is False
    use(tmp_path / "bad.yaml", "ui:\n  export_text: 3\n", monkeypatch)
    with pytest.raises(ConfigError, match="export_text must be true or false"):
        load_settings()


def test_sources_with_their_own_fields_and_date_formats(tmp_path: Path, isolated_home: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """A source given as a mapping reads its files with its own fields (over the defaults,
    not over corpus.fields) and date formats, kept whatever other config file names other
    sources: a shell without the corpus's config still reads it right (stranger3 G)."""
    user = isolated_home / "config" / "newsdesk" / "config.yaml"
    user.parent.mkdir(parents=True)
    user.write_text("corpus:\n  sources:\n    - plain/\n"
                    "    - path: bio\n      fields: {id: '', title: Title, text: Content}\n"
                    "      date_format: ['%d/%m/%Y', '%d %b %Y,%A']\n"
                    "    - {path: one.csv, fields: {text: body}}\n")
    use(tmp_path / "env.yaml", "corpus:\n  sources: [other]\n  fields: {text: story}\n"
        "  date_format: '%m/%d/%Y'\n", monkeypatch)
    settings = load_settings()
    home = user.parent
    assert settings.corpus.sources == [tmp_path / "other"]
    bio = settings.corpus.reading(str(home / "bio" / "sub" / "a.csv"))
    assert bio.fields["text"] == "Content" and bio.fields["id"] == ""
    assert bio.fields["date"] == "date"  # the default, not corpus.fields
    assert bio.date_formats == ("%d/%m/%Y", "%d %b %Y,%A") and bio.source == home / "bio"
    assert settings.corpus.reading(str(home / "one.csv")).fields["text"] == "body"
    other = settings.corpus.reading(str(tmp_path / "other" / "x.csv"))
    assert (other.fields["text"], other.date_formats, other.source) == \
        ("story", ("%m/%d/%Y",), None)
    assert settings.corpus.reading(str(home / "biology" / "x.csv")).source is None


@pytest.mark.parametrize(("text", "message"), [
    ("corpus:\n  sources:\n    - {fields: {text: a}}\n", "needs a path"),
    ("corpus:\n  sources:\n    - {path: a, fields: {body: a}}\n", "unknown field 'body'"),
    ("corpus:\n  sources:\n    - {path: a, fields: [text]}\n", "must be a mapping"),
    ("corpus:\n  sources:\n    - {path: a, date_format: 12}\n", "strftime format"),
    ("corpus:\n  sources:\n    - [a]\n", "list of paths or of {path"),
    ("corpus:\n  date_format: 'no percent'\n", "strftime format"),
    ("corpus:\n  date_format: ['%d/%m/%Y', 3]\n", "strftime format"),
    # Directives strftime writes as they are but dates are never read by (stranger5).
    ("corpus:\n  date_format: '%Q/%d'\n", "%Q is no directive"),
    ("corpus:\n  sources:\n    - {path: a, date_format: ['%d/%m/%Y', '%-d.%m']}\n",
     "%- is no directive"),
    ("corpus:\n  date_format: '%d %E %Y'\n", "%E is no directive"),
])
def test_bad_source_entries_name_the_line(tmp_path: Path, text: str, message: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = use(tmp_path / "c.yaml", text, monkeypatch)
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(info.value).startswith(f"{path}:3") or str(info.value).startswith(f"{path}:2")
    assert message in str(info.value)


@pytest.mark.parametrize(("text", "line", "message"), [
    ("serch:\n  limit: 3\nsearch:\n  limit: 7\n", 1,
     "unknown key 'serch' passed over (did you mean 'search'?)"),
    ("search:\n  limt: 3\n  limit: 7\n", 2,
     "unknown key 'limt' passed over (did you mean 'limit'?)"),
    ("search:\n  limit: 7\n  rerank_model: tiny\n", 3, "unknown key 'rerank_model' passed"),
    ("telemetry:\n  off: true\nsearch:\n  limit: 7\n", 1, "unknown key 'telemetry' passed"),
    # Inside a corpus source too (it stopped newsdesk): the source loads, without the key.
    ("search:\n  limit: 7\ncorpus:\n  sources:\n    - path: a\n      feilds: {text: a}\n",
     6, "unknown key 'feilds' in a corpus source passed over (did you mean 'fields'?)"),
])
def test_a_key_not_known_is_passed_over_and_said(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  text: str, line: int, message: str) -> None:
    """A config written for a newer newsdesk (or with a key misspelt) still opens: the
    rest of it applies, and the key is said with its file and line (it was refused)."""
    path = use(tmp_path / "newer.yaml", text, monkeypatch)
    settings = load_settings()
    assert settings.search.limit == 7
    assert [n for n in settings.notes if n.startswith(f"{path}:{line}:")] and \
        message in settings.notes[0]
    assert path.read_text() == text  # never rewritten
