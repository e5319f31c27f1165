"""Reliability: concurrent writers, interrupted and stale checks, findings that go away, odd file names."""

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from claimcheck.store.database import Store

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """---
source: {source}
published: 2025-08-1{day}
---
Turnout in {place} was {number} percent on Tuesday.
The minister attended the summit in {place}.
"""


def write_article(
    folder: Path, name: str, source: str, place: str, number: int, day: int = 6
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        ARTICLE.format(source=source, place=place, number=number, day=day),
        encoding="utf-8",
    )
    return path


def one_error_line(result, message: str) -> str:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert message.lower() in lines[0].lower(), lines[0]
    return lines[0]


class WriteLock:
    """Another process's write transaction on the database, held until released."""

    def __init__(self, db: str):
        self.conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self):
        self.conn.execute("ROLLBACK")
        self.conn.close()


# --- item 2: two writers ---------------------------------------------------------------------------------------------


def test_a_writer_that_cannot_get_the_lock_says_so_in_one_line_and_exits_2(
    claimcheck, tmp_path
):
    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    write_article(tmp_path / "b", "b.txt", "Wire", "Ohio", 58)
    assert claimcheck("ingest", tmp_path / "a").exit_code == 0
    lock = WriteLock(claimcheck.db)
    try:
        started = time.monotonic()
        result = claimcheck("--lock-timeout", "0.3", "ingest", tmp_path / "b")
        one_error_line(result, "locked")
        assert time.monotonic() - started < 10
        # readers are not blocked by a writer
        listed = claimcheck("claims", "--json")
        assert listed.exit_code == 0 and len(json.loads(listed.output)) == 2
    finally:
        lock.release()
    assert Store(claimcheck.db).db["documents"].count == 1


def test_a_writer_waits_for_the_lock(claimcheck, tmp_path):
    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    write_article(tmp_path / "b", "b.txt", "Wire", "Ohio", 58)
    assert claimcheck("ingest", tmp_path / "a").exit_code == 0
    lock = WriteLock(claimcheck.db)
    threading.Timer(1.0, lock.release).start()
    result = claimcheck("--lock-timeout", "20", "ingest", tmp_path / "b")
    assert result.exit_code == 0, result.output
    assert Store(claimcheck.db).db["documents"].count == 2


