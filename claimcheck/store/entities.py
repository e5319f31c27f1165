"""The entity tables: the name reference list, entities and entity_mentions (written by claimcheck.pipeline).

Plain values in and out, no NLP: a reference entry is (name, aliases, role); an entity row is (id, name, kind,
reference); a mention is a tuple in the field order of claimcheck.analysis.entities.Mention (claim, source,
document, text, start, end, kind, role), a stored one often paired with its entity's id. Writes belong inside
the caller's `Store.transaction()`.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Sequence

from sqlite_utils import Database

from claimcheck.store.sql import chunks, marks

ReferenceRow = tuple[str, tuple[str, ...], str | None]  # (name, aliases, role)
EntityRow = tuple[str, str, str, str | None]  # (id, name, kind, reference)
MentionRow = tuple[str, str, str, str, int, int, str, str | None]  # as Mention's fields
# (claim, entity, text, start, end, kind, role): a row of entity_mentions
StoredMention = tuple[str, str, str, int, int, str, str | None]
GroupKey = tuple[str, str, str, bool]  # (entity, text, kind, has a role)

MENTION_FIELDS = "m.claim, c.source, c.document, m.text, m.start, m.end, m.kind, m.role"


class EntityTables:
    def __init__(self, db: Database):
        self.db = db

    # the reference list

    def reference_rows(self) -> list[ReferenceRow]:
        """The reference list's entries as (name, aliases, role), by name."""
        rows = self.db.execute(
            "select name, aliases, role from name_reference order by name"
        ).fetchall()
        return [
            (name, tuple(a for a in (aliases or "").split("|") if a), role)
            for name, aliases, role in rows
        ]

    def replace_reference(
        self, entries: Iterable[tuple[str, Sequence[str], str | None]]
    ) -> None:
        """Replace the reference list with these (name, aliases, role) entries."""
        self.db.execute("delete from name_reference")
        self.db.table("name_reference").insert_all(
            (
                {"name": name, "aliases": "|".join(aliases), "role": role}
                for name, aliases, role in entries
            ),
            pk="name",
            replace=True,
        )

    # all entities at once

    def replace_all(
        self, entities: Iterable[EntityRow], mentions: Iterable[StoredMention]
    ) -> None:
        """Replace every entity and mention with these (id, name, kind, reference) and (claim, entity, text,
        start, end, kind, role) rows (a later row with the same key wins)."""
        self.db.execute("delete from entity_mentions")
        self.db.execute("delete from entities")
        self.db.table("entities").insert_all(
            (
                {"id": id_, "name": name, "kind": kind, "reference": reference}
                for id_, name, kind, reference in entities
            ),
            pk="id",
            replace=True,
        )
        self.db.table("entity_mentions").insert_all(
            (
                {
                    "claim": claim,
                    "entity": entity,
                    "text": text,
                    "start": start,
                    "end": end,
                    "kind": kind,
                    "role": role,
                }
                for claim, entity, text, start, end, kind, role in mentions
            ),
            pk=("claim", "start"),
            replace=True,
        )

    def has_mentions(self) -> bool:
        """Whether any mention is stored."""
        return bool(self.db.execute("select 1 from entity_mentions limit 1").fetchone())

    # reading entities and mentions

    def rows_by_id(self, ids: Collection[str]) -> list[EntityRow]:
        """These entities' (id, name, kind, reference) rows."""
        return [
            row
            for chunk in chunks(sorted(ids))
            for row in self.db.execute(
                f"select id, name, kind, reference from entities where id in ({marks(chunk)})",
                chunk,
            )
        ]

    def spellings(self) -> list[tuple[str, str, str, str | None]]:
        """Every distinct (entity, text, kind, role) of the stored mentions."""
        return self.db.execute(
            "select distinct entity, text, kind, role from entity_mentions"
        ).fetchall()

    def spellings_of(self, entities: Collection[str]) -> list[tuple[str, str, str]]:
        """The distinct (entity, text, kind) of these entities' mentions."""
        return [
            row
            for chunk in chunks(sorted(entities))
            for row in self.db.execute(
                f"select distinct entity, text, kind from entity_mentions where entity in ({marks(chunk)})",
                chunk,
            )
        ]

    def mentions_of(self, entities: Collection[str]) -> list[tuple[str, MentionRow]]:
        """These entities' mentions, each as (entity, mention)."""
        return [
            (entity, tuple(mention))
            for chunk in chunks(sorted(entities))
            for entity, *mention in self.db.execute(
                f"""
                    select m.entity, {MENTION_FIELDS}
                    from entity_mentions m join claims c on c.id = m.claim
                    where m.entity in ({marks(chunk)})""",
                chunk,
            )
        ]

    def entities_mentioned_in(self, claims: Collection[str]) -> set[str]:
        """The entities these claims mention."""
        return {
            row[0]
            for chunk in chunks(sorted(claims))
            for row in self.db.execute(
                f"select distinct entity from entity_mentions where claim in ({marks(chunk)})",
                chunk,
            )
        }

    def mentioned_positions(self, claims: Collection[str]) -> set[tuple[str, int]]:
        """The (claim, start) of these claims' stored mentions."""
        return {
            (claim, start)
            for chunk in chunks(sorted(claims))
            for claim, start in self.db.execute(
                f"select claim, start from entity_mentions where claim in ({marks(chunk)})",
                chunk,
            )
        }

    def mentions_spelled(
        self, text: str, kind: str, entities: Sequence[str]
    ) -> list[tuple[MentionRow, str]]:
        """The mentions written `text` as `kind` of these entities, each as (mention, entity)."""
        return [
            (tuple(row[:8]), row[8])
            for row in self.db.execute(
                f"""
                    select {MENTION_FIELDS}, m.entity
                    from entity_mentions m join claims c on c.id = m.claim
                    where m.text = ? and m.kind = ? and m.entity in ({marks(entities)})""",
                [text, kind, *entities],
            )
        ]

    def mention_groups(
        self, entities: Collection[str], documents: Sequence[str]
    ) -> list[tuple[str, str, str, str | None, str, str, int, str, int]]:
        """These entities' mentions grouped by entity, text, kind, role, source and (only for `documents`)
        document: (entity, text, kind, role, source, document or '', count, first claim, its start), the first
        mention by claim and start."""
        by_document = "case when c.document in (select value from json_each(?)) then c.document else '' end"
        groups = []
        for chunk in chunks(sorted(entities)):
            for *group, first in self.db.execute(
                f"""
                    select m.entity, m.text, m.kind, m.role, c.source, {by_document if documents else "''"},
                      count(*), min(m.claim || char(1) || printf('%010d', m.start))
                    from entity_mentions m join claims c on c.id = m.claim
                    where m.entity in ({marks(chunk)}) group by 1, 2, 3, 4, 5, 6""",
                [json.dumps(list(documents))] * bool(documents) + chunk,
            ):
                claim, start = first.split("\x01")
                groups.append((*group, claim, int(start)))
        return groups

    def positions_inside(
        self, entity: str, text: str, kind: str
    ) -> Iterator[tuple[str, int]]:
        """The (claim, start) of this entity's mentions written `text` as `kind`, but at a claim's start (0);
        read lazily, as the caller takes them."""
        return self.db.execute(
            "select claim, start from entity_mentions where entity = ? and text = ? and kind = ? and start > 0",
            [entity, text, kind],
        )

    def take_superseded_mentions(self, ingest: int) -> list[tuple[MentionRow, str]]:
        """The mentions of the claims this ingest superseded, as (mention, entity); deleted."""
        rows = self.db.execute(
            f"""
            select {MENTION_FIELDS}, m.entity
            from entity_mentions m join claims c on c.id = m.claim
            where c.superseded and c.document in (select id from documents where ingest = ?)""",
            [ingest],
        ).fetchall()
        self.db.conn.executemany(
            "delete from entity_mentions where claim = ? and start = ?",
            [(row[0], row[4]) for row in rows],
        )
        return [(tuple(row[:8]), row[8]) for row in rows]

    # claims to look for dropped mentions in

    def active_claims_in_documents(
        self, documents: Collection[str], except_ingest: int
    ) -> set[str]:
        """The active claims of these documents, but those of ingest `except_ingest`."""
        return {
            row[0]
            for chunk in chunks(sorted(documents))
            for row in self.db.execute(
                f"select id from claims where not superseded and ingest != ? and document in ({marks(chunk)})",
                [except_ingest, *chunk],
            )
        }

    def fts_terms(self) -> list[str]:
        """The words of the claims' FTS5 index (its vocabulary), as FTS5 wrote them."""
        return [
            term
            for (term,) in self.db.execute(
                "select term from claims_fts_vocab where col = 'text'"
            )
        ]

    def claims_with_terms(self, terms: Sequence[str], except_ingest: int) -> set[str]:
        """The active claims (but those of ingest `except_ingest`) whose text has one of these FTS5 terms."""
        if not terms:
            return set()
        return {
            row[0]
            for row in self.db.execute(
                """
        select c.id from claims_fts join claims c on c.rowid = claims_fts.rowid
        where claims_fts match ? and not c.superseded and c.ingest != ?""",
                [
                    "text : (" + " OR ".join(f'"{term}"' for term in terms) + ")",
                    except_ingest,
                ],
            )
        }

    # writing what an ingest changed

    def write_changes(
        self,
        deleted: Collection[str],
        entities: Sequence[EntityRow],
        moved_groups: Sequence[tuple[GroupKey, str | None]],
        moved_mentions: Sequence[tuple[tuple[str, int], str | None]],
        added: Sequence[StoredMention],
    ) -> None:
        """In this order: delete these entities; insert or replace these (id, name, kind, reference) rows; give
        each group of mentions (entity, text, kind, has a role), then each mention (claim, start), its new
        entity (None: delete it); insert these (claim, entity, text, start, end, kind, role) mentions."""
        self.db.conn.executemany(
            "delete from entities where id = ?", [(id_,) for id_ in deleted]
        )
        self.db.conn.executemany(
            "insert or replace into entities (id, name, kind, reference) values (?, ?, ?, ?)",
            entities,
        )
        where = (
            "entity = ? and text = ? and kind = ? and (coalesce(role, '') != '') = ?"
        )
        for (old, text, kind, role), new in moved_groups:
            if new is None:
                self.db.execute(
                    f"delete from entity_mentions where {where}",
                    [old, text, kind, role],
                )
            else:
                self.db.execute(
                    f"update entity_mentions set entity = ? where {where}",
                    [new, old, text, kind, role],
                )
        for (claim, start), new in moved_mentions:
            if new is None:
                self.db.execute(
                    "delete from entity_mentions where claim = ? and start = ?",
                    [claim, start],
                )
            else:
                self.db.execute(
                    "update entity_mentions set entity = ? where claim = ? and start = ?",
                    [new, claim, start],
                )
        self.db.conn.executemany(
            'insert into entity_mentions (claim, entity, text, start, "end", kind, role) values (?, ?, ?, ?, ?, ?, ?)',
            added,
        )

    # listings

    def entity_rows(self) -> list[dict]:
        """Each entity with its other spellings, roles, sources and claim count; most claims first."""
        return list(
            self.db.query("""
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

    def spelled_names(self) -> list[tuple[str, str, str]]:
        """Each distinct (entity, its name, a text it is written as in a mention)."""
        return self.db.execute(
            "select distinct e.id, e.name, m.text from entities e join entity_mentions m on m.entity = e.id"
        ).fetchall()

    def entity_claim_rows(self, ids: Sequence[str]) -> list[dict]:
        """The active claims mentioning these entities, one row each, in date order."""
        return list(
            self.db.query(
                f"""
        select c.published, c.source, e.name as entity, m.text as mention, m.role, c.text, c.id, c.document,
          c.line, c.path
        from entity_mentions m join claims c on c.id = m.claim join entities e on e.id = m.entity
        where m.entity in ({marks(ids)}) and not c.superseded
        group by c.id
        order by c.published, c.source, c.document, c.start""",
                ids,
            )
        )
