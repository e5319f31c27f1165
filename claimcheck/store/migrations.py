"""Schema changes, as an ordered list of named migrations (sqlite-utils' Migrations); each runs once per
database. A migration never calls analysis code: what analysis writes carries its version (m006, m008)."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("claimcheck")
LEGACY = "_migrations"  # claimcheck's own record of migrations, before sqlite-utils' Migrations
FIRST = "m001_core_tables"


@MIGRATIONS()
def m001_core_tables(db: Database) -> None:
    db.table("sources").create({"name": str, "first_seen": str}, pk="name")
    db.table("ingests").create({"id": int, "started_at": str, "paths": str}, pk="id")
    db.table("documents").create(
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
    db.table("claims").create(
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
    db.table("claims").create_index(["document", "version"])
    db.table("claims").create_index(["source"])
    db.table("claims").create_index(["ingest"])
    db.table("claims").enable_fts(
        ["text", "sentence", "speaker", "source"], create_triggers=True
    )


@MIGRATIONS()
def m002_checks_and_findings(db: Database) -> None:
    db.table("checks").create(
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
    db.table("findings").create(
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
    db.table("findings").create_index(["kind"])
    db.table("findings").create_index(["status"])
    db.table("nli_scores").create(
        {
            "key": str,
            "model": str,
            "entailment": float,
            "neutral": float,
            "contradiction": float,
        },
        pk="key",
    )


@MIGRATIONS()
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


@MIGRATIONS()
def m004_entities(db: Database) -> None:
    db.table("entities").create(
        {"id": str, "name": str, "kind": str, "reference": str}, pk="id"
    )
    db.table("entity_mentions").create(
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
    db.table("entity_mentions").create_index(["entity"])
    db.table("name_reference").create(
        {"name": str, "aliases": str, "role": str}, pk="name"
    )


@MIGRATIONS()
def m005_search_keys(db: Database) -> None:
    """What `check --new-only` looks neighbours up by: each active claim's keys, and word counts of the FTS
    index. The keys are analysis output: the pipeline writes them, with the version of the function that made
    them (m008), and rewrites all of them when that version changes."""
    db.table("claim_keys").create(
        {"claim": str, "key": str},
        pk=("claim", "key"),
        foreign_keys=[("claim", "claims", "id")],
    )
    db.table("claim_keys").create_index(["key"])
    db.execute(
        "create virtual table claims_fts_vocab using fts5vocab(claims_fts, 'col')"
    )


@MIGRATIONS()
def m006_claim_readings(db: Database) -> None:
    """Each claim's structured reading (claimcheck.analysis.reading), as JSON, with the analysis version that wrote it:
    readings of an older version are recomputed before use, so none is silently stale."""
    db.table("claim_readings").create(
        {"claim": str, "version": int, "reading": str},
        pk="claim",
        foreign_keys=[("claim", "claims", "id")],
    )


@MIGRATIONS()
def m007_claim_vectors(db: Database) -> None:
    """Each claim's sentence-embedding vector (claimcheck.analysis.embeddings), per embedding model: float16 bytes.
    Computed at check time for the claims that lack one under the current model, so nothing is stale."""
    db.table("claim_vectors").create(
        {"claim": str, "model": str, "vector": bytes},
        pk=("claim", "model"),
        foreign_keys=[("claim", "claims", "id")],
    )
    db.table("claim_vectors").create_index(["model"])


@MIGRATIONS()
def m008_analysis_versions(db: Database) -> None:
    """The version of each analysis whose output is stored for all claims at once (e.g. "keys": the search
    keys of m005). An analysis with no row, or another version than the code's, is recomputed before use."""
    db.table("analysis_versions").create({"name": str, "version": int}, pk="name")


@MIGRATIONS()
def m009_text_vectors(db: Database) -> None:
    """Sentence-embedding vectors of texts that are not claims (the clauses of dated events, When.clause), per
    embedding model, keyed by a digest of model and text: computed at check time for those that lack one."""
    db.table("text_vectors").create(
        {"key": str, "model": str, "text": str, "vector": bytes}, pk="key"
    )


def adopt_legacy(db: Database) -> None:
    """Databases made before claimcheck used sqlite-utils' migrations recorded them in `_migrations`."""
    if LEGACY not in db.table_names():
        return
    with db.atomic():
        MIGRATIONS.ensure_migrations_table(db)
        db.table(MIGRATIONS.migrations_table).insert_all(
            (
                {
                    "migration_set": MIGRATIONS.name,
                    "name": row["name"],
                    "applied_at": row["applied_at"],
                }
                for row in db.table(LEGACY).rows
            ),
            ignore=True,
        )
        db.table(LEGACY).drop()


def pending(db: Database) -> list[str]:
    """Names of the migrations this database still needs (read-only)."""
    legacy = (
        {row["name"] for row in db.table(LEGACY).rows}
        if LEGACY in db.table_names()
        else set()
    )
    return [m.name for m in MIGRATIONS.pending(db) if m.name not in legacy]


def migrate(db: Database, stop_before: str | None = None) -> None:
    """Apply pending migrations in order, each in its own transaction."""
    adopt_legacy(db)
    MIGRATIONS.apply(db, stop_before=stop_before)


def is_claimcheck_database(conn: sqlite3.Connection) -> bool:
    """Whether this (possibly read-only) connection is to a database claimcheck made."""
    for sql, params in (
        (
            f"select 1 from {MIGRATIONS.migrations_table} where migration_set = ? and name = ?",
            [MIGRATIONS.name, FIRST],
        ),
        (f"select 1 from {LEGACY} where name = ?", [FIRST]),
    ):
        try:
            if conn.execute(sql, params).fetchone():
                return True
        except sqlite3.DatabaseError:
            continue
    return False
