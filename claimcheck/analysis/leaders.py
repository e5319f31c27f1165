"""Who holds a role over a thing, from the parse: "Rudd, who is leading the investigation", "the inquiry is
being led by Marsh", "the committee, chaired by Okafor", "Judge Abara presided over the trial", "Judge Helen
Marsh". The verbs and titles are claimcheck/data/leadership.txt: roles one person holds at a time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimcheck.analysis.syntax import (
    appositives,
    is_content,
    name_phrases,
    objects_of,
    phrase,
)
from claimcheck.analysis.terms import stem


@dataclass(frozen=True)
class Leader:
    """("lead", ("investigation",), "inspector leona marsh"): the role (a verb's lemma, or a title as
    claimcheck/data/leadership.txt writes it: "chief-executive"), the thing held, who holds it."""

    act: str
    thing: tuple[str, ...]  # stems of the thing's phrase, its head last
    name: str


def leaders_in(
    doc,
    verbs: Mapping[str, str],
    titles: dict[str, str],
    offices: frozenset[str] = frozenset(),
) -> list[Leader]:
    """Role holders named by a role verb, or by a title (`titles`: title, hyphenated -> role) beside a name:
    "Judge Helen Marsh" / "Justice Ruth Abara" hold a story's one judgeship; "Marian Oduya, the federation's
    general secretary" / "general secretary Helen Barraclough" its general secretaryship."""
    found = []
    for noun in doc:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        # "Judge Helen Marsh", "general secretary Helen Barraclough"
        if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
            person = noun.head
        elif noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.pos_ == "NOUN":
            person = noun.head  # "Marian Oduya, the federation's general secretary"
        elif noun.pos_ == "NOUN" and (
            appos := [c for c in appositives(noun) if c.pos_ == "PROPN"]
        ):
            person = appos[0]  # "the auctioneer, Felix Amberley"
        else:
            continue
        after = (
            person.i < noun.i
        )  # the title follows the name: "Marian Oduya, the general secretary"
        # the organisation written before the title, on the name: "Brightmill chief executive Nadia Ferreira"
        owners = [
            c
            for c in person.children
            if c.dep_ in ("nmod", "compound", "poss")
            and c.i < noun.i
            and c.pos_ in ("NOUN", "PROPN")
            and not after
        ]
        held = _title(noun, titles, owners) or _office(noun, offices, owners)
        if held is not None:
            names = name_phrases(
                [
                    t
                    for t in phrase(person)
                    if t.pos_ == "PROPN" and (after or t.i > noun.i) or t is person
                ]
            )
            if names:
                found.append(Leader(held[0], held[1], names[-1]))
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
            continue
        agent = next(
            (o for c in verb.children if c.dep_ == "agent" for o in c.children), None
        )
        if agent is None:
            agent = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if (
                agent is not None
                and agent.tag_ in ("WP", "WDT")
                and verb.dep_ == "relcl"
            ):
                agent = verb.head  # "Rudd, who is leading the investigation"
                # "Aalto, the oceanographer who led the expedition"
                if agent.dep_ == "appos" and agent.head.pos_ == "PROPN":
                    agent = agent.head
        thing = next(
            (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None
        ) or next(iter(objects_of(verb, "over")), None)
        if thing is None and verb.dep_ == "acl":  # "the trial, presided over by Marsh"
            thing = verb.head
        if agent is None or thing is None or thing.pos_ != "NOUN":
            continue
        names = name_phrases([t for t in phrase(agent) if t.pos_ == "PROPN"])
        if names:
            stems = tuple(stem(t.text) for t in phrase(thing) if is_content(t))
            found.append(Leader(verbs[verb.lemma_.lower()], stems, names[-1]))
    return found


def _title(
    noun, titles: dict[str, str], owners: Sequence = ()
) -> tuple[str, tuple[str, ...]] | None:
    """(role, what it is of) for a title's head noun: its longest ending among `titles` ("committee chair"
    -> chair, of the committee; "general secretary"), with the possessor or other nouns before it."""
    before = [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound", "poss") and c.i < noun.i
    ]
    words = [c for c in before if c.dep_ != "poss"] + [noun]
    for i in range(len(words)):
        title = "-".join(w.lower_ for w in words[i:])
        if title in titles:
            of = [w for w in words[:i] if w.pos_ in ("NOUN", "PROPN")]
            of += [
                c for c in before if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")
            ]
            of += owners
            return titles[title], tuple(stem(w.text) for w in of)
    return None


def _office(
    noun, offices: frozenset[str], owners: Sequence = ()
) -> tuple[str, tuple[str, ...]] | None:
    """(role, what it is of) for a title that names one holder with its office beside it: "finance director",
    "the district's director of public health" (the office's words last, the owner's before); not "a
    director" (one of several) nor a title alone."""
    if noun.lower_ not in offices or any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children
    ):
        return None
    before = [
        c
        for c in noun.children
        if c.dep_ in ("compound", "amod") and c.i < noun.i and c.pos_ == "NOUN"
    ]
    of = [o for o in objects_of(noun, "of") if o.pos_ == "NOUN"]
    office = [
        w for part in before + of for w in phrase(part) if w.pos_ in ("NOUN", "ADJ")
    ]
    if not office:
        return None
    owner = [
        c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")
    ] + list(owners)
    return noun.lower_, tuple(stem(w.text) for w in [*owner, *office])
