"""Everyday use: CLI habits, progress and readable output."""

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from tests.conftest import Claimcheck
from tests.test_reliability import write_article

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def checked(claimcheck, tmp_path):
    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    write_article(tmp_path / "a", "b.txt", "Wire", "Ohio", 58)
    write_article(tmp_path / "a", "c.txt", "Post", "Ohio", 70)
    assert claimcheck("ingest", tmp_path / "a").exit_code == 0
    return claimcheck


# --- item 12: CLI habits ----------------------------------------------------------------------------------------------


def test_dash_h_is_help_everywhere():
    runner = CliRunner()
    for args in (
        ["-h"],
        ["check", "-h"],
        ["entities", "reference", "-h"],
        ["baseline", "write", "-h"],
    ):
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0 and "Usage:" in result.output, (
            args,
            result.output,
        )


def test_db_may_come_after_the_command(checked, tmp_path):
    runner = CliRunner()
    result = runner.invoke(
        cli, ["claims", "--json", "--db", checked.db], catch_exceptions=False
    )
    assert result.exit_code == 0 and len(json.loads(result.output)) == 6
    result = runner.invoke(
        cli,
        ["--db", str(tmp_path / "other.db"), "sources", "--db", checked.db, "--json"],
        catch_exceptions=False,
    )
    assert {row["source"] for row in json.loads(result.output)} == {
        "Ledger",
        "Post",
        "Wire",
    }
    result = runner.invoke(
        cli, ["entities", "--db", checked.db, "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output


def test_fail_on_takes_several_kinds(checked):
    report = json.loads(
        checked("check", "--no-nli", "--format", "json", "--fail-on", "none").stdout
    )
    kinds = {f["kind"] for f in report["findings"]}
    assert "number" in kinds and "date" not in kinds and "name" not in kinds
    assert checked("check", "--no-nli", "--fail-on", "date,name").exit_code == 0
    assert checked("check", "--no-nli", "--fail-on", "date,number").exit_code == 1
    assert (
        checked(
            "check", "--no-nli", "--fail-on", "date", "--fail-on", "number"
        ).exit_code
        == 1
    )
    bad = checked("check", "--no-nli", "--fail-on", "date,numbr")
    assert bad.exit_code == 2 and "numbr" in bad.output


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + (name,))


def test_every_option_has_help():
    missing = [
        f"{' '.join(path)} {param.opts[0]}"
        for path, command in all_commands(cli)
        for param in command.params
        if isinstance(param, click.Option) and not (param.help or "").strip()
    ]
    assert missing == []
    assert all(
        (param.help or "").strip()
        for param in cli.params
        if isinstance(param, click.Option)
    )


def test_threshold_help_names_the_check_threshold():
    text = (
        CliRunner()
        .invoke(cli, ["check", "--help"], terminal_width=200, catch_exceptions=False)
        .output
    )
    assert "check_threshold" in text and "not its evaluation" in text


def test_a_rules_only_summary_has_no_nli_threshold(checked):
    summary = json.loads(checked("check", "--no-nli", "--format", "json").stdout)[
        "summary"
    ]
    assert summary["model"] is None and summary["threshold"] is None


# --- item 11: progress and readable output ----------------------------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch):
    """stderr and stdout are a terminal, 30 columns wide."""
    from claimcheck import cli as cli_module
    from claimcheck import progress
    from claimcheck.cli import pipeline_commands

    monkeypatch.setattr(progress, "_enabled", False)
    monkeypatch.setattr(cli_module, "stderr_is_terminal", lambda: True)
    monkeypatch.setattr(pipeline_commands, "is_terminal", lambda stream: True)
    monkeypatch.setattr(pipeline_commands, "terminal_width", lambda: 30)
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_progress_bars_show_on_a_terminal_only_and_not_with_quiet(
    claimcheck, tmp_path, monkeypatch
):
    from claimcheck import cli as cli_module
    from claimcheck import progress

    monkeypatch.setattr(progress, "_enabled", False)
    for name, source, number, verb in (
        ("a.txt", "Ledger", 61, "praised"),
        ("b.txt", "Wire", 58, "criticised"),
    ):  # one pair of claims for the NLI model to judge, so that its stage shows
        path = write_article(tmp_path / "a", name, source, "Ohio", number)
        with open(path, "a", encoding="utf-8") as article:
            article.write(f"The minister {verb} the new stadium plan in Ohio.\n")
    piped = claimcheck("run", tmp_path / "a", "--fail-on", "none")
    assert (
        "loading" not in piped.stderr
        and "NLI" not in piped.stderr
        and "2 new" in piped.stderr
    )
    monkeypatch.setattr(cli_module, "stderr_is_terminal", lambda: True)
    shown = Claimcheck(tmp_path / "fresh.db")(
        "run", tmp_path / "a", "--fail-on", "none"
    )  # nothing cached
    assert (
        "loading" in shown.stderr
        and "parsing" in shown.stderr
        and "pairing" in shown.stderr
    ), shown.stderr
    assert "NLI" in shown.stderr and "batch" in shown.stderr
    assert "loading" not in shown.stdout
    quiet = claimcheck("--quiet", "run", tmp_path / "a", "--fail-on", "none")
    assert quiet.stderr == "" and quiet.exit_code == 0


def test_limit_and_summary(checked):
    full = checked("check", "--no-nli")
    headers = [line for line in full.stdout.splitlines() if "  score " in line]
    assert len(headers) >= 2
    limited = checked("check", "--no-nli", "--limit", "1")
    assert limited.exit_code == full.exit_code == 1
    assert [
        line for line in limited.stdout.splitlines() if "  score " in line
    ] == headers[:1]
    assert f"... and {len(headers) - 1} more" in limited.stdout
    assert limited.stdout.splitlines()[-1] == full.stdout.splitlines()[-1]
    report = json.loads(
        checked("check", "--no-nli", "--limit", "1", "--format", "json").stdout
    )
    assert len(report["findings"]) == 1 and report["summary"]["findings"] == len(
        headers
    )
    summary = checked("check", "--no-nli", "--summary")
    assert (
        summary.stdout.splitlines() == full.stdout.splitlines()[-1:]
        and summary.exit_code == 1
    )


def test_on_a_terminal_text_wraps_to_its_width_and_kinds_are_coloured(
    checked, terminal, monkeypatch
):
    shown = checked("check", "--no-nli").stdout
    assert "\x1b[1;33mNUMBER\x1b[0m  score" in shown
    texts = [line for line in shown.splitlines() if line.startswith("      ")]
    assert texts and all(len(line) <= 30 for line in texts), shown
    assert len(texts) > 2 * shown.count(
        "  score "
    )  # claims were wrapped onto more lines
    monkeypatch.setenv("NO_COLOR", "1")
    plain = checked("check", "--no-nli").stdout
    assert "\x1b" not in plain and "NUMBER  score" in plain
    piped = checked("check", "--no-nli", "--output", "/dev/null")
    assert "\x1b" not in piped.output


# --- item 13: a lighter install ---------------------------------------------------------------------------------------

HIDDEN = ("torch", "functorch", "torchgen")  # what the train extra's torch installs


def run_python(code: str, without_torch=None):
    """Run code in a fresh interpreter; with `without_torch` (a folder), one whose site-packages lacks torch:
    the venv's packages are linked there, torch's left out, and the interpreter skips its own site (-S)."""
    import os
    import site
    import subprocess
    import sys

    env, args = dict(os.environ), [sys.executable]
    if without_torch is not None:
        packages = Path(without_torch)
        packages.mkdir(exist_ok=True)
        for folder in site.getsitepackages():
            for entry in Path(folder).iterdir():
                stem = entry.name.split("-")[0].split(".")[0].lower()
                if stem not in HIDDEN and not (packages / entry.name).exists():
                    (packages / entry.name).symlink_to(entry)
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(packages)])
        args.append("-S")
    return subprocess.run(
        [*args, "-c", code], capture_output=True, text=True, timeout=300, env=env
    )


