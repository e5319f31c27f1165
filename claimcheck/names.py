"""Name findings: sources (or two places in one source) spell one entity's name differently.

The likely right spelling is the reference list's, else the one most sources use. Normal variation
is no finding: titles, possessives, middle initials, a surname alone, the reference's aliases.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from claimcheck.claims import Claim
from claimcheck.entities import Entity, Mention, extract_mentions, fold, link
from claimcheck.findings import Finding, fingerprint
from claimcheck.reference import Reference

REFERENCE_SCORE = 0.95


def name_findings(claims: Sequence[Claim], reference: Reference | None = None,
                  extractor: str | None = None) -> list[Finding]:
    by_id = {claim.id: claim for claim in claims}
    entities = link(extract_mentions(claims, extractor), reference)
    findings: dict[str, Finding] = {}
    for entity in entities:
        for finding in entity_findings(entity, by_id):
            if finding.id not in findings or finding.score > findings[finding.id].score:
                findings[finding.id] = finding
    return sorted(findings.values(), key=lambda f: (-f.score, f.id))


def accepted_parts(entity: Entity) -> tuple[set[str], set[str]]:
    """First names and surnames that spell the entity right: the reference's (with aliases), else the canonical."""
    spellings = (entity.reference.name, *entity.reference.aliases) if entity.reference else (entity.name,)
    given, surnames = set(), set()
    for spelling in spellings:
        parts = Mention("", "", "", spelling, 0, 0, "person").parts
        if parts:
            surnames.add(parts[-1])
            given |= {parts[0]} if len(parts) > 1 else set()
    return given, surnames


def is_right(mention: Mention, given: set[str], surnames: set[str]) -> bool:
    if fold(mention.text) in {fold(s) for s in given | surnames}:
        return True
    first_ok = mention.given is None or not given or any(
        mention.given == g or len(mention.given) == 1 and g.startswith(mention.given) for g in given)
    return mention.surname in surnames and first_ok


def entity_findings(entity: Entity, claims: dict[str, Claim]) -> list[Finding]:
    if entity.kind != "person" and not entity.reference:
        return []
    given, surnames = accepted_parts(entity)
    right = [m for m in entity.mentions if is_right(m, given, surnames)]
    wrong = [m for m in entity.mentions if not is_right(m, given, surnames)]
    if not wrong:
        return []
    right_sources = sorted({m.source for m in right})
    findings = []
    for spelling, mentions in _by_spelling(wrong).items():
        sources = sorted({m.source for m in mentions})
        explanation = _explain(entity, spelling, sources, right_sources)
        score = REFERENCE_SCORE if entity.reference else round(
            max(0.5, len(right_sources) / (len(right_sources) + len(sources))), 4)
        for m in mentions:
            a = claims[m.claim]
            b = claims[_partner(m, right, claims).claim] if right else a
            findings.append(Finding(fingerprint("name", a, b), "name", score, explanation, a, b))
    return findings


def _by_spelling(mentions: Sequence[Mention]) -> dict[str, list[Mention]]:
    groups = defaultdict(list)
    for m in mentions:
        groups[m.text].append(m)
    return dict(sorted(groups.items()))


def _partner(m: Mention, right: Sequence[Mention], claims: dict[str, Claim]) -> Mention:
    """The spelled-right mention to show beside a wrong one: the same document first, else the earliest."""
    def order(r: Mention):
        claim = claims[r.claim]
        return (r.document != m.document, len(r.text.split()) < 2, claim.published or "", claim.source,
                claim.path, claim.start, r.start)
    return min(right, key=order)


def _explain(entity: Entity, spelling: str, sources: list[str], right_sources: list[str]) -> str:
    wrong = f'{_list(sources)} {"writes" if len(sources) == 1 else "write"} "{spelling}"'
    if entity.reference:
        role = f", {entity.reference.role}" if entity.reference.role else ""
        agree = (f"; {_count(right_sources)} ({_list(right_sources)}) write{'s' if len(right_sources) == 1 else ''}"
                 f" it that way" if right_sources else "")
        return f'{wrong}; the reference list spells it "{entity.name}"{role}{agree}'
    if len(right_sources) > len(sources):
        verdict = f'"{entity.name}" is likely right'
    else:
        verdict = "as many sources spell it each way, so which is right is unclear"
    return (f'{wrong} ({_count(sources)}); {_list(right_sources)} write{"s" if len(right_sources) == 1 else ""} '
            f'"{entity.name}" ({_count(right_sources)}): {verdict}')


def _count(sources: list[str]) -> str:
    return f"{len(sources)} source{'s' if len(sources) != 1 else ''}"


def _list(items: list[str]) -> str:
    return ", ".join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")
