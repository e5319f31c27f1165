"""Entities: who is who across sources (`entities`), and the reference list of names (`entities reference`)."""

from __future__ import annotations

import click

from claimcheck.cli.context import open_store, say
from claimcheck.cli.output import emit, output_options


@click.group(invoke_without_command=True)
@output_options
@click.pass_context
def entities(ctx, fmt):
    """List people, organisations and places with their spellings, roles, sources and claim counts."""
    if ctx.invoked_subcommand is None:
        from claimcheck.pipeline.entities import entity_rows

        emit(entity_rows(open_store(ctx.obj)), fmt)


@entities.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.pass_obj
def reference(obj, file):
    """Load a reference list of names: CSV name,aliases,role (aliases split by "|"), or JSONL."""
    from claimcheck import plugins
    from claimcheck.analysis.reference import load_reference
    from claimcheck.pipeline.entities import refresh, save_reference

    names = load_reference(file)
    extract = plugins.get_extractor()  # CLAIMCHECK_NER's: before anything is saved
    store = open_store(obj, must_exist=False)
    save_reference(store, names)
    linked = refresh(store, extract)
    say(f"{len(names.names)} reference name(s) loaded; {len(linked)} entities linked")


COMMANDS = [entities]
