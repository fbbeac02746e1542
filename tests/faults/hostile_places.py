"""Every place corpus or user text enters newsdesk, each filled with the hostile catalogue
(hostile_texts.CATALOGUE): article ids (a JSON Lines `id`, a CSV `id`, a file name),
titles, sources, urls, file and folder names, actor names and aliases (the corpus's
actors.yaml), saved-search names and queries, query history, queries typed or given as
arguments, and config and dictionary errors that quote what they refuse.

`build_world` writes one such world; the CLI and dashboard tests run over it."""

from __future__ import annotations

import csv
import json
import string
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.faults.hostile_texts import BEL, CATALOGUE, ESC, MARKUP, ST

# What an argument or a file name cannot hold: argv has no NUL, a name has no "/" either.
NOT_IN_ARGV = "\x00"
NOT_IN_NAMES = "\x00/"


def for_argv(text: str) -> str:
    return text.replace("\x00", "\u2400")


def for_name(text: str, limit: int = 120) -> str:
    """A file name carrying `text`: no "/" or NUL, at most `limit` bytes."""
    name = text.replace("/", "\u2215").replace("\x00", "\u2400")
    while len(name.encode("utf-8", "surrogatepass")) > limit:
        name = name[:-1]
    return name


def letters(number: int) -> str:
    """A word for `number` made of letters only (actor names are found as words)."""
    out = ""
    for _ in range(3):
        number, digit = divmod(number, 26)
        out = string.ascii_lowercase[digit] + out
    return out.capitalize()


# Whole sequences, in the catalogue, that newsdesk itself never writes: if one shows up in
# raw output, it came from the data.
SIGNATURES = [f"{ESC}]0;pwned", f"{ESC}]2;pwned", "\x9d0;pwned", "\x9d2;pwned",
              f"{ESC}]52;c;", "\x9d52;c;", f"{ESC}]8;;http://evil", "\x9d8;;http://evil",
              f"{ESC}]4;1;rgb", f"{ESC}]11;#ff00ff", f"{ESC}Pq#0", "\x90q#0", f"{ESC}_Gf=100",
              "\x9fGf=100", f"{ESC}[6n", f"{ESC}[21t", f"{ESC}[>c", f"{ESC}[1;2n",
              f"{ESC}[31mRED", f"{ESC}[10;10Hmoved", f"{ESC}#8", "\u202egpj", "zero\u200bwidth",
              f"pwned-title{BEL}", f"pwned-title{ST}"]


@dataclass
class World:
    root: Path
    corpus: Path
    config: Path
    env: dict[str, str]
    ids: list[str] = field(default_factory=list)  # every article id, as the data gives it
    saved: list[tuple[str, str]] = field(default_factory=list)  # (name, query)
    actors: list[str] = field(default_factory=list)  # names in the corpus's actors.yaml
    history: list[str] = field(default_factory=list)


def _record(i: int, payload: str) -> dict[str, str]:
    return {"id": f"j{i:03d} {payload}", "title": f"Walrus {i} {payload}",
            "source": f"Src{i % 40} {payload[:60]}", "date": f"2020-02-{1 + i % 28:02d}",
            "url": f"https://example.org/{i}?{payload[:60]}",
            "text": f"walrus {i} met the Walrus Guild {letters(i)} today.\n{payload}\nend."}


