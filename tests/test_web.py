"""`claimcheck serve`: the claims database in Datasette, read-only, through Datasette's own test client."""

import asyncio
import hashlib
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("datasette")

from claimcheck.errors import ClaimcheckError
from claimcheck.store.web import datasette_app
from tests.conftest import Claimcheck

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def database(news_db):
    return news_db


def fetch(db, *paths):
    """Each path's response (status, JSON or text), from one Datasette over the database."""

    async def go():
        datasette = datasette_app(db)
        await datasette.invoke_startup()
        responses = []
        for path in paths:
            response = await datasette.client.get(path)
            body = (
                response.json()
                if ".json" in path and response.status_code == 200
                else response.text
            )
            responses.append((response.status_code, body))
        return responses

    return asyncio.run(go())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_tables_have_descriptions_and_findings_link_to_both_claims(database):
    conn = sqlite3.connect(database)
    finding, a, b = conn.execute(
        "select id, claim_a, claim_b from findings where status = 'open' "
        "order by score desc limit 1"
    ).fetchone()
    conn.close()
    (status, page), (_, row_page), (_, home) = fetch(
        database, "/claims/findings", f"/claims/findings?id={finding}", "/claims"
    )
    assert status == 200
    assert "Pairs of claims that disagree" in page
    assert (
        f'href="/claims/claims/{a}"' in row_page
        and f'href="/claims/claims/{b}"' in row_page
    )
    assert "claim_keys" not in home and "Open findings by source and kind" in home


def test_full_text_search_on_claims(database):
    ((status, rows),) = fetch(
        database, "/claims/claims.json?_search=ceasefire&_shape=array"
    )
    assert (
        status == 200
        and rows
        and all("ceasefire" in row["text"].lower() for row in rows)
    )


def test_canned_queries(database):
    conn = sqlite3.connect(database)
    open_total = conn.execute(
        "select count(distinct f.id) from findings f join claims c on c.id in "
        "(f.claim_a, f.claim_b) where f.status = 'open'"
    ).fetchone()[0]
    document = conn.execute(
        "select document from claims c join findings f on c.id = f.claim_a "
        "where f.status = 'open' limit 1"
    ).fetchone()[0]
    conn.close()
    (s1, by_source), (s2, merz), (s3, claims) = fetch(
        database,
        "/claims/open_findings_by_source_and_kind.json?_shape=array",
        "/claims/entity_claims.json?entity=Friedrich+Merz&_shape=array",
        f"/claims/document_claims.json?document={document}&_shape=array",
    )
    assert (s1, s2, s3) == (200, 200, 200)
    assert {row["kind"] for row in by_source} <= {
        "contradiction",
        "position",
        "number",
        "date",
        "name",
    }
    assert sum(row["open_findings"] for row in by_source) >= open_total
    assert len(merz) >= 3 and [row["published"] for row in merz] == sorted(
        row["published"] for row in merz
    )
    assert len({row["source"] for row in merz}) >= 2 and any(
        row["named_as"] != "Friedrich Merz" for row in merz
    )
    assert (
        claims
        and any(row["finding"] for row in claims)
        and all(row["claim"] for row in claims)
    )


def test_serve_is_read_only(database):
    before = digest(database)
    responses = fetch(
        database,
        "/claims.json?sql=delete+from+claims",
        "/claims.json?sql=drop+table+findings",
        "/claims.json?sql=pragma+journal_mode%3Ddelete",
        "/claims/claims.json?_shape=array",
    )
    assert all(
        status != 200 or "error" in str(body).lower() for status, body in responses[:3]
    ), responses[:3]
    assert responses[3][0] == 200 and responses[3][1]
    assert digest(database) == before
    conn = sqlite3.connect(database)
    assert conn.execute("select count(*) from claims").fetchone()[0] == len(
        fetch(database, "/claims/claims.json?_shape=array&_size=max")[0][1]
    )
    conn.close()


def test_serve_refuses_what_is_not_a_claimcheck_database(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.commit()
    with pytest.raises(ClaimcheckError, match="not a claimcheck database"):
        datasette_app(other)
    result = Claimcheck(tmp_path / "missing.db")("serve")
    assert (
        result.exit_code == 2
        and result.output.startswith("Error: ")
        and "no such database" in result.output
    )
