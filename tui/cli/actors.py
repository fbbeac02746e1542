"""`newsdesk actors`: the corpus's actors (or its places, apart), or those that appear with one
actor; and `newsdesk actors EDIT`: merge, unmerge, rename, hide, unhide, undo."""

from __future__ import annotations

import argparse
import itertools
import shlex
from typing import TYPE_CHECKING, Any

from newsdesk.index.actors.cluster_faults import shown
from newsdesk.index.actors.editing import (
    Done,
    LoneNameError,
    apply,
    find,
    lone_name,
    unmerge_choices,
)
from newsdesk.index.actors.name_find import names_match
from newsdesk.index.actors.opened import actor_table
from newsdesk.index.actors.table import ActorTable, recluster_if_changed
from newsdesk.index.config import Settings
from newsdesk.index.folding import fold
from newsdesk.index.models import Actor, NewsdeskError
from newsdesk.index.option_values import is_place
from newsdesk.index.userdata.lock import said_when_waiting
from newsdesk.tui.aliases import other_spellings
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import ensure_index, exit_code, require_positive, text_console
from newsdesk.tui.exit_codes import EXIT_HITS
from newsdesk.tui.safe_text import json_dumps, terminal_safe

if TYPE_CHECKING:
    from rich.text import Text


WAITING = "newsdesk: waiting for another newsdesk to finish an actor edit..."


def run(settings: Settings, args: argparse.Namespace) -> int:
    # A dashboard (or another command) re-clustering after an edit holds the curation's
    # lock for seconds: an edit, or a list after a hand edit, waits for it, and says so.
    with said_when_waiting(lambda: output.err(WAITING)):
        return _edit(settings, args) if args.actors_command else _list(settings, args)


def _list(settings: Settings, args: argparse.Namespace) -> int:
    require_positive(args, "limit")
    _refuse_contradictions(args)
    ensure_index(settings)
    # The actors by default, the places with --places (or --type location), both with --all
    # (and the hidden ones: the places among them too, to be found and shown again).
    places = None if args.all or args.type or (args.hidden and not args.places) \
        else args.places
    with actor_table(settings) as table:
        # A dictionary edited by hand, or the metonyms setting changed: no re-index needed.
        if recluster_if_changed(settings, table) and table.new_faults:
            output.err(shown(table.new_faults))  # (a rule's fault, contained)
        if args.with_ is not None:
            actor = find(table, args.with_)
            # (Which actor the name found, on stderr: "cbc" had silently found the
            # Conference Board of Canada's neighbours, an outside tester's F16.)
            asked = args.with_.strip()
            output.err(f"newsdesk: appearing with {terminal_safe(actor.name, False)} "
                       f"({actor.type})" + ("" if asked.casefold() == actor.name.casefold()
                                            else f", found by '{terminal_safe(asked, False)}'"))
            if args.type:  # the pairs of one type: the most of them, not those of a top few
                pairs = [(a, n) for a, n in table.cooccurring(actor.id, -1)
                         if a.type == args.type][:args.limit + 1]
            else:
                pairs = [(a, n) for a, n in table.cooccurring(
                    actor.id, args.limit + 1, each_kind=places is not None)
                    if places is None or is_place(a.type) == places]
            rows = [_row(a, n) for a, n in pairs]
        elif args.find is not None:
            needle = fold(args.find.strip())
            found = (a for a in table.list(
                args.type, args.sort, hidden=args.hidden, places=places,
                only_hidden=args.hidden) if names_match(a, needle))
            rows = [_row(a) for a in itertools.islice(found, args.limit + 1)]
        else:
            rows = [_row(a) for a in table.list(
                args.type, args.sort, args.limit + 1, hidden=args.hidden, places=places,
                only_hidden=args.hidden)]
    if len(rows) > args.limit:  # (one more asked for, to tell a cut list from a whole one)
        del rows[args.limit:]
        output.err(f"newsdesk: the first {args.limit:,} listed; more with --limit N")
    if args.json:
        output.out(json_dumps(rows))
    elif not rows and args.find is not None:
        kind = "actor or place" if places is None else "place" if places else "actor"
        output.err(f"newsdesk: no {kind} has '{terminal_safe(args.find.strip(), False)}' at "
                   "a word's start in its name or an alias")
    elif not rows and args.hidden and args.with_ is None:
        # (a header over nothing said nothing: is the list empty, or did it fail?)
        output.err("newsdesk: no actor or place is hidden (`newsdesk actors hide NAME` "
                   "hides one)")
    else:
        _print(rows, with_name=args.with_, places=places, hidden=args.hidden)
    return exit_code(len(rows))


def _refuse_contradictions(args: argparse.Namespace) -> None:
    """Options that ask for two lists at once, or for no name, refused before any work (they
    were answered with one of the lists, or with every actor, and no word said)."""
    if args.places and args.type not in (None, "location"):
        raise NewsdeskError(f"--places lists places: it cannot be combined with --type "
                            f"{args.type}: use one or the other")
    if args.find is not None and not args.find.strip():
        raise NewsdeskError("--find needs a part of a name, not an empty one")
    if args.find is not None and args.with_ is not None:
        raise NewsdeskError("--find and --with ask for two lists: use one or the other")
    if args.with_ is not None and not args.with_.strip():
        raise NewsdeskError("--with needs an actor's name (any of its names), not an empty "
                            "one")


