"""The shipped sentence-embedding model, stored claim vectors and embedding neighbours in pairing."""

import numpy as np
import pytest
from sqlite_utils import Database

from claimcheck.analysis import embeddings
from claimcheck.analysis.embeddings import Embedder
from claimcheck.errors import ClaimcheckError
from claimcheck.pairing.neighbourhood import claim_vectors, neighbourhood
from claimcheck.pairing.pairs import candidate_pairs
from claimcheck.store.database import Store
from tests.conftest import claim, old_database

SEED_A = "They insisted on a ceasefire before substantive talks could begin."
SEED_B = (
    "Trump, however, aligned more closely with Putin, emphasizing a focus on lasting peace "
    "rather than temporary ceasefires."
)
# Sentences of other stories, some on the same war and talks, as other documents' claims.
DISTRACTORS = [
    "The delegations met for three hours at the air base.",
    "Officials said the talks would resume next week in Geneva.",
    "The president thanked the host country for organising the summit.",
    "Artillery fire continued along the front line overnight, the army said.",
    "Both sides exchanged prisoners of war on Sunday.",
    "The foreign minister said sanctions would stay in place.",
    "Aid convoys reached the besieged city for the first time in a month.",
    "The envoy declined to comment on the draft agreement.",
    "Heavy rain flooded the harbour district overnight.",
    "The central bank raised interest rates by a quarter point.",
    "The club signed a new striker for a record fee.",
    "Turnout in the municipal election reached 61 percent.",
    "The city council approved a budget of 42 million dollars.",
    "A magnitude 5.9 earthquake struck the valley on Tuesday.",
    "The airline cancelled 200 flights because of the strike.",
    "The museum reopened after a two-year renovation.",
    "Shares in the carmaker fell 8 percent after the recall.",
    "The court sentenced the former mayor to four years in prison.",
    "Scientists found traces of water in the crater.",
    "The school district will hire 120 new teachers this autumn.",
    "Wildfires forced thousands of residents to leave their homes.",
    "The new bridge will open to traffic in March.",
    "The union called off the rail strike after a late offer.",
    "Doctors warned of a rise in flu cases this winter.",
]


@pytest.fixture(scope="module")
def embedder():
    return embeddings.load()


def test_shipped_model_is_small_and_gives_unit_vectors(embedder):
    files = [f for f in embeddings.default_path().iterdir() if f.is_file()]
    assert sum(f.stat().st_size for f in files) < 24.5e6
    assert embedder.dimension == 384 and embedder.name.startswith(
        "all-MiniLM-L6-v2-int8-"
    )
    vectors = embedder.embed(["The mayor resigned.", "Prices rose."])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert embedder.embed([]).shape == (0, 384)


def test_paraphrases_are_close_and_unrelated_sentences_far(embedder):
    pairs = [
        (
            "The company reported a sharp rise in quarterly profits.",
            "Quarterly earnings at the firm jumped strongly.",
        ),
        (
            "The mayor resigned on Monday after the scandal.",
            "Following the scandal, the mayor stepped down on Monday.",
        ),
        (
            "Heavy rain flooded the harbour district overnight.",
            "The harbour area was under water after a night of downpours.",
        ),
        (SEED_A, SEED_B),
    ]
    cosine = (
        embedder.embed([a for a, _ in pairs]) @ embedder.embed([b for _, b in pairs]).T
    )
    assert (np.diag(cosine) > 0.45).all()
    assert (cosine[~np.eye(len(pairs), dtype=bool)] < 0.3).all()


def test_a_vector_does_not_depend_on_its_batch(embedder):
    alone = embedder._embed([SEED_A])[0]
    among = embedder._embed(["Short.", SEED_A, DISTRACTORS[0] * 3])[1]
    assert np.array_equal(alone, among)


def test_missing_model_is_one_clear_error(tmp_path):
    with pytest.raises(ClaimcheckError, match="sentence-embedding model is missing"):
        embeddings.load(tmp_path)


