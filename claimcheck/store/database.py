"""The claims database: SQLite through sqlite-utils, in WAL mode, one transaction per command."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import cast

from sqlite_utils import Database

from claimcheck.errors import ClaimcheckError
from claimcheck.records import Claim, Document, Finding
from claimcheck.store.entities import EntityTables
from claimcheck.store.migrations import is_claimcheck_database, migrate, pending
from claimcheck.store.sql import chunks, marks

CLAIM_FIELDS = (
    "id",
    "text",
    "sentence",
    "source",
    "document",
    "version",
    "path",
    "line",
    "column",
    "start",
    "end",
    "speaker",
    "published",
)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def key_of(*parts: str) -> str:
    """The row key of a cached result: a digest of what it is of (model, texts)."""
    return hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()


def score_key(model: str, premise: str, hypothesis: str) -> str:
    return key_of(model, premise, hypothesis)


DEFAULT_LOCK_TIMEOUT = 30.0


class DatabaseLocked(ClaimcheckError):
    """Another process held the database's write lock for longer than the lock timeout."""


def is_locked(error: BaseException) -> bool:
    return isinstance(error, sqlite3.OperationalError) and any(
        word in str(error)
        for word in ("database is locked", "database table is locked", "busy")
    )


def locked_error(path: str, timeout: float) -> DatabaseLocked:
    return DatabaseLocked(
        f"{path}: the database is locked by another claimcheck process (waited {timeout:g} s; "
        "retry later or raise --lock-timeout)"
    )


