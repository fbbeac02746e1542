"""Names that are not actors, told from the name itself: holidays, awards, time zones,
currencies and common-noun acronyms (generic English lists, not any corpus's), and names
whose head noun says they are an event, an agreement, a document, a scheme or a market
index ("World Cup", "Kyoto Protocol", "Joint Comprehensive Plan of Action", "Export
Enhancement Program", "Nasdaq Composite Index"; a body named so, as the UN's World Food
Programme, is a dictionary's). The head noun is the word before a name's first "of", else
its last word ("Treaty of Rome", "Nobel Peace Prize"). Also a disease or its pathogen
("Covid-19", "SARS-CoV-2", "Ebola virus"), a doctrine by its ending ("Socialism"), a
deity ("God", "Allah"), a named storm ("Cyclone Pam"), an instrument or a vaccine by its
head noun ("James Webb Space Telescope"), a lone noun of a state form ("the Kingdom",
"the Republic": said of Saudi Arabia, Jordan, Ireland, any country; the name it stands for
is the actor), a degree after a name ("MD", "PhD"), a stage of a
plan by its number ("Stage Four", "Phase 2") and a leaving blended into one word ("Brexit")."""

from __future__ import annotations

import re
from functools import lru_cache

from newsdesk.index.actors.names import KEYS_CACHED, asks_caches


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Days of the year and religious festivals.
HOLIDAYS = _words("""
christmas xmas easter ramadan ramadhan eid passover hanukkah hanukah chanukah diwali
thanksgiving halloween lent advent pentecost epiphany nowruz norouz navruz muharram ashura
hajj kwanzaa valentine valentines yom kippur purim vesak holi
""")
AWARDS = _words("""
oscar oscars grammy grammys grammies emmy emmys bafta baftas nobel pulitzer
""")
TIME_ZONES = _words("""gmt bst utc est edt cst cdt mst mdt pst pdt cet cest eet eest ist jst
aest aedt acst acdt awst nzst nzdt hkt sgt""")  # (Australia's, New Zealand's, Asia's)
# Acronyms that name things, not actors (a "PC", "an MP", "the GDP", a price "FOB": free on
# board, and "CIF", the trade terms of commodity prices; a company's "EPS", "CAGR", its
# "VP", a quarter or half of its year "Q1", "H2"; India's "CM", its chief minister).
COMMON_ACRONYMS = _words("""
pc pcs tv tvs dvd dvds cd cds ceo ceos cfo coo cto gdp gnp ipo ipos sms mms mp3 url urls
html www faq diy atm atms suv suvs hiv aids sars dna rna id pin pins ok am pm ad bc ufo vip
vips hq pr rip tba aka gps usb lcd led wifi pda pdas mp mps mep meps msp msps qc bbq iq
fob cif
eps cagr ebitda yoy vp svp evp cm cms q1 q2 q3 q4 h1 h2
cctv ppe icu icus ivf ptsd adhd mri hgv hgvs lgv gcse gcses
""")
# Common nouns written as two letters glued by "&", one name's token each (extract.py's
# `_glued_and`): "a Q&A", "R&D spending", "M&A deals", "R&B singer", "a B&B", "the P&L".
# (Their keys: a space for the "&".)
GLUED_NOUNS = frozenset(("q a", "r d", "m a", "r b", "b b", "p l"))
# Currencies and credit ratings ("Rs", India's and Pakistan's rupees: "Rs 50 crore").
MONEY = _words("""
ecu ecus euro euros yen sterling peso pesos rouble roubles ruble rubles rupee rupees franc
francs lira lire dinar dinars riyal riyals yuan renminbi aaa aa baa bbb rs
""")
# Common nouns written with a capital ("the Internet", "the Web"): a medium, no actor.
CAPITALISED_NOUNS = _words("internet web")
# Diseases and pathogens (generic English names; "cov" of "SARS-CoV-2"): what an article
# is about, never who acts ("Covid" had more cues of an organisation than of anything).
DISEASES = _words("""
covid coronavirus coronaviruses cov ebola malaria cholera measles polio poliomyelitis zika
mers influenza tuberculosis dengue mpox monkeypox smallpox anthrax typhoid hepatitis rabies
leprosy chikungunya diphtheria tetanus pertussis rubella
""")
# Head nouns of a disease's name ("Lassa Virus", "Spanish Flu", "Covid Pandemic"): a name
# ending so names no actor ("fever" is left out: "Indiana Fever" is a team).
DISEASE_HEADS = _words("virus viruses disease diseases syndrome pandemic epidemic flu")
# A name right before one of these lower-case nouns names a condition ("Alzheimer's
# disease", "Parkinson's disease", "Down syndrome", "Lyme disease"): the extractor marks it
# (`CONDITION`, a weak cue), and the cluster step drops a name so used in three mentions
# and a fifth of them at least (`names_condition`), as it does an event's.
CONDITION = "condition"
CONDITION_NOUNS = frozenset(("disease", "diseases", "syndrome", "disorder", "disorders",
                             "virus"))
