"""Ingest throughput: load + sentence split + claim extraction, in sentences per second.

    /work/venv/bin/python benchmarks/bench_ingest.py [--articles 400]

The corpus is synthetic and deterministic: each article is the seed article plus varied news
sentences (attribution, quotes, numbers, dates, lists, abbreviations) and scraped boilerplate.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from claimcheck.ingest.claims import extract_claims
from claimcheck.ingest.documents import load_documents
from claimcheck.ingest.sentences import split_sentences

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_df24da9ed9f199a2.txt"
PEOPLE = [
    "President Donald Trump",
    "Vladimir Putin",
    "French President Emmanuel Macron",
    "Volodymyr Zelensky",
    "NATO Secretary General Mark Rutte",
    "Dr. J. R. Smith",
    "German Chancellor Friedrich Merz",
    "Ms. Jane Lee",
]
PLACES = [
    "the U.S.",
    "Kyiv",
    "Moscow",
    "Alaska",
    "Brussels",
    "No. 10 Downing St.",
    "Geneva",
]
TEMPLATES = [
    "{a} said the talks in {place} were productive.",
    "{a} and {b} agreed that a ceasefire should begin on Aug. {day}.",
    "“We made great progress,” {a} told reporters in {place}.",
    "Prices rose {x}% in {month}, and the central bank raised rates by 0.{day} points.",
    "According to {a}, about {n} troops were withdrawn from {place}.",
    "The meeting was attended by {a}, {b} and {c}.",
    "{a} insisted on security guarantees; {b} rejected the proposal.",
    "They warned that the deal could collapse… Others disagreed.",
    "Officials said exports fell {x}% but declined to give a reason.",
    "Is this the end of the war?",
    "{a} emphasized support for the plan, while ruling out new sanctions.",
]
MONTHS = ["January", "March", "May", "August", "October"]


def build_corpus(folder: Path, articles: int) -> None:
    seed = SEED.read_text(encoding="utf-8").rstrip()
    body, tail = seed.rsplit("\n", 1)  # keep the boilerplate tail at the end
    rng = random.Random(7)
    for number in range(articles):
        lines = []
        for _ in range(6):
            people = rng.sample(PEOPLE, 3)
            sentences = [
                rng.choice(TEMPLATES).format(
                    a=people[0],
                    b=people[1],
                    c=people[2],
                    place=rng.choice(PLACES),
                    day=rng.randint(1, 28),
                    month=rng.choice(MONTHS),
                    x=f"{rng.uniform(0.1, 9.9):.1f}",
                    n=rng.randint(100, 9000),
                )
                for _ in range(rng.randint(3, 6))
            ]
            lines.append(" ".join(sentences))
        text = f"{body}\n" + "\n".join(lines) + f"\n{tail}\n\nShare this article\n"
        (folder / f"article_{number:05d}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        build_corpus(Path(folder), options.articles)
        started = time.perf_counter()
        documents = load_documents([folder])
        claims = sum(len(extract_claims(document)) for document in documents)
        elapsed = time.perf_counter() - started
        sentences = sum(len(split_sentences(document.text)) for document in documents)
    print(
        f"ingest: {len(documents)} documents, {sentences} sentences, {claims} claims in {elapsed:.2f} s "
        f"-> {sentences / elapsed:,.0f} sentences/s"
    )


if __name__ == "__main__":
    main()
