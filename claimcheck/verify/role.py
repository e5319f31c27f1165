"""Roles: the same event with another venue or agent ("held at Fort Wainwright" / "at Joint Base
Elmendorf-Richardson"; "won by Maria Lopes" / "won by Ana Silva")."""

from __future__ import annotations

from claimcheck.records import Verdict
from claimcheck.verify.align import (
    Side,
    same_entity,
    same_root,
    shared,
    subjects_conflict,
)


def verify(a: Side, b: Side) -> Verdict | None:
    first, second = a.reading, b.reading
    if (
        subjects_conflict(first, second)
        or first.negated != second.negated
        or first.hypothetical != second.hypothetical
    ):
        return None
    if not (
        first.predicate_lemma == second.predicate_lemma
        or same_root(first.predicate, second.predicate)
    ) or not _one_act(first, second):
        return None
    for role in ("at", "in", "by"):
        ours = [r.split(":", 1)[1] for r in first.roles if r.startswith(role + ":")]
        theirs = [r.split(":", 1)[1] for r in second.roles if r.startswith(role + ":")]
        if (
            ours
            and theirs
            and not any(
                same_entity(x, y) or set(x.split()) & set(y.split())
                for x in ours
                for y in theirs
            )
        ):
            what = {"at": "venue", "in": "place", "by": "agent"}[role]
            label = (
                first.label[:1].lower() + first.label[1:]
                if first.label.startswith("The ")
                else first.label
            )
            return Verdict(
                "contradiction",
                0.75,
                f"{what} of {label or 'the event'}: {ours[0].title()} vs "
                f"{theirs[0].title()}",
            )
    return None


def _one_act(first, second) -> bool:
    """One act of one doer on one thing, passives undone: "Halden will build its plant in Corby" / "The plant
    will be built in Kettering" (the same plant built); without a thing, the same doer ("Riverton won at
    Wembley" / "Riverton won at Anfield")."""
    if bool(first.patient) != bool(second.patient):
        return False
    if first.patient and not shared(first.patient, second.patient):
        return False
    if first.actor and second.actor and not shared(first.actor, second.actor):
        return False
    return bool(first.patient) or (bool(first.actor) and bool(second.actor))
