"""Actor mentions in one article, found by rule, offline, in one pass over the text.

A mention is a run of capitalised words (connectors such as "al-", "bin", "of" may sit inside).
Titles and honorifics ("President", "Gen.", "Secretary of State") are cues, not parts of the
name; organisation words ("Forces", "Ministry", "Party") are cues to the type; an acronym in
brackets after a name ("Popular Mobilization Forces (PMF)") is recorded as its definition.
Capitals that do not mark a name are left out: sentence-initial words not capitalised
elsewhere in the article (before a one-word name, kept in its key as a candidate that the
clustering reads from the corpus: "^andy robinson"), headline-case lines, photo credits,
days and months.

Spans are character offsets into the text; keys are `actor_names.name_key` forms."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from functools import lru_cache
from operator import attrgetter

from newsdesk.index.actors.acronym_def import defines
from newsdesk.index.actors.across_definitions import head_across
from newsdesk.index.actors.administrations import called_president, presidents_term
from newsdesk.index.actors.anchored import matches_from
from newsdesk.index.actors.and_acronyms import join_and_names
from newsdesk.index.actors.and_tails import and_tail
from newsdesk.index.actors.bare_homonyms import read_bare_homonyms
from newsdesk.index.actors.body_heads import body_before_person
from newsdesk.index.actors.bracketed import BRACKETED
from newsdesk.index.actors.bylines import bylines
from newsdesk.index.actors.caps_labels import label_words
from newsdesk.index.actors.cases import mark_cases
from newsdesk.index.actors.codes import RATINGS, is_code, may_list_symbols
from newsdesk.index.actors.comma_names import join_campus_names, join_comma_names, join_listed_names
from newsdesk.index.actors.contests import (
    CONTEST_AFTER,
    CONTEST_BODIES,
    CONTEST_OF_BODY,
    EVENT,
    WIN_VERBS,
)
from newsdesk.index.actors.country_bodies import (
    body_split_of,
    body_words,
    dictionary_bodies,
    qualify_bodies,
)
from newsdesk.index.actors.cue_words import (
    ACRONYM_VERBS,
    AGENCY_NOUNS,
    BODY_VERBS,
    BROADCAST_VERBS,
    PEOPLE_PLURALS,
    PUBLIC_BODY_APPOSITIVES,
    TEAM_AND_PROGRAMME_NOUNS,
    plural_appositives,
)
from newsdesk.index.actors.electorate import ELECTORATE, ELECTORATE_NOUNS
from newsdesk.index.actors.firm_cues import FIRM, and_company, joined_firm, staff_before
from newsdesk.index.actors.firm_firsts import resolve_firm_firsts
from newsdesk.index.actors.given_alone import MODIFIER, cued_given, given_alone
from newsdesk.index.actors.given_names import given_names
from newsdesk.index.actors.glued_tails import read_glued_names
from newsdesk.index.actors.head_links import join_in_tail
from newsdesk.index.actors.headings import heading_span
from newsdesk.index.actors.headline_runs import RUN_WORDS, headline_run
from newsdesk.index.actors.homonyms import read_homonyms
from newsdesk.index.actors.joint_names import firm_named
from newsdesk.index.actors.kin_surnames import keep_surnames_home
from newsdesk.index.actors.legal_notices import legal_notices
from newsdesk.index.actors.lone_teams import resolve_lone_teams
from newsdesk.index.actors.long_text import LONG, lower_ended_words, spaced_words
from newsdesk.index.actors.market_terms import mark_market_terms
from newsdesk.index.actors.mention_drops import drop_word_uses_zones_amounts
from newsdesk.index.actors.missions import MISSION_HEADS, SENT_TO
from newsdesk.index.actors.names import (
    ARTICLES,
    CONNECTORS,
    NAME_PARTICLES,
    STANDALONE_CONNECTORS,
    name_key,
    significant,
    written_as_acronym,
)
from newsdesk.index.actors.not_actors import (
    COMPASS,
    CONDITION,
    CONDITION_AFTER,
    CONDITION_NOUNS,
    EVENT_NOUNS,
)
from newsdesk.index.actors.noun_acronyms import noun_acronyms
from newsdesk.index.actors.numbered import NUMBERED, before_number, numbered_tail
from newsdesk.index.actors.office_initials import cut_office_initials
from newsdesk.index.actors.offices import OFFICE
from newsdesk.index.actors.on_names import FOR, JOINED_ON, join_on
from newsdesk.index.actors.outlet_cues import mark_outlets
from newsdesk.index.actors.own_possessives import keep_own_possessives
from newsdesk.index.actors.people_words import peoples_word
from newsdesk.index.actors.place_slots import mark_place_slots
from newsdesk.index.actors.portfolio_lists import join_portfolio_lists
from newsdesk.index.actors.portfolios import name_start, portfolio_before, portfolio_start
from newsdesk.index.actors.possessive_acronyms import join_possessive_acronyms
from newsdesk.index.actors.posts import POST_ENDS, holder_cut, post_before
from newsdesk.index.actors.principal_names import principal, two_bearers
from newsdesk.index.actors.products import mark_products
from newsdesk.index.actors.pronouns import (
    NEUTER,
    PERSONAL,
    PLACE_PART,
    PRONOUN_CUES,
    pronoun_after,
    said_personal,
)
from newsdesk.index.actors.quoted_titles import mark_quoted_titles
from newsdesk.index.actors.records import Extraction, Mention
from newsdesk.index.actors.records import Tok as _Tok
from newsdesk.index.actors.regions import (
    homonym_names,
    homonym_regions,
    near_homonyms,
    region_keys,
    regions_of,
)
from newsdesk.index.actors.regnal_forms import regnal_name
from newsdesk.index.actors.roles import PORTFOLIO_WORDS, TERRITORIAL_TITLES, role_name
from newsdesk.index.actors.royal_names import resolve_royal_given
from newsdesk.index.actors.shared_heads import name_shared_head, shared_plural_head
from newsdesk.index.actors.shared_prepositions import (
    SHARED_PREPOSITIONS,
    owns_a_name,
    place_said,
)
from newsdesk.index.actors.sign_offs import sign_offs
from newsdesk.index.actors.sited import mark_sited
from newsdesk.index.actors.sites import FACILITY_NOUNS, city_body, resolve_sites, site_body
from newsdesk.index.actors.staff_credits import staff_credits
from newsdesk.index.actors.state_abbreviations import (
    read_region_abbreviations,
    read_state_abbreviations,
)
from newsdesk.index.actors.syllables import after_name, syllable_pair, syllables
from newsdesk.index.actors.teams import POSITIONS, plural_verb, team_cue, transfer_cue
from newsdesk.index.actors.tickers import (
    LISTED,
    LISTED_REACH,
    defined_by,
    spells,
    symbol_like,
    trailing_symbol,
)
from newsdesk.index.actors.title_tails import TAIL, tail_before, title_lead
from newsdesk.index.actors.vessels import VESSEL, VESSEL_BEFORE, VESSEL_PREFIXES, vessel_cue
from newsdesk.index.actors.whole_words import whole_word_starts
from newsdesk.index.actors.work_lists import spread_work
from newsdesk.index.actors.workplaces import works_at
from newsdesk.index.actors.works import (
    WORK,
    WORK_AFTER,
    WORK_APPOSED,
    WORK_BEFORE,
    WORK_PHRASE_ENDS,
    WORK_PHRASE_WORDS,
    mark_gerund_titles,
    work_after,
    work_phrase,
)
from newsdesk.index.folding import composed, written_offset

# -- word lists ----------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles and honorifics: a person's, never part of the name. A run of title words is cut only
# if it holds one of these heads ("Supreme Court", "Foreign Office", "Grand Slam" stay whole).
TITLE_HEADS = _words("""
president minister ministers secretary gen lt col maj brig sgt capt adm cmdr
colonel major lieutenant brigadier sergeant captain admiral commander marshal
ayatollah leader sheikh shaikh sheik imam cleric mullah hojatoleslam mufti
martyr shaheed haj hajj haji hajji sayyed sayyid seyed seyyed sayed
mr mrs ms miss dr prof sir lord lady dame king queen prince princess emir sultan
baroness baron viscount countess earl duke duchess marquess
pope cardinal bishop archbishop rabbi reverend rev father
senator sen rep representative congressman congresswoman governor gov mayor chancellor
ambassador envoy spokesman spokeswoman spokesperson judge justice attorney adviser advisor
chairman chairwoman chair ceo director officer analyst fellow correspondent reporter
editor producer professor premier president-elect speaker strongman warlord militant mp mep
mla mlc commissioner administrator counsel treasurer
sheriff superintendent inspector detective constable trooper coach manager
consultant strategist comrade ruler founder
cm pm dcm
cs ps
""")
# (The last line: Kenya's offices by their initials before a name, "CS Mbadi" (a Cabinet
# Secretary), "PS Omollo" (a Principal Secretary): stranger16's Kenyan news kept "CS Mbadi",
# "Treasury CS John Mbadi" as names. Not "CAS", "MCA": a title word alone is dropped, and
# alone they are bodies' acronyms, the Court of Arbitration for Sport's, MCA Inc's.)
# Words of a title that are no title alone ("Prime Minister", "Secretary of State").
TITLE_MODIFIERS = _words("""
vice prime general grand supreme crown field chief deputy acting foreign defense defence press
interior finance state security national former late top senior head shadow home
executive managing special agent dy cabinet
""")
TITLES = TITLE_HEADS | TITLE_MODIFIERS
# The mark of a key that keeps a sentence's first word as a candidate ("^andy robinson":
# `Extractor._keep_first`); no name key has it (names.name_key keeps no "^").
SENTENCE_FIRST = "^"
# Offices' plurals, a title before two names or more ("Senators Kamala Harris and Elizabeth
# Warren"); before one word they are none ("Presidents Cup", "Governors Ball").
PLURAL_TITLES = _words("""
senators governors mayors presidents congressmen congresswomen ambassadors judges
justices sens reps secretaries
""")
TITLE_ABBREVIATIONS = _words(
    "gen lt col maj brig sgt capt adm cmdr mr mrs ms dr prof sen sens rep reps gov rev st sr jr "
    "dy")
# Nouns before a name that say it is a person's ("striker Wayne Rooney", "his wife, Cherie").
ROLE_NOUNS = TITLE_HEADS | _words("""
striker coach manager boss midfielder defender goalkeeper winger skipper player players
singer actor actress star comedian musician rapper artist author writer novelist poet
presenter host founder owner lawyer barrister candidate
wife husband son daughter brother sister mother father uncle aunt friend nephew niece
boyfriend girlfriend fiance fiancee fiancé fiancée spouse widow widower cousin twin twins
grandson granddaughter grandmother grandfather stepson stepdaughter stepmother stepfather
mum mom dad bff
counterpart predecessor successor aide adviser advisor economist architect designer
""")
# More nouns of a trade or a sport that name a person before a name, lone ones too ("the
# megastar Beyonce", "footballer Neymar", "golfer Tiger Woods"): generic English.
ROLE_NOUNS |= _words("""
songwriter superstar megastar popstar footballer cricketer batsman batter bowler boxer golfer
athlete sprinter swimmer cyclist jockey quarterback pitcher dancer socialite influencer
filmmaker playwright choreographer
""")


def _role_noun(word: str) -> bool:
    """A role noun, or a hyphened one whose last part is ("singer-songwriter", "ex-wife",
    "co-founder", "actor-turned-director")."""
    return word in ROLE_NOUNS or ("-" in word and word.rsplit("-", 1)[1] in ROLE_NOUNS)


# Role nouns that say so only before a full name no dictionary knows ("ISIS chief Abu Bakr
# al-Baghdadi", "lawmaker Adam Schiff"): before one word or a known name they are as often a
# compound's ("the billionaire Bhs owner", "chief Opec negotiator", "executive New Zealand").
FULL_NAME_ROLES = _words("""
chief executive official lawmaker legislator politician diplomat activist businessman
businesswoman tycoon billionaire scientist researcher
""")
# A title's words, that initials may stand for ("General Manager (GM)", "Chief Executive
# Officer (CEO)", "Managing Director (MD)": office_initials.py).
_TITLE_NOUNS = TITLES | ROLE_NOUNS | FULL_NAME_ROLES | _words("managing permanent")
# Nouns before a name that say it is an organisation's ("software giant Microsoft").
ORG_APPOSITIVES: dict[str, str] = {}
for _type, _nouns in {
    "organisation": "firm company giant group maker makers retailer carrier airline operator "
                    "bank club side insurer lender manufacturer conglomerate chain brewer "
                    "publisher outfit supplier developer provider distributor label studio",
    "media": "newspaper paper daily tabloid broadcaster channel magazine station journal",
    "party": "party",
}.items():
    for _w in _nouns.split():
        ORG_APPOSITIVES[_w] = _type
ORG_APPOSITIVES.update(plural_appositives(ORG_APPOSITIVES), **PUBLIC_BODY_APPOSITIVES)

# A company's legal form: no name alone ("Co Inc").
LEGAL_WORDS = _words("co inc corp corporation ltd plc llc ag sa nv gmbh bv spa kk and")
# Nouns after a name that say what kind of actor it is ("Labour MPs", "Sony shares",
# "Chelsea striker", "BBC correspondent").
KIND_BEFORE: dict[str, str] = {}
for _type, _nouns in {
    "party": "mp mps mep meps msp msps mla mlas mlc mlcs manifesto "
             "backbencher backbenchers backbench frontbench frontbencher councillor councillors "
             "peer peers whip whips",
    # an armed group's fighters ("ISWAP militants", "Hamas insurgents"; not "fighters":
    # a boxer's, a jet's as often)
    "militia": "militants insurgents jihadists",
    "organisation": "shares stock profits profit sales revenues chairman shareholders "
                    "subsidiary employees workers staff striker strikers midfielder defender "
                    "goalkeeper winger squad fans "
                    # a service's, a platform's as a telecom's or a bank's ("Vodafone users")
                    "user users subscribers customers",
    "media": "correspondent reporter reporters website viewers listeners presenter programme "
             "documentary journalist journalists "
             # a platform's: "YouTube channel", "Twitter account", "Facebook page" (not
             # "users", "subscribers": a telecom's, a bank's or a utility's as often, a
             # company's at least: "Vodafone users" made a telecom a medium)
             "channel channels account accounts page pages",
}.items():
    for _w in _nouns.split():
        KIND_BEFORE[_w] = _type
# A candidate's, a voter's nouns: a party's only of a name the corpus calls a body (electorate.py).
KIND_BEFORE.update(dict.fromkeys(ELECTORATE_NOUNS, ELECTORATE))
KIND_BEFORE.update({w: t for w, t in TEAM_AND_PROGRAMME_NOUNS.items() if w not in KIND_BEFORE})
# A side's positions after any name ("Juventus forward", "Ajax team-mates": teams.py); not
# "side" and "youngsters", a place's as often ("the Gaza side", "London youngsters").
KIND_BEFORE.update({w: "organisation" for w in POSITIONS - {"side", "youngsters"}
                    if w not in KIND_BEFORE})

# A statistics office's first word before its country's name ("Statistics Canada").
STATISTICS_WORDS = _words("statistics stats statistical census")

# Capitalised words that do not make a name on their own.
FUNCTION = _words("""
the a an this that these those there here it its he she they we i you his her their our my
your who what when where why how which while if but and or nor so yet as at by for from in
into of on onto over to up with without after before since until during about against among
between through under above across around near per also then thus still even just only all any
both each every few many more most much no none not some such other others another
according meanwhile however moreover furthermore although though because despite instead
yes please thank thanks today yesterday tomorrow tonight
""")
# Words before a name that are no part of it nor a title ("Former England captain").
FORMER = _words("former late ex then top senior acting outgoing incoming")
# Number words start a name only mid-sentence ("Six Nations"), never a sentence.
NUMBERS = _words("one two three four five six seven eight nine ten first second third last next")
# Words of a web page's furniture ("Photo", "Share", "Read more", "Exclusive:"): no name's
# first word where they start a sentence or a line, but mid-sentence before another
# capitalised word the first word of a company's name ("at Credit Suisse", "Home Depot",
# "News Corp", "Live Nation").
PAGE_WORDS = _words("""
photo photos image images picture pictures video videos file credit credits source sources
share tweet email print subscribe click read watch listen follow related advertisement
breaking update updated exclusive analysis opinion editorial comment comments news report
reports reporting live home page section chapter part sign continue newsletter newsletters
""")
COMMON = FUNCTION | NUMBERS | PAGE_WORDS | _words("""
early late well morning evening night week month year years days day weekend
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
said says told asked added noted is was are were be been has have had do does did will would
can could should might must
thousands hundreds millions dozens several various officials official sources source
""")
# A lower-case word after a name that is no noun it qualifies ("Labour said", "Blair and").
NOT_QUALIFIED = COMMON | _words("""
says say tells stated declared warned announced wrote tweeted claimed insisted mentioned
replied urged vowed agreed wants wanted went came got gave took made makes make won lost
beat beats played plays faces faced needs needed hopes hoped believes believed thinks
thought knows knew sees saw gets take takes give gives has hit hits become became remains
remained continued continues plans planned called calls added also its it's who which that
""")
# Words that end a name only when they are not part of it ("Baghdad Friday").
TRAILING = _words(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")
# A web page's buttons after a byline or a credit ("by Jane Doe Share", "Getty Images
# Save"): verbs of the page that end no name (not "News", "Watch", "Live": "Fox News",
# "Human Rights Watch", "Live Nation" end so).
BUTTONS = _words("share shares tweet email save subscribe")

# A venue's, a building's, a landform's head word: a place's (a press release's "Meydan
# Racecourse", "Conrad Hotel", "Dubai Creek" were its actors); no chain's plural ("Westin
# Hotels" is a company). No "and" joins two names before one ("Jafza and Ibn Battuta Mall").
_VENUE_HEADS = _words("""racecourse racetrack hotel resort grandstand mall garden gardens beach
beachfront waterfront creek lagoon promenade riviera heights""")
# Last word of an organisation name -> its type.
ORG_CUES: dict[str, str] = {}
for _type, _cue_words in {
    "government": "ministry ministries department government administration parliament "
                  "congress senate cabinet council assembly presidency office embassy "
                  "commission authority authorities court judiciary treasury police "
                  "directorate inspectorate secretariat "
                  "circuit",  # a judicial circuit ("the Ninth Circuit")
    "military": "army armies navy force forces corps guard guards brigade brigades battalion "
                "regiment command marines militaries military division",
    "militia": "militia militias mobilization mobilisation resistance",
    "party": "party parties movement alliance coalition front bloc",
    "media": "news times post journal annals tribune herald gazette agency tv television radio "
             "network press media channel broadcasting telegraph guardian",
    "location": "street road avenue square lane boulevard bridge palace castle stadium park "
                "airport hall abbey cathedral island islands mountains valley river lake "
                "county province region district city town village peninsula coast "
                + " ".join(_VENUE_HEADS),
    "organisation": "organisation organization organizations union association foundation "
                    "institute company corporation corp inc ltd plc group bank fund "
                    "committee society university college school hospital federation "
                    "confederation academy "
                    "league club airlines airways agency project program programme co inc "
                    "corp ltd plc llc ag sa nv gmbh bv spa holdings industries enterprises "
                    "partners trust services exchange board bureau institution museum industry "
                    "industrie center centre centers centres institutes clinic library observatory "
                    # a company's head nouns ("Meta Platforms", "Cisco Systems")
                    "platforms technologies systems networks labs laboratories solutions "
                    "therapeutics pharmaceuticals biosciences semiconductor software "
                    "communications motors bancorp "
                    # a campaign's ("Colombia Solidarity Campaign" was typed a person)
                    "campaign",
}.items():
    for _w in _cue_words.split():
        ORG_CUES.setdefault(_w, _type)



# Head words after which "and" joins one name ("Securities and Exchange Commission"): a body's
# cue words, and "Service", a body's head too ("Fish and Wildlife Service", "Immigration and
# Naturalization Service") that types none (the BBC World Service is a medium).
_AND_HEADS = (frozenset(ORG_CUES) - _VENUE_HEADS) | {"service"}


# Words before "of" that make one name of what follows ("Bank of England", "Republic of
# Ireland", "Secretary of State"); after any other two words "of" ends the name ("Mark
# Stephen Trotter of California" is a person and a place).
OF_HEADS = _words("republic kingdom emirate emirates sultanate principality state states "
                  "house church duke duchess earl prince princess king queen bay isle isles "
                  "gulf sea strait straits cape port lake mount river commonwealth "
                  "confederation chamber tower statue battle siege order mosque temple "
                  "shrine annals archives proceedings")


_MILITIA_WORDS = frozenset(w for w, kind in ORG_CUES.items() if kind == "militia")
# Kinds of body whose name may start with a demonym as a name of its own ("American Stock
# Exchange", "Australian Broadcasting Corporation"), unlike a country's own bodies.
_OWN_NAME_TYPES = frozenset(("organisation", "media"))


def _lead(rest: list[Mention], text: str, start: int, cut: int) -> None:
    """Note on the mention that starts at `cut` the country's word cut off before it
    (records.py: `Mention.lead`): of a body's name of two words or more ("Syrian |
    Democratic Forces", "US | Geological Survey"), not a person's ("American | Lance
    Armstrong": no given name in it, no person's or office's cue), whose country's word is
    no part of the name."""
    if rest and rest[0].start == cut:
        m = rest[0]
        if " " in m.key and not m.person_cue and m.org_type not in _NO_LEAD \
                and given_names().isdisjoint(m.key.split()):
            m.lead, m.lead_at = text[start:cut], cut


_NO_LEAD = frozenset(("office", "personal"))


@lru_cache(maxsize=1 << 12)  # asked of every mention (country_bodies.py): keys repeat
def names_body(key: str) -> bool:
    """Whether a key's words name a government's or a party's body (country_bodies.py)."""
    return body_words(key, ORG_CUES, OF_HEADS)


# A chamber's members of one party ("House Democrats", "Senate Republicans", "Labour
# MPs" aside): a group, an organisation's type, not a person (they were typed person and
# other). Generic political English: a legislature's chambers and party members' nouns.
CHAMBERS = frozenset(("house", "senate", "congressional", "assembly", "parliamentary",
                      "legislative", "chamber"))
PARTY_MEMBERS = frozenset(("democrats", "republicans", "conservatives", "liberals",
                           "socialists", "tories", "greens", "progressives", "moderates"))


