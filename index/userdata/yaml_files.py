"""Reading the small YAML files a person edits (bookmarks, history, actor dictionaries):
safe loading only, and every error names the file and line."""

from __future__ import annotations

from pathlib import Path

import yaml

from newsdesk.index.config import huge_number_at
from newsdesk.index.models import NewsdeskError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(data: object) -> str:
    """YAML a person can read and edit, in the order given; by libyaml where installed."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


class UserFileError(NewsdeskError):
    """A user's file that cannot be read; it is left as it is, never written over."""


def load_yaml(path: Path, error: type[UserFileError] = UserFileError
              ) -> tuple[object, yaml.Node | None]:
    """(data, node) of a YAML file, (None, None) if it does not exist; errors name the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read: {exc}") from None
    # One parse (the node gives the lines, the data is built from it), by libyaml where it
    # is installed: files read under a lock must be read fast (pure Python took 0.3 s for
    # 160 actors).
    loader = _Loader(text)
    node = None
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    except RecursionError:
        raise error(f"{path}: YAML nested too deeply; fix or move the file (it will not be "
                    "overwritten)") from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise error(f"{path}{huge_number_at(node)}: {str(exc).split(';')[0]}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}" if mark else ""
        raise error(f"{path}{where}: YAML syntax error: {exc.problem or exc}; "
                             "fix or move the file (it will not be overwritten)") from None
    except yaml.YAMLError as exc:
        raise error(f"{path}: YAML error: {exc}") from None
    finally:
        loader.dispose()


def entries(data: object, node: yaml.Node | None, key: str, path: Path,
            error: type[UserFileError] = UserFileError,
            known: tuple[str, ...] = ("version",)) -> list[tuple[object, int]]:
    """The items of the list under `key`, each with its line number. Any other top-level
    key than `key` and `known` is an error naming its line: read as no entries, a misspelt
    key ('searches:' for 'bookmarks:') showed none, and the next change wrote the file
    over without them."""
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise error(f"{path}:{_line(node)}: expected a mapping with '{key}:' (a list under "
                    f"'{key}:'); fix or move the file (it will not be overwritten)")
    for k, _ in node.value:
        if k.value not in (key, *known):
            raise error(f"{path}:{_line(k)}: unknown key '{k.value}' (expected "
                        f"{' and '.join(repr(x) for x in (*known, key))}); fix or move the "
                        "file (it will not be overwritten)")
    items = data.get(key)
    if items is None:
        return []
    if not isinstance(items, list):
        raise error(f"{path}:{_line(_value_node(node, key))}: '{key}' must be a list (each "
                    "entry starting with '- '); fix or move the file (it will not be "
                    "overwritten)")
    lines = [1] * len(items)
    value = _value_node(node, key)
    if isinstance(value, yaml.SequenceNode):
        lines = [n.start_mark.line + 1 for n in value.value]
    return list(zip(items, lines, strict=False))


def unknown_keys(data: object, node: yaml.Node | None, known: tuple[str, ...]
                 ) -> list[tuple[str, int]]:
    """The top-level keys of a mapping other than `known`, with their lines: a newer
    newsdesk's (kept as they are, said), or misspelt (said, kept: nothing is lost)."""
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return []
    return [(str(k.value), _line(k)) for k, _ in node.value if k.value not in known]


def _value_node(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in node.value if k.value == key), None)


def _line(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 1
