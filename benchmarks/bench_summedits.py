"""SummEdits: real documents, each with edited summaries; is a summary that contradicts its document caught?

    python benchmarks/bench_summedits.py [--domain D ...] [--limit-per-domain N] [--seed S]
                                         [--no-nli] [--model M] [--threshold F] [--json OUT] [--data FILE]

The document and the summary are two sources ("document", "summary"). A summary is caught when a finding pairs
one of its claims with a claim of its own document; findings between two claims of the document do not count.
Caught inconsistent summary: true positive; caught consistent summary: false positive.

How it runs, in-process with the library (claimcheck.pipeline, claimcheck.store.database): one fresh database per
document; the document is ingested once, then each of its summaries in turn as a new version of one "summary"
document (so the previous summary's claims are superseded and never paired), each followed by a full `check`.
That is what a database holding just that document and that summary would report, while the document's own
claims, keys and NLI scores (cached in the database) are computed once per document. Summaries of one document
are near-copies of each other; put into one database together they would fill each other's k candidate slots.
The NLI model is loaded once (not per check), and one tiny document is checked first to warm up (imports, the
parser); "time per summary" is its ingest plus its check, the document's own ingest charged to its first summary.

Default sample: every news summary (377) plus a seeded sample of 60 summaries of each other domain, half
consistent and half inconsistent where the domain has enough (the whole file, 4,239 summaries with long meeting
and podcast transcripts, is too slow with the NLI model on a 2-core machine). `--limit-per-domain N`: N of each
selected domain, stratified the same way; `--limit-per-domain 0`: every summary.

The data (../shared/data/summedits, read its README) is read from where it is and never copied.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from claimcheck import pipeline
from claimcheck.store.database import Store

DEFAULT_DATA = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "summedits"
    / "summedits_dev.jsonl"
)
DEFAULT_OTHER_LIMIT = 60  # per non-news domain, when no --limit-per-domain is given
EDIT_TYPES = (
    "entity_modification",
    "antonym_swap",
    "negation_insertion_removal",
    "hallucinated_fact_insertion",
)
UNSUPPORTED = "hallucinated_fact_insertion"  # an unsupported fact, not a contradiction
DOCUMENT, SUMMARY = "document", "summary"  # the two sources
WARM_UP = {
    "domain": "warm-up",
    "doc_id": "warm-up",
    "label": "consistent",
    "edit_types": [],
    "document": "The council met on Monday.\nIt approved the budget by five votes to two.",
    "summary": "The council approved the budget.",
}


def read_rows(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                row = json.loads(line)
                row["row"] = number
                rows.append(row)
    return rows


def sample(
    rows: list[dict], domains: list[str] | None, limit: int | None, seed: int
) -> tuple[list[dict], str]:
    """The summaries to check, and a line saying how they were chosen."""
    by_domain: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if not domains or row["domain"] in domains:
            by_domain[row["domain"]].append(row)
    if domains:
        missing = sorted(set(domains) - set(by_domain))
        if missing:
            raise SystemExit(
                f"Error: no rows for domain(s) {', '.join(missing)}; "
                f"known: {', '.join(sorted({r['domain'] for r in rows}))}"
            )
    chosen, how = [], []
    for domain in sorted(by_domain):
        wanted = (
            limit
            if limit is not None
            else (0 if domain == "news" else DEFAULT_OTHER_LIMIT)
        )
        items = by_domain[domain]
        picked = (
            stratified(items, wanted, random.Random(f"{seed}:{domain}"))
            if wanted
            else items
        )
        chosen += picked
        how.append(f"{domain} {len(picked)}/{len(items)}")
    rule = (
        "every summary"
        if limit == 0
        else f"seeded stratified sample of {limit} per domain"
        if limit
        else f"every news summary, seeded stratified sample of {DEFAULT_OTHER_LIMIT} per other domain"
    )
    return chosen, f"{rule} (seed {seed}): " + ", ".join(how)


def stratified(items: list[dict], wanted: int, rng: random.Random) -> list[dict]:
    """`wanted` items, half consistent and half inconsistent where possible (the rest from the larger class)."""
    if wanted >= len(items):
        return list(items)
    consistent = [row for row in items if row["label"] == "consistent"]
    inconsistent = [row for row in items if row["label"] != "consistent"]
    rng.shuffle(consistent)
    rng.shuffle(inconsistent)
    take_consistent = min(len(consistent), max(wanted // 2, wanted - len(inconsistent)))
    take_inconsistent = wanted - take_consistent
    return sorted(
        consistent[:take_consistent] + inconsistent[:take_inconsistent],
        key=lambda row: row["row"],
    )


def write_text(path: Path, identifier: str, source: str, text: str) -> None:
    path.write_text(
        f"---\nid: {identifier}\nsource: {source}\n---\n{text}\n", encoding="utf-8"
    )


def document_vs_summary(findings: list) -> list:
    """The findings that pair a claim of the summary with a claim of the document."""
    return [f for f in findings if {f.a.source, f.b.source} == {DOCUMENT, SUMMARY}]


def check_document(
    summaries: list[dict],
    use_nli: bool,
    model: str | None,
    threshold: float | None = None,
) -> list[dict]:
    """Ingest one document, then each summary in turn; the outcome for each summary."""
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = Store(folder / "claims.db")
        try:
            started = time.perf_counter()
            write_text(
                folder / "document.txt", DOCUMENT, DOCUMENT, summaries[0]["document"]
            )
            pipeline.ingest(store, [str(folder / "document.txt")])
            document_seconds = time.perf_counter() - started
            for row in summaries:
                started = time.perf_counter()
                path = folder / "summary.txt"
                write_text(path, SUMMARY, SUMMARY, row["summary"])
                pipeline.ingest(store, [str(path)])
                result = pipeline.check(
                    store, model=model, use_nli=use_nli, threshold=threshold
                )
                seconds = time.perf_counter() - started
                across = document_vs_summary(result.findings)
                outcomes.append(
                    {
                        "row": row["row"],
                        "domain": row["domain"],
                        "doc_id": row["doc_id"],
                        "label": row["label"],
                        "edit_types": list(row["edit_types"]),
                        "caught": bool(across),
                        "kinds": sorted({f.kind for f in across}),
                        "seconds": seconds,
                        "claims": result.summary["claims"],
                        "pairs": result.summary["pairs"],
                        "findings": [
                            {
                                "kind": f.kind,
                                "score": f.score,
                                "explanation": f.explanation,
                                "summary": (f.a if f.a.source == SUMMARY else f.b).text,
                                "document": (
                                    f.b if f.a.source == SUMMARY else f.a
                                ).text,
                            }
                            for f in across
                        ],
                    }
                )
            outcomes[0]["seconds"] += (
                document_seconds  # the document's own ingest, charged once
            )
        finally:
            store.close()
    return outcomes


def run(
    rows: list[dict],
    use_nli: bool,
    model: str | None,
    threshold: float | None = None,
    progress=None,
) -> list[dict]:
    by_document: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        by_document[row["domain"], str(row["doc_id"])].append(row)
    outcomes = []
    for index, key in enumerate(sorted(by_document), 1):
        outcomes += check_document(by_document[key], use_nli, model, threshold)
        if progress:
            progress(
                f"  {index}/{len(by_document)} documents, {len(outcomes)} summaries, "
                f"{sum(o['seconds'] for o in outcomes):.0f}s"
            )
    return outcomes


def rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def balanced(outcomes: list[dict]) -> dict:
    positives = [o for o in outcomes if o["label"] != "consistent"]
    negatives = [o for o in outcomes if o["label"] == "consistent"]
    recall = rate(sum(o["caught"] for o in positives), len(positives))
    false_positive = rate(sum(o["caught"] for o in negatives), len(negatives))
    accuracy = (
        round((recall + 1 - false_positive) / 2, 4)
        if recall is not None and false_positive is not None
        else None
    )
    return {
        "n": len(outcomes),
        "inconsistent": len(positives),
        "consistent": len(negatives),
        "balanced_accuracy": accuracy,
        "recall": recall,
        "false_positive_rate": false_positive,
    }


def report(outcomes: list[dict]) -> dict:
    """Figures for one group of summaries (a domain, or all)."""
    figures = balanced(outcomes)
    figures["balanced_accuracy_without_unsupported_only"] = balanced(
        [o for o in outcomes if o["edit_types"] != [UNSUPPORTED]]
    )["balanced_accuracy"]
    inconsistent = [o for o in outcomes if o["label"] != "consistent"]
    figures["recall_by_edit_type"] = {
        edit: {
            "n": len(having),
            "recall": rate(sum(o["caught"] for o in having), len(having)),
        }
        for edit in EDIT_TYPES
        if (having := [o for o in inconsistent if edit in o["edit_types"]])
    }
    only = [o for o in inconsistent if o["edit_types"] == [UNSUPPORTED]]
    figures["recall_unsupported_only"] = {
        "n": len(only),
        "recall": rate(sum(o["caught"] for o in only), len(only)),
    }
    figures["kinds_caught_inconsistent"] = dict(
        sorted(Counter(k for o in inconsistent for k in o["kinds"]).items())
    )
    figures["kinds_flagged_consistent"] = dict(
        sorted(
            Counter(
                k for o in outcomes if o["label"] == "consistent" for k in o["kinds"]
            ).items()
        )
    )
    seconds = sum(o["seconds"] for o in outcomes)
    figures["seconds"] = round(seconds, 2)
    figures["seconds_per_summary"] = (
        round(seconds / len(outcomes), 4) if outcomes else None
    )
    figures["pairs_per_check"] = (
        round(sum(o["pairs"] for o in outcomes) / len(outcomes), 1)
        if outcomes
        else None
    )
    return figures


def fmt(value, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_report(
    by_domain: dict[str, dict], overall: dict, examples: list[dict]
) -> None:
    print(
        f"{'domain':<12} {'n':>5} {'incons':>6} {'bal.acc':>7} {'recall':>6} {'FPR':>5} "
        f"{'bal.acc-HFI':>11} {'s/summary':>9} {'pairs':>6}"
    )
    for name, figures in [*by_domain.items(), ("all", overall)]:
        print(
            f"{name:<12} {figures['n']:>5} {figures['inconsistent']:>6} {fmt(figures['balanced_accuracy']):>7} "
            f"{fmt(figures['recall']):>6} {fmt(figures['false_positive_rate']):>5} "
            f"{fmt(figures['balanced_accuracy_without_unsupported_only']):>11} "
            f"{fmt(figures['seconds_per_summary'], 3):>9} {fmt(figures['pairs_per_check'], 0):>6}"
        )
    print(
        "mean balanced accuracy over domains: "
        f"{fmt(mean([f['balanced_accuracy'] for f in by_domain.values()]), 3)}"
    )
    print(
        "bal.acc-HFI: balanced accuracy without the summaries whose only edit is hallucinated_fact_insertion"
    )
    print(
        "\nrecall on inconsistent summaries by edit type (a summary may have several):"
    )
    for name, figures in [*by_domain.items(), ("all", overall)]:
        parts = [
            f"{edit} {fmt(v['recall'])} (n={v['n']})"
            for edit, v in figures["recall_by_edit_type"].items()
            if edit != UNSUPPORTED
        ]
        unsupported = figures["recall_by_edit_type"].get(UNSUPPORTED)
        only = figures["recall_unsupported_only"]
        print(f"  {name:<12} " + "; ".join(parts))
        if unsupported:
            print(
                f"  {'':<12} apart, unsupported not contradictory: {UNSUPPORTED} {fmt(unsupported['recall'])} "
                f"(n={unsupported['n']}), as the only edit {fmt(only['recall'])} (n={only['n']})"
            )
    print(
        "\nfinding kinds (document vs summary) on caught inconsistent / flagged consistent summaries:"
    )
    for name, figures in [*by_domain.items(), ("all", overall)]:
        print(
            f"  {name:<12} caught {figures['kinds_caught_inconsistent'] or '{}'}  "
            f"flagged {figures['kinds_flagged_consistent'] or '{}'}"
        )
    if examples:
        print("\nexamples of flagged consistent summaries (false positives):")
        for example in examples:
            print(
                f"  [{example['domain']} row {example['row']}] {example['kind']} {example['score']:.2f}: "
                f"{example['explanation']}\n      summary:  {example['summary'][:160]}\n"
                f"      document: {example['document'][:160]}"
            )


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="SummEdits jsonl (default: %(default)s)",
    )
    parser.add_argument(
        "--domain",
        action="append",
        help="a domain to include (repeatable; default all)",
    )
    parser.add_argument(
        "--limit-per-domain",
        type=int,
        default=None,
        help="summaries per domain, stratified by label (0: all; default: all news, 60 others)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--no-nli", action="store_true", help="deterministic checks only"
    )
    parser.add_argument(
        "--model", default=None, help="NLI model (default: the shipped one)"
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="NLI contradiction threshold (default: the model's check threshold)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=None,
        help="write figures and per-summary outcomes here",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    if args.limit_per_domain is not None and args.limit_per_domain < 0:
        raise SystemExit("Error: --limit-per-domain must be 0 (all) or more")
    if not args.data.is_file():
        raise SystemExit(f"Error: {args.data}: no such file")

    import claimcheck

    rows, how = sample(
        read_rows(args.data), args.domain, args.limit_per_domain, args.seed
    )
    print(f"claimcheck from {Path(claimcheck.__file__).parent}")
    print(f"summaries: {how}")
    model_name, load_seconds = "rules only", 0.0
    if not args.no_nli:
        # one load for the whole run, not one per check (each document has its own database)
        pipeline.load_nli = functools.lru_cache(maxsize=None)(pipeline.load_nli)
        started = time.perf_counter()
        model_name = pipeline.load_nli(args.model, 32).name
        load_seconds = time.perf_counter() - started
    print(
        f"model: {model_name}"
        + (f" (loaded once in {load_seconds:.1f}s)" if load_seconds else "")
        + (f", threshold {args.threshold}" if args.threshold is not None else "")
    )
    started = (
        time.perf_counter()
    )  # a warm-up, not counted: imports and models the pipeline loads on first use
    check_document([{**WARM_UP, "row": 0}], not args.no_nli, args.model, args.threshold)
    print(
        f"warm-up (imports, parser) {time.perf_counter() - started:.1f}s, not counted below"
    )
    started = time.perf_counter()
    outcomes = run(
        rows,
        not args.no_nli,
        args.model,
        args.threshold,
        progress=None
        if args.quiet
        else lambda line: print(line, file=sys.stderr, flush=True),
    )
    total = time.perf_counter() - started

    domains = sorted({o["domain"] for o in outcomes})
    by_domain = {
        domain: report([o for o in outcomes if o["domain"] == domain])
        for domain in domains
    }
    overall = report(outcomes)
    examples = sorted(
        (
            {"domain": o["domain"], "row": o["row"], **f}
            for o in outcomes
            if o["label"] == "consistent"
            for f in o["findings"]
        ),
        key=lambda e: -e["score"],
    )[:5]
    print_report(by_domain, overall, examples)
    print(
        f"\ntotal {total:.1f}s for {len(outcomes)} summaries of {len({(o['domain'], o['doc_id']) for o in outcomes})} "
        f"documents ({total / max(len(outcomes), 1):.3f}s per summary), model load {load_seconds:.1f}s apart"
    )
    result = {
        "claimcheck": str(Path(claimcheck.__file__).parent),
        "sample": how,
        "model": model_name,
        "nli": not args.no_nli,
        "threshold": args.threshold,
        "seed": args.seed,
        "seconds": round(total, 2),
        "model_load_seconds": round(load_seconds, 2),
        "domains": by_domain,
        "all": overall,
        "mean_balanced_accuracy": mean(
            [f["balanced_accuracy"] for f in by_domain.values()]
        ),
        "outcomes": outcomes,
    }
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
