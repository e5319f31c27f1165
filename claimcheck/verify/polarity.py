"""Contradictions of polarity: the same statement affirmed and negated ("No injuries were reported" /
"Three people were injured"), or the same subject with opposite outcomes ("won" / "lost")."""

from __future__ import annotations

from claimcheck.analysis.terms import stem
from claimcheck.records import Verdict
from claimcheck.verify.align import (
    Side,
    names_conflict,
    opposite,
    overlap,
    same_root,
    same_time,
    shared,
    subjects_conflict,
    surface,
)

MIN_OVERLAP = 0.75  # a negation contradicts only a near-restatement
MIN_SHARED = 2


def verify(a: Side, b: Side) -> Verdict | None:
    first, second = a.reading, b.reading
    if subjects_conflict(first, second):
        return None
    if first.hypothetical != second.hypothetical:
        return None
    common = shared(first.content, second.content)
    agreement = overlap(first.content, second.content)
    if (
        first.negated != second.negated
        and len(common) >= MIN_SHARED
        and agreement >= MIN_OVERLAP
        and same_time(first, second)
    ):
        negative = first if first.negated else second
        what = surface(negative, common)
        return Verdict(
            "contradiction",
            round(0.9 * agreement, 3),
            f'"{what}": denied in one, affirmed in the other',
        )
    # one act of one actor, done and not done, however long the sentences: "Pask conceded on Wednesday
    # evening ..." / "Pask declined to concede on Wednesday night and said ..."
    if (
        first.negated != second.negated
        and first.predicate_lemma
        and first.predicate_lemma == second.predicate_lemma
        and _one_subject(first, second)
        and _same_roles(first, second)
        and same_time(first, second)
    ):
        negative = first if first.negated else second
        return Verdict(
            "contradiction",
            0.8,
            f"{_about(first, second)}: {negative.predicate_lemma} denied in one, affirmed in the other",
        )
    if (
        opposite(
            first.outcome or first.predicate_lemma,
            second.outcome or second.predicate_lemma,
        )
        and first.negated == second.negated
        and _same_roles(first, second)
        and same_time(first, second)
    ):
        return Verdict(
            "contradiction",
            0.8,
            f"{_about(first, second)}: {first.outcome or first.predicate_lemma} vs "
            f"{second.outcome or second.predicate_lemma}",
        )
    return None


def _about(first, second) -> str:
    """What the outcomes are of: the subject, or a passive's without its agent ("Measure B")."""
    without_agent = [r for r in (first, second) if not r.actor and r.patient]
    return (without_agent[0] if without_agent else first).label or "outcome"


def _same_roles(first, second) -> bool:
    """Same actor (passives undone) and, where both state one, the same patient: "Riverton beat Lakeside" /
    "Riverton lost to Lakeside" and "Voters approved the referendum" / "The referendum was rejected by voters"
    clash; "Lakeside lost to Riverton" says the same as the first. A passive without its agent is about its
    patient: "Voters approved Measure B" / "Measure B was defeated". The main clause's other objects must
    agree where both have some; the rest of the sentence (who said it, what followed) may differ."""
    # "Lindqvist was elected" / "Lindqvist was defeated", "Voters approved X" / "X was defeated"
    agentless = not first.actor or not second.actor
    if agentless and first.patient and second.patient:
        if names_conflict(first.names, second.names):
            return False  # "Voters approved Measure B" / "Measure C was defeated"
        ours, theirs = first.patient, second.patient
    else:
        ours, theirs = first.actor or first.subject, second.actor or second.subject
        if shared(ours, second.patient) and shared(first.patient, theirs):
            return False
    if not ours or not theirs or not shared(ours, theirs):
        return False
    if first.patient and second.patient and not shared(first.patient, second.patient):
        return False
    rest = _besides(
        first.object, [*ours, stem(first.predicate_lemma), stem(first.outcome)]
    )
    other = _besides(
        second.object, [*theirs, stem(second.predicate_lemma), stem(second.outcome)]
    )
    return not rest or not other or overlap(rest, other) >= 0.5


def _one_subject(first, second) -> bool:
    """One named subject ("Pask"); a common noun may be restricted or quantified otherwise ("No student with
    financial need will pay more" / "Students will pay more")."""
    return (
        bool(first.subject_names)
        and bool(second.subject_names)
        and not names_conflict(first.subject_names, second.subject_names)
    )


def _besides(content, parts) -> list[str]:
    """The content stems that are not these parts (the actor, the predicate itself)."""
    return [s for s in content if not any(same_root(s, t) for t in parts)]