def _org_type(words: list[str]) -> str | None:
    """The type an organisation's name says: a militia word anywhere ("Popular Mobilization
    Forces"), else its head noun: the word before "of" ("Bank of England", "Ministry of
    Defence"), else its last word ("Ministry", "Party")."""
    if not _MILITIA_WORDS.isdisjoint(words):
        return "militia"
    while len(words) > 1 and words[-1].isdigit():  # "BBC Radio 4"
        words = words[:-1]
    if "of" in words[1:]:
        head = ORG_CUES.get(words[words.index("of") - 1])
        if head:
            return head
    if words[-2:-1] == ["task"] and words[-1] in _FORCE:
        # A task force is a group formed for a task, a panel as often as a unit ("U.S.
        # Preventive Services Task Force", "Coronavirus Task Force"): an armed force's only
        # where another word says so ("Joint Task Force", "Naval Task Force", "Army Task
        # Force"; the article's cues may say so too).
        return "military" if any(ORG_CUES.get(w) == "military" or w in _ARMED_TASK
                                 for w in words[:-2]) else "organisation"
    head = ORG_CUES.get(words[-1])
    if head == "military" and words[-2:-1] == ["police"]:
        return "government"  # "Royal Solomon Islands Police Force": a state's police, no army
    if head is None and words[-1] in PARTY_MEMBERS and words[-2] in CHAMBERS:
        return "organisation"  # "House Democrats", "Senate Republicans": a group of members
    if head == "media" and words[-1] == "agency" and words[-2:-1] not in (["news"], ["press"]):
        # A news or press agency is a medium; most other agencies news names are a state's
        # ("Environmental Protection Agency", "Environment Agency": typed media, 53 of 53).
        return "government"
    if head is None and len(words) == 2 and words[0] in _PERIODICALS:
        return "media"  # "Daily Star", "Daily Mail", "Weekly Standard": a periodical's name
    return head


# A periodical's first word: a newspaper's or a magazine's name of two words ("Daily Star",
# "Weekly Blitz"), whatever its last ("Daily Star" was an organisation in Bangladeshi news).
_PERIODICALS = frozenset(("daily", "weekly"))


_FORCE = frozenset(("force", "forces"))
# Small words after which a body's name goes on with its scope ("Movement for West Papua",
# "Council of Europe"): what follows is no other name run into it (`_resolve_in_article`).
_SCOPE_LINKS = frozenset(("for", "of", "to", "on", "in"))
# Words that make a task force an armed force's ("Combined Task Force 150").
_ARMED_TASK = frozenset(("joint", "combined", "naval", "amphibious", "expeditionary",
                         "special", "air", "carrier"))


# Verbs before "in" that say what follows is a publication ("published in the Lancet").
PUBLISHED_IN = _words("published publishes publish appeared appears appear writing wrote "
                      "writes write online")
# Nouns of a kind of place without a name's capital that say the name beside them is a
# place's: "Tanna island", "the island of Tongatapu", "the Hunga Tonga volcano", "Bellona
# province" (islands and volcanoes have no cue word in their names; stranger9); "Kukawa
# town", "the village of Kwaki" (local places of no list; stranger11). Not "district" nor
# "county": "the Jadriya district of the Iraqi capital" listed a place apart from the
# seeds' Al-Jadirya, the same quarter spelt otherwise (a split the rules do not join).
PLACE_NOUNS = _words("island islands atoll atolls archipelago volcano province village "
                     "villages town")
LOCATION_PREPOSITIONS = _words(
    "in at near from into across around outside inside towards toward to via")
# Of those, the ones said of people as often ("a letter from Peter Dutton", "spoke to John
# Howard"): no place's cue before a person's full name (`Extractor._given_full_name`).
_PERSON_PREPOSITIONS = _words("from to towards toward via")
SPEECH_VERBS = _words(
    "said says say told tells added stated declared warned announced wrote tweeted claimed "
    "insisted mentioned replied urged vowed")
PHOTO_CREDIT = re.compile(
    r"\((?:photo|image|picture|credit|file|source)[^)]{0,160}\)"
    r"|\b(?:photo|image|picture)s?(?:\s+credit)?\s*:[^\n)]{0,120}",
    re.IGNORECASE)
# A dateline at the head of an article's first lines: "TEHRAN -", "LONDON (Reuters) -",
# "IRAN – (WARSOOR) –", "WASHINGTON, Jan 3 -", "Tehran, Dec 3 (IRNA) -", "Tehran – ". It
# says where the report was filed, not who acts in it (a corpus whose every article starts
# "TEHRAN" had Tehran at the top of its actors).
DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3}"
    r"(?:,[ \t]*[^\n,–—()-]{1,30})?[ \t]*(?:[-–—][ \t]*)?(?:\([^()\n]{1,40}\)[ \t]*)?"
    r"|[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){0,3}(?:,[ \t]*[^\n,–—()-]{1,30})?[ \t]*"
    r"\([^()\n]{1,40}\)[ \t]*"
    r"|[A-Z][\w'’.]+(?:[ \t]+[A-Z][\w'’.]+){0,2}(?:,[ \t]*[^\n,–—()-]{1,30})?[ \t]+(?=[-–—]))"
    r"[-–—:][ \t]", re.MULTILINE)
DATELINE_REACH = 400  # characters from the start where a dateline may stand
_CREDIT_WORDS = ("photo", "image", "picture")
_CREDIT_OPENERS = tuple(f"({w}" for w in (*_CREDIT_WORDS, "credit", "file", "source"))
_CREDIT_BYTES = tuple(w.encode() for w in _CREDIT_WORDS)
_CREDIT_OPENER_BYTES = tuple(w.encode() for w in _CREDIT_OPENERS)
# (Beyond Latin-1, IGNORECASE makes other letters equal to the credit words' ("ſ" to "s",
# "ı" to "i") and lower() may change a text's length: there the pattern searches alone.)


def _photo_credits(text: str) -> list[tuple[int, int]]:
    """The spans `PHOTO_CREDIT.finditer` gives, found by trying the pattern only where one of
    its matches can start: at "(" before one of its words, or at "photo", "image" or
    "picture" (looked for with find in the text's Latin-1 bytes with their ASCII letters
    lower-cased: the text's offsets, and where its lower-cased text has one of these ASCII
    words, as no other Latin-1 letter lower-cases to an ASCII one; a seventh of the time of
    `str.lower` for a text beyond ASCII), rather than at every character."""
    try:  # (a text of Latin-1 is its bytes as it is: no character read)
        low = text.encode("latin-1").lower()
    except UnicodeEncodeError:  # a character beyond Latin-1
        return [m.span() for m in PHOTO_CREDIT.finditer(text)]
    starts: list[int] = []
    for word in _CREDIT_BYTES:
        at = low.find(word)
        while at >= 0:
            starts.append(at)
            at = low.find(word, at + 1)
    at = low.find(b"(")
    while at >= 0:
        if low.startswith(_CREDIT_OPENER_BYTES, at):
            starts.append(at)
        at = low.find(b"(", at + 1)
    return matches_from(PHOTO_CREDIT, text, starts)



# A dotted acronym (U.S., U.N.) or a word with inner hyphens / apostrophes. (A pattern that
# matched only the words that can make a name was slower: it is tried at every character.)
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_][\w]*(?:[-‐'’][^\W_][\w]*)*['’]?")
_DEFINED = re.compile(r"\s*\(([A-Z][A-Za-z.&-]{1,9})\)")
_CONTRACTION = re.compile(r"['’](?:m|re|ll|ve|d|t)$", re.IGNORECASE)


def _letters_acronym(surface: str) -> bool:
    """An acronym of two capitals or more, dots aside and no digit ("CBI", "N.I.A."; not
    "T20", a code)."""
    letters = surface.replace(".", "")
    return len(letters) > 1 and letters.isalpha() and letters.isupper()


def _contraction(surface: str) -> bool:
    """Whether a name ends in a contraction ("I'm", "They'll"): `_CONTRACTION` searched only
    where an apostrophe is (most names have none)."""
    return ("'" in surface or "’" in surface) and _CONTRACTION.search(surface) is not None
# (and a Markdown heading's "#" marks: "### Voices from the Ground" opens with "Voices")
_QUOTES_BULLETS = set(" \t\"'“”‘’«»(•*·–—-#")
_NEXT_WORD = re.compile(r" ([a-z][a-z'’-]*)")
# Words that follow a verb, not a name: a common word written in capitals before one is the
# word, stressed ("This IS the best": an outside tester's Islamic State hit, F15), not the
# acronym a dictionary gives it (IS, US, WHO).
_AFTER_A_VERB = frozenset(("the", "a", "an", "it", "this", "that", "not", "my", "your", "his",
                           "her", "our", "their", "so", "very", "what", "just", "also",
                           "there", "here", "you", "we", "they", "he", "she", "really"))
_WORD_AFTER = re.compile(r"[^\w]{0,4}([^\W\d_]+)")
_HYPHEN = re.compile(r"[-‐]")
_AND_GAPS = frozenset({" and ", " & ", "&"})
# Words a number after them belongs to ("BBC Radio 4", "Channel 4", "Radio 1"), not a score
# ("Arsenal 2") or a count: the channels and stations of broadcasters.
NUMBERED_HEADS = _words("radio channel tv television")
# (Their lengths: a word of another length is none of them, lower-cased or not.)
_NUMBERED_LENGTHS = frozenset(map(len, NUMBERED_HEADS))
# (And their first letters in either case: no other character lower-cases to one of them, a
# test checks over all of Unicode.)
_NUMBERED_FIRSTS = frozenset(f(h[0]) for h in NUMBERED_HEADS for f in (str.lower, str.upper))
# Numbers that name a broadcaster's channel after its name ("BBC One", "BBC 2").
CHANNEL_NUMBERS = _words("one two three four five six seven eight nine ten 1 2 3 4 5 6 7 8 9")
# Nouns after a name that say it names an event, not an actor ("Six Nations clash",
# "Champions League final"): the head nouns of events and the contests of sport.
EVENT_CUES = EVENT_NOUNS | _words(
    "match matches game clash clashes fixture fixtures tie ties title opener decider showdown")


def _glued_digits(word: str) -> str:
    """A capitalised word with digits glued to its end, "Kumar7" of a live blog's
    "Nitish Kumar7.04pm:" or "Covid19": the word without them. Codes in capitals keep
    theirs ("G7", "F16", "A380")."""
    letters = word.rstrip("0123456789")
    if len(letters) < 2 or letters.isupper() or not letters.isalpha():
        return word
    return letters


def _glued_title(word: str) -> int:
    """The length of a title a source ran into the capitalised word after it, without a
    space ("ComradeKim", "PresidentKim": a KCNA corpus wrote every leader's name so,
    stranger12), else 0; never an abbreviation's letters ("GenCorp" is Reuters' company).
    Read at the first capital inside the word; names written with one of their own
    ("McDonald", "MacArthur", "DeSantis", "PaineWebber", "YouTube") start with no title."""
    at = _INNER_CAPITAL.search(word, 2)
    if at is None or not word[at.start() + 1:].islower():
        return 0
    title = word[:at.start()]
    # (Not an abbreviation's letters: "GenCorp", "StarBucks", "DrKlein" are names.)
    return at.start() if _title_word(title) and title.lower() not in TITLE_ABBREVIATIONS else 0


_INNER_CAPITAL = re.compile(r"(?<=[a-z])[A-Z]")


def _reach(excluded: list[tuple[int, int]], base: int) -> tuple[int, int]:
    """The offsets, relative to `base`, from the first excluded span's start to the last's
    end ((0, 0) if none): a word starting outside is in none of them."""
    if not excluded:
        return 0, 0
    return min(a for a, _ in excluded) - base, max(b for _, b in excluded) - base


_EX = frozenset(("Ex", "EX"))


def _split_token(word: str, start: int) -> tuple[str, int, bool] | None:
    """The name part of a hyphenated word, its start, and whether the word went on after it.
    "Iran-backed" -> Iran; "pro-Soleimani" -> Soleimani; "al-Muhandis", "Mar-a-Lago" whole."""
    if "-" not in word and "‐" not in word:
        return word, start, False
    pieces = _HYPHEN.split(word)
    caps = [p[:1].isupper() for p in pieces]
    if len(pieces) == 2 and pieces[0] in _EX and caps[1] \
            and (len(pieces[1]) > 2 or _title_word(pieces[1])):
        # "Ex-CM", "Ex-Labour", "Ex-Democratic National Committee": "former", no name's
        # part (as "ex-Yukos" is cut below); not "Ex-Im Bank", "Ex-Cell-O Corp"
        return word[3:], start + 3, False
    if caps[0] and caps[-1]:
        return word, start, False
    if not caps[0] and pieces[0].lower() in CONNECTORS and all(caps[1:]):
        return word, start, False
    if caps[0]:  # Iran-backed, U.S.-led: the capitalised head
        head = []
        for piece, cap in zip(pieces, caps, strict=True):
            if not cap:
                break
            head.append(piece)
        text = "-".join(head)
        return text, start, True
    # pro-Soleimani, anti-American: the capitalised tail
    for i, cap in enumerate(caps):
        if cap and all(caps[i:]):
            offset = len("-".join(pieces[:i])) + 1
            return word[offset:], start + offset, False
    return None


# One pass over the text that stops only at the words that can make a name: `TOKEN`'s
# words, where those that start in (ASCII) lower case with no hyphen and are no standalone
# connector are stepped over inside the pattern, whole and atomically, so no word is entered
# half-way (a pattern that looked for capitals alone was tried at every character); so are
# words that start with an ASCII digit and go on with no hyphen or apostrophe ("2004",
# "3Com": never capitalised, so never part of a name; "3-Com" is scanned). Whatever it
# stops at is checked again in Python, as every word was before. The skipped text is a
# group of its own: matches follow one another with no gap (whatever is not skipped starts
# a word), so `findall` gives each word's offset by adding up lengths, with no match objects.
# Spaces first (tried before the connectors' look-ahead), and a word takes the spaces after
# it along: one step of the loop a word. Most words are plain lower-case letters followed by
# a space, comma, dot or line end: they take a shorter step of their own first (what the
# general step would take of them, without its atomic group and look-aheads: a fifth less).
# A connector is stopped at only as the first lower-case word after anything else: one
# after a lower-case word follows no word that can make a name, so `_spans` would join it to
# none (the gap before it holds that word) and no run can start with it: it is stepped over
# with the words around it, the look-ahead for connectors tried once a stretch of lower-case
# words rather than at each of them (a fifth of the scan's time on BBC), and only where a
# lower-case letter stands (the look-ahead's alternatives are not tried at the capitals the
# scan stops at: 6% of its time).
_NOT_CONNECTOR = (
    r"(?!(?:" + "|".join(sorted(STANDALONE_CONNECTORS, key=len, reverse=True)) + r")\b)")
# (The first step takes a stretch of such words at once, letters and separators in one
# loop of the engine, given back to the stretch's last separator: the same words one step
# each took, a sixth less of the scan's time.)
_LOWER_WORD = (
    r"(?:[a-z][a-z \n,.]*[ \n,.]"
    r"|(?>[a-z]\w*+(?:[‐'’][^\W_]\w*+)*+['’]?)(?![-‐'’][^\W_])[ \n,.]*)")
# Words hyphenated from pieces that all start in lower case or with a digit ("so-called",
# "e-mail", "6-3") are stepped over as well, after those steps (they make no name: no piece
# is capitalised, `_split_token`; the word after them is looked at as after anything else).
_STEP_OVER = (
    r"(?:[ \n,.]+"
    r"|(?=[a-z])" + _NOT_CONNECTOR + _LOWER_WORD + _LOWER_WORD + "*+"
    r"|(?>[0-9]\w*+(?:[-‐][a-z0-9]\w*+)*+)(?![-‐'’]\w)"
    r"|(?>[a-z]\w*+(?:['’][^\W_]\w*+)*+(?:[-‐][a-z0-9]\w*+(?:['’][^\W_]\w*+)*+)++['’]?)"
    r"(?![-‐'’][^\W_])"
    r"|[\W_])*+")
CANDIDATE = re.compile("(" + _STEP_OVER + ")(?:(" + TOKEN.pattern + r")|\Z)")
_SENTENCE_END = frozenset(".!?:;\n…|")


_FEW_EXCLUDED = 16  # excluded spans tried one by one at each word (`_tokens`); more: bisected


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of half-open `spans` as sorted disjoint (starts, ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(s for s in spans if s[0] < s[1]):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _named_alone(part: list[_Tok], after: list[_Tok], known: frozenset[str],
                 places: frozenset[str], demonyms: Container[str]) -> bool:
    """Whether the words before an "and" are a name of their own, not the first of a body's
    name that the words after it end: an acronym ("FIFA and Oceania Football
    Confederation", "EDS and Hughes Aircraft Co"), or a dictionary's name before words that
    open with no place's or people's ("Italy and Hercules Inc"; but "Australia and New
    Zealand Banking Group", "London and Scottish Marine Oil", "Chicago and North Western
    Transportation Co" are one name each)."""
    tail = part  # (after the run's last connector: "Officials of | FIFA")
    for i in range(len(part) - 1, -1, -1):
        if part[i].connector:
            tail = part[i + 1:]
            break
    if len(tail) == 1 and len(tail[0].text) > 1 and tail[0].text.isupper():
        return True
    name = name_key(" ".join(t.text for t in tail)) if tail else ""
    if name not in known or name in demonyms:  # ("British and Commonwealth Shipping")
        return False
    if name_key(" ".join(t.text for t in after)) in known:
        return True  # two dictionaries' names ("Kiribati and Solomon Islands")
    first = name_key(after[0].text)
    return first not in places and first not in known and first not in COMPASS \
        and (len(after) < 2 or name_key(f"{after[0].text} {after[1].text}") not in places)


def _excluded_end(excluded: list[tuple[int, int]], at: int) -> int:
    """Where the excluded spans holding `at` end (the furthest)."""
    return max(b for a, b in excluded if a <= at < b)


def _inside(merged: tuple[list[int], list[int]], at: int) -> bool:
    """Whether `at` is inside one of the spans `_merged` gave."""
    i = bisect_right(merged[0], at) - 1
    return i >= 0 and at < merged[1][i]


def _tokens(text: str, base: int, excluded: list[tuple[int, int]],
            lone: set[str] | None = None, known: Container[str] = ()) -> list[_Tok]:
    """The words that can make a name: capitalised words and standalone connectors (but for
    those right after a lower-case word, which no run can hold: see `_STEP_OVER`). Any
    other word could only end a run of them, and the text it leaves between the words
    around it ends the run as well (`_spans` joins words across " ", ". ", " and ", " & "
    and "&" only, none of which holds a word); it is never an abbreviation before a dot.
    `lone`: without the words that `_mentions` would drop as runs of their own ("The", "But"
    starting a sentence, "I" or "January" inside one, with no word next to them that could
    join them: `_lone_word`); those inside a sentence are added to `lone` (the article's
    words capitalised mid-sentence are read of other runs)."""
    out: list[_Tok] = []
    append = out.append
    tok, new = _Tok, object.__new__
    quotes = _QUOTES_BULLETS
    connectors = STANDALONE_CONNECTORS
    sentence_end = _SENTENCE_END
    # (Where the excluded spans lie, all of them: most words are outside, one test each.)
    low, high = _reach(excluded, base)
    lone_words = _LONE_WORDS if lone is not None else {}
    # (A long text's many excluded spans, merged and bisected: each tried at each word made
    # a long article's extraction quadratic.)
    spans = _merged(excluded) if len(excluded) > _FEW_EXCLUDED else None
    # (Where a dateline's dash may stand before a word: nowhere if the text's start has no
    # dash, as most have not.)
    head = text[:_DATELINE_FIRST]
    dated = _DATELINE_FIRST if "-" in head or "–" in head or "—" in head else 0
    at = 0
    for skipped, raw in CANDIDATE.findall(text):
        start = at + len(skipped)
        at = start + len(raw)
        if not raw:
            continue
        glued = False
        if low <= start < high and (any(a <= start + base < b for a, b in excluded)
                                    if spans is None else _inside(spans, start + base)):
            cut_at = _excluded_end(excluded, start + base) - base
            if cut_at >= at:
                continue
            # A word the span ends inside ("TariangaThe": a byline a scraper ran into the
            # story): its rest is a word of its own, the first of its sentence.
            raw, start, glued = raw[cut_at - start:], cut_at, True
        possessive = cut = False
        wstart = start
        if raw.isalnum():  # most words: no possessive, hyphen, dot or underscore
            word = raw
            if word[0].isupper():
                cap, connector = True, False
                if word[-1].isdigit():
                    word = _glued_digits(word)
                elif not word[1:].islower() and not word.isupper() \
                        and (title := _glued_title(word)):
                    # "ComradeKim": a title the source ran into the name (see `_glued_title`)
                    word = word[title:]
                    start = wstart = start + title
            elif word in connectors:
                cap, connector = False, True
            else:
                continue  # neither capitalised nor a connector (see the docstring)
        else:
            # Only capitalised words and connectors make names.
            if raw[0].islower() and "-" not in raw and raw not in connectors:
                continue
            if raw[-1] in "'’":
                raw, possessive = raw[:-1], True
            elif raw[-2:].lower() in ("'s", "’s"):
                raw, possessive = raw[:-2], True
            if not raw:
                continue
            if "-" in raw or "‐" in raw:
                split = _split_token(raw, start)
                if split is None:
                    continue
                word, wstart, cut = split
                if cut and syllable_pair(raw) and (
                        (out and out[-1].cap and out[-1].end - base == start - 1
                         and text[start - 1] == " ") or after_name(raw, text)):
                    # "Kim Jong-un": a given name, kept whole (alone too, "Jong-un said",
                    # where the article writes it after a name)
                    word, cut = raw, False
                cap = word[:1].isupper() or (
                    "-" in word and word.lower().split("-")[0] in CONNECTORS)
            else:
                word = raw
                cap = word[:1].isupper()
            connector = word in connectors
            if not cap and not connector:
                continue
        j = start - 1
        while j >= 0 and text[j] in quotes:
            j -= 1
        initial = j < 0 or text[j] in sentence_end or glued or (
            start < dated and _after_dateline(text, start))
        if initial and j >= 0 and text[j] == "." and out and out[-1].end - base == j:
            prev = out[-1].text.lower()
            # "Gen. Soleimani", "the U.S. President": a dot of an abbreviation, not an ending.
            if prev in TITLE_ABBREVIATIONS or "." in out[-1].text \
                    or _middle_initial(out, text, base, start):
                initial = False
        elif initial and j >= 0 and text[j] == "." and out and out[-1].end - base == j + 1 \
                and out[-1].text.endswith(".") and (_body_follows(text, start)
                                                    or _dotted_middle(out, text, base, start)
                                                    or _leading_initials(out, text, base,
                                                                         start, known)):
            initial = False  # "the U.S. Agriculture Department": the dot is the acronym's
        if (alone := lone_words.get(word)) and raw.isalnum() \
                and (initial or (alone == _ALWAYS and not (
                    out and start + base - out[-1].end <= 5))) \
                and _ALONE_AFTER.match(text, start + len(word)) \
                and text[start - 1:start] != "&":  # (NS&I's "I": a part of the name before)
            if not initial:
                lone.add(word)
            continue  # a sixth of the words: no token, no run, no call of `_mentions`
        if cap and start > 5 and text[start - 4] in _DIGITS and text[start - 1] == " " \
                and (ordinal := _ordinal(text, start, base)):
            append(ordinal)  # "the 9th Circuit": the ordinal is the body's name's
        # (A word's token made field by field: `_Tok(...)` passes through its `__init__`
        # from C, twice the time, and there is a token for most words. One store a field,
        # with no tuple built and unpacked: 2.5% fewer instructions of the scan.)
        t = new(tok)
        t.text = word
        t.start = at_base = wstart + base
        t.end = at_base + len(word)
        t.cap = cap
        t.connector = connector
        t.initial = initial
        t.possessive = possessive
        t.cut = cut
        t.joined_by_and = ""
        append(t)
        if cap and word[0] in _NUMBERED_FIRSTS and len(word) in _NUMBERED_LENGTHS \
                and word.lower() in NUMBERED_HEADS:
            number = _numbered(text, wstart + len(word), base, excluded)
            if number is not None:
                append(number)  # "BBC Radio 4", "Channel 4": the number is the name's
    return out


# (A first test at each capitalised word: the digit before an ordinal's two letters and a
# space; the two letters "and", "with", "first" end in were a regex search each.)
_DIGITS = frozenset("0123456789")
_ORDINAL = re.compile(r"(?<![\w.,-])([Tt]he )([1-9]\d{0,2}(?:st|nd|rd|th)) $")
# The capitalised words after an ordinal, dots of "U.S." kept.
_BODY_AHEAD = re.compile(r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|of))*")
_MAX_BODY_WORDS = 6
# A legislature's head nouns: its ordinal numbers a session ("the 100th Congress", "the 12th
# National Assembly"), not a body of its own as a court's or a unit's does.
SESSIONED = _words("congress parliament legislature assembly senate")


def _ordinal(text: str, start: int, base: int) -> _Tok | None:
    """An ordinal between "the" and the capitalised word at `start`, as a token of the name,
    where the words it numbers name a government body or an armed force ("the 9th Circuit",
    "the 5th U.S. Circuit Court of Appeals", "the 101st Airborne Division"): a court or a
    unit is named by its number, and the name without it ("Circuit") is a fragment. Not
    before other words ("the 21st Century", "the 44th American president")."""
    found = _ORDINAL.search(text, max(0, start - 12), start)
    if found is None:
        return None
    ahead = _BODY_AHEAD.match(text, start)
    words = ahead.group().split(" ")[:_MAX_BODY_WORDS] if ahead else ()
    heads = [low for w in words
             if ORG_CUES.get(low := w.rstrip(".").lower()) in ("government", "military")]
    if not heads or all(h in SESSIONED for h in heads):
        return None  # "the 100th Congress": a session of the body, which is the body
    at = found.start(2)
    word = found.group(2)
    return _Tok(word, at + base, at + base + len(word), True, False, False, False, False)


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _middle_initial(out: list[_Tok], text: str, base: int, start: int) -> bool:
    """Whether the one capital letter before a dot is a middle initial ("Donald J. Trump",
    "Michael J. Fox"): it follows a capitalised given name (or another initial, "J. K.
    Rowling") after one space, the word at `start` follows its dot after one space, is no
    sentence's opening word ("Plan B. The ..."), and ends the name ("Malcolm X. Attallah
    Shabazz", "Malcolm X. Besides Dee" are two sentences; "Jr" may follow)."""
    if len(out) < 2 or not _is_initial(out[-1].text) or out[-1].text == "I":  # (Charles I.)
        return False
    given, letter = out[-2], out[-1]
    gap = text[given.end - base:letter.start - base]
    # (A given name in capitals is a headline's word: "BASE IN W. GERMANY".)
    if not (given.cap and not given.possessive and (
            (gap == " " and not given.text.isupper())
            or (gap == ". " and _is_initial(given.text)))) \
            or text[letter.end - base:start] != ". ":
        return False
    word = _NEXT_NAME_WORD.match(text, start)
    if word is None or _starter_word(word.group(1)):
        return False
    if _ONE_INITIAL.fullmatch(word.group(1)) and text.startswith(" ", word.end()):
        return True  # a second initial ("George H. W. Bush"): its own dot is asked in turn
    after = _NEXT_NAME_WORD.match(text, word.end() + 1) if text.startswith(" ", word.end()) \
        else None
    return after is None or after.group(1).rstrip(".") in _SUFFIXES


_ONE_INITIAL = re.compile(r"[A-Z]\.")
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


def _dotted_middle(out: list[_Tok], text: str, base: int, start: int) -> bool:
    """Whether the word before `start` is a person's middle initials run together ("George
    H.W. Bush"): two or three capitals each with its dot, after a given name and one space,
    the word at `start` one space after them and no sentence's opening word (the dot of
    "H.W." ended the sentence, and "Bush" alone became George W. Bush's)."""
    if len(out) < 2 or not _DOTTED_INITIALS.fullmatch(out[-1].text):
        return False
    given, initials = out[-2], out[-1]
    if given.text.lower() not in given_names() or given.text.isupper() or given.possessive \
            or text[given.end - base:initials.start - base] != " " \
            or text[initials.end - base:start] != " ":
        return False
    word = _NEXT_NAME_WORD.match(text, start)
    return word is not None and not _starter_word(word.group(1))


def _leading_initials(out: list[_Tok], text: str, base: int, start: int,
                      known: Container[str]) -> bool:
    """Whether the word before `start` is a name's first initials run together ("A.J.
    Smith", "J.K. Rowling", "J.R.R. Tolkien", "J.P. Morgan"): two or three capitals each
    with its dot, not after "the" (a country's: "the U.S. Army" is `_body_follows`'s), the
    word at `start` one space after them and no sentence's opening word. (The dot of
    "A.J." ended the sentence: an outside tester's "A.J. Smith" was "A.J." alone, and
    "Smith" alone became another Smith's.) Not a name the dictionaries know: "U.S.",
    "U.N." end sentences ("100 mln U.S. Dlrs" was a name)."""
    initials = out[-1]
    if not _DOTTED_INITIALS.fullmatch(initials.text) or name_key(initials.text) in known \
            or text[initials.end - base:start] != " " \
            or text[max(0, initials.start - base - 4):initials.start - base].lower() == "the ":
        return False
    word = _NEXT_NAME_WORD.match(text, start)
    return word is not None and not _starter_word(word.group(1))


# A capitalised word; the name suffixes that may follow a surname.
_NEXT_NAME_WORD = re.compile(r"([A-Z][\w'’-]*\.?)")
_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))


