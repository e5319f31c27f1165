import pytest
from sqlite_utils import Database

from claimcheck import pipeline
from claimcheck.errors import ClaimcheckError
from claimcheck.pairing.pairs import KEYS_VERSION, keys
from claimcheck.records import Claim, Document, Finding, claim_id, fingerprint
from claimcheck.store.database import Store
from claimcheck.store.migrations import LEGACY, MIGRATIONS
from tests.conftest import old_database


def make_claims(document: Document) -> list[Claim]:
    claims = []
    start = 0
    for sentence in document.text.split("\n"):
        end = start + len(sentence)
        claims.append(
            Claim(
                id=claim_id(document.id, document.version, start, end, sentence),
                text=sentence,
                sentence=sentence,
                source=document.source,
                document=document.id,
                version=document.version,
                path=document.path,
                line=document.line_of(start),
                column=1,
                start=start,
                end=end,
            )
        )
        start = end + 1
    return claims


def add(store, document, ingest=None):
    with store.transaction():
        ingest = ingest or store.start_ingest([document.path])
        claims = make_claims(document)
        return store.add_document(
            document, claims, ingest, {c.id: keys(c.text) for c in claims}
        )


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "claims.db")


DOC = Document(
    id="a",
    source="Ledger",
    text="Turnout was 61 percent.\nThe mayor resigned.",
    path="a.txt",
)


def applied(store):
    return [
        row["name"]
        for row in store.db.query(
            "select name from _sqlite_migrations where migration_set = 'claimcheck'"
            " order by id"
        )
    ]


def test_migrations_are_named_ordered_and_run_once(tmp_path):
    path = tmp_path / "claims.db"
    Store(path).close()
    store = Store(path)
    names = [m.name for m in MIGRATIONS.pending(Database(":memory:"))]
    assert applied(store) == names == sorted(names)
    assert not store.pending_migrations()
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_a_database_of_the_old_migration_table_is_adopted(tmp_path):
    path = tmp_path / "old.db"
    old_database(path, before="m008_analysis_versions")
    db = Database(
        path
    )  # as claimcheck recorded migrations before sqlite-utils' Migrations
    db[LEGACY].insert_all(
        {"name": r["name"], "applied_at": r["applied_at"]}
        for r in db["_sqlite_migrations"].rows
    )
    db["_sqlite_migrations"].drop()
    db.close()
    store = Store(path)
    assert applied(store)[-1] == "m009_text_vectors"
    assert set(applied(store)) == {
        m.name for m in MIGRATIONS.pending(Database(":memory:"))
    }
    assert LEGACY not in store.db.table_names()


def test_reingest_unchanged_adds_nothing(store):
    assert add(store, DOC) == "new"
    assert add(store, DOC) == "unchanged"
    assert store.db["claims"].count == 2
    assert store.db["documents"].count == 1


def test_changed_document_is_a_new_version_and_old_claims_are_superseded(store):
    add(store, DOC)
    changed = Document(
        id="a",
        source="Ledger",
        text="Turnout was 58 percent.\nThe mayor resigned.",
        path="a.txt",
    )
    assert add(store, changed) == "updated"
    assert store.db["documents"].count == 2
    active = store.active_claims()
    assert {c.text for c in active} == {
        "Turnout was 58 percent.",
        "The mayor resigned.",
    }
    history = store.claim_rows(include_superseded=True)
    assert {r["text"] for r in history if r["superseded"]} == {
        "Turnout was 61 percent.",
        "The mayor resigned.",
    }


def test_keys_are_stored_for_active_claims_only(store):
    add(store, DOC)
    first = {c.id for c in store.active_claims()}
    assert store.claim_keys(first) == {
        c.id: keys(c.text) for c in store.active_claims()
    }
    add(
        store,
        Document(
            id="a",
            source="Ledger",
            text="Turnout was 58 percent.\nThe mayor resigned.",
            path="a.txt",
        ),
    )
    assert store.claim_keys(first) == {id_: set() for id_ in first}
    assert store.claims_with_key("quantity:58 percent", most=1) == [
        c.id for c in store.active_claims() if "58" in c.text
    ]
    assert (
        store.claims_with_key("name:turnout", most=0) is None
    )  # in more claims than that


def test_keys_of_another_analysis_version_are_recomputed(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Turnout in Ohio was 61 percent.\nThe mayor resigned.\n")
    store = Store(tmp_path / "claims.db")
    pipeline.ingest(store, [str(article)])
    claims = [c.id for c in store.active_claims()]
    written = store.claim_keys(claims)
    assert any(written.values()) and store.analysis_version("keys") == KEYS_VERSION
    with store.transaction():  # as an older claimcheck's keys() left them
        store.db.execute("delete from claim_keys")
        store.db.execute("update analysis_versions set version = 0")
    pipeline.check(store, use_nli=False)
    assert store.claim_keys(claims) == written
    assert store.analysis_version("keys") == KEYS_VERSION
    assert store.word_count("turnout") == 1 and store.word_count("nothing") == 0


def test_transaction_rolls_back_everything(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            claims = make_claims(DOC)
            store.add_document(
                DOC,
                claims,
                store.start_ingest(["a.txt"]),
                {c.id: set() for c in claims},
            )
            raise RuntimeError("interrupted")
    assert store.db["claims"].count == 0
    assert store.db["ingests"].count == 0


def test_full_text_search_and_filters(store):
    add(store, DOC)
    assert [r["text"] for r in store.claim_rows(search="mayor")] == [
        "The mayor resigned."
    ]
    assert (
        store.claim_rows(search="turnout* (") != []
    )  # user text is never parsed as FTS syntax
    assert store.claim_rows(source="Nobody") == []


def test_score_cache_round_trip(store):
    store.save_scores("m", {("p", "h"): (0.1, 0.2, 0.7)})
    assert store.cached_scores("m", [("p", "h"), ("h", "p")]) == {
        ("p", "h"): (0.1, 0.2, 0.7)
    }
    assert store.cached_scores("other-model", [("p", "h")]) == {}


def test_findings_keep_their_status_across_checks(store):
    add(store, DOC)
    a, b = store.active_claims()
    finding = Finding(fingerprint("number", a, b), "number", 0.9, "x", a, b)
    with store.transaction():
        check = store.start_check("m", 0.5, False)
        store.save_findings([finding], check)
        store.finish_check(check, 2, 1, 1)
    store.db.execute(
        "update findings set status = 'accepted' where id = ?", [finding.id]
    )
    store.save_findings([finding], check)
    assert store.finding_statuses([finding.id, "unknown"]) == {finding.id: "accepted"}
    assert store.last_checked_ingest() == 1


def test_query_is_read_only(store):
    add(store, DOC)
    assert store.query("select count(*) as n from claims") == [{"n": 2}]
    for sql in [
        "delete from claims",
        "drop table claims",
        "insert into sources values ('x', 'y')",
        "select 1; delete from claims",
    ]:
        with pytest.raises(ClaimcheckError):
            store.query(sql)
    with pytest.raises(ClaimcheckError, match="bad SQL"):
        store.query("selec nonsense")
    assert store.db["claims"].count == 2


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ClaimcheckError, match="not a claimcheck database"):
        Store(path)


def test_missing_database_for_reading(tmp_path):
    with pytest.raises(ClaimcheckError, match="no such database"):
        Store(tmp_path / "nope.db", must_exist=True)
