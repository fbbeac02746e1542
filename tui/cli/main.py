"""The `newsdesk` entry point: parse the arguments, run the subcommand's module, and turn
every failure into a message on stderr and an exit code, never a traceback."""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import re
import sys

from newsdesk.index.config import Settings
from newsdesk.index.models import IndexDamagedError, NewsdeskError
from newsdesk.index.whoosh_version import check_whoosh_version
from newsdesk.tui import crash, early_terminal
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import settings_from_args
from newsdesk.tui.cli.parser import arrange, build_parser
from newsdesk.tui.exit_codes import EXIT_ERROR, EXIT_HITS, EXIT_INTERRUPTED

# Errors that say a path named is no possible name: too long, or through a symlink loop.
_NAME_REFUSED = (errno.ENAMETOOLONG, errno.ELOOP)
_SURROGATE = re.compile("[\ud800-\udfff]")

# Each subcommand's module, imported only when it runs (spelled out whole, so that the
# import-contract test sees these imports too): `newsdesk
# search` never loads Textual and no command pays for another's imports. Each module has
# `run(settings, args) -> int`. None is no subcommand: the dashboard.
COMMANDS: dict[str | None, str] = {
    None: "newsdesk.tui.cli.dashboard",
    "index": "newsdesk.tui.cli.index",
    "search": "newsdesk.tui.cli.search",
    "tag": "newsdesk.tui.cli.tag",
    "locate": "newsdesk.tui.cli.locate",
    "actors": "newsdesk.tui.cli.actors",
    "timeline": "newsdesk.tui.cli.timeline",
    "kwic": "newsdesk.tui.cli.kwic",
    "facets": "newsdesk.tui.cli.facets",
    "saved": "newsdesk.tui.cli.saved",
    "help": "newsdesk.tui.cli.help",
    "completion": "newsdesk.tui.cli.completion",
}


def repair(settings: Settings, damage: IndexDamagedError) -> None:
    """A damaged store or index found while reading: rebuilt (the store from the corpus
    files, the index from the store), saying so, before the command runs again."""
    from newsdesk.tui.cli.progress import run_indexer_with_progress

    output.err(f"newsdesk: {damage}; repairing it (saved searches, history and "
               "actor curation are kept)")
    run_indexer_with_progress(settings, quiet=not sys.stderr.isatty(), summary=False,
                              repair=damage.part)


def _decoded(args: argparse.Namespace) -> None:
    """Bytes of an argument that are not UTF-8 reach Python as lone surrogates, which can be
    neither written nor stored: in the text arguments (queries, names; not the paths, which
    keep them to name the very file) they become U+FFFD, as in the corpus. `saved add` with
    such a name or query stopped on an internal error."""
    for key, value in vars(args).items():
        if isinstance(value, str):
            setattr(args, key, _replaced(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, key, [_replaced(v) for v in value])


def _replaced(text: str) -> str:
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace") \
        if _SURROGATE.search(text) else text


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    notes: list[str] = []
    args = output.parse_args(parser, arrange(parser, sys.argv[1:] if argv is None else argv,
                                             notes))
    if args.command is not None:
        early_terminal.give_back()  # (taken on a guess from the words: not the dashboard)
    for note in notes:
        output.err(note)
    _decoded(args)
    if isinstance(getattr(args, "query", None), list) and \
            not getattr(args, "separate_queries", False):  # `timeline`: a query each
        # `search iran oil` is `search "iran oil"`; no words at all (search --batch) is None
        args.query = " ".join(args.query) if args.query else None
    try:
        # help and completion read neither config nor index: they work with a broken
        # config or another Whoosh too, which is when help is wanted
        settings = None
        if args.command not in ("help", "completion"):
            if args.command is not None:  # the dashboard asks as it opens the index, in
                check_whoosh_version()  # its worker: its first frame does not wait
            settings = settings_from_args(args)
            for note in settings.notes:  # a newer config's keys, or misspelt ones
                output.err(f"newsdesk: {note}")
        command = importlib.import_module(COMMANDS[args.command])
        try:
            return command.run(settings, args)
        except IndexDamagedError as exc:
            if args.command in (None, "index"):
                raise  # the indexer repairs what it finds itself; the dashboard says so
            repair(settings, exc)
            return command.run(settings, args)  # once: a second failure is reported
    except NewsdeskError as exc:
        output.err(f"newsdesk: {exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        output.err("newsdesk: interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error. Python would complain again as
        # it flushes stdout at exit, so stdout goes nowhere from here.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_HITS
    except OSError as exc:
        if exc.errno not in _NAME_REFUSED or not exc.filename:
            output.err(crash.message(exc, crash.write_report(exc)))
            return EXIT_ERROR
        # A path given (argument, config, environment) that the system refuses as a name:
        # the user's to change, as "no such file" is, not a fault of newsdesk's.
        output.err(f"newsdesk: {exc.filename}: {exc.strerror}")
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - a fault of newsdesk's: no traceback on screen
        output.err(crash.message(exc, crash.write_report(exc)))
        return EXIT_ERROR
