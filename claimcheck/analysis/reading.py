"""A structured reading of each claim, from a dependency parse (spaCy, en_core_web_sm).

Computed once at ingest and stored with ANALYSIS_VERSION, so verifiers compare parts (what is measured,
by whom, with which polarity) instead of re-reading text. Figures and dates come from `quantities`
(number words, qualifiers as intervals, units); the parse attaches each one to what it measures.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimcheck.analysis.order import order_in
from claimcheck.analysis.parser import nlp, parse
from claimcheck.analysis.quantities import (
    DEATH_CUES,
    INJURY_CUES,
    MEASURE_KINDS,
    NUMBER_WORD,
    PEOPLE,
    TALLY_NOUNS,
    DateMention,
    Quantity,
    Tally,
    extract,
    parse_number_words,
)
from claimcheck.analysis.stances import Stance, stances_in
from claimcheck.analysis.syntax import (
    hypothetical,
    is_content,
    is_root,
    main_predicate,
    negated,
    phrase,
    subject_of,
)
from claimcheck.analysis.terms import CALENDAR, stem
from claimcheck.records import Claim, Document

ANALYSIS_VERSION = 10
DATA = Path(__file__).parents[1] / "data"
CODE = re.compile(
    r"[A-Za-z]{1,3}-?\d{1,6}"
)  # identifiers: flights, bills, cases, routes, quarters
ORDINAL_SUFFIXES = frozenset({"th", "st", "nd", "rd"})
CONTEXT_LABELS = frozenset({"GPE", "LOC", "ORG", "PERSON", "FAC", "EVENT", "PRODUCT"})
UNIT_WORDS = frozenset(
    map(
        stem,
        """percent percentage point points per cent dollar dollars euro euros pound pounds
    second minute hour day week month year decade""".split(),
    )
)
TALLY_UNITS = {
    **TALLY_NOUNS,
    "goal": "score",
    "point": "score",
}  # words that make "N to M" a tally, and its kind
TALLY_WORDS = frozenset(TALLY_UNITS)  # a tally's unit, not what it measures
_TALLY_SIDE = rf"(\d{{1,3}}|{NUMBER_WORD}|nil|none)"
WORD_TALLY = re.compile(
    rf"(?<!\bfrom )\b{_TALLY_SIDE}\s+(?:[a-z]+\s+)?to\s+{_TALLY_SIDE}\b", re.IGNORECASE
)


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [
        line.split("#")[0].strip()
        for line in text.splitlines()
        if line.split("#")[0].strip()
    ]


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The data files under claimcheck/data/, read once (see its README for what each is for)."""
    stance_verbs: dict[
        str, list[tuple[tuple[str, ...], int]]
    ] = {}  # verb -> (particles it needs, side)
    connectives: dict[
        str, list[tuple[tuple[str, ...], int]]
    ] = {}  # first word -> (words, side)
    for line in _lines("stance.txt"):
        sign, *words = line.split()
        side = 1 if sign.startswith("+") else -1
        if sign.endswith("prep"):
            connectives.setdefault(words[0], []).append((tuple(words), side))
        else:
            stance_verbs.setdefault(words[0], []).append((tuple(words[1:]), side))
    antonyms: dict[str, set[str]] = {}
    for line in _lines("antonyms.txt"):
        first, second = line.split()
        antonyms.setdefault(first, set()).add(second)
        antonyms.setdefault(second, set()).add(first)
    return {
        "stance": stance_verbs,
        "connectives": connectives,
        "antonyms": antonyms,
        "modality": frozenset(_lines("modality.txt")),
        "reporting": frozenset(_lines("reporting.txt")),
        "negation": frozenset(_lines("negation.txt")),
        "repetition": frozenset(_lines("repetition.txt")),
        "order": {
            role: frozenset(
                w for r, w in map(str.split, _lines("order.txt")) if r == role
            )
            for role in ("before", "after", "first", "then")
        },
    }


# --- what a reading holds --------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A quantity and what it measures: "turnout was 61 percent" -> 61, percent, measures ("turnout",)."""

    value: float
    low: float
    high: float
    unit: str  # "percent", "usd", "duration" (minutes), "deaths", or the counted noun's stem
    measures: tuple[str, ...]  # stems of the words naming what is measured
    label: str  # those words as written, for explanations ("property taxes rise")
    # things: the nouns among the measures ("tax"); names: whose or where ("ohio" in "turnout in Ohio");
    # qualifiers: what the measured noun is about ("border", "policy" in "a ruling on border policy")
    text: str
    start: int
    end: int
    baseline: bool = (
        False  # the earlier value of a marked update: "from 4" in "climbed to 7 from 4"
    )
    things: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()

    def compatible(self, other: Figure) -> bool:
        return (
            max(self.low, other.low) < min(self.high, other.high)
            or self.value == other.value
        )


