"""Dates: the same event, on another date (relative dates resolved against the publication date)."""

from __future__ import annotations

from functools import lru_cache

from claimcheck.analysis.reading import When, vocabulary
from claimcheck.analysis.terms import stem
from claimcheck.records import Verdict
from claimcheck.verify.align import (
    Side,
    opposite,
    overlap,
    same_root,
    subjects_conflict,
    surface,
)

MIN_OVERLAP = 0.5
# cosine of two dated events' clauses from which they are one event told in other words ("The fire broke out
# in dry brush near a campground" / "the fire ignited near a campground"), set on probe batches a-u
EVENT_COSINE = 0.72


def verify(a: Side, b: Side) -> Verdict | None:
    first, second = a.reading, b.reading
    if subjects_conflict(first, second) or first.repeated or second.repeated:
        return None
    # "did not concede on Tuesday" / "conceded on Wednesday": no date of a conceding
    if first.negated or second.negated:
        return None
    alike = overlap(first.content, second.content) >= MIN_OVERLAP
    events = [
        (i, j)
        for i, d in enumerate(first.dates)
        for j, e in enumerate(second.dates)
        if d.event
        and e.event
        and ((alike and same_root(d.event, e.event)) or one_event(a, d, b, e))
    ]
    # a date either side gives its event one day the other side agrees with: the claims agree on it
    agreed = {
        (side, n)
        for i, j in events
        if first.dates[i].compatible(second.dates[j])
        for side, n in ((0, i), (1, j))
    }
    for i, j in events:
        if (0, i) not in agreed and (1, j) not in agreed:
            d, e = first.dates[i], second.dates[j]
            event = surface(first, [d.event]) or d.event
            return Verdict("date", 0.8, f'date of "{event}": {d.text} vs {e.text}')
    return None


@lru_cache(maxsize=1)
def _phases() -> dict[str, int]:
    return {stem(verb): phase for verb, phase in vocabulary()["phases"].items()}


def one_event(a: Side, d: When, b: Side, e: When) -> bool:
    """One event in other words: its two clauses near in meaning (sentence embeddings), where neither claim
    is an update ("rose to 46,000 on Thursday, from 19,000 on Tuesday"), their outcomes are not opposite, and
    they are not two phases of an event (claimcheck/data/phases.txt)."""
    if a.events is None or b.events is None or not (d.clause and e.clause):
        return False
    first, second = a.reading, b.reading
    if any(f.baseline for f in first.figures + second.figures) or opposite(
        first.outcome, second.outcome
    ):
        return False
    phases = _phases()
    if (d.event in phases or e.event in phases) and phases.get(d.event) != phases.get(
        e.event
    ):
        return False  # "The strike began in March" / "The strike ended in June"
    u, v = a.events.get(d.clause), b.events.get(e.clause)
    return u is not None and v is not None and float(u @ v) >= EVENT_COSINE
