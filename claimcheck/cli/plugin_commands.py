"""`claimcheck plugins`: the installed plugins and what each adds (see claimcheck.plugins)."""

from __future__ import annotations

import click

from claimcheck.cli.output import emit, output_options

LISTS = ("hooks", "verifiers", "formats", "extractors")


@click.command()
@click.option(
    "--all",
    "include_default",
    is_flag=True,
    help="Include the default plugin (the built-in verifiers, formats and extractors).",
)
@output_options
def plugins(include_default, fmt):
    """List the installed plugins: name, distribution and version, the hooks each implements and the
    verifiers, report formats and entity extractors it registers."""
    from claimcheck import plugins as registry

    rows = registry.get_plugins(all=include_default)
    if fmt in ("table", "csv"):  # one cell each; --json and --nl keep the lists
        rows = [
            {key: ", ".join(v) if key in LISTS else v for key, v in row.items()}
            for row in rows
        ]
    emit(
        rows,
        fmt,
        columns=[
            "name",
            "distribution",
            "version",
            "hooks",
            "verifiers",
            "formats",
            "extractors",
        ],
    )


COMMANDS = [plugins]
