"""A structured reading of each claim, from a dependency parse (spaCy, en_core_web_sm).

Computed once at ingest and stored with ANALYSIS_VERSION, so verifiers compare parts (what is measured,
by whom, with which polarity) instead of re-reading text. Figures and dates come from `quantities`
(number words, qualifiers as intervals, units); the parse attaches each one to what it measures
(`figures`); positions come from `stances`, orders from `order`, the parse itself from `parser`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, is_dataclass, replace
from functools import lru_cache, partial
from typing import Any

from claimcheck.analysis.figures import Count, Figure, figures_in
from claimcheck.analysis.leaders import Leader, leaders_in
from claimcheck.analysis.order import order_in
from claimcheck.analysis.parser import common_nouns, nlp, opens_alone, parse
from claimcheck.analysis.quantities import (
    MEASURE_KINDS,
    DateMention,
    extract,
)
from claimcheck.analysis.stances import Stance, share_vote, stance_tally, stances_in
from claimcheck.analysis.syntax import (
    appositives,
    event_clause,
    hypothetical,
    identifier,
    is_content,
    is_root,
    main_predicate,
    name_phrases,
    negated,
    objects_of,
    phrase,
    speaker_for,
    subject_of,
    tokens_in,
)
from claimcheck.analysis.terms import CALENDAR, data_lines, stem
from claimcheck.parallel import in_halves
from claimcheck.records import Claim, Document

ANALYSIS_VERSION = 16
# words that make a thing one more of its kind: "another strike", "acquitted on a separate charge" (ordinals
# too, for a subject: "a second flight"; not for objects, where they mostly count time: "in the first year")
ANOTHER = frozenset({"another", "other", "separate"})
CODE = re.compile(
    r"[A-Za-z]{1,3}-?\d{1,6}"
)  # identifiers: flights, bills, cases, routes, quarters
CONTEXT_LABELS = frozenset({"GPE", "LOC", "ORG", "PERSON", "FAC", "EVENT", "PRODUCT"})


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The data files under claimcheck/data/, read once (see its README for what each is for)."""
    stance_verbs: dict[
        str, list[tuple[tuple[str, ...], int]]
    ] = {}  # verb -> (particles it needs, side)
    connectives: dict[
        str, list[tuple[tuple[str, ...], int]]
    ] = {}  # first word -> (words, side)
    for line in data_lines("stance.txt"):
        sign, *words = line.split()
        side = 1 if sign.startswith("+") else -1
        if sign.endswith("prep"):
            connectives.setdefault(words[0], []).append((tuple(words), side))
        else:
            stance_verbs.setdefault(words[0], []).append((tuple(words[1:]), side))
    order_words: dict[str, frozenset[str]] = {
        role: frozenset() for role in ("before", "after", "first", "then")
    }
    for line in data_lines("order.txt"):
        role, word = line.split()
        order_words[role] |= {word}
    antonyms: dict[str, set[str]] = {}
    alike: dict[
        str, int
    ] = {}  # a group's words name one outcome or change: rise, increase, climb
    # "win lose", or groups: "approve pass adopt : reject defeat"
    for line in data_lines("antonyms.txt"):
        ours, _, theirs = line.partition(":") if ":" in line else line.partition(" ")
        for first in ours.split():
            for second in theirs.split():
                antonyms.setdefault(first, set()).add(second)
                antonyms.setdefault(second, set()).add(first)
        if ":" in line:
            for words in (ours.split(), theirs.split()):
                number = max(alike.values(), default=-1) + 1
                for word in words:
                    alike.setdefault(word, number)
    return {
        "stance": stance_verbs,
        "connectives": connectives,
        "antonyms": antonyms,
        "alike": alike,
        "modality": frozenset(data_lines("modality.txt")),
        "reporting": frozenset(data_lines("reporting.txt")),
        "negation": frozenset(data_lines("negation.txt")),
        "deciding": frozenset(data_lines("deciding.txt")),
        "occurrence": frozenset(
            tuple(line.split()) for line in data_lines("occurrence.txt")
        ),
        "repetition": frozenset(data_lines("repetition.txt")),
        "bounds": frozenset(data_lines("bounds.txt")),
        "phases": {  # verb -> its phase (line)
            verb: number
            for number, line in enumerate(data_lines("phases.txt"))
            for verb in line.split()
        },
        "order": order_words,
        "leadership": {  # verb -> the role it names (the first verb of its line)
            verb: line.split()[0]
            for line in data_lines("leadership.txt")
            if not line.startswith(("title ", "office "))
            for verb in line.split()
        },
        "offices": frozenset(
            word
            for line in data_lines("leadership.txt")
            if line.startswith("office ")
            for word in line.split()[1:]
        ),
        "titles": {
            word: words[1]
            for line in data_lines("leadership.txt")
            if line.startswith("title ")
            for words in [line.split()]
            for word in words[1:]
        },
    }


