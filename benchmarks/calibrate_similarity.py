"""Calibrate the embedding-similarity gates of the number and date verifiers on pairs no model was trained on.

    python benchmarks/calibrate_similarity.py [--data ../shared/data/nli] [--json OUT]

The VitaminC pairs (real Wikipedia revisions and synthetic ones) of the NLI model's dev split (the hash of
claimcheck.nli.training.is_dev, seed 0: the shipped model never trained on them) are read as two claims each.
Among the pairs whose figures of one unit (or dates) cannot both hold, but which the words around them do not
make one measure (or event), the share labelled contradiction is reported at each cosine of the two sentences'
embeddings; a gate is the lowest cosine from which that share is at least --precision (0.8). The data is read
from where it is and never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from claimcheck.analysis import embeddings  # noqa: E402
from claimcheck.analysis.reading import read_claims  # noqa: E402
from claimcheck.nli.training import is_dev  # noqa: E402
from claimcheck.records import Claim  # noqa: E402
from claimcheck.verify.date import date_conflict  # noqa: E402
from claimcheck.verify.number import figure_conflict  # noqa: E402

FILES = ("vitaminc_real.jsonl", "vitaminc_synthetic.jsonl")
CUTS = [round(0.5 + 0.05 * i, 2) for i in range(10)]


def claim(number: int, text: str) -> Claim:
    return Claim(
        f"c{number}", text, text, "dev", f"d{number}", "1", "dev", 1, 1, 0, len(text)
    )


def candidates(rows: list[dict]) -> dict[str, list[tuple[float, bool]]]:
    """(cosine, is a contradiction) of each pair that only the similarity gate would flag, per verifier."""
    texts = [t for row in rows for t in (row["premise"], row["hypothesis"])]
    readings = read_claims([claim(i, t) for i, t in enumerate(texts)])
    vectors = embeddings.load().embed(texts)
    found: dict[str, list[tuple[float, bool]]] = {"number": [], "date": []}
    for i, row in enumerate(rows):
        first, second = readings[2 * i], readings[2 * i + 1]
        cosine = float(vectors[2 * i] @ vectors[2 * i + 1])
        for kind, conflict in (("number", figure_conflict), ("date", date_conflict)):
            if conflict(first, second, near=True) and not conflict(first, second):
                found[kind].append((cosine, row["label"] == "contradiction"))
    return found


def gate(pairs: list[tuple[float, bool]], precision: float) -> dict:
    table = []
    for cut in CUTS:
        above = [hit for cosine, hit in pairs if cosine >= cut]
        share = sum(above) / len(above) if above else None
        table.append(
            {
                "cosine": cut,
                "pairs": len(above),
                "contradictions": round(share, 3) if share is not None else None,
            }
        )
    chosen = next(
        (
            row["cosine"]
            for row in table
            if row["pairs"] and row["contradictions"] >= precision
        ),
        None,
    )
    return {"candidates": len(pairs), "by_cosine": table, "gate": chosen}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--data", type=Path, default=ROOT.parent / "shared" / "data" / "nli"
    )
    parser.add_argument("--precision", type=float, default=0.8)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    rows = [
        row
        for name in FILES
        for line in (args.data / name).read_text(encoding="utf-8").splitlines()
        if is_dev(row := json.loads(line), seed=0)
    ]
    found = candidates(rows)
    result = {
        "dev_pairs": len(rows),
        "precision": args.precision,
        **{kind: gate(pairs, args.precision) for kind, pairs in found.items()},
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
