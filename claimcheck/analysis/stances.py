"""Positions a claim states: who is for or against what ("Macron backed new sanctions", "voted against the
levy", "lasting peace rather than a ceasefire", "Reyes, a vocal critic of the deal"), from its parse and the
stance vocabulary (claimcheck/data/stance.txt)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.analysis.syntax import (
    appositives,
    is_content,
    is_root,
    negated,
    objects_of,
    phrase,
    speaker_for,
    subject_of,
)
from claimcheck.analysis.terms import stem


@dataclass(frozen=True)
class Stance:
    """Someone for (+1) or against (-1) something: ("Merz", +1, "ceasefir")."""

    actor: str
    side: int
    target: str  # stem of the target's head noun
    # stems of the target's modifiers ("oil" in "oil sanctions")
    qualifiers: tuple[str, ...]
    phrase: str  # as written
    target_word: str = ""  # the target as written ("ceasefire", "measure b")
    # the matter at hand, not named anew: "the plan", "the increase", or no target ("among the dissenters")
    definite: bool = False


def stances_in(doc, speaker: str | None, vocab: dict) -> list[Stance]:
    """Positions the claim states: a stance verb and its object ("Macron backed new sanctions"),
    a stance verb and preposition ("voted against the levy"), or a contrastive connective ("rather than X")."""
    found = []
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma not in vocab["stance"]:
            continue
        if token.pos_ == "NOUN":
            found.extend(_noun_stance(token, vocab["stance"][lemma], vocab))
            continue
        if token.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        if any(
            c.dep_ == "xcomp" and c.lemma_.lower() in vocab["stance"]
            for c in token.children
        ):
            continue  # "urged senators to reject it": the inner verb's stance
        target = _stance_target(token)
        particles = [c.lower_ for c in token.children if c.dep_ in ("prt", "prep")]
        # the preposition that takes the target decides: "campaigned against the closure for months"
        via = (
            target.head.lower_
            if target is not None and target.head.head.i == token.i
            else None
        )
        entries = vocab["stance"][lemma]
        side = next((s for needed, s in entries if via in needed), None) or next(
            (s for needed, s in entries if all(w in particles for w in needed)),
            None,
        )
        if side is None:
            continue
        # "is opposed to", "has been skeptical of": the subject is the copula's
        holder = token.head if token.dep_ in ("acomp", "oprd") else token
        actor = _actor(holder, speaker)
        if target is not None and actor:
            denied = vocab["negation"] - {lemma}
            if (
                negated(token, denied)
                or holder is not token
                and negated(holder, denied)
            ):
                side = -side
            found.append(_stance(actor, side, target, token))
    lowers = [t.lower_ for t in doc]
    for i, first in enumerate(lowers):
        for words, side in vocab["connectives"].get(first, ()):
            if tuple(lowers[i : i + len(words)]) != words or i + len(words) >= len(
                lowers
            ):
                continue
            target = (
                next(
                    (t for t in doc[i + len(words) :] if t.pos_ in ("NOUN", "PROPN")),
                    None,
                )
                if len(words) > 1
                else next((c for c in doc[i].children if c.dep_ == "pobj"), None)
            )
            head = doc[i].head
            while head.pos_ not in ("VERB", "AUX") and not is_root(head):
                head = head.head
            actor = _actor(head, speaker)
            if target is not None and actor:
                found.append(_stance(actor, side, target, doc[i]))
    return found


def _noun_stance(noun, entries, vocab: dict) -> list[Stance]:
    """A named person called a supporter or opponent of something: "Reyes, a vocal critic of the deal",
    "Ito is a backer of the plan", "Ito was among the plan's backers"; with nothing named, of the matter at
    hand: "Ruiz was among the dissenters"."""
    prepositions = {c.lower_: c for c in noun.children if c.dep_ == "prep"}
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    chosen = next(
        (
            (side, target)
            for needed, side in entries
            for target in [
                c
                for w in needed
                if w in prepositions
                for c in prepositions[w].children
                if c.dep_ == "pobj"
            ]
            + [owner]
            if target is not None
        ),
        None,
    )
    if chosen is None:
        if any(w in prepositions for needed, _ in entries for w in needed):
            return []  # "a critic of it": no matter named or at hand
        chosen = (entries[0][1], None)
    side, target = chosen
    if target is not None and target.pos_ not in ("NOUN", "PROPN"):
        return []
    if noun.dep_ == "appos":
        holder, verb = noun.head, None
    elif noun.dep_ == "attr" or (
        noun.dep_ == "pobj" and noun.head.lower_ in ("among", "as")
    ):
        verb = noun.head if noun.dep_ == "attr" else noun.head.head
        holder = subject_of(verb)
    else:
        return []
    names = (
        [t.text for t in phrase(holder) if t.pos_ == "PROPN"]
        if holder is not None
        else []
    )
    if not names:
        return []
    if verb is not None and negated(verb, vocab["negation"]):
        side = -side
    if target is None:
        return [Stance(" ".join(names), side, "", (), noun.text, "", True)]
    return [_stance(" ".join(names), side, target, noun)]


def _stance_target(verb):
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            if (found := _noun_or_antecedent(child, verb)) is not None:
                return found
    for child in verb.children:
        if child.dep_ == "prep":
            objects = [
                found
                for c in child.children
                if c.dep_ == "pobj"
                and (found := _noun_or_antecedent(c, verb)) is not None
            ]
            if objects:
                return objects[0]
    for child in verb.children:
        if child.dep_ == "xcomp":
            return _stance_target(child)
    for child in verb.children:  # "agreed that Ukraine should receive guarantees", "insisted that a ceasefire ..."
        if child.dep_ == "ccomp":
            inner = [
                c
                for c in child.children
                if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"
            ] or [c for c in child.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
            if inner:
                return inner[0]
    return None


def _noun_or_antecedent(token, verb):
    """The noun itself, or for "it"/"them" the nearest noun of the same number before it that is not the
    verb's subject ("skeptical of the project, voted against it" -> project)."""
    if token.pos_ in ("NOUN", "PROPN"):
        return token
    plural = {"it": False, "this": False, "them": True, "these": True}.get(token.lower_)
    if token.pos_ != "PRON" or plural is None:
        return None
    subject = subject_of(verb)
    excluded = (
        {t.i for part in (subject, *appositives(subject)) for t in phrase(part)}
        if subject is not None
        else set()
    )
    for before in reversed(token.doc[: token.i]):
        if (
            before.pos_ in ("NOUN", "PROPN")
            and before.i not in excluded
            and before.ent_type_ != "PERSON"  # "it" is no person
        ):
            if (before.tag_ in ("NNS", "NNPS")) == plural:
                return before
    return None


