"""A word a command does not take is named as typed: `newsdesk locate extra` said
"unrecognized arguments: -- extra", a `--` the user never typed."""

from __future__ import annotations

import argparse

import pytest

from newsdesk.tui.cli.main import main
from newsdesk.tui.cli.parser import arrange, build_parser


def _takes_no_words() -> list[list[str]]:
    """Every command and saved action that takes no positional word, as typed."""
    found: list[list[str]] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        actions = [a for a in parser._actions if not a.option_strings]
        subs = [a for a in actions if isinstance(a, argparse._SubParsersAction)]
        if subs:
            for name, child in subs[0].choices.items():
                walk(child, [*path, name])
        elif path and not actions:
            found.append(path)

    walk(build_parser(), [])
    return found


COMMANDS = _takes_no_words()


def test_some_commands_take_no_words() -> None:
    assert ["locate"] in COMMANDS


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("extra", [["extra"], ["one", "two"], ["-x"], ["naïve"]])
def test_the_unknown_words_are_named_as_typed(command: list[str], extra: list[str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(arrange(parser, [*command, *extra]))
    err = capsys.readouterr().err
    assert "unrecognized arguments: " + " ".join(extra) in err, err
    assert "--" not in err.split("unrecognized arguments:")[1]


def test_an_option_after_dashes_is_query_text_with_a_note(
        capsys: pytest.CaptureFixture[str]) -> None:
    """POSIX's `--` holds (every word after it is query text), but an option typed after
    it is said on stderr: `search rooney -- -united --corpus DIR` searched the configured
    corpus for "--corpus" and DIR, silently."""
    parser = build_parser()
    notes: list[str] = []
    args = parser.parse_args(arrange(parser, ["search", "rooney", "--", "-united",
                                              "--corpus", "../cur", "--lim=3"], notes))
    assert args.corpus in (None, [])
    assert "--corpus" in " ".join(args.query) and "../cur" in args.query
    said = " ".join(notes)
    assert "'--corpus' comes after '--'" in said and "'--limit' comes after '--'" in said
    notes.clear()
    parser.parse_args(arrange(parser, ["search", "--", "-united", "rooney"], notes))
    assert notes == []
    # main() says them on stderr
    main(["search", "rooney", "--", "--corpus", "../cur"])
    assert "'--corpus' comes after '--'" in capsys.readouterr().err