class Store:
    def __init__(
        self,
        path: str | Path,
        must_exist: bool = False,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    ):
        self.path = str(path)
        self.lock_timeout = float(lock_timeout)
        if must_exist and not Path(self.path).exists():
            raise ClaimcheckError(
                f"{self.path}: no such database (run `claimcheck ingest` first)"
            )
        try:
            # a writer waits up to lock_timeout for another writer's lock (SQLite busy timeout)
            self.db = Database(sqlite3.connect(self.path, timeout=self.lock_timeout))
            self.db.enable_wal()
            if self.pending_migrations():
                with (
                    self.transaction()
                ):  # one process migrates at a time; migrate re-reads what is done
                    migrate(self.db)
        except sqlite3.OperationalError as error:
            if is_locked(error):
                raise locked_error(self.path, self.lock_timeout) from None
            raise ClaimcheckError(
                f"{self.path}: not a claimcheck database ({error})"
            ) from None
        except sqlite3.DatabaseError as error:
            raise ClaimcheckError(
                f"{self.path}: not a claimcheck database ({error})"
            ) from None

    def pending_migrations(self) -> bool:
        return bool(pending(self.db))

    @property
    def entities(self) -> EntityTables:
        """The entity tables: reference list, entities and their mentions."""
        return EntityTables(self.db)

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """Everything inside is written together, or not at all. The outermost one takes the write lock at once
        (BEGIN IMMEDIATE, waiting up to lock_timeout), so a transaction that reads first never fails to write."""
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        try:
            self.db.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if is_locked(error):
                raise locked_error(self.path, self.lock_timeout) from None
            raise
        try:
            yield self
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise
        try:
            self.db.conn.execute("COMMIT")
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise

    # --- ingest -----------------------------------------------------------------

    def start_ingest(self, paths: Sequence[str]) -> int:
        table = self.db.table("ingests").insert(
            {"started_at": now(), "paths": "\n".join(paths)}
        )
        return cast(int, table.last_pk)  # the rowid of the insert

    def add_document(
        self,
        document: Document,
        claims: Sequence[Claim],
        ingest: int,
        claim_keys: Mapping[str, Collection[str]],
    ) -> str:
        """Store a document, its claims and their search keys (by claim id: every claim has an entry).
        Returns "new", "updated", "unchanged", "moved" (the same content at a new path: the stored document
        takes the new path, its claims stay) or "resourced" (unchanged, under another source: applied)."""
        current = list(
            self.db.query(
                "select version, source from documents where id = ? and not superseded",
                [document.id],
            )
        )
        same = [row for row in current if row["version"] == document.version]
        if same and same[0]["source"] != document.source:
            self.db.table("sources").insert(
                {"name": document.source, "first_seen": now()}, ignore=True
            )
            self.db.execute(
                "update documents set source = ? where id = ? and not superseded",
                [document.source, document.id],
            )
            self.db.execute(
                "update claims set source = ? where document = ? and not superseded",
                [document.source, document.id],
            )
            return "resourced"
        if same:
            return "unchanged"
        if not current and (moved := self.moved_from(document)):
            self.db.execute(
                "update documents set path = ? where id = ? and not superseded",
                [document.path, moved],
            )
            self.db.execute(
                "update claims set path = ? where document = ? and not superseded",
                [document.path, moved],
            )
            return "moved"
        self.db.table("sources").insert(
            {"name": document.source, "first_seen": now()}, ignore=True
        )
        if current:
            self.db.execute(
                "update documents set superseded = 1 where id = ?", [document.id]
            )
            self.db.execute(
                "update claims set superseded = 1 where document = ?", [document.id]
            )
            self.db.execute(
                "delete from claim_keys where claim in (select id from claims where document = ?)",
                [document.id],
            )
        self.db.table("documents").upsert(
            {
                "id": document.id,
                "version": document.version,
                "source": document.source,
                "path": document.path,
                "title": document.title,
                "url": document.url,
                "published": document.published,
                "text": document.text,
                "ingest": ingest,
                "ingested_at": now(),
                "superseded": 0,
            },
            pk=("id", "version"),
        )
        self.db.table("claims").upsert_all(
            (
                {**claim.to_dict(), "ingest": ingest, "superseded": 0}
                for claim in claims
            ),
            pk="id",
        )
        self.db.conn.executemany(
            "insert or ignore into claim_keys (claim, key) values (?, ?)",
            (
                (claim.id, key)
                for claim in claims
                for key in sorted(claim_keys[claim.id])
            ),
        )
        return "updated" if current else "new"

    def moved_from(self, document: Document) -> str | None:
        """The id of the stored document this one is, moved: a document whose id comes from its path (it gives
        none), with the same content and source, stored from a path where no file is any more."""
        suffix = f"#{document.record_line}" if document.record_line is not None else ""
        if document.id != document.path + suffix:
            return None
        rows = self.db.execute(
            """
            select id, path from documents
            where version = ? and source = ? and not superseded and path != ? and (id = path or id = path || ?)
            order by id = path || ? desc, id""",
            [document.version, document.source, document.path, suffix, suffix],
        ).fetchall()
        return next((id_ for id_, path in rows if not Path(path).exists()), None)

    def stored_versions(self, documents: Sequence[Document]) -> set[tuple[str, str]]:
        """(id, version) of these documents that are already stored as their active version."""
        ids = sorted({d.id for d in documents})
        return {
            (row[0], row[1])
            for chunk in chunks(ids)
            for row in self.db.execute(
                f"select id, version from documents where not superseded and id in ({marks(chunk)})",
                chunk,
            )
        }

    # --- readings ---------------------------------------------------------------

    def save_readings(self, readings: Mapping[str, dict], version: int) -> None:
        self.db.conn.executemany(
            "insert or replace into claim_readings (claim, version, reading) values (?, ?, ?)",
            (
                (claim, version, json.dumps(reading))
                for claim, reading in readings.items()
            ),
        )

    def readings(self, ids: Collection[str], version: int) -> dict[str, dict]:
        """Stored readings of these claims written by analysis `version` (older ones count as missing)."""
        return {
            claim: json.loads(reading)
            for chunk in chunks(sorted(ids))
            for claim, reading in self.db.execute(
                f"select claim, reading from claim_readings where version = ? and claim in ({marks(chunk)})",
                [version, *chunk],
            )
        }

    def documents_by_id(self, ids: Collection[str]) -> list[Document]:
        """The active version of each document, as loaded at ingest."""
        fields = "id, source, text, path, title, url, published"
        return [
            Document(*row)
            for chunk in chunks(sorted(ids))
            for row in self.db.execute(
                f"select {fields} from documents where not superseded and id in ({marks(chunk)})",
                chunk,
            )
        ]

    # --- claims -----------------------------------------------------------------

    def active_claims(self) -> list[Claim]:
        fields = ", ".join(f'"{f}"' for f in CLAIM_FIELDS)
        rows = self.db.execute(
            f"select {fields} from claims where not superseded order by id"
        ).fetchall()
        return [Claim(*row) for row in rows]

    def claims_by_id(self, ids: Collection[str]) -> list[Claim]:
        fields = ", ".join(f'"{f}"' for f in CLAIM_FIELDS)
        return [
            Claim(*row)
            for chunk in chunks(sorted(ids))
            for row in self.db.execute(
                f"select {fields} from claims where id in ({marks(chunk)})", chunk
            )
        ]

    def count_claims(self) -> int:
        return self.db.execute(
            "select count(*) from claims where not superseded"
        ).fetchone()[0]

    def claims_ingested_after(self, ingest: int) -> set[str]:
        rows = self.db.execute(
            "select id from claims where not superseded and ingest > ?", [ingest]
        ).fetchall()
        return {row[0] for row in rows}

    def last_ingest(self) -> int:
        return self.db.execute("select coalesce(max(id), 0) from ingests").fetchone()[0]

    def last_checked_ingest(self) -> int:
        """The newest ingest covered by a completed check (0 when nothing was checked)."""
        row = self.db.execute(
            "select coalesce(max(last_ingest), 0) from checks where finished_at is not null"
        ).fetchone()
        return row[0]

    def claim_rows(
        self,
        source: str | None = None,
        document: str | None = None,
        search: str | None = None,
        include_superseded: bool = False,
    ) -> list[dict]:
        where, params = filters(
            [] if include_superseded else ["not claims.superseded"],
            [
                ("claims.source = ?", source),
                ("claims.document = ?", document),
                (
                    "claims.rowid in (select rowid from claims_fts where claims_fts match ?)",
                    fts_query(search) if search else None,
                ),
            ],
        )
        sql = (
            "select claims.id, claims.source, claims.document, claims.line, claims.speaker, "
            "claims.text, claims.start, claims.end, claims.path, claims.published, claims.superseded "
            f"from claims {where} "
            "order by claims.published, claims.source, claims.document, claims.start"
        )
        return list(self.db.query(sql, params))

    # --- neighbour search (check --new-only) -------------------------------------

    def analysis_version(self, name: str) -> int | None:
        """The version of the analysis `name` that wrote its stored output (None: not recorded)."""
        row = self.db.execute(
            "select version from analysis_versions where name = ?", [name]
        ).fetchone()
        return row[0] if row else None

    def replace_claim_keys(
        self, claim_keys: Mapping[str, Collection[str]], version: int
    ) -> None:
        """Every active claim's search keys, written by version `version` of the analysis "keys"."""
        self.db.execute("delete from claim_keys")
        self.db.conn.executemany(
            "insert or ignore into claim_keys (claim, key) values (?, ?)",
            (
                (claim, key)
                for claim, found in claim_keys.items()
                for key in sorted(found)
            ),
        )
        self.db.table("analysis_versions").upsert(
            {"name": "keys", "version": version}, pk="name"
        )

    def claim_keys(self, ids: Collection[str]) -> dict[str, set[str]]:
        """Each active claim's keys (pairs.keys of its text), as stored at ingest."""
        found: dict[str, set[str]] = {id_: set() for id_ in ids}
        for chunk in chunks(sorted(ids)):
            for claim, key in self.db.execute(
                f"select claim, key from claim_keys where claim in ({marks(chunk)})",
                chunk,
            ):
                found[claim].add(key)
        return found

    def claims_with_key(self, key: str, most: int) -> list[str] | None:
        """The active claims with this key; None when more than `most` have it."""
        rows = self.db.execute(
            "select claim from claim_keys where key = ? limit ?", [key, most + 1]
        ).fetchall()
        return [row[0] for row in rows] if len(rows) <= most else None

    def word_count(self, word: str) -> int:
        """How many claims' texts have this word (a lower-case FTS token), superseded claims included."""
        row = self.db.execute(
            "select doc from claims_fts_vocab where term = ? and col = 'text'", [word]
        ).fetchone()
        return row[0] if row else 0

    def best_matches(self, words: Iterable[str], limit: int, exclude: str) -> list[str]:
        """Up to `limit` other active claims whose texts have some of these words, best BM25 rank first."""
        match = "text : (" + " OR ".join(f'"{word}"' for word in words) + ")"
        return [
            row[0]
            for row in self.db.execute(
                """
            select claims.id from claims_fts join claims on claims.rowid = claims_fts.rowid
            where claims_fts match ? and not claims.superseded and claims.id != ?
            order by claims_fts.rank limit ?""",
                [match, exclude, limit],
            )
        ]

    # --- sentence-embedding vectors (claimcheck.analysis.embeddings) ----------------------

    def claim_vectors(self, ids: Collection[str], model: str) -> dict[str, bytes]:
        """The stored vectors of those of these claims that have one under this embedding model, by claim id."""
        return {
            claim: vector
            for chunk in chunks(sorted(ids))
            for claim, vector in self.db.execute(
                f"select claim, vector from claim_vectors where model = ? and claim in ({marks(chunk)})",
                [model, *chunk],
            )
        }

    def save_claim_vectors(self, model: str, vectors: Mapping[str, bytes]) -> None:
        self.db.conn.executemany(
            "insert or replace into claim_vectors (claim, model, vector) values (?, ?, ?)",
            ((claim, model, vector) for claim, vector in vectors.items()),
        )

    def text_vectors(self, texts: Collection[str], model: str) -> dict[str, bytes]:
        """The stored vectors of those of these texts that have one under this embedding model, by text."""
        wanted = {key_of(model, text): text for text in texts}
        return {
            wanted[key]: vector
            for chunk in chunks(sorted(wanted))
            for key, vector in self.db.execute(
                f"select key, vector from text_vectors where key in ({marks(chunk)})",
                chunk,
            )
        }

    def save_text_vectors(self, model: str, vectors: Mapping[str, bytes]) -> None:
        self.db.conn.executemany(
            "insert or replace into text_vectors (key, model, text, vector) values (?, ?, ?, ?)",
            ((key_of(model, text), model, text, v) for text, v in vectors.items()),
        )

    def active_claim_vectors(
        self, model: str, size: int = 8192
    ) -> Iterator[list[tuple[str, str, str | None, bytes]]]:
        """Every active claim's vector under this model, as chunks of (claim, document, speaker, vector) rows, by id."""
        cursor = self.db.execute(
            """
            select claims.id, claims.document, claims.speaker, claim_vectors.vector
            from claims cross join claim_vectors on claim_vectors.claim = claims.id and claim_vectors.model = ?
            where not claims.superseded order by claims.id""",
            [model],
        )  # cross join: in id order, no sort
        while rows := cursor.fetchmany(size):
            yield [tuple(row) for row in rows]

    # --- NLI score cache --------------------------------------------------------

    def cached_scores(
        self, model: str, pairs: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], tuple]:
        wanted = {score_key(model, p, h): (p, h) for p, h in pairs}
        found = {}
        for chunk in chunks(list(wanted)):
            for row in self.db.execute(
                f"select key, entailment, neutral, contradiction from nli_scores where key in ({marks(chunk)})",
                chunk,
            ):
                found[wanted[row[0]]] = tuple(row[1:])
        return found

    def save_scores(
        self, model: str, scores: Mapping[tuple[str, str], Sequence[float]]
    ) -> None:
        self.db.table("nli_scores").insert_all(
            (
                {
                    "key": score_key(model, p, h),
                    "model": model,
                    "entailment": float(s[0]),
                    "neutral": float(s[1]),
                    "contradiction": float(s[2]),
                }
                for (p, h), s in scores.items()
            ),
            pk="key",
            replace=True,
        )

    # --- checks and findings ----------------------------------------------------

    def start_check(
        self,
        model: str,
        threshold: float,
        new_only: bool,
        last_ingest: int | None = None,
    ) -> int:
        """Record a check. `last_ingest`: the newest ingest when the check started reading (store.last_ingest()
        then); claims ingested while it ran are newer, so the next `check --new-only` checks them."""
        table = self.db.table("checks").insert(
            {
                "started_at": now(),
                "model": model,
                "threshold": threshold,
                "last_ingest": self.last_ingest()
                if last_ingest is None
                else last_ingest,
                "new_only": int(new_only),
            }
        )
        return cast(int, table.last_pk)  # the rowid of the insert

    def finish_check(self, check: int, claims: int, pairs: int, findings: int) -> None:
        self.db.table("checks").update(
            check,
            {
                "finished_at": now(),
                "claims": claims,
                "pairs": pairs,
                "findings": findings,
            },
        )

    def save_findings(
        self,
        findings: Sequence[Finding],
        check: int,
        scope: Collection[str] | None = None,
    ) -> int:
        """Store what a check found, and resolve the open findings it no longer finds; returns how many.

        `scope`: the claims the check looked at (a full check: None, every claim; `--new-only`: the new claims),
        so only open findings involving one of them are resolved. A check resolves only what it looked for: a
        finding last found with an NLI model stays open through a check without it (or with another model).
        A resolved finding is kept for history (status `resolved`); found again, it is open again.
        """
        for finding in findings:
            existing = self.db.execute(
                "select status from findings where id = ?", [finding.id]
            ).fetchone()
            values = {
                "kind": finding.kind,
                "score": finding.score,
                "explanation": finding.explanation,
                "claim_a": finding.a.id,
                "claim_b": finding.b.id,
                "last_check": check,
            }
            if existing:
                self.db.table("findings").update(
                    finding.id,
                    {**values, "status": "open"}
                    if existing[0] == "resolved"
                    else values,
                )
            else:
                self.db.table("findings").insert(
                    {
                        "id": finding.id,
                        **values,
                        "first_check": check,
                        "status": "open",
                        "reason": None,
                    }
                )
        model = self.db.execute(
            "select model from checks where id = ?", [check]
        ).fetchone()
        stale = """
            select f.id from findings f left join checks last on last.id = f.last_check
            where f.status = 'open' and f.last_check != :check
              and (last.model is null or last.model = :model or last.model = 'rules-only')"""
        if scope is None:
            ids = [
                row[0]
                for row in self.db.execute(
                    stale, {"check": check, "model": model and model[0]}
                )
            ]
        else:
            self.db.execute(
                "create temp table if not exists check_scope (claim text primary key)"
            )
            self.db.execute("delete from check_scope")
            self.db.conn.executemany(
                "insert or ignore into check_scope values (?)", ((c,) for c in scope)
            )
            ids = [
                row[0]
                for row in self.db.execute(
                    stale + " and (f.claim_a in (select claim from check_scope)"
                    " or f.claim_b in (select claim from check_scope))",
                    {"check": check, "model": model and model[0]},
                )
            ]
            self.db.execute("delete from check_scope")
        self.db.conn.executemany(
            "update findings set status = 'resolved' where id = ?", ((i,) for i in ids)
        )
        return len(ids)

    def finding_statuses(self, ids: Collection[str]) -> dict[str, str]:
        return {
            id_: status
            for chunk in chunks(sorted(ids))
            for id_, status in self.db.execute(
                f"select id, status from findings where id in ({marks(chunk)})", chunk
            )
        }

    def finding_rows(
        self, kind: str | None = None, status: str | None = None
    ) -> list[dict]:
        """Findings between active claims; `status` None: open and accepted ones; "resolved" (history) and "all"
        also list findings between claims since superseded."""
        always = (
            []
            if status in ("resolved", "all")
            else ["not a.superseded", "not b.superseded"]
        )
        always += [] if status else ["findings.status != 'resolved'"]
        where, params = filters(
            always,
            [
                ("findings.kind = ?", kind),
                ("findings.status = ?", None if status == "all" else status),
            ],
        )
        sql = f"""
            select findings.id, findings.kind, round(findings.score, 3) as score, findings.status,
              findings.explanation, a.source as source_a, a.text as claim_a,
              b.source as source_b, b.text as claim_b, findings.reason
            from findings join claims a on a.id = findings.claim_a join claims b on b.id = findings.claim_b
            {where}
            order by findings.score desc, findings.id"""
        return list(self.db.query(sql, params))

    def findings(self, status: str = "open") -> list[Finding]:
        """Findings with this status between claims that are not superseded, strongest first."""
        fields = ", ".join(f'{side}."{f}"' for side in ("a", "b") for f in CLAIM_FIELDS)
        rows = self.db.execute(
            f"""
            select f.id, f.kind, f.score, f.explanation, {fields}
            from findings f join claims a on a.id = f.claim_a join claims b on b.id = f.claim_b
            where f.status = ? and not a.superseded and not b.superseded
            order by f.score desc, f.id""",
            [status],
        ).fetchall()
        n = len(CLAIM_FIELDS)
        return [
            Finding(
                row[0],
                row[1],
                row[2],
                row[3],
                Claim(*row[4 : 4 + n]),
                Claim(*row[4 + n :]),
            )
            for row in rows
        ]

    def accept_finding(self, finding: str, reason: str) -> str:
        """Mark the finding with this fingerprint, or unique fingerprint prefix, as accepted. Returns its id."""
        if not finding.strip():
            raise ClaimcheckError(
                "give a finding's fingerprint, or a unique prefix of it"
            )
        ids = [
            row[0]
            for row in self.db.execute(
                "select id from findings where substr(id, 1, ?) = ?",
                [len(finding), finding.lower()],
            )
        ]
        if not ids:
            raise ClaimcheckError(f"no finding {finding!r} (see `claimcheck findings`)")
        if len(ids) > 1:
            raise ClaimcheckError(
                f"{finding!r} matches {len(ids)} findings: give more of the fingerprint"
            )
        with self.transaction():
            self.db.table("findings").update(
                ids[0], {"status": "accepted", "reason": reason}
            )
        return ids[0]

    def query(self, sql: str, params: Sequence | None = None) -> list[dict]:
        """Run one read-only SQL statement (see ReadOnlyQuery) on the committed database."""
        return list(ReadOnlyQuery(self.path, sql, params or ()).rows())

    def source_rows(self) -> list[dict]:
        return list(self.db.query("select * from source_stats"))

    def document_rows(self, include_superseded: bool = False) -> list[dict]:
        sql = """
            select d.id, d.source, d.title, d.published, d.path, substr(d.version, 1, 8) as version,
              d.superseded, (select count(*) from claims c where c.document = d.id and c.version = d.version) as claims
            from documents d"""
        if not include_superseded:
            sql += " where not d.superseded"
        return list(self.db.query(sql + " order by d.source, d.id, d.ingested_at"))