@dataclass(frozen=True)
class Count(Tally):
    """A tally ("a 7-2 vote", "seven to two", "won 3-1", "unanimous"), with what it counts, as for Figure."""

    things: tuple[str, ...] = ()  # what was voted on or played
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class When:
    """A date, resolved against the publication date where the text leaves it relative ("on Tuesday")."""

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    text: str
    start: int
    end: int
    event: str  # stem of the predicate the date belongs to ("meet")
    relative: bool = False  # only a weekday was written; the date was resolved from the publication date

    def compatible(self, other: When) -> bool:
        if (
            self.relative and other.relative
        ):  # "on Sunday" in two reports a week apart: same weekday, same day
            return self.weekday == other.weekday
        ours = DateMention(self.year, self.month, self.day, self.weekday, 0, 0, "")
        return ours.compatible(
            DateMention(other.year, other.month, other.day, other.weekday, 0, 0, "")
        )


@dataclass(frozen=True)
class Reading:
    version: int
    predicate: str  # stem of the main predicate (below any reporting verb)
    predicate_lemma: str
    subject: tuple[str, ...]  # stems of the main subject's words
    subject_names: tuple[str, ...]  # its proper nouns, lowercased
    object: tuple[str, ...]
    negated: bool
    hypothetical: bool  # would, may, plans to ...
    content: tuple[str, ...]  # content stems outside figures and dates, in order
    words: tuple[str, ...]  # the same words as written, lowercased
    names: tuple[str, ...]  # proper-noun phrases in the claim, lowercased
    figures: tuple[Figure, ...] = ()
    counts: tuple[Count, ...] = ()
    dates: tuple[When, ...] = ()
    stances: tuple[Stance, ...] = ()
    # what the claim's document is about: entity names, lowercased
    context: tuple[str, ...] = ()
    # the main subject as written, for explanations
    label: str = ""
    # named fillers of the main predicate's venue, place and agent: "at:fort wainwright"
    roles: tuple[str, ...] = ()
    # who does it, passives undone: "rejected by voters" -> ("voter",)
    actor: tuple[str, ...] = ()
    # what it is done to: "The referendum was rejected" -> ("referendum",)
    patient: tuple[str, ...] = ()
    # "rose again", "also fell": another occurrence, not the same event
    repeated: bool = False
    # the predicate, or its adjective complement: "remain open" -> "open"
    outcome: str = ""
    # the subject is one more of its kind: "a second flight", "another strike"
    another: bool = False
    # two things in order, earlier first: "a ceasefire before talks" -> ((ceasefir,), (talk,))
    order: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping) -> Reading:
        parts = {"figures": Figure, "counts": Count, "dates": When, "stances": Stance}
        values: dict[str, Any] = {
            key: (
                tuple(parts[key](**item) for item in value)
                if key in parts
                else tuple((tuple(first), tuple(then)) for first, then in value)
                if key == "order"
                else tuple(value)
                if isinstance(value, list)
                else value
            )
            for key, value in data.items()
        }
        return cls(**values)


@dataclass(frozen=True)
class Context:
    """What a document is about: entities of its headline and lead, its dateline and publication date."""

    about: tuple[str, ...] = ()
    dateline: str | None = None
    published: str | None = None
    headline: str | None = None


# --- contexts and readings -------------------------------------------------------------------------


def document_contexts(documents: Sequence[Document]) -> dict[str, Context]:
    """Each document's context, from named entities in its headline and first paragraph. A document without
    a headline has no lead apart from its claims, so only its dateline says what it is about."""
    from claimcheck.ingest.claims import dateline_of, headline_and_lead

    parts = [headline_and_lead(document) for document in documents]
    headlined = [
        (d, h, lead) for d, (h, lead) in zip(documents, parts, strict=True) if h
    ]
    parsed = nlp().pipe((f"{h}\n{lead}" for _, h, lead in headlined), batch_size=64)
    found = {
        document.id: _headline_entities(doc)
        for (document, _, _), doc in zip(headlined, parsed, strict=True)
    }  # a document without a headline is not parsed here: what it names is not what it is about
    contexts = {}
    for document, (headline, lead) in zip(documents, parts, strict=True):
        source = _entity_key(document.source)
        about: list[
            str
        ] = []  # the headline's entities first: the first is what the document is about
        dateline = dateline_of(lead)
        for name in found.get(document.id, []) + [_entity_key(dateline or "")]:
            if name and name not in about and name != source:
                about.append(name)
        contexts[document.id] = Context(
            tuple(about), dateline, document.published, headline
        )
    return contexts


