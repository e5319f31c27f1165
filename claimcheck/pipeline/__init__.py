"""The main job: documents -> claims -> store -> candidate pairs -> verifiers -> findings."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from claimcheck import progress
from claimcheck.analysis.quantities import CASUALTY_UNITS
from claimcheck.analysis.terms import stem
from claimcheck.ingest.claims import claims_of_each
from claimcheck.ingest.documents import load_documents
from claimcheck.pairing.neighbourhood import claim_vectors, neighbourhood, text_vectors
from claimcheck.pairing.pairs import (
    KEYS_VERSION,
    CandidatePair,
    candidate_pairs,
    keys,
    nearest_per_claim,
)
from claimcheck.parallel import in_halves
from claimcheck.pipeline import entities as entity_store
from claimcheck.pipeline import entity_update
from claimcheck.records import Claim, Finding
from claimcheck.store.database import Store
from claimcheck.verify.findings import nli_verdict, to_finding
from claimcheck.verify.names import name_findings

NLI_PER_CLAIM = 2  # pairs a claim is judged in by the NLI model, its nearest (with its neighbours' nearest)
SPLIT_FROM = 50  # documents from which two processes split them into claims, where there are two cores


@dataclass
class IngestResult:
    documents: dict[str, int] = field(
        default_factory=lambda: {
            "new": 0,
            "updated": 0,
            "unchanged": 0,
            "moved": 0,
            "resourced": 0,
        }
    )  # see add_document
    claims: int = 0


@dataclass(frozen=True)
class CheckedDocument:
    id: str
    source: str
    path: str


@dataclass
class CheckResult:
    findings: list[Finding]  # to report: neither accepted nor in the baseline
    summary: dict
    documents: list[CheckedDocument] = field(
        default_factory=list
    )  # those whose claims were checked
    suppressed: list[Finding] = field(default_factory=list)  # accepted or baselined


def ingest(
    store: Store,
    paths: Sequence[str],
    source: str | None = None,
    published: str | None = None,
    skipped: list[str] | None = None,
) -> IngestResult:
    """Load and split everything first, then write it all in one transaction."""
    from claimcheck import plugins
    from claimcheck.analysis import reading

    extract = plugins.get_extractor()  # CLAIMCHECK_NER's, a plugin's or a built-in one
    documents = load_documents(
        paths, source=source, published=published, skipped=skipped
    )  # skipped: bad files
    with progress.stage(f"parsing {len(documents)} documents"):
        extracted = list(
            zip(
                documents, in_halves(claims_of_each, documents, SPLIT_FROM), strict=True
            )
        )
    stored = store.stored_versions(documents)
    readings = read(
        documents,
        [
            claim
            for document, claims in extracted
            if (document.id, document.version) not in stored
            for claim in claims
        ],
    )
    claim_keys = {
        c.id: search_keys(c, readings[c.id])
        for c in (claim for _, claims in extracted for claim in claims)
        if c.id in readings
    }
    current_keys(store)
    result = IngestResult()
    with store.transaction():
        ingest_id = store.start_ingest(list(paths))
        for document, claims in extracted:
            status = store.add_document(document, claims, ingest_id, claim_keys)
            result.documents[status] += 1
            if status in (
                "new",
                "updated",
            ):  # moved and resourced documents keep their stored claims
                result.claims += len(claims)
                store.save_readings(
                    {
                        c.id: readings[c.id].to_dict()
                        for c in claims
                        if c.id in readings
                    },
                    reading.ANALYSIS_VERSION,
                )
        if result.documents["new"] or result.documents["updated"]:
            entity_update.update(store, ingest_id, extract)
    return result


def check(
    store: Store,
    model: str | None = None,
    threshold: float | None = None,
    new_only: bool = False,
    use_nli: bool = True,
    k: int = 20,
    batch_size: int = 32,
    baseline: Collection[str] = (),
) -> CheckResult:
    """Check the new claims (all with new_only=False) against all; `baseline`: fingerprints not to report."""
    from claimcheck import plugins
    from claimcheck.verify import Side, nli_applies, same_context, verify_pair

    verifiers, extract = plugins.verifiers(), plugins.get_extractor()

    nli = load_nli(model, batch_size) if use_nli else None
    seen = (
        store.last_ingest()
    )  # where this check starts: later ingests are the next --new-only's
    current_keys(store)
    new = store.claims_ingested_after(store.last_checked_ingest()) if new_only else None
    near = neighbourhood(store, new, k) if new is not None else None
    claims = near.claims if near else store.active_claims()
    stored_keys = (
        near.keys if near else store.claim_keys([claim.id for claim in claims])
    )  # pairs.keys, from ingest
    vectors = (
        near.vectors if near else claim_vectors(store, claims)
    )  # sentence embeddings, stored per model
    with progress.stage(f"pairing {len(claims)} claims"):
        pairs = candidate_pairs(
            claims, new=new, k=k, known_keys=stored_keys, vectors=vectors
        )
    readings = stored_readings(
        store, {claim for pair in pairs for claim in (pair.a, pair.b)}
    )
    threshold = (
        threshold if threshold is not None else (nli.check_threshold if nli else 0.5)
    )
    pairs = [p for p in pairs if same_context(readings[p.a.id], readings[p.b.id])]
    judged = [
        p
        for p in pairs
        if nli_applies(Side(p.a, readings[p.a.id]), Side(p.b, readings[p.b.id]))
    ]
    judged = nearest_per_claim(judged, NLI_PER_CLAIM)
    contradiction = score_pairs(store, nli, judged) if nli else {}

    dated = [
        readings[c.id]
        for p in pairs
        if readings[p.a.id].dates and readings[p.b.id].dates
        for c in (p.a, p.b)
    ]
    events = event_vectors(dated, store) if vectors is not None else None
    findings = []
    for pair in pairs:
        verdicts = verify_pair(
            Side(pair.a, readings[pair.a.id], events),
            Side(pair.b, readings[pair.b.id], events),
            verifiers,
        )
        if (pair.a.text, pair.b.text) in contradiction:
            verdict = nli_verdict(
                pair.a, pair.b, contradiction[pair.a.text, pair.b.text], threshold
            )
            verdicts += [verdict] if verdict else []
        finding = to_finding(pair.a, pair.b, verdicts)
        if finding:
            findings.append(finding)
    spellings = (
        entity_store.name_findings_about(store, new)
        if new is not None
        else name_findings(
            claims, entity_store.load_reference(store), extractor=extract
        )
    )
    findings += same_story(store, spellings, readings)
    findings = dedupe(findings)

    total = store.count_claims() if new_only else len(claims)
    with store.transaction():
        check_id = store.start_check(
            nli.name if nli else "rules-only", threshold, new_only, last_ingest=seen
        )
        store.save_findings(
            findings, check_id, scope=new
        )  # resolves what it no longer finds among `new`
        store.finish_check(
            check_id, claims=total, pairs=len(pairs), findings=len(findings)
        )
    statuses = store.finding_statuses([f.id for f in findings])
    accepted = [f for f in findings if statuses.get(f.id) == "accepted"]
    baselined = [
        f for f in findings if f.id in baseline and statuses.get(f.id) != "accepted"
    ]
    reported = [
        f for f in findings if statuses.get(f.id) != "accepted" and f.id not in baseline
    ]
    documents = sorted(
        {
            CheckedDocument(c.document, c.source, c.path)
            for c in claims
            if new is None or c.id in new
        },
        key=lambda d: (d.path, d.id),
    )
    summary = {
        "check": check_id,
        "model": nli.name if nli else None,
        "threshold": threshold if nli else None,
        "documents": len(documents),
        "claims": total,
        "new_claims": len(new) if new is not None else total,
        "pairs": len(pairs),
        "findings": len(reported),
        "by_kind": count_by(reported, lambda f: f.kind),
        "suppressed": len(accepted) + len(baselined),
        "accepted": len(accepted),
        "baselined": len(baselined),
    }
    return CheckResult(reported, summary, documents, accepted + baselined)


def read(documents, claims: Sequence[Claim]) -> dict:
    """The reading of each claim (by id), in the context of its document."""
    from claimcheck.analysis.reading import document_contexts, read_claims

    by_id = {d.id: d for d in documents}
    contexts = document_contexts(
        [by_id[i] for i in dict.fromkeys(c.document for c in claims) if i in by_id]
    )
    return dict(zip((c.id for c in claims), read_claims(claims, contexts), strict=True))


def event_vectors(readings: Iterable, store: Store | None = None) -> dict:
    """The sentence embedding of each dated event's clause (When.clause) in these readings, by clause, stored
    in `store` (without one, computed and rounded as stored): how the date verifier tells one event told in
    other words."""
    from claimcheck.analysis import embeddings

    clauses = sorted({d.clause for r in readings for d in r.dates if d.clause})
    if store is not None:
        return text_vectors(store, clauses) if clauses else {}
    blobs = [embeddings.to_blob(v) for v in embeddings.load().embed(clauses)]
    return dict(zip(clauses, embeddings.from_blobs(blobs), strict=True))


def search_keys(claim: Claim, reading) -> set[str]:
    """A claim's search keys: pairs.keys of its text, with what its reading takes positions on, the acts it
    denies (a figure of zero: its noun and what it measures), its predicate when it counts something, the
    casualties it counts, what its measures are of, and the roles it names holders of."""
    denied = {w for f in reading.figures if f.high == 0 for w in (f.unit, *f.measures)}
    done = any(f.low > 0 and not f.baseline for f in reading.figures)
    acts = denied | ({stem(reading.predicate_lemma)} if done else set())
    # one story's toll, whatever the words: "Nobody was seriously injured" / "taken to hospital with burns"
    acts |= {f.unit for f in reading.figures if f.unit in CASUALTY_UNITS}
    measured = {(f.of[-1], f.unit) for f in reading.figures if f.of}
    targets = {s.target for s in reading.stances if s.target}
    roles = {leader.act for leader in reading.leaders}
    return keys(claim.text, targets, acts, measured, roles)


def current_keys(store: Store) -> None:
    """Rewrite every active claim's search keys if another version of pairs.keys wrote them (or none did)."""
    if store.analysis_version("keys") == KEYS_VERSION:
        return
    claims = store.active_claims()
    readings = stored_readings(store, claims)
    found = {c.id: search_keys(c, readings[c.id]) for c in claims}
    with store.transaction():
        store.replace_claim_keys(found, KEYS_VERSION)