def test_two_ingests_started_together_both_land(tmp_path):
    db = tmp_path / "claims.db"
    folders = []
    for index in range(2):
        folder = tmp_path / f"batch{index}"
        for n in range(6):
            write_article(
                folder, f"{n}.txt", f"Source {index}", f"Town{index}x{n}", 40 + n
            )
        folders.append(folder)
    env = {**os.environ, "CLAIMCHECK_DB": str(db)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "claimcheck", "ingest", str(folder)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    assert Store(db).db["documents"].count == 12


def test_a_check_waits_for_an_ingest_that_commits_meanwhile(claimcheck, tmp_path):
    # a transaction that reads before it writes must not fail when another writer commits in between
    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    write_article(tmp_path / "a", "b.txt", "Wire", "Ohio", 58)
    assert claimcheck("ingest", tmp_path / "a").exit_code == 0
    lock = WriteLock(claimcheck.db)
    lock.conn.execute(
        "insert into ingests (started_at, paths) values ('2026-01-01', 'elsewhere')"
    )

    def commit():
        lock.conn.execute("COMMIT")
        lock.conn.close()

    threading.Timer(4.0, commit).start()
    result = claimcheck("check", "--no-nli", "--format", "json")
    assert result.exit_code == 1, result.output
    assert json.loads(result.output)["summary"]["findings"] >= 1


# --- item 1: a check records the last ingest it saw when it started -------------------------------------------------


def test_claims_ingested_while_a_check_runs_are_checked_by_the_next_new_only(
    claimcheck, tmp_path, monkeypatch
):
    from claimcheck import pipeline

    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    write_article(tmp_path / "b", "b.txt", "Wire", "Ohio", 58)
    assert claimcheck("ingest", tmp_path / "a").exit_code == 0
    original = Store.transaction
    ingested = []

    def transaction(self):
        # the check has read the claims and now saves its findings: meanwhile another process ingested b/
        if not ingested:
            ingested.append(None)
            ingested[0] = pipeline.ingest(Store(claimcheck.db), [str(tmp_path / "b")])
        return original(self)

    monkeypatch.setattr(Store, "transaction", transaction)
    assert claimcheck("check", "--no-nli").exit_code == 0
    monkeypatch.setattr(Store, "transaction", original)
    assert ingested and ingested[0].claims == 2
    result = claimcheck("check", "--new-only", "--no-nli", "--format", "json")
    summary = json.loads(result.output)["summary"]
    assert summary["new_claims"] == 2 and summary["findings"] >= 1, summary


# --- item 4: findings a later check no longer finds are resolved ----------------------------------------------------


def open_findings(claimcheck) -> set[str]:
    return {
        row["id"]
        for row in json.loads(
            claimcheck("findings", "--json", "--status", "open").output
        )
    }


def test_a_full_check_resolves_what_it_no_longer_finds_and_reopens_what_it_finds_again(
    claimcheck, tmp_path
):
    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    wire = write_article(tmp_path / "a", "b.txt", "Wire", "Ohio", 58)
    original = wire.read_text(encoding="utf-8")
    first = json.loads(
        claimcheck("run", tmp_path / "a", "--no-nli", "--format", "json").stdout
    )
    found = {f["id"] for f in first["findings"]}
    assert found and open_findings(claimcheck) == found
    wire.write_text(
        original.replace("58", "61"), encoding="utf-8"
    )  # the Wire corrects its figure
    second = json.loads(
        claimcheck("run", tmp_path / "a", "--no-nli", "--format", "json").stdout
    )
    assert second["summary"]["findings"] == len(open_findings(claimcheck))
    assert not found & open_findings(claimcheck)
    resolved = {
        row["id"]
        for row in json.loads(
            claimcheck("findings", "--status", "resolved", "--json").output
        )
    }
    assert resolved == found - {f["id"] for f in second["findings"]}
    assert json.loads(claimcheck("findings", "--json").output) == json.loads(
        claimcheck("findings", "--json", "--status", "open").output
    )
    assert sum(
        s["open_findings"] for s in json.loads(claimcheck("sources", "--json").output)
    ) == sum(2 for _ in open_findings(claimcheck))
    claimcheck("baseline", "write", tmp_path / "baseline.json")
    assert len(json.loads((tmp_path / "baseline.json").read_text())["findings"]) == len(
        open_findings(claimcheck)
    )
    wire.write_text(original, encoding="utf-8")  # ... and back
    claimcheck("run", tmp_path / "a", "--no-nli")
    assert found <= open_findings(claimcheck)


def test_the_issue_example_lists_what_the_check_reported(claimcheck):
    claimcheck("run", ROOT / "fixtures" / "news", "--no-nli")
    claimcheck("entities", "reference", ROOT / "fixtures" / "names.csv")
    report = json.loads(claimcheck("check", "--no-nli", "--format", "json").stdout)
    assert open_findings(claimcheck) == {f["id"] for f in report["findings"]}


def plant_finding(db: str, model: str) -> str:
    """An open finding between two active claims, last found by a check with this model."""
    conn = sqlite3.connect(db)
    a, b = [
        row[0]
        for row in conn.execute(
            "select id from claims where not superseded order by id limit 2"
        )
    ]
    check = conn.execute(
        "insert into checks (started_at, finished_at, model, threshold, last_ingest, new_only) "
        "values ('2026-01-01', '2026-01-01', ?, 0.5, 0, 0)",
        [model],
    ).lastrowid
    conn.execute(
        "insert into findings (id, kind, score, explanation, claim_a, claim_b, first_check, last_check, "
        "status) values (?, 'contradiction', 0.9, 'planted', ?, ?, ?, ?, 'open')",
        [f"planted{model[:4]}", a, b, check, check],
    )
    conn.commit()
    conn.close()
    return f"planted{model[:4]}"


def test_new_only_touches_only_findings_of_the_claims_it_checked(claimcheck, tmp_path):
    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    assert claimcheck("run", tmp_path / "a", "--no-nli").exit_code == 0
    planted = plant_finding(claimcheck.db, "rules-only")
    write_article(tmp_path / "b", "b.txt", "Wire", "Kent", 58)
    claimcheck("run", tmp_path / "b", "--no-nli", "--new-only")
    assert planted in open_findings(claimcheck)
    claimcheck("check", "--no-nli")
    assert planted not in open_findings(claimcheck)


def test_a_check_without_nli_leaves_nli_findings_open(claimcheck, tmp_path):
    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    assert claimcheck("run", tmp_path / "a", "--no-nli").exit_code == 0
    planted = plant_finding(claimcheck.db, "some-nli-model")
    claimcheck("check", "--no-nli")
    assert planted in open_findings(claimcheck)


# --- item 3: batch file names are names, not patterns ---------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["[a].jsonl", "a*.jsonl", "x::y.jsonl", "b?.csv", "[a].json", "memory::c.csv"],
)
def test_a_batch_file_is_loaded_by_its_exact_name(claimcheck, tmp_path, name):
    folder = tmp_path / "batches"
    folder.mkdir()
    decoy = "The decoy file says turnout was 12 percent."
    (folder / "a.jsonl").write_text(
        json.dumps({"text": decoy, "source": "Decoy"}) + "\n", encoding="utf-8"
    )
    (folder / "b1.csv").write_text(f"text,source\n{decoy},Decoy\n", encoding="utf-8")
    (folder / "c.csv").write_text(f"text,source\n{decoy},Decoy\n", encoding="utf-8")
    text = "The council said turnout was 61 percent."
    target = folder / name
    if name.endswith(".jsonl"):
        target.write_text(
            json.dumps({"text": text, "source": "Ledger"}) + "\n", encoding="utf-8"
        )
    elif name.endswith(".json"):
        target.write_text(
            json.dumps([{"text": text, "source": "Ledger"}]), encoding="utf-8"
        )
    else:
        target.write_text(f"text,source\n{text},Ledger\n", encoding="utf-8")
    result = claimcheck("ingest", target)
    assert result.exit_code == 0, result.output
    rows = json.loads(claimcheck("claims", "--json").output)
    assert [(row["text"], row["source"], row["path"]) for row in rows] == [
        (text, "Ledger", target.as_posix())
    ]


