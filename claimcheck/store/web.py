"""Browse a claims database as web pages: Datasette (the optional `web` extra), read-only, with descriptions,
full-text search on claims and canned queries. `claimcheck serve` runs it; `datasette_app` builds it (tests).

Findings link to both their claims (claim_a and claim_b are foreign keys, which Datasette shows as links).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from claimcheck.errors import ClaimcheckError
from claimcheck.store.migrations import is_claimcheck_database

TABLES = {
    "claims": (
        "Atomic claims split from the articles, with exact provenance. Search them with the box above.",
        {
            "id": "Claim id: a hash of its document, version, offsets and text",
            "document": "Document id (its `id` field, else its path)",
            "version": "Content hash of the document version the claim comes from",
            "source": "Outlet the document came from",
            "path": "File the claim was read from, as given to `claimcheck ingest`",
            "line": "Line in the file (for HTML, of the page's markup; for batches, of the record)",
            "column": "Column in that line",
            "start": "Character offset into the document's text where the claim starts",
            "end": "Character offset where it ends",
            "text": "The claim",
            "sentence": "The sentence it was split from",
            "speaker": "Who the sentence attributes it to, if anyone",
            "published": "Publication date of the document (YYYY-MM-DD)",
            "ingest": "The ingest that added it",
            "superseded": "1 when a later version of its document replaced it",
        },
    ),
    "findings": (
        "Pairs of claims that disagree. Click a claim_a or claim_b id to see that claim.",
        {
            "id": "Fingerprint: a hash of the kind and both claims' source and normalised text",
            "kind": "contradiction, position, number, date or name",
            "score": "How sure the check is, from 0 to 1",
            "explanation": "What disagrees, in one line",
            "claim_a": "One claim (a link to it)",
            "claim_b": "The other claim (a link to it)",
            "first_check": "The check that first found it",
            "last_check": "The last check that found it",
            "status": "open, accepted (reviewed: never reported again) or resolved (a later check no longer found it)",
            "reason": "Why it was accepted",
        },
    ),
    "documents": (
        "Articles, one row per version.",
        {
            "id": "Document id (its `id` field, else its path)",
            "version": "Content hash: a changed text is a new version",
            "source": "Outlet",
            "path": "File it was read from",
            "title": "Title",
            "url": "Address",
            "published": "Publication date (YYYY-MM-DD)",
            "text": "The text claims' offsets index into",
            "ingest": "The ingest that added this version",
            "ingested_at": "When (UTC)",
            "superseded": "1 when a later version replaced it",
        },
    ),
    "sources": ("Outlets, with when they were first seen.", {}),
    "source_stats": (
        "Each source's active documents and claims and its open findings.",
        {},
    ),
    "checks": (
        "Each `claimcheck check`: model, threshold, what it covered and found.",
        {
            "last_ingest": "The newest ingest finished when the check started: later ones are for the next --new-only",
            "new_only": "1 for `check --new-only`",
        },
    ),
    "ingests": ("Each `claimcheck ingest`: when, and the paths given.", {}),
    "entities": (
        "People, organisations and places, linked across sources.",
        {
            "reference": "The reference-list entry it matches, if any",
        },
    ),
    "entity_mentions": ("Where each claim names an entity, and how it spells it.", {}),
    "name_reference": (
        "The reference list of names (`claimcheck entities reference FILE`).",
        {},
    ),
    "nli_scores": ("Cached NLI probabilities per model, premise and hypothesis.", {}),
}
HIDDEN = (
    "claim_keys",
    "claim_vectors",
    "text_vectors",
    "claim_readings",
    "analysis_versions",
    "_migrations",
    "_sqlite_migrations",
)

QUERIES = {
    "open_findings_by_source_and_kind": {
        "title": "Open findings by source and kind",
        "description": "How many open findings involve each source, by kind.",
        "sql": """select c.source, f.kind, count(distinct f.id) as open_findings
from findings f join claims c on c.id in (f.claim_a, f.claim_b)
where f.status = 'open' and not c.superseded
group by c.source, f.kind
order by c.source, open_findings desc, f.kind""",
    },
    "entity_claims": {
        "title": "What each source claims about an entity",
        "description": "Claims that name an entity (as linked, or as spelled), in date order.",
        "sql": """select c.published, c.source, c.speaker, m.text as named_as, c.text, c.path, c.line, c.id as claim
from entity_mentions m join entities e on e.id = m.entity join claims c on c.id = m.claim
where (lower(e.name) = lower(:entity) or lower(m.text) = lower(:entity)) and not c.superseded
order by c.published, c.source, c.path, c.start""",
    },
    "document_claims": {
        "title": "A document's claims with their findings",
        "description": "Each claim of the document (by id or path), with any finding that involves it.",
        "sql": """select c.line, c.text, c.speaker, f.id as finding, f.kind, f.status, f.explanation,
  case when f.claim_a = c.id then f.claim_b else f.claim_a end as other_claim, c.id as claim
from claims c left join findings f on c.id in (f.claim_a, f.claim_b)
where (c.document = :document or c.path = :document) and not c.superseded
order by c.start, f.score desc""",
    },
}


def check_database(path: str | Path) -> Path:
    """The database's path, once it is known to be a claimcheck database (read without changing it)."""
    path = Path(path)
    if not path.is_file():
        raise ClaimcheckError(
            f"{path}: no such database (run `claimcheck ingest` first)"
        )
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            ok = is_claimcheck_database(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        ok = None
    if not ok:
        raise ClaimcheckError(f"{path}: not a claimcheck database")
    return path.resolve()


def metadata(name: str) -> dict:
    """Datasette metadata for a claims database called `name` (its file name without .db)."""
    tables: dict[str, dict[str, Any]] = {
        table: {"description": description, "columns": columns}
        for table, (description, columns) in TABLES.items()
    }
    tables["claims"].update(
        {
            "fts_table": "claims_fts",
            "fts_pk": "rowid",
            "sort_desc": "published",
            "label_column": "text",
        }
    )
    tables["findings"].update({"sort_desc": "score", "facets": ["kind", "status"]})
    tables.update({table: {"hidden": True} for table in HIDDEN})
    return {
        "title": "claimcheck",
        "description": "Claims from many sources, and where they contradict each other. Read-only.",
        "about": "claimcheck",
        "about_url": "https://github.com/claimcheck/claimcheck",
        "databases": {name: {"tables": tables, "queries": QUERIES}},
    }


def datasette_app(path: str | Path):
    """A read-only Datasette over the claims database: reads use `mode=ro` connections and writes are refused."""
    try:
        from datasette.app import Datasette
    except ImportError:
        raise ClaimcheckError(
            "claimcheck serve needs Datasette: pip install 'claimcheck[web]'"
        ) from None
    path = check_database(path)
    datasette = Datasette(
        files=[str(path)],
        metadata=metadata(path.stem),
        settings={"allow_download": False, "sql_time_limit_ms": 5000},
    )
    database = datasette.get_database(path.stem)

    async def refuse(*args, **kwargs):
        raise PermissionError("claimcheck serve is read-only")

    database.execute_write_fn = refuse
    return datasette


def serve(path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    import asyncio

    import uvicorn

    datasette = datasette_app(path)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")