def test_check_with_a_missing_model_is_one_line_and_exit_2(
    claimcheck, tmp_path, monkeypatch
):
    article = tmp_path / "a.txt"
    article.write_text("Turnout in Ohio was 61 percent.\n")
    claimcheck("ingest", article)
    monkeypatch.setenv(embeddings.ENV, str(tmp_path / "nowhere"))
    result = claimcheck("check", "--no-nli")
    assert result.exit_code == 2
    assert (
        result.stderr.startswith("Error: the sentence-embedding model is missing")
        and result.stderr.count("\n") == 1
    )


def test_stored_vectors_round_trip(embedder):
    vectors = embedder.embed([SEED_A, SEED_B])
    back = embeddings.from_blobs(
        [embeddings.to_blob(v) for v in vectors], embedder.dimension
    )
    assert back.dtype == np.float32 and ((back * vectors).sum(axis=1) > 0.9999).all()


def seed_claims():
    return [
        claim("s1", SEED_A, "harbor-times"),
        claim("s2", SEED_B, "northern-ledger"),
    ] + [claim(f"d{i:02d}", text, f"other-{i}") for i, text in enumerate(DISTRACTORS)]


def test_seed_paraphrase_becomes_a_candidate_pair(embedder):
    claims = seed_claims()
    vectors = dict(
        zip(
            (c.id for c in claims),
            embedder.embed([c.text for c in claims]),
            strict=True,
        )
    )
    for k in (20, 3):
        pairs = candidate_pairs(claims, k=k, vectors=vectors)
        found = {(pair.a.id, pair.b.id): pair for pair in pairs}
        assert ("s1", "s2") in found and found["s1", "s2"].cosine > 0.45
        degree = {}
        for pair in pairs:
            for member in (pair.a.id, pair.b.id):
                degree[member] = degree.get(member, 0) + 1
        assert max(degree.values()) <= k


def test_embedding_neighbours_follow_the_pairing_rules(embedder):
    same_document = [claim("x", SEED_A, "d"), claim("y", SEED_B, "d")]
    vectors = dict(zip("xy", embedder.embed([SEED_A, SEED_B]), strict=True))
    assert candidate_pairs(same_document, vectors=vectors) == []
    speakers = [claim("x", SEED_A, "d", "Merz"), claim("y", SEED_B, "d", "Trump")]
    assert [(p.a.id, p.b.id) for p in candidate_pairs(speakers, vectors=vectors)] == [
        ("x", "y")
    ]
    copies = [
        claim("p", SEED_A, "d1"),
        claim("q", SEED_A.upper(), "d2"),
        claim("r", SEED_B, "d3"),
    ]
    vectors = dict(zip("pqr", embedder.embed([c.text for c in copies]), strict=True))
    assert {(p.a.id, p.b.id) for p in candidate_pairs(copies, vectors=vectors)} == {
        ("p", "r"),
        ("q", "r"),
    }
    without = [(p.a.id, p.b.id) for p in candidate_pairs(seed_claims())]
    assert [
        (p.a.id, p.b.id) for p in candidate_pairs(seed_claims(), vectors={})
    ] == without  # no vectors: words, keys


def store_claims(store, claims, ingest):
    store.db["claims"].insert_all(
        ({**c.to_dict(), "ingest": ingest, "superseded": 0} for c in claims), pk="id"
    )


class Counting:
    """The real embedder, counting the texts it is asked for."""

    def __init__(self, embedder):
        self.embedder, self.texts = embedder, []
        self.name, self.dimension = embedder.name, embedder.dimension

    def embed(self, texts):
        self.texts += list(texts)
        return self.embedder.embed(texts)


