"""Candidate pairs: claims about the same thing, found by TF-IDF nearest neighbours plus shared keys, and by
sentence-embedding neighbours (claims that say the same in other words) when vectors are given.

Similarities come from one sparse product per chunk of query claims. Terms and keys shared by more than
`MAX_POSTINGS` claims only take part in the final cosine, not in the search, so the work per query
claim is bounded and the total grows about linearly with the number of claims.
Embedding neighbours are a blocked brute force: each block of query claims times all vectors (a dense product),
O(queries x claims x 384) multiply-adds, the top SEMANTIC_K per query claim kept; quadratic in the claims for a
full check, but a small constant (see benchmarks/RESULTS.md), and linear in the database for `--new-only`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from claimcheck.analysis.quantities import extract
from claimcheck.analysis.terms import CALENDAR, STOPWORDS, stem
from claimcheck.records import Claim

MAX_POSTINGS = (
    400  # a term or key in more claims than this is too common to find neighbours with
)
MIN_SCORE = (
    0.1  # least search score (cosine on selective terms plus key bonus) for a candidate
)
KEY_WEIGHT = 0.3  # each shared key adds KEY_WEIGHT ** 2 to the search score
ACT_WEIGHT = 0.35  # an act denied and counted ("No arrests" / "arrested two men") is a candidate on its own
CHUNK = 1024  # query claims per sparse product
SEMANTIC_K = 10  # embedding neighbours per query claim, at most
MIN_COSINE = 0.35  # least embedding cosine for an embedding neighbour (unrelated news sentences: about 0-0.3)
BLOCK_CELLS = 1 << 22  # query claims x claims per dense product (16 MB of float32)
GROUP = 64  # columns per group in the top-k search
SPACE = re.compile(r"\s+")
CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+(?:['’][A-Za-z]+)*")
NOT_NAMES = STOPWORDS | CALENDAR


@dataclass(frozen=True)
class CandidatePair:
    a: Claim
    b: Claim
    similarity: float  # TF-IDF cosine of the two claims
    cosine: float | None = (
        None  # their sentence embeddings' cosine, when pairing had both vectors
    )


def candidate_pairs(
    claims: Sequence[Claim],
    new: Collection[str] | None = None,
    k: int = 20,
    known_keys: Mapping[str, Collection[str]] | None = None,
    vectors: Mapping[str, Sequence[float]] | None = None,
) -> list[CandidatePair]:
    """Up to k candidates per claim, each pair once with a.id < b.id, best first.

    With `new`, only pairs that involve at least one of those claim ids. `known_keys`: each claim's keys by id
    (as stored at ingest), instead of extracting them here. `vectors`: unit sentence-embedding vectors by claim id
    (claimcheck.analysis.embeddings); each claim with one also gets up to SEMANTIC_K neighbours of cosine >= MIN_COSINE,
    ranked against the TF-IDF candidates by their cosine.
    """
    import numpy as np

    claims = sorted(
        {claim.id: claim for claim in claims}.values(), key=lambda claim: claim.id
    )
    if len(claims) < 2 or k < 1:
        return []
    queries = (
        np.arange(len(claims))
        if new is None
        else np.array(
            [i for i, claim in enumerate(claims) if claim.id in new], dtype=np.int64
        )
    )
    if not len(queries):
        return []
    tfidf = _tfidf(claims)
    search = _search_matrix(tfidf, _key_matrix(claims, known_keys))
    document = _codes([claim.document for claim in claims])
    speaker = _codes([claim.speaker or "" for claim in claims], none="")
    text = _codes([SPACE.sub(" ", claim.text.strip().lower()) for claim in claims])

    rows, cols, scores = [], [], []
    for begin in range(0, len(queries), CHUNK):
        chunk = queries[begin : begin + CHUNK]
        product = (search[chunk] @ search.T).tocoo()
        row, col, score = chunk[product.row], product.col.astype(np.int64), product.data
        allowed = (
            (score >= MIN_SCORE)
            & (row != col)
            & (text[row] != text[col])
            & may_pair(document[row], speaker[row], document[col], speaker[col])
        )
        row, col, score = row[allowed], col[allowed], score[allowed]
        order = np.lexsort((col, -score, row))
        row, col, score = row[order], col[order], score[order]
        rank = np.arange(len(row)) - np.searchsorted(row, row)
        keep = rank < k
        rows.append(row[keep])
        cols.append(col[keep])
        scores.append(score[keep])
    matrix = _vector_matrix(claims, vectors) if vectors is not None else None
    if matrix is not None:
        for row, col, score in _semantic(
            matrix, queries, document, speaker, text, min(k, SEMANTIC_K)
        ):
            rows.append(row)
            cols.append(col)
            scores.append(score)
    row, col, score = np.concatenate(rows), np.concatenate(cols), np.concatenate(scores)
    return _select(
        claims, tfidf, np.minimum(row, col), np.maximum(row, col), score, k, matrix
    )


def nearest_per_claim(pairs: Sequence[CandidatePair], m: int) -> list[CandidatePair]:
    """The pairs among the m nearest of either claim's (by embedding cosine, else TF-IDF similarity), in
    order: a fixed number of pairs per claim, however dense the claims around it."""

    def nearness(pair: CandidatePair) -> float:
        return pair.cosine if pair.cosine is not None else pair.similarity

    ranked: dict[str, list[CandidatePair]] = {}
    for pair in sorted(pairs, key=nearness, reverse=True):
        for claim in (pair.a, pair.b):
            ranked.setdefault(claim.id, []).append(pair)
    kept = {id(p) for near in ranked.values() for p in near[:m]}
    return [p for p in pairs if id(p) in kept]


def may_pair(document_a, speaker_a, document_b, speaker_b):
    """Elementwise, on integer codes (speaker -1: none): claims of other documents, or of two known speakers of one."""
    return (document_a != document_b) | (
        (speaker_a >= 0) & (speaker_b >= 0) & (speaker_a != speaker_b)
    )


def _vector_matrix(claims: Sequence[Claim], vectors: Mapping[str, Sequence[float]]):
    """One row per claim, zero for a claim without a vector."""
    import numpy as np

    dimension = next((len(vector) for vector in vectors.values()), 0)
    matrix = np.zeros((len(claims), dimension), dtype=np.float32)
    for i, claim in enumerate(claims):
        vector = vectors.get(claim.id)
        if vector is not None:
            matrix[i] = vector
    return matrix


def _semantic(matrix, queries, document, speaker, text, k: int):
    """(rows, columns, cosines) of each query claim's best k embedding neighbours that may pair with it."""
    import numpy as np

    queries = queries[np.abs(matrix[queries]).sum(axis=1) > 0]
    if not len(queries) or k < 1:
        return
    k = min(k, len(matrix) - 1)
    padded = -len(matrix) % GROUP  # zero columns: cosine 0, below MIN_COSINE
    columns = np.concatenate(
        [matrix, np.zeros((padded, matrix.shape[1]), dtype=matrix.dtype)]
    ).T.copy()
    groups = [_groups(codes) for codes in (document, text)]
    block = max(1, BLOCK_CELLS // columns.shape[1])
    for begin in range(0, len(queries), block):
        chunk = queries[begin : begin + block]
        cosine = matrix[chunk] @ columns
        row, col = _excluded(chunk, groups, document, speaker, text)
        cosine[row, col] = -np.inf
        best, score = top_k(cosine, k)
        keep = score >= MIN_COSINE
        yield (
            np.broadcast_to(chunk[:, None], best.shape)[keep],
            best[keep].astype(np.int64),
            score[keep].astype(np.float32),
        )


def _groups(codes):
    """Claims sorted by code, and where each code's run starts and how long it is."""
    import numpy as np

    order = np.argsort(codes, kind="stable")
    counts = np.bincount(
        codes[codes >= 0], minlength=codes.max() + 1 if len(codes) else 0
    )
    return order, np.concatenate([[0], np.cumsum(counts)[:-1]]), counts


def _excluded(chunk, groups, document, speaker, text):
    """(positions in chunk, columns) of the pairs the chunk's claims may not form: with themselves, with claims of
    their document (unless two known speakers), with claims of the same normalised text. Built a chunk at a time,
    so a document or a boilerplate line repeated in thousands of claims costs time, not memory."""
    import numpy as np

    rows, cols = [np.arange(len(chunk))], [chunk]
    for (order, starts, counts), codes in zip(groups, (document, text), strict=True):
        size = counts[codes[chunk]]
        first = np.repeat(starts[codes[chunk]] - np.cumsum(size) + size, size)
        rows.append(np.repeat(np.arange(len(chunk)), size))
        cols.append(order[first + np.arange(size.sum())])
    row, col = np.concatenate(rows), np.concatenate(cols)
    claim = chunk[row]
    banned = (
        (claim == col)
        | (text[claim] == text[col])
        | ~may_pair(document[claim], speaker[claim], document[col], speaker[col])
    )
    return row[banned], col[banned]


def top_k(values, k: int):
    """Column indices and values of each row's k largest values (k <= columns), by way of the maxima of
    GROUP-column groups: the k best values lie in the k groups with the best maxima."""
    import numpy as np

    rows, width = values.shape
    if width % GROUP or width <= 4 * GROUP * k:
        best = np.argpartition(-values, k - 1, axis=1)[:, :k]
        return best, np.take_along_axis(values, best, axis=1)
    groups = values.reshape(rows, -1, GROUP).max(axis=2)
    chosen = np.argpartition(-groups, k - 1, axis=1)[:, :k]
    candidates = (chosen[:, :, None] * GROUP + np.arange(GROUP)).reshape(rows, -1)
    candidate_values = np.take_along_axis(values, candidates, axis=1)
    best = np.argpartition(-candidate_values, k - 1, axis=1)[:, :k]
    return np.take_along_axis(candidates, best, axis=1), np.take_along_axis(
        candidate_values, best, axis=1
    )


def _select(
    claims, tfidf, first, second, score, k: int, matrix=None
) -> list[CandidatePair]:
    """Best candidates first, each claim in at most k pairs."""
    import numpy as np

    order = np.lexsort((second, first, -score))
    first, second = first[order], second[order]
    _, unique = np.unique(first * len(claims) + second, return_index=True)
    unique.sort()
    first, second = first[unique], second[unique]
    degree = np.zeros(len(claims), dtype=np.int64)
    chosen = []
    for i, j in zip(first.tolist(), second.tolist(), strict=True):
        if degree[i] < k and degree[j] < k:
            degree[i] += 1
            degree[j] += 1
            chosen.append((i, j))
    if not chosen:
        return []
    left, right = np.array(chosen).T
    similarity = np.asarray(tfidf[left].multiply(tfidf[right]).sum(axis=1)).ravel()
    if matrix is None:
        return [
            CandidatePair(claims[i], claims[j], round(float(s), 6))
            for i, j, s in zip(left, right, similarity, strict=True)
        ]
    cosine = (matrix[left] * matrix[right]).sum(axis=1)
    known = np.abs(matrix).sum(axis=1) > 0
    return [
        CandidatePair(
            claims[i],
            claims[j],
            round(float(s), 6),
            round(float(c), 6) if known[i] and known[j] else None,
        )
        for i, j, s, c in zip(left, right, similarity, cosine, strict=True)
    ]


def _tfidf(claims: Sequence[Claim]):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2), sublinear_tf=True, stop_words="english", dtype=np.float32
    )
    try:
        return vectorizer.fit_transform([claim.text for claim in claims]).tocsr()
    except ValueError:  # nothing but stop words
        from scipy.sparse import csr_matrix

        return csr_matrix((len(claims), 1), dtype=np.float32)