def _headline_entities(doc) -> list[str]:
    """The entities, names and codes of a parsed headline and lead, the headline's first."""
    headline_end = next((t.i for t in doc if "\n" in t.text), len(doc))
    entities = [
        (e.start < headline_end, _entity_key(e.text))
        for e in doc.ents
        if e.label_ in CONTEXT_LABELS
    ]
    names = [(True, name) for name in _names(doc[:headline_end])]
    names += [
        (t.i < headline_end, t.lower_)
        for t in doc
        if CODE.fullmatch(t.text) and t.text[0].isupper()
    ]
    return [name for _, name in sorted(entities + names, key=lambda item: not item[0])]


def _entity_key(text: str) -> str:
    words = [
        w
        for w in re.findall(
            r"[\w’'.-]+", text.lower().replace("’s", "").replace("'s", "")
        )
        if w not in ("the", "a", "an")
    ]
    return " ".join(words)


def read_claims(
    claims: Sequence[Claim], contexts: Mapping[str, Context] | None = None
) -> list[Reading]:
    """The reading of each claim, in order; `contexts` maps document ids to their Context."""
    contexts = contexts or {}
    docs = parse(claim.text for claim in claims)
    return [
        _read(claim, doc, contexts.get(claim.document, Context()))
        for claim, doc in zip(claims, docs, strict=True)
    ]


def _read(claim: Claim, parsed, context: Context) -> Reading:
    vocab = vocabulary()
    doc = list(parsed)  # tokens, made once: iterating a Doc creates every Token again
    main = main_predicate(doc, vocab["reporting"])
    subject = subject_of(main) if main is not None else None
    mentions = extract(claim.text)
    spans = [
        (m.start, m.end)
        for group in (mentions.quantities, mentions.tallies, mentions.dates)
        for m in group
    ]

    def in_figure(token) -> bool:
        return any(s <= token.idx < e for s, e in spans)

    clause = (
        set(t.i for t in main.subtree)
        if main is not None and main.dep_ != "ROOT"
        else None
    )
    content_tokens = [
        t
        for t in doc
        if is_content(t)
        and not in_figure(t)
        and t.lemma_.lower() not in vocab["reporting"]
        and t.lower_ not in CALENDAR
        and (clause is None or t.i in clause)
    ]
    subject_words = sorted(
        (
            w
            for part in ([subject, *subject.conjuncts] if subject is not None else [])
            for w in phrase(part)
        ),
        key=lambda t: t.i,
    )
    objects = (
        [c for c in main.children if c.dep_ in ("dobj", "attr", "acomp", "oprd")]
        if main is not None
        else []
    )
    published = _parse_date(claim.published or context.published)
    counts = _counts(mentions.tallies, claim.text, doc)
    return Reading(
        version=ANALYSIS_VERSION,
        predicate=stem(main.text) if main is not None else "",
        predicate_lemma=main.lemma_.lower() if main is not None else "",
        subject=tuple(stem(t.text) for t in subject_words if is_content(t)),
        subject_names=tuple(_subject_names(subject)) if subject is not None else (),
        object=tuple(stem(t.text) for o in objects for t in phrase(o) if is_content(t)),
        negated=negated(main, vocab["negation"]) if main is not None else False,
        hypothetical=hypothetical(main, vocab["modality"])
        if main is not None
        else False,
        content=tuple(stem(t.text) for t in content_tokens),
        words=tuple(t.lower_ for t in content_tokens),
        names=tuple(_names(doc)),
        figures=tuple(
            _figure(q, doc)
            for q in mentions.quantities
            if q.unit not in ORDINAL_SUFFIXES
            and not any(c.start <= q.start < c.end for c in counts)
            and not _ordinal(q, doc)
            and not _names_a_thing(q, doc)
        )
        + tuple(_denied(doc)),
        counts=tuple(counts),
        dates=tuple(_when(d, doc, published) for d in mentions.dates),
        stances=tuple(stances_in(doc, claim.speaker, vocab)),
        order=tuple(order_in(doc, vocab["order"])),
        context=context.about,
        label=" ".join(t.text for t in subject_words) if subject_words else "",
        roles=tuple(_roles(main)) if main is not None else (),
        **_logical_roles(main, subject_words, objects),
        repeated=main is not None and _repeated(main, vocab["repetition"]),
        outcome=_outcome(main) if main is not None else "",
        another=any(
            t.lower_ in ("another", "other") or (t.pos_ == "ADJ" and t.like_num)
            for t in subject_words
        ),
    )