CONDITION_AFTER = tuple(f" {w}" for w in CONDITION_NOUNS)  # (a first test, no match made)


def names_condition(conditions: int, mentions: int) -> bool:
    """A name with a condition's cue in three of its mentions and a fifth of them at
    least."""
    return conditions >= 3 and conditions * 5 >= mentions


# A deity is worshipped, quoted, invoked: not an actor of the news (alone only: "Party of
# God", "Church of God" are bodies).
DEITIES = _words("god gods goddess allah almighty")
# A religion, or its word for its faithful or its adjective, alone ("Christianity",
# "Muslim", "Shiites", "the Catholics"): a faith or a community of believers, not one actor (in a
# name it stays: "Muslim Brotherhood", "Christian Democrats", "Catholic Church"). World
# knowledge, as the gold of the seeds judges it ("Shia: a religious community, not one
# actor"); "Muslim" was #47 of a Wikinews corpus's actors, typed party.
FAITHFUL = _words("""
muslim muslims moslem moslems islamic christian christians catholic catholics protestant
protestants evangelical evangelicals hindu hindus sikh sikhs buddhist buddhists jew jews
jewish sunni sunnis shia shias shiite shiites atheist atheists mormon mormons
christianity catholicism protestantism judaism hinduism sikhism buddhism atheism
""")
# ("Islam" is not: a surname as well, "Mohammed Islam".)
# A lone generic noun of a state form stands for a country the article names otherwise
# ("the Kingdom" for Saudi Arabia or Jordan): by itself it names no one actor (in a name it
# stays: "United Kingdom", "Kingdom of Saudi Arabia"). "Commonwealth" and "Union" alone
# are bodies' short names, "Emirates" an airline's: not here.
STATE_FORMS = _words("""
kingdom kingdoms republic republics emirate sultanate principality caliphate monarchy
federation confederation duchy dominion
""")
NOT_ACTORS = HOLIDAYS | AWARDS | TIME_ZONES | COMMON_ACRONYMS | MONEY | CAPITALISED_NOUNS \
    | GLUED_NOUNS
# A point of the compass alone ("the West", "the South"): a direction or a vague bloc, not
# one actor or place (inside a name it stays: "North West", "Middle South Utilities").
COMPASS = _words("north south east west northeast northwest southeast southwest")

# Head nouns of events, agreements, awards and documents.
EVENT_NOUNS = _words("""
cup open games olympics olympiad championship championships tournament trophy prize prizes
award awards festival summit conference convention treaty treaties accord accords
agreement agreements pact protocol charter act bill budget plan deal doctrine declaration
resolution memorandum election elections referendum war wars revolution uprising intifada
crisis massacre day days week weekend year eve season marathon series derby final finals
prix bowl bowls slam expo exhibition ceremony premiership show shows program programs
programme programmes
scheme schemes initiative initiatives constitution constitutions amendment amendments
""")
# Head nouns of market indices and other figures ("Nasdaq Composite Index", "Dow Jones
# Industrial Average", "Shanghai Composite", "Consumer Price Index", "Reuters Estimates"):
# not actors (the exchange or the publisher is one by its own name: Nasdaq, Dow Jones).
INDEX_NOUNS = _words("index indices indexes average averages composite estimate estimates")
_OF = re.compile(r" o[fn] ")
_FLU_SUBTYPE = re.compile(r"h[0-9]{1,2}n[0-9]{1,2}")


def head_noun(key: str) -> str:
    """The word a name is a kind of: before its first "of" or "on" ("General Agreement on
    Tariffs and Trade"), else its last word."""
    return _head_noun_kept(key) if asks_caches() else _head_noun(key)


def _head_noun(key: str) -> str:
    found = _OF.search(key)
    words = (key[:found.start()] if found else key).split()
    return words[-1] if words else ""


_head_noun_kept = lru_cache(maxsize=1 << 16)(_head_noun)
head_noun.cache_info = _head_noun_kept.cache_info  # type: ignore[attr-defined]
head_noun.cache_clear = _head_noun_kept.cache_clear  # type: ignore[attr-defined]
head_noun.__wrapped__ = _head_noun  # type: ignore[attr-defined]  # (uncached, as lru_cache's)


def _flu_subtype(word: str) -> bool:
    return word[0] == "h" and _FLU_SUBTYPE.fullmatch(word) is not None


