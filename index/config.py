"""Settings as a typed object, loaded from YAML: shipped defaults, then the user's file, then
the file named by NEWSDESK_CONFIG. Errors name the file and line."""

from __future__ import annotations

import codecs
import difflib
import math
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from newsdesk.index import locations
from newsdesk.index.models import ConfigError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FIELD_NAMES = ("id", "title", "date", "source", "url", "text")


def default_fields() -> dict[str, str]:
    return {n: n for n in FIELD_NAMES}


@dataclass(frozen=True, slots=True)
class Reading:
    """How the records of one file read: its field mapping and date formats."""

    fields: dict[str, str]
    date_formats: tuple[str, ...] = ()
    source: Path | None = None  # the configured source that gave them (None: corpus.*)
    encoding: str | None = None  # the files' codec (None: UTF-8, or their byte-order mark)


@dataclass(slots=True)
class CorpusSettings:
    sources: list[Path] = field(default_factory=list)
    max_file_mb: float = 20.0
    fields: dict[str, str] = field(default_factory=default_fields)
    date_format: tuple[str, ...] = ()  # strftime formats tried before the built-in forms
    encoding: str | None = None  # the codec of files without a byte-order mark (None: UTF-8)
    # Sources configured with a mapping or date formats of their own (`corpus.sources:
    # [{path, fields, date_format}]`) in any config file read (the user's own, then
    # NEWSDESK_CONFIG: a later file's entry for the same path wins): they apply to every
    # file under that path, whatever sources a command reads (another config's, --corpus,
    # `index PATH`), so a corpus keeps its mapping in any shell.
    own: dict[Path, Reading] = field(default_factory=dict)

    def reading(self, path: str) -> Reading:
        """The reading of the file at `path`: that of the most specific configured source
        holding it, else corpus.fields and corpus.date_format."""
        found, best = None, -1
        for root, reading in self.own.items():
            text = str(root)
            if (path == text or path.startswith(text.rstrip(os.sep) + os.sep)) \
                    and len(text) > best:
                found, best = reading, len(text)
        return found or self.default_reading()

    def default_reading(self) -> Reading:
        """corpus.fields, corpus.date_format and corpus.encoding."""
        return Reading(self.fields, tuple(self.date_format), None, self.encoding)


@dataclass(slots=True)
class IndexSettings:
    dir: Path | None = None
    batch_size: int = 4000  # articles a batch at most
    batch_mb: float = 8.0  # text a batch at most: its arrays take about 8 times as much
    cluster: str | None = None  # a Dask scheduler's address: build there (ingest/cluster.py)


@dataclass(slots=True)
class SearchSettings:
    default_operator: str = "AND"
    limit: int = 50
    max_expansions: int = 32
    snippet_chars: int = 180


@dataclass(slots=True)
class UiSettings:
    debounce_ms: int = 0
    page_size: int = 20
    export_dir: Path | None = None  # None: exports_dir() beside the user data
    export_text: bool = True  # exports from the dashboard carry each article's whole text


@dataclass(slots=True)
class ActorSettings:
    dictionaries: list[Path] = field(default_factory=list)
    metonyms: bool = False  # "Washington", "the Kremlin" count for the actor they stand for