# --- item 6: every bad file is named; --skip-bad ingests the rest -------------------------------------------------


@pytest.fixture
def mixed(tmp_path):
    folder = tmp_path / "mixed"
    write_article(folder, "good1.txt", "Ledger", "Ohio", 61)
    write_article(folder, "good2.txt", "Wire", "Ohio", 58)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(
        "Le président a visité Genève.".encode("latin-1")
    )
    (folder / "broken.jsonl").write_bytes(b'{"text": oops}\n')
    return folder


def test_every_bad_file_is_named_and_nothing_is_written(claimcheck, mixed):
    result = claimcheck("ingest", mixed)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert all(line.startswith("Error: ") for line in lines), lines
    for name in ("empty.txt", "latin1.txt", "broken.jsonl"):
        assert sum(name in line for line in lines) == 1, lines
    assert "--skip-bad" in lines[-1]
    assert (
        not Path(claimcheck.db).exists()
        or Store(claimcheck.db).db["documents"].count == 0
    )


def test_skip_bad_ingests_the_rest_and_names_each_bad_file(claimcheck, mixed):
    result = claimcheck("ingest", mixed, "--skip-bad")
    assert result.exit_code == 0, result.output
    skipped = [
        line for line in result.output.splitlines() if line.startswith("Skipped ")
    ]
    assert len(skipped) == 3 and any("empty.txt" in line for line in skipped)
    assert "2 new" in result.output
    assert Store(claimcheck.db).db["documents"].count == 2


