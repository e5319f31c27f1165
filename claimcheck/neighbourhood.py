"""The old claims that new ones could pair with, read from the store without reading the rest (`check --new-only`).

Each new claim brings the 2k other claims that best match its selective words (BM25 over the FTS index, on the
words TF-IDF weighs: no English stop words, two characters or more) and the 2k that share most of its selective
keys (pairs.keys, stored at ingest); a word or key in more than pairs.MAX_POSTINGS claims is not selective.
candidate_pairs then runs on this neighbourhood, so the work follows the batch, not the database. Unlike a full
check, TF-IDF weights and which terms are too common to search by come from the neighbourhood, and an old claim
outside every new claim's neighbours is no candidate.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from claimcheck.claims import Claim
from claimcheck.pairs import MAX_POSTINGS
from claimcheck.store import Store

WORD = re.compile(r"[^\W_]+")


@dataclass
class Neighbourhood:
    claims: list[Claim]             # the new claims and their neighbours
    keys: dict[str, set[str]]       # each one's keys, by claim id


def neighbourhood(store: Store, new: Collection[str], k: int = 20) -> Neighbourhood:
    """The new claims and their neighbours, for up to k candidate pairs per claim."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    new_claims = store.claims_by_id(new)
    keys = store.claim_keys(new)
    postings = {key: store.claims_with_key(key, MAX_POSTINGS) for key in set().union(*keys.values())}
    words = {claim.id: {word for word in WORD.findall(claim.text.lower())
                        if len(word) > 1 and word not in ENGLISH_STOP_WORDS} for claim in new_claims}
    counts = {word: store.word_count(word) for word in set().union(*words.values())}
    chosen = set(new)
    for claim in new_claims:
        selective = sorted(word for word in words[claim.id] if counts[word] <= MAX_POSTINGS)
        if selective:
            chosen.update(store.best_matches(selective, 2 * k, exclude=claim.id))
        shared = Counter(other for key in keys[claim.id] for other in postings[key] or () if other != claim.id)
        chosen.update(sorted(shared, key=lambda other: (-shared[other], other))[:2 * k])
    old = store.claims_by_id(chosen - set(new))
    return Neighbourhood(new_claims + old, {**keys, **store.claim_keys(chosen - set(new))})
