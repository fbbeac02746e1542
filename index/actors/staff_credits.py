"""Staff credits: "(Reporting by Mark McSherry; Editing by Gerald E. McCormick)".

Wire copy (Reuters, AFP, Bloomberg) ends most stories with the names of the reporters and
editors who made them. They are the agency's staff, not actors of the news: in 3,000 Reuters
stories of 2006-13, six of the top 50 actors were editors ("Tim Dobbyn", "Gerald E"), and
one was the word "Editing". The credit is cut out of the text the actors are read from, as
photo credits and datelines are.
"""

from __future__ import annotations

import re

from newsdesk.index.actors.anchored import matches_from

# A bracketed credit, or a line of its own, opened by a newsroom role and "by":
# "(Reporting by A and B; additional reporting by C in D; Editing by E)", "Writing by A;
# Editing by B". The role comes first, so a sentence's "by" is no credit ("(... rose, driven
# by Apple)"); a line is one only if it holds no sentence ("Research by Nokia shows that
# ... . According to ..." opens a paragraph, not a credit), but for an initial's dot; a dot
# glued to a capitalised word is a sentence's end a scraper ran into the next ("Compiled by
# Jason Abel.The Ministry of Finance said ...": the story, which bylines.py leaves), as
# is a capital glued to a word's lower-case letters ("Compiled by Jason AbelThe Ministry").
_ADDITIONAL = r"(?:[Aa]dditional\s+|[Ww]ith\s+additional\s+)?"
_ROLE = (_ADDITIONAL + r"(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompil(?:ed|ing)|[Rr]esearch"
         r"|[Ee]dited)(?:\s+and\s+[a-z]+)?\s+[Bb]y\s")
_LINE_ROLE_WORDS = r"Reporting|Writing|Editing|Compiled|Additional|With"
_LINE_ROLE = (_ADDITIONAL + r"(?:" + _LINE_ROLE_WORDS + r")(?:\s+and\s+[a-z]+)?"
              r"\s+by\s")
STAFF_CREDIT = re.compile(
    r"\(\s*" + _ROLE + r"[^()]{0,400}\)"
    r"|^[ \t]*(?:--?[ \t]*)?" + _LINE_ROLE
    + r"(?:(?![a-z]{3}[A-Z][a-z])[^\n.]|(?<=\b[A-Z])\.|\.(?! |(?!" + _LINE_ROLE_WORDS
    + r")[A-Z][a-z])){0,200}$",
    re.MULTILINE)


# The role and its "by" ending at a "by" found: where a credit may start is then looked for.
_ROLE_BY = re.compile(_ROLE[:-len(r"[Bb]y\s")] + r"$")
_REACH = 80  # characters before a "by" where its credit's "(" or line start may stand


# How the roles' words end (their first letter in either case): a role's "by" follows one,
# or "and" and another word ("Reporting and writing by").
_ROLE_ENDS = ("eporting", "riting", "diting", "ompiled", "ompiling", "esearch", "dited")
_LOWER = "abcdefghijklmnopqrstuvwxyz"


def _may_end_a_role(window: str) -> bool:
    """Whether `_ROLE_BY` may match at the end of `window` (the text before a "by"): only
    if it ends in a role's word, or in "and" and a word in lower case ("Reporting and
    writing by"). (Most passive verbs' "by", "owned by", "led by", are told apart so,
    rather than by the pattern: 6 us a search.)"""
    window = window.rstrip()
    if window.endswith(_ROLE_ENDS):
        return True
    head = window.rstrip(_LOWER)
    return head != window and head[-1:].isspace() and head.rstrip().endswith("and")


def staff_credits(text: str) -> list[tuple[int, int]]:
    """The spans `STAFF_CREDIT.finditer(text)` gives, found by trying the pattern only where
    one of its matches can start: at the "(" or the line start before a role's "by" (found
    with str.find), rather than at every character (a fifth of an article's extraction)."""
    starts: set[int] = set()
    for by in ("by ", "By "):
        at = text.find(by)
        while at >= 0:  # (a "by" opening the text is none of a credit's, but those after it)
            # (Most "by"s are told so with no search.)
            if at > 0 and text[at - 1].isspace() \
                    and _may_end_a_role(text[max(0, at - _REACH):at]) \
                    and (role := _ROLE_BY.search(text, max(0, at - _REACH), at)):
                paren = text.rfind("(", max(0, at - _REACH), at)
                if paren >= 0:
                    starts.add(paren)
                starts.add(text.rfind("\n", 0, at) + 1)
                # (and the role's own line, where it stands on the line before its "by":
                # "Reporting\nby A", "Writing and\nediting by B")
                starts.add(text.rfind("\n", 0, role.start()) + 1)
            at = text.find(by, at + 1)
    return matches_from(STAFF_CREDIT, text, starts)