@dataclass(slots=True)
class Settings:
    corpus: CorpusSettings = field(default_factory=CorpusSettings)
    index: IndexSettings = field(default_factory=IndexSettings)
    search: SearchSettings = field(default_factory=SearchSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    actors: ActorSettings = field(default_factory=ActorSettings)
    files: list[Path] = field(default_factory=list)
    # Keys of the config files this newsdesk does not know (a newer one's, or misspelt),
    # each with its file and line: passed over, said (a newer config never refused)
    notes: list[str] = field(default_factory=list)


# key -> (expected python type(s), description used in messages)
_SCHEMA: dict[str, dict[str, tuple[tuple[type, ...], str]]] = {
    "corpus": {
        "sources": ((list, str), "a list of paths"),
        "max_file_mb": ((int, float), "a number"),
        "fields": ((dict,), "a mapping of field name to key"),
        "date_format": ((str, list), "a strftime format or a list of them"),
        "encoding": ((str, type(None)), "a codec name (cp1252, latin-1, ...) or null"),
    },
    "index": {
        "dir": ((str, type(None)), "a path or null"),
        "batch_size": ((int,), "a whole number"),
        "batch_mb": ((int, float), "a number"),
        "cluster": ((str, type(None)), "a scheduler address (tcp://HOST:8786) or null"),
    },
    "search": {
        "default_operator": ((str,), "AND or OR"),
        "limit": ((int,), "a whole number"),
        "max_expansions": ((int,), "a whole number"),
        "snippet_chars": ((int,), "a whole number"),
    },
    "ui": {
        "debounce_ms": ((int,), "a whole number"),
        "page_size": ((int,), "a whole number"),
        "export_dir": ((str, type(None)), "a path or null"),
        "export_text": ((bool,), "true or false"),
    },
    "actors": {
        "dictionaries": ((list,), "a list of paths"),
        "metonyms": ((bool,), "true or false"),
    },
}


def _where(path: Path, node: yaml.Node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def _unknown(path: Path, node: yaml.Node, key: str, known: list[str]) -> str:
    """The note for a key this newsdesk does not know: passed over, not refused (a config
    written for a newer newsdesk still opens), with the key it may be a misspelling of."""
    close = difflib.get_close_matches(key, known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(known)})"
    return f"{_where(path, node)}: unknown key '{key}' passed over{hint}"


def _load_file(path: Path) -> tuple[yaml.Node | None, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not valid UTF-8") from None
    # One parse (the node gives the lines, the data is built from it), by libyaml where it
    # is installed: the pure-Python parser read the shipped config's comments twice, 4 ms
    # of each of the two to four loads of a command.
    loader = _Loader(text)
    node = None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{line}: YAML syntax error: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: YAML error: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: YAML nested too deeply") from None
    except ValueError as exc:  # a number of more than 4,300 digits, among others
        raise ConfigError(f"{path}{huge_number_at(node)}: {str(exc).split(';')[0]}") from None
    finally:
        loader.dispose()
    return node, data


def huge_number_at(node: yaml.Node | None) -> str:
    """":LINE: KEY is" for the first scalar too long to be a number Python converts."""
    stack: list[tuple[yaml.Node, str]] = [(node, "")] if node is not None else []
    while stack:
        current, key = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            if sum(ch.isdigit() for ch in current.value) > 4000:
                return f":{current.start_mark.line + 1}: {key} is a number too long to read"
        elif isinstance(current, yaml.MappingNode):
            stack.extend((v, f"{key}.{k.value}".lstrip(".")) for k, v in reversed(current.value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, key) for item in reversed(current.value))
    return ""


def _apply(settings: Settings, path: Path, node: yaml.Node | None, data: Any) -> None:
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ConfigError(f"{path}:1: the config must be a mapping of sections")
    base = path.parent
    for key_node, value_node in node.value:
        section = key_node.value
        if section not in _SCHEMA:
            settings.notes.append(_unknown(path, key_node, section, list(_SCHEMA)))
            continue
        values = data[section]
        if values is None:
            continue
        if not isinstance(values, dict) or not isinstance(value_node, yaml.MappingNode):
            raise ConfigError(f"{_where(path, value_node)}: '{section}' must be a mapping")
        for k_node, v_node in value_node.value:
            key = k_node.value
            spec = _SCHEMA[section]
            if key not in spec:
                settings.notes.append(_unknown(path, k_node, key, list(spec)))
                continue
            value = values[key]
            types, desc = spec[key]
            if (isinstance(value, bool) and bool not in types) or not isinstance(value, types):
                raise ConfigError(
                    f"{_where(path, v_node)}: {section}.{key} must be {desc}, not "
                    f"{_as_written(value, v_node)}")
            _set(settings, section, key, value, base, path, v_node)


def _as_written(value: object, node: yaml.Node) -> str:
    """A value as the file has it: a date as 2020-01-01, never Python's
    datetime.date(2020, 1, 1); text quoted; a list or a mapping by its kind."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    written = str(node.value)[:80]
    return repr(written) if isinstance(value, str) else written


def _set(s: Settings, section: str, key: str, value: Any, base: Path, path: Path,
         node: yaml.Node) -> None:
    where = _where(path, node)
    if section == "corpus" and key == "sources":
        items = [value] if isinstance(value, str) else value
        item_nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
        paths: list[Path] = []
        for item, item_node in zip(items, item_nodes, strict=True):
            if isinstance(item, dict):
                source, reading = _source_entry(item, base, path, item_node, s.notes)
                paths.append(source)
                s.corpus.own[source] = reading
            elif isinstance(item, str):
                paths.append((base / os.path.expanduser(item)).resolve())
            else:
                raise ConfigError(f"{_where(path, item_node)}: corpus.sources must be a list "
                                  "of paths or of {path: ..., fields: ..., date_format: ...}")
        s.corpus.sources = list(dict.fromkeys(paths))  # each once
    elif section == "actors" and key == "dictionaries":
        if not all(isinstance(i, str) for i in value):
            raise ConfigError(f"{where}: actors.dictionaries must be a list of paths")
        s.actors.dictionaries = [(base / os.path.expanduser(i)).resolve() for i in value]
    elif section == "corpus" and key == "fields":
        s.corpus.fields.update(_fields(value, where, "corpus.fields"))
    elif section == "corpus" and key == "date_format":
        s.corpus.date_format = _date_formats(value, where, "corpus.date_format")
    elif section == "corpus" and key == "encoding":
        s.corpus.encoding = _encoding(value, where, "corpus.encoding")
    elif section == "index" and key == "cluster":
        s.index.cluster = (value or "").strip() or None
    elif section == "index" and key == "dir":
        s.index.dir = (base / os.path.expanduser(value)).resolve() if value else None
    elif section == "ui" and key == "export_dir":
        s.ui.export_dir = (base / os.path.expanduser(value)).resolve() if value else None
    elif isinstance(value, bool):
        setattr(getattr(s, section), key, value)
    elif section == "search" and key == "default_operator":
        if value.upper() not in ("AND", "OR"):
            raise ConfigError(f"{where}: search.default_operator must be AND or OR")
        s.search.default_operator = value.upper()
    else:
        zero = key in ZERO_ALLOWED
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(f"{where}: {section}.{key} must be a finite number, not {value}")
        if isinstance(value, int | float) and (value < 0 or (value == 0 and not zero)):
            least = "0 or more" if zero else "greater than 0"
            raise ConfigError(f"{where}: {section}.{key} must be {least}")
        most = MOST.get(key)
        if most is not None and value > most:
            raise ConfigError(f"{where}: {section}.{key} must be at most {most:,}")
        setattr(getattr(s, section), key, value)


def _fields(value: dict, where: str, name: str) -> dict[str, str]:
    for field_name, column in value.items():
        if field_name not in FIELD_NAMES:
            raise ConfigError(f"{where}: {name} has unknown field '{field_name}' "
                              f"(known: {', '.join(FIELD_NAMES)})")
        if not isinstance(column, str):
            raise ConfigError(f"{where}: {name}.{field_name} must be a key name")
    return dict(value)


def _date_formats(value: object, where: str, name: str) -> tuple[str, ...]:
    formats = [value] if isinstance(value, str) else value
    if not isinstance(formats, list) or not all(isinstance(f, str) and "%" in f
                                                  for f in formats):
        raise ConfigError(f"{where}: {name} must be a strftime format such as '%d/%m/%Y' "
                          "or a list of them")
    for fmt in formats:
        try:
            datetime.strftime(datetime(2001, 2, 3, 4, 5, 6), fmt)
        except ValueError as exc:
            raise ConfigError(f"{where}: {name} {fmt!r} is not a strftime format: "
                              f"{exc}") from None
        # strftime writes an unknown directive as it is (`%Q`); reading dates refuses it,
        # so every date of the source was "not understood" with no word on the format.
        unknown = [d for d in _DIRECTIVE.findall(fmt) if d not in _READ_DIRECTIVES]
        if unknown:
            raise ConfigError(f"{where}: {name} {fmt!r}: %{unknown[0]} is no directive dates "
                              "are read by (e.g. %d day, %m month, %Y year, %b month name)")
    return tuple(formats)


_DIRECTIVE = re.compile(r"%(.)")
_READ_DIRECTIVES = set("aAwdbBmyYHIpMSfzZjUWcxXGuV%:")


SOURCE_KEYS = ("path", "fields", "date_format", "encoding")


def _encoding(value: object, where: str, name: str) -> str | None:
    """A codec Python knows that reads a file line by line as ASCII does (newlines and
    ASCII as themselves), by its canonical name; None for null or utf-8. An unknown name
    is refused naming the file and line."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: {name} must be a codec name (cp1252, latin-1, ...)")
    try:
        codec = codecs.lookup(value.strip())
        plain = "\n,a\"".encode(codec.name) == b"\n,a\""
    except (LookupError, UnicodeError, ValueError):
        raise ConfigError(f"{where}: {name}: unknown encoding {value!r} (a codec name such "
                          "as cp1252, latin-1, iso-8859-15, shift_jis)") from None
    if not plain:
        raise ConfigError(f"{where}: {name}: {value!r} does not keep ASCII as it is; "
                          "UTF-16 and UTF-32 files are read by their byte-order mark")
    return None if codec.name == "utf-8" else codec.name


def _source_entry(item: dict, base: Path, path: Path, node: yaml.Node, notes: list[str]
                  ) -> tuple[Path, Reading]:
    """A source of corpus.sources given as a mapping: its path, and how its files read
    (fields over the defaults, not over corpus.fields: the same whatever other file the
    shell's config names). A key it does not know is passed over with a note naming its
    line (`notes`), as everywhere else in the file: it stopped newsdesk."""
    where = _where(path, node)
    lines = {k.value: k for k, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
    for key in item:
        if key not in SOURCE_KEYS:
            notes.append(_unknown(path, lines.get(key, node), str(key), list(SOURCE_KEYS))
                         .replace(" passed over", " in a corpus source passed over", 1))
    raw = item.get("path")
    if not isinstance(raw, str) or not raw.strip():
        raise ConfigError(f"{where}: a corpus source given as a mapping needs a path")
    source = (base / os.path.expanduser(raw)).resolve()
    fields = default_fields()
    if item.get("fields") is not None:
        if not isinstance(item["fields"], dict):
            raise ConfigError(f"{where}: the fields of source {raw} must be a mapping of "
                              "field name to key")
        fields.update(_fields(item["fields"], where, f"the fields of source {raw}"))
    formats = _date_formats(item["date_format"], where, f"the date_format of source {raw}") \
        if item.get("date_format") is not None else ()
    encoding = _encoding(item.get("encoding"), where, f"the encoding of source {raw}")
    return source, Reading(fields, formats, source, encoding)


ZERO_ALLOWED = {"debounce_ms"}  # numbers that may be 0; every other one must be positive
# The largest value each number may take: beyond, it is a typo (or an attack), and would
# overflow the arithmetic it feeds (a byte count, a result list, a timer).
MOST = {"max_file_mb": 1 << 20, "batch_size": 10_000_000, "batch_mb": 1 << 14, "limit": 1_000_000,
        "max_expansions": 100_000, "snippet_chars": 1_000_000, "debounce_ms": 60_000,
        "page_size": 100_000}


def config_files() -> list[Path]:
    """The files read, in order: defaults, the user's own, then NEWSDESK_CONFIG."""
    files = [locations.default_config_file(), locations.user_config_file()]
    named = os.environ.get("NEWSDESK_CONFIG")
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise ConfigError(f"{path}: NEWSDESK_CONFIG names a file that does not exist")
        files.append(path)
    return files


def load_settings() -> Settings:
    settings = Settings()
    for path in config_files():
        if not path.is_file():
            continue
        node, data = _load_file(path)
        _apply(settings, path, node, data)
        settings.files.append(path)
    return settings
