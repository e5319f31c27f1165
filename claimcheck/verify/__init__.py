"""Verifiers: each compares two aligned claims part by part and may return a Verdict.

A verifier is a function `verify(a: Side, b: Side) -> Verdict | None` in a module of this package,
listed in VERIFIERS; adding a check is one new module and one line here. Plugins add verifiers of their own
(claimcheck.hookspecs.register_verifiers); the pipeline passes verify_pair the built-in ones followed by
theirs (claimcheck.plugins.verifiers()).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from claimcheck.records import Verdict
from claimcheck.verify import (
    date,
    entity,
    leader,
    number,
    order,
    polarity,
    position,
    role,
    toll,
)
from claimcheck.verify.align import (
    Side,
    by_unit,
    comparable,
    differences,
    overlap,
    predicate_part,
    same_context,
    shared,
)

Verifier = Callable[[Side, Side], Verdict | None]

VERIFIERS: tuple[Verifier, ...] = (
    polarity.verify,
    role.verify,
    leader.verify,
    entity.verify,
    position.verify,
    order.verify,
    number.verify,
    toll.verify,
    date.verify,
)
MIN_SHARED = 2  # content stems (or equal figures) two claims share at least for the NLI model's verdict to stand
SAME_STATEMENT = (
    0.75  # share of the words besides the subject that make two claims one statement
)

__all__ = [
    "Side",
    "VERIFIERS",
    "Verifier",
    "comparable",
    "nli_applies",
    "same_context",
    "verify_pair",
]


def verify_pair(
    a: Side, b: Side, verifiers: Sequence[Verifier] = VERIFIERS
) -> list[Verdict]:
    """Every verifier's verdict on the pair, at most one of a kind (the first), in `verifiers`' order: the
    built-in VERIFIERS, then any others (plugins'). Claims that differ in several parts are different things,
    which of the built-in verifiers only position, order, leader and toll compare (their parts are structured, or
    stated once per story);
    the others still see them."""
    if not same_context(a.reading, b.reading):
        return []
    # the verifiers check the names of the parts they compare; places elsewhere may be incidental ("at a
    # downtown hotel" / "in Estovia"), which the NLI model, reading whole sentences, cannot tell
    several = len(differences(a.reading, b.reading, places=False)) > 1
    verdicts: dict[str, Verdict] = {}
    for verify in verifiers:
        if (
            several
            and verify in VERIFIERS
            and verify
            not in (position.verify, order.verify, leader.verify, toll.verify)
        ):
            continue
        verdict = verify(a, b)
        if verdict is not None:
            verdicts.setdefault(verdict.kind, verdict)
    return list(verdicts.values())


def nli_applies(a: Side, b: Side) -> bool:
    """Whether an NLI model's "contradiction" can stand for this pair: the documents are about the same thing,
    the claims differ in at most one part (a changed subject alone may be the contradiction), one does not
    merely restate the other with the same polarity ("No questions were taken" / "The leaders did not take
    questions"), and their figures of one unit do not all measure different things ("the meeting lasted an
    hour" / "the talks lasted three hours")."""
    first, second = a.reading, b.reading
    if not same_context(first, second) or len(differences(first, second)) > 1:
        return False
    same_figures = sum(
        any(f.unit == g.unit and f.value == g.value for g in second.figures)
        for f in first.figures
    )  # "A fifth of the staff were laid off" / "A fifth of the staff were hired"
    if len(shared(first.content, second.content)) + same_figures < MIN_SHARED:
        return False  # one word in common is no one statement: "No questions were taken" / "questions remained"
    if (
        not comparable(first, second)
        and overlap(predicate_part(first), predicate_part(second)) < SAME_STATEMENT
    ):
        return False  # other subjects, saying other things: "Rafael Gomez missed the storm in Utrecht" / ...
    if (
        first.negated == second.negated
        and first.hypothetical == second.hypothetical
        and len(set(first.content)) >= 2
        and len(set(second.content)) >= 2
        and overlap(first.content, second.content) == 1
    ):
        return False
    for _, ours, theirs in by_unit(first.figures, second.figures):
        if all(
            f.measures and g.measures and not shared(f.measures, g.measures)
            for f in ours
            for g in theirs
        ):
            return False
        if _equal_in_other_notation(ours, theirs):
            return False  # "the 26.2-mile course" / "the 42.195-kilometre course": the reader converted
        if _parts_of_one_whole(ours, theirs):
            return False  # "carried 11 of the 14 districts" / "three of the 14 districts voted No"
    if any(
        c.unit == d.unit and not number.same_topic(c, d, first.content, second.content)
        for c in first.counts
        for d in second.counts
    ):
        return False  # tallies of different votes or matches
    return True


def _parts_of_one_whole(ours, theirs) -> bool:
    """Both sides state one value of a unit (the whole) and each another: parts, which the number verifier
    compares where they measure one thing; the NLI model reads them as a contradiction."""
    whole = {f.value for f in ours} & {g.value for g in theirs}
    return (
        bool(whole)
        and any(f.value not in whole for f in ours)
        and any(g.value not in whole for g in theirs)
    )


def _equal_in_other_notation(ours, theirs) -> bool:
    """Every figure of one unit on each side fits one on the other, and they are written differently
    ("a fifth" / "20 percent", "2.5 million" / "2,500,000"): the NLI model reads notation, the reader values."""
    written = {f.text.lower() for f in ours} != {g.text.lower() for g in theirs}
    return (
        written
        and all(any(f.compatible(g) for g in theirs) for f in ours)
        and all(any(g.compatible(f) for f in ours) for g in theirs)
    )
