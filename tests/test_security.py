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

def test_query_refuses_a_sqlite_file_that_is_not_claimcheck_and_leaves_it_untouched(claimcheck, tmp_path):
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
    for sql in ["pragma journal_mode=delete", "pragma user_version=7", "pragma query_only=0",
                "vacuum into 'copy.db'", f"attach database 'file:{db.parent / 'new.db'}?mode=rwc' as n",
                "delete from claims", "create table t (x)", "insert into sources (name) values ('x')"]:
        result = ingested("query", sql)
        one_error_line(result, "read-only")
    assert digest(db) == before
    assert not (db.parent / "new.db").exists() and not Path("copy.db").exists()
    assert json.loads(ingested("query", "pragma table_info(claims)", "--json").output)


def test_query_does_not_migrate_an_older_database(ingested):
    conn = sqlite3.connect(ingested.db)
    conn.execute("delete from _migrations where name = (select max(name) from _migrations)")
    conn.commit()
    conn.close()
    before = digest(Path(ingested.db))
    result = ingested("query", "select count(*) as n from _migrations", "--csv")
    assert result.exit_code == 0, result.output
    assert digest(Path(ingested.db)) == before


def test_query_timeout_stops_a_long_statement(ingested):
    started = time.monotonic()
    result = ingested("query", FOREVER, "--timeout", "0.5")
    one_error_line(result, "--timeout")
    assert time.monotonic() - started < 10


def test_ctrl_c_interrupts_a_running_query(ingested):
    env = {**os.environ, "CLAIMCHECK_DB": ingested.db}
    process = subprocess.Popen([sys.executable, "-m", "claimcheck", "query", FOREVER, "--timeout", "300"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    assert process.poll() is None
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=20)
    assert time.monotonic() - sent < 5
    assert process.returncode != 0


def test_query_rows_stream_in_every_format(ingested):
    sql = ("with recursive s(n) as (select 1 union all select n + 1 from s where n < 2500) "
           "select n, 'x' || n as label, null as empty from s")
    as_json = json.loads(ingested("query", sql, "--json").output)
    assert len(as_json) == 2500 and as_json[0] == {"n": 1, "label": "x1", "empty": None}
    assert [json.loads(line) for line in ingested("query", sql, "--nl").output.splitlines()] == as_json
    lines = ingested("query", sql, "--csv").output.splitlines()
    assert lines[0] == "n,label,empty" and len(lines) == 2501 and lines[-1] == "2500,x2500,"
    table = ingested("query", sql).output.splitlines()
    assert table[0].split() == ["n", "label", "empty"] and len(table) == 2502
    assert ingested("query", "select 1 as a where 0", "--csv").output == "a\n"
    assert ingested("query", "select 1 as a where 0", "--json").output == "[]\n"
