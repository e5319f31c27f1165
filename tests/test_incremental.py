"""check --new-only: it reads only the new claims' neighbourhood, and finds what a full check finds about them."""

import json
import shutil
from pathlib import Path

import pytest

from claimcheck import pipeline
from claimcheck.analysis.reference import load_reference
from claimcheck.pairing.neighbourhood import neighbourhood
from claimcheck.pipeline import entities as entity_store
from claimcheck.pipeline.entities import name_findings_about
from claimcheck.store.database import Store
from claimcheck.verify.names import name_findings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LATER_NEWS = (
    "baltic-review-summit.txt",
    "harbor-times-white-house.md",
    "meridian-post-white-house.html",
)


def split_news(tmp_path: Path, later: tuple[str, ...]) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    for path in sorted((FIXTURES / "news").iterdir()):
        folder = second if path.name in later else first
        folder.mkdir(exist_ok=True)
        shutil.copy(path, folder / path.name)
    return first, second


def batches(tmp_path: Path, case: str) -> tuple[Path, Path]:
    if case == "ci":
        return FIXTURES / "ci" / "batch1", FIXTURES / "ci" / "batch2"
    later = (
        LATER_NEWS
        if case == "news"
        else tuple(
            p.name for p in (FIXTURES / "news").iterdir() if p.name not in LATER_NEWS
        )
    )
    return split_news(tmp_path, later)


def involving(result, batch: Path | None = None) -> set[str]:
    """Ids of the reported findings (with a claim from this folder)."""
    return {
        f["id"]
        for f in json.loads(result.stdout)["findings"]
        if batch is None or any(Path(c["path"]).parent == batch for c in f["claims"])
    }


@pytest.mark.parametrize("case", ["news", "news reversed", "ci"])
def test_new_only_finds_what_a_full_check_finds_about_the_new_claims(
    claimcheck, tmp_path, case
):
    first, second = batches(tmp_path, case)
    claimcheck("entities", "reference", FIXTURES / "names.csv")
    claimcheck("run", "--no-nli", first)
    claimcheck("ingest", second)
    new_only = claimcheck("check", "--no-nli", "--new-only", "--format", "json")
    full = claimcheck("check", "--no-nli", "--format", "json")
    assert involving(new_only, second) and involving(new_only, second) == involving(
        full, second
    )
    assert involving(new_only) == involving(new_only, second)
    assert (
        json.loads(new_only.stdout)["summary"]["claims"]
        == json.loads(full.stdout)["summary"]["claims"]
    )


@pytest.mark.parametrize("case", ["news", "news reversed"])
def test_stored_entities_give_the_same_name_findings_as_linking_every_claim(
    tmp_path, case
):
    first, second = batches(tmp_path, case)
    store = Store(tmp_path / "claims.db")
    entity_store.save_reference(store, load_reference(FIXTURES / "names.csv"))
    pipeline.ingest(store, [str(first)])
    last = store.last_ingest()
    pipeline.ingest(store, [str(second)])
    new = store.claims_ingested_after(last)
    expected = name_findings(
        store.active_claims(), entity_store.load_reference(store), new=new
    )
    assert expected and name_findings_about(store, new) == expected


def write(folder: Path, name: str, source: str, lines: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(
        f"---\nsource: {source}\n---\n" + "\n\n".join(lines) + "\n", encoding="utf-8"
    )
    return folder


def ingest_new(
    tmp_path: Path, old: list[str], new: list[str]
) -> tuple[Store, set[str]]:
    store = Store(tmp_path / "claims.db")
    pipeline.ingest(store, [str(write(tmp_path / "old", "old.txt", "Ledger", old))])
    last = store.last_ingest()
    pipeline.ingest(store, [str(write(tmp_path / "new", "new.txt", "Herald", new))])
    return store, store.claims_ingested_after(last)


UNRELATED = [
    f"Crate {100 + i} of apricots weighed {1000 + i} kilograms in warehouse W{i}."
    for i in range(60)
]


def test_the_neighbourhood_leaves_unrelated_claims_unread(tmp_path):
    related = "Turnout in Ohio reached 61 percent in the primary."
    store, new = ingest_new(
        tmp_path,
        [related, *UNRELATED],
        ["Turnout in Ohio reached 58 percent in the primary."],
    )
    near = neighbourhood(store, new)
    assert {claim.text for claim in near.claims} == {
        related,
        "Turnout in Ohio reached 58 percent in the primary.",
    }
    assert set(near.keys) == {claim.id for claim in near.claims} and all(
        near.keys.values()
    )


def test_each_new_claim_brings_a_bounded_number_of_neighbours(tmp_path):
    similar = [
        f"Turnout in Ohio reached {i} percent in primary number {i}."
        for i in range(10, 70)
    ]
    store, new = ingest_new(
        tmp_path,
        similar + UNRELATED,
        ["Turnout in Ohio reached 5 percent in the primary."],
    )
    near = neighbourhood(store, new, k=3)
    assert 1 < len(near.claims) <= 1 + 2 * 2 * 3
    assert all("Turnout" in claim.text for claim in near.claims)


def test_superseded_claims_are_no_neighbours(tmp_path):
    turnout = "Turnout in Ohio reached {} percent in the primary."
    store, _ = ingest_new(tmp_path, [turnout.format(61)], [turnout.format(58)])
    last = store.last_ingest()
    pipeline.ingest(
        store, [str(write(tmp_path / "old", "old.txt", "Ledger", [turnout.format(62)]))]
    )
    near = neighbourhood(store, store.claims_ingested_after(last))
    assert {claim.text for claim in near.claims} == {
        turnout.format(62),
        turnout.format(58),
    }