def _edit(settings: Settings, args: argparse.Namespace) -> int:
    """`actors merge|unmerge|rename|hide|unhide|type|undo`: saved to the user's dictionary and
    applied to the actor table at once (no re-index)."""
    action = args.actors_command
    ensure_index(settings)
    with actor_table(settings) as table:
        source = getattr(args, "from_", None) if action == "unmerge" else None
        if source is not None:  # `unmerge NAME --from ACTOR`: NAME out of that actor
            actor = find(table, source)
            if lone := lone_name(table, actor, args.name):
                raise NewsdeskError(lone)
            return _done(apply(settings, table, action, actor, args.name))
        try:
            actor = None if action == "undo" else find(table, args.name,
                                                       hidden_first=action == "unhide")
        except NewsdeskError as exc:  # (a lone surname: listed by an actor, no name of one)
            lone = next((note for a in table.listing(args.name)
                         if action == "unmerge" and (note := lone_name(
                             table, a, args.name))), None)
            if lone is None:
                raise
            raise NewsdeskError(lone) from exc
        value = {"merge": getattr(args, "into", None), "rename": getattr(args, "new_name", None),
                 "unmerge": getattr(args, "name", None),
                 "type": getattr(args, "kind", None)}.get(action)
        try:
            done = apply(settings, table, action, actor, value,
                         merge=getattr(args, "merge", False))
        except LoneNameError:
            raise
        except NewsdeskError as exc:
            if action != "unmerge" or actor is None:
                raise
            raise NewsdeskError(_unmerge_hint(settings, table, actor,
                                              str(exc))) from None
    return _done(done)


def _done(done: Done) -> int:
    output.out(done.message)
    return EXIT_HITS


def _unmerge_hint(settings: Settings, table: ActorTable, actor: Actor, problem: str) -> str:
    """An unmerge of an actor no merge of the user's made: the names it can split out."""
    choices = unmerge_choices(settings, table, actor)
    if not choices:
        return (f"the actor '{actor.name}' ({actor.type}, {actor.articles:,} articles) was not "
                "made by a merge of yours and holds no name a rule joined to it: nothing to "
                "unmerge" + _also_named(table, actor))
    if any(c.merge for c in choices):
        return problem
    names = ", ".join(f"'{c.name}'" for c in choices[:12]) + (", …" if len(choices) > 12 else "")
    return (f"'{actor.name}' was not made by a merge of yours; to split one of its names out "
            f"of it, unmerge that name: {names}")


def _also_named(table: ActorTable, actor: Actor) -> str:
    """The other actors that list `actor`'s name among theirs ("Manchester" of Manchester
    United besides the city), and what an unmerge can do there: a name of the actor's own
    is found first, so taking it out of another needs `--from`; a lone name read as a full
    one article by article cannot be taken out (lone_name), said so."""
    others = [a for a in table.listing(actor.name) if a.id != actor.id]
    if not others:
        return ""
    listed = ", ".join(f"'{a.name}' ({a.articles:,} articles)" for a in others[:5])
    note = f". '{actor.name}' is also a name of {listed}"
    can = [a for a in others if not lone_name(table, a, actor.name)]
    if not can:
        return (note + ": there it is the lone name in articles that name that actor in "
                "full, read as that actor article by article, which no curation entry can "
                "take out")
    return (note + f"; to take it out of one: newsdesk actors unmerge "
            f"{shlex.quote(actor.name)} --from {shlex.quote(can[0].name)}")


def _row(actor: Actor, together: int | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "name": actor.name, "type": actor.type,
        "kind": "place" if is_place(actor.type) else "actor", "code": actor.code,
        "articles": actor.articles, "mentions": actor.mentions, "hidden": actor.hidden,
        "aliases": [{"name": s, "count": n} for s, n in actor.aliases]}
    if together is not None:
        row["together"] = together
    return row


def _print(rows: list[dict[str, Any]], with_name: str | None, places: bool | None,
           hidden: bool) -> None:
    # (Imported here: an edit prints no table.)
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("hidden" if hidden else "place" if places else "actor")
    table.add_column("type", style="cyan")
    if with_name:
        table.add_column("together", justify="right")
    table.add_column("articles", justify="right")
    table.add_column("mentions", justify="right")
    table.add_column("also written", style="dim", overflow="fold")
    for row in rows:
        others = other_spellings(row["name"], ((a["name"], a["count"]) for a in row["aliases"]),
                                 4)
        cells: list[Text | str] = [Text(terminal_safe(row["name"], False)), row["type"]]
        if with_name:
            cells.append(str(row["together"]))
        cells += [str(row["articles"]), str(row["mentions"]),
                  Text(terminal_safe(", ".join(others), False))]
        table.add_row(*cells)
    text_console().print(table)
