"""Entities in the claims database: the reference list, and entities linked over the active claims.

An ingest re-links the names its batch touches (entity_update), to what refresh() stores re-linking all of them,
as it does when the reference list changes. `check --new-only` reads its name findings from them, so with the
extractor the ingests used.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from claimcheck.analysis.entities import Entity, Mention, extract_mentions, fold, link
from claimcheck.analysis.reference import Reference, ReferenceName
from claimcheck.errors import ClaimcheckError
from claimcheck.records import Finding
from claimcheck.store.database import Store, chunks, marks
from claimcheck.verify.names import findings_of, misspelled


def save_reference(store: Store, reference: Reference) -> None:
    """Replace the stored reference list."""
    with store.transaction():
        store.db.execute("delete from name_reference")
        store.db["name_reference"].insert_all(
            (
                {"name": n.name, "aliases": "|".join(n.aliases), "role": n.role}
                for n in reference.names
            ),
            pk="name",
            replace=True,
        )


def load_reference(store: Store) -> Reference | None:
    rows = store.db.execute(
        "select name, aliases, role from name_reference order by name"
    ).fetchall()
    names = tuple(
        ReferenceName(name, tuple(a for a in (aliases or "").split("|") if a), role)
        for name, aliases, role in rows
    )
    return Reference(names) if names else None


def refresh(store: Store, extractor: str | None = None) -> list[Entity]:
    """Re-link every active claim's mentions (with the stored reference list) and store the entities: what
    entity_update keeps after each ingest."""
    entities = link(
        extract_mentions(store.active_claims(), extractor), load_reference(store)
    )
    with store.transaction():
        store.db.execute("delete from entity_mentions")
        store.db.execute("delete from entities")
        store.db["entities"].insert_all(
            (
                {
                    "id": e.id,
                    "name": e.name,
                    "kind": e.kind,
                    "reference": e.reference.name if e.reference else None,
                }
                for e in entities
            ),
            pk="id",
            replace=True,
        )
        store.db["entity_mentions"].insert_all(
            (
                {
                    "claim": m.claim,
                    "entity": e.id,
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                    "kind": m.kind,
                    "role": m.role,
                }
                for e in entities
                for m in e.mentions
            ),
            pk=("claim", "start"),
            replace=True,
        )
    return entities


def name_findings_about(store: Store, claims: Collection[str]) -> list[Finding]:
    """names.name_findings(all active claims, new=claims), from the entities linked at ingest: reads only the
    entities these claims mention, and in full only those spelled wrong somewhere."""
    mentioned = {
        row[0]
        for chunk in chunks(sorted(claims))
        for row in store.db.execute(
            f"select distinct entity from entity_mentions where claim in ({marks(chunk)})",
            chunk,
        )
    }
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
    entries = {
        entry.name: entry for entry in (load_reference(store) or Reference(())).names
    }
    entities, mentions = {}, defaultdict(list)
    for chunk in chunks(sorted(ids)):
        for id_, name, kind, reference in store.db.execute(
            f"select id, name, kind, reference from entities where id in ({marks(chunk)})",
            chunk,
        ):
            entities[id_] = Entity(id_, name, kind, reference=entries.get(reference))
        if spellings_only:
            for entity, text, kind in store.db.execute(
                f"select distinct entity, text, kind from entity_mentions where entity in ({marks(chunk)})",
                chunk,
            ):
                mentions[entity].append(Mention("", "", "", text, 0, 0, kind))
        else:
            for entity, *mention in store.db.execute(
                f"""
                    select m.entity, m.claim, c.source, c.document, m.text, m.start, m.end, m.kind, m.role
                    from entity_mentions m join claims c on c.id = m.claim
                    where m.entity in ({marks(chunk)})""",
                chunk,
            ):
                mentions[entity].append(Mention(*mention))
    for entity in (
        entities.values()
    ):  # as link() lists them: those with a first name first, each in claim order
        entity.mentions = sorted(
            mentions[entity.id], key=lambda m: (m.given is None, m.claim, m.start)
        )
    return list(entities.values())


def entity_rows(store: Store) -> list[dict]:
    """Each entity with its other spellings, roles, sources and claim count; most claims first."""
    return list(
        store.db.query("""
        select e.id, e.name, e.kind,
          (select group_concat(text, ' | ') from (select distinct text from entity_mentions m
             where m.entity = e.id and m.text != e.name order by text)) as aliases,
          (select group_concat(role, ' | ') from (select distinct role from entity_mentions m
             where m.entity = e.id and role is not null order by role)) as roles,
          (select group_concat(source, ', ') from (select distinct c.source from entity_mentions m
             join claims c on c.id = m.claim where m.entity = e.id order by c.source)) as sources,
          (select count(distinct claim) from entity_mentions m where m.entity = e.id) as claims,
          e.reference
        from entities e order by claims desc, e.name""")
    )


def entity_ids(store: Store, name: str) -> list[str]:
    """Entities called `name` (canonically or in any mention); case and accents don't matter."""
    wanted = fold(" ".join(name.split()))
    rows = store.db.execute(
        "select distinct e.id, e.name, m.text from entities e join entity_mentions m on m.entity = e.id"
    ).fetchall()
    ids = sorted(
        {
            id_
            for id_, canonical, text in rows
            if wanted in (fold(canonical), fold(text))
        }
    )
    if not ids:
        raise ClaimcheckError(f"no entity named {name!r} (see `claimcheck entities`)")
    return ids


def entity_claim_rows(store: Store, name: str) -> list[dict]:
    """What each source claims about one entity, in date order."""
    ids = entity_ids(store, name)
    marks = ",".join("?" * len(ids))
    return list(
        store.db.query(
            f"""
        select c.published, c.source, e.name as entity, m.text as mention, m.role, c.text, c.id, c.document,
          c.line, c.path
        from entity_mentions m join claims c on c.id = m.claim join entities e on e.id = m.entity
        where m.entity in ({marks}) and not c.superseded
        group by c.id
        order by c.published, c.source, c.document, c.start""",
            ids,
        )
    )
