"""The Whoosh newsdesk's storage was written for: its codec and fixes subclass Whoosh's
internals (storage/whoosh_fixes.py), which another release may change without notice."""

from __future__ import annotations

import functools
import os
import re
import sys

from newsdesk.index.models import NewsdeskError

DISTRIBUTION = "whoosh-reloaded"
EXPECTED = "2.7.5"


class WhooshVersionError(NewsdeskError):
    pass


def installed_whoosh_version() -> str | None:
    """The installed Whoosh's version: its distribution's, else what the module says (a
    Whoosh installed under another distribution's name); None when there is none."""
    found = _dist_info_version()
    if found is not None:
        return found
    from importlib import metadata  # 35 ms of processor time in imports (email's parser)

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        try:
            import whoosh
        except ImportError:
            return None
        return whoosh.versionstring()


def _dist_info_version() -> str | None:
    """The version in the METADATA of the first `whoosh_reloaded-*.dist-info` folder on
    sys.path, where importlib.metadata looks first too; None where there is none (an egg,
    another layout: importlib.metadata is asked then). importlib.metadata imports the email
    package to read those same headers: 35 ms of processor time of every command that
    opens an index, a tenth of a 20-article build's (BENCHMARKS "small28")."""
    wanted = _normal(DISTRIBUTION)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            stem, dot, kind = name.rpartition(".")
            if kind != "dist-info" or _normal(stem.partition("-")[0]) != wanted:
                continue
            try:
                with open(os.path.join(entry or ".", name, "METADATA"), encoding="utf-8") as f:
                    for line in f:
                        if not line.strip():
                            break  # the headers end at the first blank line
                        if line.startswith("Version:"):
                            return line.partition(":")[2].strip()
            except OSError:
                pass
            return None  # the first one found is the one importlib.metadata reads
    return None


def _normal(name: str) -> str:
    """A distribution's name as packaging compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "_", name).lower()


@functools.cache  # once a process: the CLI, the Engine and the Indexer all ask
def check_whoosh_version() -> None:
    """Raises WhooshVersionError unless the installed Whoosh is the one expected."""
    installed = installed_whoosh_version()
    if installed != EXPECTED:
        found = "no Whoosh" if installed is None else f"Whoosh {installed}"
        raise WhooshVersionError(
            f"{found} is installed, but newsdesk's index is written for {DISTRIBUTION} "
            f"{EXPECTED}; run `pip install {DISTRIBUTION}=={EXPECTED}`")
