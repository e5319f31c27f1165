"""Numbers: the same thing measured, values that differ beyond rounding or approximation."""

from __future__ import annotations

from dataclasses import replace

from claimcheck.analysis.figures import Count, Figure
from claimcheck.analysis.quantities import CASUALTY_UNITS
from claimcheck.analysis.terms import measure_families, stem
from claimcheck.records import Verdict
from claimcheck.verify.align import (
    Side,
    by_unit,
    clash,
    names_conflict,
    opposite,
    overlap,
    same_entity,
    same_root,
    same_time,
    shared,
    subjects_conflict,
)

MIN_OVERLAP = (
    0.5  # share of content words two claims must share to be about one measurement
)
MEASURE_UNITS = frozenset(
    {"percent", "percentage point", "usd", "eur", "gbp", "duration", ""}
)
SHARES = frozenset({"percent", "percentage point"})
MAX_RATIO = 2.0  # two reports of a story's one value (Reading.lone) that differ more measure two things
OWN_UNITS = frozenset(
    {"duration", "age"}
)  # what an event or a person has wherever it is told
TIME_WORDS = frozenset(
    map(
        stem,
        "second minute hour day week month quarter year decade century morning afternoon evening night".split(),
    )
)


def verify(a: Side, b: Side) -> Verdict | None:
    first, second = a.reading, b.reading
    if subjects_conflict(first, second):
        return None
    if first.hypothetical != second.hypothetical:
        return None
    for unit, ours, theirs in by_unit(*_cued(first, second)):
        if (
            unit
            and same_time(first, second)
            and clash(ours, theirs)
            and same_topic(ours[0], theirs[0], first.content, second.content)
        ):  # one vote or match in one story: "passed 7-2" / "the final tally was five to four"
            return Verdict(
                "number", 0.85, f"{unit}: {ours[0].text} vs {theirs[0].text}"
            )
    if names_conflict(first.places, second.places):
        return None  # a measure told place by place: "prices in Old Harbour rose 9.4%" / "in Kilbride, 3.1%"
    apart = _elsewhere(first) != _elsewhere(second)
    near = overlap(first.content, second.content) >= MIN_OVERLAP
    for unit, ours, theirs in by_unit(first.figures, second.figures):
        # one story's deaths and injuries are the toll verifier's; a share, count or sum for one part of the
        # story's place is not the whole's (a duration or an age is the event's own)
        if unit in CASUALTY_UNITS or apart and unit not in OWN_UNITS:
            continue
        # each story states one value of the unit: one measurement, if at one time
        lone = unit in first.lone and unit in second.lone and same_time(first, second)
        for f in ours:
            for g in theirs:
                if (
                    f.baseline
                    or g.baseline
                    or f.hypothetical != g.hypothetical
                    or _fits(f, theirs, first.content, second.content, lone)
                    or _fits(g, ours, second.content, first.content, lone)
                    or _parts(f, g, first, second)
                ):
                    continue
                # claims that say much the same compare any figures; others, one story's single counts (an
                # age, a count of one family: "fans" / "crowd") and shares of one named thing
                # ("tuition will rise 4.5 percent" / "a 6 percent increase in tuition")
                one_value = lone and _one_magnitude(f, g)
                alike = (
                    near
                    or one_value
                    or f.unit in _one_per_story()
                    or _one_thing(f, g)
                    or _for_one_thing(f, g)
                )  # the measure of one thing: "a seven-year term" / "whose five-year term began"
                if alike and _same_measure(
                    f, g, first.content, second.content, one_value
                ):
                    return Verdict(
                        "number", 0.85, f"{_label(f, g)}: {f.text} vs {g.text}"
                    )
    return None