def test_a_csv_field_may_be_longer_than_128_kb(claimcheck, tmp_path):
    sentence = "The council said turnout was 61 percent in the town of Elm Valley. "
    long_text = sentence * (200_000 // len(sentence))
    path = tmp_path / "long.csv"
    path.write_text(f'text,source\n"{long_text}",Ledger\n', encoding="utf-8")
    result = claimcheck("ingest", path)
    assert result.exit_code == 0, result.output
    assert Store(claimcheck.db).db["documents"].count == 1


# --- item 5: moved and re-sourced files ---------------------------------------------------------------------------


def active(claimcheck, table: str) -> list[dict]:
    return json.loads(claimcheck(table, "--json").output)


def test_a_moved_file_is_the_same_document_at_its_new_path(claimcheck, tmp_path):
    old = write_article(tmp_path / "news", "ledger.txt", "Ledger", "Ohio", 61)
    write_article(tmp_path / "news", "wire.txt", "Wire", "Ohio", 58)
    claimcheck("run", tmp_path / "news", "--no-nli")
    claims_before = {row["id"] for row in active(claimcheck, "claims")}
    findings_before = {row["id"] for row in active(claimcheck, "findings")}
    new = tmp_path / "news" / "2025" / "ledger.txt"
    new.parent.mkdir()
    old.rename(new)
    result = claimcheck("ingest", tmp_path / "news")
    assert "1 moved to a new path" in result.output and "0 new" in result.output, (
        result.output
    )
    documents = active(claimcheck, "documents")
    assert len(documents) == 2 and new.as_posix() in {d["path"] for d in documents}
    claims = active(claimcheck, "claims")
    assert {row["id"] for row in claims} == claims_before
    assert old.as_posix() not in {row["path"] for row in claims}
    report = json.loads(claimcheck("check", "--no-nli", "--format", "json").stdout)
    assert {f["id"] for f in report["findings"]} == findings_before
    paths = {c["path"] for f in report["findings"] for c in f["claims"]}
    assert new.as_posix() in paths and old.as_posix() not in paths


def test_a_copy_whose_original_is_still_there_is_another_document(claimcheck, tmp_path):
    original = write_article(tmp_path / "news", "ledger.txt", "Ledger", "Ohio", 61)
    claimcheck("ingest", tmp_path / "news")
    copy = tmp_path / "news" / "copy" / "ledger.txt"
    copy.parent.mkdir()
    copy.write_bytes(original.read_bytes())
    assert "1 new" in claimcheck("ingest", tmp_path / "news").output
    assert len(active(claimcheck, "documents")) == 2


def test_reingesting_with_another_source_applies_it(claimcheck, tmp_path):
    write_article(tmp_path / "news", "ledger.txt", "Ledger", "Ohio", 61)
    claimcheck("ingest", tmp_path / "news")
    result = claimcheck("ingest", tmp_path / "news", "--source", "Northern Ledger")
    assert "1 given another source" in result.output, result.output
    assert {row["source"] for row in active(claimcheck, "claims")} == {
        "Northern Ledger"
    }
    assert {row["source"] for row in active(claimcheck, "documents")} == {
        "Northern Ledger"
    }
    assert (
        "unchanged"
        in claimcheck("ingest", tmp_path / "news", "--source", "Northern Ledger").output
    )


# --- item 9: a stalled Hub is a clear error, soon ------------------------------------------------------------------


def test_a_hub_that_accepts_and_never_answers_is_a_clear_error_within_20_seconds(
    claimcheck, tmp_path
):
    import socket

    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    assert claimcheck("ingest", tmp_path / "a").exit_code == 0
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []

    def accept_and_say_nothing():
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept_and_say_nothing, daemon=True).start()
    env = {
        **os.environ,
        "CLAIMCHECK_DB": claimcheck.db,
        "HF_ENDPOINT": f"http://127.0.0.1:{server.getsockname()[1]}",
        "HF_HUB_CACHE": str(tmp_path / "hub-cache"),
        "HF_HOME": str(tmp_path / "hf-home"),
    }
    for key in ("HF_HUB_OFFLINE", "HF_HUB_ETAG_TIMEOUT", "HF_HUB_DOWNLOAD_TIMEOUT"):
        env.pop(key, None)
    started = time.monotonic()
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "claimcheck",
                "check",
                "--model",
                "some-org/some-nli-model",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        server.close()
        for conn in held:
            conn.close()
    assert time.monotonic() - started < 20
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert (
        len(lines) == 1
        and lines[0].startswith("Error: ")
        and "some-org/some-nli-model" in lines[0]
    ), done.stderr
