"""Name findings: sources (or two places in one source) spell one entity's name differently.

The likely right spelling is the reference list's, else the one most sources use. Normal variation
is no finding: titles, possessives, middle initials, a surname alone, the reference's aliases.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

from claimcheck.analysis.entities import (
    Entity,
    Extractor,
    Mention,
    extract_mentions,
    fold,
    link,
)
from claimcheck.analysis.reference import Reference
from claimcheck.records import Claim, Finding, fingerprint

REFERENCE_SCORE = 0.95


def name_findings(
    claims: Sequence[Claim],
    reference: Reference | None = None,
    new: Collection[str] | None = None,
    extractor: str | Extractor | None = None,
) -> list[Finding]:
    """Misspelled names among all the claims; with `new` (claim ids), only findings involving one of them."""
    entities = link(extract_mentions(claims, extractor), reference)
    return findings_of(entities, {claim.id: claim for claim in claims}, new)


def findings_of(
    entities: Sequence[Entity],
    claims: dict[str, Claim],
    new: Collection[str] | None = None,
) -> list[Finding]:
    """The entities' findings (`claims`: their mentions' claims by id); with `new`, only those involving one."""
    findings: dict[str, Finding] = {}
    for entity in entities:
        for finding in entity_findings(entity, claims):
            if new is not None and finding.a.id not in new and finding.b.id not in new:
                continue
            if finding.id not in findings or finding.score > findings[finding.id].score:
                findings[finding.id] = finding
    return sorted(findings.values(), key=lambda f: (-f.score, f.id))


def accepted_parts(entity: Entity) -> tuple[set[str], set[str]]:
    """First names and surnames that spell the entity right: the reference's (with aliases), else the canonical."""
    spellings = (
        (entity.reference.name, *entity.reference.aliases)
        if entity.reference
        else (entity.name,)
    )
    given, surnames = set(), set()
    for spelling in spellings:
        parts = Mention("", "", "", spelling, 0, 0, "person").parts
        if parts:
            surnames.add(parts[-1])
            given |= {parts[0]} if len(parts) > 1 else set()
    return given, surnames


def misspelled(entity: Entity) -> bool:
    """Whether the entity has findings: it is a person or on the reference list, and a mention spells it wrong."""
    if entity.kind != "person" and not entity.reference:
        return False
    given, surnames = accepted_parts(entity)
    return not all(is_right(m, given, surnames) for m in entity.mentions)


def is_right(mention: Mention, given: set[str], surnames: set[str]) -> bool:
    if fold(mention.text) in given:  # a first name alone
        return True
    return mention.surname in surnames and (
        mention.given is None or not given or mention.given in given
    )


def entity_findings(entity: Entity, claims: dict[str, Claim]) -> list[Finding]:
    if not misspelled(entity):
        return []
    given, surnames = accepted_parts(entity)
    right = [m for m in entity.mentions if is_right(m, given, surnames)]
    wrong = [m for m in entity.mentions if not is_right(m, given, surnames)]
    right_sources = sorted({m.source for m in right})
    full_partners, partners = (
        _partners([r for r in right if r.given], claims),
        _partners(right, claims),
    )
    findings = []
    for spelling, mentions in _by_spelling(wrong).items():
        sources = sorted({m.source for m in mentions})
        explanation = _explain(entity, spelling, sources, right_sources)
        score = (
            REFERENCE_SCORE
            if entity.reference
            else round(
                max(0.5, len(right_sources) / (len(right_sources) + len(sources))), 4
            )
        )
        for m in _one_per_sentence(mentions, claims):
            a = claims[m.claim]
            # a wrong first name shows best beside the full name spelled right
            shown = (
                full_partners if m.surname in surnames and full_partners else partners
            )
            b = claims[shown.get(m.document, shown.get(None, m)).claim]
            findings.append(
                Finding(fingerprint("name", a, b), "name", score, explanation, a, b)
            )
    return findings


def _by_spelling(mentions: Sequence[Mention]) -> dict[str, list[Mention]]:
    groups = defaultdict(list)
    for m in mentions:
        groups[m.text].append(m)
    return dict(sorted(groups.items()))


def _one_per_sentence(
    mentions: Sequence[Mention], claims: dict[str, Claim]
) -> list[Mention]:
    """A sentence split into several claims names the entity once, as written."""
    first: dict[tuple, Mention] = {}
    for m in mentions:
        claim = claims[m.claim]
        first.setdefault((claim.document, claim.version, claim.sentence, m.text), m)
    return list(first.values())


def _partners(
    right: Sequence[Mention], claims: dict[str, Claim]
) -> dict[str | None, Mention]:
    """The spelled-right mention to show beside a wrong one, by document (None: the earliest anywhere)."""

    def order(r: Mention):
        claim = claims[r.claim]
        return (
            len(r.parts) < 2,
            claim.published or "",
            claim.source,
            claim.path,
            claim.start,
            r.start,
        )

    partners: dict[str | None, Mention] = {}
    for r in sorted(right, key=order):
        partners.setdefault(r.document, r)
        partners.setdefault(None, r)
    return partners


def _explain(
    entity: Entity, spelling: str, sources: list[str], right_sources: list[str]
) -> str:
    wrong = (
        f'{_list(sources)} {"writes" if len(sources) == 1 else "write"} "{spelling}"'
    )
    if entity.reference:
        role = f", {entity.reference.role}" if entity.reference.role else ""
        agree = (
            f"; {_count(right_sources)} ({_list(right_sources)}) write{'s' if len(right_sources) == 1 else ''}"
            f" it that way"
            if right_sources
            else ""
        )
        return f'{wrong}; the reference list spells it "{entity.name}"{role}{agree}'
    if len(right_sources) > len(sources):
        verdict = f'"{entity.name}" is likely right'
    else:
        verdict = "as many sources spell it each way, so which is right is unclear"
    return (
        f"{wrong} ({_count(sources)}); {_list(right_sources)} write{'s' if len(right_sources) == 1 else ''} "
        f'"{entity.name}" ({_count(right_sources)}): {verdict}'
    )


def _count(sources: list[str]) -> str:
    return f"{len(sources)} source{'s' if len(sources) != 1 else ''}"


def _list(items: list[str]) -> str:
    return ", ".join(items[:3]) + (
        f" and {len(items) - 3} more" if len(items) > 3 else ""
    )
