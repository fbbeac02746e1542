"""Escape and a key read together are the two keys, not Alt+key.

A terminal sends Alt+q as ESC then "q", and Textual reads an ESC followed at once by a
character as that Alt+key. Over SSH, or on a busy machine, a person's Escape and the next
key often arrive in one read: Escape then "q" in the results list became Alt+q, bound to
nothing, and both keys vanished (an outside tester, 2026-12-07; with more keys after them a
"q" meant for the search box reached the list and quit). newsdesk binds no Alt+character,
so such a key is taken for the two keys it was typed as, unless something on the way binds
it after all."""

from __future__ import annotations

from textual import events

ALT = "alt+"


def typed_keys(event: events.Key, bound: bool) -> list[events.Key]:
    """`event`, or Escape and the plain key where it is an Alt+character that nothing
    binds (`bound`: whether the focused chain has a binding for it)."""
    character = event.character
    if bound or not event.key.startswith(ALT) or character is None or len(character) != 1 \
            or not character.isprintable():
        return [event]
    plain = event.key.removeprefix(ALT)
    if plain.startswith("shift+") and character.isupper():
        plain = character  # (Textual names an upper-case letter by itself)
    escape, key = events.Key("escape", "\x1b"), events.Key(plain, character)
    escape.time = key.time = event.time
    return [escape, key]