def _actor(predicate, speaker: str | None) -> str | None:
    """Who takes the stance: the subject, a passive's agent ("was rejected by voters"; none without one),
    the speaker for a pronoun."""
    subject = subject_of(predicate)
    if subject is not None and subject.dep_ == "nsubjpass":
        subject = next(
            (
                o
                for c in predicate.children
                if c.dep_ == "agent"
                for o in c.children
                if o.dep_ == "pobj"
            ),
            None,
        )
        if subject is None:
            return None
    if (
        subject is not None
        and subject.tag_ in ("WP", "WDT")
        and subject.head.dep_ == "relcl"
    ):
        subject = (
            subject.head.head
        )  # "Whitlock, who has been skeptical of ...": Whitlock
    # "Prescott admitted [he had argued against]": Prescott
    if subject is not None and subject.pos_ == "PRON":
        subject = speaker_for(subject, predicate)
    if subject is None:
        return speaker
    # "the opposition party, the Farmers' League": the name in apposition is who
    named = next((c for c in appositives(subject) if c.pos_ == "PROPN"), subject)
    # a name, or a capitalised word inside the sentence, or an adjective compounded as a name ("Green
    # councillors", where "Farm groups" is a noun's), or what it is of
    # ("Members of the Mercer family")
    words = [
        t.text
        for part in (named, *objects_of(named, "of"))
        for t in phrase(part)
        if t.pos_ == "PROPN"
        or t.text[:1].isupper()
        and (t.i > t.sent.start or t.dep_ == "compound" and t.pos_ == "ADJ")
    ] or [subject.text]
    return " ".join(words)


