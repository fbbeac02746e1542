"""Corpus files in an encoding other than UTF-8: the one a byte-order mark names, the lines
of a UTF-16 or UTF-32 record file, and what to tell a person whose file is not UTF-8 (where,
and how to convert it)."""

from __future__ import annotations

import codecs
import os
import re
import shlex
from collections.abc import Iterator
from typing import BinaryIO

# UTF-32's marks first: UTF-32LE's begins with UTF-16LE's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_NAMES = {"utf-16": "UTF-16", "utf-32": "UTF-32"}
_CHUNK = 64 * 1024


def bom_encoding(head: bytes) -> str | None:
    """"utf-16" or "utf-32" when the bytes begin with that encoding's byte-order mark."""
    for mark, encoding in _BOMS:
        if head.startswith(mark):
            return encoding
    return None


def bom_name(encoding: str) -> str:
    return _NAMES.get(encoding, encoding)


def not_utf8(data: bytes, start: int, file_name: str) -> tuple[int, str]:
    """(line, reason) for bytes that are not UTF-8 at `start`: the line and column of the
    first bad byte, the encoding it likely is and the command that converts the file."""
    line = data.count(b"\n", 0, start) + 1
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    where = f"byte 0x{data[start]:02x} at column {column}"
    # Windows-1252 leaves five bytes unread (0x81, 0x8d, 0x8f, 0x90, 0x9d); Latin-1 reads
    # them, and every byte 0x80-0x9f, as a control character: no text of any language.
    # Advised for a Shift-JIS file (an outside tester's U4), it gave mojibake silently;
    # so would Windows-1252 for the GBK, EUC-KR or Cyrillic text it happens to read. No
    # guess is safe there: the encodings that read it are named, the command is the user's.
    western = _decodes(data, "cp1252")  # (Latin-1's letters are Windows-1252's)
    if western and not _other_script(data):
        return line, (f"not valid UTF-8 ({where}; Windows-1252 or Latin-1?): "
                      f"{_convert('cp1252', file_name)}")
    why = ("its bytes above 0x7f are too many or come in runs, as in East Asian or "
           "Cyrillic text, not as accented letters" if western else
           "not Windows-1252, and Latin-1 reads its bytes 0x80-0x9f as control characters")
    reads = [codec for codec in MULTIBYTE if _decodes(data, codec)]
    if reads:
        why += f"; it reads without error as {' or '.join(reads)}"
    return line, (f"not valid UTF-8 ({where}; an encoding newsdesk cannot tell: {why}): "
                  f"find it (`file -i`, `uchardet`), then {_convert('ENCODING', file_name)}")


# Multibyte encodings of East Asian text, tried when Windows-1252 cannot read a file (their
# lead bytes are its unread ones): a file that reads without error in one may be in it.
MULTIBYTE = ("shift_jis", "euc_jp", "gbk", "big5", "euc_kr")


_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
PAIRED = 0.8  # of the bytes above 0x7f, the share in runs of two or more: East Asian text
DENSE = 0.4  # of all bytes, the share above 0x7f: a script other than the Latin one


def _other_script(data: bytes) -> bool:
    """Whether the bytes above 0x7f are no Western text's accented letters and quotes: two
    in five bytes or more (Cyrillic and Greek letters, East Asian characters, most of a
    text; a Portuguese or Icelandic text has a tenth, a short line of quotes and accents a
    quarter), or nearly all in runs, as a multibyte encoding's characters come (a Western
    text's stand alone: "Café", "naïve")."""
    runs = [len(run) for run in _HIGH_RUN.findall(data)]
    high = sum(runs)
    return high >= DENSE * len(data) or (high >= 4 and
                                         sum(n for n in runs if n > 1) >= PAIRED * high)


def _text_in(head: bytes, codec: str) -> bool:
    """Whether a file's first bytes are text in `codec`: read without error (but for a
    character cut at the end) and no control character but whitespace."""
    for cut in range(min(4, len(head))):
        try:
            text = head[:len(head) - cut].decode(codec)
        except UnicodeDecodeError:
            continue
        return not any(c < " " and c not in _TEXT_CONTROLS for c in text)
    return False


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _convert(source: str, file_name: str) -> str:
    """The command, with the file's absolute path quoted for a shell: the bare name failed
    when pasted anywhere but in the file's own folder (stranger4 B3), and the problem is
    shown later too (`newsdesk index --problems`), from wherever the person is."""
    path = os.path.abspath(file_name)
    name = shlex.quote(path)
    converted = shlex.quote(_utf8_name(path))
    return ("convert the file to UTF-8 in its place, e.g. "
            f"iconv -f {source} -t utf-8 {name} > {converted} && mv {converted} {name}")


# The reasons `not_utf8` and `not_utf8_again` word, read back: a run that meets many files
# of one other encoding says so once, with the setting that reads them (codec_of_reason).
_NOT_UTF8 = re.compile(r"not valid UTF-8 \(byte 0x[0-9a-f]{2} at column \d+[;)].*?"
                       r"(?:iconv -f (\S+) -t utf-8|see line \d+ for how)")
_WHOLE_BYTES = frozenset({"cp1252", "latin1"})  # (latin1: as advised before)


