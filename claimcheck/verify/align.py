"""What verifiers share: a claim with its reading, and whether two readings are about the same thing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimcheck.analysis.reading import CODE, Reading, vocabulary
from claimcheck.analysis.terms import stem
from claimcheck.records import Claim


@dataclass(frozen=True)
class Side:
    claim: Claim
    reading: Reading
    # unit sentence-embedding vectors of dated events' clauses (When.clause), by clause, where check made them
    events: Mapping[str, Any] | None = None


def same_root(x: str, y: str) -> bool:
    """Stems of one word family: "injur"/"injury", "ceasefir"/"ceasefir"; or words for one change or outcome
    (a group of claimcheck/data/antonyms.txt): "ris"/"increas", "drop"/"fall"."""
    return (
        x == y
        or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x)))
        or (group := _alike().get(x)) is not None
        and group == _alike().get(y)
    )


@lru_cache(maxsize=1)
def _alike() -> dict[str, int]:
    return {stem(word): group for word, group in vocabulary()["alike"].items()}


def opposite(x: str, y: str) -> bool:
    """Antonymous outcomes or acts, compared by stem (claimcheck/data/antonyms.txt): "closed" / "reopen",
    "approved" / "defeat", "cut" / "creating"."""
    return stem(y) in _antonym_stems().get(stem(x), ())


@lru_cache(maxsize=1)
def _antonym_stems() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for word, others in vocabulary()["antonyms"].items():
        found.setdefault(stem(word), set()).update(map(stem, others))
    return found


def shared(ours: Iterable[str], theirs: Iterable[str]) -> list[str]:
    theirs = set(theirs)
    return [x for x in dict.fromkeys(ours) if any(same_root(x, y) for y in theirs)]


def overlap(ours: Iterable[str], theirs: Iterable[str]) -> float:
    """Share of the shorter side's stems that the other side has too."""
    ours, theirs = set(ours), set(theirs)
    if not ours or not theirs:
        return 0.0
    return len(shared(ours, theirs)) / min(len(ours), len(theirs))


def same_entity(x: str, y: str) -> bool:
    """ "eastport" / "eastport county board"; "vladimir putin" / "putin"."""
    ours, theirs = set(x.split()), set(y.split())
    return x == y or (
        bool(ours) and bool(theirs) and (ours <= theirs or theirs <= ours)
    )


def same_context(a: Reading, b: Reading) -> bool:
    """Claims from documents about different towns, teams, companies or flights are not compared: the
    documents (with what the claims name) must share what one of them is about (the headline's first
    entity), or two things; one incidental place in common ("Boston") is not enough. A document without
    a context says nothing either way."""
    if not a.context or not b.context:
        return True
    codes = [
        {w for name in r.context for w in name.split() if CODE.fullmatch(w)}
        for r in (a, b)
    ]
    if codes[0] and codes[1] and not codes[0] & codes[1]:
        return False  # flight CO5640 is not flight CO7999; bill HB 12 is not bill HB 14
    theirs = _in_context(b)
    common = {
        x
        for x in _in_context(a)
        if not CODE.fullmatch(x) and any(_leads(x, y) for y in theirs)
    }  # "Q3" is no story
    return len(common) >= 2 or any(
        _leads(x, first) for x in common for first in (a.context[0], b.context[0])
    )


def _leads(x: str, y: str) -> bool:
    """One name is the other or begins it ("riverton" / "riverton fc"); a shared last word is not enough
    ("wanderers" / "hazelford wanderers")."""
    ours, theirs = x.split(), y.split()
    return ours[: len(theirs)] == theirs or theirs[: len(ours)] == ours


def one_person(a: Reading, b: Reading) -> bool:
    """Two spellings of a name in these claims may be one person: their documents are related, or the two
    name phrases share most of their words, titles included ("Prime Minister Georgia Meloni" / "Prime Minister
    Giorgia Meloni", one word apart; not "Lena Costa" / "Leila Costa")."""
    return related_context(a, b) or any(
        len(set(x.split()) & set(y.split())) * 2
        >= len(set(x.split()) | set(y.split()))
        > 2
        for x in a.names
        for y in b.names
        if x != y
    )


def related_context(a: Reading, b: Reading) -> bool:
    """The documents (with what the claims name) have anything in common: enough for two spellings of one
    name to be one person ("Giorgia Meloni" in a summit report and in a White House report)."""
    return (
        not a.context
        or not b.context
        or bool(set(_in_context(a)) & set(_in_context(b)))
    )