def _outcome(predicate) -> str:
    """What the predicate says happens or holds: its adjective complement where it has one ("will remain
    open", "found him guilty", "stayed closed"), else its own lemma."""
    complement = (
        next(
            (
                c
                for c in predicate.children
                if c.pos_ == "ADJ" and c.dep_ in ("acomp", "oprd", "ccomp", "xcomp")
            ),
            None,
        )
        or next(  # an adjective after the object: "found Whitcombe, the former director, guilty"
            (
                c
                for o in predicate.children
                if o.dep_ == "dobj"
                for c in o.children
                if c.pos_ == "ADJ" and c.dep_ == "amod" and c.i > o.i
            ),
            None,
        )
    )
    return (complement or predicate).lemma_.lower()


def _names_a_thing(quantity: Quantity, doc) -> bool:
    """ "Highway 12": the number is part of a name (see _identifier), no figure."""
    tokens = [t for t in doc if quantity.start <= t.idx < quantity.end]
    return len(tokens) == 1 and not quantity.unit and _identifier(tokens[0])


def _ordinal(quantity: Quantity, doc) -> bool:
    """ "a second blow": the parser reads the unit word as an adjective, so it is no duration."""
    tokens = [t for t in doc if quantity.start <= t.idx < quantity.end]
    return bool(tokens) and tokens[-1].pos_ == "ADJ" and not tokens[-1].is_digit


def _repeated(predicate, repetition: frozenset[str]) -> bool:
    """An adverb of repetition on the predicate or its auxiliaries' head: "rose again", "also fell"."""
    return any(c.lower_ in repetition for c in predicate.children if c.dep_ == "advmod")


def _logical_roles(predicate, subject_words: list, objects: list) -> dict:
    def stems(tokens) -> tuple[str, ...]:
        return tuple(stem(t.text) for t in tokens if is_content(t))

    if predicate is None:
        return {}
    subject, obj = stems(subject_words), stems(w for o in objects for w in phrase(o))
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in predicate.children):
        return {"actor": subject, "patient": obj}
    agents = [
        o
        for a in predicate.children
        if a.dep_ == "agent"
        for o in a.children
        if o.dep_ == "pobj"
    ]
    return {"actor": stems(w for o in agents for w in phrase(o)), "patient": subject}


