"""Dates: the same event, on another date (relative dates resolved against the publication date)."""

from __future__ import annotations

from claimcheck.analysis.reading import Reading, When
from claimcheck.records import Verdict
from claimcheck.verify.align import (
    Side,
    overlap,
    same_root,
    similar,
    subjects_conflict,
    surface,
)

MIN_OVERLAP = 0.5
# cosine of two claims' sentence embeddings from which their one date each is one event's, whatever the verbs
# (benchmarks/calibrate_similarity.py, as number.SAME_MEASURE_COSINE)
SAME_EVENT_COSINE = 0.8


def verify(a: Side, b: Side) -> Verdict | None:
    conflict = date_conflict(a.reading, b.reading, similar(a, b, SAME_EVENT_COSINE))
    if conflict is None:
        return None
    d, e = conflict
    event = surface(a.reading, [d.event]) or d.event
    return Verdict("date", 0.8, f'date of "{event}": {d.text} vs {e.text}')


def date_conflict(
    first: Reading, second: Reading, near: bool = False
) -> tuple[When, When] | None:
    """Two dates of one event that cannot both hold: the event is one when the dates belong to one predicate
    ("met on Tuesday" / "meeting on Wednesday") or, for claims `near` in meaning, when each has one date
    ("approved on Tuesday" / "endorsed late on Wednesday")."""
    if subjects_conflict(first, second) or first.repeated or second.repeated:
        return None
    if not near and overlap(first.content, second.content) < MIN_OVERLAP:
        return None
    for d in first.dates:
        same_event = [
            e
            for e in second.dates
            if d.event and e.event and same_root(d.event, e.event)
        ]
        if not same_event and near and len(first.dates) == len(second.dates) == 1:
            same_event = list(second.dates)
        if same_event and not any(d.compatible(e) for e in same_event):
            return d, same_event[0]
    return None
