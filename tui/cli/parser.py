"""The `newsdesk` command's arguments: every subcommand's options and help in one place, so
that parsing imports none of the modules that run them.

Arguments are put in order before argparse sees them (`arrange`), so that the command takes
what shell users type: global options (--corpus) before or after the subcommand, a query of
several words without quotes, and a query word `-trump` as NOT trump rather than an unknown
option. After `--` every word is query text, and one that starts with `-` is a word to find,
not one to leave out."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from newsdesk.index.option_values import (
    ACTOR_SORTS,
    ACTOR_TYPES,
    DEFAULT_ACTOR_SORT,
    KWIC_ARTICLES,
    KWIC_ORDERS,
    PERIODS,
)
from newsdesk.index.query.language import quoted

Subparsers = argparse._SubParsersAction

# Options that mean the same wherever they are typed: `arrange` moves them to the front.
GLOBAL_OPTIONS = ("--corpus",)
CORPUS_HELP = ("a folder or file to use as the corpus instead of the configured sources "
               "(repeatable; before or after the command)")
EPILOG = """\
Global options go before or after the command: `newsdesk search iran --corpus DIR` is
`newsdesk --corpus DIR search iran`. A query is every word after the command, quoted or
not (`newsdesk search iran oil`); `-word` leaves articles with the word out; after `--`
each word is searched as written, options too (`-- --corpus DIR` searches for "--corpus"
and DIR: a note on stderr says so; put options before `--`).

Query syntax: `newsdesk help query`.  Shell completion: `newsdesk completion bash|zsh|fish`.
Where the config, index and saved searches live: `newsdesk locate`.

A corpus whose columns or keys have other names (or dates in another form) keeps its
mapping in your config file, used by every command on any file under PATH:
  corpus: {sources: [{path: PATH, fields: {title: Title, text: Content},
                      date_format: "%d/%m/%Y"}]}
A command that reads no article from a file that had some (a mapping that does not fit,
a file unreadable, gone or emptied) keeps its articles and says why; only `newsdesk index`
removes the articles of a file gone or emptied.