# --- what a reading holds --------------------------------------------------------------------------


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
    clause: str = ""  # the words of the event it dates, without it (syntax.event_clause): compared by meaning

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
    leaders: tuple[
        Leader, ...
    ] = ()  # who holds a role over what ("the inquiry, led by Marsh")
    # who does it, passives undone: "rejected by voters" -> ("voter",)
    actor: tuple[str, ...] = ()
    # what it is done to: "The referendum was rejected" -> ("referendum",)
    patient: tuple[str, ...] = ()
    # "rose again", "also fell": another occurrence, not the same event
    repeated: bool = False
    # the predicate, or its adjective complement: "remain open" -> "open"
    outcome: str = ""
    # the subject, or what is done to it, is one more of its kind: "a second flight", "another strike",
    # "acquitted on a separate charge"
    another: bool = False
    # two things in order, earlier first: "a ceasefire before talks" -> ((ceasefir,), (talk,))
    order: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    # names of where, anywhere in the claim: "a package for border policy in Leeds" -> ("leeds",)
    places: tuple[str, ...] = ()
    # units of which the claim's document states one value only (restated or not): its story's one mass,
    # area or price, whatever the words around it
    lone: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """As dataclasses.asdict, a level deep: the parts (figures, stances ...) hold only plain values."""
        return {
            name: tuple(vars(v).copy() if is_dataclass(v) else v for v in value)
            if isinstance(value, tuple)
            else value
            for name, value in vars(self).items()
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> Reading:
        parts = {
            "figures": Figure,
            "counts": Count,
            "dates": When,
            "stances": Stance,
            "leaders": Leader,
        }
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
    people: tuple[str, ...] = ()  # surnames of the people it names there, lowercased


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
    found, people = {}, {}
    for (document, _, _), doc in zip(headlined, parsed, strict=True):
        found[document.id] = _headline_entities(doc)
        people[document.id] = tuple(
            dict.fromkeys(
                e[-1].lower_
                for e in doc.ents
                if e.label_ == "PERSON" and e[-1].is_alpha
            )
        )  # a document without a headline is not parsed here: what it names is not what it is about
    contexts = {}
    for document, (headline, lead) in zip(documents, parts, strict=True):
        source = _entity_key(document.source)
        # the headline's entities first: the first is what the document is about
        about: list[str] = []
        dateline = dateline_of(lead)
        for name in found.get(document.id, []) + [_entity_key(dateline or "")]:
            if name and name not in about and name != source:
                about.append(name)
        contexts[document.id] = Context(
            tuple(about),
            dateline,
            document.published,
            headline,
            people.get(document.id, ()),
        )
    return contexts


def _headline_entities(doc) -> list[str]:
    """The entities, names and codes of a parsed headline and lead, the headline's first. A capitalised
    headline word the lead writes in lower case is no name ("Ferry runs aground" / "a passenger ferry"); a
    title-case headline names what the lead names in it."""
    headline_end = next((t.i for t in doc if "\n" in t.text), len(doc))
    lowercase = {t.lower_ for t in doc[headline_end:] if t.text.islower()}
    in_lead = {_entity_key(e.text) for e in doc.ents if e.start >= headline_end}
    in_lead |= set(_names(doc[headline_end:]))
    title = _title_case(doc[:headline_end])

    def named(name: str) -> bool:
        return name in in_lead if title else not set(name.split()) <= lowercase

    entities = [
        (e.start < headline_end, _entity_key(e.text))
        for e in doc.ents
        if e.label_ in CONTEXT_LABELS
        and (e.start >= headline_end or named(_entity_key(e.text)))
    ]
    names = [
        (True, name)
        for name in (
            sorted(in_lead, key=doc[:headline_end].text.lower().find)
            if title
            else _names(doc[:headline_end])
        )
        if named(name) and (not title or name in doc[:headline_end].text.lower())
    ]
    names += [
        (t.i < headline_end, t.lower_)
        for t in doc
        if CODE.fullmatch(t.text) and t.text[0].isupper()
    ]
    return [name for _, name in sorted(entities + names, key=lambda item: not item[0])]


def _title_case(headline) -> bool:
    """Most of the headline's longer words are capitalised, verbs too: "Ferry Runs Aground Off Tolland"."""
    words = [t.text for t in headline if t.is_alpha and len(t.text) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _entity_key(text: str) -> str:
    words = [
        w
        for w in re.findall(
            r"[\w’'.-]+", text.lower().replace("’s", "").replace("'s", "")
        )
        if w not in ("the", "a", "an")
    ]
    return " ".join(words)


PARALLEL_FROM = (
    2000  # claims from which two processes read them, where there are two cores
)


def read_claims(
    claims: Sequence[Claim], contexts: Mapping[str, Context] | None = None
) -> list[Reading]:
    """The reading of each claim, in order; `contexts` maps document ids to their Context. A large batch is
    read in two forked processes, half each (the parser, vocabularies and unit registry, loaded here first,
    are shared with them)."""
    if len(claims) >= PARALLEL_FROM:
        nlp()
        vocabulary()
        extract("a 5 km walk")  # the unit registry, loaded once for both
    read_all = partial(_read_all, contexts=contexts or {})
    return _with_lone_units(claims, in_halves(read_all, claims, PARALLEL_FROM))


def _with_lone_units(claims: Sequence[Claim], readings: list[Reading]) -> list[Reading]:
    """Each reading with the units of measure its document states one value of (Reading.lone): money,
    shares, lengths ...; not the nouns a count counts, nor durations, which any event has several of."""
    figures: dict[str, list[Figure]] = {}
    for claim, reading in zip(claims, readings, strict=True):
        figures.setdefault(claim.document, []).extend(reading.figures)

    def one_value(group: list) -> bool:
        return all(x.compatible(y) for x in group for y in group)

    lone = {
        document: tuple(
            sorted(
                unit
                for unit in {f.unit for f in found} & (MEASURE_KINDS - {"duration"})
                if one_value([f for f in found if f.unit == unit])
            )
        )
        for document, found in figures.items()
    }
    return [
        replace(reading, lone=lone[claim.document])
        for claim, reading in zip(claims, readings, strict=True)
    ]


def _read_all(
    claims: Sequence[Claim], contexts: Mapping[str, Context]
) -> list[Reading]:
    docs = parse(claim.text for claim in claims)
    return [
        _read(claim, doc, contexts.get(claim.document, Context()))
        for claim, doc in zip(claims, docs, strict=True)
    ]


def _read(claim: Claim, parsed, context: Context) -> Reading:
    vocab = vocabulary()
    doc = list(parsed)  # tokens, made once: iterating a Doc creates every Token again
    # below reporting, deciding and denying verbs: "Pask declined to concede" is about conceding, negated
    reporting = vocab["reporting"] | vocab["deciding"]
    reporting_or_denying = reporting | vocab["negation"]
    main = main_predicate(doc, reporting, vocab["negation"])
    subject = subject_of(main) if main is not None else None
    if subject is not None and (reporter := speaker_for(subject, main)) is not None:
        subject = reporter
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
        | ({t.i for t in phrase(subject)} if subject is not None else set())
        if main is not None and main.dep_ != "ROOT"
        else None
    )  # the main clause with its subject: "Pask declined [to concede]"
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
            for named in (part, *appositives(part))
            for w in phrase(named)
        ),  # with what it is called in apposition: "His deputy, Carla Nyberg, was acquitted"
        key=lambda t: t.i,
    )
    objects = (
        [c for c in main.children if c.dep_ in ("dobj", "attr", "acomp", "oprd")]
        if main is not None
        else []
    )
    published = _parse_date(claim.published or context.published)
    figures, counts = figures_in(mentions, claim.text, doc, vocab["modality"])
    stances = tuple(stances_in(doc, claim.speaker, vocab))
    if (
        vote := stance_tally(stances, claim.text) or share_vote(doc, vocab)
    ) is not None:
        yes, no, start, end = (
            vote  # "298 backed the deal and 202 rejected it": a vote of 298 to 202
        )
        counts += (
            Count(max(yes, no), min(yes, no), "vote", start, end, f"{yes:,} to {no:,}"),
        )
        figures = tuple(f for f in figures if not start <= f.start < end)
    roles = _logical_roles(main, subject_words, objects)
    lemma = main.lemma_.lower() if main is not None else ""
    predicate = stem(main.text) if main is not None else ""
    outcome = _outcome(main) if main is not None else ""
    if main is not None and _occurs(main, vocab["occurrence"]):
        # "The ceremony was held in Halvik" / "took place in Brodna": one predicate, the event its subject
        lemma, predicate, outcome = HAPPEN, stem(HAPPEN), HAPPEN
        roles = {"actor": (), "patient": roles["actor"] or roles["patient"]}
    return Reading(
        version=ANALYSIS_VERSION,
        predicate=predicate,
        predicate_lemma=lemma,
        subject=tuple(stem(t.text) for t in subject_words if is_content(t)),
        subject_names=tuple(_subject_names(subject, context))
        if subject is not None
        else (),
        object=tuple(stem(t.text) for o in objects for t in phrase(o) if is_content(t)),
        negated=negated(main, vocab["negation"]) if main is not None else False,
        hypothetical=hypothetical(main, vocab["modality"], reporting_or_denying)
        if main is not None
        else False,
        content=tuple(stem(t.text) for t in content_tokens),
        words=tuple(t.lower_ for t in content_tokens),
        names=tuple(_names(doc)),
        figures=figures,
        counts=counts,
        dates=tuple(_when(d, doc, published) for d in mentions.dates),
        stances=stances,
        leaders=tuple(
            leaders_in(doc, vocab["leadership"], vocab["titles"], vocab["offices"])
        ),
        order=tuple(order_in(doc, vocab["order"])),
        places=tuple(_places(doc)),
        context=context.about,
        label=" ".join(t.text for t in subject_words) if subject_words else "",
        roles=tuple(_roles(main)) if main is not None else (),
        **roles,
        repeated=main is not None and _repeated(main, vocab["repetition"]),
        outcome=outcome,
        another=any(
            t.lower_ in ANOTHER or (t.pos_ == "ADJ" and t.like_num)
            for t in subject_words
        )
        or main is not None
        and any(t.lower_ in ANOTHER for t in _objects_modifiers(main)),
    )


