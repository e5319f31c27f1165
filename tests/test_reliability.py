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

from claimcheck.store import Store

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """---
source: {source}
published: 2025-08-1{day}
---
Turnout in {place} was {number} percent on Tuesday.
The minister attended the summit in {place}.
"""


def write_article(folder: Path, name: str, source: str, place: str, number: int, day: int = 6) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(ARTICLE.format(source=source, place=place, number=number, day=day), encoding="utf-8")
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

def test_a_writer_that_cannot_get_the_lock_says_so_in_one_line_and_exits_2(claimcheck, tmp_path):
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
            write_article(folder, f"{n}.txt", f"Source {index}", f"Town{index}x{n}", 40 + n)
        folders.append(folder)
    env = {**os.environ, "CLAIMCHECK_DB": str(db)}
    processes = [subprocess.Popen([sys.executable, "-m", "claimcheck", "ingest", str(folder)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for folder in folders]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    assert Store(db).db["documents"].count == 12


def test_a_check_waits_for_an_ingest_that_commits_meanwhile(claimcheck, tmp_path):
    # a transaction that reads before it writes must not fail when another writer commits in between
    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    write_article(tmp_path / "a", "b.txt", "Wire", "Ohio", 58)
    assert claimcheck("ingest", tmp_path / "a").exit_code == 0
    lock = WriteLock(claimcheck.db)
    lock.conn.execute("insert into ingests (started_at, paths) values ('2026-01-01', 'elsewhere')")

    def commit():
        lock.conn.execute("COMMIT")
        lock.conn.close()
    threading.Timer(4.0, commit).start()
    result = claimcheck("check", "--no-nli", "--format", "json")
    assert result.exit_code == 1, result.output
    assert json.loads(result.output)["summary"]["findings"] >= 1
