"""Incremental checks: time the ingest and `check --new-only` of a 20-document batch into databases of 200 and 2,000.

Synthetic articles (generated here, seeded) go through the real ingest; each database is checked once in
full, then the batch is ingested and checked with new_only=True, deterministic checks only (no NLI: its
cost is per candidate pair, so it follows the batch too). Each timing is the median of --repeat runs, each
on a fresh copy of the database in a fresh process, as the CLI runs it (its imports done before the clock
starts): the batch ingest on copies of the database before it, the check on copies of the one after.
"read": the claims --new-only loads (the new ones and their neighbourhood). --refresh times ingests that
re-link every claim's entities (entity_store.refresh), as ingest did before entity_update.

    python benchmarks/bench_incremental.py [--sizes 200 2000] [--batch 20] [--repeat 3] [--refresh]
"""

from __future__ import annotations

import argparse
import importlib
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
from claimcheck.pairing.neighbourhood import neighbourhood
from claimcheck.pipeline import entities as entity_store
from claimcheck.pipeline import entity_update
from claimcheck.store.database import Store

PEOPLE = [
    "Ana Ruiz",
    "Tom Park",
    "Maria Lee",
    "Omar Haddad",
    "Lena Vogel",
    "Kenji Sato",
    "Ines Duarte",
    "Paul Okafor",
]
PLACES = [
    "Elm River",
    "Northgate",
    "Port Alba",
    "Cedar Hill",
    "Lakeside",
    "Old Town",
    "Westmoor",
    "Bayview",
]
THINGS = [
    "bridge",
    "library",
    "stadium",
    "hospital",
    "tram line",
    "school",
    "harbour",
    "market hall",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
]
SOURCES = [
    "Ledger",
    "Herald",
    "Courier",
    "Post",
    "Gazette",
    "Tribune",
    "Observer",
    "Chronicle",
]
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
        return template.format(
            person=rng.choice(PEOPLE),
            place=rng.choice(PLACES),
            thing=rng.choice(THINGS),
            month=rng.choice(MONTHS),
            day=rng.randint(1, 28),
            percent=rng.randint(30, 80),
            money=rng.randint(5, 900),
            count=rng.randint(12, 5000),
            small=rng.randint(1, 11),
        )

    body = " ".join(fill(rng.choice(TEMPLATES)) for _ in range(8))
    return f"---\nsource: {rng.choice(SOURCES)}\npublished: 2026-03-{number % 28 + 1:02d}\n---\n{body}\n"


def write_articles(
    folder: Path, count: int, rng: random.Random, first: int = 0
) -> Path:
    folder.mkdir(parents=True)
    for number in range(first, first + count):
        (folder / f"article-{number:05d}.txt").write_text(
            article(rng, number), encoding="utf-8"
        )
    return folder


def bench(size: int, batch: int, repeat: int, work: Path, refresh: bool) -> dict:
    rng = random.Random(size)
    database = work / f"db-{size}.db"
    store = Store(database)
    pipeline.ingest(store, [str(write_articles(work / f"base-{size}", size, rng))])
    full = time.perf_counter()
    pipeline.check(store, use_nli=False)
    full = time.perf_counter() - full
    store.close()
    before = shutil.copy(database, work / f"before-{size}.db")
    store = Store(database)
    folder = write_articles(work / f"batch-{size}", batch, rng, first=size)
    pipeline.ingest(store, [str(folder)])
    claims = len(store.active_claims())
    read = len(
        neighbourhood(
            store, store.claims_ingested_after(store.last_checked_ingest())
        ).claims
    )
    store.close()

    ingests, runs = [], []
    for run in range(repeat):
        copy = work / f"ingest-{size}-{run}.db"
        shutil.copy(before, copy)
        ingests.append(timed("--time-ingest", copy, folder, *["--refresh"] * refresh))
        copy = work / f"run-{size}-{run}.db"
        shutil.copy(database, copy)
        runs.append(timed("--time-check", copy))
    return {
        "size": size,
        "claims": claims,
        "new_claims": runs[-1]["new_claims"],
        "read": read,
        "pairs": runs[-1]["pairs"],
        "full": full,
        "ingest": statistics.median(r["seconds"] for r in ingests),
        "incremental": statistics.median(r["seconds"] for r in runs),
    }


def timed(*args) -> dict:
    """`ingest DB FOLDER` or `check --new-only` in a fresh process: its summary and seconds."""
    command = [sys.executable, __file__, *map(str, args)]
    return json.loads(
        subprocess.run(command, check=True, capture_output=True, text=True).stdout
    )


def time_check(database: str) -> None:
    for module in (
        "scipy.sparse",
        "sklearn.feature_extraction.text",
        "claimcheck.verify",
    ):
        importlib.import_module(module)  # loaded before timing

    store = Store(database)
    start = time.perf_counter()
    summary = pipeline.check(store, use_nli=False, new_only=True).summary
    print(json.dumps({**summary, "seconds": time.perf_counter() - start}))


def time_ingest(database: str, folder: str, refresh: bool) -> None:
    if refresh:
        entity_update.update = lambda store, ingest, extractor=None: (
            entity_store.refresh(store, extractor)
        )
    store = Store(database)
    start = time.perf_counter()
    result = pipeline.ingest(store, [folder])
    print(json.dumps({"claims": result.claims, "seconds": time.perf_counter() - start}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--time-check", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="ingest re-linking all entities (as before)",
    )
    parser.add_argument(
        "--time-ingest", nargs=2, metavar=("DB", "FOLDER"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.time_check:
        return time_check(args.time_check)
    if args.time_ingest:
        return time_ingest(*args.time_ingest, args.refresh)
    with tempfile.TemporaryDirectory() as work:
        rows = [
            bench(size, args.batch, args.repeat, Path(work), args.refresh)
            for size in args.sizes
        ]
    print(
        f"{'documents':>9} {'claims':>7} {'new claims':>10} {'read':>6} {'pairs':>6} {'full check':>10} "
        f"{'ingest':>8} {'--new-only':>10}"
    )
    for row in rows:
        print(
            f"{row['size']:>9} {row['claims']:>7} {row['new_claims']:>10} {row['read']:>6} {row['pairs']:>6} "
            f"{row['full']:>9.2f}s {row['ingest']:>7.3f}s {row['incremental']:>9.3f}s"
        )
    small, large = rows[0], rows[-1]
    print(
        f"ingest of {args.batch} documents{' (entity_store.refresh)' * args.refresh}: "
        f"{large['ingest'] / small['ingest']:.2f}x the time into {large['size']} documents as into {small['size']}"
    )
    print(
        f"--new-only of {args.batch} documents: {large['incremental'] / small['incremental']:.2f}x the time against "
        f"{large['size']} documents as against {small['size']} ({large['size'] / small['size']:.0f}x the database)"
    )


if __name__ == "__main__":
    main()
