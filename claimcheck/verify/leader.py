"""Role holders: one role over one thing held by two different people ("Rudd, who is leading the
investigation" / "the investigation is being led by Marsh")."""

from __future__ import annotations

from difflib import SequenceMatcher

from claimcheck.analysis.leaders import Leader
from claimcheck.records import Verdict
from claimcheck.verify.align import Side, same_entity, same_root, shared

SPELLING = 0.8  # surnames this alike may be one spelt two ways


def verify(a: Side, b: Side) -> Verdict | None:
    for ours in a.reading.leaders:
        for theirs in b.reading.leaders:
            if _same_role(ours, theirs) and _other_people(ours.name, theirs.name):
                return Verdict(
                    "contradiction",
                    0.75,
                    f"{_role(ours, theirs)}: {ours.name.title()} vs {theirs.name.title()}",
                )
    return None


def _same_role(ours: Leader, theirs: Leader) -> bool:
    """One verb over one thing: "the transport committee" is not "the finance committee"."""
    if ours.act != theirs.act:
        return False
    # a title: the story's judge, its general secretary
    if not ours.thing or not theirs.thing:
        return True
    if not same_root(ours.thing[-1], theirs.thing[-1]):
        return False
    rest = ours.thing[:-1], theirs.thing[:-1]
    return not all(rest) or bool(shared(*rest))


def _other_people(x: str, y: str) -> bool:
    """Other surnames, not one spelt two ways (that is the names check's): "inspector tomas rudd" /
    "inspector leona marsh", not "henrike vosberg" / "henrika vosberg" nor "vollmer" / "volmer"."""
    ours, theirs = x.split()[-1], y.split()[-1]
    return (
        not same_entity(x, y) and SequenceMatcher(None, ours, theirs).ratio() < SPELLING
    )


def _role(ours: Leader, theirs: Leader) -> str:
    """ "lead of the investigation", "chief executive", for explanations."""
    thing = " ".join(ours.thing or theirs.thing)
    role = ours.act.replace("-", " ")
    return f"{role} of the {thing}" if thing else role