def stored_readings(store: Store, claims: Collection[Claim]) -> dict:
    """Readings of these claims from the store; those missing or written by an older analysis are computed
    (from the stored documents) and saved."""
    from claimcheck.analysis.reading import ANALYSIS_VERSION, Reading

    stored = store.readings([c.id for c in claims], ANALYSIS_VERSION)
    readings = {claim_id: Reading.from_dict(data) for claim_id, data in stored.items()}
    missing = [c for c in claims if c.id not in readings]
    if missing:
        computed = read(store.documents_by_id({c.document for c in missing}), missing)
        with store.transaction():
            store.save_readings(
                {i: r.to_dict() for i, r in computed.items()}, ANALYSIS_VERSION
            )
        readings.update(computed)
    return readings


def same_story(store: Store, findings: list[Finding], readings: dict) -> list[Finding]:
    """Name findings whose two mentions come from related documents: "Lena Costa" managing one club and
    "Leila Costa" scoring for another are two people, not one misspelled."""
    from claimcheck.verify.align import one_person

    readings.update(
        stored_readings(
            store, {c for f in findings for c in (f.a, f.b) if c.id not in readings}
        )
    )
    return [
        f
        for f in findings
        if f.a.document == f.b.document
        or one_person(readings[f.a.id], readings[f.b.id])
    ]


