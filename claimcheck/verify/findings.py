"""From verdicts to findings: one finding per pair of claims, the NLI model's verdict among them."""

from __future__ import annotations

from claimcheck.records import SPECIFICITY, Claim, Finding, Verdict, fingerprint


def nli_verdict(
    a: Claim, b: Claim, contradiction: float, threshold: float
) -> Verdict | None:
    """A contradiction from the NLI model; between two named speakers it is a clash of positions."""
    if contradiction < threshold:
        return None
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return Verdict(
            "position",
            contradiction,
            f"{a.speaker} and {b.speaker} take opposing positions (NLI contradiction {contradiction:.2f})",
        )
    return Verdict(
        "contradiction",
        contradiction,
        f"the claims contradict each other (NLI {contradiction:.2f})",
    )


def to_finding(a: Claim, b: Claim, verdicts: list[Verdict]) -> Finding | None:
    """One finding per pair: the most specific verdict, scored by the strongest evidence."""
    if not verdicts:
        return None
    best = min(verdicts, key=lambda v: (SPECIFICITY[v.kind], -v.score))
    score = max(v.score for v in verdicts)
    return Finding(
        fingerprint(best.kind, a, b),
        best.kind,
        round(min(max(score, 0.0), 1.0), 4),
        best.explanation,
        a,
        b,
    )