_NAME_AHEAD = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}")


def _body_follows(text: str, start: int) -> bool:
    """Whether the capitalised words at `start` name a government body or an armed force
    ("Agriculture Department", "Navy"): after a dotted acronym ("U.S.") they go on its name
    rather than start a sentence."""
    found = _NAME_AHEAD.match(text, start)
    if found is None:
        return False
    last = found.group().rsplit(" ", 1)[-1].lower()
    # Or an office named by its portfolio ("U.N. High Commissioner for Refugees", "U.N.
    # Special Envoy for Syria"): the dot read as a sentence's end cut it from the acronym.
    # (Not any body's head: "U.S. Senate Agriculture Committee", "U.S. Bank" then stood
    # apart from the bodies Reuters names without "U.S.".)
    return ORG_CUES.get(last) in ("government", "military") \
        or (last in _OFFICES_FOR and text.startswith((" for ", " on "), found.end()))



def _numbered(text: str, at: int, base: int, excluded: list[tuple[int, int]]) -> _Tok | None:
    """The number of "Radio 4" after a numbered head ending at `at`: a word of one or two
    digits (possessive or not) one character after it. The scan steps over numbers, so a
    head looks for its own."""
    found = TOKEN.match(text, at + 1) if at + 1 < len(text) else None
    if found is None:
        return None
    raw = found.group()
    possessive = False
    if raw[-1:] in ("'", "’"):
        raw, possessive = raw[:-1], True
    elif raw[-2:].lower() in ("'s", "’s"):
        raw, possessive = raw[:-2], True
    start = at + 1
    if not (raw.isdigit() and len(raw) <= 2) or (
            excluded and any(a <= start + base < b for a, b in excluded)):
        return None
    return _Tok(raw, start + base, start + base + len(raw), True, False,
                text[at] in _SENTENCE_END, possessive, False)


_LINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LETTERS = re.compile(r"[^\W\d_]+")
_NON_SPACE = re.compile(r"\S+")
_LABEL_LINE = 30  # characters: a line this short, of capitalised words only, is a label


def _headline_reach(line: str) -> int:
    """How much of a line is a headline's (`_headline_case`): all of it, or none; or, of a
    web page's heading, the heading where its words are in title case (an HTML heading's
    up to its closing tag: the page may run its first paragraph on after it; headings.py)."""
    if line[:1] in _HEADING_FIRSTS and (span := heading_span(line)) is not None:
        start, end, heading_end = span
        if _title_cased(line[start:end]):
            return heading_end
    return len(line) if _headline_case(line) else 0


def _headline_case(line: str) -> bool:
    """A line in title case ("Iran Vows Revenge As Anniversary Looms"), or a short label line
    of capitalised words alone ("Nine Mths" above a table's figures): its capitals say
    nothing about names. A web page's heading ("### Voices from the Ground") is one when
    its words but the small ones title case leaves in lower case are capitalised, however
    few and however it ends (`_headline_reach`)."""
    end = line.rstrip()
    if end.endswith((".", "!", "?", "”", '"', ".’", ".'")):
        # A sentence, however many names it holds; but a line of four words or more, every
        # one capitalised, that ends in "!" or "?" is a headline or a site's promotion
        # ("Headline: Bitcoin & Blockchain Searches Exceed Trump! Blockchain Stocks Are
        # Next!"): a sentence has a verb or a noun in lower case. (Its words are read only
        # then: most lines are paragraphs ending in a full stop, and reading them all cost
        # a sixth of extraction.)
        if not end.rstrip("”\"’'").endswith(("!", "?")):
            return False
        words = [w for w in _LINE_WORD.findall(line) if w.lower() not in CONNECTORS]
        return len(words) >= 4 and all(w[0].isupper() for w in words)
    words = [w for w in _LINE_WORD.findall(line) if w.lower() not in CONNECTORS]
    if len(words) < 4:
        # (Its words alone: "Nine Mths"; or title case's, "Fenwen and Tepmar".)
        return bool(words) and len(line.strip()) <= _LABEL_LINE and (
            all(w[0].isupper() for w in words) and len(line.split()) == len(words)
            or _title_cased(line) and len(line.split()) == len(_LINE_WORD.findall(line)))
    if len(words) <= _SHORT_HEADING:
        # A short line, no sentence's end: a heading where all its words but title case's
        # small ones are capitalised ("Voices from the Ground", "A Timeline of Escalation";
        # not a list of fixtures, "Derby v Watford or Fulham": its names are names).
        return _title_cased(line, 1.0)
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.75


_HEADING_FIRSTS = frozenset("# \t<")
_SHORT_HEADING = 8  # words (connectors aside): a line no longer, with no sentence's end


def _title_cased(line: str, share: float = 0.75) -> bool:
    """Whether `share` of the line's words, but for the small words title case writes in
    lower case ("from", "the", "of", "and"), are capitalised."""
    words = [w for w in _LINE_WORD.findall(line)
             if w.lower() not in CONNECTORS and not (w in FUNCTION and w.islower())]
    return bool(words) and sum(1 for w in words if w[0].isupper()) >= share * len(words)


def _glued_and(first: _Tok, second: _Tok) -> _Tok:
    """Two capitalised words glued by "&" as one token ("AT&T"): the text between them is
    the "&" alone, so the surface, and the key, are those of the two words' run."""
    return _Tok(f"{first.text}&{second.text}", first.start, second.end, True, False,
                first.initial, second.possessive, second.cut, first.joined_by_and)


def _spans(toks: list[_Tok], text: str, base: int) -> list[list[_Tok]]:
    """Runs of capitalised tokens separated by a single space (or a title's dot, or an "and"
    / "&" between capitalised words, which `_mentions` may cut again)."""
    runs: list[list[_Tok]] = []
    run: list[_Tok] = []
    last = None  # run[-1]
    for tok in toks:
        if last is not None:
            # (A gap that joins is five characters at most, " and ": most pairs are further.)
            if tok.start - last.end <= 5 and not (last.possessive or last.cut or tok.initial):
                gap = text[last.end - base:tok.start - base]
                if (gap == " " or (gap == ". " and (last.text.lower() in TITLE_ABBREVIATIONS
                                                     or _is_initial(last.text)))) \
                        and (tok.cap or tok.connector):
                    run.append(tok)
                    last = tok
                    continue
                if gap in _AND_GAPS and tok.cap and last.cap:
                    if gap == "&":
                        # "AT&T", "J&J", "NS&I": one word, read whole by every rule after
                        # (its parts apart were a function word, a pronoun, a person's
                        # initials)
                        last = run[-1] = _glued_and(last, tok)
                        continue
                    tok.joined_by_and = gap.strip()
                    run.append(tok)
                    last = tok
                    continue
            runs.append(run)
            run, last = [], None
        if tok.cap:
            run = [tok]
            last = tok
    if run:
        runs.append(run)
    return runs


COMPANY_SUFFIXES = LEGAL_WORDS - {"and"}
# Last words of a name that may hold a possessive: a firm's legal form, a hospital's or a
# school's head ("Brigham and Women's Hospital", "Children's Hospital", "St Mary's College").
_POSSESSIVE_HEADS = COMPANY_SUFFIXES | frozenset((
    "hospital", "hospitals", "clinic", "college", "school", "university", "center", "centre",
    "institute"))
_POSSESSIVE_GAPS = frozenset({"'s ", "’s ", "' ", "’ "})
# A school's or a hospital's head with its town after it: "King's College London",
# "Queen's University Belfast", "St John's College Cambridge".
_SCHOOL_HEADS = frozenset(("college", "university", "school", "hospital"))
# Owners of a possessive that name no actor of their own in a body's name: a monarch's or a
# saint's ("King's College", "Queen's University", "St Mary's Hospital").
_TITLE_OWNERS = frozenset(("king", "queen", "prince", "princess", "duke", "duchess"))
_SAINTS = frozenset(("st", "st.", "saint", "ste"))

# Bodies' and places' head nouns, and a building's ("the House"): no firm's first word alone.
_HEAD_NOUNS = frozenset(ORG_CUES) | {"house"}


def _possessive_companies(runs: list[list[_Tok]], text: str,
                          known: frozenset[str]) -> list[list[_Tok]]:
    """A possessive inside a company's name: "Moody's Investors Service Inc", "Standard and
    Poor's Corp" are one name, not "Moody" and "Investors Service Inc" (so are "Brigham and
    Women's Hospital", "Children's Hospital"). Joined only when the name after the
    possessive ends in a legal suffix or a hospital's or a school's head, the owner is no
    dictionary's name ("Japan's Toshiba Corp") and the article never writes the owner
    without its possessive
    ("Murdoch's News Corp Ltd" beside "Rupert Murdoch")."""
    out: list[list[_Tok]] = []
    for run in runs:
        prev = out[-1] if out else None
        # (Most runs follow no possessive: their last word is not read.)
        if prev and prev[-1].possessive and (
                _lower(run[-1]) in _POSSESSIVE_HEADS
                or len(run) <= 3 and _lower(run[0]) in _SCHOOL_HEADS) \
                and text[prev[-1].end:run[0].start] in _POSSESSIVE_GAPS \
                and _owner_only_possessive(prev, text, known) \
                and (_lower(run[-1]) in COMPANY_SUFFIXES or _common_owner(prev, text)):
            out[-1] = prev + run
        elif prev and prev[-1].possessive \
                and text[prev[-1].end:run[0].start] in _POSSESSIVE_GAPS \
                and name_key(prev[-1].text) not in known \
                and (whole := _known_with_possessive(prev, run, text, known)):
            # A dictionary's name with a possessive in it: "People's Republic of China" was
            # "People" and the "Republic of China", Taiwan's name (stranger9); "Democratic
            # People's Republic of Korea" South Korea's. Not where the owner is a name of
            # its own: "Iran's Revolutionary Guards" names Iran too.
            out[-1:] = ([prev[:-whole]] if len(prev) > whole else []) + [prev[-whole:] + run]
        elif prev and prev[-1].possessive \
                and text[prev[-1].end:run[0].start] in _POSSESSIVE_GAPS \
                and (cut := _common_owner_of_body(prev, run, text, known)) >= 0:
            # "Workers' Party of Korea", "Korean People's Army", "Supreme People's
            # Assembly", "Farmers' Union": a plural naming people before a body's name is
            # a word of that name, not an actor of its own (a stranger's KCNA corpus:
            # "Workers" and "Party of Korea"). (From the owner's run's last possessive:
            # "Malaysia's Cocoa Growers' Council" is Malaysia's.)
            out[-1:] = ([prev[:cut]] if cut else []) + [prev[cut:] + run]
        else:
            out.append(run)
    return out


def _known_with_possessive(owner: list[_Tok], run: list[_Tok], text: str,
                           known: frozenset[str]) -> int:
    """How many of the owner's last words make a dictionary's name with the possessive
    and the run after it (the fewest that do), or 0."""
    end = run[-1].end
    for n in range(1, len(owner) + 1):
        if name_key(text[owner[-n].start:end]) in known:
            return n
    return 0


# A plural's possessive that names people by what they do ("Workers'", "Growers'",
# "Musicians'", "Employees'", "Parliamentarians'"), and the English plurals of people
# without an "s" ("People's", "Women's", "Cattlemen's"): a body's name goes on through
# them ("Workers' Party of Korea"), where a name's possessive ("the Blues' Celtic League",
# "General Public Utilities' Pennsylvania Electric Co") is its owner's.
_PEOPLE_PLURAL = re.compile(r"(?:[a-z]+(?:ers|ors|ists|ans|ees|ants|ents)s?['’]"
                            r"|(?:people|children|women|men|[a-z]+men)['’]s)")


def _common_owner_of_body(run: list[_Tok], body: list[_Tok], text: str,
                          known: frozenset[str]) -> int:
    """Whether a possessive's owner is a plural naming people (`_PEOPLE_PLURAL`) that the
    text writes capitalised only before its possessive ("Kaiser Cement" beside "Kaiser
    Cement's": a firm's), and the run after it a body's name by its head ("Party",
    "Army", "Assembly"; no place's: "Leeds' Elland Road"). Not a body's, a title's or a
    dictionary's word or name: "the Bank's Monetary Policy Committee", "Institute of
    Education's Centre", "Lib Dems' Treasury", "The United Nations' Economic Commission"
    are theirs. The owner is the run's words after its last other possessive; returns
    where it starts in the run, or -1."""
    last = run[-1]
    written = text[last.start:last.end + 2].lower()
    if not (_PEOPLE_PLURAL.fullmatch(written) or _PEOPLE_PLURAL.fullmatch(written[:-1])):
        return -1
    cut = next((i + 1 for i in range(len(run) - 2, -1, -1) if run[i].possessive), 0)
    owner = run[cut:]
    word = _lower(last)
    if word in ORG_CUES or word in _TITLE_NOUNS or word in COMMON \
            or any(name_key(text[tok.start:last.end]) in known for tok in owner):
        return -1
    if any(w in ORG_CUES for w in _head_words(owner)):
        return -1
    if not any(ORG_CUES.get(w) not in (None, "location") for w in _head_words(body)) \
            and text.count(text[next((t.start for t in owner if _lower(t) not in ARTICLES),
                                     last.start):body[-1].end]) < _WRITTEN_WHOLE:
        # No body's head ("National People's Power"): the same capitalised run written
        # again in the article is the evidence that it is one name (possessive_acronyms.py)
        return -1
    size = len(last.text)
    if all(text[at + size:at + size + 1] in _APOSTROPHE_AFTER
           for at in whole_word_starts(text, last.text)):
        return cut
    return -1


# How often an article writes a people-plural's run with no body's head to be one name.
_WRITTEN_WHOLE = 2


# A title in apposition after a name: ", general secretary of", ", the president of",
# ", prime minister of", ", chairman of the": lower-case title words, then "of".
_TITLED_AFTER = re.compile(r"(?:the |a |former )?((?:[a-z]+[ -]){0,2}[a-z]+) of\b")


# Words before a name that make it another's place of work or owner ("the chairman of
# Texaco said he", "a source at Sony said she"): its "said he" is no cue of its own.
_OWNER_LINKS = _words("of at for from with by to in")


# An age after a name, between commas, a lower-case word after it ("Drake, 30, said"; not a
# table's "Brazil, 12, Argentina, 9", nor a date's "March, 2017,").
_AGE_AFTER = re.compile(r", (?:[1-9]|[1-9]\d|1[01]\d), (?:[a-z]|who\b)")


def _titled_after(text: str, at: int) -> bool:
    """Whether an apposition's title starts at `at` (after a name and its comma)."""
    found = _TITLED_AFTER.match(text, at, at + 48)
    return found is not None and found.group(1).replace("-", " ").rsplit(" ", 1)[-1] \
        in TITLE_HEADS and all(w in TITLES for w in found.group(1).replace("-", " ").split())


def _person_cued_keys(found: list[Mention]) -> Counter[str]:
    """The keys of an article's mentions by their cues of a person (a person's cue, "he"
    or "she" after) less their cues of anything else (an "it", a body's or a place's cue):
    one "he" after "Yahoo" among its "it"s makes no person of it."""
    votes: Counter[str] = Counter()
    for m in found:
        if m.person_cue or m.org_type == PERSONAL:
            votes[m.key] += 1
        elif m.org_type is not None and m.org_type != MODIFIER:
            votes[m.key] -= 1
    return votes


def _placed_keys(text: str) -> Callable[[list[Mention]], set[str]]:
    """The one-word keys of an article's mentions written after "in" ("in Montreal": the
    surest of a place's cues; "to Gudjohnsen", "at United" are said of people and teams),
    worked out at the first call (most articles never ask)."""
    made: list[set[str]] = []

    def placed(found: list[Mention]) -> set[str]:
        if not made:
            made.append({m.key for m in found if m.location_cue and m.key.isalnum()
                         and not m.in_title and text.endswith(" in ", 0, m.start)})
        return made[0]
    return placed


def _common_owner(owner: list[_Tok], text: str) -> bool:
    """Whether a hospital's or a school's owner is a common noun's ("Brigham and Women's
    Hospital", "Children's Hospital": the text writes "women", "children" in lower case), not
    a firm's, a city's or a university's ("Microsoft's Media Center", "Penn's Abramson Cancer
    Center": bodies of their own)."""
    last = owner[-1].text.lower()
    return last in _TITLE_OWNERS or _saints(owner) or _written_lower(last, text)


