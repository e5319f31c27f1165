"""Entity extraction + linking: name-finding precision/recall on the fixtures, and ingest throughput.

    python benchmarks/bench_entities.py [--copies 40] [--extractor builtin|spacy]

Throughput: the fixture articles (or the seed) copied under distinct ids until there are enough
sentences, ingested into a fresh database, then entities extracted, linked and stored.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.claims import extract_claims  # noqa: E402
from claimcheck.documents import load_documents  # noqa: E402
from claimcheck.entities import extract_mentions, link  # noqa: E402
from claimcheck.names import name_findings  # noqa: E402
from claimcheck.reference import load_reference  # noqa: E402
from claimcheck.sentences import split_sentences  # noqa: E402

FIXTURES = ROOT / "fixtures"


def side(claim, text: str, file: str) -> bool:
    return text in claim.sentence and Path(claim.path).as_posix().endswith(file)


def matches(finding, entry: dict) -> bool:
    a, b = finding.a, finding.b
    return any(side(x, entry["a"], entry["a_file"]) and side(y, entry["b"], entry["b_file"])
               for x, y in ((a, b), (b, a)))


def accuracy(extractor: str, with_reference: bool) -> dict:
    expected = [e for e in json.loads((FIXTURES / "expected.json").read_text())["findings"] if e["kind"] == "name"]
    claims = [c for d in load_documents([str(FIXTURES / "news")]) for c in extract_claims(d)]
    reference = load_reference(FIXTURES / "names.csv") if with_reference else None
    findings = name_findings(claims, reference, extractor)
    hits = [f for f in findings if any(matches(f, e) for e in expected)]
    found = [e for e in expected if any(matches(f, e) for f in findings)]
    return {"extractor": extractor, "reference": with_reference, "findings": len(findings), "expected": len(expected),
            "precision": round(len(hits) / len(findings), 3) if findings else 1.0,
            "recall": round(len(found) / len(expected), 3) if expected else 1.0,
            "false": [f.explanation for f in findings if f not in hits],
            "missed": [e["a"] for e in expected if e not in found]}


def throughput(copies: int, extractor: str) -> dict:
    from claimcheck.entity_store import refresh
    from claimcheck.pipeline import ingest
    from claimcheck.store import Store

    originals = sorted((FIXTURES / "news").glob("*.*")) or [ROOT / "seeds" / "000_df24da9ed9f199a2.txt"]
    with tempfile.TemporaryDirectory() as folder:
        for copy in range(copies):
            for path in originals:
                shutil.copy(path, Path(folder) / f"{copy:04d}_{path.name}")
        documents = load_documents([folder])
        sentences = sum(len(split_sentences(d.text)) for d in documents)
        store = Store(Path(folder) / "bench.db")
        started = time.perf_counter()
        ingest(store, [folder])
        ingested = time.perf_counter()
        entities = refresh(store, extractor)
        done = time.perf_counter()
        claims = store.active_claims()
    mentions_started = time.perf_counter()
    mentions = extract_mentions(claims, extractor)
    extracted = time.perf_counter()
    link(mentions)
    linked = time.perf_counter()
    return {"documents": len(documents), "sentences": sentences, "claims": len(claims), "entities": len(entities),
            "ingest_s": round(ingested - started, 2), "entities_s": round(done - ingested, 2),
            "extract_s": round(extracted - mentions_started, 2), "link_s": round(linked - extracted, 2),
            "ingest_sentences_per_s": round(sentences / (ingested - started)),
            "ingest_with_entities_sentences_per_s": round(sentences / (done - started))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--extractor", default="builtin", choices=["builtin", "spacy"])
    args = parser.parse_args()
    if (FIXTURES / "expected.json").exists():
        for with_reference in (False, True):
            print(json.dumps(accuracy(args.extractor, with_reference)))
    print(json.dumps(throughput(args.copies, args.extractor)))


if __name__ == "__main__":
    main()