Exit codes: 0 done (a search found hits); 1 a search found nothing; 2 a usage, config or
query error, an internal error (with a report), or the dashboard started without a
terminal; 130 stopped by Ctrl-C."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Search a corpus of news articles from the keyboard. With no command,\n"
                    "opens the dashboard on the configured corpus (it needs a terminal;\n"
                    "there, ? or F1 lists every key).",
        epilog=EPILOG)
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="show the version of newsdesk and exit")
    parser.add_argument("--corpus", metavar="PATH", action="append", type=Path,
                        help=CORPUS_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (_add_index, _add_search, _add_tag, _add_locate, _add_actors, _add_timeline,
                _add_kwic, _add_facets, _add_saved, _add_help, _add_completion):
        add(sub)
    return parser


def _command(sub: Subparsers, name: str, **kwargs: object) -> argparse.ArgumentParser:
    """A subcommand's parser, its help listing the global options too (`arrange` has
    already moved them to the front, so this copy only documents them)."""
    p = sub.add_parser(name, **kwargs)
    p.add_argument("--corpus", metavar="PATH", action="append", type=Path,
                   default=argparse.SUPPRESS, help=CORPUS_HELP)
    return p


def _query(p: argparse.ArgumentParser, example: str, nargs: str = "+") -> None:
    p.add_argument("query", nargs=nargs, metavar="QUERY",
                   help=f"the query, one or several words (quotes optional), e.g. {example}; "
                        "`-word` leaves a word out; `newsdesk help query` for the syntax")


def arrange(parser: argparse.ArgumentParser, argv: list[str],
            notes: list[str] | None = None) -> list[str]:
    """argv in the order argparse takes it: global options first, then the subcommand (and
    a saved action) with its options, then `--` and the positional words. `notes`: where a
    note for the user goes (an option typed after `--`: `_notes_on_options_after`)."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--":
            rest += argv[i:]
            break
        if word.split("=", 1)[0] in GLOBAL_OPTIONS:
            takes = 2 if "=" not in word else 1  # `--corpus X`, or `--corpus=X`
            front += argv[i:i + takes]
            i += takes
            continue
        rest.append(word)
        i += 1
    return front + _arrange_in(parser, rest, notes if notes is not None else [])


def _arrange_in(parser: argparse.ArgumentParser, argv: list[str],
                notes: list[str]) -> list[str]:
    """One parser's share of argv: its options as typed, then its subcommand's share, or
    `--` and its positional words. A `-word` that is not one of this parser's options is
    a query word when the parser takes a query; an unknown `--word`, or a `-word` where no
    query is taken, stays an option, so that argparse names it."""
    options: list[str] = []
    positionals: list[str] = []
    positional_actions = [a for a in parser._actions if not a.option_strings]
    names = [a.dest for a in positional_actions]
    takes_query = "query" in names
    before_query = names.index("query") if takes_query else 0  # `saved add NAME QUERY`
    subparsers = next((a for a in positional_actions
                       if isinstance(a, argparse._SubParsersAction)), None)
    i = 0
    while i < len(argv):
        word = argv[i]
        i += 1
        if word == "--":
            for rest in argv[i:]:
                literal = takes_query and len(positionals) >= before_query
                positionals.append(_literal(rest) if literal else rest)
            notes += _notes_on_options_after(parser, argv[i:])
            break
        if subparsers is not None and not word.startswith("-"):
            if word in subparsers.choices:
                return options + [word] + _arrange_in(subparsers.choices[word], argv[i:],
                                                              notes)
            return options + argv[i - 1:]  # argparse names the unknown command
        action = _option(parser, word)
        if action is None:
            if word.startswith("--") or (word.startswith("-") and len(word) > 1
                                          and not takes_query):
                options.append(word)  # unknown: argparse says so (`--bogus` is no NOT)
            else:
                positionals.append(word)
            continue
        options.append(word)
        attached = "=" in word or (not word.startswith("--") and len(word) > 2)
        if action.nargs != 0 and not attached and i < len(argv):
            options.append(argv[i])  # the option's value, even one that starts with `-`
            i += 1
    if not names:  # (`locate extra`: argparse names "extra", not a `--` never typed)
        return options + positionals
    return options + (["--", *positionals] if positionals else [])


def _option(parser: argparse.ArgumentParser, word: str) -> argparse.Action | None:
    """The option `word` names (`--limit`, `--limit=5`, `-n`, `-n5`, or an unambiguous
    prefix such as `--lim`), or None when it names none of this parser's."""
    if not word.startswith("-") or len(word) < 2 or word == "--":
        return None
    known = parser._option_string_actions
    if word.startswith("--"):
        name = word.split("=", 1)[0]
        if name in known:
            return known[name]
        matches = {known[o] for o in known if o.startswith("--") and o.startswith(name)}
        return matches.pop() if len(matches) == 1 else None
    action = known.get(word[:2])
    if action is None or len(word) == 2:
        return action
    # `-n5` is -n with 5, but `-nuclear` and `-hezbollah` are query words, not -n or -h
    if action.nargs == 0 or (action.type is int and not re.fullmatch(r"-?\d+", word[2:])):
        return None
    return action


def _notes_on_options_after(parser: argparse.ArgumentParser, words: list[str]) -> list[str]:
    """A note (for stderr) on each word after `--` that is one of the command's options or
    a global one: POSIX's `--` holds (it is query text), but `newsdesk search rooney --
    -united --corpus DIR` searched the configured corpus for "--corpus" and DIR, silently."""
    notes: list[str] = []
    for word in words:
        name = word.split("=", 1)[0]
        if name in GLOBAL_OPTIONS or (name.startswith("--") and _option(parser, name)):
            option = name if name in GLOBAL_OPTIONS else \
                next(o for o in _option(parser, name).option_strings if o.startswith("--"))
            notes.append(f"newsdesk: note: '{option}' comes after '--', so it is searched "
                         "for as query text, not read as an option (put it before '--')")
    return notes


def _literal(word: str) -> str:
    """A word after `--`: one that starts with `-` is searched for, not left out."""
    return quoted(word) if word.startswith("-") and len(word) > 1 else word


class _Version(argparse.Action):
    """--version, looked up only when asked: importlib.metadata costs every start 50 ms."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from importlib import metadata

        try:
            version = metadata.version("newsdesk")
        except metadata.PackageNotFoundError:
            version = "unknown"
        # As argparse's own action: to stdout, a reader gone already (`| true`) no error.
        parser._print_message(f"newsdesk {version}\n", sys.stdout)
        parser.exit()


def _add_index(sub: Subparsers) -> None:
    p = _command(sub, "index", help="build or update the index of the corpus",
                 formatter_class=argparse.RawDescriptionHelpFormatter,
                 description=INDEX_DESCRIPTION)
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="folders or files to index (default: the configured sources); "
                        "the same as --corpus PATH")
    p.add_argument("--cluster", metavar="ADDRESS", default=None,
                   help="build on a Dask cluster (tcp://HOST:8786); its workers must see "
                        "the index folder at the same path (needs newsdesk[cluster])")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.add_argument("--check", action="store_true",
                   help="check the whole article store and every index file for damage, and "
                        "rebuild what is damaged")
    p.add_argument("--problems", action="store_true",
                   help="list, without indexing, every problem met in the corpus's files as "
                        "the index last read them (a run lists those of the files it "
                        "reads: the ones that changed)")


def _add_search(sub: Subparsers) -> None:
    p = _command(sub, "search", help="search the corpus and print ranked results",
                 formatter_class=argparse.RawDescriptionHelpFormatter,
                 description=SEARCH_DESCRIPTION)
    _query(p, "'\"drone strike\" AND date:2020'", nargs="*")
    p.add_argument("--batch", metavar="FILE", type=Path,
                   help="run every query of FILE, one a line (- reads stdin); prints each "
                        "line's count, or with --hits its best hits")
    p.add_argument("--hits", action="store_true",
                   help="with --batch: the best --limit hits of each query, not counts")
    p.add_argument("--limit", "-n", type=int, default=None, help="most hits to show")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.add_argument("--format", choices=("text", "json", "csv", "jsonl"), default=None,
                   help="csv or jsonl: one row a hit (id, title, date, source, url, path, "
                        "score, matches, snippet), for a spreadsheet or a script")
    p.add_argument("--all", action="store_true",
                   help="every hit, not only the best --limit (text, --json and exports; "
                        "with --fold every story)")
    p.add_argument("--full-text", action="store_true",
                   help="csv or jsonl: add each article's whole text (a text column)")
    p.add_argument("--sort", choices=("relevance", "date", "newest", "oldest"),
                   default="relevance",
                   help="relevance (default), or date: newest first (same as newest), oldest "
                        "first; ties by id. The empty query '' lists the newest articles")
    p.add_argument("--fold", action="store_true",
                   help="one entry a story: near-duplicates of a hit (syndicated copies, "
                        "light edits, spun rewrites) fold under it as '+N copies' (csv and "
                        "jsonl: a copies column); dup:ID lists them")


def _add_tag(sub: Subparsers) -> None:
    p = _command(sub, "tag", help="star, tag and note the articles a query finds, as "
                                  "`notmuch tag` (tag +lead -todo QUERY)",
                 formatter_class=argparse.RawDescriptionHelpFormatter,
                 description=TAG_DESCRIPTION)
    _query(p, "+lead -todo 'actor:\"Qassem Soleimani\"'", nargs="*")
    p.add_argument("--star", action="store_true", help="star the articles")
    p.add_argument("--unstar", action="store_true", help="take their star off")
    p.add_argument("--note", metavar="TEXT",
                   help="set the note of each article (one line; '' removes it)")
    p.add_argument("--list", action="store_true",
                   help="list every tag with its number of articles (no QUERY)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")


def _add_locate(sub: Subparsers) -> None:
    _command(sub, "locate", help="print where the config, index and user data live")


def _add_actors(sub: Subparsers) -> None:
    p = _command(sub, "actors", help="the people, organisations and countries the articles "
                                      "mention, with their aliases and counts; places apart "
                                      "(--places); merge, rename, hide, type and undo",
                 formatter_class=argparse.RawDescriptionHelpFormatter,
                 description=ACTORS_DESCRIPTION)
    p.add_argument("--type", type=actor_type, choices=ACTOR_TYPES,
                   help="only actors of this type")
    kinds = p.add_mutually_exclusive_group()
    kinds.add_argument("--places", action="store_true",
                       help="the places (cities, regions, sites) instead of the actors; the "
                            "same as --type location")
    kinds.add_argument("--all", action="store_true", help="actors and places in one list")
    p.add_argument("--hidden", action="store_true",
                   help="only the actors you hid (`actors unhide NAME` shows one again)")
    p.add_argument("--limit", "-n", type=int, default=30,
                   help="most actors to list (30; stderr says when there are more)")
    p.add_argument("--sort", choices=ACTOR_SORTS, default=DEFAULT_ACTOR_SORT)
    p.add_argument("--with", dest="with_", metavar="NAME",
                   help="the actors (or with --places the places) that appear in the most "
                        "articles together with NAME")
    p.add_argument("--find", metavar="TEXT",
                   help="only the actors with TEXT at a word's start in their name or an "
                        "alias, accents and case aside (as the actor pane's filter, f)")
    p.add_argument("--json", action="store_true", help="a JSON array on stdout")
    edits = p.add_subparsers(dest="actors_command", metavar="EDIT")
    merge = _command(edits, "merge", help="merge an actor into another: one actor with the "
                                          "names of both")
    merge.add_argument("name", metavar="NAME", help="the actor to merge (any of its names)")
    merge.add_argument("into", metavar="INTO", help="the actor it joins (any of its names)")
    unmerge = _command(edits, "unmerge", help="take a name, or an actor you merged, back "
                                              "out of the actor it is in")
    unmerge.add_argument("name", metavar="NAME",
                         help="a name the actor holds (split out as an actor of its own, or "
                              "the actor you merged that brought it), or the actor's own "
                              "name (your newest merge into it)")
    unmerge.add_argument("--from", dest="from_", metavar="ACTOR",
                         help="the actor to take NAME out of (any of its names), where NAME "
                              "is also an actor of its own or a name of several")
    rename = _command(edits, "rename", help="give an actor another name")
    rename.add_argument("name", metavar="NAME", help="the actor (any of its names)")
    rename.add_argument("new_name", metavar="NEW", help="its new name")
    rename.add_argument("--merge", action="store_true",
                        help="when NEW is another actor's name, merge into that actor "
                             "(without it such a rename is refused)")
    hide = _command(edits, "hide", help="leave an actor out of every list (`unhide` shows it)")
    hide.add_argument("name", metavar="NAME", help="the actor (any of its names)")
    unhide = _command(edits, "unhide", help="show a hidden actor again (`actors --hidden` "
                                            "lists them)")
    unhide.add_argument("name", metavar="NAME", help="the actor (any of its names)")
    retype = _command(edits, "type", help="say what kind of actor it is (a team typed "
                                          "person, a broadcaster typed other)")
    retype.add_argument("name", metavar="NAME", help="the actor (any of its names)")
    retype.add_argument("kind", metavar="TYPE", type=actor_type, choices=ACTOR_TYPES,
                        help=f"one of {', '.join(ACTOR_TYPES)} (location: listed among the "
                             "places)")
    _command(edits, "undo", help="undo the newest actor edit (from here or the dashboard)")


def actor_type(word: str) -> str:
    """A type as a user writes it: any case, the US spelling ("organization") too."""
    word = word.strip().lower()
    return "organisation" if word == "organization" else word


def _add_timeline(sub: Subparsers) -> None:
    p = _command(sub, "timeline",
                 help="hits per day, week, month or year of up to five queries, compared",
                 description="Hits per period of up to five queries or saved searches on "
                             "one time axis. Each argument is one query: quote a query of "
                             "several words (`newsdesk timeline \"oil price\" opec`); a "
                             "`-word` leaves the word out of the query before it.")
    p.add_argument("query", nargs="*", metavar="QUERY",
                   help="a query each, e.g. iran \"oil price\"; `newsdesk help query` for "
                        "the syntax")
    p.add_argument("--saved", "-s", metavar="NAME", action="append", default=[],
                   help="a saved search to compare too (repeatable)")
    p.add_argument("--by", choices=PERIODS, default=None,
                   help="period (default: chosen by the span of the hits' dates)")
    p.add_argument("--share", action="store_true",
                   help="each period's hits as a share of all the articles dated in it")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="one JSON object on stdout")
    form.add_argument("--csv", action="store_true",
                      help="CSV on stdout: a row a period, a column a query")
    p.set_defaults(separate_queries=True)


def _add_kwic(sub: Subparsers) -> None:
    p = _command(sub, "kwic", help="keyword in context: every match of a query on a line")
    _query(p, "soleimani")
    p.add_argument("--width", "-w", type=int, default=40,
                   help="characters of context each side (default 40)")
    p.add_argument("--sort", choices=KWIC_ORDERS, default="rank",
                   help="order: rank (default), left or right context word, match")
    p.add_argument("--limit", "-n", type=int, default=KWIC_ARTICLES,
                   help=f"best hits to take lines from (default {KWIC_ARTICLES:,}, as the "
                        "dashboard)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")


def _add_facets(sub: Subparsers) -> None:
    p = _command(sub, "facets", help="a query's hits by source, period and actor")
    _query(p, "iran -trump")
    p.add_argument("--top", type=int, default=10, help="values per facet (default 10)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")


def _add_saved(sub: Subparsers) -> None:
    p = _command(sub, "saved", help="saved searches: list (without an action), run, add, "
                                     "rm, group, export, import")
    saved = p.add_subparsers(dest="saved_command", metavar="ACTION")
    p_list = _command(saved, "list", help="each saved search with its hit count and how "
                                           "many hits are new since it was last opened")
    p_list.add_argument("--json", action="store_true")
    p_run = _command(saved, "run", help="run a saved search (resets its new count)")
    p_run.add_argument("name")
    p_run.add_argument("--limit", "-n", type=int, default=None, help="most hits to show")
    p_run.add_argument("--json", action="store_true")
    p_add = _command(saved, "add", help="save a query under a name")
    p_add.add_argument("name")
    _query(p_add, "iran oil")
    p_add.add_argument("--replace", action="store_true", help="replace a search of that name")
    p_rm = _command(saved, "rm", help="delete a saved search")
    p_rm.add_argument("name")
    p_group = _command(saved, "group", help="save every query of a file (one a line) as a "
                                            "group of saved searches named GROUP/QUERY")
    p_group.add_argument("group", metavar="GROUP")
    p_group.add_argument("file", metavar="FILE", type=Path,
                         help="one query a line, as `search --batch` reads it")
    p_group.add_argument("--remove", action="store_true",
                         help="delete the group GROUP instead (give FILE as -)")
    p_export = _command(saved, "export", help="write every saved search (name, query, group, "
                                              "created) to a YAML file")
    p_export.add_argument("file", metavar="FILE", type=Path)
    p_export.add_argument("--force", action="store_true", help="write over FILE if it exists")
    p_import = _command(saved, "import", help="add the saved searches of a YAML file (an "
                                              "export, or another corpus's saved.yaml): a "
                                              "name taken by another query gets ' (2)'")
    p_import.add_argument("file", metavar="FILE", type=Path)


def _add_help(sub: Subparsers) -> None:
    p = _command(sub, "help", help="help on a command, or on the query syntax (`help query`)")
    p.add_argument("topic", nargs="?", metavar="TOPIC",
                   help="query, or a command's name (default: the overview)")


def _add_completion(sub: Subparsers) -> None:
    p = _command(sub, "completion", help="print a shell completion script",
                 formatter_class=argparse.RawDescriptionHelpFormatter,
                 description=COMPLETION_DESCRIPTION)
    p.add_argument("shell", choices=SHELLS)
    p.add_argument("--saved-names", action="store_true", help=argparse.SUPPRESS)


SHELLS = ("bash", "zsh", "fish")
SEARCH_DESCRIPTION = """\
Search the corpus and print the ranked results (text, --json, or --format csv / jsonl).

With --batch FILE, every line of FILE is a query (blank lines and lines starting with #
are skipped) and each gets a row: its line number, the query and its count, or with --hits
its best --limit hits. A line that does not parse gets its error in its row and on stderr,
and the rest still run (exit 2 when a line was bad).

  newsdesk search --batch names.txt --format csv       line,query,count,error
  newsdesk search --batch names.txt --hits -n 5 --json"""
TAG_DESCRIPTION = """\
Star, tag and note every article a query finds, as `notmuch tag` does: words starting with
+ or - before the query add or take off a tag (so start a query with NOT, not -word). The
marks are kept by article id, beside the saved searches, and survive a re-index; search
them with tag:NAME, tag:lea*, is:starred, is:tagged, is:noted.

  newsdesk tag +lead -todo 'actor:"Qassem Soleimani" date:2020-01'
  newsdesk tag --star --note "call the desk" id:000_b53c0022ec9fbed3
  newsdesk tag -todo tag:todo              take a tag off every article that has it
  newsdesk tag --list                      every tag and how many articles have it"""
ACTORS_DESCRIPTION = """\
List the corpus's actors (people, organisations, governments, armed groups, parties, media,
international bodies, countries) by the articles that mention them; places (cities,
regions, sites) are listed apart, with --places. Or change them: every edit is saved to
your own actor dictionary of this corpus (`newsdesk locate` shows where), shows at once in
every list, count and `actor:` search, and needs no re-index.

  newsdesk actors merge Pompeo "Mike Pompeo"   one actor with the names of both
  newsdesk actors unmerge Pompeo               a name taken back out of its actor
  newsdesk actors unmerge Pompeo --from Trump  ... out of that actor, where it is an actor too
  newsdesk actors rename Trump "Donald J. Trump"
  newsdesk actors hide Reuters                 newsdesk actors --hidden lists them
  newsdesk actors unhide Reuters
  newsdesk actors type Colts organisation      what kind of actor it is (location: a place)
  newsdesk actors undo                         the newest edit, again and again"""
COMPLETION_DESCRIPTION = """\
Print a completion script for the shell: commands, options, their values, and the names of
saved searches after `saved run` and `saved rm`. To load it:

  bash:  echo 'eval "$(newsdesk completion bash)"' >> ~/.bashrc
  zsh:   echo 'eval "$(newsdesk completion zsh)"' >> ~/.zshrc   (after compinit)
  fish:  newsdesk completion fish > ~/.config/fish/completions/newsdesk.fish"""
INDEX_DESCRIPTION = """\
Build or update the index of the configured corpus, or of the folders and files named.

An index belongs to its corpus: `newsdesk index PATH` indexes PATH as a corpus of its own,
the same as `newsdesk --corpus PATH index`, and leaves the configured corpus's index alone.
Search it with --corpus PATH on any command (before or after the command); the command
says so when it is done. To make PATH the corpus every command uses, set corpus.sources in
your config file (`newsdesk locate` shows where it is).

The articles of a file deleted or emptied since the last run are removed here (and by F5 in
the dashboard), never by a search or the dashboard's own updates. A file that gives no
article for another reason (a field mapping that does not fit it, unreadable, binary, cut
short) keeps its articles in every run, said with the file, why and the setting to fix."""


def subcommand_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Each subcommand's parser by name, in the order of --help."""
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)
