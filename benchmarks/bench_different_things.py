"""Findings on a corpus where nothing contradicts: many articles of one kind, each about a different thing.

    python benchmarks/bench_different_things.py [--documents 160] [--seed 0] [--no-nli] [--model M]
                                                [--json OUT] [--write DIR]

The corpus comes from benchmarks/corpora.py: town budgets and councils, football matches, company earnings,
flights and incidents, the families in turn, every article about its own town, match, company or flight, with
its own figures, people and dates, a headline, a dateline and a publication date. Every finding is a false alarm;
the target is at most 1 finding per 100 documents. The corpus is ingested once (claimcheck.pipeline, in-process),
then checked with the deterministic checks only and, unless --no-nli, again with the NLI model (rules + NLI).
`--write DIR` keeps the articles (.md with front matter) to look at or to run `claimcheck run DIR` on.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import different_things, write_markdown

from claimcheck import pipeline
from claimcheck.store.database import Store


def family(document_id: str) -> str:
    return document_id.split("-")[0]


def summarise(result, documents: int, seconds: float, examples: int) -> dict:
    findings = result.findings
    within = [f for f in findings if f.a.document == f.b.document]
    per_kind = Counter(f.kind for f in findings)
    per_families = Counter(
        " / ".join(sorted({family(f.a.document), family(f.b.document)}))
        for f in findings
    )
    chosen, seen = [], Counter()
    for finding in findings:  # strongest first, at most 2 of a kind, then the rest
        if seen[finding.kind] < 2:
            chosen.append(finding)
            seen[finding.kind] += 1
    chosen += [f for f in findings if f not in chosen]
    return {
        "model": result.summary.get("model") or "rules only",
        "documents": documents,
        "claims": result.summary["claims"],
        "pairs": result.summary["pairs"],
        "findings": len(findings),
        "findings_per_100_documents": round(100 * len(findings) / documents, 2)
        if documents
        else None,
        "within_one_article": len(within),
        "by_kind": dict(sorted(per_kind.items())),
        "by_families": dict(per_families.most_common()),
        "check_seconds": round(seconds, 2),
        "examples": [
            {
                "kind": f.kind,
                "score": f.score,
                "explanation": f.explanation,
                "a": {"document": f.a.document, "text": f.a.text},
                "b": {"document": f.b.document, "text": f.b.text},
            }
            for f in chosen[:examples]
        ],
    }


def print_summary(name: str, figures: dict) -> None:
    print(
        f"\n{name}: {figures['findings']} findings in {figures['documents']} documents = "
        f"{figures['findings_per_100_documents']:.2f} per 100 documents (target <= 1); "
        f"{figures['claims']} claims, {figures['pairs']} pairs, check {figures['check_seconds']:.1f}s"
    )
    print(
        f"  by kind: {figures['by_kind'] or '{}'}; within one article: {figures['within_one_article']}"
    )
    print(f"  by families: {figures['by_families'] or '{}'}")
    for example in figures["examples"]:
        print(
            f"  {example['kind'].upper()} {example['score']:.2f}  {example['explanation']}"
        )
        print(f"      {example['a']['document']}: {example['a']['text']}")
        print(f"      {example['b']['document']}: {example['b']['text']}")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=160)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--no-nli", action="store_true", help="deterministic checks only"
    )
    parser.add_argument(
        "--model", default=None, help="NLI model (default: the shipped one)"
    )
    parser.add_argument(
        "--examples", type=int, default=8, help="findings to show per check"
    )
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--write",
        type=Path,
        default=None,
        help="keep the generated articles in this folder",
    )
    args = parser.parse_args(argv)
    if args.documents < 1:
        raise SystemExit("Error: --documents must be at least 1")

    import claimcheck

    print(f"claimcheck from {Path(claimcheck.__file__).parent}")
    articles = different_things(args.documents, seed=args.seed)
    results = {
        "claimcheck": str(Path(claimcheck.__file__).parent),
        "documents": args.documents,
        "seed": args.seed,
        "families": dict(Counter(a.family for a in articles)),
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.write or Path(tmp) / "articles"
        if args.write and args.write.exists() and any(args.write.iterdir()):
            raise SystemExit(f"Error: {args.write} is not empty")
        write_markdown(articles, folder)
        store = Store(Path(tmp) / "claims.db")
        try:
            started = time.perf_counter()
            ingested = pipeline.ingest(store, [str(folder)])
            results["ingest_seconds"] = round(time.perf_counter() - started, 2)
            results["claims"] = ingested.claims
            print(
                f"{args.documents} documents (seed {args.seed}: {results['families']}), {ingested.claims} claims, "
                f"ingest {results['ingest_seconds']:.1f}s"
            )
            runs = [("rules", True)] + ([] if args.no_nli else [("nli", False)])
            for name, rules_only in runs:
                started = time.perf_counter()
                result = pipeline.check(store, model=args.model, use_nli=not rules_only)
                figures = summarise(
                    result, args.documents, time.perf_counter() - started, args.examples
                )
                results[name] = figures
                print_summary(
                    "deterministic checks (--no-nli)"
                    if rules_only
                    else f"rules + NLI ({figures['model']}; model load included)",
                    figures,
                )
        finally:
            store.close()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
