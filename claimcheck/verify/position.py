"""Positions: two actors on opposite sides of one question; one actor on both sides is a contradiction."""

from __future__ import annotations

from claimcheck.analysis.stances import Stance
from claimcheck.records import Verdict
from claimcheck.verify.align import Side, same_entity, same_root, shared


def verify(a: Side, b: Side) -> Verdict | None:
    for ours in a.reading.stances:
        for theirs in b.reading.stances:
            if ours.side == theirs.side:
                continue
            if not same_root(ours.target, theirs.target):
                if _one_person_on_the_matter(ours, theirs) and not (
                    _torn(a.reading.stances, ours) or _torn(b.reading.stances, theirs)
                ):
                    return Verdict(
                        "contradiction",
                        0.75,
                        f"{_matter(ours)} / {_matter(theirs)}: {_side(ours)} vs {_side(theirs)}",
                    )
                continue
            if (
                not _same_question(ours, theirs)
                or _torn(a.reading.stances, ours)
                or _torn(b.reading.stances, theirs)
            ):
                continue
            same_actor = same_entity(ours.actor.lower(), theirs.actor.lower())
            kind = "contradiction" if same_actor else "position"
            return Verdict(
                kind,
                0.75,
                f"{ours.target_word or ours.target}: {_side(ours)} vs {_side(theirs)}",
            )
    return None


def _one_person_on_the_matter(ours: Stance, theirs: Stance) -> bool:
    """One named person on both sides of what each story calls the matter at hand ("voted against the
    plan" / "a vocal supporter of the increase", "among the dissenters" / "backed the hike")."""
    return (
        ours.definite
        and theirs.definite
        and same_entity(ours.actor.lower(), theirs.actor.lower())
        and any(w[:1].isupper() for w in ours.actor.split())
    )


def _matter(stance: Stance) -> str:
    return stance.target_word or "(the matter at hand)"


def _same_question(ours: Stance, theirs: Stance) -> bool:
    """ "sanctions on Russian oil" and "sanctions on gas" are different questions, and so are "the plan" of
    one story and "a new housing plan" another names besides its own."""
    if ours.qualifiers and theirs.qualifiers:
        return bool(shared(ours.qualifiers, theirs.qualifiers))
    return not (
        ours.definite and theirs.qualifiers or theirs.definite and ours.qualifiers
    )


def _torn(stances, stance: Stance) -> bool:
    return any(
        same_root(s.target, stance.target) and s.side != stance.side for s in stances
    )


def _side(stance: Stance) -> str:
    return (
        f'{stance.actor} {"for" if stance.side > 0 else "against"} ("{stance.phrase}")'
    )