def _parts(f: Figure, g: Figure, first, second) -> bool:
    """The two figures agree as parts of one whole: shares of two subjects or two outcomes that make it up
    together ("Stoneholt had 58% of possession" / "Redmere had 42 per cent of the ball", "71% were seen
    within four hours" / "three in ten waited longer"; "oxygen dropped by 40 percent" / "was 60% lower"
    clash), one the sum or difference of the other and a figure beside it ("1,150 beds" / "640 beds ... and
    another 510", "23 roads remained closed, down from 40" / "Seventeen had reopened"), or one a multiple of
    the other by a count in either claim ("$20,000 for each man" / "$40,000 for the two men"). Not
    durations, whose small numbers add up by chance ("two years into a seven-year term" / "her five-year
    term")."""
    if f.unit in OWN_UNITS:
        return False
    if f.unit in SHARES and f.low + g.low <= 100 <= f.high + g.high:
        outcomes = [stem(r.outcome or r.predicate_lemma) for r in (first, second)]
        subjects = first.subject and second.subject
        if (
            subjects
            and not shared(first.subject, second.subject)
            or not same_root(*outcomes)
        ):
            return True
    for x, y, beside in ((f, g, first.figures), (g, f, second.figures)):
        for h in beside:
            if h is x or h.unit not in (x.unit, ""):
                continue
            for value in (x.value + h.value, abs(x.value - h.value)):
                if value and _near(y, value):
                    return True
    counts = {
        c.value
        for c in (*first.figures, *second.figures)
        if c is not f
        and c is not g
        and c.unit not in MEASURE_UNITS
        and 2 <= c.value <= 20
    }
    low, high = sorted((f, g), key=lambda x: x.value)
    return any(_near(high, low.value * n) for n in counts)


def _near(f: Figure, value: float) -> bool:
    return f.low <= value <= f.high or f.value == value


def _one_magnitude(f: Figure, g: Figure) -> bool:
    """Two reports of one value differ by an error, not a multiple: "the final three kilometres" / "the final
    ten", "cost €276 million" / "15 cents for every €100" are two things."""
    low, high = sorted((abs(f.value), abs(g.value)))
    return low > 0 and high / low <= MAX_RATIO


def _elsewhere(reading) -> bool:
    """The claim names only places its story is not about: "prices in the Old Harbour district rose 9.4%",
    in a story about Ardmore, is not a figure for Ardmore ("prices were 4.9% higher")."""
    return bool(reading.places and reading.context) and not any(
        same_entity(p, c) for p in reading.places for c in reading.context
    )


def _cued(first, second) -> tuple[tuple[Count, ...], tuple[Count, ...]]:
    """The readings' tallies; one told without a cue word ("Rovers edged Calder Town 2-1") is of the other
    side's one kind ("Rovers won 3-1") where the subjects agree. Two without are no tally known."""
    together = bool(shared(first.subject, second.subject))

    def fill(counts, other):
        units = {c.unit for c in other if c.unit}
        if not together or len(units) != 1:
            return counts
        return tuple(
            replace(c, unit=next(iter(units))) if not c.unit else c for c in counts
        )

    return fill(first.counts, second.counts), fill(second.counts, first.counts)


def _fits(
    f: Figure,
    others,
    ours: tuple[str, ...],
    theirs: tuple[str, ...],
    lone: bool = False,
) -> bool:
    """Some figure on the other side is `f` (the same value) or agrees with it and may measure the same: then
    `f` is no clash, however the rest differ ("3 percent in May and 5 percent in June" / "5 percent in
    June"). An approximation of something else does not hide a clash ("nearly half of voters cast a
    ballot, turnout at 47 percent" / "turnout was 41 percent"). Of a story's one value of a unit (`lone`),
    any agreeing figure is the same unless one said to measure the same disagrees ("burned 12,400 acres" /
    "blackened roughly 5,000 hectares")."""
    agreeing = [g for g in others if f.compatible(g)]
    if any(
        f.value == g.value
        or not f.measures
        or not g.measures
        or _same_measure(f, g, ours, theirs)
        for g in agreeing
    ):
        return True
    return (
        lone
        and bool(agreeing)
        and not any(_same_measure(f, g, ours, theirs) for g in others)
    )