def _stance(actor: str, side: int, target, cue) -> Stance:
    qualifiers = tuple(
        stem(t.text) for t in phrase(target) if t.i != target.i and is_content(t)
    )
    qualifiers += tuple(
        stem(o.text)
        for p in target.children
        if p.dep_ == "prep"
        for o in p.children
        if o.dep_ == "pobj" and is_content(o)
    )
    first, last = sorted((cue, target), key=lambda token: token.i)
    if target.i < cue.i and target.head.i != cue.i:
        # a pronoun's antecedent: quote the cue with its object as written ("voted against it")
        objects = [
            c.right_edge for c in cue.children if c.dep_ in ("dobj", "prep", "prt")
        ]
        first, last = cue, max(objects or [cue], key=lambda token: token.i)
    start, end = first.idx, max(cue.idx + len(cue.text), last.idx + len(last.text))
    name = [c for c in target.lefts if c.dep_ == "compound" and c.text[:1].isupper()]
    definite = (
        target.pos_ == "NOUN"
        and not qualifiers
        and any(c.dep_ == "det" and c.lower_ == "the" for c in target.children)
    )
    return Stance(
        actor,
        side,
        stem(target.text),
        qualifiers,
        cue.doc.text[start:end],
        " ".join(t.text for t in [*name, target]).lower().rstrip(".")
        if target.pos_ == "PROPN"
        else target.lower_,  # a name as written: "measure b"
        definite,
    )


def stance_tally(stances, text: str) -> tuple[int, int, int, int] | None:
    """Two counts on opposite sides of one target, a vote told as who backed what ("298 backed the deal and
    202 rejected it"): (for, against, start, end) of the numbers in `text`, or None."""
    from claimcheck.analysis.quantities import small_number

    def counted(actor: str) -> tuple[float, tuple[int, int]] | None:
        """The actor's number and where it is: "389", or the count before a noun ("1,214 members")."""
        for pattern in (
            rf"\b{re.escape(actor)}\b",
            rf"([\w,]+)\s+{re.escape(actor)}\b",
        ):
            if (m := re.search(pattern, text)) is not None:
                number = small_number(m.group(m.lastindex or 0))
                if number is not None:
                    return number, m.span()
        return None

    sides = [(found, s) for s in stances if (found := counted(s.actor)) is not None]
    for (yes, ours_span), ours in sides:
        for (no, theirs_span), theirs in sides:
            if ours.side > 0 > theirs.side and ours.target == theirs.target:
                spans = sorted((ours_span, theirs_span))
                return int(yes), int(no), spans[0][0], spans[1][1]
    return None


def share_vote(doc, vocab: dict) -> tuple[int, int, int, int] | None:
    """A vote told as how many of a body backed something ("Six of the committee's nine members backed the
    reduction", "Six members of the nine-strong committee voted for the move"): (for, against, start, end)
    of that subject, or None."""
    from claimcheck.analysis.quantities import small_number

    for subject in doc:
        verb = subject.head
        entries = vocab["stance"].get(verb.lemma_.lower(), ())
        if subject.dep_ != "nsubj" or not any(side > 0 for _, side in entries):
            continue
        number = (
            subject
            if subject.pos_ == "NUM"
            else next((c for c in subject.children if c.dep_ == "nummod"), None)
        )
        if number is None or (part := small_number(number.text)) is None:
            continue
        body = [
            t
            for p in subject.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for t in p.subtree
            if t.pos_ == "NUM"
        ]  # "of the committee's nine members", "of the nine-strong committee"
        whole = small_number(body[0].text) if body else None
        if whole is not None and whole > part:
            start = subject.left_edge.idx
            end = subject.right_edge.idx + len(subject.right_edge.text)
            return int(part), int(whole - part), start, end
    return None
