"""Schema changes, as an ordered list of named migrations; each runs once per database."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from sqlite_utils import Database

MIGRATIONS: list[tuple[str, Callable[[Database], None]]] = []


def migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_core_tables(db: Database) -> None:
    db["sources"].create({"name": str, "first_seen": str}, pk="name")
    db["ingests"].create({"id": int, "started_at": str, "paths": str}, pk="id")
    db["documents"].create(
        {
            "id": str,
            "version": str,
            "source": str,
            "path": str,
            "title": str,
            "url": str,
            "published": str,
            "text": str,
            "ingest": int,
            "ingested_at": str,
            "superseded": int,
        },
        pk=("id", "version"),
        foreign_keys=[("source", "sources", "name"), ("ingest", "ingests", "id")],
    )
    db["claims"].create(
        {
            "id": str,
            "document": str,
            "version": str,
            "source": str,
            "path": str,
            "line": int,
            "column": int,
            "start": int,
            "end": int,
            "text": str,
            "sentence": str,
            "speaker": str,
            "published": str,
            "ingest": int,
            "superseded": int,
        },
        pk="id",
        foreign_keys=[("source", "sources", "name"), ("ingest", "ingests", "id")],
    )
    db["claims"].create_index(["document", "version"])
    db["claims"].create_index(["source"])
    db["claims"].create_index(["ingest"])
    db["claims"].enable_fts(
        ["text", "sentence", "speaker", "source"], create_triggers=True
    )


@migration
def m002_checks_and_findings(db: Database) -> None:
    db["checks"].create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "model": str,
            "threshold": float,
            "last_ingest": int,
            "new_only": int,
            "claims": int,
            "pairs": int,
            "findings": int,
        },
        pk="id",
    )
    db["findings"].create(
        {
            "id": str,
            "kind": str,
            "score": float,
            "explanation": str,
            "claim_a": str,
            "claim_b": str,
            "first_check": int,
            "last_check": int,
            "status": str,
            "reason": str,
        },
        pk="id",
        foreign_keys=[("claim_a", "claims", "id"), ("claim_b", "claims", "id")],
    )
    db["findings"].create_index(["kind"])
    db["findings"].create_index(["status"])
    db["nli_scores"].create(
        {
            "key": str,
            "model": str,
            "entailment": float,
            "neutral": float,
            "contradiction": float,
        },
        pk="key",
    )


@migration
def m003_views(db: Database) -> None:
    db.create_view(
        "source_stats",
        """
        select sources.name as source,
          (select count(*) from documents d where d.source = sources.name and not d.superseded) as documents,
          (select count(*) from claims c where c.source = sources.name and not c.superseded) as claims,
          (select count(*) from findings f join claims c on c.id in (f.claim_a, f.claim_b)
             where c.source = sources.name and f.status = 'open') as open_findings,
          sources.first_seen
        from sources order by sources.name
    """,
    )


@migration
def m004_entities(db: Database) -> None:
    db["entities"].create(
        {"id": str, "name": str, "kind": str, "reference": str}, pk="id"
    )
    db["entity_mentions"].create(
        {
            "claim": str,
            "entity": str,
            "text": str,
            "start": int,
            "end": int,
            "kind": str,
            "role": str,
        },
        pk=("claim", "start"),
        foreign_keys=[("claim", "claims", "id"), ("entity", "entities", "id")],
    )
    db["entity_mentions"].create_index(["entity"])
    db["name_reference"].create({"name": str, "aliases": str, "role": str}, pk="name")


@migration
def m005_search_keys(db: Database) -> None:
    """What `check --new-only` looks neighbours up by: each active claim's keys, and word counts of the FTS index."""
    from claimcheck.pairing.pairs import keys

    db["claim_keys"].create(
        {"claim": str, "key": str},
        pk=("claim", "key"),
        foreign_keys=[("claim", "claims", "id")],
    )
    db["claim_keys"].create_index(["key"])
    db.execute(
        "create virtual table claims_fts_vocab using fts5vocab(claims_fts, 'col')"
    )
    rows = db.execute("select id, text from claims where not superseded").fetchall()
    db.conn.executemany(
        "insert into claim_keys (claim, key) values (?, ?)",
        ((claim, key) for claim, text in rows for key in sorted(keys(text))),
    )


@migration
def m006_claim_readings(db: Database) -> None:
    """Each claim's structured reading (claimcheck.analysis.reading), as JSON, with the analysis version that wrote it:
    readings of an older version are recomputed before use, so none is silently stale."""
    db["claim_readings"].create(
        {"claim": str, "version": int, "reading": str},
        pk="claim",
        foreign_keys=[("claim", "claims", "id")],
    )


@migration
def m007_claim_vectors(db: Database) -> None:
    """Each claim's sentence-embedding vector (claimcheck.analysis.embeddings), per embedding model: float16 bytes.
    Computed at check time for the claims that lack one under the current model, so nothing is stale."""
    db["claim_vectors"].create(
        {"claim": str, "model": str, "vector": bytes},
        pk=("claim", "model"),
        foreign_keys=[("claim", "claims", "id")],
    )
    db["claim_vectors"].create_index(["model"])


def migrate(db: Database) -> list[str]:
    """Apply pending migrations in order, each in its own transaction. Returns the names applied."""
    if "_migrations" not in db.table_names():
        db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
    done = {row["name"] for row in db["_migrations"].rows}
    applied = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        with db.atomic():
            fn(db)
            db["_migrations"].insert(
                {"name": name, "applied_at": datetime.now(timezone.utc).isoformat()}
            )
        applied.append(name)
    return applied
