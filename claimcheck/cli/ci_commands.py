"""Reviewing findings in CI: write a baseline of known findings, accept a finding."""

from __future__ import annotations

import click

from claimcheck.cli.context import open_store, say
from claimcheck.reports.baseline import write_baseline


@click.group()
def baseline():
    """Baselines: findings known and reviewed, which checks given --baseline FILE do not report."""


@baseline.command("write")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_obj
def write(obj, file):
    """Record the open findings of the database in FILE (JSON, one entry per fingerprint)."""
    findings = open_store(obj).findings(status="open")
    write_baseline(file, findings)
    say(f"{len(findings)} open finding(s) written to {file}")


@click.command()
@click.argument("finding")
@click.option(
    "--reason",
    required=True,
    help="Why the finding is fine (kept with it in the database).",
)
@click.pass_obj
def accept(obj, finding, reason):
    """Mark FINDING (a fingerprint, or a unique prefix of one) as reviewed: checks no longer report it."""
    accepted = open_store(obj).accept_finding(finding, reason)
    say(f"accepted {accepted}: {reason}")


COMMANDS = [baseline, accept]