def _roles(predicate) -> list[str]:
    """Who or where fills a role of the predicate, when a name does: the venue or place ("held at Fort
    Wainwright", "landed in Leeds") and the agent of a passive ("was won by Maria Lopes")."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in predicate.children)
    found = []
    for prep in predicate.children:
        if (
            prep.dep_ == "prep"
            and (prep.lower_ in ("at", "in") or (prep.lower_ == "by" and passive))
            or prep.dep_ == "agent"
        ):
            for obj in prep.children:
                names = [
                    t.text.lower()
                    for t in phrase(obj)
                    if t.pos_ == "PROPN" and t.lower_ not in CALENDAR
                ]
                if obj.dep_ == "pobj" and names:
                    found.append(
                        f"{'by' if prep.dep_ == 'agent' else prep.lower_}:{' '.join(names)}"
                    )
    return found


def _subject_names(subject) -> list[str]:
    """Names in the subject, one phrase per conjunct, with those of its prepositional modifiers:
    "Donald J. Trump and Vladimir Putin" -> ["donald j. trump", "vladimir putin"];
    "the summit in Geneva" -> ["geneva"]."""
    found = []
    for part in [subject, *subject.conjuncts]:
        words = [w for w in phrase(part) if w.pos_ == "PROPN"]
        following = part.doc[part.i + 1] if part.i + 1 < len(part.doc) else None
        if following is not None and _identifier(following):  # "Highway 12"
            words = (
                [*words, part, following]
                if part.pos_ != "PROPN"
                else [*words, following]
            )
        words += [
            w
            for p in part.children
            if p.dep_ == "prep"
            for o in p.children
            if o.dep_ == "pobj"
            for w in phrase(o)
            if w.pos_ == "PROPN" and w.lower_ not in CALENDAR
        ]
        found += _name_phrases(words)
    return list(dict.fromkeys(found))


def _name_phrases(tokens) -> list[str]:
    """Adjacent proper nouns joined: [Donald, J., Trump, Putin] -> ["donald j. trump", "putin"] (by position)."""
    tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    phrases: list[list] = []
    for token in tokens:
        if phrases and token.i == phrases[-1][-1].i + 1:
            phrases[-1].append(token)
        else:
            phrases.append([token])
    return [" ".join(t.lower_ for t in phrase) for phrase in phrases]


def _names(doc) -> list[str]:
    """Runs of proper nouns, with a capitalised noun that names one ("Measure B", "Storm Hollis"), an
    identifier's number ("Highway 12") and an initial's full stop dropped ("Measure B.")."""
    numbers = {t.i for t in doc if _identifier(t)}
    names, run = [], []
    for token in [*doc, None]:
        if (
            token is not None
            and (
                token.pos_ == "PROPN"
                or token.i in numbers
                or token.pos_ == "NOUN"
                and token.text[:1].isupper()
                and (
                    token.dep_ == "compound"
                    and token.head.pos_ == "PROPN"
                    or token.i + 1 in numbers
                )
            )
            and token.text.rstrip(".").isalnum()
            and token.lower_ not in CALENDAR
        ):
            run.append(token.text.rstrip("."))
            continue
        if run:
            name = " ".join(run).lower()
            if name not in names:
                names.append(name)
            run = []
    return names


def _identifier(token) -> bool:
    """A number that names its capitalised noun rather than counting: "Highway 12", "Flight 93"; not
    "Friday 14 people" (it counts the noun after it)."""
    if token.tag_ != "CD" or not token.text.isdigit() or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    counts_next = token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN")
    return (
        before.pos_ in ("NOUN", "PROPN")
        and before.text[:1].isupper()
        and before.lower_ not in CALENDAR
        and not counts_next
    )


def _tokens_in(doc, start: int, end: int) -> list:
    """The tokens of a character span, its syntactic head (the one attached outside it) last."""
    tokens = [t for t in doc if start <= t.idx < end]
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or is_root(t)]
    return [t for t in tokens if t.i != heads[-1].i] + heads[-1:] if heads else tokens


@dataclass(frozen=True)
class Measurement:
    """What a figure or tally measures, from the parse (see Figure)."""

    measures: tuple[str, ...]
    label: str
    things: tuple[str, ...]
    names: tuple[str, ...]
    qualifiers: tuple[str, ...]


def _measurement(
    tokens: list, unit: str, unit_words: frozenset[str] = frozenset()
) -> Measurement:
    measured = _measured(tokens[-1]) if tokens else []
    own = {t.i for t in tokens}
    measured = [t for t in measured if t.i not in own]
    words = [
        t
        for t in measured
        if is_content(t)
        and stem(t.text) not in UNIT_WORDS | unit_words
        and t.pos_ not in ("NUM", "PROPN")
    ]  # names say whose, not what is measured
    words.sort(key=lambda t: t.i)
    nouns = [t for t in measured if t.pos_ == "NOUN"]
    predicates = [t for t in measured if t.pos_ == "VERB"]
    about = [
        o
        for t in nouns + predicates
        for p in t.children
        if p.dep_ == "prep" and p.lower_ != "of"
        for o in p.children
        if o.dep_ == "pobj" and o.i not in own
    ]
    names = _name_phrases(
        [w for t in measured + about for w in [t, *t.children] if w.pos_ == "PROPN"]
    )
    qualifiers = tuple(
        dict.fromkeys(
            stem(w.text)
            for o in about
            for w in phrase(o)
            if is_content(w) and w.pos_ == "NOUN" and stem(w.text) not in unit_words
        )
    )
    things = tuple(
        dict.fromkeys(
            stem(t.text)
            for t in words
            if t.pos_ == "NOUN" and stem(t.text) not in PEOPLE and stem(t.text) != unit
        )
    )
    return Measurement(
        tuple(dict.fromkeys(stem(t.text) for t in words)),
        " ".join(t.text for t in words),
        things,
        tuple(names),
        qualifiers,
    )


def _figure(quantity: Quantity, doc) -> Figure:
    low, high = quantity.interval()
    tokens = _tokens_in(doc, quantity.start, quantity.end)
    m = _measurement(tokens, quantity.unit)
    baseline = bool(tokens) and _attached_by(tokens[-1], "from")
    counted = next((t.head for t in tokens if t.dep_ == "nummod"), None)
    unit = quantity.unit
    if counted is not None and unit not in MEASURE_KINDS:
        unit = _casualties(counted) or unit
    return Figure(
        quantity.value,
        low,
        high,
        unit,
        m.measures,
        m.label,
        quantity.text,
        quantity.start,
        quantity.end,
        baseline,
        m.things,
        m.names,
        m.qualifiers,
    )


def _casualties(noun) -> str:
    """ "deaths" or "injuries" when the counted noun is who died or was hurt ("three workers were injured",
    "killed two miners"), whatever the noun; "" otherwise."""
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return ""
    word = stem(verb.text)
    return "deaths" if word in DEATH_CUES else "injuries" if word in INJURY_CUES else ""


def _denied(doc) -> list[Figure]:
    """None of something, as a figure of zero: "No homes were destroyed" (homes), "nobody was hurt" and
    "no one was killed" (injuries, deaths: of people, by the predicate), "there were no arrests"."""
    found = []
    for token in doc:
        if token.lower_ not in ("no", "nobody", "none", "one"):
            continue
        people = token.lower_ == "nobody" or (
            token.lower_ == "one" and token.i > 0 and token.nbor(-1).lower_ == "no"
        )
        # "none of the homes"
        of = [o for p in token.children if p.lower_ == "of" for o in p.children]
        if token.lower_ == "none" and of and of[0].pos_ == "NOUN":
            noun = of[0]
        elif people or token.lower_ == "none":
            noun, people = token, True
        elif token.lower_ == "no" and token.dep_ == "det" and token.head.tag_ == "NNS":
            noun = token.head
        else:
            continue
        word = stem(noun.text)
        casualty = (
            "deaths"
            if word in DEATH_CUES
            else "injuries"
            if word in INJURY_CUES
            else ""
        )
        unit = (
            _casualties(noun)
            or casualty
            or ("person" if people or word in PEOPLE else word)
        )
        start, end = token.idx, noun.idx + len(noun.text)
        m = _measurement([noun], unit)
        found.append(
            Figure(
                0.0,
                0.0,
                0.0,
                unit,
                m.measures or (stem(noun.text),),
                m.label or noun.text,
                doc[0].doc.text[start:end],
                start,
                end,
                False,
                m.things,
                m.names,
                m.qualifiers,
            )
        )
    return found


def _attached_by(token, preposition: str) -> bool:
    climb = token
    for _ in range(3):
        if climb.dep_ == "pobj" and climb.head.lower_ == preposition:
            return True
        if is_root(climb):
            break
        climb = climb.head
    return False


def _noun_phrase(token) -> list:
    """_phrase plus an "of" complement: "the magnitude of the Tarn Valley earthquake"."""
    return phrase(token) + [
        w
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
        for w in phrase(o)
    ]


def _measured(anchor) -> list:
    """The words that say what a figure measures: the noun it counts or modifies ("48 prisoners",
    "an 8-year lease", "the 5.9-magnitude quake"), the noun or predicate it is attached to ("a turnout of
    61 percent", "taxes would rise by 5 percent", "turnout was 61 percent")."""
    found, token = [], anchor
    for _ in range(4):  # out of the figure's own phrase, to the noun it belongs to
        if token.dep_ not in (
            "nummod",
            "predet",  # "half the staff"
            "quantmod",
            "compound",
            "npadvmod",
            "amod",
            "nmod",
            "punct",
            "advmod",
        ) or is_root(token):
            break
        token = token.head
        if token.pos_ in ("NOUN", "PROPN"):
            found += _noun_phrase(token)
    if token.dep_ == "pobj" and not is_root(token.head):
        token = token.head.head  # "of 61 percent" -> turnout; "by 5 percent" -> rise
        found += _noun_phrase(token) if token.pos_ in ("NOUN", "PROPN") else [token]
    elif token.dep_ in ("attr", "acomp", "dobj", "oprd", "npadvmod", "appos"):
        token = token.head
        if token.pos_ == "VERB" and token.lemma_ not in ("be", "have"):
            found.append(token)
    elif token.dep_ in (
        "nsubj",
        "nsubjpass",
    ):  # "58 percent of Americans backed the talks"
        found += [
            w
            for p in token.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
            for w in phrase(o)
        ]
        verb = token.head
        if verb.lemma_ not in ("be", "have"):
            found.append(verb)
        found += [
            w
            for o in verb.children
            if o.dep_ in ("dobj", "attr", "acomp")
            for w in phrase(o)
        ]
        return found
    if token.pos_ in ("VERB", "AUX"):
        subject = subject_of(token)
        if subject is not None and subject.pos_ not in (
            "PRON",
            "DET",
            "NUM",
        ):  # the tagger may call "Turnout" a verb
            found += _noun_phrase(subject)
    return found


def _counts(tallies: Sequence[Tally], text: str, doc) -> list[Count]:
    found = [
        Count(t.high, t.low, t.unit, t.start, t.end, t.text) for t in tallies if t.unit
    ]
    for match in WORD_TALLY.finditer(
        text
    ):  # "voted seven to two", "won by three goals to one"
        values = [_small_number(g) for g in match.groups()]
        numbers = [value for value in values if value is not None]
        if len(numbers) < len(values) or any(
            c.start <= match.start() < c.end for c in found
        ):
            continue
        unit = next(
            (
                t.unit
                for t in extract(
                    text[max(0, match.start() - 30) : match.end() + 30]
                ).tallies
            ),
            "",
        )
        nearby = map(
            stem,
            re.findall(
                r"[A-Za-z]+", text[max(0, match.start() - 40) : match.end() + 20]
            ),
        )
        unit = unit or next((TALLY_UNITS[w] for w in nearby if w in TALLY_UNITS), "")
        if unit:
            high, low = sorted(numbers, reverse=True)
            found.append(
                Count(
                    int(high), int(low), unit, match.start(), match.end(), match.group()
                )
            )
    measured = []
    for count in found:
        m = _measurement(
            _tokens_in(doc, count.start, count.end), count.unit, TALLY_WORDS
        )
        measured.append(
            dataclasses.replace(count, things=m.things, qualifiers=m.qualifiers)
        )
    return measured


def _small_number(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    try:
        value = parse_number_words(word)
    except KeyError:
        return {"nil": 0.0, "nothing": 0.0, "none": 0.0}.get(word.lower())
    return value if value is not None and value < 1000 else None


def _when(mention: DateMention, doc, published: datetime.date | None) -> When:
    tokens = _tokens_in(doc, mention.start, mention.end)
    predicate = tokens[-1] if tokens else None
    while (
        predicate is not None
        and predicate.pos_ not in ("VERB", "AUX")
        and not is_root(predicate)
    ):
        predicate = predicate.head
    if (
        tokens
        and tokens[-1].dep_ in ("compound", "nummod", "amod", "poss")
        and tokens[-1].head.pos_ == "NOUN"
        and mention.month is None
        and mention.weekday is None
    ):
        predicate = None  # "the 2026 budget": a label, not the date of an event
    year, month, day, weekday = (
        mention.year,
        mention.month,
        mention.day,
        mention.weekday,
    )
    if published and month is None and weekday is not None:
        future = predicate is not None and _future(predicate)
        offset = (
            (weekday - published.weekday()) % 7
            if future
            else -((published.weekday() - weekday) % 7)
        )
        resolved = published + datetime.timedelta(days=offset)
        year, month, day = resolved.year, resolved.month, resolved.day
    elif published and month and day and year is None:
        year = published.year
    return When(
        year,
        month,
        day,
        weekday,
        mention.text,
        mention.start,
        mention.end,
        stem(predicate.text) if predicate is not None else "",
        mention.month is None and weekday is not None,
    )


def _future(predicate) -> bool:
    """ "will meet", "meets next", "is scheduled": not in the past tense, nor after a perfect or "did"."""
    if any(c.lower_ in ("will", "shall") for c in predicate.children):
        return True
    if (
        predicate.pos_ not in ("VERB", "AUX")
        or predicate.tag_ in ("VBD", "VBN")
        or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in predicate.children
        )
    ):
        return False
    return not any(c.lemma_ == "have" and c.dep_ == "aux" for c in predicate.children)


def _parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