def names_conflict(ours: Iterable[str], theirs: Iterable[str]) -> bool:
    """Both sides name someone or something, and no name of one is a name of the other."""
    ours, theirs = list(ours), list(theirs)
    return (
        bool(ours)
        and bool(theirs)
        and not any(same_entity(x, y) for x in ours for y in theirs)
    )


def _in_context(reading: Reading) -> list[str]:
    """The document's entities and the claim's names, each name read as the context entity it abbreviates
    ("Helix" in an article about Helix Networks is Helix Networks); documents match on names spelled alike."""
    names = [
        next((c for c in reading.context if same_entity(n, c) and len(c) > len(n)), n)
        for n in reading.names
    ]
    return list(dict.fromkeys(reading.context + tuple(names)))


def subjects_conflict(a: Reading, b: Reading) -> bool:
    """Both subjects name someone or something, and not the same: "Riverton won" / "Harbor City lost",
    "Rafael Gomez" / "Boris Gomez", "the summit in Geneva" / "the summit in Vienna"; or one is another of
    its kind ("The flight landed" / "A second flight landed")."""
    if a.another != b.another:
        return True
    return names_conflict(a.subject_names, b.subject_names) and not (
        _done_to(a, b) or _done_to(b, a)
    )


def _done_to(a: Reading, b: Reading) -> bool:
    """A passive's subject is what the other's verb is done to: "Valcourt was sentenced to seven years" / "A
    court in Ashcombe jailed Valcourt"."""
    return (
        not a.actor
        and bool(a.subject_names)
        and all(stem(w) in b.patient for name in a.subject_names for w in name.split())
    )


def comparable(a: Reading, b: Reading) -> bool:
    """The two claims may be about the same thing: their contexts agree and their subjects do not clash."""
    return same_context(a, b) and not subjects_conflict(a, b)


def surface(reading: Reading, stems: Iterable[str]) -> str:
    """The written words for some of a reading's content stems."""
    wanted = list(stems)
    return " ".join(
        word
        for stem_, word in zip(reading.content, reading.words, strict=True)
        if any(same_root(stem_, w) for w in wanted)
    )


SAME_UNIT = {
    "point": "percentage point"
}  # "a swing of 6.5 points" / "of 9.2 percentage points"


def by_unit(
    ours_all: Iterable, theirs_all: Iterable
) -> Iterator[tuple[str, list, list]]:
    """(unit, ours, theirs) for each unit both sides state figures or tallies in, units in order."""
    ours_all, theirs_all = list(ours_all), list(theirs_all)

    def unit_of(x) -> str:
        return SAME_UNIT.get(x.unit, x.unit)

    for unit in sorted(
        {unit_of(x) for x in ours_all} & {unit_of(x) for x in theirs_all}
    ):
        yield (
            unit,
            [x for x in ours_all if unit_of(x) == unit],
            [x for x in theirs_all if unit_of(x) == unit],
        )


def same_time(first: Reading, second: Reading) -> bool:
    """Claims dated at other times are of two events: "Prices rose in May" / "Prices fell in June", "beat
    Rovers 2-0 in May" / "edged Rovers 2-1 on Saturday"."""
    return (
        not first.dates
        or not second.dates
        or any(d.compatible(e) for d in first.dates for e in second.dates)
    )


def clash(ours: list, theirs: list) -> bool:
    """No figure (or tally) of one side fits any of the other's."""
    return not any(f.compatible(g) for f in ours for g in theirs)


def differences(a: Reading, b: Reading, places: bool = True) -> list[str]:
    """The parts in which two readings disagree: subject, venue or agent (else, with `places`, other places
    named anywhere), figures, tallies, dates. A contradiction changes one fact; two reports that differ in
    several are about different things."""
    found = []
    if subjects_conflict(a, b):
        found.append("subject")
    for role in ("at:", "in:", "by:"):
        if names_conflict(
            [r[3:] for r in a.roles if r.startswith(role)],
            [r[3:] for r in b.roles if r.startswith(role)],
        ):
            found.append(role[:-1])
    # "... for border policy in Leeds" / "... in Split"; other names may fill other parts
    if places and not found and names_conflict(a.places, b.places):
        found.append("places")
    if any(clash(ours, theirs) for _, ours, theirs in by_unit(a.figures, b.figures)):
        found.append("figures")
    if any(clash(ours, theirs) for _, ours, theirs in by_unit(a.counts, b.counts)):
        found.append("counts")
    if any(
        not d.compatible(e)
        for d in a.dates
        for e in b.dates
        if d.event and same_root(d.event, e.event)
    ):
        found.append("dates")
    return found


def predicate_part(reading: Reading) -> list[str]:
    """The content stems besides the subject's: what is said about it."""
    return [
        s for s in reading.content if not any(same_root(s, t) for t in reading.subject)
    ]
