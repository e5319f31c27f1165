"""Benchmark sentence embeddings for pairing: throughput, pairing time with embedding neighbours (1x vs 4x claims),
the `--new-only` scan over stored vectors (database 1x vs 10x), and candidate pairs per claim before/after.

    python benchmarks/bench_embeddings.py [--sizes 5000 20000] [--k 20] [--throughput 1000] [--scan 2000 20000]

Synthetic claims come from bench_pairs.synthetic_claims (news-like templates, 12 claims a document); their
vectors are computed once by the shipped model and cached under --cache. "pairs/claim" is what the verifiers and
the NLI model get. The fixtures' figures come from fixtures/news, ingested into a temporary database.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from bench_pairs import synthetic_claims

from claimcheck.analysis import embeddings
from claimcheck.pairing.neighbourhood import (
    claim_vectors,
    nearest_stored,
    neighbourhood,
)
from claimcheck.pairing.pairs import candidate_pairs, keys
from claimcheck.store.database import Store

ROOT = Path(__file__).resolve().parents[1]


def best_of(repeat, fn, *args, **kwargs):
    """The best time of `repeat` calls of fn(*args, **kwargs), and the last call's result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - started)
    return best, result


def vectors_for(claims, cache: Path, embedder) -> dict:
    """Vectors of the synthetic claims, computed once per model and cached (they do not depend on the batch)."""
    path = cache / f"bench-vectors-{embedder.name}-{len(claims)}.npy"
    if path.exists():
        matrix = np.load(path)
    else:
        matrix = embedder.embed([claim.text for claim in claims])
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, matrix)
    matrix = embeddings.from_blobs(
        [embeddings.to_blob(v) for v in matrix]
    )  # as stored: float16
    return dict(zip((claim.id for claim in claims), matrix, strict=True))


def pairs_per_claim(pairs, count):
    return len(pairs) / count if count else 0.0


def throughput(embedder, count: int) -> None:
    claims = synthetic_claims(count, seed=11)
    texts = list(dict.fromkeys(claim.text for claim in claims))
    embedder.memo.clear()
    started = time.perf_counter()
    embedder.embed(texts)
    seconds = time.perf_counter() - started
    pieces = np.mean([len(e.ids) for e in embedder.tokenizer.encode_batch(texts)])
    print(
        f"embedding: {len(texts)} distinct synthetic claims ({pieces:.0f} word pieces on average) "
        f"in {seconds:.2f} s -> {len(texts) / seconds:,.0f} sentences/s (one text per run, {embedder.name})"
    )


def pairing(corpus, vectors, sizes, k: int) -> None:
    largest = corpus[: max(sizes)]
    candidate_pairs(largest[:500], k=k, vectors=vectors)  # warm up: scikit-learn, scipy
    print(
        f"candidate_pairs, k={k}: TF-IDF + keys (before) vs + embedding neighbours (after); best of 2"
    )
    print(
        f"{'claims':>8} {'before s':>9} {'after s':>8} {'pairs/claim before':>18} {'after':>6} "
        f"{'embedding pairs':>15}"
    )
    timings = {}
    for size in sizes:
        claims = largest[:size]
        before_s, before = best_of(2, candidate_pairs, claims, k=k)
        after_s, after = best_of(2, candidate_pairs, claims, k=k, vectors=vectors)
        timings[size] = (before_s, after_s)
        added = len(
            {(p.a.id, p.b.id) for p in after} - {(p.a.id, p.b.id) for p in before}
        )
        print(
            f"{size:>8} {before_s:>9.2f} {after_s:>8.2f} {pairs_per_claim(before, size):>18.2f} "
            f"{pairs_per_claim(after, size):>6.2f} {added:>15}"
        )
    small, large = min(sizes), max(sizes)
    print(
        f"time ratio {large}/{small} claims ({large / small:.0f}x): "
        f"before {timings[large][0] / timings[small][0]:.2f}x, "
        f"after {timings[large][1] / timings[small][1]:.2f}x"
    )
    batch = {claim.id for claim in largest[-240:]}
    seconds, pairs = best_of(
        2, lambda: candidate_pairs(largest, new=batch, k=k, vectors=vectors)
    )
    print(
        f"incremental pairing: 240 new claims against {len(largest)}, with embedding neighbours: "
        f"{seconds:.2f} s, {len(pairs)} pairs"
    )


