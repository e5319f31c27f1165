"""Entity extraction + linking: name-finding precision/recall on the fixtures, and ingest throughput.

    python benchmarks/bench_entities.py [--articles 400] [--extractor builtin|spacy] [--summedits JSONL]

Throughput: bench_ingest.py's synthetic corpus ingested into a fresh database (pipeline.ingest), then
entities extracted, linked and stored (entity_store.refresh); name findings timed separately. Then a batch of
20 more articles ingested into copies of that database: as ingest does (re-linking the names it touches,
entity_update), and re-linking all entities (entity_store.refresh, as ingest did before).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from claimcheck.analysis.entities import extract_mentions  # noqa: E402
from claimcheck.analysis.reference import load_reference  # noqa: E402
from claimcheck.ingest.claims import extract_claims  # noqa: E402
from claimcheck.ingest.documents import load_documents  # noqa: E402
from claimcheck.ingest.sentences import split_sentences  # noqa: E402
from claimcheck.verify.names import name_findings  # noqa: E402

FIXTURES = ROOT / "fixtures"


def side(claim, text: str, file: str) -> bool:
    return text in claim.sentence and Path(claim.path).as_posix().endswith(file)


def matches(finding, entry: dict) -> bool:
    a, b = finding.a, finding.b
    return any(
        side(x, entry["a"], entry["a_file"]) and side(y, entry["b"], entry["b_file"])
        for x, y in ((a, b), (b, a))
    )


def accuracy(extractor: str, with_reference: bool) -> dict:
    expected = [
        e
        for e in json.loads((FIXTURES / "expected.json").read_text())["findings"]
        if e["kind"] == "name"
    ]
    claims = [
        c for d in load_documents([str(FIXTURES / "news")]) for c in extract_claims(d)
    ]
    reference = load_reference(FIXTURES / "names.csv") if with_reference else None
    findings = name_findings(claims, reference, extractor=extractor)
    hits = [f for f in findings if any(matches(f, e) for e in expected)]
    found = [e for e in expected if any(matches(f, e) for f in findings)]
    return {
        "extractor": extractor,
        "reference": with_reference,
        "findings": len(findings),
        "expected": len(expected),
        "precision": round(len(hits) / len(findings), 3) if findings else 1.0,
        "recall": round(len(found) / len(expected), 3) if expected else 1.0,
        "false": [f.explanation for f in findings if f not in hits],
        "missed": [e["a"] for e in expected if e not in found],
    }


def summedits_corpus(data: Path) -> Callable[[Path, int], None]:
    """A corpus builder writing SummEdits' distinct documents (real text, 8 domains) as articles, read from
    where the data is and written to the benchmark's temporary folder only."""

    def build(folder: Path, articles: int) -> None:
        documents: dict[str, str] = {}
        for line in data.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            documents.setdefault(row["doc_id"], row["document"])
        for doc_id, text in list(documents.items())[:articles]:
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")

    return build


def throughput(
    articles: int, extractor: str, batch: int = 20, build_corpus=None
) -> dict:
    if build_corpus is None:
        from bench_ingest import build_corpus

    from claimcheck.pipeline import entity_update, ingest
    from claimcheck.pipeline.entities import refresh
    from claimcheck.store.database import Store

    with tempfile.TemporaryDirectory() as folder:
        corpus, later = Path(folder) / "corpus", Path(folder) / "batch"
        corpus.mkdir()
        later.mkdir()
        build_corpus(corpus, articles + batch)
        for path in sorted(corpus.iterdir())[articles:]:
            path.rename(later / path.name)
        sentences = sum(
            len(split_sentences(d.text)) for d in load_documents([str(corpus)])
        )
        store = Store(Path(folder) / "bench.db")
        started = time.perf_counter()
        ingest(store, [str(corpus)])
        ingested = time.perf_counter()
        entities = refresh(store, extractor)
        done = time.perf_counter()
        claims = store.active_claims()
        store.close()
        batch_s, update = {}, entity_update.update
        for how in ("incremental", "refresh"):
            if how == "refresh":
                entity_update.update = lambda store, ingest, extractor=None: refresh(
                    store, extractor
                )
            copy = Store(
                shutil.copy(Path(folder) / "bench.db", Path(folder) / f"{how}.db")
            )
            batch_started = time.perf_counter()
            ingest(copy, [str(later)])
            batch_s[how] = round(time.perf_counter() - batch_started, 2)
            copy.close()
        entity_update.update = update
    mentions_started = time.perf_counter()
    mentions = extract_mentions(claims, extractor)
    extracted = time.perf_counter()
    findings = name_findings(claims, None, extractor=extractor)
    checked = time.perf_counter()
    return {
        "articles": articles,
        "sentences": sentences,
        "claims": len(claims),
        "mentions": len(mentions),
        "entities": len(entities),
        "name_findings": len(findings),
        "ingest_s": round(ingested - started, 2),
        "entities_refresh_s": round(done - ingested, 2),
        "extract_s": round(extracted - mentions_started, 2),
        "name_findings_s": round(checked - extracted, 2),
        "ingest_sentences_per_s": round(sentences / (ingested - started)),
        "ingest_with_entities_sentences_per_s": round(sentences / (done - started)),
        "batch_articles": batch,
        "batch_ingest_s": batch_s["incremental"],
        "batch_ingest_refresh_s": batch_s["refresh"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--articles",
        type=int,
        default=400,
        help="synthetic articles (bench_ingest.py's corpus)",
    )
    parser.add_argument("--extractor", default="builtin", choices=["builtin", "spacy"])
    parser.add_argument(
        "--summedits",
        type=Path,
        help="ingest SummEdits' distinct documents instead (e.g. "
        "../shared/data/summedits/summedits_dev.jsonl; --articles of them, 20 more as the batch)",
    )
    args = parser.parse_args()
    if (FIXTURES / "expected.json").exists():
        for with_reference in (False, True):
            print(json.dumps(accuracy(args.extractor, with_reference)))
    build = summedits_corpus(args.summedits) if args.summedits else None
    print(json.dumps(throughput(args.articles, args.extractor, build_corpus=build)))


if __name__ == "__main__":
    main()
