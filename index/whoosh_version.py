"""The Whoosh newsdesk's storage was written for: its codec and fixes subclass Whoosh's
internals (storage/whoosh_fixes.py), which another release may change without notice."""

from __future__ import annotations

import functools

from newsdesk.index.models import NewsdeskError

DISTRIBUTION = "whoosh-reloaded"
EXPECTED = "2.7.5"


class WhooshVersionError(NewsdeskError):
    pass


def installed_whoosh_version() -> str | None:
    """The installed Whoosh's version: its distribution's, else what the module says (a
    Whoosh installed under another distribution's name); None when there is none."""
    from importlib import metadata  # 50 ms of imports, paid only by what opens an index

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        try:
            import whoosh
        except ImportError:
            return None
        return whoosh.versionstring()


@functools.cache  # once a process: the CLI, the Engine and the Indexer all ask
def check_whoosh_version() -> None:
    """Raises WhooshVersionError unless the installed Whoosh is the one expected."""
    installed = installed_whoosh_version()
    if installed != EXPECTED:
        found = "no Whoosh" if installed is None else f"Whoosh {installed}"
        raise WhooshVersionError(
            f"{found} is installed, but newsdesk's index is written for {DISTRIBUTION} "
            f"{EXPECTED}; run `pip install {DISTRIBUTION}=={EXPECTED}`")
