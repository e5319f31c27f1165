"""Scaling of a full `check` (pairing, rules and the NLI model) from 1x to 4x the corpus, in one run.

    python benchmarks/bench_check.py [--claims 600] [--model M | --no-nli]

Each size gets a fresh database (so no cached NLI scores) filled with synthetic articles of 12 claims.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pairs import synthetic_claims

from claimcheck import pipeline
from claimcheck.store.database import Store


def write_articles(folder: Path, claims: int, per_document: int = 12) -> None:
    texts = [
        claim.text for claim in synthetic_claims(claims, per_document=per_document)
    ]
    for index in range(0, len(texts), per_document):
        body = "\n".join(texts[index : index + per_document])
        number = index // per_document
        (folder / f"doc{number:05d}.txt").write_text(
            f"---\nsource: Outlet {number % 40}\n---\n{body}\n", encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=600, help="claims at 1x")
    parser.add_argument("--model", default=None)
    parser.add_argument("--no-nli", action="store_true")
    args = parser.parse_args()

    if not args.no_nli:
        started = time.perf_counter()
        model = pipeline.load_nli(args.model, batch_size=32)
        print(
            f"model {model.name} loaded in {time.perf_counter() - started:.2f}s (included in each check below)"
        )
    print(
        f"{'size':>4} {'claims':>7} {'pairs':>7} {'pairs/claim':>11} {'findings':>8} {'check s':>8}"
    )
    seconds = {}
    for factor in (
        0,
        1,
        2,
        4,
    ):  # 0: a small warm-up run, so imports don't count against 1x
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "articles"
            folder.mkdir()
            write_articles(folder, args.claims * factor or 60)
            store = Store(Path(tmp) / "claims.db")
            pipeline.ingest(store, [str(folder)])
            started = time.perf_counter()
            result = pipeline.check(store, model=args.model, use_nli=not args.no_nli)
            seconds[factor] = time.perf_counter() - started
            summary = result.summary
            if factor:
                print(
                    f"{factor:>3}x {summary['claims']:>7} {summary['pairs']:>7} "
                    f"{summary['pairs'] / summary['claims']:>11.2f} {summary['findings']:>8} {seconds[factor]:>8.2f}"
                )
    print(f"check time 4x / 1x: {seconds[4] / seconds[1]:.2f} (linear would be 4.0)")


if __name__ == "__main__":
    main()
