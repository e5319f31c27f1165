"""What verifiers share: a claim with its reading, and whether two readings are about the same thing."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claimcheck.claims import Claim
from claimcheck.reading import Reading


@dataclass(frozen=True)
class Side:
    claim: Claim
    reading: Reading


def same_root(x: str, y: str) -> bool:
    """Stems of one word family: "injur"/"injury", "ceasefir"/"ceasefir"."""
    return x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x)))


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
    """"eastport" / "eastport county board"; "vladimir putin" / "putin"."""
    ours, theirs = set(x.split()), set(y.split())
    return x == y or (bool(ours) and bool(theirs) and (ours <= theirs or theirs <= ours))


def same_context(a: Reading, b: Reading) -> bool:
    """Claims from documents about different towns, teams or companies are not compared, unless the claims
    themselves name something in common; a document without a context says nothing either way."""
    if not a.context or not b.context:
        return True
    ours, theirs = set(a.context) | set(a.names), set(b.context) | set(b.names)
    return any(same_entity(x, y) for x in ours for y in theirs)


def names_conflict(ours: Iterable[str], theirs: Iterable[str]) -> bool:
    """Both sides name someone or something, and no name of one is a name of the other."""
    ours, theirs = list(ours), list(theirs)
    return bool(ours) and bool(theirs) and not any(same_entity(x, y) for x in ours for y in theirs)


def subjects_conflict(a: Reading, b: Reading) -> bool:
    """Both subjects name someone or something, and not the same: "Riverton won" / "Harbor City lost",
    "Rafael Gomez" / "Boris Gomez", "the summit in Geneva" / "the summit in Vienna"."""
    return names_conflict(a.subject_names, b.subject_names)


def comparable(a: Reading, b: Reading) -> bool:
    """The two claims may be about the same thing: their contexts agree and their subjects do not clash."""
    return same_context(a, b) and not subjects_conflict(a, b)


def surface(reading: Reading, stems: Iterable[str]) -> str:
    """The written words for some of a reading's content stems."""
    wanted = list(stems)
    return " ".join(word for stem_, word in zip(reading.content, reading.words)
                    if any(same_root(stem_, w) for w in wanted))


def figures_clash(first: Reading, second: Reading, unit: str) -> bool:
    """Both readings state figures in `unit`, and none of one's fits any of the other's."""
    ours = [f for f in first.figures if f.unit == unit]
    theirs = [f for f in second.figures if f.unit == unit]
    return bool(ours) and bool(theirs) and not any(f.compatible(g) for f in ours for g in theirs)


def differences(a: Reading, b: Reading) -> list[str]:
    """The parts in which two readings disagree: subject, venue or agent (else other names), figures, tallies, dates.
    A contradiction changes one fact; two reports that differ in several are about different things."""
    found = []
    if subjects_conflict(a, b):
        found.append("subject")
    for role in ("at:", "by:"):
        if names_conflict([r[3:] for r in a.roles if r.startswith(role)], [r[3:] for r in b.roles if r.startswith(role)]):
            found.append(role[:-1])
    if not found and names_conflict(a.names, b.names):       # "... for border policy in Leeds" / "... in Split"
        found.append("names")
    if any(figures_clash(a, b, unit) for unit in {f.unit for f in a.figures} & {f.unit for f in b.figures}):
        found.append("figures")
    if {c.unit for c in a.counts} & {c.unit for c in b.counts} and \
            not any(c.matches(d) for c in a.counts for d in b.counts if c.unit == d.unit):
        found.append("counts")
    if any(not d.compatible(e) for d in a.dates for e in b.dates if d.event and same_root(d.event, e.event)):
        found.append("dates")
    return found
