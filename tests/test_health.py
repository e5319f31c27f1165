"""Code health: lint, format, types and the layers' import rules, run as part of the suite.

Each tool runs from the repository root, so the configuration in pyproject.toml applies
([tool.ruff], [tool.mypy], [tool.importlinter]); a failure shows the tool's own report.
"""

import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINTED = ["claimcheck", "tests", "benchmarks", "docs", "examples"]
# Talking to the database: a store's sqlite-utils Database or connection, or running SQL on one.
RAW_SQL = re.compile(r"\.db\.|\.db\[|\.execute\(|\.executemany\(|\.conn\b")
# The store owns all SQL; the CLI may name sqlite3's error types, which these patterns do not match.
SQL_HOME = ROOT / "claimcheck" / "store"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True
    )


def report(result: subprocess.CompletedProcess) -> str:
    command = " ".join(["python", *result.args[1:]])
    return f"`{command}` exited {result.returncode}:\n{result.stdout}{result.stderr}"


def test_ruff_lint_and_format_pass():
    lint = run("-m", "ruff", "check", *LINTED)
    assert lint.returncode == 0, report(lint)
    formatted = run("-m", "ruff", "format", "--check", *LINTED)
    assert formatted.returncode == 0, report(formatted)


def test_mypy_passes():
    result = run("-m", "mypy")  # files and options from [tool.mypy]
    assert result.returncode == 0, report(result)


def test_import_contracts_are_kept():
    # import-linter has no `python -m` entry point: this is what its lint-imports script runs
    result = run(
        "-c",
        "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())",
    )
    assert result.returncode == 0, report(result)


def code_lines(source: str) -> list[str]:
    """The source's lines with comments and string literals blanked out, so only code is searched."""
    lines = [list(line) for line in source.splitlines()]
    literal = {tokenize.COMMENT, tokenize.STRING}
    if hasattr(tokenize, "FSTRING_MIDDLE"):  # Python 3.12+: an f-string's literal parts
        literal.add(tokenize.FSTRING_MIDDLE)
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type not in literal:
            continue
        (first, start), (last, end) = token.start, token.end
        for row in range(first, last + 1):
            line = lines[row - 1]
            begin = start if row == first else 0
            stop = end if row == last else len(line)
            line[begin:stop] = " " * (stop - begin)
    return ["".join(line) for line in lines]


def raw_sql_uses(files) -> list[str]:
    """`path:line: code` for each line of code in `files` that matches RAW_SQL."""
    found = []
    for path in files:
        source = path.read_text(encoding="utf-8")
        for number, (code, line) in enumerate(
            zip(code_lines(source), source.splitlines(), strict=True), 1
        ):
            if RAW_SQL.search(code):
                where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                found.append(f"{where}:{number}: {line.strip()}")
    return found


def test_raw_sql_stays_in_the_store():
    outside = [
        path
        for path in sorted((ROOT / "claimcheck").rglob("*.py"))
        if not path.is_relative_to(SQL_HOME)
    ]
    assert len(outside) > 20  # the package was found
    offenders = raw_sql_uses(outside)
    assert not offenders, (
        "raw SQL outside claimcheck/store (move it into a Store method):\n"
        + "\n".join(offenders)
    )


def test_the_sql_check_finds_code_not_comments_or_strings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Uses store.db.execute( in prose."""\n'
        "rows = store.db.execute('select 1')  # raw SQL\n"
        "# store.conn is mentioned in a comment\n"
        "message = 'x.executemany( in a string'\n"
        "store.db['claims'].insert_all(rows)\n"
        "connection = store.conn\n"
        "store.connect()\n",
        encoding="utf-8",
    )
    assert [line.split(":")[1] for line in raw_sql_uses([sample])] == ["2", "5", "6"]
