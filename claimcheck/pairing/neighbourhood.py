"""The old claims that new ones could pair with, read from the store without reading the rest (`check --new-only`).

Each new claim brings the 2k other claims that best match its selective words (BM25 over the FTS index, on the
words TF-IDF weighs: no English stop words, two characters or more) and the 2k that share most of its selective
keys (pairs.keys, stored at ingest); a word or key in more than pairs.MAX_POSTINGS claims is not selective.
With embeddings on, each also brings the pairs.SEMANTIC_K claims whose stored sentence-embedding vectors are
closest to its own (cosine >= pairs.MIN_COSINE): the embedding neighbours a full check would give it, found by a
scan over the active claims' stored vectors, one dense product of the new claims' vectors with each chunk of
stored ones, linear in the database (see benchmarks/RESULTS.md). Only
the new claims' vectors are computed here; an old claim without a stored vector (ingested before vectors existed
and not checked since) is found by words and keys only until a full check computes its vector.
candidate_pairs then runs on this neighbourhood, so the work follows the batch, not the database. Unlike a full
check, TF-IDF weights and which terms are too common to search by come from the neighbourhood, and an old claim
outside every new claim's neighbours is no candidate.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, overload

from claimcheck.pairing.pairs import (
    MAX_POSTINGS,
    MIN_COSINE,
    SEMANTIC_K,
    may_pair,
    top_k,
)
from claimcheck.records import Claim
from claimcheck.store.database import Store

if TYPE_CHECKING:  # the embedding model loads on first use, not on import
    from claimcheck.analysis.embeddings import Embedder

WORD = re.compile(r"[^\W_]+")


@dataclass
class Neighbourhood:
    claims: list[Claim]  # the new claims and their neighbours
    keys: dict[str, set[str]]  # each one's keys, by claim id
    vectors: dict | None = field(
        default=None
    )  # sentence-embedding vectors by claim id (embed=True): the new
    # claims' and those of their embedding neighbours


def neighbourhood(
    store: Store, new: Collection[str], k: int = 20, embed: bool = True
) -> Neighbourhood:
    """The new claims and their neighbours, for up to k candidate pairs per claim; with `embed`, their vectors too."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    new_claims = store.claims_by_id(new)
    keys = store.claim_keys(new)
    postings = {
        key: store.claims_with_key(key, MAX_POSTINGS)
        for key in set().union(*keys.values())
    }
    words = {
        claim.id: {
            word
            for word in WORD.findall(claim.text.lower())
            if len(word) > 1 and word not in ENGLISH_STOP_WORDS
        }
        for claim in new_claims
    }
    counts = {word: store.word_count(word) for word in set().union(*words.values())}
    chosen = set(new)
    for claim in new_claims:
        selective = sorted(
            word for word in words[claim.id] if counts[word] <= MAX_POSTINGS
        )
        if selective:
            chosen.update(store.best_matches(selective, 2 * k, exclude=claim.id))
        shared = Counter(
            other
            for key in keys[claim.id]
            for other in postings[key] or ()
            if other != claim.id
        )
        chosen.update(
            sorted(shared, key=lambda other: (-shared[other], other))[: 2 * k]
        )
    from claimcheck.analysis import embeddings

    vectors = None
    if embed and new_claims and embeddings.enabled():
        embedder = embeddings.load()
        vectors = claim_vectors(store, new_claims, embedder)
        nearest = nearest_stored(
            store, embedder.name, new_claims, vectors, min(k, SEMANTIC_K)
        )
        chosen.update(nearest)
        # Only these old claims' vectors: they hold every new claim's best embedding neighbours among all claims.
        old_vectors = store.claim_vectors(nearest, embedder.name)
        vectors.update(
            zip(
                old_vectors,
                embeddings.from_blobs(list(old_vectors.values()), embedder.dimension),
                strict=True,
            )
        )
    old = store.claims_by_id(chosen - set(new))
    return Neighbourhood(
        new_claims + old, {**keys, **store.claim_keys(chosen - set(new))}, vectors
    )


@overload
def claim_vectors(
    store: Store, claims: Sequence[Claim], embedder: Embedder
) -> dict: ...


@overload
def claim_vectors(
    store: Store, claims: Sequence[Claim], embedder: None = None
) -> dict | None: ...


