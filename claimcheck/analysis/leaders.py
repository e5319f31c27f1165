"""Who holds a role over a thing, from the parse: "Rudd, who is leading the investigation", "the inquiry is
being led by Marsh", "the committee, chaired by Okafor", "Judge Abara presided over the trial", "Judge Helen
Marsh". The verbs and titles are claimcheck/data/leadership.txt: roles one person holds at a time."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.analysis.syntax import is_content, name_phrases, phrase
from claimcheck.analysis.terms import stem


@dataclass(frozen=True)
class Leader:
    """("lead", ("investigation",), "inspector leona marsh"): the role's verb, the thing held, who holds it."""

    act: str
    thing: tuple[str, ...]  # stems of the thing's phrase, its head last
    name: str


def leaders_in(doc, verbs: frozenset[str], titles: dict[str, str]) -> list[Leader]:
    """Role holders named by a role verb, or by a title (`titles`: title word -> role) before a name: "Judge
    Helen Marsh" / "Justice Ruth Abara" are two holders of a story's one judgeship."""
    found = [
        Leader(
            titles[t.lower_],
            (),
            " ".join(
                w.lower_ for w in t.head.subtree if w.pos_ == "PROPN" and w.i > t.i
            ),
        )
        for t in doc
        if t.lower_ in titles and t.dep_ == "compound" and t.head.pos_ == "PROPN"
    ]
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
        thing = next(
            (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None
        ) or next(
            (
                o
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "over"
                for o in c.children
                if o.dep_ == "pobj"
            ),
            None,
        )
        if (
            thing is None and verb.dep_ == "acl"
        ):  # "the trial, presided over by Judge Marsh"
            thing = verb.head
        if agent is None or thing is None or thing.pos_ != "NOUN":
            continue
        names = name_phrases([t for t in phrase(agent) if t.pos_ == "PROPN"])
        if names:
            stems = tuple(stem(t.text) for t in phrase(thing) if is_content(t))
            found.append(Leader(stem(verb.lemma_), stems, names[-1]))
    return found
