"""Generated hostile numbers in config.yaml: every numeric setting given infinities, NaN,
numbers too large for anything, negatives, zero, strings and lists. Each is refused with one
message naming the file, line and setting; none reaches the code as an internal error."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.models import ConfigError
from tests.helpers.command import run
from tests.helpers.figures import Record

NUMBERS = [("corpus", "max_file_mb"), ("index", "batch_size"), ("search", "limit"),
           ("search", "max_expansions"), ("search", "snippet_chars"), ("ui", "debounce_ms"),
           ("ui", "page_size")]
HOSTILE = [".inf", "-.inf", ".nan", ".NaN", "+.inf", "1e400", "-1e400", "1" * 40,
           "-" + "9" * 30, "1" * 5000, "-1", "0x7fffffffffffffffffff", "[1]", "{a: 1}",
           "'5'", "true", "null", "2.5e300"]


def config_with(tmp_path: Path, section: str, key: str, value: str) -> Path:
    cfg = tmp_path / "cfg.yaml"
    # Two lines before it, so the line named is the value's own (4).
    cfg.write_text(f"# hostile\n# {key}\n{section}:\n  {key}: {value}\n")
    return cfg


def test_hostile_numbers_in_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   figures: Record) -> None:
    failures: list[str] = []
    tried = 0
    for (section, key), value in itertools.product(NUMBERS, HOSTILE):
        tried += 1
        cfg = config_with(tmp_path, section, key, value)
        monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
        try:
            load_settings()
        except ConfigError as exc:
            if f"{cfg}:4:" not in str(exc) or key not in str(exc) or "\n" in str(exc):
                failures.append(f"{key}: {value[:20]}: {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - what the test hunts for
            failures.append(f"{key}: {value[:20]}: {type(exc).__name__}: {exc}")
            continue
        if value not in ("null",):  # null keeps the default; anything else must be refused
            failures.append(f"{key}: {value[:20]}: accepted")
    figures("hostile numbers in config.yaml", tried, len(failures))
    assert failures == [], "\n".join(failures[:20])


@pytest.mark.parametrize(("section", "key", "value"), [
    ("corpus", "max_file_mb", ".inf"), ("corpus", "max_file_mb", ".nan"),
    ("search", "limit", "1" * 40), ("ui", "debounce_ms", "-.inf"),
])
def test_hostile_numbers_in_the_real_command(tmp_path: Path, section: str, key: str,
                                             value: str) -> None:
    cfg = config_with(tmp_path, section, key, value)
    for args in (("search", "okapi"), ("index",), ("timeline", "okapi")):
        proc = run(*args, env_extra={"NEWSDESK_CONFIG": str(cfg)})
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.startswith(f"newsdesk: {cfg}:4: {section}.{key}"), proc.stderr
        assert "internal error" not in proc.stderr


@pytest.mark.parametrize("text", [
    "actors:\n  - name: X\n    code: " + "1" * 5000 + "\n",
    "- " * 3000 + "x\n",
    "[" * 3000 + "]" * 3000 + "\n",
    "{a: " * 2000 + "1" + "}" * 2000 + "\n",
    "actors:\n  - name: " + "9" * 4400 + "\n",
])
def test_hostile_yaml_in_an_actor_dictionary(tmp_path: Path, text: str) -> None:
    """A dictionary nested thousands deep or holding a 5,000-digit number: one message
    naming the file (and the line, where there is one), through the real command."""
    dictionary = tmp_path / "actors.yaml"
    dictionary.write_text(text)
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text(f"index:\n  dir: {tmp_path / 'idx'}\n"
                   f"actors:\n  dictionaries:\n    - {dictionary}\n")
    proc = run("index", env_extra={"NEWSDESK_CONFIG": str(cfg)})
    assert proc.returncode == 2 and "internal error" not in proc.stderr, proc.stderr
    assert proc.stderr.startswith(f"newsdesk: {dictionary}"), proc.stderr
