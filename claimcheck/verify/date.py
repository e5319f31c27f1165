"""Dates: the same event, on another date (relative dates resolved against the publication date)."""

from __future__ import annotations

from claimcheck.records import Verdict
from claimcheck.verify.align import Side, overlap, same_root, subjects_conflict, surface

MIN_OVERLAP = 0.5


def verify(a: Side, b: Side) -> Verdict | None:
    first, second = a.reading, b.reading
    if subjects_conflict(first, second) or first.repeated or second.repeated:
        return None
    # "did not concede on Tuesday" / "conceded on Wednesday": no date of a conceding
    if first.negated or second.negated:
        return None
    if overlap(first.content, second.content) < MIN_OVERLAP:
        return None
    for d in first.dates:
        same_event = [
            e
            for e in second.dates
            if d.event and e.event and same_root(d.event, e.event)
        ]
        if same_event and not any(d.compatible(e) for e in same_event):
            e = same_event[0]
            event = surface(first, [d.event]) or d.event
            return Verdict("date", 0.8, f'date of "{event}": {d.text} vs {e.text}')
    return None
