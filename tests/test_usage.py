"""Everyday use: CLI habits, progress and readable output."""
import json

import click
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from tests.test_reliability import write_article


@pytest.fixture
def checked(claimcheck, tmp_path):
    write_article(tmp_path / "a", "a.txt", "Ledger", "Ohio", 61)
    write_article(tmp_path / "a", "b.txt", "Wire", "Ohio", 58)
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
    assert result.exit_code == 0 and len(json.loads(result.output)) == 4
    result = runner.invoke(cli, ["--db", str(tmp_path / "other.db"), "sources", "--db", checked.db, "--json"])
    assert {row["source"] for row in json.loads(result.output)} == {"Ledger", "Wire"}
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
