"""Positions: two actors on opposite sides of one question; one actor on both sides is a contradiction."""

from __future__ import annotations

from claimcheck.analysis.stances import Stance
from claimcheck.records import Verdict
from claimcheck.verify.align import Side, same_entity, same_root, shared


def verify(a: Side, b: Side) -> Verdict | None:
    for ours in a.reading.stances:
        for theirs in b.reading.stances:
            if ours.side == theirs.side or not same_root(ours.target, theirs.target):
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


def _same_question(ours: Stance, theirs: Stance) -> bool:
    """ "sanctions on Russian oil" and "sanctions on gas" are different questions."""
    return (
        not ours.qualifiers
        or not theirs.qualifiers
        or bool(shared(ours.qualifiers, theirs.qualifiers))
    )


def _torn(stances, stance: Stance) -> bool:
    return any(
        same_root(s.target, stance.target) and s.side != stance.side for s in stances
    )


def _side(stance: Stance) -> str:
    return (
        f'{stance.actor} {"for" if stance.side > 0 else "against"} ("{stance.phrase}")'
    )