def test_vectors_are_stored_and_reused(tmp_path, embedder):
    store = Store(tmp_path / "claims.db")
    claims = seed_claims()
    store_claims(store, claims, 1)
    counting = Counting(embedder)
    first = claim_vectors(store, claims, counting)
    assert len(counting.texts) == len(claims)
    assert store.db.execute(
        "select count(*) from claim_vectors where model = ?", [embedder.name]
    ).fetchone()[0] == len(claims)
    again = claim_vectors(store, claims, counting)
    assert len(counting.texts) == len(claims)  # nothing computed the second time
    assert all(np.array_equal(first[c.id], again[c.id]) for c in claims)


def test_check_computes_vectors_once_and_new_only_just_for_the_new_claims(
    claimcheck, tmp_path, monkeypatch, embedder
):
    counted = []
    original = Embedder.embed
    monkeypatch.setattr(
        Embedder,
        "embed",
        lambda self, texts: counted.extend(texts) or original(self, texts),
    )
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(
        "Turnout in Ohio was 61 percent.\n\nThe mayor of Dayton resigned on Monday.\n"
    )
    second.write_text("Heavy rain flooded the harbour district of Cork overnight.\n")
    claimcheck("run", first, "--no-nli")
    computed = len(counted)
    assert computed == 2
    claimcheck("check", "--no-nli")
    assert len(counted) == computed
    claimcheck("ingest", second)
    claimcheck("check", "--no-nli", "--new-only")
    assert counted[computed:] == [
        "Heavy rain flooded the harbour district of Cork overnight."
    ]


def test_new_only_neighbourhood_brings_the_embedding_neighbours(tmp_path, embedder):
    store = Store(tmp_path / "claims.db")
    old = [claim("s1", SEED_A, "harbor-times")] + [
        claim(f"d{i:02d}", t, f"other-{i}") for i, t in enumerate(DISTRACTORS)
    ]
    store_claims(store, old, 1)
    claim_vectors(store, old, embedder)
    new = claim("s2", SEED_B, "northern-ledger")
    store_claims(store, [new], 2)
    near = neighbourhood(store, {"s2"}, k=3)
    assert "s1" in {c.id for c in near.claims} and set(near.vectors) >= {"s1", "s2"}
    pairs = candidate_pairs(
        near.claims, new={"s2"}, k=3, known_keys=near.keys, vectors=near.vectors
    )
    assert ("s1", "s2") in {(p.a.id, p.b.id) for p in pairs}
    assert neighbourhood(store, {"s2"}, k=3, embed=False).vectors is None


def test_migration_adds_the_vector_table_to_an_old_database(tmp_path, embedder):
    path = tmp_path / "old.db"
    old_database(path, before="m007_claim_vectors")
    old = Database(path)
    old["claims"].insert_all(
        ({**c.to_dict(), "ingest": 1, "superseded": 0} for c in seed_claims()), pk="id"
    )
    assert "claim_vectors" not in old.table_names()
    old.close()

    store = Store(path)
    assert "claim_vectors" in store.db.table_names()
    claims = store.active_claims()
    vectors = claim_vectors(store, claims, embedder)
    assert (
        len(store.claim_vectors([c.id for c in claims], embedder.name))
        == len(claims)
        == len(vectors)
    )
    assert ("s1", "s2") in {
        (p.a.id, p.b.id) for p in candidate_pairs(claims, vectors=vectors)
    }


def test_embeddings_can_be_turned_off(claimcheck, tmp_path, monkeypatch):
    first, second = tmp_path / "harbor.txt", tmp_path / "ledger.txt"
    first.write_text(SEED_A + "\n")
    second.write_text(SEED_B + "\n")
    monkeypatch.setenv(embeddings.ENV, "none")
    claimcheck("run", first, second, "--no-nli")
    store = Store(claimcheck.db)
    assert store.db.execute("select count(*) from claim_vectors").fetchone()[0] == 0
    assert claim_vectors(store, store.active_claims()) is None
    monkeypatch.delenv(embeddings.ENV)
    claimcheck("check", "--no-nli")
    assert store.db.execute("select count(*) from claim_vectors").fetchone()[0] == 2
