"""The main job: ingest articles, check them for contradictions, or both (`run`)."""

from __future__ import annotations

import os
import shutil
import sys

import click

from claimcheck import pipeline
from claimcheck.cli.context import open_store, say
from claimcheck.errors import ClaimcheckError
from claimcheck.records import KINDS
from claimcheck.reports.baseline import read_baseline
from claimcheck.reports.render import FORMATS, printable, render, summary_line

FAIL_LEVELS = ("any", *KINDS, "none")


class FailOn(click.ParamType):
    """--fail-on: one level, or several kinds separated by commas (number,date); repeatable."""

    name = "KIND[,KIND...]"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        levels = tuple(
            part.strip().lower() for part in str(value).split(",") if part.strip()
        )
        unknown = [level for level in levels if level not in FAIL_LEVELS]
        if not levels or unknown:
            self.fail(
                f"{', '.join(map(repr, unknown)) or 'nothing'} is not one of {', '.join(FAIL_LEVELS)}",
                param,
                ctx,
            )
        if len(levels) > 1 and ({"any", "none"} & set(levels)):
            self.fail(
                "any and none stand alone; list kinds to fail on several", param, ctx
            )
        return levels


def known_format(ctx, param, value: str) -> str:
    """--format: a built-in report format, or (loading the plugins) one a plugin registers."""
    if value in FORMATS:
        return value
    from claimcheck import plugins

    return plugins.check_format(value)


def ingest_options(fn):
    fn = click.option(
        "--skip-bad",
        is_flag=True,
        help="Ingest the good files and name each bad one (by default one bad file stops the ingest, "
        "naming every bad file).",
    )(fn)
    fn = click.option(
        "--published",
        help="Publication date (YYYY-MM-DD) for documents that give none.",
    )(fn)
    fn = click.option(
        "--source",
        help="Source name for every document (default: from each file or record).",
    )(fn)
    fn = click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))(
        fn
    )
    return fn


