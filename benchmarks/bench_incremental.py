"""Incremental checks: time `check --new-only` of a 20-document batch against databases of 200 and 2,000.

Synthetic articles (generated here, seeded) go through the real ingest; each database is checked once in
full, then the batch is ingested and checked with new_only=True, deterministic checks only (no NLI: its
cost is per candidate pair, so it follows the batch too). Each timing is the median of --repeat runs, each
on a fresh copy of the database in a fresh process, as the CLI runs it (its imports done before the clock
starts). "read": the claims --new-only loads (the new ones and their neighbourhood).

    python benchmarks/bench_incremental.py [--sizes 200 2000] [--batch 20] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimcheck import pipeline
from claimcheck.neighbourhood import neighbourhood
from claimcheck.store import Store

PEOPLE = ["Ana Ruiz", "Tom Park", "Maria Lee", "Omar Haddad", "Lena Vogel", "Kenji Sato", "Ines Duarte", "Paul Okafor"]
PLACES = ["Elm River", "Northgate", "Port Alba", "Cedar Hill", "Lakeside", "Old Town", "Westmoor", "Bayview"]
THINGS = ["bridge", "library", "stadium", "hospital", "tram line", "school", "harbour", "market hall"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
SOURCES = ["Ledger", "Herald", "Courier", "Post", "Gazette", "Tribune", "Observer", "Chronicle"]
TEMPLATES = [
    "The new {thing} in {place} will open on {month} {day}, 2026.",
    "Turnout in {place} reached {percent} percent in the municipal election, officials said.",
    "{person} said the {thing} in {place} cost {money} million dollars.",
    "Mayor {person} attended the opening of the {thing} in {place}.",
    "{person} said she supports the plan to rebuild the {thing} in {place}.",
    "About {count} people marched through {place} on {month} {day}.",
    "The council of {place} voted {count} to {small} to fund the {thing}.",
    "{person} called for an inquiry into the {thing} contract in {place}.",
]


def article(rng: random.Random, number: int) -> str:
    def fill(template: str) -> str:
        return template.format(person=rng.choice(PEOPLE), place=rng.choice(PLACES), thing=rng.choice(THINGS),
                               month=rng.choice(MONTHS), day=rng.randint(1, 28), percent=rng.randint(30, 80),
                               money=rng.randint(5, 900), count=rng.randint(12, 5000), small=rng.randint(1, 11))
    body = " ".join(fill(rng.choice(TEMPLATES)) for _ in range(8))
    return f"---\nsource: {rng.choice(SOURCES)}\npublished: 2026-03-{number % 28 + 1:02d}\n---\n{body}\n"


def write_articles(folder: Path, count: int, rng: random.Random, first: int = 0) -> Path:
    folder.mkdir(parents=True)
    for number in range(first, first + count):
        (folder / f"article-{number:05d}.txt").write_text(article(rng, number), encoding="utf-8")
    return folder


def bench(size: int, batch: int, repeat: int, work: Path) -> dict:
    rng = random.Random(size)
    database = work / f"db-{size}.db"
    store = Store(database)
    pipeline.ingest(store, [str(write_articles(work / f"base-{size}", size, rng))])
    full = time.perf_counter()
    pipeline.check(store, use_nli=False)
    full = time.perf_counter() - full
    pipeline.ingest(store, [str(write_articles(work / f"batch-{size}", batch, rng, first=size))])
    claims = len(store.active_claims())
    read = len(neighbourhood(store, store.claims_ingested_after(store.last_checked_ingest())).claims)
    store.close()

    runs = []
    for run in range(repeat):
        copy = work / f"run-{size}-{run}.db"
        shutil.copy(database, copy)
        runs.append(timed_check(copy))
    return {"size": size, "claims": claims, "new_claims": runs[-1]["new_claims"], "read": read,
            "pairs": runs[-1]["pairs"], "full": full, "incremental": statistics.median(r["seconds"] for r in runs)}


def timed_check(database: Path) -> dict:
    """`check --new-only` in a fresh process: its summary and seconds."""
    command = [sys.executable, __file__, "--time-check", str(database)]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def time_check(database: str) -> None:
    import claimcheck.rules, scipy.sparse, sklearn.feature_extraction.text  # noqa: F401  (loaded before timing)

    store = Store(database)
    start = time.perf_counter()
    summary = pipeline.check(store, use_nli=False, new_only=True).summary
    print(json.dumps({**summary, "seconds": time.perf_counter() - start}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--time-check", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_check:
        return time_check(args.time_check)
    with tempfile.TemporaryDirectory() as work:
        rows = [bench(size, args.batch, args.repeat, Path(work)) for size in args.sizes]
    print(f"{'documents':>9} {'claims':>7} {'new claims':>10} {'read':>6} {'pairs':>6} {'full check':>10} "
          f"{'--new-only':>10}")
    for row in rows:
        print(f"{row['size']:>9} {row['claims']:>7} {row['new_claims']:>10} {row['read']:>6} {row['pairs']:>6} "
              f"{row['full']:>9.2f}s {row['incremental']:>9.3f}s")
    small, large = rows[0], rows[-1]
    print(f"--new-only of {args.batch} documents: {large['incremental'] / small['incremental']:.2f}x the time against "
          f"{large['size']} documents as against {small['size']} ({large['size'] / small['size']:.0f}x the database)")


if __name__ == "__main__":
    main()
