"""How long `claimcheck --help`, `sources` and `query` take to start: median CPU and wall time of fresh processes.

    python benchmarks/bench_startup.py [--root REPO] [--runs 7]

--root runs another checkout's claimcheck (its folder goes first on PYTHONPATH), to compare before and after.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "---\nsource: Ledger\n---\nTurnout in Ohio was 61 percent on Tuesday.\n"


def timed(args: list[str], env: dict) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one process: on a busy machine CPU time varies less."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        env=env,
        check=True,
        capture_output=True,
        cwd=env["BENCH_CWD"],
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=str(ROOT))
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "PYTHONPATH": options.root,
            "CLAIMCHECK_DB": str(Path(folder) / "claims.db"),
            "BENCH_CWD": folder,
        }  # not the repository: `python -m` would import the claimcheck there
        (Path(folder) / "a.txt").write_text(ARTICLE, encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "claimcheck", "ingest", str(Path(folder) / "a.txt")],
            env=env,
            check=True,
            capture_output=True,
        )
        timed(["--help"], env)  # warm the file cache
        for args in (["--help"], ["sources"], ["query", "select count(*) from claims"]):
            walls, cpus = zip(
                *(timed(args, env) for _ in range(options.runs)), strict=True
            )
            print(
                f"claimcheck {' '.join(args):<36} CPU median {statistics.median(cpus):.3f} s (min {min(cpus):.3f}), "
                f"wall median {statistics.median(walls):.3f} s; {options.runs} runs; root {options.root}"
            )


if __name__ == "__main__":
    main()