# (One lookup each in the sets `not_actor` asks of every key: it is asked of tens of
# thousands of keys each clustering.)
# Degrees and post-nominal letters after a person's name ("Dennis Crawford, MD, PhD",
# "Cuilin Zhang, Ph.D.", "FACC"): a qualification, no actor. Generic English letters of
# medicine, science and the law (not "MA", "MS", "DO", "PA": Jack Ma, Microsoft's MS, "do").
POST_NOMINALS = _words("""
md mds phd phds ph dphil drph dsc scd msc bsc mph msph mba mpa jd llb llm edd psyd pharmd
dds dmd dvm rn bsn msn dnp aprn lpn lcsw mbbs frcp frcs frcpc mrcp facp facs facc faha
faap facep facog fache fasco
""")
# A Roman numeral alone: a trial's phase ("phase III"), a regnal or family suffix
# ("John Smith III"), a sequel's number; no actor ("III" and "II" were #61 and #69 of a
# health-news corpus's actors). Not "I", "V", "X": a pronoun, letters; not "XI": Xi Jinping's
# surname folded.
ROMAN_NUMERALS = _words("ii iii iv vi vii viii ix xii xiii xiv xv xvi")
# The planet alone ("life on Earth", "the Earth's orbit"): a place of everyone, no actor (in a
# name it stays: "Friends of the Earth", "Google Earth").
PLANET = _words("earth")
# A racial or ethnic group's word alone ("Black employees", "Hispanic voters", "the
# Latino vote"): a community, not one actor, as a faith's is (in a name it stays: "Black
# Lives Matter", "White House", "Jack Black"; alone with a person's cue, "Mr White said",
# it is a surname: cluster._live asks). "Black" was #17 of a headline corpus's actors,
# typed media; "Indigenous", #14 of Canadian business news's, typed party. "Islam" too,
# a faith's name that is a surname as well ("Mohammed Islam"): alone with no person's cue,
# the faith ("in Islam" made it a place of FNC-1's news, 73 articles).
GROUPS = _words("black blacks white whites hispanic hispanics latino latinos latina latinas "
                "latinx indigenous aboriginal aboriginals aborigine aborigines islam")
# Head nouns of instruments, craft and vaccines ("James Webb Space Telescope", "Mars
# Reconnaissance Orbiter", "Moderna Vaccine"): a thing made, no actor (its maker or
# operator is one by its own name: NASA, Moderna). Generic English.
ARTEFACT_NOUNS = _words("telescope telescopes spacecraft satellite satellites rover rovers "
                        "lander landers orbiter orbiters vaccine vaccines")
# A stage of a plan by its number ("Stage Four", "Phase 2", "Tier Three", "Level 4"): a
# step of restrictions or of a project, no actor. Two words only: "Phase One Capital" is a
# firm's name, and its head noun is another.
PHASE_NOUNS = _words("stage stages phase phases tier tiers level levels step steps")
# A class of motor racing by its number ("Formula One", "Formula 1", "Formula Three"): a
# sport and its championship, no actor (its teams and its governing body are, by their
# own names). Two words only: "Formula One Group" is a firm's name.
RACING_FORMULA = "formula"
PHASE_NUMBERS = _words("""
one two three four five six seven eight nine ten 1 2 3 4 5 6 7 8 9 10 1a 1b 2a 2b 3a 3b 4a 4b
i ii iii iv v
""")
# Head nouns of a sports fixture that no body takes: cricket's "Test" alone, "the second
# Test", "the Boxing Day Test", "the Sydney Test" (a day's or a ground's name before it);
# a test is a match, a trial or an exam, never who acts. ("Match" and "Game" are not:
# Match Group, GameStop's "Game" are firms' names.)
FIXTURE_NOUNS = _words("test tests")
# A research project's head noun as a name's last word ("Nurses' Health Study", "Women's
# Health Study", "Framingham Heart Study"): a study, never who acts (its investigators and
# funders are named apart). Not after "of": "Institute for the Study of War" is a body.
STUDY_NOUNS = _words("study studies")
# A named storm ("Cyclone Pam", "Tropical Cyclone Harold", "Hurricane Katrina", "Super
# Typhoon Haiyan", "Storm Ciara"; "TC Harold", the Pacific and Australian press's
# abbreviation of "tropical cyclone"): weather, no actor (Vanuatu and Tonga news listed
# "TC Harold" and "Cyclone Ian" among their top 40). The storm's noun, then its one name:
# "Tropical Cyclone Warning Centre" is a body.
STORM_NOUNS = _words("cyclone hurricane typhoon storm superstorm tc")
STORM_LEADS = _words("tropical super severe")
# (A first test of a key, no split: the words a named storm's key can start with.)
STORM_NOUN_STARTS = tuple(sorted(f"{w} " for w in STORM_NOUNS | STORM_LEADS))
# A law's last word: after "of" too it makes the name a law's, not a body's.
LAWS = _words("act acts")
# Texts named by what they are on: "Convention on the Rights of the Child", "Treaty on the
# Non-Proliferation of Nuclear Weapons", "Declaration on the Rights of Indigenous Peoples".
INSTRUMENTS = _words("""
convention conventions treaty treaties covenant covenants charter declaration protocol
resolution directive regulation regulations act bill
""")
_ALONE = COMPASS | STATE_FORMS | DEITIES | FAITHFUL | POST_NOMINALS | ROMAN_NUMERALS | PLANET
_LAST = EVENT_NOUNS | INDEX_NOUNS | DISEASES | DISEASE_HEADS | ARTEFACT_NOUNS | LAWS \
    | FIXTURE_NOUNS


