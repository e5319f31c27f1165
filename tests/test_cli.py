import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.store.database import Store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_df24da9ed9f199a2.txt"

ARTICLE_A = """---
source: Northern Ledger
published: 2025-08-16
---
Turnout in Ohio was 61 percent on Tuesday.
The minister attended the summit in Geneva.
"""
ARTICLE_B = """---
source: Capital Wire
published: 2025-08-17
---
Turnout in Ohio was 58 percent on Tuesday.
The minister did not attend the summit in Geneva.
"""


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ledger.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "wire.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


def counts(db):
    store = Store(db)
    return {
        table: store.db[table].count
        for table in ("documents", "claims", "findings", "ingests")
    }


def test_help_imports_no_heavy_library():
    heavy = "('torch', 'transformers', 'sklearn', 'datasets')"
    code = (
        f"import sys, claimcheck.cli; sys.exit(any(m in sys.modules for m in {heavy}))"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_ingest_seed_then_list_claims_with_exact_offsets(claimcheck):
    result = claimcheck("ingest", SEED, "--source", "Seed")
    assert result.exit_code == 0, result.output
    rows = json.loads(claimcheck("claims", "--json").output)
    text = SEED.read_text(encoding="utf-8")
    assert len(rows) > 20
    for row in rows:
        assert row["source"] == "Seed"
        assert text[row["start"] : row["end"]].strip()
    assert not any("Recent Random Post" in row["text"] for row in rows)
    merz = [row for row in rows if "Frederik Merz" in text[row["start"] : row["end"]]]
    assert merz


def test_reingest_is_idempotent(claimcheck, articles):
    claimcheck("ingest", articles)
    before = counts(claimcheck.db)
    result = claimcheck("ingest", articles)
    assert "0 new, 0 updated, 2 unchanged" in result.output
    after = counts(claimcheck.db)
    assert (
        after["claims"] == before["claims"]
        and after["documents"] == before["documents"]
    )


def test_listing_formats(claimcheck, articles):
    claimcheck("ingest", articles)
    as_json = json.loads(claimcheck("claims", "--json").output)
    as_nl = [
        json.loads(line) for line in claimcheck("claims", "--nl").output.splitlines()
    ]
    as_csv = list(csv.DictReader(io.StringIO(claimcheck("claims", "--csv").output)))
    assert as_json == as_nl
    assert [row["id"] for row in as_csv] == [row["id"] for row in as_json]
    table = claimcheck("claims", "--source", "Capital Wire").output
    assert "Capital Wire" in table and "Northern Ledger" not in table
    assert "Turnout" in claimcheck("claims", "--search", "turnout").output
    sources = json.loads(claimcheck("sources", "--json").output)
    assert [s["source"] for s in sources] == ["Capital Wire", "Northern Ledger"]
    assert all(s["documents"] == 1 and s["claims"] == 2 for s in sources)
    documents = json.loads(claimcheck("documents", "--json").output)
    assert len(documents) == 2


def test_check_json_schema_and_exit_code(claimcheck, articles):
    claimcheck("ingest", articles)
    result = claimcheck("check", "--no-nli", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert set(report) == {"findings", "summary"}
    kinds = {f["kind"] for f in report["findings"]}
    assert {"number", "contradiction"} <= kinds
    for finding in report["findings"]:
        assert set(finding) == {"id", "kind", "score", "explanation", "claims"}
        assert 0 <= finding["score"] <= 1
        for claim in finding["claims"]:
            assert set(claim) == {
                "id",
                "text",
                "sentence",
                "source",
                "document",
                "path",
                "line",
                "start",
                "end",
                "speaker",
            }
        assert {c["source"] for c in finding["claims"]} == {
            "Northern Ledger",
            "Capital Wire",
        }
    listed = json.loads(claimcheck("findings", "--json").output)
    assert {f["id"] for f in listed} == {f["id"] for f in report["findings"]}


def test_run_writes_report_file(claimcheck, articles, tmp_path):
    output = tmp_path / "report.json"
    result = claimcheck(
        "run", articles, "--no-nli", "--format", "json", "--output", output
    )
    assert result.exit_code == 1
    assert json.loads(output.read_text())["summary"]["findings"] >= 2
    assert claimcheck("run", articles, "--no-nli", "--fail-on", "none").exit_code == 0


def test_query(claimcheck, articles):
    claimcheck("ingest", articles)
    result = claimcheck(
        "query",
        "select source, count(*) as n from claims group by source order by source",
        "--csv",
    )
    assert result.output.splitlines() == [
        "source,n",
        "Capital Wire,2",
        "Northern Ledger,2",
    ]


def assert_clean_error(result, message):
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert message.lower() in lines[0].lower()


BAD_FILES = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"\n\n   \n", "empty"),
    "binary.txt": (bytes(range(256)) * 4, "binary"),
    "latin1.txt": ("Le président a visité Genève.".encode("latin-1"), "UTF-8"),
    "broken.jsonl": (b'{"text": "One fine claim here."}\n{"text": oops}\n', "line 2"),
    "notext.jsonl": (b'{"title": "no text field"}\n', "text"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_is_one_line_error_and_nothing_is_written(
    claimcheck, articles, tmp_path, name
):
    claimcheck("ingest", articles)
    before = counts(claimcheck.db)
    content, message = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    assert_clean_error(claimcheck("ingest", articles, bad), message)
    assert counts(claimcheck.db) == before


def test_huge_file_is_refused_before_reading(claimcheck, tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as file:
        file.truncate(50 * 1024 * 1024)
    assert_clean_error(claimcheck("ingest", huge), "MB")
    assert not Path(claimcheck.db).exists() or counts(claimcheck.db)["claims"] == 0


def test_bad_sql_and_writes_are_refused(claimcheck, articles):
    claimcheck("ingest", articles)
    before = counts(claimcheck.db)
    assert_clean_error(claimcheck("query", "selec * from claims"), "bad SQL")
    assert_clean_error(claimcheck("query", "delete from claims"), "read-only")
    assert_clean_error(claimcheck("query", "drop table claims"), "read-only")
    assert counts(claimcheck.db) == before


def test_missing_model_is_a_clear_error(claimcheck, articles, tmp_path):
    claimcheck("ingest", articles)
    before = counts(claimcheck.db)
    assert_clean_error(
        claimcheck("check", "--model", tmp_path / "no-such-model"), "model"
    )
    assert counts(claimcheck.db) == before


def test_commands_need_a_database(claimcheck):
    assert_clean_error(claimcheck("claims"), "no such database")


def test_check_dates_one_event_told_in_other_words(claimcheck, tmp_path, monkeypatch):
    folder = tmp_path / "fire"
    folder.mkdir()
    for name, source, sentence in (
        (
            "herald.txt",
            "Hill Herald",
            "The fire broke out on July 9 in dry brush near a campground.",
        ),
        (
            "post.txt",
            "Valley Post",
            "Investigators believe the fire ignited on July 11 near the campground.",
        ),
    ):
        (folder / name).write_text(
            f"---\nsource: {source}\npublished: 2025-07-14\n---\n{sentence}\n",
            encoding="utf-8",
        )
    claimcheck("ingest", folder)
    report = json.loads(claimcheck("check", "--no-nli", "--format", "json").output)
    assert [f["kind"] for f in report["findings"]] == ["date"]
    assert Store(claimcheck.db).db["text_vectors"].count == 2  # the two clauses, stored

    from claimcheck.analysis import embeddings

    def no_embedding(self, texts):
        raise AssertionError(f"embedded again: {texts}")

    monkeypatch.setattr(
        embeddings.Embedder, "embed", no_embedding
    )  # a re-check embeds nothing
    again = json.loads(claimcheck("check", "--no-nli", "--format", "json").output)
    assert again["findings"] == report["findings"]
    monkeypatch.undo()
    monkeypatch.setenv(
        "CLAIMCHECK_EMBED_MODEL", "none"
    )  # without embeddings, one event needs one verb
    report = json.loads(claimcheck("check", "--no-nli", "--format", "json").output)
    assert report["findings"] == []
