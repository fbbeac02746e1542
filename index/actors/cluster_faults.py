"""Clustering's choke points for a rule's fault (issues 24, 25): a rule that raises on some
corpus's names costs the merges of that rule pass, or one group's name and type, never the
build, a curation edit's re-clustering or `newsdesk actors` (as extraction's fault costs one
article its actors: ingest/documents.py's `Extracted.add_text`).

`ClusterFaults` is one clustering's record: `rule(name)` guards one rule pass (a `with`
block: on a fault the merges it made so far stand, the rest are not made, and the passes
after it run), `group` notes a group whose name or type could not be worked out (cluster.py
lists its names apart), `everything` the clustering as a whole (each name its own actor).
`messages` says each kind of fault once, naming what it touched, for the indexer's problems
(`newsdesk index --problems`) and the dashboard's notices.

Not a fault of a rule, and passed on: the store's and the pipe's errors (a clustering
process the indexer no longer wants, a store closed under it) and `NotWanted`."""

from __future__ import annotations

import json
import sqlite3
from types import TracebackType

# Groups named in one message (the others counted): a rule raising on every group of a
# corpus said in one line, not 40,000.
NAMED = 3
_TEXT = 160  # an error's text, cut

# The faults the actor table's last clustering contained, kept in the store's meta (a JSON
# list, ActorTable._keep_faults), at most MAX_FAULTS: `newsdesk index --problems` lists them.
FAULTS_KEY = "actor_faults"
MAX_FAULTS = 20
# What such a fault is said of in the problems' lists, in place of a file's path.
ACTORS = "actors"


class NotWanted(RuntimeError):
    """A clustering process's look-up told its clusters are no longer wanted (or the keys
    changed meanwhile): it stops, not a rule's fault."""


# What a guard lets through: the clustering was stopped, or its store or pipe failed; the
# callers handle those as before (the table clusters itself, the run stops).
PASSED: tuple[type[BaseException], ...] = (sqlite3.Error, OSError, EOFError, MemoryError,
                                           NotWanted)


def error_text(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if len(text) > _TEXT:
        text = text[:_TEXT - 3] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _at_key(tb: TracebackType | None) -> str | None:
    """The name key the innermost frame that had one was working on (a local `key`), to
    name where a rule pass failed; None if none did."""
    found = None
    while tb is not None:
        key = tb.tb_frame.f_locals.get("key")
        if isinstance(key, str):
            found = key
        tb = tb.tb_next
    return found


class _Guard:
    """`ClusterFaults.rule`'s block."""

    __slots__ = ("_faults", "_name")

    def __init__(self, faults: ClusterFaults, name: str) -> None:
        self._faults, self._name = faults, name

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> bool:
        if not isinstance(exc, Exception) or isinstance(exc, PASSED):
            return False
        self._faults.rule_failed(self._name, exc, _at_key(tb))
        return True  # (the pass's merges so far stand; the clustering goes on)


class ClusterFaults:
    """The faults of one clustering (see the module's doc)."""

    __slots__ = ("_rules", "_groups", "_whole")

    def __init__(self) -> None:
        self._rules: dict[str, str] = {}  # rule -> its message
        self._groups: dict[str, list[str]] = {}  # error text -> the groups' names
        self._whole: str | None = None

    def rule(self, name: str) -> _Guard:
        return _Guard(self, name)

    def rule_failed(self, name: str, exc: BaseException, key: str | None = None) -> None:
        at = f" at the name '{key}'" if key else ""
        self._rules.setdefault(name, (
            f"the rule of {name} could not be applied{at} ({error_text(exc)}); the names it "
            "would have merged are listed apart: please report it"))

    def group(self, name: str, exc: BaseException) -> None:
        self._groups.setdefault(error_text(exc), []).append(name)

    def everything(self, exc: BaseException) -> None:
        self._whole = (f"the names could not be clustered ({error_text(exc)}); each is "
                       "listed apart as an actor of its own: please report it")

    def __bool__(self) -> bool:
        return bool(self._rules or self._groups or self._whole)

    def messages(self) -> tuple[str, ...]:
        """Each fault said once (without the "actors: " the problems' lines put first)."""
        said = [self._whole] if self._whole else []
        said += self._rules.values()
        for error, names in self._groups.items():
            if len(names) == 1:
                said.append(f"the group of '{names[0]}' could not be clustered ({error}); "
                            "its names are listed apart: please report it")
                continue
            shown = ", ".join(f"'{n}'" for n in names[:NAMED])
            more = f" and {len(names) - NAMED:,} more" if len(names) > NAMED else ""
            said.append(f"the groups of {shown}{more} could not be clustered ({error}); "
                        "their names are listed apart: please report it")
        return tuple(said)


def shown(messages: tuple[str, ...] | list[str]) -> str:
    """The faults as one notice (the dashboard's, `newsdesk actors`'), "" if none."""
    return "\n".join(f"actors: {m}" for m in messages)


def read_faults(text: str | None) -> tuple[str, ...]:
    """The faults kept under FAULTS_KEY (none if unreadable)."""
    try:
        found = json.loads(text) if text else []
    except ValueError:
        return ()
    return tuple(f for f in found if isinstance(f, str)) if isinstance(found, list) else ()
