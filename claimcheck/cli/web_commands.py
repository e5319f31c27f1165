"""Browse the claims database in a web browser (`serve`, with the optional `web` extra)."""

from __future__ import annotations

import click

from claimcheck.cli.context import say


@click.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8001,
    show_default=True,
    help="Port to listen on.",
)
@click.pass_obj
def serve(obj, host, port):
    """Browse the claims database as web pages (Datasette, read-only): tables with descriptions, full-text search
    on claims, canned queries, and links from each finding to both claims. Needs `pip install 'claimcheck[web]'`."""
    from claimcheck.store.web import check_database
    from claimcheck.store.web import serve as run

    path = check_database(obj["db"])
    say(
        f"claimcheck serve: http://{host}:{port}/{path.stem} (read-only; Ctrl-C stops it)"
    )
    run(path, host=host, port=port)


COMMANDS = [serve]