# --- raw SQL (`claimcheck query`) ---------------------------------------------------

# What a read-only statement may do (sqlite3 authorizer action codes): read tables, call functions, recurse.
READ_ACTIONS = {
    sqlite3.SQLITE_SELECT,
    sqlite3.SQLITE_READ,
    sqlite3.SQLITE_FUNCTION,
    getattr(sqlite3, "SQLITE_RECURSIVE", 33),
}
# Pragmas that only report, also when given an argument (a table or index name).
READ_PRAGMAS = {
    "table_info",
    "table_xinfo",
    "index_list",
    "index_info",
    "index_xinfo",
    "foreign_key_list",
    "foreign_key_check",
    "integrity_check",
    "quick_check",
    "table_list",
    "function_list",
    "pragma_list",
    "collation_list",
    "database_list",
    "compile_options",
}
FETCH_ROWS = 500


class ReadOnlyQuery:
    """One SQL statement over a claimcheck database opened read-only (a `mode=ro` URI), never migrated.

    The statement may only read (an authorizer refuses writes, ATTACH, VACUUM INTO and setting pragmas); SQLite
    may spend at most `timeout` seconds on it (a progress handler; time spent writing the rows out is not
    counted), and Ctrl-C interrupts it. Rows stream: iterate over `rows()`.
    """

    def __init__(
        self,
        path: str | Path,
        sql: str,
        params: Sequence = (),
        timeout: float | None = 30.0,
    ):
        self.path, self.timeout = str(path), timeout
        self.spent, self.timed_out = 0.0, False
        self.fetch_started: float | None = None
        if not Path(self.path).is_file():
            raise ClaimcheckError(
                f"{self.path}: no such database (run `claimcheck ingest` first)"
            )
        uri = Path(self.path).resolve().as_uri() + "?mode=ro"
        self.conn = sqlite3.connect(uri, uri=True)
        if not is_claimcheck_database(self.conn):
            self.close()
            raise ClaimcheckError(
                f"{self.path}: not a claimcheck database (query reads only claimcheck's databases)"
            )
        self.conn.execute("pragma query_only = 1")
        self.conn.set_authorizer(self.authorize)
        self.conn.set_progress_handler(self.progress, 1000)
        self.cursor = self.run(lambda: self.conn.execute(sql, list(params)))
        if self.cursor.description is None:
            self.close()
            raise ClaimcheckError(
                "query is read-only: only statements that return rows are allowed"
            )
        self.columns = [column[0] for column in self.cursor.description]

    @staticmethod
    def authorize(action, arg1, arg2, database, trigger):
        if action in READ_ACTIONS:
            return sqlite3.SQLITE_OK
        if (
            action == sqlite3.SQLITE_PRAGMA
            and (arg2 is None or (arg1 or "").lower() in READ_PRAGMAS)
            and (arg1 or "").lower() != "query_only"
        ):
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY

    def progress(self) -> int:
        if (
            self.timeout is not None
            and self.fetch_started is not None
            and self.spent + time.monotonic() - self.fetch_started > self.timeout
        ):
            self.timed_out = True
            return 1
        return 0

    def run(self, step):
        """Run one step of the statement in SQLite, counting its time; errors as one line."""
        self.fetch_started = time.monotonic()
        try:
            return step()
        except sqlite3.Error as error:
            self.close()
            message = str(error)
            if message == "interrupted":
                if self.timed_out:
                    raise ClaimcheckError(
                        f"query stopped: it ran for more than {self.timeout:g} s "
                        "(raise --timeout)"
                    ) from None
                raise KeyboardInterrupt from None  # Ctrl-C, caught by the progress handler's Python code
            if (
                "not authorized" in message
                or "authorization denied" in message
                or "readonly" in message
                or "read-only" in message
                or "query_only" in message
            ):
                raise ClaimcheckError(
                    "query is read-only: write statements, ATTACH and setting pragmas "
                    "are refused"
                ) from None
            raise ClaimcheckError(f"bad SQL: {message}") from None
        finally:
            if self.fetch_started is not None:
                self.spent += time.monotonic() - self.fetch_started
            self.fetch_started = None

    def rows(self) -> Iterator[dict]:
        try:
            while chunk := self.run(lambda: self.cursor.fetchmany(FETCH_ROWS)):
                for row in chunk:
                    yield dict(zip(self.columns, row, strict=True))
        finally:
            self.close()

    def close(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()
            del self.conn


def filters(always: list[str], optional: list[tuple[str, object]]) -> tuple[str, list]:
    """A WHERE clause from fixed conditions plus each optional one whose value is given."""
    given = [(condition, value) for condition, value in optional if value]
    conditions = always + [condition for condition, _ in given]
    return (" where " + " and ".join(conditions) if conditions else ""), [
        value for _, value in given
    ]


def fts_query(text: str) -> str:
    """Quote each word so user text can't be parsed as FTS5 syntax."""
    words = re.findall(r"\w+", text)
    if not words:
        raise ClaimcheckError("search needs at least one word")
    return " ".join(f'"{word}"' for word in words)
