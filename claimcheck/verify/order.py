"""Order: two claims that put the same two things in opposite order ("a ceasefire before talks" / "talks
first, then a ceasefire"): positions of two actors, or a contradiction of one."""

from __future__ import annotations

from claimcheck.records import Verdict
from claimcheck.verify.align import Side, shared, surface


def verify(a: Side, b: Side) -> Verdict | None:
    first, second = a.reading, b.reading
    for earlier, later in first.order:
        for their_earlier, their_later in second.order:
            if shared(earlier, their_later) and shared(later, their_earlier):
                ours = first.actor or first.subject
                theirs = second.actor or second.subject
                kind = "contradiction" if ours and shared(ours, theirs) else "position"
                return Verdict(
                    kind,
                    0.75,
                    f"order: {_put(a, earlier, later)} vs {_put(b, their_earlier, their_later)}",
                )
    return None


def _put(side: Side, earlier, later) -> str:
    """ "Leaders: ceasefire before talks"."""
    reading = side.reading
    who = reading.label or side.claim.speaker or "one claim"
    first = surface(reading, earlier) or " ".join(earlier)
    then = surface(reading, later) or " ".join(later)
    return f"{who}: {first} before {then}"
