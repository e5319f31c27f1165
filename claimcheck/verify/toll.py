"""One story's toll, compared however much else two claims differ: deaths and injuries ("No one was killed or
injured, the mayor said" / "An 81-year-old woman, Rosaria Denti, died"), and acts denied in one and done in
the other ("No arrests have been made" / "Police arrested two men"). A toll is stated once per story, so the
other names and figures of the two sentences do not make them two things."""

from __future__ import annotations

from claimcheck.analysis.figures import Figure
from claimcheck.analysis.quantities import CASUALTY_UNITS, MEASURE_KINDS
from claimcheck.records import Verdict
from claimcheck.verify.align import (
    Side,
    by_unit,
    clash,
    names_conflict,
    shared,
    subjects_conflict,
)
from claimcheck.verify.number import same_topic


def verify(a: Side, b: Side) -> Verdict | None:
    first, second = a.reading, b.reading
    if subjects_conflict(first, second) or first.hypothetical != second.hypothetical:
        return None
    for f, g in _denied_and_done(first.figures, second.figures):
        if same_topic(f, g, first.content, second.content) and not names_conflict(
            f.names, g.names
        ):
            return Verdict("number", 0.85, f"{_act(f, g)}: {f.text} vs {g.text}")
    for unit, ours, theirs in by_unit(first.figures, second.figures):
        if unit not in CASUALTY_UNITS or not clash(ours, theirs):
            continue
        for f in ours:
            for g in theirs:
                if (
                    not f.baseline
                    and not g.baseline
                    and f.hypothetical == g.hypothetical
                    and same_topic(f, g, first.content, second.content)
                    and not names_conflict(f.names, g.names)
                ):
                    return Verdict("number", 0.85, f"{unit}: {f.text} vs {g.text}")
    return None


def _denied_and_done(ours, theirs):
    """(denial, count) pairs where one side denies an act and the other counts those it was done to: "No
    arrests have been made" / "Police arrested two men", "no evacuations" / "evacuated 300 residents"."""
    for first, second in ((ours, theirs), (theirs, ours)):
        for f in first:
            if f.high != 0 or not f.unit:
                continue
            for g in second:
                if (
                    g.low > 0
                    and not g.baseline
                    and g.unit not in MEASURE_KINDS  # a count of those it was done to
                    and not any(h.compatible(g) for h in first)
                    and (
                        shared([f.unit], g.measures)
                        if f.unit != g.unit
                        else shared(f.measures, g.measures)
                    )
                ):
                    yield f, g


def _act(denial: Figure, count: Figure) -> str:
    """The act's word as the count's claim writes it ("arrested"), for explanations."""
    acts = [denial.unit] if denial.unit != count.unit else denial.measures
    written = count.label.split()
    if len(written) != len(count.measures):
        return count.label
    words = [
        w for s, w in zip(count.measures, written, strict=True) if shared([s], acts)
    ]
    return " ".join(words) or count.label
