"""Planted conflicts found and traps flagged in the probe batches (fixtures/probes/): news articles written by
writers who had not seen claimcheck's code, each batch with a key of planted conflicts (ten classes) and traps.

    python benchmarks/bench_probes.py [BATCH ...] [--no-nli] [--model M] [--json OUT]
    python benchmarks/bench_probes.py [BATCH ...] --nli-scores [--model M]

Each batch (default: fixtures/probes/a to z) is run as `claimcheck run` runs it, into a fresh database. A planted
conflict is found when a finding pairs a claim of each of its two sentences (a name conflict: a name finding
between its two files); a trap is flagged when a finding that found no planted conflict pairs its two
sentences. Findings that match neither are
listed as others. Targets (issue 9): at least 80 percent of planted conflicts, at most 2 traps.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from claimcheck import pipeline  # noqa: E402
from claimcheck.store.database import Store  # noqa: E402

NAME_CLASS = 10


def side(claim, entry: dict) -> bool:
    return Path(claim.path).name == entry["file"] and (
        entry["text"] in claim.sentence or claim.text in entry["text"]
    )


def pairs(finding, entry: dict) -> bool:
    a, b = finding.a, finding.b
    return (side(a, entry["a"]) and side(b, entry["b"])) or (
        side(b, entry["a"]) and side(a, entry["b"])
    )


def between_files(finding, entry: dict) -> bool:
    files = {Path(finding.a.path).name, Path(finding.b.path).name}
    return finding.kind == "name" and files == {entry["a"]["file"], entry["b"]["file"]}


def score(batch: Path, use_nli: bool, model: str | None) -> dict:
    key = json.loads((batch / "key.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "probe.db")
        started = time.perf_counter()
        pipeline.ingest(store, [str(batch / "articles")])
        findings = pipeline.check(store, model=model, use_nli=use_nli).findings
        seconds = time.perf_counter() - started
        store.close()
    matched: set[int] = set()
    found, missed = Counter(), []
    for entry in key["conflicts"]:
        hits = [
            i
            for i, f in enumerate(findings)
            if pairs(f, entry)
            or (entry["class"] == NAME_CLASS and between_files(f, entry))
        ]
        matched.update(hits)
        if hits:
            found[entry["class"]] += 1
        else:
            missed.append(f"class {entry['class']}: {entry['why']}")
    planted = set(matched)  # a misspelt name's finding may sit on a trap's sentences
    flagged = []
    for entry in key["traps"]:
        hits = [
            i for i, f in enumerate(findings) if pairs(f, entry) and i not in planted
        ]
        matched.update(hits)
        if hits:
            flagged.append(f"{entry['kind']}: {findings[hits[0]].explanation}")
    others = [
        f"{f.kind}: {f.explanation}" for i, f in enumerate(findings) if i not in matched
    ]
    return {
        "batch": batch.name,
        "conflicts": len(key["conflicts"]),
        "found": sum(found.values()),
        "found_by_class": {str(k): found[k] for k in sorted(found)},
        "traps": len(key["traps"]),
        "traps_flagged": len(flagged),
        "findings": len(findings),
        "flagged": flagged,
        "others": others,
        "missed": missed,
        "seconds": round(seconds, 1),
    }


def key_scores(batch: Path, model: str | None) -> dict:
    """The NLI model's contradiction score (the larger of both directions) on each keyed sentence pair, not
    names (class 10): how well the model alone tells the planted conflicts from the traps."""
    import numpy as np

    from claimcheck.nli.model import load_model

    nli = load_model(model)
    key = json.loads((batch / "key.json").read_text(encoding="utf-8"))
    column = list(nli.labels).index("contradiction")
    found = {"batch": batch.name, "threshold": nli.check_threshold}
    best_of = {}
    for part in ("conflicts", "traps"):
        pairs = [
            (e["a"]["text"], e["b"]["text"])
            for e in key[part]
            if e.get("class") != NAME_CLASS
        ]
        scores = nli.predict(pairs + [(b, a) for a, b in pairs])[:, column]
        best = np.maximum(scores[: len(pairs)], scores[len(pairs) :])
        best_of[part] = best
        found[part] = {
            "pairs": len(pairs),
            "median": round(float(np.median(best)), 3),
            "above_threshold": int((best >= nli.check_threshold).sum()),
        }
    from sklearn.metrics import roc_auc_score

    # how often a planted conflict outscores a trap
    found["auc"] = round(
        float(
            roc_auc_score(
                [1] * len(best_of["conflicts"]) + [0] * len(best_of["traps"]),
                np.concatenate([best_of["conflicts"], best_of["traps"]]),
            )
        ),
        3,
    )
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "batches",
        nargs="*",
        type=Path,
        default=[
            ROOT / "fixtures" / "probes" / b for b in "abcdefghijklmnopqrstuvwxyz"
        ],
    )
    parser.add_argument("--no-nli", action="store_true")
    parser.add_argument("--model")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--nli-scores",
        action="store_true",
        help="only the NLI model's scores on the keyed pairs, conflicts against traps",
    )
    args = parser.parse_args()
    if args.nli_scores:
        for batch in args.batches:
            print(json.dumps(key_scores(batch, args.model)))
        return
    results = [score(batch, not args.no_nli, args.model) for batch in args.batches]
    for r in results:
        print(
            f"{r['batch']}: {r['found']} of {r['conflicts']} planted conflicts found "
            f"({r['found'] / r['conflicts']:.0%}; by class {r['found_by_class']}), "
            f"{r['traps_flagged']} of {r['traps']} traps flagged, {len(r['others'])} other findings, {r['seconds']}s"
        )
        for line in r["flagged"]:
            print("  trap flagged:", line)
        for line in r["others"]:
            print("  other:", line)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