def build_world(root: Path, count: int | None = None) -> World:
    """A corpus folder with a hostile name holding a JSON Lines file, a CSV file and one .txt
    file per payload (named after it), an actors.yaml naming an actor after each payload,
    and a data folder with saved searches and history made of payloads."""
    payloads = [p for _, p in CATALOGUE][:count]
    corpus = root / for_name(f"corpus {ESC}]0;pwned-title{BEL} [/] \u202e")
    corpus.mkdir(parents=True)
    world = World(root, corpus, root / "newsdesk.yaml", {})
    with open(corpus / "records.jsonl", "w", encoding="utf-8") as out:
        for i, payload in enumerate(payloads):
            record = _record(i, payload)
            world.ids.append(record["id"])
            out.write(json.dumps(record) + "\n")
    with open(corpus / "rows.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "source", "date", "url", "text"])
        for i, payload in enumerate(payloads):
            if "\x00" in payload or "\r" in payload:
                continue  # a NUL or a lone CR is a broken CSV row: another class of fault
            record = _record(1000 + i, payload)
            record["id"] = f"c{i:03d} {payload}"
            world.ids.append(record["id"])
            writer.writerow([record[k] for k in ("id", "title", "source", "date", "url",
                                                 "text")])
    for i, payload in enumerate(payloads):
        name = for_name(f"f{i:03d} {payload}") + ".txt"
        shown = payload.replace("\x00", "\u2400")  # a NUL makes a text file binary: skipped
        (corpus / name).write_text(f"File {i} {shown}\n\nwalrus in file {i}.\n",
                                   encoding="utf-8")
        world.ids.append(name.removesuffix(".txt"))
    actors = [{"name": f"{payload} {i}", "type": "organisation",
               "aliases": [f"Walrus Guild {letters(i)}", f"{payload} alias {i}"]}
              for i, payload in enumerate(payloads)]
    world.actors = [a["name"].strip() for a in actors]
    (corpus / "actors.yaml").write_text(
        yaml.safe_dump({"version": 1, "actors": actors}, allow_unicode=True),
        encoding="utf-8")
    world.saved = [(f"{payload} #{i}", payload if i % 2 else f"walrus {payload}")
                   for i, payload in enumerate(payloads)]
    world.history = [f"walrus {payload}" for payload in payloads]
    world.config.write_text(f"corpus:\n  sources: [{yaml_quoted(str(corpus))}]\n"
                            f"index:\n  dir: {yaml_quoted(str(root / 'index'))}\n")
    world.env = {"NEWSDESK_CONFIG": str(world.config), "XDG_DATA_HOME": str(root / "data"),
                 "XDG_CONFIG_HOME": str(root / "config"), "XDG_CACHE_HOME": str(root / "cache")}
    return world


def write_user_data(world: World) -> None:
    """Saved searches and history as the dashboard and `saved add` write them (run with the
    world's environment set, so the data folder is the world's)."""
    from newsdesk.index.config import load_settings
    from newsdesk.index.userdata.bookmarks import (
        Bookmark,
        BookmarkStore,
        History,
        blank_query,
        corpus_data_dir,
    )

    folder = corpus_data_dir(load_settings())
    store = BookmarkStore(folder)
    history = History(folder)
    # Each file in one change through its store's own writer, as that many put() and add()
    # in a row leave it: one at a time, each rewrote the whole file (288 payloads: 8 s of
    # YAML, 20 s on a busy machine), which the CLI and dashboard tests never look at.
    now = time.time()
    store._change(lambda bookmarks: bookmarks.extend(
        Bookmark(name, query, now, now) for name, query in world.saved) is None)
    queries = [q.strip() for q in world.history if not blank_query(q.strip())]
    history._change(lambda kept: kept.extend(
        q for n, q in enumerate(queries) if q not in queries[n + 1:]) is None)


def yaml_quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar, every character outside printable ASCII
    escaped (YAML refuses raw control characters in a file)."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def broken_files(root: Path) -> list[tuple[str, Path, str]]:
    """Configs and actor dictionaries whose errors quote hostile text: (what, config, the
    extra config text). Each payload family is packed into one value."""
    packs = {"controls": "".join(chr(c) for c in [*range(1, 0x20), *range(0x7F, 0xA0)]
                                 if c != 0x0A),
             "sequences": f"{ESC}]0;pwned-title{BEL}{ESC}]52;c;cHduZWQt{ST}\x9d2;pwned\x9c"
                          f"{ESC}[6n{ESC}Pq#0{ST}",
             "bidi and invisible": "\u202egpj\u2066x\u2069zero\u200bwidth\ufeff\U000e0041",
             "markup": " ".join(MARKUP)}
    out: list[tuple[str, Path, str]] = []
    for family, text in packs.items():
        quoted = yaml_quoted(text)
        folder = root / family.replace(" ", "-")
        folder.mkdir(parents=True)
        dictionary = folder / "dictionary.yaml"
        dictionary.write_text(f"version: 1\nactors:\n  - name: {quoted}\n    type: {quoted}\n")
        unknown_key = folder / "unknown-key.yaml"
        unknown_key.write_text(f"version: 1\nactors:\n  - name: x\n    {quoted}: 1\n")
        out.append((f"dictionary type ({family})", folder,
                    f"actors:\n  dictionaries: [{dictionary}]\n"))
        out.append((f"dictionary key ({family})", folder,
                    f"actors:\n  dictionaries: [{unknown_key}]\n"))
        out.append((f"config value ({family})", folder, f"search:\n  limit: {quoted}\n"))
        out.append((f"config source ({family})", folder,
                    f"index:\n  dir: {yaml_quoted(str(folder / 'index') + text)}\n"))
    return out