KEYS_VERSION = 4  # of keys(): stored keys of another version are recomputed
ACT_PREFIX = 5  # letters of a stem that name its word family in a key ("evacuation" / "evacuated": "evacu")


def keys(
    text: str,
    stance_targets: Collection[str] = (),
    acts: Collection[str] = (),
    measured: Collection[tuple[str, str]] = (),
    roles: Collection[str] = (),
) -> set[str]:
    """What a claim's text is about beyond its wording: names, measured quantities, dates, names with them,
    what it takes a position on, the acts it denies or counts ("No arrests" / "arrested two men", stems), and
    the things it measures, with the unit ("a three-year contract" / "the contract runs for four years"), and
    the roles it names a holder of ("Committee chair Ruth Penhale" / "Oakes, who chairs the committee").
    Stored at ingest (claim_keys) with KEYS_VERSION: bump it when this changes."""
    mentions = extract(text)
    names = {
        stem(word)
        for word in CAPITALISED.findall(text)
        if word.lower() not in NOT_NAMES
    }
    measures = {q.unit for q in mentions.quantities if q.unit} | {
        t.unit for t in mentions.tallies if t.unit
    }
    found = {f"name:{name}" for name in names}
    found |= {f"quantity:{q.value:g} {q.unit}" for q in mentions.quantities if q.unit}
    found |= {f"date:{d.year}-{d.month}-{d.day}-{d.weekday}" for d in mentions.dates}
    found |= {f"{name}+{measure}" for name in names for measure in measures}
    found |= {f"{name}+date" for name in names if mentions.dates}
    found |= {
        f"stance:{target}" for target in stance_targets
    }  # from the reading: "insisted on a ceasefire"
    found |= {f"act:{act[:ACT_PREFIX]}" for act in acts if len(act) >= 4}
    found |= {f"measure:{thing[:ACT_PREFIX]}+{unit}" for thing, unit in measured}
    found |= {f"role:{role}" for role in roles}
    return found


