"""Everyday use: CLI habits, progress and readable output."""
import json

import click
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from tests.conftest import Claimcheck
from tests.test_reliability import write_article


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
    for args in (["-h"], ["check", "-h"], ["entities", "reference", "-h"], ["baseline", "write", "-h"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0 and "Usage:" in result.output, (args, result.output)


def test_db_may_come_after_the_command(checked, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["claims", "--json", "--db", checked.db])
    assert result.exit_code == 0 and len(json.loads(result.output)) == 6
    result = runner.invoke(cli, ["--db", str(tmp_path / "other.db"), "sources", "--db", checked.db, "--json"])
    assert {row["source"] for row in json.loads(result.output)} == {"Ledger", "Post", "Wire"}
    result = runner.invoke(cli, ["entities", "--db", checked.db, "--json"])
    assert result.exit_code == 0, result.output


def test_fail_on_takes_several_kinds(checked):
    report = json.loads(checked("check", "--no-nli", "--format", "json", "--fail-on", "none").stdout)
    kinds = {f["kind"] for f in report["findings"]}
    assert "number" in kinds and "date" not in kinds and "name" not in kinds
    assert checked("check", "--no-nli", "--fail-on", "date,name").exit_code == 0
    assert checked("check", "--no-nli", "--fail-on", "date,number").exit_code == 1
    assert checked("check", "--no-nli", "--fail-on", "date", "--fail-on", "number").exit_code == 1
    bad = checked("check", "--no-nli", "--fail-on", "date,numbr")
    assert bad.exit_code == 2 and "numbr" in bad.output


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + (name,))


def test_every_option_has_help():
    missing = [f"{' '.join(path)} {param.opts[0]}" for path, command in all_commands(cli) for param in command.params
               if isinstance(param, click.Option) and not (param.help or "").strip()]
    assert missing == []
    assert all((param.help or "").strip() for param in cli.params if isinstance(param, click.Option))


def test_threshold_help_names_the_check_threshold():
    text = CliRunner().invoke(cli, ["check", "--help"], terminal_width=200).output
    assert "check_threshold" in text and "not its evaluation" in text


def test_a_rules_only_summary_has_no_nli_threshold(checked):
    summary = json.loads(checked("check", "--no-nli", "--format", "json").stdout)["summary"]
    assert summary["model"] is None and summary["threshold"] is None


# --- item 11: progress and readable output ----------------------------------------------------------------------------

@pytest.fixture
def terminal(monkeypatch):
    """stderr and stdout are a terminal, 30 columns wide."""
    from claimcheck import cli as cli_module, progress
    from claimcheck.cli import pipeline_commands

    monkeypatch.setattr(progress, "_enabled", False)
    monkeypatch.setattr(cli_module, "stderr_is_terminal", lambda: True)
    monkeypatch.setattr(pipeline_commands, "is_terminal", lambda stream: True)
    monkeypatch.setattr(pipeline_commands, "terminal_width", lambda: 30)
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_progress_bars_show_on_a_terminal_only_and_not_with_quiet(claimcheck, tmp_path, monkeypatch):
    from claimcheck import cli as cli_module, progress

    monkeypatch.setattr(progress, "_enabled", False)
    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    write_article(tmp_path / "a", "b.txt", "Wire", "Ohio", 58)
    piped = claimcheck("run", tmp_path / "a", "--fail-on", "none")
    assert "loading" not in piped.stderr and "NLI" not in piped.stderr and "2 new" in piped.stderr
    monkeypatch.setattr(cli_module, "stderr_is_terminal", lambda: True)
    shown = Claimcheck(tmp_path / "fresh.db")("run", tmp_path / "a", "--fail-on", "none")   # nothing cached
    assert "loading" in shown.stderr and "parsing" in shown.stderr and "pairing" in shown.stderr, shown.stderr
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
    assert [line for line in limited.stdout.splitlines() if "  score " in line] == headers[:1]
    assert f"... and {len(headers) - 1} more" in limited.stdout
    assert limited.stdout.splitlines()[-1] == full.stdout.splitlines()[-1]
    report = json.loads(checked("check", "--no-nli", "--limit", "1", "--format", "json").stdout)
    assert len(report["findings"]) == 1 and report["summary"]["findings"] == len(headers)
    summary = checked("check", "--no-nli", "--summary")
    assert summary.stdout.splitlines() == full.stdout.splitlines()[-1:] and summary.exit_code == 1


def test_on_a_terminal_text_wraps_to_its_width_and_kinds_are_coloured(checked, terminal, monkeypatch):
    shown = checked("check", "--no-nli").stdout
    assert "\x1b[1;33mNUMBER\x1b[0m  score" in shown
    texts = [line for line in shown.splitlines() if line.startswith("      ")]
    assert texts and all(len(line) <= 30 for line in texts), shown
    assert len(texts) > 2 * shown.count("  score ")       # claims were wrapped onto more lines
    monkeypatch.setenv("NO_COLOR", "1")
    plain = checked("check", "--no-nli").stdout
    assert "\x1b" not in plain and "NUMBER  score" in plain
    piped = checked("check", "--no-nli", "--output", "/dev/null")
    assert "\x1b" not in piped.output