def check_options(fn):
    options = [
        click.option(
            "--model",
            help="NLI model: Hugging Face id or local path (default: the embedded model).",
        ),
        click.option(
            "--threshold",
            type=click.FloatRange(0, 1),
            help="NLI contradiction probability (mean of both directions) at which a pair is flagged "
            "(default: the model's check threshold, `check_threshold` in `claimcheck model info`, "
            "not its evaluation `threshold`).",
        ),
        click.option(
            "--no-nli", is_flag=True, help="Run the deterministic checks only."
        ),
        click.option(
            "--new-only",
            is_flag=True,
            help="Only pair claims ingested since the last completed check.",
        ),
        click.option(
            "--format",
            "fmt",
            metavar="FORMAT",
            callback=known_format,
            default="text",
            show_default=True,
            help="Report: text, json, jsonl, sarif (code scanning), junit (GitLab, Jenkins), "
            "github (annotations), markdown (pull-request comment), or one a plugin adds "
            "(`claimcheck plugins`).",
        ),
        click.option(
            "--output",
            type=click.Path(dir_okay=False, writable=True),
            help="Write the report to FILE.",
        ),
        click.option(
            "--baseline",
            type=click.Path(dir_okay=False),
            help="Do not report the findings in this baseline file (see `claimcheck baseline write`).",
        ),
        click.option(
            "--fail-on",
            type=FailOn(),
            multiple=True,
            default=["any"],
            show_default=True,
            help=f"Exit 1 when reported findings of these kinds are found: {', '.join(FAIL_LEVELS)} "
            "(any: every kind; none: never); several kinds separated by commas (number,date).",
        ),
        click.option(
            "--min-score",
            type=click.FloatRange(0, 1),
            default=0.0,
            help="Only findings scored at least this much count towards --fail-on.",
        ),
        click.option(
            "--limit",
            type=click.IntRange(0),
            metavar="N",
            help="Report the N strongest findings only (all still count for the exit status).",
        ),
        click.option(
            "--summary",
            "summary_only",
            is_flag=True,
            help="Print only the summary line, not the findings.",
        ),
        click.option(
            "--batch-size",
            type=click.IntRange(1),
            default=32,
            show_default=True,
            help="Claim pairs the NLI model scores at once (more: faster, more memory).",
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


@click.command()
@ingest_options
@click.pass_obj
def ingest(obj, paths, source, published, skip_bad):
    """Read articles (files or folders) into the claims database."""
    store = open_store(obj, must_exist=False)
    skipped: list[str] | None = [] if skip_bad else None
    result = pipeline.ingest(
        store, paths, source=source, published=published, skipped=skipped
    )
    for error in skipped or []:
        click.echo(f"Skipped {printable(error)}", err=True)
    docs = result.documents
    more = "".join(
        f", {docs[key]} {label}"
        for key, label in (
            ("moved", "moved to a new path"),
            ("resourced", "given another source"),
        )
        if docs.get(key)
    )
    say(
        f"{docs['new']} new, {docs['updated']} updated, {docs['unchanged']} unchanged document(s){more}; "
        f"{result.claims} claim(s) added"
    )


@click.command()
@check_options
@click.pass_obj
def check(obj, baseline, **options):
    """Find contradictions among the claims in the database.

    Exit status: 0 when no reported finding is at the --fail-on level, 1 when one is, 2 on a usage or
    input error. Accepted and baselined findings are not reported.
    """
    known = read_baseline(baseline) if baseline else frozenset()
    run_check(open_store(obj), baseline=known, **options)


@click.command()
@ingest_options
@check_options
@click.pass_context
def run(ctx, paths, source, published, skip_bad, baseline, **options):
    """Ingest PATHS, then check them: the main job. Exit status as for `check`."""
    known = read_baseline(baseline) if baseline else frozenset()
    ctx.invoke(
        ingest, paths=paths, source=source, published=published, skip_bad=skip_bad
    )
    run_check(open_store(ctx.obj, must_exist=False), baseline=known, **options)


def run_check(
    store,
    model,
    threshold,
    no_nli,
    new_only,
    fmt,
    output,
    baseline,
    fail_on,
    min_score,
    limit,
    summary_only,
    batch_size,
):
    """Check, report, and exit 1 when a reported finding is at the fail level."""
    result = pipeline.check(
        store,
        model=model,
        threshold=threshold,
        new_only=new_only,
        use_nli=not no_nli,
        batch_size=batch_size,
        baseline=baseline,
    )
    terminal = not output and is_terminal(sys.stdout)
    colour = terminal and not os.environ.get("NO_COLOR")
    if summary_only:
        report = printable(summary_line(result.summary)) + "\n"
    else:
        from claimcheck import plugins

        report = render(
            fmt,
            result,
            formats=plugins.formats(),
            limit=limit,
            width=terminal_width() if terminal else None,
            colour=colour,
        )
    if output:
        try:
            with open(output, "w", encoding="utf-8") as file:
                file.write(report)
        except OSError as error:
            raise ClaimcheckError(
                f"{output}: cannot write report ({error.strerror})"
            ) from None
        say(f"{printable(summary_line(result.summary))}; report written to {output}")
    else:
        click.echo(report, nl=False, color=True if colour else None)
    failing = [f for f in result.findings if fails(f, fail_on, min_score)]
    click.get_current_context().exit(1 if failing else 0)


def is_terminal(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def terminal_width() -> int:
    return max(40, shutil.get_terminal_size((96, 24)).columns - 1)


def fails(finding, fail_on, min_score: float) -> bool:
    """Whether the finding fails the build; `fail_on`: the levels given (a string or tuples of them)."""
    levels = (
        {fail_on}
        if isinstance(fail_on, str)
        else {
            level
            for group in fail_on
            for level in ((group,) if isinstance(group, str) else group)
        }
    )
    return (
        "none" not in levels
        and bool(levels & {"any", finding.kind})
        and finding.score >= min_score
    )


COMMANDS = [ingest, check, run]