def codec_of_reason(reason: str) -> str | None:
    """For a reason `not_utf8` worded: the codec the file's bytes likely are ("cp1252" or
    "latin1"); "" for a later line of such a file (`not_utf8_again`); None for any other
    reason (UTF-16 without a mark is no setting's: it is converted)."""
    found = _NOT_UTF8.match(reason)
    if found is None:
        return None
    codec = found.group(1)
    if codec is None:
        return ""
    return codec if codec in _WHOLE_BYTES else None


def utf16_without_bom(data: bytes, file_name: str) -> str | None:
    """For bytes with NULs in them: when every other byte is NUL, the reason that says
    UTF-16 written without a byte-order mark, with the command that converts it; None
    for anything else (binary)."""
    sample = data[:4096]
    sample = sample[:len(sample) - len(sample) % 2]
    half = len(sample) // 2
    if half >= 4:
        for encoding, nuls, others in (("utf-16le", sample[1::2], sample[0::2]),
                                       ("utf-16be", sample[0::2], sample[1::2])):
            if nuls.count(0) >= 0.9 * half and others.count(0) <= 0.1 * half:
                return ("NUL bytes: UTF-16 without a byte-order mark? "
                        f"{_convert(encoding, file_name)}")
    return None


# Of a file's first bytes, the share that are no text (bytes no character of its encoding
# begins with, or control characters other than the whitespace ones) from which it is
# binary data: random bytes are about half so, text (Latin-1 read as UTF-8 included) a few
# in a hundred at most.
BINARY_SHARE = 0.3
BINARY_HEAD = 8192
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


def binary_share(head: bytes, codec: str = "utf-8") -> float:
    """The share of `head` (a file's first bytes) that is no text in `codec`; 0 where a
    whole line of it (16 bytes or more) is text: a file of records with a damaged line
    among good ones is read line by line, and loses only that line."""
    text = head.decode(codec, "replace")
    if not text:
        return 0.0
    if codec == "utf-8" and text.count("\ufffd") >= BINARY_SHARE * len(text) and \
            any(_text_in(head, other) for other in (*MULTIBYTE, "cp1252")):
        # A text in a legacy encoding, its letters all above ASCII (East Asian, Cyrillic,
        # Greek): "not valid UTF-8" with the advice for it, not binary data.
        return 0.0
    odd = sum(1 for c in text if c == "\ufffd" or (c < " " and c not in _TEXT_CONTROLS))
    if odd < BINARY_SHARE * len(text):
        return odd / len(text)  # (most files: text, no line looked at)
    lines = text.split("\n")[:-1]  # (the last may be cut off by the head's end)
    if any(len(line) >= 16 and not any(c == "\ufffd" or (c < " " and c not in _TEXT_CONTROLS)
                                       for c in line) for line in lines):
        return 0.0
    return odd / len(text)


def not_utf8_again(data: bytes, start: int, first_line: int) -> str:
    """The reason for a later line of a file already reported not UTF-8: short, pointing
    at the first, which says how to convert the file."""
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    return (f"not valid UTF-8 (byte 0x{data[start]:02x} at column {column}; see line "
            f"{first_line} for how to convert the file)")


def _utf8_name(path: str) -> str:
    """Beside the file: its name with -utf8 before the extension (a dotted folder's dot is
    not the file's)."""
    folder, name = os.path.split(path)
    stem, dot, suffix = name.rpartition(".")
    return os.path.join(folder, f"{stem}-utf8.{suffix}" if dot and stem else f"{name}-utf8")


def wide_lines(handle: BinaryIO, encoding: str, limit: int, total: int
               ) -> Iterator[tuple[int, str | None, int, str | None]]:
    """Lines of a UTF-16 or UTF-32 file (its byte-order mark first), as bounded_lines
    reads UTF-8 ones: (line number, the line's text, its size in bytes, None); the text is
    None for a line over `limit` bytes (skipped in pieces, never held whole), and no more
    than `total` bytes are read. Lone surrogates pass as they are (the reader replaces them
    and says so). Bytes the encoding cannot hold end the file: one last item with no text
    and the reason, which says the rest is not read."""
    decoder = codecs.getincrementaldecoder(encoding)("surrogatepass")
    unit = 2 if encoding == "utf-16" else 4
    number = done = held = 0
    pending: list[str] = []
    over = False
    while True:
        chunk = handle.read(min(_CHUNK, total - done)) if done < total else b""
        done += len(chunk)
        final = not chunk
        try:
            text = decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            yield (number + 1, None, held,
                   f"not valid {bom_name(encoding)} ({exc.reason}): this line and the rest "
                   "of the file are not read")
            return
        begin = 0
        while (end := text.find("\n", begin)) >= 0:
            piece = text[begin:end + 1]
            number += 1
            size = held + len(piece) * unit
            if over or held + (len(piece) - 1) * unit > limit:
                yield number, None, size, None
            else:
                yield number, "".join(pending) + piece, size, None
            pending, held, over = [], 0, False
            begin = end + 1
        rest = text[begin:]
        if rest:
            held += len(rest) * unit
            if not over:
                pending.append(rest)
                if held > limit:
                    pending, over = [], True
        if final:
            if held:
                number += 1
                yield number, None if over else "".join(pending), held, None
            return