def _saints(owner: list[_Tok]) -> bool:
    """Whether `owner` is a saint's name ("St Mary", "Saint John")."""
    return len(owner) == 2 and owner[0].text.lower() in _SAINTS


def _owner_only_possessive(owner: list[_Tok], text: str, known: frozenset[str]) -> bool:
    last = owner[-1]
    if len(owner) > 1 and not last.joined_by_and and not _saints(owner):
        return False  # "Union Pacific's": a longer name's
    if _lower(last) in ORG_CUES or name_key(last.text) in known:
        return False
    word = last.text
    size = len(word)  # (no bare one: each whole one has an apostrophe after it)
    return all(text[at + size:at + size + 1] in _APOSTROPHE_AFTER
               for at in whole_word_starts(text, word, overlapping=True))


_APOSTROPHE_AFTER = frozenset(("'", "’"))


def _head_words(toks: list[_Tok]) -> list[str]:
    """A name's words, lower-cased, up to where "on" or "for" joined a tail to its head
    ("Association | for Cancer Research": the head says the type, as "of" does)."""
    words = []
    for tok in toks:
        if tok.joined_by_and == JOINED_ON and words:
            break
        words.append(tok.text.lower())
    return words


def _lower(tok: _Tok) -> str:
    return tok.text.lower().rstrip(".")


def _is_title(tok: _Tok) -> bool:
    return not tok.connector and _title_word(tok.text)


