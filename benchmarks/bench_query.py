"""`claimcheck query` streams: peak memory (RSS) of the process for 100,000 and 1,000,000 rows, each format.

    python benchmarks/bench_query.py [--rows 100000 1000000] [--formats json csv nl table] [--root REPO]

Each query runs in a fresh `claimcheck` process writing to /dev/null; its peak RSS is read with getrusage
(through a small wrapper process, so each figure is one process's own). Rows are generated in SQL (a recursive
CTE: an integer, a 40-character text, a real), so the database is tiny and only the result is large. With
--root, another checkout's claimcheck runs (to compare before and after).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL = (
    "with recursive s(n) as (select 1 union all select n + 1 from s where n < {rows}) "
    "select n, printf('claim number %034d', n) as text, n / 7.0 as score from s"
)
WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t, "
    "done.stderr.strip()[-200:].replace(chr(10), ' '))"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--formats", nargs="+", default=["json", "csv", "nl", "table"])
    parser.add_argument("--root", default=str(ROOT))
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "PYTHONPATH": options.root,
            "CLAIMCHECK_DB": str(Path(folder) / "claims.db"),
        }
        article = Path(folder) / "a.txt"
        article.write_text(
            "---\nsource: Ledger\n---\nTurnout in Ohio was 61 percent on Tuesday.\n",
            encoding="utf-8",
        )
        subprocess.run(
            [sys.executable, "-m", "claimcheck", "ingest", str(article)],
            env=env,
            cwd=folder,
            check=True,
            capture_output=True,
        )
        print(f"claimcheck from {options.root}")
        print(f"{'rows':>9}  {'format':<6}  {'peak RSS':>10}  {'time':>7}")
        for rows in options.rows:
            for fmt in options.formats:
                args = [
                    sys.executable,
                    "-m",
                    "claimcheck",
                    "query",
                    SQL.format(rows=rows),
                    f"--{fmt}",
                ]
                if (
                    "--timeout"
                    in subprocess.run(
                        [sys.executable, "-m", "claimcheck", "query", "--help"],
                        env=env,
                        cwd=folder,
                        capture_output=True,
                        text=True,
                    ).stdout
                ):
                    args += ["--timeout", "600"]
                out = subprocess.run(
                    [sys.executable, "-c", WRAPPER, *args],
                    env=env,
                    cwd=folder,
                    capture_output=True,
                    text=True,
                ).stdout.split(maxsplit=3)
                code, peak_kb, seconds = int(out[0]), int(out[1]), float(out[2])
                note = (
                    ""
                    if code == 0
                    else f"  exit {code}: {out[3] if len(out) > 3 else ''}"
                )
                print(
                    f"{rows:>9,}  {fmt:<6}  {peak_kb / 1024:>7.0f} MB  {seconds:>6.1f}s{note}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
