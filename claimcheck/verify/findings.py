"""Findings: pairs of claims that disagree, with a kind, a score and a one-line explanation."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from claimcheck.claims import Claim

KINDS = ("contradiction", "position", "number", "date", "name")

# When several verifiers flag one pair, the most specific verdict explains it best.
SPECIFICITY = {"name": 0, "number": 1, "date": 2, "position": 3, "contradiction": 4}


@dataclass(frozen=True)
class Verdict:
    """One verifier's judgement that two claims disagree."""
    kind: str          # one of KINDS
    score: float       # in [0, 1]
    explanation: str   # one line


@dataclass(frozen=True)
class Finding:
    id: str            # the fingerprint: stable across machines, databases and re-ingests
    kind: str
    score: float
    explanation: str
    a: Claim
    b: Claim


def fingerprint(kind: str, a: Claim, b: Claim) -> str:
    """Hash of the kind and both claims' source and normalised text, in a fixed order."""
    sides = sorted(f"{claim.source}\x00{normalise(claim.text)}" for claim in (a, b))
    return hashlib.sha1("\x00".join([kind, *sides]).encode("utf-8")).hexdigest()[:16]


def normalise(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def nli_verdict(a: Claim, b: Claim, contradiction: float, threshold: float) -> Verdict | None:
    """A contradiction from the NLI model; between two named speakers it is a clash of positions."""
    if contradiction < threshold:
        return None
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return Verdict("position", contradiction,
                       f"{a.speaker} and {b.speaker} take opposing positions (NLI contradiction {contradiction:.2f})")
    return Verdict("contradiction", contradiction, f"the claims contradict each other (NLI {contradiction:.2f})")


def to_finding(a: Claim, b: Claim, verdicts: list[Verdict]) -> Finding | None:
    """One finding per pair: the most specific verdict, scored by the strongest evidence."""
    if not verdicts:
        return None
    best = min(verdicts, key=lambda v: (SPECIFICITY[v.kind], -v.score))
    score = max(v.score for v in verdicts)
    return Finding(fingerprint(best.kind, a, b), best.kind, round(min(max(score, 0.0), 1.0), 4),
                   best.explanation, a, b)
