"""`newsdesk help [TOPIC]`: the overview, a command's options, or the query syntax. The help
is whole without README.md, which an installed newsdesk does not carry."""

from __future__ import annotations

import argparse

from newsdesk.index.config import Settings
from newsdesk.index.models import NewsdeskError
from newsdesk.tui.cli import output
from newsdesk.tui.cli.parser import build_parser, subcommand_parsers
from newsdesk.tui.exit_codes import EXIT_HITS

QUERY_HELP = """\
Query syntax (the same in the dashboard and in every command that takes a QUERY)

  iran militia                 both words (the default operator is AND;
                               search.default_operator in the config)
  iran OR iraq                 either word
  iran AND iraq                both words
  NOT trump, -trump            leave out the articles with the word
  -"drone strike", -(a OR b), -source:Reuters
                               leave out a phrase, a group, a field's value
  "drone strike", "universe"   the exact phrase, its words as written ("universe"
                               is not "university"; unquoted words match by stem)
  "soleimani revenge"~5        the words within 5 words of each other, in any order
  milit*, hezb?llah            wildcards (a letter or digit before the first * or ?)
  Soleimany~, kassem~2         fuzzy: words within 1 or 2 edits
  title:iran, text:iran        one field
  source:"Arab News"           articles from a source
  date:2020, date:2020-01, date:2020-01-04
                               a year, a month, a day
  date:[2020-01-01 TO 2020-03-31], date:[2021 TO *]
                               a date range; * leaves an end open
  id:ID, url:"https://..."     one article by id or url (url:https* works)
  actor:"Qassem Soleimani"     articles that mention the actor, by any of its names
  dup:ID                       the article and its near-duplicates (syndicated copies,
                               light edits, spun rewrites; `search --fold` folds them)
  tag:lead, tag:elect*         articles you tagged (t in the dashboard, `newsdesk tag`)
  is:starred, is:tagged, is:noted
                               articles you starred, gave any tag, wrote a note on
  (pompeo OR rouhani) AND ayatollah
                               grouping
  *                            every article

Words match by stem (strikes finds "strike"); case and accents are ignored; very common
words (the, of, ...) are not indexed. Wildcards and fuzzy terms expand to at most
search.max_expansions words, the most frequent. A malformed query gets a message naming
the problem and its column; a query with no hits gets a "did you mean" when a close word
is indexed.

On the command line the query is every word after the command, quoted or not:
  newsdesk search iran oil              is  newsdesk search "iran oil"
  newsdesk search iran -trump           iran, NOT trump
  newsdesk search iran -n 5             -n is the command's option (5 hits); any other
                                        -word is a word left out
  newsdesk search -- -n 5               after --, every word is query text, and a word
                                        that starts with - is searched for, not left out
Quote what the shell would take for itself: newsdesk search '"drone strike"' or
newsdesk search 'milit*'.
"""


def run(settings: Settings | None, args: argparse.Namespace) -> int:
    topic = args.topic
    if topic is None:
        build_parser().print_help()
    elif topic in ("query", "queries", "syntax"):
        output.out(QUERY_HELP.removesuffix("\n"))
    else:
        commands = subcommand_parsers(build_parser())
        if topic not in commands:
            raise NewsdeskError(f"no help on '{topic}'; try `newsdesk help query` or one of "
                                f"the commands: {', '.join(commands)}")
        commands[topic].print_help()
    return EXIT_HITS