def scan(embedder, corpus, vectors, sizes, k: int) -> None:
    """neighbourhood() for 240 new claims (20 documents) in a database of each size, with and without embeddings."""
    largest = corpus[: max(sizes) + 240]
    print(
        f"--new-only neighbourhood of 240 new claims, k={k}: words and keys only vs with the "
        "stored-vector scan; best of 3"
    )
    print(
        f"{'claims':>8} {'without s':>10} {'with s':>7} {'scan s':>7} {'read without':>12} "
        f"{'read with':>9}"
    )
    timings = {}
    for size in sizes:
        claims = largest[:size] + largest[-240:]
        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder) / "bench.db")
            with store.transaction():
                store.db["claims"].insert_all(
                    (
                        {**c.to_dict(), "ingest": 1 if i < size else 2, "superseded": 0}
                        for i, c in enumerate(claims)
                    ),
                    pk="id",
                )
                store.db.conn.executemany(
                    "insert into claim_keys (claim, key) values (?, ?)",
                    ((c.id, key) for c in claims for key in sorted(keys(c.text))),
                )
                store.save_claim_vectors(
                    embedder.name,
                    {c.id: embeddings.to_blob(vectors[c.id]) for c in claims},
                )
            new = {c.id for c in claims[size:]}
            new_claims = store.claims_by_id(new)
            without_s, without = best_of(3, neighbourhood, store, new, k, embed=False)
            with_s, with_ = best_of(3, neighbourhood, store, new, k, embed=True)
            scan_s, _ = best_of(3, nearest_scan, store, embedder, new_claims, 2 * k)
            store.close()
        timings[size] = (with_s, scan_s)
        print(
            f"{size:>8} {without_s:>10.3f} {with_s:>7.3f} {scan_s:>7.3f} {len(without.claims):>12} "
            f"{len(with_.claims):>9}"
        )
    small, large = min(sizes), max(sizes)
    print(
        f"{large}/{small} claims ({large / small:.0f}x): "
        f"neighbourhood with embeddings {timings[large][0] / timings[small][0]:.2f}x, "
        f"the scan alone {timings[large][1] / timings[small][1]:.2f}x"
    )


def nearest_scan(store, embedder, new_claims, count: int) -> set[str]:
    """The stored-vector scan alone: the new claims' (stored) vectors, then their nearest stored claims."""
    vectors = claim_vectors(store, new_claims, embedder)
    return nearest_stored(store, embedder.name, new_claims, vectors, count)


def nli_pairs(store, pairs) -> int:
    """How many of these candidate pairs `check` would give the NLI model (pipeline.check's filters)."""
    from claimcheck.pipeline import stored_readings
    from claimcheck.verify import Side, nli_applies, same_context

    readings = stored_readings(
        store, {claim for pair in pairs for claim in (pair.a, pair.b)}
    )
    sides = [(Side(p.a, readings[p.a.id]), Side(p.b, readings[p.b.id])) for p in pairs]
    return sum(
        same_context(a.reading, b.reading) and nli_applies(a, b) for a, b in sides
    )


def fixtures(embedder, k: int) -> None:
    from claimcheck import pipeline

    for name, paths in (("fixtures/news", [ROOT / "fixtures" / "news"]),):
        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder) / "fixtures.db")
            pipeline.ingest(store, [str(p) for p in paths])
            claims = store.active_claims()
            stored_keys = store.claim_keys([c.id for c in claims])
            before = candidate_pairs(claims, k=k, known_keys=stored_keys)
            after = candidate_pairs(
                claims,
                k=k,
                known_keys=stored_keys,
                vectors=claim_vectors(store, claims, embedder),
            )
            judged = nli_pairs(store, before), nli_pairs(store, after)
            store.close()
        added = {(p.a.id, p.b.id) for p in after} - {(p.a.id, p.b.id) for p in before}
        print(
            f"{name}: {len(claims)} claims, candidate pairs {len(before)} -> {len(after)} "
            f"({pairs_per_claim(before, len(claims)):.2f} -> {pairs_per_claim(after, len(claims)):.2f} a claim), "
            f"{len(added)} of them new (embedding neighbours), {len(before) + len(added) - len(after)} displaced; "
            f"NLI pairs {judged[0]} -> {judged[1]} "
            f"({judged[0] / len(claims):.2f} -> {judged[1] / len(claims):.2f} a claim)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--scan", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--throughput", type=int, default=1000)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "claimcheck-bench"
    )
    parser.add_argument(
        "--only", choices=["throughput", "pairing", "scan", "fixtures"], nargs="+"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    embedder = embeddings.load()
    print(f"model load: {time.perf_counter() - started:.2f} s")
    parts = args.only or ["throughput", "fixtures", "pairing", "scan"]
    if "throughput" in parts:
        throughput(embedder, args.throughput)
    if "fixtures" in parts:
        fixtures(embedder, args.k)
    if "pairing" in parts or "scan" in parts:
        corpus = synthetic_claims(max(max(args.sizes), max(args.scan) + 240))
        vectors = vectors_for(corpus, args.cache, embedder)
    if "pairing" in parts:
        pairing(corpus, vectors, args.sizes, args.k)
    if "scan" in parts:
        scan(embedder, corpus, vectors, args.scan, args.k)


if __name__ == "__main__":
    main()