def _one_per_story() -> frozenset[str]:
    """Units one story states once, whatever the sentence: ages and counts of one family of nouns
    (claimcheck/data/measures.txt; casualties are the toll verifier's); what they are of still has to agree
    (same_topic)."""
    return frozenset({"age", *measure_families().values()})


def _for_one_thing(f: Figure, g: Figure) -> bool:
    """What both measures are of, or what one is of and the other is for: "a seven-year term" / "whose
    five-year term began", "the repairs will cost $38 million" / "the bill for the repair programme"."""
    ours, theirs = (
        [w for w in x.qualifiers if w not in TIME_WORDS] for x in (f, g)
    )  # "on Thursday evening" names no thing
    return bool(shared(f.of, g.of) or shared(f.of, theirs) or shared(g.of, ours))


def _one_thing(f: Figure, g: Figure) -> bool:
    """Both figures are shares of one named thing ("tuition", "turnout"): a noun among what each measures,
    or what a change is of ("a 6 percent increase in tuition")."""
    ours, theirs = (
        [w for w in x.things + x.qualifiers if w not in TIME_WORDS] for x in (f, g)
    )  # "in the first year" names no thing
    return f.unit in SHARES and bool(shared(ours, theirs))


def same_topic(f, g, ours: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Figures or tallies of one thing: "deaths in the storm" / "in the protest", "a 139-2 ruling on border
    policy" / "a 57-8 ruling on tax reform" are two; a thing one side names anywhere in the other is shared.
    Words for the counted thing itself ("fans" / "crowd") and for a time ("within a year") name no other thing."""
    ignored = TIME_WORDS | measure_families().keys()
    for first, second in (
        ([w for w in x if w not in ignored] for x in pair)
        for pair in ((f.things, g.things), (f.qualifiers, g.qualifiers))
    ):
        if (
            first
            and second
            and not shared(first, second)
            and not shared(first, theirs)
            and not shared(second, ours)
        ):
            return False
    return True


def _same_measure(
    f: Figure,
    g: Figure,
    ours: tuple[str, ...],
    theirs: tuple[str, ...],
    lone: bool = False,
) -> bool:
    """Figures measure one thing unless their things, names or topics differ ("deaths in the storm" /
    "in the protest", "turnout in Ohio" / "in Texas", "a ruling on border policy" / "on tax reform").
    A percentage, amount or duration must name what it measures in both ("turnout"); deaths and injuries
    are what they measure; a count counts a noun of its own ("48 prisoners"), so that noun is enough.
    `ours`, `theirs`: the claims' content, where one side's thing may stand elsewhere in the other."""
    if f.unit == "age":  # one person's age: both name the person, the same one
        return bool(f.names) and bool(g.names) and not names_conflict(f.names, g.names)
    if (
        names_conflict(f.names, g.names)
        or not same_topic(f, g, ours, theirs)
        or any(opposite(x, y) for x in f.measures for y in g.measures)
    ):  # "cut 120 jobs" / "creating 60 jobs"
        return False
    # "210 millimetres of rain" / "rainfall totals reached 150 mm"
    if _for_one_thing(f, g):
        return True
    if f.unit in MEASURE_UNITS and not lone:
        return bool(shared(f.measures, g.measures)) or _one_thing(f, g)
    if lone or f.unit in _one_per_story():
        return True
    return bool(shared(f.measures, g.measures)) or not f.measures or not g.measures


def _label(f: Figure, g: Figure) -> str:
    common = shared(f.measures, g.measures)
    words = (
        [w for s, w in zip(f.measures, f.label.split(), strict=True) if s in common]
        if len(f.measures) == len(f.label.split())
        else f.label.split()
    )
    if words:
        return " ".join(
            dict.fromkeys(words)
        )  # "residents hamlet", not "residents hamlet hamlet"
    things = shared(f.things + f.qualifiers, g.things + g.qualifiers)
    return f"{f.unit} ({' '.join(things)})" if things else f.unit  # "percent (pay)"