def _objects_modifiers(predicate) -> list:
    """The modifiers of the predicate's objects, direct or after a preposition: "acquitted on [a separate]
    charge"."""
    objects = [c for c in predicate.children if c.dep_ == "dobj"] + [
        o
        for p in predicate.children
        if p.dep_ == "prep"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return [m for o in objects for m in o.children if m.dep_ in ("amod", "det")]


def _outcome(predicate) -> str:
    """What the predicate says happens or holds: its adjective complement where it has one ("will remain
    open", "found him guilty", "stayed closed"), else its own lemma; where a "but" follows, what holds in
    the end ("was closed for hours but reopened")."""
    final = [
        c
        for c in predicate.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and any(b.dep_ == "cc" and b.lower_ == "but" for b in predicate.children)
    ]
    if final:
        predicate = final[-1]
    complement = (
        next(
            (
                c
                for c in predicate.children
                if c.dep_ in ("acomp", "oprd", "ccomp", "xcomp")
                and (c.pos_ == "ADJ" or c.dep_ == "acomp" and c.tag_ == "VBN")
                or c.dep_ == "advmod"
                and c.tag_ == "JJR"
            ),  # "remains shut", a participle, "closed 3 percent higher"
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
    if complement is not None and complement.tag_ == "JJR":
        return complement.lower_  # "higher", a direction of change, not "high"
    if complement is None and predicate.lemma_ in ("come", "go"):
        # a verb of motion whose particle is the change: "the cost has come down", "fares went up"
        particle = next(
            (
                c
                for c in predicate.children
                if c.dep_ in ("prt", "advmod") and c.lower_ in ("up", "down")
            ),
            None,
        )
        if particle is not None:
            return particle.lower_
    return (complement or predicate).lemma_.lower()


HAPPEN = "happen"  # the one predicate of claimcheck/data/occurrence.txt's


def _occurs(predicate, occurrence: frozenset[tuple[str, ...]]) -> bool:
    """The predicate says its subject happened: "happened", "took place", "was held"."""
    lemma = predicate.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in predicate.children)
    objects = {c.lemma_.lower() for c in predicate.children if c.dep_ == "dobj"}
    return any(
        words[0] == lemma
        and (
            len(words) == 1 or words[1] == "passive" and passive or words[1] in objects
        )
        for words in occurrence
    )


def _repeated(predicate, repetition: frozenset[str]) -> bool:
    """An adverb of repetition on the predicate or its auxiliaries' head: "rose again", "also fell"."""
    return any(c.lower_ in repetition for c in predicate.children if c.dep_ == "advmod")


def _logical_roles(predicate, subject_words: list, objects: list) -> dict:
    def stems(tokens) -> tuple[str, ...]:
        return tuple(stem(t.text) for t in tokens if is_content(t))

    if predicate is None:
        return {}
    subject = stems(subject_words)
    # what is done to: an object, not a complement ("remains [shut]", "is [the largest]")
    obj = stems(w for o in objects if o.dep_ in ("dobj", "oprd") for w in phrase(o))
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
    # the place may hang on the object: "will build its plant [in Corby]"
    things = [c for c in predicate.children if c.dep_ == "dobj"]
    found = []
    for prep in [*predicate.children, *(p for t in things for p in t.children)]:
        if (
            prep.dep_ == "prep"
            and (
                prep.lower_ in ("at", "in")
                or (prep.lower_ == "by" and passive and prep.head.i == predicate.i)
            )
            or prep.dep_ == "agent"
        ):
            for obj in prep.children:
                names = [
                    t.text.lower()
                    for t in phrase(_place_named(obj))
                    if t.pos_ == "PROPN" and t.lower_ not in CALENDAR
                ]
                if obj.dep_ == "pobj" and names:
                    found.append(
                        f"{'by' if prep.dep_ == 'agent' else prep.lower_}:{' '.join(names)}"
                    )
    return found


def _subject_names(subject, context: Context | None = None) -> list[str]:
    """Names in the subject, one phrase per conjunct, with those of its prepositional modifiers:
    "Donald J. Trump and Vladimir Putin" -> ["donald j. trump", "vladimir putin"];
    "the summit in Geneva" -> ["geneva"]. The surnames of the document's people (`context`) are names however
    the tagger reads them ("Greaves refused", tagged a plural noun). A lone capitalised first word that is a
    common noun and that the document's context does not name is no name: the capital says nothing there
    ("Jurors returned", tagged a name)."""
    about = {w for name in context.about for w in name.split()} if context else set()
    known = set(context.people) if context else set()

    def named(w) -> bool:
        if w.text[:1].isupper() and w.lower_ in known:
            return True
        if w.pos_ != "PROPN":
            return False
        common = {w.lower_, w.lower_.removesuffix("s")} & common_nouns()
        return not (opens_alone(w) and common and about and w.lower_ not in about)

    found = []
    for part in [subject, *subject.conjuncts]:
        words = [w for w in phrase(part) if named(w)]
        following = part.doc[part.i + 1] if part.i + 1 < len(part.doc) else None
        if following is not None and identifier(following):  # "Highway 12"
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
        found += name_phrases(words)
    return list(dict.fromkeys(found))


def _place_named(obj):
    """The word that names a place a preposition governs: "in the northern capital, Brodna", "in the suburb
    of Kilbride", "in Leeds"."""
    return next((a for a in appositives(obj) if a.pos_ == "PROPN"), None) or next(
        (o for o in objects_of(obj, "of") if o.pos_ == "PROPN"), obj
    )


def _places(doc) -> list[str]:
    """The names "in" or "at" governs, wherever they hang ("border policy in Leeds", "watched at Millbrook
    Stadium", "in the capital, Brodna", "in the suburb of Kilbride")."""
    found = []
    for prep in doc:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            found += name_phrases(
                [
                    t
                    for t in phrase(_place_named(obj))
                    if t.pos_ == "PROPN" and t.lower_ not in CALENDAR
                ]
            )
    return list(dict.fromkeys(found))


def _names(doc) -> list[str]:
    """Runs of proper nouns, with a capitalised noun that names one ("Measure B", "Storm Hollis"), an
    identifier's number ("Highway 12") and an initial's full stop dropped ("Measure B.")."""
    numbers = {t.i for t in doc if identifier(t)}
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


def _when(mention: DateMention, doc, published: datetime.date | None) -> When:
    tokens = tokens_in(doc, mention.start, mention.end)
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
        event_clause(predicate, tokens, vocabulary()["bounds"])
        if predicate is not None
        else "",
    )


def _future(predicate) -> bool:
    """ "will meet", "meets next", "is scheduled": not in the past tense, nor after a perfect or "did". An
    infinitive or a participle without an auxiliary has its clause's tense ("voters heading to the polls on
    Sunday will choose", "was forced to abandon its journey on Friday"), but after "after" or "since" it
    went before ("will become mayor after beating Quell in Saturday's run-off")."""
    if any(c.lower_ in ("will", "shall") for c in predicate.children):
        return True
    infinitive = predicate.tag_ == "VB" and any(
        c.tag_ == "TO" for c in predicate.children
    )  # "was forced to abandon its journey on Friday", "plans to vote on Tuesday"
    if (
        infinitive
        or predicate.tag_ == "VBG"
        and not any(c.dep_ in ("aux", "auxpass") for c in predicate.children)
    ):
        if predicate.head.lower_ in ("after", "since"):
            return False
        if predicate.head.i != predicate.i and predicate.head.pos_ in ("VERB", "AUX"):
            return _future(predicate.head)
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
