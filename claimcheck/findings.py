"""Findings: pairs of claims that disagree, with a kind, a score and a one-line explanation."""
from __future__ import annotations

from dataclasses import dataclass

from claimcheck.claims import Claim

KINDS = ("contradiction", "position", "number", "date", "name")


@dataclass(frozen=True)
class Verdict:
    """One verifier's judgement that two claims disagree."""
    kind: str          # one of KINDS
    score: float       # in [0, 1]
    explanation: str   # one line


@dataclass(frozen=True)
class Finding:
    id: str
    kind: str
    score: float
    explanation: str
    a: Claim
    b: Claim
