import random

from claimcheck.pairing.pairs import (
    CandidatePair,
    candidate_pairs,
    keys,
    nearest_per_claim,
)
from tests.conftest import claim

CLAIMS = [
    claim("a1", "Turnout in the Ohio primary was 61 percent, officials said."),
    claim("a2", "The Ohio primary saw turnout of 58 percent."),
    claim("b1", "The minister did not attend the summit in Geneva."),
    claim("b2", "The minister attended the Geneva summit on Friday."),
    claim("c1", "Heavy rain flooded the harbour district overnight."),
    claim("c2", "The central bank raised interest rates by a quarter point."),
]


def ids(pairs):
    return [(pair.a.id, pair.b.id) for pair in pairs]


def test_pairs_claims_about_the_same_thing():
    found = set(ids(candidate_pairs(CLAIMS)))
    assert {("a1", "a2"), ("b1", "b2")} <= found
    assert not any("c1" in pair and "c2" in pair for pair in found)


def test_pairs_are_unordered_unique_and_oriented_by_id():
    pairs = candidate_pairs(CLAIMS)
    assert all(
        isinstance(pair, CandidatePair) and pair.a.id < pair.b.id for pair in pairs
    )
    assert len(set(ids(pairs))) == len(pairs)
    assert all(0 < pair.similarity <= 1.0001 for pair in pairs)


def test_deterministic_whatever_the_input_order():
    shuffled = CLAIMS[:]
    random.Random(3).shuffle(shuffled)
    assert candidate_pairs(shuffled) == candidate_pairs(CLAIMS)


def test_same_document_only_between_different_speakers():
    text_a, text_b = (
        "Germany supports sanctions on Russian oil.",
        "Germany opposes sanctions on Russian oil.",
    )
    assert candidate_pairs([claim("x", text_a, "d"), claim("y", text_b, "d")]) == []
    assert (
        candidate_pairs(
            [claim("x", text_a, "d", "Scholz"), claim("y", text_b, "d", "Scholz")]
        )
        == []
    )
    assert (
        candidate_pairs([claim("x", text_a, "d", "Scholz"), claim("y", text_b, "d")])
        == []
    )
    assert ids(
        candidate_pairs(
            [claim("x", text_a, "d", "Scholz"), claim("y", text_b, "d", "Orban")]
        )
    ) == [("x", "y")]


def test_identical_normalised_text_is_skipped():
    pairs = candidate_pairs(
        [
            claim("x", "The summit was held on Friday."),
            claim("y", "the summit  was held on friday. "),
        ]
    )
    assert pairs == []


def test_trivial_inputs():
    assert candidate_pairs([]) == []
    assert candidate_pairs(CLAIMS[:1]) == []
    assert candidate_pairs(CLAIMS, new=set()) == []


def many(count):
    return [
        claim(
            f"m{i:03d}",
            f"The flood in Porto killed {i + 2} people on Friday, official number {i}.",
        )
        for i in range(count)
    ]


def test_at_most_k_candidates_per_claim():
    claims = many(60)
    pairs = candidate_pairs(claims, k=5)
    degree = {}
    for pair in pairs:
        for member in (pair.a.id, pair.b.id):
            degree[member] = degree.get(member, 0) + 1
    assert max(degree.values()) == 5
    assert len(degree) == 60
    assert len(pairs) <= 5 * 60 // 2


def test_new_restricts_pairs_to_new_claims():
    claims = many(40) + CLAIMS
    new = {"a2", "m007"}
    pairs = candidate_pairs(claims, new=new)
    assert pairs and all(pair.a.id in new or pair.b.id in new for pair in pairs)
    assert ("a1", "a2") in ids(pairs)
    everything = set(ids(candidate_pairs(claims, k=60)))
    assert set(ids(pairs)) <= everything


def test_keys_name_what_a_claim_is_about():
    found = keys("Turnout in Ohio was 61 percent on August 15.")
    assert {"name:ohio", "quantity:61 percent", "ohio+percent", "ohio+date"} <= found
    assert any(key.startswith("date:") for key in found)


def test_top_k_finds_each_rows_largest_values():
    import numpy as np

    from claimcheck.pairing.pairs import GROUP, top_k

    values = (
        np.random.default_rng(0).standard_normal((7, GROUP * 50)).astype(np.float32)
    )
    values[3, ::5] = -np.inf
    for k in (1, 5, 10):
        index, found = top_k(values, k)
        assert np.array_equal(np.sort(found, axis=1), np.sort(values, axis=1)[:, -k:])
        assert np.array_equal(np.take_along_axis(values, index, axis=1), found)


def test_each_claim_is_judged_with_its_nearest_pairs_only():
    hub = claim("hub", "The bridge reopened on Monday.")
    others = [claim(f"o{n}", f"Claim number {n} about the bridge.") for n in range(6)]
    pairs = [
        CandidatePair(hub, other, similarity=0.5, cosine=0.9 - n / 10)
        for n, other in enumerate(others)
    ]
    kept = nearest_per_claim(pairs, 2)
    # each other claim has one pair, its nearest, so all stay; the hub's own nearest are the first two
    assert kept == pairs
    rivals = [claim(f"r{n}", f"Rival {n} about the bridge.") for n in range(6)]
    pairs += [
        CandidatePair(other, rival, similarity=0.5, cosine=0.95)
        for other, rival in zip(others, rivals, strict=True)
        for _ in range(2)
    ]
    kept = nearest_per_claim(pairs, 2)
    assert [p.b.id for p in kept if p.a is hub] == ["o0", "o1"]  # the hub's two nearest
    assert len(kept) <= 2 * len({c.id for p in pairs for c in (p.a, p.b)})