def load_nli(model: str | None, batch_size: int):
    from claimcheck.nli.model import load_model

    return load_model(model, batch_size=batch_size)


def score_pairs(
    store: Store, nli, pairs: Sequence[CandidatePair]
) -> dict[tuple[str, str], float]:
    """Contradiction probability of each pair, averaged over both directions; cached in the store."""
    directed = sorted(
        {(p.a.text, p.b.text) for p in pairs} | {(p.b.text, p.a.text) for p in pairs}
    )
    scores = store.cached_scores(nli.name, directed)
    missing = [pair for pair in directed if pair not in scores]
    if missing:
        computed = dict(
            zip(
                missing,
                (tuple(map(float, row)) for row in nli.predict(missing)),
                strict=True,
            )
        )
        with store.transaction():
            store.save_scores(nli.name, computed)
        scores.update(computed)
    return {(a, b): (scores[a, b][2] + scores[b, a][2]) / 2 for a, b in directed}


def dedupe(findings: list[Finding]) -> list[Finding]:
    """Same fingerprint (e.g. one article ingested under two ids) -> keep the strongest; sorted."""
    best: dict[str, Finding] = {}
    for finding in findings:
        if finding.id not in best or finding.score > best[finding.id].score:
            best[finding.id] = finding
    return sorted(best.values(), key=lambda f: (-f.score, f.id))


def count_by(items, key) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[key(item)] = counts.get(key(item), 0) + 1
    return dict(sorted(counts.items()))
