"""store.entities.EntityTables: the entity tables' SQL, plain values in and out, on a real database."""

import pytest

from claimcheck.records import Claim, Document
from claimcheck.store.database import Store
from tests.test_store import make_claims


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "claims.db")


def add(store: Store, document: Document) -> list[Claim]:
    """Store the document with one claim per line; returns the claims."""
    claims = make_claims(document)
    with store.transaction():
        ingest = store.start_ingest([document.path])
        store.add_document(document, claims, ingest, {c.id: set() for c in claims})
    return claims


def test_the_reference_list_round_trips_by_name_and_is_replaced(store):
    assert store.entities.reference_rows() == []
    with store.transaction():
        store.entities.replace_reference(
            [
                ("Volodymyr Zelensky", ("Zelenskyy", "Selenskyj"), "president"),
                ("Friedrich Merz", (), None),
            ]
        )
    assert store.entities.reference_rows() == [
        ("Friedrich Merz", (), None),
        ("Volodymyr Zelensky", ("Zelenskyy", "Selenskyj"), "president"),
    ]
    with store.transaction():
        store.entities.replace_reference([("Keir Starmer", ["Starmer"], None)])
    assert store.entities.reference_rows() == [("Keir Starmer", ("Starmer",), None)]


def test_replace_all_then_read_and_change_mentions(store):
    a, b = add(
        store,
        Document(
            id="a",
            source="Ledger",
            text="Ana Ruiz opened the bridge.\nMayor Ruiz said it was late.",
            path="a.txt",
        ),
    )
    tables = store.entities
    assert not tables.has_mentions()
    with store.transaction():
        tables.replace_all(
            [("e1", "Ana Ruiz", "person", None), ("e2", "Ruiz", "person", None)],
            [
                (a.id, "e1", "Ana Ruiz", 0, 8, "person", None),
                (b.id, "e2", "Ruiz", 6, 10, "person", None),
                # the same key (claim, start): this later row wins
                (b.id, "e1", "Ruiz", 6, 10, "person", "mayor"),
            ],
        )
    assert tables.has_mentions()
    assert sorted(tables.rows_by_id({"e1", "e2", "e3"})) == [
        ("e1", "Ana Ruiz", "person", None),
        ("e2", "Ruiz", "person", None),
    ]
    assert sorted(tables.spellings()) == [
        ("e1", "Ana Ruiz", "person", None),
        ("e1", "Ruiz", "person", "mayor"),
    ]
    assert sorted(tables.mentions_of(["e1"])) == sorted(
        [
            ("e1", (a.id, "Ledger", "a", "Ana Ruiz", 0, 8, "person", None)),
            ("e1", (b.id, "Ledger", "a", "Ruiz", 6, 10, "person", "mayor")),
        ]
    )
    assert tables.entities_mentioned_in([b.id]) == {"e1"}
    assert tables.mentioned_positions([a.id, b.id]) == {(a.id, 0), (b.id, 6)}
    assert list(tables.positions_inside("e1", "Ruiz", "person")) == [(b.id, 6)]
    assert list(tables.positions_inside("e1", "Ana Ruiz", "person")) == []  # at 0
    assert sorted(tables.mention_groups({"e1"}, ["a"])) == [
        ("e1", "Ana Ruiz", "person", None, "Ledger", "a", 1, a.id, 0),
        ("e1", "Ruiz", "person", "mayor", "Ledger", "a", 1, b.id, 6),
    ]
    assert sorted(tables.mention_groups({"e1"}, [])) == [
        ("e1", "Ana Ruiz", "person", None, "Ledger", "", 1, a.id, 0),
        ("e1", "Ruiz", "person", "mayor", "Ledger", "", 1, b.id, 6),
    ]
    assert [row["name"] for row in tables.entity_rows()] == ["Ana Ruiz", "Ruiz"]
    assert tables.entity_rows()[0]["aliases"] == "Ruiz"

    with store.transaction():
        tables.write_changes(
            deleted=["e2"],
            entities=[("e1", "Ana Ruiz", "person", "Ana Ruiz")],
            moved_groups=[(("e1", "Ruiz", "person", True), "e3")],
            moved_mentions=[((a.id, 0), None)],
            added=[(a.id, "e1", "Ana Ruiz", 0, 8, "person", None)],
        )
    assert tables.rows_by_id({"e1", "e2"}) == [("e1", "Ana Ruiz", "person", "Ana Ruiz")]
    assert sorted(tables.spellings()) == [
        ("e1", "Ana Ruiz", "person", None),
        ("e3", "Ruiz", "person", "mayor"),
    ]
    assert [row["id"] for row in tables.entity_claim_rows(["e1"])] == [a.id]


def test_claims_found_by_fts_terms_and_documents_leave_out_an_ingest(store):
    (claim,) = add(
        store,
        Document(id="b", source="Courier", text="Brennan spoke in Oslo.", path="b.txt"),
    )
    ingest = store.last_ingest()
    assert {"brennan", "oslo"} <= set(store.entities.fts_terms())
    assert store.entities.claims_with_terms(["brennan"], ingest - 1) == {claim.id}
    assert store.entities.claims_with_terms(["brennan"], ingest) == set()
    assert store.entities.claims_with_terms([], ingest - 1) == set()
    assert store.entities.active_claims_in_documents(["b"], ingest - 1) == {claim.id}
    assert store.entities.active_claims_in_documents(["b"], ingest) == set()
