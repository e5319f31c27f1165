"""Entities in the claims database: the reference list, and entities linked over the active claims."""
from __future__ import annotations

from claimcheck.entities import Entity, extract_mentions, fold, link
from claimcheck.errors import ClaimcheckError
from claimcheck.reference import Reference, ReferenceName
from claimcheck.store import Store


def save_reference(store: Store, reference: Reference) -> None:
    """Replace the stored reference list."""
    with store.transaction():
        store.db.execute("delete from name_reference")
        store.db["name_reference"].insert_all(
            ({"name": n.name, "aliases": "|".join(n.aliases), "role": n.role} for n in reference.names),
            pk="name", replace=True)


def load_reference(store: Store) -> Reference | None:
    rows = store.db.execute("select name, aliases, role from name_reference order by name").fetchall()
    names = tuple(ReferenceName(name, tuple(a for a in (aliases or "").split("|") if a), role)
                  for name, aliases, role in rows)
    return Reference(names) if names else None


def refresh(store: Store, extractor: str | None = None) -> list[Entity]:
    """Re-link every active claim's mentions (with the stored reference list) and store the entities."""
    entities = link(extract_mentions(store.active_claims(), extractor), load_reference(store))
    with store.transaction():
        store.db.execute("delete from entity_mentions")
        store.db.execute("delete from entities")
        store.db["entities"].insert_all(
            ({"id": e.id, "name": e.name, "kind": e.kind, "reference": e.reference.name if e.reference else None}
             for e in entities), pk="id", replace=True)
        store.db["entity_mentions"].insert_all(
            ({"claim": m.claim, "entity": e.id, "text": m.text, "start": m.start, "end": m.end,
              "kind": m.kind, "role": m.role} for e in entities for m in e.mentions),
            pk=("claim", "start"), replace=True)
    return entities


def entity_rows(store: Store) -> list[dict]:
    """Each entity with its other spellings, roles, sources and claim count; most claims first."""
    return list(store.db.query("""
        select e.id, e.name, e.kind,
          (select group_concat(text, ' | ') from (select distinct text from entity_mentions m
             where m.entity = e.id and m.text != e.name order by text)) as aliases,
          (select group_concat(role, ' | ') from (select distinct role from entity_mentions m
             where m.entity = e.id and role is not null order by role)) as roles,
          (select group_concat(source, ', ') from (select distinct c.source from entity_mentions m
             join claims c on c.id = m.claim where m.entity = e.id order by c.source)) as sources,
          (select count(distinct claim) from entity_mentions m where m.entity = e.id) as claims,
          e.reference
        from entities e order by claims desc, e.name"""))


def entity_ids(store: Store, name: str) -> list[str]:
    """Entities called `name` (canonically or in any mention); case and accents don't matter."""
    wanted = fold(" ".join(name.split()))
    rows = store.db.execute(
        "select distinct e.id, e.name, m.text from entities e join entity_mentions m on m.entity = e.id").fetchall()
    ids = sorted({id_ for id_, canonical, text in rows if wanted in (fold(canonical), fold(text))})
    if not ids:
        raise ClaimcheckError(f"no entity named {name!r} (see `claimcheck entities`)")
    return ids


def entity_claim_rows(store: Store, name: str) -> list[dict]:
    """What each source claims about one entity, in date order."""
    ids = entity_ids(store, name)
    marks = ",".join("?" * len(ids))
    return list(store.db.query(f"""
        select c.published, c.source, e.name as entity, m.text as mention, m.role, c.text, c.id, c.document,
          c.line, c.path
        from entity_mentions m join claims c on c.id = m.claim join entities e on e.id = m.entity
        where m.entity in ({marks}) and not c.superseded
        group by c.id
        order by c.published, c.source, c.document, c.start""", ids))
