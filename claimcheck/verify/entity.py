"""Entities: the same statement about another named thing ("the start-up Ozy Media was arrested ..." /
"the start-up UFO Media was arrested ..."; "the summit in Anchorage" / "in Fairbanks")."""

from __future__ import annotations

from rapidfuzz.fuzz import ratio

from claimcheck.records import Verdict
from claimcheck.verify.align import Side, overlap, same_entity, same_root, shared

MIN_OVERLAP = 0.8  # the rest of the two claims must say the same thing
MIN_SHARED = 3
SPELLING = 80  # names this close are spellings of one name: the name check's business


def verify(a: Side, b: Side) -> Verdict | None:
    first, second = a.reading, b.reading
    if first.negated != second.negated or first.hypothetical != second.hypothetical:
        return None
    ours = [n for n in first.names if not any(same_entity(n, m) for m in second.names)]
    theirs = [
        n for n in second.names if not any(same_entity(n, m) for m in first.names)
    ]
    if len(ours) != 1 or len(theirs) != 1 or ratio(ours[0], theirs[0]) >= SPELLING:
        return None
    rest, other = _without(first.content, ours[0]), _without(second.content, theirs[0])
    if len(shared(rest, other)) < MIN_SHARED or overlap(rest, other) < MIN_OVERLAP:
        return None
    return Verdict(
        "contradiction",
        round(0.8 * overlap(rest, other), 3),
        f"{ours[0].title()} vs {theirs[0].title()}",
    )


def _without(content: tuple[str, ...], name: str) -> list[str]:
    words = name.split()
    return [s for s in content if not any(same_root(s, w) for w in words)]