# (These four word tests are cached no more: the look-up in a cache of 65,536 words cost
# more than the test, lower-casing and a small set or two; 4-5% of extraction. What the
# sets say of a lower-cased word is one look-up in a table made at import: see below.)
def _title_word(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in _TITLE_WORDS or ("-" in low and _hyphened_title(low))


def _hyphened_title(low: str) -> bool:
    """A title written with a hyphen, "Vice-President", "Secretary-General": its parts are
    title words, one a title's head."""
    parts = low.split("-")
    return len(parts) > 1 and all(p in TITLES for p in parts) \
        and any(p in TITLE_HEADS for p in parts)


@lru_cache(maxsize=1)
def _region_initials() -> frozenset[str]:
    """The initials of the shipped regions' names of two words or more ("nsw")."""
    return frozenset("".join(w[0] for w in k.split()) for k in region_keys() if " " in k)


def _office_alone(lowered: list[str]) -> bool:
    """An office without its holder: a title's modifier, a portfolio of one or two words
    and a title's head ("Chief Health Officer", "Deputy Health Minister", "Chief Financial
    Officer"), or a portfolio and an office's head (`_OFFICE_HEADS`), no given name among
    them. (All words titles, "Prime Minister", are no name
    already; a holder's name after it is cut off before: "Chief Health Officer Brett
    Sutton".)"""
    if len(lowered) == 2:  # "Health Minister" (its "Acting" cut before): an office's head
        # that is no surname ("John Major", "Julie Bishop" are people)
        return lowered[1] in _OFFICE_HEADS and lowered[0] not in given_names()
    return 3 <= len(lowered) <= 4 and lowered[0] in TITLE_MODIFIERS \
        and lowered[-1] in TITLE_HEADS and not any(w in given_names() for w in lowered[1:-1])


# Title heads that are no one's surname: an office named by its portfolio and one of them
# alone is no name ("Health Minister", "Trade Secretary", "General Manager", "High
# Commissioner": stranger9's Vanuatu business news listed the last two as persons; the UN's
# "High Commissioner for Refugees", a dictionary's, is read whole: `_join_for`).
_OFFICE_HEADS = _words("""minister ministers secretary officer adviser advisor
spokesman spokeswoman spokesperson treasurer administrator manager commissioner""")


# Title heads that end a body's name before no holder ("Acme Group Chairman"): no surnames.
_TRAILING_OFFICES = _OFFICE_HEADS | _words("ceo chairman chairwoman chairperson director founder")


def _trailing_word(word: str) -> bool:
    """A word that ends a name only when not part of it: a day, "today", a function word."""
    return word.lower().rstrip(".") in _TRAILING_OR_FUNCTION


def _title_run(toks: list[_Tok], i: int) -> int:
    """The end of the run of title words (and "of" between them) that starts at i; after
    "of", a portfolio's words are the title's too ("Chief of Staff", "Minister of Finance":
    roles.py)."""
    j = i
    portfolio = False  # (after a title's "of")
    while j < len(toks):
        tok = toks[j]
        if _is_title(tok) or (not tok.connector and _lower(tok) in PORTFOLIO_WORDS and (
                portfolio or (j > i and j + 1 < len(toks) and _lower(toks[j + 1]) in TITLE_HEADS))):
            j += 1  # (a portfolio between title words: "Chief Operating Officer")
        elif tok.connector and j + 1 < len(toks) and (_is_title(toks[j + 1]) or (
                tok.text == "of" and j > i and _lower(toks[j + 1]) in PORTFOLIO_WORDS)):
            portfolio = portfolio or tok.text == "of"
            j += 1
        else:
            break
    return j


_ALWAYS, _INITIAL = 2, 1
_CUT_MORE = _Tok("", 0, 0, False, False, False, False, False)  # (more than one word cut)


def _headline_function(low: str) -> bool:
    """A lower-cased word that, capitalised inside a name, writes it in headline case."""
    return _FUNCTION_OF.get(low) == _ALWAYS


_PORTFOLIO_GAPS = frozenset((" of ", "for "))  # before a run that may open a portfolio


def _function_word(word: str) -> int:
    """Whether a word alone is no name: `_ALWAYS` (a function, time or "former" word), or
    `_INITIAL`, only starting a sentence (a number word: "Six Nations" mid-sentence), else 0."""
    low = word.lower()
    if low[-1:] != ".":  # (most words: the answer looked up, the sets' tests made once)
        return _FUNCTION_OF.get(low, 0)
    return _function_low(low)


def _function_low(low: str) -> int:
    if (low in COMMON and low not in NUMBERS) or low in FORMER or low.rstrip(".") in TRAILING \
            or low.rstrip(".") in FUNCTION:
        return _ALWAYS
    return _INITIAL if low in COMMON else 0


# Particles a slogan's or a campaign's name writes capitalised after its verb ("Hands Off
# Venezuela", "Stop Out Now"): a sentence's first word before one and a further name word
# is the name's own, not a word to cut (HOV's "Off Venezuela" was an actor, typed person).
_TITLE_PARTICLES = frozenset(("Off", "Out", "Up", "Down", "Away", "Back"))


def _starter_word(word: str) -> int:
    """Whether a word before a name is no part of it (`Extractor._starter`'s test of the word
    alone): `_ALWAYS`, `_INITIAL` (a number word starting a sentence) or 0."""
    return _STARTER_OF.get(word.lower(), 0)


def _firms_acronym(toks: list[_Tok]) -> bool:
    """Whether a run opens with an acronym of a firm's name, "BMO Capital Markets", "FBR
    Capital Markets" opening a sentence, or a word with a capital inside ("KeyBanc
    Capital Markets"): such a word before two words or more that are no person's full name
    (no given name first: "COWARD Donald Trump" is a label's). Cut, every such broker was
    one "Capital Markets" (stranger13 A12)."""
    word = toks[0].text
    return len(toks) >= 3 and len(word) > 1 and toks[1].cap \
        and (word.isupper() or not word[1:].islower()) \
        and _lower(toks[1]) not in given_names()


# The last words of a public body's name (ORG_CUES of its kinds, and the heads of a board's,
# a union's, a college's): "Election Commission", "Housing Board", "Water Authority" opening
# a sentence are whole, as headline style and Indian English write them without "The"
# (stranger15 F8). Not a place's head ("Main Street"), a medium's ("Latest News") nor a
# firm's ("Now Chrysler Corp", "Underwriter Merrill Lynch and Co Inc" in Reuters copy).
_START_BODY_HEADS = frozenset(
    w for w, kind in ORG_CUES.items() if kind in ("government", "military", "militia", "party")
) | _words("""board bureau committee union association federation institute society
foundation university college corporation""")


def _names_body(toks: list[_Tok]) -> bool:
    """Whether a run of two capitalised words or more, up to its first connector, ends with
    a body's head word ("Election Commission", "Election Commission of India"): its first
    word, though a sentence's first, is the name's."""
    last = toks[0]
    for tok in toks[1:]:
        if tok.connector:
            break
        last = tok
    return last is not toks[0] and last.text.lower() in _START_BODY_HEADS


def _page_label(word: str, rest: list[_Tok]) -> bool:
    """A page word in capitals before a name that is not ("WATCH Clinton", "VIDEO Barack
    Obama"): a page's label, as a headline in capitals ("NEWS CORP") is not."""
    return len(word) > 1 and word.isupper() and bool(rest) and not rest[0].text.isupper()


def _starter_low(low: str) -> int:
    if (low in COMMON and low not in NUMBERS and low not in PAGE_WORDS) or low in FORMER:
        return _ALWAYS
    return _INITIAL if low in COMMON else 0


# (The word tests above as look-ups of their lower-cased word: a word outside these sets is
# 0 to both, and one with no dot at its end is none of `_function_low`'s stripped forms.)
_TITLE_WORDS = TITLES | PLURAL_TITLES
_TRAILING_OR_FUNCTION = TRAILING | FUNCTION | BUTTONS
_FUNCTION_OF = {w: f for w in COMMON | FORMER | TRAILING | FUNCTION if (f := _function_low(w))}
_STARTER_OF = {w: f for w in COMMON | FORMER if (f := _starter_low(w))}


# Heads of bodies' names that go on after "for" (`join_on` with `FOR`): a public body's,
# an association's, a school's; not a firm's or a union's ("asked the European Union for
# Greek aid").
_FOR_HEADS = frozenset(_words("""
institute institutes center centre centers centres society association foundation
federation council committee commission office agency department ministry bank fund
alliance coalition league trust bureau academy school college university movement party
organisation organization authority board institution observatory forum network campaign
group panel unit service services partnership initiative programme program
"""))

_FOR_TYPES = {"agency": "government", "alliance": "organisation", "coalition": "organisation"}


def _head_gave(words: str, kind: str) -> bool:
    """Whether one of `words` (a name's head cut off it) is a body's head noun of `kind`."""
    return any((_FOR_TYPES.get(w) or ORG_CUES.get(w)) == kind for w in words.lower().split())


def _for_head(word: str) -> bool:
    return word in _FOR_HEADS


def _office_for(word: str) -> bool:
    return word in _OFFICES_FOR


_OFFICES_FOR = _words("commissioner commissioners envoy rapporteur")
_THE = re.compile(r"^[Tt]he ")
_OF_THE = " of the "  # (`Extractor._join_of_the`)


def _sent_to(named: str, link: str, a_state: Callable[[str], bool]) -> bool:
    """Whether a mission's name and the words after `link` are one body's: the words name a
    country or a region, and the mission is no title's ("Head of Mission in Libya")."""
    head, _, where = named.partition(link)
    return head.rsplit(" ", 2)[-2:-1] != ["of"] and a_state(where)


def _on_head(word: str) -> bool:
    """A head noun a name goes on after "on" from ("Agreement on", "Commission on")."""
    return word in EVENT_NOUNS or ORG_CUES.get(word) not in (None, "location")


def _surname_over_known(m: Mention, name: str, persons: set[str], text: str) -> bool:
    """Whether a lone word a dictionary knows ("Jordan", a country) is the surname of the
    person its article names in full ("Eddie Jordan ... 'It was sold,' Jordan said"): a
    speaker's verb or "he"/"she" after it, no place's cue, and that full name a person's
    (cued so in the article, or led by a given name). A stranger's sports news had Eddie
    Jordan's words counted for the country."""
    return not m.location_cue and _SPEAKER_AFTER.match(text, m.end) is not None and (
        name in persons or name.split(" ", 1)[0] in given_names())


# A speaker's verb or a person's pronoun right after a name (`_surname_over_known`).
_SPEAKER_AFTER = re.compile(r",? (?:(?:said|says|told|added|insisted|admitted|explained)"
                            r"(?! (?:it|its)\b)|he|she|himself|herself)\b")


def _lone_word(word: str) -> int:
    """Whether `_mentions` drops a word as a run of its own: `_ALWAYS` wherever it stands (a
    function word), `_INITIAL` only starting a sentence (a number word; or a word that may
    start a name after "on" mid-sentence: `join_on`), else 0. Only for words no rule joins
    to another run (no head noun before "on", no company's suffix, no abbreviation, no
    channel's word before its number) and no acronym that may be a name (`_capital_name`)."""
    low = word.lower()
    if (word.isupper() and len(word) > 1) or _on_head(low) or low in COMPANY_SUFFIXES \
            or low in NUMBERED_HEADS or low.rstrip(".") in TITLE_ABBREVIATIONS:
        return 0
    function = _function_word(word)
    return _INITIAL if function == _ALWAYS and low not in COMMON else function


# (The scan looks words up here, a dictionary's look-up a word: `_lone_word` of the
# capitalised forms of the words `_function_word` knows; any other word is kept.)
_LONE_WORDS = {form: alone for w in COMMON | FORMER | TRAILING | FUNCTION | NUMBERS
               if (alone := _lone_word(form := w[:1].upper() + w[1:]))}


# After a word, what keeps the next one from joining it in a run (`_spans`, `join_on`): no
# space or "&" next; or a space, then no letter ("The 29-year-old": no token starts at a
# digit) or a lower-case word that is neither a standalone connector nor "and" (a word no
# run holds); anything else may join it.
_ALONE_AFTER = re.compile(
    r"(?![ &])| (?:[^\w&]|[\d_]|(?!(?:"
    + "|".join(sorted(STANDALONE_CONNECTORS | {"and"}, key=len, reverse=True))
    + r")(?![\w\-‐]))[a-z]+(?:['’][a-z]+)?(?![\w\-‐'’]))")


def _clause_ends_before(word: str, text: str, end: int) -> bool:
    """Whether an appositive's noun before a name (`word`, as written) ends a clause rather
    than naming what follows: a comma after it, and the name the subject of the next clause,
    a verb or a possessive after it ("In a video on his Telegram channel, Zelenskiy thanked
    troops": 23 such media cues made a Guardian corpus's lone "Zelenskiy" a medium of its
    own; "with the airlines, the EU said"). Not a name set in apposition, a full stop, a
    comma, "and" or "which" after it ("its maker, Eli Lilly.", "National Train Company,
    Enafer, said", "channels, BBC1 and ITV1")."""
    if not word.endswith(","):
        return False
    if text.startswith(_POSSESSIVES, end):
        return True
    after = _NEXT_LOWER.match(text, end)
    return after is not None and after.group(1) not in _APPOSITION_GOES_ON


_POSSESSIVES = ("'s ", "’s ")
_NEXT_LOWER = re.compile(r" ([a-z]+)\b")
# Words after a name in apposition that go on with it rather than start a clause of it.
_APPOSITION_GOES_ON = frozenset(("and", "or", "which", "who", "whose", "that", "with", "of",
                                 "in", "for", "to", "from", "at", "on", "by", "as"))


def _person_like(toks: list[_Tok]) -> bool:
    """A name that can follow a title: one to four words, none an organisation word or an
    acronym ("Tony Blair", "Ali Khamenei"; not "Court", not "Quds Force")."""
    words = [t for t in toks if not t.connector]
    if not (0 < len(words) <= 4 and words[0].cap) or words[0].text in _TITLE_PARTICLES:
        return False  # (nor a slogan's rest: "comrade from Hands | Off Venezuela")
    for t in words:  # (one pass for the three tests of a word)
        if t.joined_by_and == JOINED_ON or _lower(t) in ORG_CUES or (
                len(t.text) > 1 and t.text.isupper()
                and not (t is not words[-1] and _DOTTED_INITIALS.fullmatch(t.text))):
            return False  # (an acronym, but for a name's initials: "A.J. Smith")
    return True


def _title_head(toks: list[_Tok]) -> bool:
    """Whether title words hold a title's head ("CEO", "Deputy Chairman", "Chief Executive
    Officer"), not modifiers alone ("Supreme", "National")."""
    words = [_lower(t) for t in toks if not t.connector]
    return words[-1:] == ["chief"] or words[-2:] == ["chief", "executive"] \
        or any(w in TITLE_HEADS or ("-" in w and _hyphened_title(w)) for w in words)


_NOT_CIVIL = (None, "military", "militia")  # (`_title_cut`: kinds of no civil body's head)


def _title_cut(toks: list[_Tok], i: int, j: int) -> bool:
    """Whether the title words toks[i:j] are a title before the name toks[j:]: they hold a
    title's head ("Minister", "Ayatollah"), or are "General" before a full name."""
    if j >= len(toks) or toks[j].connector or not _person_like(toks[j:]):
        return False  # "Prince of Wales", "Archbishop of Canterbury": a title names them
    words = [_lower(t) for t in toks[i:j] if not t.connector]
    if any(w in TITLE_HEADS or ("-" in w and _hyphened_title(w)) for w in words):
        return True
    # "Chief" ending a title before a full name is the title's head ("Police Chief Charles
    # Craft", "Chief Tom Jones"; "Chief Keef" is a name of one word after it).
    if (words[-1:] == ["chief"] or words[-2:] == ["chief", "executive"]
            or words[-1:] == ["agent"]) \
            and sum(not t.connector for t in toks[j:]) >= 2:
        return True
    if any(w in PLURAL_TITLES for w in words) or any(t.connector for t in toks[i:j]):
        # ("Secretaries of State X and Y", "Chief of Staff X Y": roles.py)
        return sum(not t.connector for t in toks[j:]) >= 2
    # ("General" after the "of" of a body's head word is the body's word: "Journal of
    # General Internal Medicine", "Department of General Services"; not an armed body's:
    # "Forces of General Khalifa Haftar".)
    return words[-1:] == ["general"] and sum(not t.connector for t in toks[j:]) >= 2 \
        and not (i > 1 and toks[i - 1].connector
                 and ORG_CUES.get(_lower(toks[i - 2])) not in _NOT_CIVIL)


# A monarch's titles, and a royal's: the one word after one is a regnal or given name
# ("King Salman", "Pope Francis", "Queen Elizabeth", "Prince Charles"), no surname. Cut to
# that word, it was taken for the surname of another of the article's people ("Salman" of
# Mohammed bin Salman, "Charles" of Ray Charles).
REGNAL_TITLES = _words("""king queen emir sultan pope emperor empress shah tsar czar prince
princess""")
# A regnal number after one given name ("Charles I", "Henry VIII", "Louis XIV"): the name is
# a monarch's, no surname. "I" only before a comma, "of" or "in" ("Charles I of England";
# not "told Charles I was"); no one letter before a stop ("Lloyd I. Miller", "John X. Roe").
_REGNAL_NUMBER = re.compile(r" (?:I(?=[,;)]| of | in )|(?:V|X)(?![\w.'’-])|(?:II|III|IV|VI|VII|"
                            r"VIII|IX|XI|XII|XIII|XIV|XV|XVI)(?![\w'’-]))")


def _own_capitals(tok: _Tok, text: str) -> bool:
    """Whether a sentence's first word is written in capitals of its own, an acronym's
    ("...the big banks. HSBC and Barclays offer", "HMRC officials raided"): two letters
    or more, all capitals, before a space and a word not in capitals (no line of capitals,
    "CAR BOMB EXPLODES"; no label, "NOTE:"; no sign-off, "REUTER"), no common word and
    not written in lower case in the article. Its capitals are no sentence's: it is not
    cut as a starter."""
    word = tok.text
    if len(word) < 2 or not word.isupper():
        return False
    if not word.isalpha():
        # Capitals glued by "&" ("S&P, which rates", "AT&T said"): a name's, no sentence's
        # (`_glued_and`)
        return "&" in word and word.replace("&", "").isalpha()
    after = _SPACE_WORD.match(text, tok.end)
    return after is not None and not (len(after.group(1)) > 1 and after.group(1).isupper()) \
        and word.lower() not in COMMON and not _written_lower(word.lower(), text)


# A space and the word after it: no label ("NOTE: ..."), no sign-off ("... REUTER").
_SPACE_WORD = re.compile(r" ([^\W\d_]+)")


def _regnal_name(toks: list[_Tok], i: int, j: int) -> bool:
    """Whether the title words toks[i:j] end in a monarch's title before a one-word name:
    the name keeps its title, as a monarch is named."""
    return j + 1 == len(toks) and _lower(toks[j - 1]) in REGNAL_TITLES


@lru_cache(maxsize=1 << 16)  # asked of most mentions of every article: names repeat
def _ends_with(name: str, key: str) -> bool:
    """Whether the words of `key` end the name `name` (key) of more words."""
    return name.endswith(key) and name[-len(key) - 1:-len(key)] == " "


def _word_ends(name: str) -> list[str]:
    """Every `key` that `_ends_with(name, key)` holds for."""
    return [name[i + 1:] for i, c in enumerate(name) if c == " "]


def _sentence_firsts_as_lone(full: dict[str, set[str]]) -> None:
    """A sentence's first word's candidate ("^later blair") is no full name of its article
    beside one written whole ("Tony Blair"): it is then a lone surname of that one, as the
    surnames alone are. (So is "Anne Robinson" opening a sentence beside "Andy Robinson",
    as before: the article alone cannot tell a given name from an adverb.)"""
    for word, names in full.items():
        if len(names) > 1 and any(n[:1] == SENTENCE_FIRST for n in names) \
                and any(n[:1] != SENTENCE_FIRST for n in names):
            full[word] = {n for n in names if n[:1] != SENTENCE_FIRST}



def _keeps_none(words: list[str], known_words: frozenset[str], kept_words: set[str]) -> bool:
    """Whether none of a title's run's words is a word of a key its names are kept by
    (`Extractor._title_words`)."""
    return known_words.isdisjoint(words) and kept_words.isdisjoint(words)


def _vouched(m: Mention, text: str) -> bool:
    """Whether a title's name whose article writes it only at the starts of sentences,
    its first word cut there ("^akilisi pohiva"), is a name the title writes whole: not
    the title's first words ("Apparently Lenovo ..." capitalises any word) unless a title
    is its cue, and its first word written in lower case nowhere in the text."""
    return (m.start > 0 or m.person_cue) \
        and not _written_lower(m.key.split(" ", 1)[0], text)


def _particle_surname(toks: list[_Tok] | list[str]) -> bool:
    """Whether the words (tokens or a key's words) are a surname led by particles ("De
    Clercq", "van der Sar")."""
    return 1 < len(toks) <= 3 and all(
        (t if isinstance(t, str) else t.text).lower() in NAME_PARTICLES for t in toks[:-1])


# (Cached: a pure test of the key, asked of every mention of many words by
# `keep_surnames_home` and `_full_name`, about 3 us a key uncached against 0.15 cached.)
@lru_cache(maxsize=1 << 14)
def _full_name_words(key: str) -> tuple[str, ...]:
    """The significant words of a key that may be a person's full name, as far as the key
    alone says (two to four words, no function word or particle first, no "of", no
    "and" (two names: "Brigham and Women", whose "Women" opening a sentence was taken for
    its surname), no organisation word: not "First Boston", not "De Clercq"); () if it
    may not."""
    if key.isalnum():
        return ()  # (one word, most keys: no full name; `significant` not asked)
    words = significant(key)
    if 2 <= len(words) <= 4 and words[0] not in COMMON and words[0] not in NAME_PARTICLES \
            and " of " not in f" {key} " and " and " not in key \
            and not any(w in ORG_CUES for w in words):
        return words
    return ()


# Words that head a body's or a building's name ("House", "Senate", "Army"), not a place's
# nor a title's: before a person's full name, the end of the body's name (body_heads.py).
_BODY_HEADS = frozenset(w for w, kind in ORG_CUES.items() if kind != "location") \
    | (OF_HEADS - TITLES)
# Particles that are given names too ("Van Morrison", "Del Harris", "Al Gore").
_GIVEN_PARTICLES = frozenset(p for p in NAME_PARTICLES if p in given_names())
# An initial before a word ("J.P. Morgan Chase", "George W. Bush"): its stop starts no
# sentence, so the word after it is no sentence's first word (`Extractor._given_first`).
_AFTER_INITIAL = re.compile(r"(?:^|[\s.])[A-Z]\.\s*$")
_NO_NAME = object()  # a name's words make no name wherever it stands
_new = object.__new__  # (an instance with no field set yet: see `_tokens`)
_ORG_TYPE = attrgetter("org_type")
_KEY = attrgetter("key")
_TITLE_OR_COMMON = TITLES | COMMON
_FACTS_KEPT = 100_000  # names whose facts an extractor keeps, ~22 MB at most (then it starts again)
# The names' caches extraction fills (names.py's `name_key` and `significant`: up to 262,144
# entries each, for the clustering's sake) let go of past this many entries, looked at every
# _CACHES_CHECKED articles: in an extraction process of a corpus of many distinct names they
# grew to both full, 240-260 MB a process at 425,530 distinct keys (10,000 articles of 40
# made-up names each). The usual corpora stay under it (30,000 articles: generated, 102,415
# and 28,509 entries; BBC paragraphs, 34,465 and 11,076), so nothing is asked again there.
NAME_CACHES_KEPT = 1 << 17
_CACHES_CHECKED = 32
_NAME_CACHES = (name_key, significant)


def bound_name_caches(kept: int | None = None) -> bool:
    """Let go of the names' caches that hold more than `kept` entries (NAME_CACHES_KEPT);
    whether any did."""
    kept = NAME_CACHES_KEPT if kept is None else kept
    full = False
    for cached in _NAME_CACHES:
        if cached.cache_info().currsize > kept:
            cached.cache_clear()
            full = True
    return full
# Pairs of key and surface whose full-name words an extractor keeps (then it starts again):
# few, for the memory the extraction process may take; the commonest names repeat within
# that many, the articles' own names within one.
_PAIRS_KEPT = 1 << 12


class Extractor:
    """The default extractor. `known` are name keys from the actor dictionaries (demonyms,
    countries): they are kept even where the rules alone would doubt them."""

    def __init__(self, known: frozenset[str] = frozenset(),
                 demonyms: frozenset[str] = frozenset(),
                 capitals: frozenset[str] = frozenset(),
                 media: frozenset[str] = frozenset(),
                 places: frozenset[str] = frozenset(),
                 bodies: frozenset[str] = frozenset(),
                 regions: frozenset[str] = frozenset(),
                 countries: Mapping[str, str] | None = None,
                 state_homonyms: frozenset[str] = frozenset(),
                 bare: Mapping[str, Mapping[str, str]] | None = None,
                 own_country: Mapping[str, frozenset[str]] | None = None) -> None:
        self.known = known
        # (a dictionary's name -> the country its entry says it is of, with that country's
        # parts: country_bodies.py)
        self._own_country = own_country or {}
        # (a body's bare head noun two countries' bodies are called by -> country -> body:
        # "Congress", read by the article's country; bare_homonyms.py)
        self._bare = bare or {}
        self._bare_written = tuple(w.title() for w in self._bare)  # ("Congress")
        # (US states' keys that name another dictionary entry, a country or a capital:
        # "Ga.", "Wash." take a key of their own; state_abbreviations.py)
        self.state_homonyms = state_homonyms
        self.countries = countries or {}  # a country's names and demonyms -> the country
        # (The shipped regions and the countries: what a state university is named of, and
        # what no campus's name is; comma_names.join_campus_names.)
        self._states = region_keys() | frozenset(self.countries)
        # (a bare body's name -> country -> the dictionary's key of that country's body)
        self._known_bodies = dictionary_bodies(known, self.countries, names_body)
        # (names that make no product: "the Washington Post", "the Iran deal"; products.py)
        self._not_makers = places | regions | demonyms | frozenset(self.countries)
        self.regions = regions  # keys of a dictionary's countries and places (sited.py)
        self.bodies = bodies  # keys of a dictionary's names that are no person's
        self.places = places  # keys of a dictionary's places: "London's X" is a place's cue
        self._no_places = bodies - places  # (a dictionary's bodies that are no place)
        # (no region's abbreviation: "Paris, Texas.", "Apple, Inc."; state_abbreviations.py)
        self._not_abbreviations = known | places | region_keys() | LEGAL_WORDS \
            | TITLE_ABBREVIATIONS  # ("King, Jr.")
        self.media = media  # keys of a dictionary's media: "BBC One" is a channel of one
        # (A first test of a name's first word, lower-cased: "bbc", "al-jazeera".)
        self._media_words = frozenset(k.replace(" ", "-") for k in media)
        self.demonyms = demonyms
        self._for_blocked = COMMON | demonyms  # (`_join_for`)
        self.capitals = capitals  # keys the dictionaries write in capitals only ("US")
        self._facts: dict[str | tuple[str, ...], tuple | object] = {}  # see _mention
        self._country_holders: dict[str, bool] = {}  # see _holds_country
        # (the dictionaries' names and the set of their words: `_title_words`)
        self._known_words: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        # (the dictionaries' names and the regions' with "and" in them: `_mentions`)
        self._and_names = frozenset(k for k in (*known, *regions) if " and " in k)
        # Dotted initials that are no name's first letters (`_leading_initials`): a name the
        # dictionaries know ("U.S.", "U.N."), or the initials of a country's name of two
        # or three words ("N.Z.": "100 mln N.Z. Dlrs" was a name; not the regions': their
        # thousands of initials hold most pairs of letters).
        self._dotted_known = frozenset(k for k in known if len(k) <= 3 and k.isalpha()) | \
            frozenset("".join(w[0] for w in words) for k in self.countries
                      if 2 <= len(words := k.split()) <= 3)
        self._articles = 0  # (extracted: the names' caches looked at every _CACHES_CHECKED)
        # Whether the names' caches passed NAME_CACHES_KEPT as it extracted: a corpus of
        # many distinct names (ingest/overlap.py extracts no more of its batches here).
        self.many_names = False
        self._body_split = body_split_of(self.countries, names_body)  # (country_bodies.py)
        self._full_names: dict[tuple[str, str], tuple[str, ...]] = {}  # see _full_name
        self._headline = False  # whether the runs at hand are a headline's (capitals say less)
        self._firsts = False  # whether a key of the article at hand keeps a first word
        self._homonym_names = homonym_names() if self.countries else ()
        # (places a dictionary or the shipped regions know, and the regions named as their
        # country's neighbour is, for the slots only places fill; place_slots.py)
        self._slot_places = regions | region_keys()
        self._near = near_homonyms() if self.countries else {}
        self._city_bodies: set[str] = set()  # keys of "<City> <Body>" names (sites.py)
        self._symbols = False  # whether the article at hand has a "<" or ": " (codes.py)
        # The sentence's first word the given-name rule last put back before a name: it
        # makes the name no longer for the "said" cue ("Sanford Bernstein said" opening a
        # sentence says no more of a person than "Bernstein said" did).
        self._given_put: _Tok | None = None
        # (The article's text where it has no "(": no acronym is defined in it, and the
        # look for one after each mention is left out; most articles have none.)
        self._bracketless: str | None = None

    def extract(self, title: str, text: str) -> Extraction:
        """The article's mentions, their spans in `title` and `text` as written. A text
        with accents written decomposed (NFD: "Krako\u0301w") is read composed: the scan's
        patterns of letters stop at a combining mark, and made "Krako" an actor."""
        self._articles += 1
        if self._articles % _CACHES_CHECKED == 0 and bound_name_caches():
            self.many_names = True
        plain_title, title_ends, title_shifts = composed(title)
        plain_text, text_ends, text_shifts = composed(text)
        try:
            out = self._extract(plain_title, plain_text)
        except Exception:
            # (A fault on one article leaves no state of its own for the next: the
            # caller goes on with the next article, ingest/documents.py.)
            self._headline = self._firsts = self._symbols = False
            self._given_put = self._bracketless = None
            raise
        if not title_ends and not text_ends:
            return out
        for m in out.mentions:
            ends, shifts = (title_ends, title_shifts) if m.in_title else (text_ends, text_shifts)
            m.start, m.end = written_offset(m.start, ends, shifts), written_offset(m.end, ends,
                                                                                  shifts)
        out.text = text
        return out

    def _extract(self, title: str, text: str) -> Extraction:
        out = Extraction()
        self._firsts = False  # whether a key keeps a sentence's first word (`_keep_first`)
        # (Where a stock symbol may stand: codes.py.)
        self._symbols = "<" in text or "<" in title or may_list_symbols(text)
        self._bracketless = text if "(" not in text else None
        excluded = _photo_credits(text)
        excluded += _datelines(text)
        excluded += staff_credits(text)
        excluded += bylines(text)  # "By Kizzy Kalsakau and Anita Roberts." (bylines.py)
        excluded += legal_notices(text)  # "Copyright 2011 X. All rights reserved."
        excluded += sign_offs(text, excluded)  # "... countries. MQ/MG" (sign_offs.py)
        capital_mid: set[str] = set()  # (with the words the scan left out: `_tokens`)
        toks = _tokens(text, 0, excluded, capital_mid, self._dotted_known)
        capital_mid.update([t.text for t in toks if t.cap and not t.initial])
        # The line of the run at hand, and whether it is in headline case (runs come in the
        # text's order: a line is looked at once, when its first run comes).
        line, line_end, headline = 0, -1, 0  # (headline: where the line's headline ends)
        found: list[Mention] = []
        pending_headline: list[list[_Tok]] = []
        runs = self._join_mission(self._join_for(self._join_of_the(
            join_on(_spans(toks, text, 0), text, 0, _on_head, COMMON), text), text), text)
        if self._bracketless is None:  # "National People's Power (NPP)" (possessive_acronyms.py)
            runs = join_possessive_acronyms(runs, text, self.known)
        for run in _possessive_companies(runs, text, self.known):
            start = run[0].start
            if start >= line_end or start < line:
                line = text.rfind("\n", 0, start) + 1
                end = text.find("\n", line)
                line_end = end if end >= 0 else len(text)
                headline = line + _headline_reach(text[line:line_end])
            if start < headline:
                pending_headline.append(run)
                continue
            found.extend(self._mentions(run, text, capital_mid, out))
        keys = {m.key for m in found}
        # "^akilisi pohiva": a title writing "Akilisi Pohiva" whole after other words or a
        # title vouches for the name (`_vouched`); not one opening with "Apparently Lenovo".
        firsts = {k[1:] for k in keys if k[0] == SENTENCE_FIRST} if self._firsts else ()
        self._headline = True  # the headline lines' runs and the title's
        for run in pending_headline:
            found.extend(m for m in self._mentions(run, text, capital_mid, out)
                         if m.key in keys or m.key in self.known)
        # The title: only names the text itself (or a dictionary) vouches for.
        # (A title's run makes a kept name only where one of its words is a word of a key
        # kept: most headlines' runs are common words, read for nothing. `_title_words`)
        if title:
            known_words, kept_words = self._title_words(keys, firsts)
            ttoks = _tokens(title, 0, [], None, self._dotted_known)
            tcap = {t.text for t in ttoks}
            for run in _spans(ttoks, title, 0):
                if _keeps_none(name_key(title[run[0].start:run[-1].end]).split(), known_words,
                               kept_words):
                    continue
                for m in self._mentions(run, title, tcap, None):
                    if m.key in keys or m.key in self.known \
                            or (m.key in firsts and _vouched(m, text)):
                        m.in_title = True
                        found.append(m)
        self._headline = False
        if ", " in text:
            join_comma_names(found, text, self.known)  # "Washington, D.C." (comma_names.py)
            if "University of " in text:  # "University of California, Davis" (comma_names.py)
                join_campus_names(found, text, self._states, self._no_places)
            read_state_abbreviations(found, text, keys, self.state_homonyms)  # "Stanford, Calif."
            read_region_abbreviations(found, text, self._not_abbreviations)  # "Regina, Sask."
            # (state_abbreviations.py)
            for m in join_listed_names(found, text, ORG_CUES, self.known, self._not_makers,
                                       _written_lower):
                self._acronym(m, text, out)  # "National Heart, Lung, and Blood Institute"
        if " and " in text and " (" in text:  # "National Transport and Safety Authority
            join_and_names(found, text, out.acronyms, self.known)  # (NTSA)" (and_acronyms.py)
        # "Ministry of Agriculture, Livestock, Forestry, Fisheries and Biosecurity (MALFFB)"
        for m in join_portfolio_lists(found, text, ORG_CUES, self.known, self._not_makers,
                                      given_names(), _written_lower):  # (portfolio_lists.py)
            self._acronym(m, text, out)
        if self._bracketless is None:  # "artificial intelligence (AI)" (noun_acronyms.py)
            out.acronyms.extend(noun_acronyms(text, ORG_CUES))
        # "in English", "Oh no", "4:00pm AEDT", "VT1.1 billion" (mention_drops.py)
        drop_word_uses_zones_amounts(found, text, self.demonyms, self.known)
        cut_office_initials(found, text, _TITLE_NOUNS)  # "GM Achary" (office_initials.py)
        if "Prince" in text:  # "Prince Alwaleed" after "Prince Alwaleed bin Talal"
            resolve_royal_given(found, text)  # (royal_names.py)
        mark_outlets(found, text)  # "a source told Radar" (outlet_cues.py)
        read_glued_names(found, text, title, _written_lower)  # "Kim Jong Unwho" (glued_tails.py)
        self._resolve_in_article(found, text, title)
        # "Azizi said" after "Azizi Developments" (firm_firsts.py)
        resolve_firm_firsts(found, text, self.known, self.demonyms, COMPANY_SUFFIXES,
                            _HEAD_NOUNS)
        # a lone "Johnson" left alone beside "JJ Johnson": no other Johnson's (kin_surnames.py)
        keep_surnames_home(found, text, title, self.known, _full_name_words,
                           lambda name: firm_named(name, found, COMPANY_SUFFIXES, given_names()))
        resolve_lone_teams(found, text)  # "Boston coach" after "Boston Celtics" (lone_teams.py)
        if any(m.surface.count(" ") >= RUN_WORDS - 1 for m in found):  # (headline_runs.py)
            found = [m for m in found if m.key in self.known or not headline_run(
                m.surface, _headline_function, ORG_CUES)]
        if self.countries:  # "the Supreme Court" after "U.S. Supreme Court" (country_bodies.py)
            qualify_bodies(found, text, title, self.countries, names_body, self.known,
                           self.demonyms, self._known_bodies, self._body_split,
                           self._own_country)
        if self._bare_written and any(w in text or w in title for w in self._bare_written):
            # "Congress": the article's country's (bare_homonyms.py; most articles have none)
            read_bare_homonyms(found, self._bare, self.countries, regions_of())
        if self._city_bodies and not self._city_bodies.isdisjoint(map(_KEY, found)):
            resolve_sites(found, text, title, ORG_CUES, self.places)  # sites.py
        if "ith the " in text or "ith The " in text:  # "Dancing with the Stars" (works.py)
            mark_gerund_titles(found, text, self.known)
        if '"' in text or "“" in text:  # “Mad Men”, a quoted title (quoted_titles.py)
            mark_quoted_titles(found, text, self.known, given_names())
        if WORK in map(_ORG_TYPE, found):  # (few articles name a work)
            spread_work(found, text)
        mark_products(found, text, self.known, self._not_makers, NOT_QUALIFIED,
                      OF_HEADS)  # "the Apple Watch"
        # "Zacks Rank #1 (Strong Buy)"; "S&P 500" dropped (market_terms.py)
        mark_market_terms(found, text, title, _speech, self.known)
        if " v. " in text:  # (most articles name no case)
            mark_cases(found, text)  # "Roe v. Wade" (cases.py)
        if "'s" in text or "’s" in text:  # (no "'s" in the text: none is kept, _owns)
            keep_own_possessives(found, text, title, _speech)  # "Moody's" (own_possessives.py)
        # "in Gujeri (Konduga, Borno)", "villages ...: Kukoki, Wyam": places (place_slots.py)
        found = mark_place_slots(found, title, text, self.known, self._slot_places,
                                 self.countries, self._near, regions_of())
        if self.regions:
            mark_sited(found, text, self.regions, self.known)  # "Frankfort, Kentucky" (sited.py)
        for name in self._homonym_names:  # "Doug Collins of Georgia": the US state
            if name in text:  # (homonyms.py; most articles name none)
                read_homonyms(found, text, homonym_regions(), self.countries, regions_of(),
                              self.known)
                break
        # Whether a name's first word is written in lower case too (" individuals ",
        # " center,"): asked once per key, all the article's words at once. (Of
        # "^andy robinson", a sentence's first word's candidate, its name's word.)
        last = -1 if self._firsts else 0
        first = {key: key if key.isalnum() else key.split()[last if key[0] == SENTENCE_FIRST
                                                            else 0]
                 for key in set(map(_KEY, found))}
        written = _written_lower_of(set(first.values()), text)
        for m in found:
            m.lower_seen = first[m.key] in written
        out.mentions, out.text, out.known = found, text, self.known
        return out

    def _title_words(self, keys: set[str], firsts: Iterable[str]
                     ) -> tuple[frozenset[str], set[str]]:
        """The words of the keys a title's name is kept by: the text's keys, a dictionary's,
        and the sentence's first words' candidates. Every key a run makes holds a word of
        the run's own key (its surface's words, or some of them, or those and a regnal
        number after), so a run none of whose words is one of these makes none kept."""
        if self._known_words[0] is not self.known:  # (made again if the names change)
            self._known_words = (self.known, frozenset(
                word for key in self.known for word in key.split()))
        return self._known_words[1], {word for key in (*keys, *firsts) for word in key.split()}

    def _resolve_in_article(self, found: list[Mention], text: str, title: str) -> None:
        """Within one article, a lone surname is the full name the article uses ("Blair"
        after "Tony Blair"), if it uses exactly one with that last word; and words before a
        full name the article also uses alone are cut off ("Exchequer Gordon Brown",
        "COWARD Donald Trump")."""
        full: dict[str, set[str]] = {}  # last word -> full names
        firsts_of: dict[str, set[str]] = {}  # first word -> full names
        persons: set[str] = set()  # full names with a person's cue
        fulls: set[str] = set()
        given_particle: list[str] = []  # keys led by a particle that is a given name too
        full_names = self._full_names
        for m in found:
            if (m.org_type is not None and m.org_type not in PRONOUN_CUES) or m.key.isalnum():
                continue  # (a one-word key is no full name, whatever its surface: `_full_name`)
            pair = (m.key, m.surface)
            words = full_names.get(pair)
            if words is None:
                if len(full_names) >= _PAIRS_KEPT:
                    full_names.clear()
                words = full_names[pair] = self._full_name(m.key, m.surface)
            if words:
                if m.person_cue:
                    persons.add(m.key)
                if m.key in fulls:
                    continue  # (its words were read at its first mention: the same again)
                if words[0] not in NAME_PARTICLES:
                    if (names := firsts_of.get(words[0])) is None:
                        firsts_of[words[0]] = {m.key}
                    else:
                        names.add(m.key)
                # (A dictionary's body ending in a common head noun, "White House": that
                # word alone is no short form of it, as a surname is of a person's name;
                # "the House" is as often another's. "Hong Kong", "South Korea" are.)
                # (Nor a people's name's last word that is a people's word of another
                # place: "Africans" of "South Africans", people_words.py.)
                if (words[-1] not in OF_HEADS or m.key not in self.bodies) and not (
                        m.key in self.known and peoples_word(words[-1], self.known)):
                    if (names := full.get(words[-1])) is None:
                        full[words[-1]] = {m.key}
                    else:
                        names.add(m.key)
                if len(words) == 3 and syllables(words[1:]) \
                        and f"{words[1]} {words[2]}" not in self.known:  # ("... Hong Kong")
                    # "Kim Jong-un", "Kim Jong Un": the family name first, as East Asian
                    # names are written; "Kim" alone is his where the article has one such
                    full.setdefault(words[0], set()).add(m.key)
                fulls.add(m.key)
            elif m.key[:m.key.find(" ")] in NAME_PARTICLES and not m.location_cue \
                    and m.surface[:1].isupper() and _particle_surname(m.key.split()):
                given_particle.append(m.key)
        # "Van Morrison", "Del Harris": a particle that is a given name too, with no given
        # name before it anywhere in the article ("Karel Van Miert"), is a full name: its
        # surname alone is his. (Not after "in", "to": "in Le Marche" is a place's.)
        # So is one led by another particle, capitalised, two words, whose last word the
        # article writes alone ("Von Miller ... Miller said"; not "De Clercq" written whole).
        alone = {m.key for m in found if m.key.isalnum() and (
            m.org_type is None or m.org_type in PRONOUN_CUES)} if given_particle else ()
        # (The full names' ends, as `_ends_with` reads them, kept in a set: each particle's
        # name tried against every full name was quadratic in a long article's names.)
        ends = {e for n in fulls for e in _word_ends(n)} if given_particle else set()
        for key in given_particle:
            particle, _, last = key.partition(" ")
            if (particle in _GIVEN_PARTICLES or (last in alone and " " not in last)) \
                    and key not in ends:
                full.setdefault(key.rsplit(" ", 1)[1], set()).add(key)
                fulls.add(key)
                ends.update(_word_ends(key))
        if not fulls:
            return
        if self._firsts:
            _sentence_firsts_as_lone(full)
            if all(k[0] == SENTENCE_FIRST for k in fulls):
                self._lone_to_firsts(found, full, text, title)
                return
        extra: list[Mention] = []
        firsts = self._firsts
        counts: Counter[str] | None = None  # the article's mentions by key, when first asked
        cued: Counter[str] | None = None  # its keys' person cues less their other cues
        placed = _placed_keys(text)  # (the one-word keys the article writes as places)
        for m in found:
            if m.key.isalnum() and (m.key in ARTICLES or m.key not in full):
                if (names := firsts_of.get(m.key)) is not None:
                    # "Kim" after "Kim Kardashian" (given_alone.py); of two or more, the
                    # article's principal one (principal_names.py)
                    # (A given name no list holds: the article's cues on the lone word or
                    # the surname alone say whose; for this word only, as a lone surname's
                    # full name needs a cue of its own: "Bandaranaike said" was SWRD's.)
                    them = persons
                    if m.org_type != MODIFIER and m.key not in given_names() \
                            and not persons.issuperset(names):  # ("Conservative MP Fallon")
                        if cued is None:
                            cued = _person_cued_keys(found)
                        if more := cued_given(m.key, names, cued):
                            them = persons.union(more)
                    if len(names) > 1:
                        if counts is None:
                            counts = Counter(map(_KEY, found))
                        one = principal(names, counts, them)
                        names = {one} if one is not None else names
                    given_alone(m, names, them, self.known, self._not_makers,
                                title, text, _written_lower)
                continue  # (most: one word, no full name's last; `significant` not asked)
            words = significant(m.key)
            if not words:
                continue
            names = full.get(words[-1])
            if firsts and m.key[0] == SENTENCE_FIRST:  # ("Later Blair said": Blair)
                words = words[-1:]
                names = {n for n in names if n != m.key} if names else None
            if names is None and len(words) < 3:
                continue  # most: no full name of this article ends with their last word
            if words[0] in NAME_PARTICLES and len(words) <= 3:
                words = words[-1:]  # a surname: "De Clercq", "van der Sar" (`NAME_PARTICLES`)
                # (its whole: "Le Marche" is no "San Severino Marche", "La Rochelle" no
                # "Jean-Marc Rochelle"; "De Clercq" is Willy de Clercq's)
                names = {n for n in names if n == m.key or _ends_with(n, m.key)} \
                    if names else None
            if len(words) == 1 or (len(words) == 2 and names and m.key not in names and (
                    (not m.person_cue and _spaced(words[0], text))  # "Common Soleimani"
                    or (len(names) == 1 and "-" in m.surface and " " not in m.surface
                        and _ends_with(next(iter(names)), m.key)))):
                # (One hyphenated word ending a full name as a surname does: "Jong-un" of
                # Kim Jong-un, "Day-Lewis" of Daniel Day-Lewis)
                name = next(iter(names)) if names and len(names) == 1 else None
                if names and len(names) > 1 and len(words) == 1 \
                        and (m.key.isalnum() or m.key[0] == SENTENCE_FIRST):
                    # (a surname several of the article's full names end with: the
                    # article's principal one, principal_names.py)
                    if counts is None:
                        counts = Counter(map(_KEY, found))
                    name = principal(names, counts, persons)
                    if name is None and m.key not in self.known \
                            and (m.org_type is None or m.org_type in PRONOUN_CUES) \
                            and two_bearers(names, persons):
                        m.key = ""  # "Clinton" beside Bill and Hillary Clinton: neither's
                        continue
                if name and not m.in_title and presidents_term(text, m) \
                        and not called_president(text, found, name):
                    m.key = ""  # a president's, not this article's one person (dropped)
                    continue
                if name and (m.key not in self.known or _surname_over_known(
                        m, name, persons, title if m.in_title else text)) \
                        and (m.org_type in (None, "modifier", "thing")
                             or m.org_type in PRONOUN_CUES) \
                        and not (name in self.known and m.org_type == "modifier") \
                        and not m.surface.isupper() and not (
                            m.location_cue and place_said(title if m.in_title else text,
                                                          m.start)) \
                        and not (name not in persons and name not in self.known
                                 and m.key in placed(found)
                                 and name.split(" ", 1)[0] not in given_names()) \
                        and not firm_named(name, found, COMPANY_SUFFIXES, given_names()):
                    # (not "African leaders" for South African; "loyal to Assad" is his;
                    # not "Ericsson" of "a venture of Sony Corp and Ericsson": two firms';
                    # not "the Montreal coordinator" where the article writes "in
                    # Montreal": a place's name ending a body's, "Hands Off Venezuela
                    # Montreal", is no surname of it)
                    m.key, m.org_type = name, None
                continue
            if len(words) < 3 or m.key in fulls and m.person_cue:
                continue
            parts = m.key.split()
            for cut in range(1, len(parts) - 1):
                if parts[cut - 1] in _SCOPE_LINKS:
                    # "United Liberation Movement for West Papua": the body's scope, not a
                    # name run into it; the body's type is no place's (stranger9)
                    continue
                tail = " ".join(parts[cut:])
                if tail in fulls and tail != m.key:
                    source = title if m.in_title else text
                    head = self._cut_head(m, cut, source)
                    if head is not None:
                        extra.append(head)
                    break
        found.extend(extra)
        if any(not m.key for m in found):  # (administrations.py)
            found[:] = [m for m in found if m.key]

    def _full_name(self, key: str, surface: str) -> tuple[str, ...]:
        """The significant words of a mention's key if key and surface make a full name
        (`_full_name_words`), else (). Of its key and surface alone: worked out once per
        pair (an article repeats its names; `_resolve_in_article` asks of every mention)."""
        # (A given name of two syllables is no full name: "Jong-un" alone is Kim Jong-un's.)
        words = _full_name_words(key) if (" " in surface or "-" not in surface
                                          or not syllable_pair(surface)) \
            and "&" not in surface else ()  # ("Procter & Gamble": two names, no person's)
        # (No particle joined by a hyphen to the word before it: "Paris-La Villette" is a
        # place's name, no given name and "La Villette" a surname.)
        if words and "-" in surface and any(
                part.rsplit("-", 1)[1].lower() in NAME_PARTICLES
                for part in surface.split()[:-1] if "-" in part):
            return ()
        # (No demonym before the last word: "Iraqi Kurds", "pro-Iran Iraqi Shia" are
        # peoples, their "Kurds" and "Shia" no surnames.)
        if words and words[0] not in self.demonyms and not surface.split()[0].isupper() \
                and (len(words) == 2 or self.demonyms.isdisjoint(words[1:-1])):
            return words
        return ()

    def _cut_head(self, m: Mention, cut: int, source: str) -> Mention | None:
        """Make `m` the name after its first `cut` key words; the words cut off, as a
        mention of their own if a dictionary knows them."""
        pieces = list(_NON_SPACE.finditer(m.surface))
        taken, i = 0, 0
        while i < len(pieces) and taken < cut:
            taken += len(name_key(pieces[i].group()).split())
            i += 1
        if i >= len(pieces) or taken != cut:
            return None
        head_start, head_end = m.start, m.start + pieces[i - 1].end()
        m.start += pieces[i].start()
        m.surface = source[m.start:m.end]
        m.key = name_key(m.surface)
        if m.org_type == "media" or m.org_type == TAIL or (
                m.org_type is not None and _head_gave(source[head_start:head_end], m.org_type)):
            # The medium's name it was cut from gave it; the words cut off were the title's
            # tail ("Chancellor of the Exchequer Nigel Lawson"), or a body's head ("the
            # Movement for Ousting | Yoon Suk Yeol": KCNA's Yoon Suk Yeol was typed party).
            m.org_type = None
        head_key = name_key(source[head_start:head_end])
        if head_key in self.known:
            return Mention(head_key, source[head_start:head_end], head_start, head_end,
                           m.in_title)
        return None

    def _mentions(self, run: list[_Tok], text: str, capital_mid: set[str],
                  out: Extraction | None, person_cue: bool = False) -> list[Mention]:
        if len(run) == 1 and not run[0].connector and run[0].joined_by_and != "and":
            # Most runs are one word: of the steps below only these can apply to one.
            tok = run[0]
            function = _function_word(tok.text)
            if function and (function == _ALWAYS or tok.initial) \
                    and not self._capital_name(tok, text):
                return []  # a function word, or a number word starting a sentence
            numbered = text[tok.end + 1:tok.end + 2].isdigit() and before_number(tok, text) \
                and tok.text.lower() not in NUMBERED_HEADS and name_key(tok.text) not in self.known
            if numbered and _written_lower(tok.text.lower(), text) \
                    or (tok.start > 2 and text[tok.start - 2].isdigit()
                        and name_key(tok.text) not in self.known
                        and numbered_tail(tok, text, _function_word)):
                return []  # "the Expo 2020 Route metro line", "the metro route" (numbered.py)
            mention = self._mention(run, text, person_cue, capital_mid)
            if mention is None:
                return []
            if numbered and mention.org_type in _WEAKER_THAN_OFFICE and not mention.person_cue:
                mention.org_type = NUMBERED  # "Route 2020 metro line" (numbered.py)
            if out is not None and text is not self._bracketless \
                    and text.find("(", mention.end, mention.end + 14) >= 0:
                self._acronym(mention, text, out)
            return [mention]
        toks = list(run)
        if len(toks) >= 2 and (held := self._portfolio_holder(toks, text)) is not None:
            head, portfolio, name = held  # "Minister of Mines and Energy Subroto" (portfolios.py)
            # "CEO of Acme Group John Smith": no portfolio but a body's name (roles.py)
            body = self._mentions(toks[portfolio:name], text, capital_mid, out) \
                if portfolio and not any(t.joined_by_and for t in toks[portfolio:name]) \
                and not any(_lower(t) in TERRITORIAL_TITLES for t in toks[head:portfolio]) \
                and self._role_named(text)(toks[portfolio:name]) else []
            return (self._mentions(toks[:head], text, capital_mid, out) if head else []) \
                + body + self._mentions(toks[name:], text, capital_mid, out, True)
        # "Britain and France": two names; "Securities and Exchange Commission", "Standard &
        # Poor's": one. "and" binds only before an organisation's head word, "&" always.
        joined = [t.joined_by_and for t in toks]
        if "and" in joined:
            # (Not at the run's first word: a run cut after "Iran and" starts there with
            # "People's Republic of China", `_possessive_companies`.)
            joints = [i for i, how in enumerate(joined) if how == "and" and i]
            bounds = [0, *joints, len(toks)]
            parts = [toks[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
            found: list[Mention] = []
            k = 0
            while k < len(parts):
                part = parts[k]
                nxt = parts[k + 1] if k + 1 < len(parts) else []
                shared: list[_Tok] = []
                if nxt and (name_key(text[part[0].start:nxt[-1].end]) in self._and_names
                            or (len(part) > 1 and part[0].initial and name_key(
                                text[part[1].start:nxt[-1].end]) in self._and_names)):
                    # (Or after a sentence's first word, cut below: "Later Bosnia and ...")
                    part, k = part + nxt, k + 1  # "Trinidad and Tobago", "Newfoundland and
                    # Labrador": a dictionary's or a shipped region's name (they were two)
                elif nxt and self._bare_after_and(nxt):
                    pass  # "RJD and Congress": two bodies (`_bare_after_and`)
                elif nxt and shared_plural_head(part, nxt, ORG_CUES, self.known):
                    # "Ukele and Izzi Ethnic Militias": two groups of one plural head, the
                    # first named with it ("Ukele Ethnic Militias"; shared_heads.py)
                    shared = nxt[1:]
                elif nxt and all(_lower(t) in ORG_CUES for t in nxt) \
                        and _lower(part[-1]) not in ORG_CUES \
                        and not and_company(text, nxt[-1].end):  # "Merrill Lynch and Co Inc"
                    part, k = part + nxt, k + 1
                elif nxt and _lower(part[-1]) not in ORG_CUES \
                        and not nxt[0].text.isupper() and not _named_alone(
                            part, nxt, self.known, self._not_makers, self.demonyms) \
                        and (
                            _lower(nxt[-1]) in _AND_HEADS  # Securities and Exchange Commission
                            or (len(nxt) == 1 and nxt[0].possessive  # Standard and Poor's
                                and len(part[-1].text) > 1
                                and name_key(nxt[0].text) not in self.known)) \
                        and self._one_word_part(part):
                    part, k = part + parts[k + 1], k + 1
                else:  # "Department of Health and Human Services" (and_tails.py)
                    while nxt and len(part) >= 3 and and_tail(
                            part, nxt, text, ORG_CUES, self.known, self.regions, given_names(),
                            COMPANY_SUFFIXES):
                        part, k = part + nxt, k + 1
                        nxt = parts[k + 1] if k + 1 < len(parts) else []
                for t in part:
                    t.joined_by_and = "kept" if t.joined_by_and else ""
                made = self._mentions(part, text, capital_mid, out)
                if shared and made and made[-1].start == part[0].start:
                    name_shared_head(made[-1], shared, ORG_CUES)
                # "in Baghdad and Balad": the place word is said of both.
                if made and found and found[-1].location_cue and not made[0].person_cue \
                        and made[0].org_type is None and part[0].start == made[0].start:
                    made[0].location_cue = True
                found += made
                k += 1
            return found
        # "Apple AAPL", "Alphabet GOOGL.O": a company's stock symbol after its name, a
        # mention of its own, defined as the name where its letters spell it (tickers.py).
        if len(toks) >= 2 and not toks[-2].connector and symbol_like(toks[-1].text) \
                and trailing_symbol(text[toks[0].start:toks[-2].end], toks[-1].text, text,
                                    toks[-1].end):
            symbol = toks[-1]
            toks[0].initial = False  # a name, wherever it stands: its symbol vouches for it
            head = self._mentions(toks[:-1], text, capital_mid, out, person_cue)
            if out is not None and head and head[-1].end == toks[-2].end \
                    and head[-1].key != name_key(symbol.text) \
                    and defined_by(symbol.text, head[-1].key, text, symbol.end):
                out.acronyms.append((name_key(symbol.text), head[-1].key))
                _listed(head[-1])
            return head + self._mentions([symbol], text, capital_mid, out)
        if len(toks) > 1 and toks[0].text.isupper() and not self._headline:
            # "AUTOMATIC SANCTIONS Merkel said": a label in capitals (caps_labels.py)
            toks = toks[label_words(toks, text, _written_lower):]
        # Leading function words and sentence starters ("The", "Early Friday", "Thousands of").
        lead = False  # a function word capitalised mid-sentence: a title's ("We Are The World")
        page = False  # the word cut before is a page's furniture ("Share Tweet Email")
        cut: _Tok | None = None  # the word cut (`_CUT_MORE` if more than one)
        while toks and (toks[0].connector or self._starter(toks, capital_mid, page)) \
                and not self._capital_name(toks[0], text):
            first = toks[0]
            page = first.text.lower() in PAGE_WORDS
            lead = lead or (not first.initial and not self._headline
                            and title_lead(first.text, text, first.start, FUNCTION))
            cut = first if cut is None else _CUT_MORE
            toks = toks[1:]
        # "Andy Robinson said" opening a sentence: the cut word is a candidate (`_keep_first`)
        first_cut = None
        if cut is not None and cut is not _CUT_MORE and cut.initial and not lead and toks \
                and (len(toks) == 1 or _particle_surname(toks)
                     or (len(toks) <= 3 and _person_like(toks))):
            if self._given_first(cut, toks, text):
                toks = [cut, *toks]  # "Mitch McConnell said", "Martin Luther King": whole
                self._given_put = cut  # (no word towards the "said" cue: `_mention`)
            elif len(toks) == 1:
                first_cut = cut
        if lead and toks:
            made = self._mentions(toks, text, capital_mid, out, person_cue)
            if made and made[0].start == toks[0].start and not made[0].person_cue \
                    and made[0].org_type in _WEAKER_THAN_OFFICE:
                made[0].org_type = WORK
            return made
        # "Congress MLAs", "Labour MPs": a member's title in capitals after a body's name is
        # the body's cue, not a word of its name.
        if toks and toks[-1].text[:2].isupper() \
                and (kind := KIND_BEFORE.get(toks[-1].text.lower())) is not None \
                and (body := ([first_cut] if first_cut is not None else []) + toks[:-1]) \
                and not body[-1].connector:
            body[0].initial = False  # a name, wherever it stands: its members vouch for it
            made = self._mentions(body, text, capital_mid, out, person_cue)
            # (The cue only for a body in capitals that no dictionary calls a place: "RJD
            # MLAs", "SNP MSPs"; "Gujarat MLAs", "London MPs" are a place's members.)
            if made and made[-1].end == body[-1].end and made[-1].org_type is None \
                    and not made[-1].person_cue and len(body) == 1 \
                    and body[0].text.isupper() and made[-1].key not in self._not_makers:
                made[-1].org_type = kind
            return made
        # Titles are cues: "Major General Qassem Soleimani", "Secretary of State Mike Pompeo".
        if toks and _is_title(toks[0]):
            j = _title_run(toks, 0)
            if _title_cut(toks, 0, j):
                toks, person_cue = (toks if _regnal_name(toks, 0, j) else toks[j:]), True
            elif (named := role_name(toks, j, _lower, self._role_named(text))) \
                    and _title_head(toks[:j]):
                # "CEO of Acme Group", "Ruler of Dubai": a role; its body's name, not the
                # title, is named there (roles.py); its holder's full name may follow,
                # from a given name on ("CEO of Acme Group John Smith said")
                held = next((k for k in range(named + 1, len(toks) - 1)
                             if _lower(toks[k]) in given_names() and not toks[k].connector
                             and _person_like(toks[k:])
                             and not _written_lower(_lower(toks[k]), text)), 0)
                if held:
                    return self._mentions(toks[named:held], text, capital_mid, out) \
                        + self._mentions(toks[held:], text, capital_mid, out, True)
                return self._mentions(toks[named:], text, capital_mid, out)
        while toks and (toks[-1].connector or _trailing_word(toks[-1].text)) \
                and not self._capital_name(toks[-1], text):
            toks = toks[:-1]
        if not toks:
            return []
        # "of" binds two words into a name only after an organisation's, a place's or a
        # title's head ("Bank of England", "Gulf of Mexico", "Treaty of Rome"); "Mark Stephen
        # Trotter of California" and "Fischer of Merrill Lynch" are two names each.
        for i, tok in enumerate(toks):
            if tok.connector and tok.text == "of":
                before = [t for t in toks[:i] if not t.connector]
                head = _lower(before[-1]) if before else ""
                if before and head not in ORG_CUES and head not in TITLES \
                        and head not in OF_HEADS and head not in EVENT_NOUNS \
                        and name_key(before[-1].text) not in self.known \
                        and (len(before) > 1 or not _spaced(head, text)) \
                        and name_key(text[toks[0].start:toks[-1].end]) not in self.known \
                        and not (i == 1 and i + 2 == len(toks) and not person_cue
                                 and self._named_whole(toks, text)):
                    # (Not "Gang of Eight", nor a run the article writes as one name:
                    # "Nation of Islam", `_named_whole`; a dictionary's whole name is one:
                    # "Liberation Tigers of Tamil Eelam" made "Liberation Tigers" and
                    # "Tamil Eelam".)
                    return self._mentions(toks[:i], text, capital_mid, out, person_cue) + \
                        self._mentions(toks[i + 1:], text, capital_mid, out)
                break
        # A demonym before a longer name is its own mention: "Iranian | Revolutionary Guards"
        # (not before a company's or a society's words: "American Stock Exchange", "British
        # Medical Association" are names of their own, and no country's body).
        if len(toks) > 2 and name_key(toks[0].text) in self.demonyms \
                and _org_type(_head_words(toks[1:])) not in _OWN_NAME_TYPES:
            first = self._mention([toks[0]], text, False, capital_mid)
            rest = self._mentions(toks[1:], text, capital_mid, out)
            _lead(rest, text, toks[0].start, toks[1].start)
            return ([first] if first else []) + rest
        # A title inside a run: what comes before it is a name of its own ("UK Prime
        # Minister Tony Blair", "Islamic Revolution Ayatollah X", "Bank of England Governor
        # Mervyn King").
        for i in range(1, len(toks) - 1):
            if _is_title(toks[i]) and not _is_title(toks[i - 1]):
                j = _title_run(toks, i)
                if _title_cut(toks, i, j):
                    head = self._mentions(toks[:i], text, capital_mid, out)
                    if head and head[-1].end == toks[i - 1].end:
                        _office(head[-1], self.known)  # "Agriculture Secretary X"
                    rest = toks[i:] if _regnal_name(toks, i, j) else toks[j:]
                    return head + self._mentions(rest, text, capital_mid, out, True)
        # A title after a body's name, no one's after it: "Acme Group Chairman said" names
        # the body (roles.py; heads no one's surname: not "John Major", "Julie Bishop").
        if len(toks) >= 3 and _lower(toks[-1]) in _TRAILING_OFFICES \
                and not toks[-2].connector and not any(_is_title(t) for t in toks[:-1]) \
                and not all(_lower(t) in PORTFOLIO_WORDS or _function_word(t.text)
                            for t in toks[:-1] if not t.connector):
            head = self._mentions(toks[:-1], text, capital_mid, out)
            if head and head[-1].end == toks[-2].end:
                _office(head[-1], self.known)
            return head
        # A word in capitals before a full name: "COWARD Donald Trump". (Not a medium's name:
        # "BBC World Service" is a name; "BBC Michael Howard" is cut where the article names
        # Michael Howard alone, `_resolve_in_article`.)
        # (Nor a name's own initials: "J.P. Morgan Chase". Nor a firm's leading acronym,
        # "RBC Capital Markets", "BMO Capital Markets": a full name after the capitals
        # starts with a given name, or the capitals are a dictionary's name, "UK Las
        # Vegas"; others the article's cut names alone, `_resolve_in_article`.)
        if len(toks) >= 3 and toks[0].text.isupper() and len(toks[0].text) > 1 \
                and _person_like(toks[1:]) and sum(not t.connector for t in toks[1:]) >= 2 \
                and (_lower(toks[1]) in given_names() or name_key(toks[0].text) in self.known) \
                and name_key(toks[0].text) not in self.media \
                and not (_DOTTED_INITIALS.fullmatch(toks[0].text)
                         and name_key(toks[0].text) not in self.known):
            head = self._mentions(toks[:1], text, capital_mid, out) \
                if name_key(toks[0].text) in self.known else []
            rest = self._mentions(toks[1:], text, capital_mid, out, person_cue)
            if name_key(toks[0].text) in self.countries:  # "US | Geological Survey"
                _lead(rest, text, toks[0].start, toks[1].start)
            return head + rest
        if len(toks) >= 3 and not person_cue \
                and text[toks[0].start - 4:toks[0].start] in POST_ENDS \
                and post_before(text, toks[0].start, TITLE_HEADS) \
                and (held := holder_cut(toks, text, self.known, self.demonyms, _person_like,
                                        self.regions)):
            # "ambassador to Iraq Ryan Crocker": the post's place, its holder (posts.py)
            return self._mentions(toks[:held], text, capital_mid, out) \
                + self._mentions(toks[held:], text, capital_mid, out, True)
        if len(toks) >= 3 and cut is None \
                and (body := body_before_person(toks, self.bodies, _BODY_HEADS, given_names(),
                                                self.capitals, _person_like, text=text,
                                                person_cue=person_cue, roles=ROLE_NOUNS,
                                                written_lower=_written_lower)) \
                and not (body == 1 and toks[0].initial and not person_cue
                         and name_key(toks[0].text) in self.countries
                         and name_key(toks[0].text) not in self.demonyms
                         and text.count(toks[0].text) == 1):
            # "House Nancy Pelosi", "Democrat Chuck Schumer": a body's, then a person's name
            # (body_heads.py; the person's cues its own: "White House Rose Garden"). Not
            # where a sentence's first word was cut: the body's name may have begun there
            # ("Liberal | Democrat Alan Beith"). Nor where a sentence starts with a
            # country's name the article never writes again: "Mali Poppy Cooper, 22, ..."
            # is one name (prose puts no bare country before a name; a party's member does
            # stand there: "Republican Duncan Hunter told").
            return self._mentions(toks[:body], text, capital_mid, out) \
                + self._mentions(toks[body:], text, capital_mid, out, person_cue)
        mention = self._mention(toks, text, person_cue, capital_mid)
        if mention is None:
            return []
        if first_cut is not None:
            self._keep_first(first_cut, mention)
        if out is not None and text is not self._bracketless \
                and text.find("(", mention.end, mention.end + 14) >= 0:
            self._acronym(mention, text, out)  # (only before a bracket can one be defined)
        return [mention]

    def _named_whole(self, toks: list[_Tok], text: str) -> bool:
        """Whether a run of one capitalised word, "of" and one more ("Nation of Islam") is
        one name by its article's usage: written whole twice or more, its first word
        capitalised nowhere else, no given name first, and no dictionary's name nor place
        after "of" ("Smith of Reuters", "Smith of Texas"). A head the article never writes
        in lower case was read as a surname and the run cut at "of": "Nation" was an actor
        of 14 articles of US news, every mention of it "Nation of Islam leader Louis
        Farrakhan"."""
        first, last = toks[0].text, name_key(toks[-1].text)
        if first.lower() in given_names() or last in self.known or last in self.places \
                or last in self.regions or last in self.countries:
            return False
        whole = text[toks[0].start:toks[-1].end]
        n = 0
        at = text.find(first)
        while at >= 0:
            # (Each time the run whole, after no capitalised word and before none: "Chris
            # Bourdain of BankAmerica Corp ... Bourdain of BankAmerica" is a person's.)
            before = text[max(0, at - 30):at].split()
            if not text.startswith(whole, at) or (
                    before and before[-1][:1].isupper() and before[-1][-1] not in ".!?:"
                    and not _function_word(before[-1])) \
                    or _CAPITAL_NEXT.match(text, at + len(whole)):
                return False
            n += 1
            at = text.find(first, at + len(whole))
        return n >= 2

    def _role_named(self, text: str) -> Callable[[Sequence[_Tok]], bool]:
        """What roles.role_name asks of the words after a title's "of": a name of a body or
        a place, as the words tell: a dictionary's or a place's name, or a word no title,
        portfolio or common word that the article never writes in lower case ("Acme Group";
        not "Planning Board" beside "planning")."""
        def named(words: Sequence[_Tok]) -> bool:
            if self._named(text[words[0].start:words[-1].end]):
                return True
            return any(not t.connector and (low := _lower(t)) not in _TITLE_WORDS
                       and low not in PORTFOLIO_WORDS and low not in _FUNCTION_OF
                       and not _written_lower(low, text) for t in words)
        return named

    def _one_word_part(self, part: list[_Tok]) -> bool:
        """Whether a part before "and" is one word, or one after a country's name or a
        function word: "US Food | and Drug Administration", "The Food | and Drug ..." (the
        country's body, "U.S. Food and Drug Administration", is one name as "Food and Drug
        Administration" is)."""
        if len(part) == 1:
            return True
        if len(part) > 5 or part[-1].connector:
            return False
        lead = part[:-1]
        # (Function words first, then a country's name: "The US Food | and Drug
        # Administration" opening a sentence was "US Food" and "Drug Administration".)
        first = 0
        while first < len(lead) and _function_word(lead[first].text):
            first += 1
        return first == len(lead) or (len(lead) - first <= 3 and name_key(
            " ".join(t.text for t in lead[first:])) in self.countries)

    def _join_of_the(self, runs: list[list[_Tok]], text: str) -> list[list[_Tok]]:
        """A dictionary's name with "of the" in it, written whole: "Democratic Republic of
        the Congo", "Organization of the Petroleum Exporting Countries" were two runs
        either side of "the" (no connector, as "of" is), and the country's full name a
        location "Democratic Republic" and a dropped "Congo". Only a whole name the
        dictionaries know (from any word of the run before: "Eastern Democratic Republic of
        the Congo"): "President of the United States" stays a title and a country."""
        if _OF_THE not in text:
            return runs
        out: list[list[_Tok]] = []
        for run in runs:
            prev = out[-1] if out else None
            if prev and len(prev) > 1 and prev[-1].text == "of" \
                    and text[prev[-1].end:run[0].start] == " the ":
                end = run[-1].end
                cut = next((i for i in range(len(prev) - 1)
                            if name_key(text[prev[i].start:end]) in self.known), None)
                if cut is not None:
                    out[-1:] = ([prev[:cut]] if cut else []) + [prev[cut:] + run]
                    continue
            out.append(run)
        return out

    def _named(self, surface: str) -> bool:
        """Whether a name is a dictionary's or a known place's (`_join_for`)."""
        key = name_key(surface)
        return key in self.known or key in self.places

    def _join_mission(self, runs: list[list[_Tok]], text: str) -> list[list[_Tok]]:
        """A mission's or a delegation's name going on over "to" or "in" and the country or
        region it is sent to: "Regional Assistance Mission to Solomon Islands" (RAMSI),
        "United Nations Mission in South Sudan" (UNMISS); cut at the small word, the body
        was listed by its first half (missions.py)."""
        if "Mission " not in text and "Delegation " not in text:
            return runs
        for link in SENT_TO:
            if link in text:
                runs = join_on(runs, text, 0, MISSION_HEADS.__contains__, COMMON, link,
                               lambda named, link=link: _sent_to(named, link, self._a_state))
        return runs

    def _join_for(self, runs: list[list[_Tok]], text: str) -> list[list[_Tok]]:
        """A body's name going on after "for" (on_names.py); not before a demonym ("the
        Commission for Greek aid")."""
        if FOR not in text:
            return runs
        joined = join_on(runs, text, 0, _for_head, self._for_blocked, FOR)
        # An office named by a dictionary ("UN High Commissioner for Refugees": UNHCR); not
        # a portfolio's holder, "EU Commissioner for Trade Peter Mandelson".
        joined = join_on(joined, text, 0, _office_for, self._for_blocked, FOR,
                         lambda named: self._named(_THE.sub("", named, 1)))
        if joined is not runs and " in the " in text:  # (only after a "for" join)
            # "Center for Science in the Public Interest" (head_links.py)
            joined = join_in_tail(joined, text, _for_head, self._for_blocked, self._named)
        return joined

    def _portfolio_holder(self, toks: list[_Tok], text: str) -> tuple[int, int, int] | None:
        """Where a title's portfolio ends and its holder's name starts in a run (the end of
        what stands before the title, the portfolio's first word, the name's first word),
        or None (portfolios.py)."""
        if text[toks[0].start - 4:toks[0].start] in _PORTFOLIO_GAPS \
                and portfolio_before(text, toks[0].start, TITLES):
            portfolio = head = 0  # "Commissioner for | Economic and Monetary Affairs X"
        elif len(toks) >= 4 and (portfolio := portfolio_start(toks, TITLE_HEADS)) is not None:
            head = portfolio - 2  # "Indonesian Minister of Mines and Energy Subroto"
            while head and _is_title(toks[head - 1]):
                head -= 1
        else:
            return None
        name = name_start(toks, portfolio, text, given_names(), _is_title, _person_like,
                          lambda word: _written_lower(word, text))
        return None if name is None else (head, portfolio, name)

    def _bare_after_and(self, nxt: list[_Tok]) -> bool:
        """Whether the words after "and" are one bare homonym, capitalised ("RJD and
        Congress": two bodies, the second read by the article's country; not "Merrill
        Lynch and Co"; bare_homonyms.py)."""
        return len(nxt) == 1 and _lower(nxt[0]) in self._bare \
            and nxt[0].text[:1].isupper() and nxt[0].text[1:].islower()

    def _lone_to_firsts(self, found: list[Mention], full: dict[str, set[str]], text: str,
                        title: str) -> None:
        """`_resolve_in_article` where the article's only full names are candidates of a
        sentence's first word ("^andy robinson"): a lone surname is the one candidate that
        ends with it, on the same terms. (One look-up a mention: no name's words read.)"""
        for m in found:
            key = m.key
            if " " in key or key in self.known:
                continue
            names = full.get(key)
            if names is None or len(names) != 1:
                continue
            if (m.org_type in (None, "modifier", "thing") or m.org_type in PRONOUN_CUES) \
                    and not m.surface.isupper() and not (
                        m.location_cue and place_said(title if m.in_title else text, m.start)):
                m.key, m.org_type = next(iter(names)), None

    def _keep_first(self, first: _Tok, m: Mention) -> None:
        """The mention of the one word left of a run whose first word, starting a sentence,
        was cut. Where that word was cut only for being capitalised nowhere else in the
        article ("Andy Robinson said", "Later Robinson said"), and the word left is no
        dictionary's, its key keeps the cut word as a candidate ("^andy robinson"): the
        clustering joins it to "andy robinson" where the corpus writes that name whole,
        else to "robinson" (cluster.py, `_sentence_firsts`)."""
        if " " not in m.key and m.key not in self.known and not first.connector \
                and first.text.isalpha() and _starter_word(first.text) == 0:
            m.key = f"{SENTENCE_FIRST}{name_key(first.text)} {m.key}"
            self._firsts = True

    def _given_first(self, first: _Tok, name: list[_Tok], text: str) -> bool:
        """Whether a sentence's first word cut before a name is a given name
        (given_names.py): a shipped given name written as one ("Tom", not "TOM" of a line
        in capitals), no dictionary's name ("Jordan", "Georgia"), before no dictionary's
        name, written in lower case nowhere in the article, and after no initial's stop.
        Not before a lone letter alone ("Rory O' Neill": a broken name, no surname; "Rolando
        Rodriguez B." keeps its trailing initial).
        (Asked of a candidate only: few words.)"""
        low = first.text.lower()
        return low in given_names() and first.text.isalpha() and not first.text.isupper() \
            and (len(name) > 1 or len(name[0].text.rstrip(".")) > 1) \
            and _starter_word(first.text) == 0 \
            and name_key(first.text) not in self.known \
            and name_key(" ".join(t.text for t in name)) not in self.known \
            and not _written_lower(low, text) \
            and not _AFTER_INITIAL.search(text, max(0, first.start - 8), first.start)

    def _capital_name(self, tok: _Tok, text: str) -> bool:
        """An acronym that is also an English word ("WHO", "IS"), used as a name: written in
        capitals, a dictionary's capitals-only name, and not in a line of capitals ("WHO
        KILLED HIM"): the words either side are not in capitals."""
        word = tok.text
        if len(word) < 2 or not word.isupper() or name_key(word) not in self.capitals:
            return False
        before = _LETTERS.findall(text[max(0, tok.start - 30):tok.start])
        after = _WORD_AFTER.match(text, tok.end)
        return not (before and len(before[-1]) > 1 and before[-1].isupper()) and not (
            after and len(after.group(1)) > 1 and after.group(1).isupper())

    def _starter(self, toks: list[_Tok], capital_mid: set[str], page: bool = False) -> bool:
        """Whether the first word is no part of the name: a function word, a number word
        starting a sentence, a page word starting a sentence (unless the article writes it
        capitalised mid-sentence too: "Credit Suisse"), after one (`page`: "Share Tweet
        Email") or before a title ("Home Republican Chief Kevin McCarthy": a spun "House"),
        or a sentence's first word not capitalised elsewhere."""
        first = toks[0]
        starter = _starter_word(first.text)
        if starter == _ALWAYS or (starter and page):
            return True
        if starter and first.text.lower() not in PAGE_WORDS:
            if first.initial:
                return True
        elif starter and ((first.initial and first.text not in capital_mid)
                          or any(t.text.lower() in TITLES for t in toks[1:])
                          or _page_label(first.text, toks[1:])):
            return True
        return (first.initial and len(toks) > 1 and first.text not in capital_mid
                and name_key(first.text) not in self.known and not toks[1].connector
                and not (len(toks) > 2 and toks[1].text in _TITLE_PARTICLES)
                and not (len(toks) > 2 and _is_initial(toks[1].text))  # "David T. Mizrahi"
                and not toks[1].joined_by_and
                and first.text.isalpha() and first.text.lower() not in TITLES
                and not self._known_from_start(toks) and not _firms_acronym(toks)
                and not _names_body(toks))

    def _a_state(self, word: str) -> bool:
        """Whether a word names a country or a region (regions.yaml), or is the initials of
        a region's name of two words or more ("NSW": New South Wales)."""
        key = name_key(word)
        return key in self._states or (word.isupper() and key in _region_initials())

    def _known_from_start(self, toks: list[_Tok]) -> bool:
        """Whether the run's first words make a dictionary's name ("South Korea looks set",
        "United Nations officials said"): its first word, starting a sentence, is the name's."""
        # (With the "and" that joined a word, which `_mentions` marks "kept" once it has
        # joined the parts: "Saint Kitts and Nevis" opening a sentence.)
        words = [("& " if t.joined_by_and == "&" else "and ") + t.text if t.joined_by_and
                 else t.text for t in toks[:4]]
        return any(name_key(" ".join(words[:k])) in self.known
                   for k in range(2, len(words) + 1))

    def _mention(self, toks: list[_Tok], text: str, person_cue: bool,
                 capital_mid: set[str]) -> Mention | None:
        start, end = toks[0].start, toks[-1].end
        surface = text[start:end]
        # What the name's own words say is worked out once per name (a corpus repeats them),
        # keyed on its surface and its words (a one-word name's word is mostly its surface).
        if len(toks) == 1:
            # (The word itself where it is the surface: its hash is already worked out.)
            names = toks[0].text if toks[0].text == surface else (surface, toks[0].text)
        elif len(toks) == 2:  # (most longer names: the tuple written out is the cheapest)
            names = (surface, toks[0].text, toks[1].text)
        else:
            names = (surface, *[t.text for t in toks])
        facts = self._facts.get(names)
        if facts is None:
            if len(self._facts) >= _FACTS_KEPT:
                self._facts.clear()
            facts = self._facts[names] = self._name_facts(toks, surface)
        if facts is _NO_NAME:
            return None
        key, known, n_words, org_type, last_demonym = facts
        if n_words == 1 and len(surface) <= 3 and surface.isupper() \
                and surface.lower() in COMMON and text.startswith(" ", end) \
                and (after := _NEXT_WORD.match(text, end)) is not None \
                and after.group(1) in _AFTER_A_VERB:
            return None  # "This IS the best", "IS it Crabzilla": a verb in capitals, stressed
        if n_words == 1 and (surface in RATINGS or (self._symbols and (
                text[start - 1:start] in "<." or ":" in text[start - 2:start]))) \
                and is_code(surface, text, start, end):
            return None  # "to Ba-3 from Baa-2", "Boeing Co <BA>" (codes.py)
        if n_words == 1 and "-" in surface and surface[-2] == "-" \
                and text.startswith(".", end) and surface[-1].isupper():
            # "Iraq-U.S. relations": Iraq, then no name
            tok = toks[0]
            return self._mention([_Tok(tok.text[:-2], start, end - 2, True, False, tok.initial,
                                       False, True)], text, person_cue, capital_mid)
        if not known and len(toks) == 1 and toks[0].initial \
                and toks[0].text not in capital_mid and not _own_capitals(toks[0], text):
            return None  # a capital only because it starts a sentence
        # The word before the name, "the" between them aside ("the Conservatives"), and the
        # one before that: of the last three words, lower-cased as they are read.
        before = text[start - 24 if start > 24 else 0:start].rsplit(None, 3)
        after_the = len(before) > 1 and before[-1].lower() == "the"
        at = len(before) - 2 if after_the else len(before) - 1
        previous = before[at].lower().strip(",") if at >= 0 else ""
        cue_before = _BEFORE_CUES.get(previous)  # (most names: none)
        if (previous in VESSEL_BEFORE or toks[0].text in VESSEL_PREFIXES) and vessel_cue(
                previous, before[at] if at >= 0 else "", toks[0].text, n_words):
            # "MV Princess Ashika", "the ferry X", "HMAS Adelaide": a ship, no actor nor
            # the person its title says (vessels.py)
            org_type, person_cue = VESSEL, False
        if cue_before == EVENT and before[at].endswith(","):
            cue_before = None  # "if Trump wins, Hillary is finished": no contest's name
        if org_type == "location" and not person_cue:
            org_type = team_cue(previous, text, end) or org_type  # "X City striker" (teams.py)
            if cue_before == WORK and not known:
                org_type = WORK  # "the film Hotel Rwanda": a work named by a place's head
        if previous == "of" and after_the and org_type is None and not person_cue \
                and not known and tail_before(before, at, ORG_CUES, _SENTENCE_STARTERS):
            org_type = TAIL  # "Lord of the Rings": the tail of a title (title_tails.py)
        if org_type is None and not person_cue:
            org_type = ORG_APPOSITIVES.get(previous)  # "software giant Microsoft"
            if org_type is not None:
                if n_words > 1 and previous in PEOPLE_PLURALS:
                    org_type = None  # "analysts Dana Roe and ...": people
                elif _clause_ends_before(before[at], text, end):
                    org_type = None  # "on his Telegram channel, Zelenskiy thanked"
                elif previous in ORG_CUES and before[at][:1].isupper() and at >= 1 \
                        and before[at - 1][:1].isupper() and before[at][-1:] != "," \
                        and not before[at - 1].replace(".", "").isupper():
                    # "American Nazi Party Obama": another name's end (not "National Train
                    # Company, Enafer", "the U.S. Group General Electric")
                    org_type = None
            elif cue_before == WORK:
                org_type = WORK  # "the comedy Sideways"
            elif cue_before is not None and cue_before != EVENT and at >= 1:
                word = before[at - 1].lower()
                if cue_before == _ON:
                    if word in BROADCAST_VERBS:
                        org_type = "media"  # "shown on ITV1"
                elif word in WORK_PHRASE_WORDS and work_phrase(before, at):
                    org_type = WORK  # "her role in Sideways"
                elif previous == "for" and staff_before(word) and not toks[-1].possessive:
                    # "an analyst for Piper Jaffray"; not an owner's, "trader for Ivan
                    # Boesky's Seemala Corp" (firm_cues.py)
                    org_type = FIRM
        if (cue_before == EVENT or (
                org_type == "organisation" and key.endswith(CONTEST_BODIES) and n_words > 1
                and _next_noun(text, end) in CONTEST_OF_BODY)) \
                and not known and not person_cue and org_type in (None, "organisation"):
            org_type = EVENT  # "won Wimbledon", "a Champions League tie": a contest's
        # "Iranian warlord Qassem Soleimani", "striker Wayne Rooney", "Blair's wife, Cherie";
        # "Tony Blair said" (the word after is read only where it can decide).
        # "to Xi Jinping, general secretary of the ...": a title set after a full name in
        # apposition says a person's as one before it does (and no place's, "to").
        titled = org_type is None and n_words > 1 and not after_the and not known \
            and text.startswith(", ", end) and _titled_after(text, end + 2)
        # "Rihanna, 28, is rumoured": an age in apposition is a person's, a lone name's too
        # (celebrity and sports copy names its people by one name: "Beyoncé", "Drake").
        aged = org_type is None and not after_the and text.startswith(", ", end) \
            and _AGE_AFTER.match(text, end) is not None
        # "Drake said he": a lone name's "said" with its pronoun after it (pronouns.py);
        # not after a preposition, "the chairman of Texaco said he", "a source at Sony".
        said_he = org_type is None and n_words == 1 and not after_the and not known \
            and not surface.isupper() and previous not in _OWNER_LINKS \
            and said_personal(text, end)
        person = person_cue or titled or aged or said_he or (
            n_words > 1 and toks[-1].text.isupper()  # (most names: no capitals at the end)
            and org_type is None and not after_the  # ("the Mac II", "Mark IV said it")
            and regnal_name([t.text for t in toks], given_names())
            and pronoun_after(text, end) != NEUTER
            and not _firms_start(text, surface)) or (
            org_type is None and not after_the and not surface.isupper()
            and "&" not in surface  # "Johnson & Johnson said": a firm's, no one's name
            and (_role_noun(previous) or (n_words - (toks[0] is self._given_put) > 1
                                            and ((_speech(text, end) and self._may_say(
                                                key, toks, before, at, previous)) or (
                                                previous in FULL_NAME_ROLES and not known
                                                and not last_demonym and _person_like(toks)
                                                and not _written_lower(toks[0].text.lower(),
                                                                       text))))))
        if not person and org_type in (None, "organisation") and (text.startswith(
                CONDITION_AFTER, at_noun := end + 2 if toks[-1].possessive else end)) \
                and (after := _NEXT_WORD.match(text, at_noun)) \
                and after.group(1) in CONDITION_NOUNS:
            org_type = CONDITION  # "Alzheimer's disease" (not_actors.py)
        place_noun = False  # "Tanna island", "the Hunga Tonga volcano"
        if org_type is None and not person and not toks[-1].possessive:
            following = _NEXT_WORD.match(text, end)
            noun = following.group(1) if following else ""
            # (Most names are followed by neither a works' noun nor a digit: no call.)
            if noun in PLACE_NOUNS:
                place_noun = True
            elif (noun in WORK_AFTER or text[end + 1:end + 2].isdigit()) \
                    and work_after(text, end, noun):
                org_type = WORK  # "Halo 2", "the Xbox console"
            elif not noun and text.startswith(", ", end) and text.startswith(WORK_APPOSED, end):
                org_type = WORK  # "Closer, starring Jude Law"
            elif noun in KIND_BEFORE and not last_demonym \
                    and not _stock_market(text, end, noun):
                org_type = KIND_BEFORE[noun]  # "Labour MPs", "Sony shares"
            elif not after_the and not last_demonym and plural_verb(surface, noun, previous) \
                    and not (at >= 0 and before[at][-1:] == ","):
                # (Not "Werner and Chilwell have", "Kante, Chilwell have": two people's verb;
                # "protesters in Iraq have": the protesters'.)
                org_type = "organisation"  # "Juventus have", "Barcelona are" (teams.py)
            elif noun == "and" and joined_firm(text, end):
                org_type = FIRM  # "Piper Jaffray and Hopwood Inc" (firm_cues.py)
            elif noun in EVENT_CUES and n_words > 1:
                org_type = EVENT  # "Six Nations clash": an event's name
            elif (cue_after := _AFTER_CUES.get(noun)) is not None and not known and (
                    n_words == 1 if cue_after == NEUTER else not last_demonym):
                # "the Wimbledon champion" (a contest's); "Vodafone unveiled" (a body's
                # doing, as "it" says)
                org_type = cue_after
            elif n_words == 1 and noun in AGENCY_NOUNS and not known \
                    and _letters_acronym(surface):
                org_type = "organisation"  # "CBI officials", "a CBI probe" (cue_words.py)
            elif n_words == 1 and noun in ACRONYM_VERBS and surface.isupper() \
                    and len(surface) > 1 and not known:
                org_type = NEUTER  # "NAF repelled the attack": a body's doing (cue_words.py)
            elif noun and noun not in NOT_QUALIFIED and (n_words == 1 or last_demonym):
                org_type = "modifier"  # "(the) European leaders", "Soviet troops"
        if org_type is None and not person:
            # "the Conservatives said": no person; else "Sony said it would", "Howard Hughes
            # ... his": a pronoun, a last resort's cue (a dictionary's name has its type).
            org_type = "thing" if after_the else None if known else pronoun_after(text, end)
        # (Not "to the X", "from the X", "at the X": said of bodies, peoples and books as
        # well, "to the Kurds", "from the Koran", "at the BBC"; shared_prepositions.py.)
        if not place_noun and not person_cue and at >= 0 and (previous in PLACE_NOUNS or (
                previous == "of" and at >= 1 and before[at - 1].lower() in PLACE_NOUNS)):
            place_noun = True  # "the main island Tongatapu", "the island of Tongatapu"
        location = place_noun or previous in LOCATION_PREPOSITIONS and not titled and not (
            after_the and previous in SHARED_PREPOSITIONS) and not (
            previous == "to" and at >= 1 and before[at - 1].lower() == "according") and not (
            toks[-1].possessive and owns_a_name(text, end)) and not (  # "in ITV's King of Fridges"
            previous in _PERSON_PREPOSITIONS and self._given_full_name(toks, key, n_words))
        if location and previous == "in" and at >= 1 and not person_cue and not known \
                and before[at - 1].lower() in PUBLISHED_IN:
            # "published in the Lancet", "writing in Nature": a journal, no place
            location = False
            if org_type in (None, "thing"):
                org_type = "media"
        if location and previous == "at" and at >= 1 and not person_cue \
                and org_type != "modifier" \
                and ((role := before[at - 1].lower().rstrip("s")) in TITLES
                     or role.endswith(("ist", "yst")) or works_at(before[at - 1])):
            # "an analyst at BNP Paribas", "a professor at Harvard", "economist at": where
            # one works, a body (not "an officer at US telecoms firm WorldCom")
            location = False
            if org_type in _WEAKER_THAN_OFFICE:
                org_type = "organisation"
        if location and previous in _TRANSFER_PREPOSITIONS and at >= 1 and not person_cue \
                and not after_the \
                and transfer_cue(previous, before[at - 1]):
            # "signed from Ajax", "a loan to Roma": a club players come from and go to
            location = False
            if org_type in _WEAKER_THAN_OFFICE or org_type == "location":
                org_type = "organisation"
        if not location and not person and n_words > 1 and previous[-2:] in _POSSESSIVE_ENDS \
                and org_type in _WEAKER_THAN_OFFICE and name_key(previous) in self.places:
            # "London's West End": a place's part (the owner is a place; not one word:
            # "Tehran's Soleimani", "Tokyo's Sony")
            location, org_type = True, PLACE_PART
        if n_words == 1 and text.startswith(" ", end) and not known \
                and (number := _REGNAL_NUMBER.match(text, end)) and key in given_names():
            # "Charles I", "Henry VIII": a monarch's name, the number kept (`REGNAL_TITLES`)
            end, person, org_type, location = number.end(), True, None, False
            surface = text[start:end]
            key = name_key(surface)
        # (Made field by field, as `_tokens` makes its tokens: most of these make one.)
        mention = _new(Mention)
        mention.key, mention.surface, mention.start, mention.end, mention.in_title, \
            mention.person_cue, mention.org_type, mention.location_cue, mention.lower_seen, \
            mention.lead, mention.lead_at = (
                key, surface, start, end, False, person, org_type, location, False, "", -1)
        return mention

    def _given_full_name(self, toks: list[_Tok], key: str, n_words: int) -> bool:
        """A person's full name by its words: a common given name, then one or two words of
        a name, no dictionary's place or name ("from Peter Dutton"; not "from Santa
        Clara", "to Alice Springs": places that a dictionary knows, or that "in" and "at"
        say elsewhere)."""
        return 1 < n_words <= 3 and _lower(toks[0]) in given_names() \
            and key not in self.known and key not in self.places and _person_like(toks)

    def _may_say(self, key: str, toks: list[_Tok], before: list[str], at: int,
                 previous: str) -> bool:
        """Whether a name before "said" may be a person's for it: not one holding a
        country's name (`_holds_country`), nor one after "the" and a country's name or
        people's that opens with no given name ("the US Geological Survey said", "US" cut
        off: a person of 23 articles on Tonga news; "the American Lance Armstrong said"
        stays)."""
        if at >= 1 and previous in self.countries \
                and before[at - 1].lower().rpartition(".")[2] == "the" \
                and toks[0].text.lower() not in given_names():
            # (".The": a scraper's sentences glued, "said.The US Geological Survey says")
            return False
        return not self._holds_country(key)

    def _holds_country(self, key: str) -> bool:
        """Whether a name of more words holds a country's name or people's of two words or
        more ("Transparency Solomon Islands said", "New Zealand Rugby Union said"), or ends
        in one of one word after words no given names ("Statistics Canada said", "Health
        Canada said"): no one's name, so its "said" is no person's cue (stranger9: a
        watchdog typed person; stranger10: Canada's federal agencies). One word's countries
        are given names and surnames too ("Michael Jordan", "Israel Folau")."""
        held = self._country_holders.get(key)
        if held is None:
            if len(self._country_holders) >= _PAIRS_KEPT * 8:  # (few: said-cued names only)
                self._country_holders.clear()
            words = key.split()
            held = self._country_holders[key] = any(
                " ".join(words[i:j]) in self.countries
                for i in range(len(words) - 1) for j in range(i + 2, min(i + 4, len(words)) + 1)
                if j - i < len(words)) or (
                len(words) >= 2 and words[-1] in self.countries
                and words[0] not in given_names() and words[-2] not in given_names()) or (
                len(words) >= 2 and words[0] in self.countries
                and words[0] not in given_names())  # ("US Geological Survey said")
        return held

    def _country_office(self, lowered: list[str]) -> bool:
        """Whether a name is a country's name or people's (one to three words), then title
        words only: "Solomon Islands Prime Minister", "Australian Foreign Minister" name an
        office, no holder (stranger9: a person of 48 articles in the top 30)."""
        for cut in range(1, min(4, len(lowered))):
            head = " ".join(lowered[:cut])
            if (head in self.countries or head in self.demonyms) \
                    and _TITLE_OR_COMMON.issuperset(lowered[cut:]):
                return True
        return False

    def _name_facts(self, toks: list[_Tok], surface: str) -> tuple | object:
        """What a name's surface and words say, whatever stands around it: `_NO_NAME` if
        they make no name, else (key, known to a dictionary, number of words, the type its
        words say, whether its last word is a demonym)."""
        key = name_key(surface)
        if not key or key.isdigit():
            return _NO_NAME
        if key in self.capitals and not written_as_acronym(surface):
            return _NO_NAME  # "Us", "Who", "Let": the acronyms US, WHO and LeT only so written
        known = key in self.known and (key not in COMMON or surface.isupper())  # "IS", not "Is"
        if len(toks) == 1 and not toks[0].connector:  # most names: the steps below for one word
            word = toks[0].text
            low = word.lower()
            if not known and (low in TITLES or low in COMMON or len(key) < 2
                              or _contraction(surface)
                              or low in ORG_CUES or low in LEGAL_WORDS):
                if low in self._bare and word[1:].islower() and word[:1].isupper():
                    return (key, False, 1, None, False)  # "Congress" (bare_homonyms.py)
                return _NO_NAME
            # (The word is most often the surface itself: its key is the surface's.)
            return (key, known, 1, None,
                    (key if word == surface else name_key(word)) in self.demonyms)
        words = [t.text for t in toks if not t.connector]
        lowered = [w.lower() for w in words]
        if not known:
            if _TITLE_OR_COMMON.issuperset(lowered):
                return _NO_NAME
            if _office_alone(lowered):
                return _NO_NAME  # "the Chief Health Officer said": an office, no one named
            if lowered[0] in _TITLE_WORDS and any(t.text == "of" for t in toks) \
                    and all(w in _TITLE_OR_COMMON or w in PORTFOLIO_WORDS for w in lowered):
                return _NO_NAME  # "Director of Human Resources": an office (roles.py)
            if lowered[-1] in TITLE_HEADS and self._country_office(lowered):
                return _NO_NAME  # "Solomon Islands Prime Minister": a country's office
            # Shouting or a credit line: "ATTA KENARE". Acronyms (one word) stay.
            if len(words) > 1 and all(w.isupper() and len(w) > 1 for w in words):
                return _NO_NAME
            if len(key) < 2 or _contraction(surface):
                return _NO_NAME
            if (len(lowered) == 1 and lowered[0] in ORG_CUES) or LEGAL_WORDS.issuperset(lowered):
                return _NO_NAME  # "Embassy", "Division", "Co Inc": generic words, not a name
        org_type = _org_type([t.text.lower() for t in toks]) if len(words) > 1 else None
        if org_type == "location" and len(words) > 2 and not known \
                and name_key(" ".join(words[-2:])) in self.countries:
            org_type = None  # "Transparency Solomon Islands": a body's, "Islands" the
            # country's word (an NGO had been listed with the places; stranger9)
        if org_type is None and len(words) == 2 and lowered[1] == "health" \
                and self._a_state(words[0]):
            org_type = "government"  # "NSW Health", "Queensland Health": its health department
        if " for " in surface and (head := surface.split(" for ", 1)[0].rsplit(" ", 1)[-1]
                                   .lower()) in _FOR_HEADS:
            # "Centers for Disease Control" (`_join_for`): a public body's agency, an
            # alliance of members ("Agency for International Development", "Global
            # Alliance for Vaccines and Immunisation": no news agency, no party)
            org_type = _FOR_TYPES.get(head) or ORG_CUES.get(head)
        if org_type is None and lowered[-1] in FACILITY_NOUNS \
                and (site := site_body([t.text for t in toks], ORG_CUES, self.known,
                                       self.places)) is not None:
            key, org_type = site  # "the Baghdad Embassy Compound": the embassy (sites.py)
        if city_body(key, org_type, self.places):
            self._city_bodies.add(key)  # "the Baghdad Embassy": resolved per article
        if org_type is None and len(words) > 1 and lowered[-1] in CHANNEL_NUMBERS \
                and name_key(" ".join(words[:-1])) in self.media:
            org_type = "media"  # "BBC One": a broadcaster's numbered channel
        elif org_type is None and len(words) > 2 and lowered[0] in self._media_words \
                and name_key(words[0]) in self.media:
            org_type = "media"  # "BBC World Service": a medium's service
        elif org_type is None and len(words) == 2 and lowered[0] in STATISTICS_WORDS \
                and name_key(words[1]) in self.regions:
            # "Statistics Canada", "Stats NZ": a country's statistics office, which
            # "reports" figures as a medium reports news (its clause-end "..., Statistics
            # Canada reports" made it a medium; stranger10)
            org_type = "government"
        elif org_type is None and len(words) > 1 and lowered[-2] in ORG_CUES \
                and name_key(words[-1]) in self.regions:
            # "Border Guard Bangladesh", "Police Scotland": a body's head noun, then the
            # country whose body it is
            org_type = ORG_CUES[lowered[-2]]
        return (key, known, len(words), org_type,
                bool(words) and name_key(words[-1]) in self.demonyms)

    def _acronym(self, mention: Mention, text: str, out: Extraction) -> None:
        """"Popular Mobilization Forces (PMF)": PMF is defined as the name before it, if
        its letters are the name's initials, in order, with at most one word left out and
        now and then a letter from inside a word (acronym_def.defines)."""
        if text.find("(", mention.end, mention.end + 14) < 0:
            return
        m = _DEFINED.match(text[mention.end:mention.end + 14])
        if not m:
            # "Apple Inc (NASDAQ: AAPL)", "Alphabet (NASDAQ: GOOGL)": the exchange says
            # it is the name's listed symbol (tickers.py)
            listed = LISTED.match(text, mention.end, mention.end + LISTED_REACH)
            if listed and symbol_like(listed.group(1)) \
                    and name_key(listed.group(1)) != mention.key:
                out.acronyms.append((name_key(listed.group(1)), mention.key))
                _listed(mention)
            return
        acronym = m.group(1).replace(".", "")
        words = mention.key.count(" ") + 1
        if acronym[:1].isupper() and not (words > 1 and defines(acronym, mention.key)) \
                and (head := head_across(acronym, mention.start, mention.key, text)):
            out.acronyms.append((name_key(acronym), head))  # (across_definitions.py)
            return
        if words < 2:
            # "Apple (AAPL)": one word's letters spell a stock symbol only (tickers.py);
            # not a dictionary's name, a dateline's outlet ("Cleveland (CNN)" had made the
            # city CNN's alias, 75 mentions)
            if symbol_like(acronym) and spells(acronym, mention.key) \
                    and (short := name_key(acronym)) not in self.known:
                out.acronyms.append((short, mention.key))
            return
        if not acronym[:1].isupper():
            return
        if defines(acronym, mention.key):  # (acronym_def.py: "ICCO" for "... Cocoa ...")
            out.acronyms.append((name_key(acronym), mention.key))
        elif acronym.isupper() and acronym.isalpha():
            # "Boko Haram (JAS)": letters not its initials, joined where the corpus writes
            # them so consistently (bracketed.py)
            out.acronyms.append((name_key(acronym), BRACKETED + mention.key))


# The last four characters before a post's place: "to ", "for ", "in ", "at ", "the ".
_TRANSFER_PREPOSITIONS = frozenset(("from", "to", "at"))  # (teams.TRANSFERS)
_WEAKER_THAN_OFFICE = frozenset((None, "thing", "modifier", *PRONOUN_CUES))
_POSSESSIVE_ENDS = ("'s", "’s")
# Words that start sentences before "of the" ("Most of the Tories"): no title's head.
_SENTENCE_STARTERS = COMMON | FORMER
# The word before a name -> what it may make of it (one look-up a name): a kind of work
# ("the film X"), a phrase's end to read further ("role in X", "shown on X"), a verb of
# winning ("won X").
_ON = "on"
_BEFORE_CUES: dict[str, str] = {
    **dict.fromkeys(WORK_PHRASE_ENDS, "phrase"), _ON: _ON,
    **dict.fromkeys(WIN_VERBS, EVENT), **dict.fromkeys(WORK_BEFORE, WORK)}
# The word after a name -> its cue: a contest's noun, a company's doing.
_AFTER_CUES: dict[str, str] = {**dict.fromkeys(CONTEST_AFTER, EVENT),
                               **dict.fromkeys(BODY_VERBS, NEUTER)}


def _listed(company: Mention) -> None:
    """A name with its stock symbol after it ("Honeywell HON.O") is a listed company's:
    an organisation's cue, unless a stronger cue types it."""
    if company.org_type in _WEAKER_THAN_OFFICE:
        company.org_type = "organisation"


def _office(head: Mention, known: frozenset[str]) -> None:
    """Mark a name that stands just before a title as an office's field (offices.py), unless
    a dictionary knows it or a stronger cue types it."""
    if head.org_type in _WEAKER_THAN_OFFICE and head.key not in known:
        head.org_type = OFFICE


# "stock market", "stock index": compound nouns whose first word is a company's cue alone
# ("Sony stock"); a name before the compound qualifies a market ("European stock markets").
_MARKET_NOUNS = frozenset(("market", "markets", "exchange", "exchanges", "index", "indexes",
                           "indices"))


def _stock_market(text: str, end: int, noun: str) -> bool:
    """Whether `noun` ("stock"), after a name ending at `end`, begins a market's compound
    noun: "European stock markets" is no company's stock."""
    if noun != "stock":
        return False
    return _next_noun(text, end + 1 + len(noun)) in _MARKET_NOUNS


def _next_noun(text: str, end: int) -> str:
    """The lower-case word right after a name ending at `end`, "" if none."""
    following = _NEXT_WORD.match(text, end)
    return following.group(1) if following else ""


def _firms_start(text: str, surface: str) -> bool:
    """Whether the article writes `surface` before a body's word or a legal form ("Mark IV
    Industries Inc" beside "Mark IV said"): the name is the firm's short form."""
    needle = surface + " "
    at = text.find(needle)
    while at >= 0:
        word = _NEXT_NAME_WORD.match(text, at + len(needle))
        if word is not None and (low := word.group(1).lower().rstrip(".")) in ORG_CUES \
                or (word is not None and low in LEGAL_WORDS):
            return True
        at = text.find(needle, at + 1)
    return False


def _speech(text: str, end: int) -> bool:
    """Whether the word after a name ending at `end` is a verb of saying ("Blair said")."""
    after = text[end:end + 12].lower().split()
    return bool(after) and after[0].strip(",.") in SPEECH_VERBS


def _written_lower(word: str, text: str) -> bool:
    """Whether `text` writes `word` after a space and before a space or one of ",.;:". (One
    pass over the text: a name's key is rarely in it as it is, and where it is, the
    character after it is read there, rather than the text searched once for each.)"""
    if len(text) >= LONG and " " not in word and _LOWER_ENDS.isdisjoint(word):
        return word in lower_ended_words(text)  # (one pass for all the names: long_text.py)
    needle = f" {word}"
    after = len(needle)
    at = text.find(needle)
    while at >= 0:
        if text[at + after:at + after + 1] in _LOWER_ENDS:
            return True
        at = text.find(needle, at + 1)
    return False


# A capitalised word next after a name: the name goes on ("... of BankAmerica Corp").
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")


def _spaced(word: str, text: str) -> bool:
    """Whether `text` writes `word` between spaces (a search of a long text per name made
    `_resolve_in_article` quadratic: long_text.py)."""
    if len(text) >= LONG and " " not in word:
        return word in spaced_words(text)
    return f" {word} " in text


_LOWER_ENDS = frozenset(" ,.;:")
# Of this many words on, one pass over the text serves them all (fewer: a search each; the
# pass costs about as much as 17 searches, whatever the text's length).
_ONE_PASS_FROM = 18
# The text's bytes with the characters that may end a lower-case word as spaces.
_ENDS_AS_SPACES = bytes.maketrans(b",.;:", b"    ")


def _written_lower_of(words: set[str], text: str) -> set[str]:
    """The words of `words` that `_written_lower` says `text` writes. For many words, one
    pass over the text first: a word it writes so is, in its UTF-8 bytes with ",.;:" made
    spaces, one of the pieces between spaces (the space before it stays, what ends it is
    made one); only those pieces' words (and any word holding an end itself) are searched
    for, most of an article's names being written in lower case nowhere."""
    if len(words) < _ONE_PASS_FROM or len(text) >= LONG:
        return {w for w in words if _written_lower(w, text)}
    plain = {w.encode("utf-8", "surrogatepass"): w for w in words if _LOWER_ENDS.isdisjoint(w)}
    # (The pieces looked up in the words, not gathered in a set of their own.)
    pieces = text.encode("utf-8", "surrogatepass").translate(_ENDS_AS_SPACES).split(b" ")
    maybe = [plain[b] for b in plain.keys() & pieces]
    maybe += [w for w in words if not _LOWER_ENDS.isdisjoint(w)]
    return {w for w in maybe if _written_lower(w, text)}


def _datelines(text: str) -> list[tuple[int, int]]:
    """The spans of `DATELINE.finditer(text, 0, DATELINE_REACH)` that start by the third
    line, found by trying the pattern only at the starts of those lines: each of its
    matches starts a line (`^`) and stays in it, so they are the same, without the pattern
    tried at every character of the first 400."""
    third = _third_line(text)
    out = []
    at = 0
    while at <= third and at < DATELINE_REACH:
        found = text.find("\n", at, DATELINE_REACH)
        # (Only a line with a dash or a colon before a space may hold one: most lines of
        # wire copy have none, and the pattern is not tried there.)
        if _DATELINE_END.search(text, at, found if found >= 0 else DATELINE_REACH):
            m = DATELINE.match(text, at, DATELINE_REACH)
            if m:
                out.append(m.span())
        if found < 0:
            break
        at = found + 1
    return out


# How every match of `DATELINE` ends, on the line it starts (none of its parts reads a line
# end): a line with none of these pairs before the reach holds no match.
_DATELINE_END = re.compile(r"[-–—:][ \t]")


# How far into a text a dateline's dash may stand ("Pyongyang, August 3 (KCNA) --").
_DATELINE_FIRST = 160
# A dateline's end: its agency's bracket or its date's day, then a dash ("(KCNA) --",
# "(Reuters) -", "March 3 -").
_DATELINE_DASH = re.compile(r"[)\d] ?(?:--|[-–—]) ?$")


def _after_dateline(text: str, start: int) -> bool:
    """Whether the word at `start` follows a dateline's dash: the first of its sentence
    ("Pyongyang, August 3 (KCNA) -- Following are ...": "Following" was an actor of 140
    articles of an outside tester's KCNA corpus)."""
    return text[start - 1:start] == " " and \
        _DATELINE_DASH.search(text, max(0, start - 6), start - 1) is not None


def _third_line(text: str) -> int:
    """Where an article's third line starts (a dateline stands in the first two or three)."""
    at = 0
    for _ in range(3):
        found = text.find("\n", at)
        if found < 0:
            return len(text)
        at = found + 1
        while at < len(text) and text[at] == "\n":
            at += 1
    return at
