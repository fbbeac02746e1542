"""An agency's page furniture read as actors (a twelfth outside tester's Tehran Times
corpus): the licence notice every page ends with ("All Content by Mehr News Agency is
licensed under a Creative Commons Attribution 4.0 International License.": its top two
actors) and the desk's sign-off initials before it ("MQ/MG", "PA/PA": "PA" joined the
Palestinian Authority, 300 of its 307 hits)."""

from __future__ import annotations

from itertools import product

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))

STORY = ["Iran and Russia signed a deal in Tehran on Monday.",
         "“We will respond,” said Hassan Rouhani.",
         "Talks with the European Union went on (Source: Reuters)."]
SIGN_OFFS = ["", "PA/PA", "MQ/MG", "HJ/MA/MG", "AK/PA", "EF/MA"]
GAPS = [" ", "\xa0 ", "  ", "\n", "\r\r\n\xa0 "]
NOTICES = [
    "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 "
    "International License.",
    "This article is licensed under a Creative Commons licence.",
    "Images are licensed under the Open Government Licence v3.0.",
    ""]


def _keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize(("story", "sign_off", "gap", "notice"), [
    (STORY[i % len(STORY)], sign_off, GAPS[i % len(GAPS)], notice)
    for i, (sign_off, notice) in enumerate(product(SIGN_OFFS, NOTICES))])
def test_sign_offs_and_licence_notices_name_no_actor(story: str, sign_off: str, gap: str,
                                                     notice: str) -> None:
    text = story + (gap + sign_off if sign_off else "") + (gap + notice if notice else "")
    keys = _keys(text)
    story_keys = _keys(story)
    assert keys == story_keys, (keys, story_keys)


@pytest.mark.parametrize(("text", "key"), [
    ("Statoil joined Deminex (Norge) A/S. The talks went on.", "deminex"),
    ("MS/DOS is used with all IBM personal computers.", "ibm"),
    ("The UK/US alliance held, the PA said.", "pa"),
    ("The bank is licensed under the Banking Act, Reuters said.", "banking act")])
def test_initials_and_licences_in_a_sentence_are_kept(text: str, key: str) -> None:
    keys = _keys(text)
    assert key in keys, keys