def claim_vectors(
    store: Store, claims: Sequence[Claim], embedder: Embedder | None = None
) -> dict | None:
    """Each claim's unit sentence-embedding vector (numpy float32) by id: stored ones are read, the missing ones
    computed and saved, so a re-check computes none. None when embeddings are off ($CLAIMCHECK_EMBED_MODEL=none)."""
    from claimcheck.analysis import embeddings

    if embedder is None and not embeddings.enabled():
        return None
    embedder = embedder or embeddings.load()
    return _stored_or_computed(
        store,
        {claim.id: claim.text for claim in claims},
        store.claim_vectors([claim.id for claim in claims], embedder.name),
        embedder,
        lambda blobs: store.save_claim_vectors(embedder.name, blobs),
    )


def text_vectors(
    store: Store, texts: Collection[str], embedder: Embedder | None = None
) -> dict:
    """Each text's unit sentence-embedding vector by text, stored like the claims' (the clauses of dated events,
    which the date verifier compares)."""
    from claimcheck.analysis import embeddings

    embedder = embedder or embeddings.load()
    return _stored_or_computed(
        store,
        {text: text for text in texts},
        store.text_vectors(texts, embedder.name),
        embedder,
        lambda blobs: store.save_text_vectors(embedder.name, blobs),
    )


def _stored_or_computed(
    store: Store, texts: Mapping[str, str], stored: Mapping[str, bytes], embedder, save
) -> dict:
    """Vectors by key of `texts` (key -> text): the stored ones read, the missing ones computed and saved, all
    as stored (float16), as a re-check reads them."""
    from claimcheck.analysis import embeddings

    vectors = dict(
        zip(
            stored,
            embeddings.from_blobs(list(stored.values()), embedder.dimension),
            strict=True,
        )
    )
    missing = sorted(key for key in texts if key not in vectors)
    if missing:
        blobs = {
            key: embeddings.to_blob(vector)
            for key, vector in zip(
                missing, embedder.embed([texts[key] for key in missing]), strict=True
            )
        }
        with store.transaction():
            save(blobs)
        vectors.update(
            zip(blobs, embeddings.from_blobs(list(blobs.values())), strict=True)
        )
    return vectors


def nearest_stored(
    store: Store, model: str, claims: Sequence[Claim], vectors: dict, count: int
) -> set[str]:
    """The up to `count` active claims with the closest stored vectors (cosine >= MIN_COSINE) to each of these
    claims', other than these claims, from other documents (or another known speaker's in the same document)."""
    import numpy as np

    from claimcheck.analysis import embeddings

    claims = [claim for claim in claims if claim.id in vectors]
    if not claims or count < 1:
        return set()
    own = {claim.id for claim in claims}
    codes: dict[str, int] = {"": -1}
    query = np.stack([vectors[claim.id] for claim in claims])
    documents = np.array(
        [codes.setdefault(claim.document, len(codes)) for claim in claims]
    )[:, None]
    speakers = np.array(
        [codes.setdefault(claim.speaker or "", len(codes)) for claim in claims]
    )[:, None]
    ids: list[str] = []
    best_index = np.empty((len(claims), 0), dtype=np.int64)
    best = np.empty((len(claims), 0), dtype=np.float32)
    for rows in store.active_claim_vectors(model):
        offset = len(ids)
        ids += [row[0] for row in rows]
        other = np.array([row[0] not in own for row in rows])[None, :]
        document = np.array([codes.setdefault(row[1], len(codes)) for row in rows])[
            None, :
        ]
        speaker = np.array(
            [codes.setdefault(row[2] or "", len(codes)) for row in rows]
        )[None, :]
        stored = np.frombuffer(
            b"".join(row[3] for row in rows), dtype=embeddings.STORED_DTYPE
        ).reshape(len(rows), -1)
        cosine = (
            query @ stored.astype(np.float32).T
        )  # stored vectors are unit vectors, up to float16 rounding
        cosine[~(other & may_pair(documents, speakers, document, speaker))] = -np.inf
        index, value = top_k(cosine, min(count, len(rows)))
        best_index = np.concatenate([best_index, offset + index], axis=1)
        best = np.concatenate([best, value], axis=1)
        if best.shape[1] > count:
            keep = np.argpartition(-best, count - 1, axis=1)[:, :count]
            best_index, best = (
                np.take_along_axis(best_index, keep, axis=1),
                np.take_along_axis(best, keep, axis=1),
            )
    return {ids[i] for i in best_index[best >= MIN_COSINE].tolist()}
