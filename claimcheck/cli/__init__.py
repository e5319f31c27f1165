"""The command-line interface: a thin layer over the claimcheck library."""

from __future__ import annotations

import sqlite3
import sys

import click

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError


class ClaimcheckGroup(click.Group):
    """Reports a ClaimcheckError as one line on stderr and exits with status 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ClaimcheckError as error:
            fail(ctx, str(error))
        except sqlite3.OperationalError as error:
            from claimcheck.store.database import is_locked, locked_error

            if not is_locked(error):
                raise
            obj = ctx.obj or {}
            fail(
                ctx,
                str(
                    locked_error(
                        obj.get("db", "claimcheck.db"), obj.get("lock_timeout", 0)
                    )
                ),
            )


def fail(ctx: click.Context, message: str) -> None:
    """Each line of the message as one `Error: ...` line on stderr; exit 2."""
    from claimcheck.reports.render import printable

    for line in printable(message).splitlines() or [""]:
        click.echo(f"Error: {line}", err=True)
    ctx.exit(2)


@click.group(
    cls=ClaimcheckGroup, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(__version__, prog_name="claimcheck")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    envvar="CLAIMCHECK_DB",
    default="claimcheck.db",
    show_default=True,
    help="SQLite database of claims and findings (env: CLAIMCHECK_DB).",
)
@click.option(
    "--lock-timeout",
    type=click.FloatRange(0),
    envvar="CLAIMCHECK_LOCK_TIMEOUT",
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    help="How long a write waits for another claimcheck process to release the database "
    "(env: CLAIMCHECK_LOCK_TIMEOUT).",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="No progress bars and no informational lines on stderr (errors still show). Progress bars "
    "show only when stderr is a terminal.",
)
@click.pass_context
def cli(ctx: click.Context, db_path: str, lock_timeout: float, quiet: bool) -> None:
    """Track claims across sources and flag where they contradict each other.

    \b
    claimcheck run fixtures/news            ingest a folder of articles, then check it
    claimcheck findings                      list what was found
    claimcheck claims --search ceasefire     search the claims
    """
    ctx.obj = {"db": db_path, "lock_timeout": lock_timeout, "quiet": quiet}
    from claimcheck import progress

    progress.enable(not quiet and stderr_is_terminal())


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _setting(key: str):
    def store(ctx: click.Context, param: click.Parameter, value) -> None:
        if value is not None:
            ctx.ensure_object(dict)[key] = value

    return store


def database_options() -> list[click.Option]:
    """--db and --lock-timeout, also accepted after the command (`claimcheck findings --db other.db`)."""
    return [
        click.Option(
            ["--db"],
            type=click.Path(dir_okay=False),
            expose_value=False,
            callback=_setting("db"),
            metavar="PATH",
            help="SQLite database of claims and findings (as `claimcheck --db`).",
        ),
        click.Option(
            ["--lock-timeout"],
            type=click.FloatRange(0),
            expose_value=False,
            metavar="SECONDS",
            callback=_setting("lock_timeout"),
            help="How long a write waits for another process's lock (as `claimcheck --lock-timeout`).",
        ),
    ]


def add_database_options(command: click.Command) -> None:
    command.params.extend(database_options())
    for sub in getattr(command, "commands", {}).values():
        add_database_options(sub)


def register() -> None:
    from claimcheck.cli import (
        ci_commands,
        entity_commands,
        listing_commands,
        pipeline_commands,
        plugin_commands,
        web_commands,
    )

    for module in (
        pipeline_commands,
        listing_commands,
        ci_commands,
        entity_commands,
        web_commands,
        plugin_commands,
    ):
        for command in module.COMMANDS:
            add_database_options(command)
            cli.add_command(command)
    from claimcheck.cli import model_commands

    for command in (
        model_commands.train_nli,
        model_commands.eval_command,
        model_commands.model,
    ):
        cli.add_command(command)


register()
