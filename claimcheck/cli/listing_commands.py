"""Commands that read the claims database: claims, findings, sources, documents, query."""

from __future__ import annotations

import click

from claimcheck.cli.context import open_store
from claimcheck.cli.output import emit, output_options
from claimcheck.records import KINDS


@click.command()
@click.option("--source", help="Only claims from this source.")
@click.option("--document", help="Only claims from this document id.")
@click.option(
    "--search", help="Full-text search over claims, sentences, speakers and sources."
)
@click.option(
    "--entity",
    metavar="NAME",
    help="What each source claims about one entity, in date order.",
)
@click.option(
    "--all",
    "include_superseded",
    is_flag=True,
    help="Include claims of superseded document versions.",
)
@output_options
@click.pass_obj
def claims(obj, source, document, search, entity, include_superseded, fmt):
    """List claims, with where each came from."""
    store = open_store(obj)
    if entity:
        from claimcheck.pipeline.entities import entity_claim_rows

        if source or document or search or include_superseded:
            raise click.UsageError(
                "--entity can't be combined with --source, --document, --search or --all"
            )
        emit(entity_claim_rows(store, entity), fmt)
        return
    emit(
        store.claim_rows(
            source=source,
            document=document,
            search=search,
            include_superseded=include_superseded,
        ),
        fmt,
    )


@click.command()
@click.option("--kind", type=click.Choice(KINDS), help="Only findings of this kind.")
@click.option(
    "--status",
    type=click.Choice(["open", "accepted", "resolved", "all"]),
    help="Only findings with this status (default: open and accepted; resolved: those a later check "
    "no longer found; all: every one).",
)
@output_options
@click.pass_obj
def findings(obj, kind, status, fmt):
    """List findings from past checks."""
    emit(open_store(obj).finding_rows(kind=kind, status=status), fmt)


@click.command()
@output_options
@click.pass_obj
def sources(obj, fmt):
    """List sources with their document, claim and open-finding counts."""
    emit(open_store(obj).source_rows(), fmt)


@click.command()
@click.option(
    "--all", "include_superseded", is_flag=True, help="Include superseded versions."
)
@output_options
@click.pass_obj
def documents(obj, include_superseded, fmt):
    """List documents and their versions."""
    emit(open_store(obj).document_rows(include_superseded=include_superseded), fmt)


@click.command()
@click.argument("sql")
@click.option(
    "--timeout",
    type=click.FloatRange(0, min_open=True),
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    help="Stop the query when SQLite has spent this long on it.",
)
@output_options
@click.pass_obj
def query(obj, sql, timeout, fmt):
    """Run one read-only SQL statement against the claims database; rows stream out as they come.

    The database is opened read-only and never changed (not even migrated); other SQLite files are refused.
    Ctrl-C stops a running statement.
    """
    from claimcheck.store.database import ReadOnlyQuery

    statement = ReadOnlyQuery(obj["db"], sql, timeout=timeout)
    emit(statement.rows(), fmt, statement.columns)


COMMANDS = [claims, findings, sources, documents, query]
