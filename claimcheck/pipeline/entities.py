"""Entities in the claims database: the reference list, and entities linked over the active claims.

An ingest re-links the names its batch touches (entity_update), to what refresh() stores re-linking all of them,
as it does when the reference list changes. `check --new-only` reads its name findings from them, so with the
extractor the ingests used.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from claimcheck.analysis.entities import (
    Entity,
    Extractor,
    Mention,
    extract_mentions,
    fold,
    link,
)
from claimcheck.analysis.reference import Reference, ReferenceName
from claimcheck.errors import ClaimcheckError
from claimcheck.records import Finding
from claimcheck.store.database import Store
from claimcheck.verify.names import findings_of, misspelled


def save_reference(store: Store, reference: Reference) -> None:
    """Replace the stored reference list."""
    with store.transaction():
        store.entities.replace_reference(
            (n.name, n.aliases, n.role) for n in reference.names
        )


def load_reference(store: Store) -> Reference | None:
    """The stored reference list (None: none stored)."""
    names = tuple(
        ReferenceName(name, aliases, role)
        for name, aliases, role in store.entities.reference_rows()
    )
    return Reference(names) if names else None


def refresh(store: Store, extractor: str | Extractor | None = None) -> list[Entity]:
    """Re-link every active claim's mentions (with the stored reference list) and store the entities: what
    entity_update keeps after each ingest."""
    entities = link(
        extract_mentions(store.active_claims(), extractor), load_reference(store)
    )
    with store.transaction():
        store.entities.replace_all(
            (
                (e.id, e.name, e.kind, e.reference.name if e.reference else None)
                for e in entities
            ),
            (
                (m.claim, e.id, m.text, m.start, m.end, m.kind, m.role)
                for e in entities
                for m in e.mentions
            ),
        )
    return entities


def name_findings_about(store: Store, claims: Collection[str]) -> list[Finding]:
    """names.name_findings(all active claims, new=claims), from the entities linked at ingest: reads only the
    entities these claims mention, and in full only those spelled wrong somewhere."""
    mentioned = store.entities.entities_mentioned_in(claims)
    spellings = stored_entities(store, mentioned, spellings_only=True)
    entities = stored_entities(
        store, [entity.id for entity in spellings if misspelled(entity)]
    )
    mentions = {m.claim for entity in entities for m in entity.mentions}
    return findings_of(
        entities, {claim.id: claim for claim in store.claims_by_id(mentions)}, claims
    )


def stored_entities(
    store: Store, ids: Collection[str], spellings_only: bool = False
) -> list[Entity]:
    """These entities with their mentions in link's order; `spellings_only`: one bare mention per spelling and kind."""
    entries: dict[str | None, ReferenceName] = {
        entry.name: entry for entry in (load_reference(store) or Reference(())).names
    }
    entities: dict[str, Entity] = {}
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for id_, name, kind, reference in store.entities.rows_by_id(ids):
        entities[id_] = Entity(id_, name, kind, reference=entries.get(reference))
    if spellings_only:
        for id_, text, kind in store.entities.spellings_of(ids):
            mentions[id_].append(Mention("", "", "", text, 0, 0, kind))
    else:
        for id_, mention in store.entities.mentions_of(ids):
            mentions[id_].append(Mention(*mention))
    for entity in (
        entities.values()
    ):  # as link() lists them: those with a first name first, each in claim order
        entity.mentions = sorted(
            mentions[entity.id], key=lambda m: (m.given is None, m.claim, m.start)
        )
    return list(entities.values())


def entity_rows(store: Store) -> list[dict]:
    """Each entity with its other spellings, roles, sources and claim count; most claims first."""
    return store.entities.entity_rows()


def entity_ids(store: Store, name: str) -> list[str]:
    """Entities called `name` (canonically or in any mention); case and accents don't matter."""
    wanted = fold(" ".join(name.split()))
    ids = sorted(
        {
            id_
            for id_, canonical, text in store.entities.spelled_names()
            if wanted in (fold(canonical), fold(text))
        }
    )
    if not ids:
        raise ClaimcheckError(f"no entity named {name!r} (see `claimcheck entities`)")
    return ids


def entity_claim_rows(store: Store, name: str) -> list[dict]:
    """What each source claims about one entity, in date order."""
    return store.entities.entity_claim_rows(entity_ids(store, name))