def _storm(words: list[str]) -> bool:
    """A named storm: "cyclone pam", "tropical cyclone harold", "tc harold" (`STORM_NOUNS`)."""
    first = 0
    while first < 2 and first < len(words) and words[first] in STORM_LEADS:
        first += 1  # ("severe tropical cyclone")
    return len(words) == first + 2 and words[first] in STORM_NOUNS


def storm_name(key: str) -> str | None:
    """A named storm's own name ("harold" of "tc harold"), or None."""
    words = key.split()
    return words[-1] if words and _storm(words) else None


def _phase(words: list[str]) -> bool:
    """A stage of a plan by its number: "stage four", "phase 2" (`PHASE_NOUNS`); a class of
    motor racing: "formula one" (`RACING_FORMULA`)."""
    return len(words) == 2 and (words[0] in PHASE_NOUNS or words[0] == RACING_FORMULA) \
        and words[1] in PHASE_NUMBERS


def _exit_blend(word: str) -> bool:
    """A country's or a person's leaving blended into one word ("Brexit", "Grexit",
    "Megxit"): a process or a campaign, no actor. The blend ends in "xit" after a letter
    of the name; "exit" alone and "Brexiteer" (a person) are not it."""
    return len(word) >= 5 and word.endswith("xit") and word != "exit"


def _doctrine(word: str) -> bool:
    """A noun of a doctrine, a movement or a prejudice by its English ending ("Marxism",
    "Socialism", "Zionism", "Semitism" of "anti-Semitism"): an idea, no actor; not a thing
    of "-anism" ("Mechanism": the European Stability Mechanism is a body; "Organism")."""
    return len(word) >= 6 and word.endswith(("ism", "isms")) \
        and not word.endswith(("anism", "anisms"))


def not_actor(key: str) -> bool:
    """Whether a name key, by itself, names something other than an actor: the kinds
    above; a disease's name by its head noun ("Covid", "Lassa Virus", "H1N1"), a number
    after it aside ("Covid 19", "SARS-CoV-2"), not a body named after one ("National
    Institute of Allergy and Infectious Diseases": its head is "institute")."""
    return _not_actor_kept(key) if asks_caches() else _not_actor(key)


def _not_actor(key: str) -> bool:
    words = key.split()
    if not words:
        return True
    last = words[-1]
    if key in NOT_ACTORS or last in NOT_ACTORS:  # "Merry Christmas", "Mobile PC"
        return True
    if key in _ALONE:
        return True
    if _doctrine(head_noun(key)):  # "European Socialism", "Zionism"
        return True
    if _phase(words) or _exit_blend(last) or _storm(words):  # "Stage Four", "Brexit",
        return True  # "Hard Brexit", "Cyclone Pam"
    if len(words) > 1 and words[-2] == "currency":  # "European Currency Unit(s)"
        return True
    if " on " in key and head_noun(key) in INSTRUMENTS:  # "European Convention on Human
        return True  # Rights": a text's head says it (not "War on Want", "General Agreement
        # on Tariffs and Trade": a charity, a body as news writes it)
    if " of " not in key:  # most names: the head noun is the last word (no call for it)
        if last.isdigit() and len(words) > 1:  # "covid 19", "sars cov 2"
            named = next((w for w in reversed(words) if not w.isdigit()), last)
            return named in DISEASES or named in DISEASE_HEADS or _flu_subtype(named)
        return last in _LAST or last in STUDY_NOUNS or (last[0] == "h" and _flu_subtype(last))
    head = head_noun(key)
    # "World Cup", "Budget", "Index of", "Epidemic of"; a law whose name's first noun is
    # its aim ("Defense of Marriage Act", "Freedom of Information Act"): its last word says it
    return head in _LAST or last in LAWS


# (Asked of every key each clustering, a patch's each round; as many as names.py's, and
# like them asked uncached by a clustering of more keys than they hold: names.keys_cached.)
_not_actor_kept = lru_cache(maxsize=KEYS_CACHED)(_not_actor)
not_actor.cache_info = _not_actor_kept.cache_info  # type: ignore[attr-defined]
not_actor.cache_clear = _not_actor_kept.cache_clear  # type: ignore[attr-defined]
not_actor.__wrapped__ = _not_actor  # type: ignore[attr-defined]  # (uncached, as lru_cache's)