def _key_matrix(
    claims: Sequence[Claim], known: Mapping[str, Collection[str]] | None = None
):
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    def analyse(claim: Claim) -> list[str]:
        return sorted(known[claim.id] if known is not None else keys(claim.text))

    vectorizer = CountVectorizer(analyzer=analyse, binary=True, dtype=np.float32)
    try:
        matrix = vectorizer.fit_transform(claims).tocsr()
    except ValueError:  # no keys at all
        from scipy.sparse import csr_matrix

        return csr_matrix((len(claims), 1), dtype=np.float32)
    weights = np.array(
        [
            ACT_WEIGHT if name.startswith("act:") else KEY_WEIGHT
            for name in vectorizer.get_feature_names_out()
        ],
        dtype=np.float32,
    )
    return matrix.multiply(weights).tocsr()


def _search_matrix(tfidf, key_matrix):
    """TF-IDF and key columns, minus those too common to be selective."""
    import numpy as np
    from scipy.sparse import hstack

    matrix = hstack([tfidf, key_matrix], format="csc")
    postings = np.diff(matrix.indptr)
    return matrix[:, np.flatnonzero(postings <= MAX_POSTINGS)].tocsr()


def _codes(values: Sequence[str], none: str | None = None):
    """Integer codes for values, -1 for `none`."""
    import numpy as np

    index: dict[str, int] = {}
    return np.array(
        [
            -1 if value == none else index.setdefault(value, len(index))
            for value in values
        ],
        dtype=np.int64,
    )