def test_the_shipped_model_runs_without_torch_and_without_its_warning(
    checked, tmp_path
):
    done = run_python(
        "import importlib.util, sys\nassert importlib.util.find_spec('torch') is None\n"
        "from claimcheck.cli import cli\n"
        f"cli(['--db', {checked.db!r}, 'check', '--fail-on', 'none'])",
        without_torch=tmp_path / "site",
    )
    assert done.returncode == 0, done.stderr
    assert "findings" in done.stdout and "PyTorch was not found" not in done.stderr, (
        done.stderr
    )


def test_a_torch_only_model_without_torch_names_the_extra(checked, tmp_path):
    from tests.tiny_nli import build_tiny_nli_model

    model = build_tiny_nli_model(tmp_path / "tiny")
    done = run_python(
        "from claimcheck.cli import cli\n"
        f"cli(['--db', {checked.db!r}, 'check', '--model', {model!r}])",
        without_torch=tmp_path / "site",
    )
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1, done.stderr
    assert (
        lines[0].startswith("Error: ")
        and "claimcheck[train]" in lines[0]
        and "PyTorch" in lines[0]
    )


def test_help_sources_and_query_import_neither_pandas_nor_torch(checked):
    for args in (["--help"], ["sources"], ["query", "select count(*) from claims"]):
        done = run_python(
            "import sys\nfrom claimcheck.cli import cli\n"
            f"try:\n    cli.main({['--db', checked.db, *args]!r})\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('pandas', 'torch', 'transformers', 'datasets', 'sklearn') "
            "if m in sys.modules]\nprint('HEAVY', heavy)"
        )
        assert "HEAVY []" in done.stdout, (
            args,
            done.stdout[-300:],
            done.stderr[-2000:],
        )


def test_pandas_still_imports_after_the_store():
    done = run_python("import claimcheck.store, pandas; print(pandas.__name__)")
    assert done.returncode == 0 and done.stdout.strip() == "pandas", done.stderr


def test_train_nli_without_torch_names_the_extra(tmp_path):
    data = tmp_path / "pairs.jsonl"
    data.write_text(
        '{"premise": "A man sleeps.", "hypothesis": "A man is awake.", "label": "contradiction"}\n'
    )
    done = run_python(
        "from claimcheck.cli import cli\n"
        f"cli(['train-nli', '--data', {str(data)!r}, '--out', {str(tmp_path / 'out')!r}])",
        without_torch=tmp_path / "site",
    )
    lines = done.stderr.strip().splitlines()
    assert (
        done.returncode == 2 and len(lines) == 1 and "claimcheck[train]" in lines[0]
    ), done.stderr
