"""Printing rows the sqlite-utils way: a readable table by default, or --json, --csv, --nl."""
from __future__ import annotations

import csv
import io
import json
import shutil

import click

TABLE_CELL_WIDTH = 60


def output_options(fn):
    for option in reversed([
        click.option("--json", "fmt", flag_value="json", help="Output a JSON array."),
        click.option("--csv", "fmt", flag_value="csv", help="Output CSV."),
        click.option("--nl", "fmt", flag_value="nl", help="Output newline-delimited JSON."),
        click.option("--table", "fmt", flag_value="table", default=True, help="Output a readable table (default)."),
    ]):
        fn = option(fn)
    return fn


def format_rows(rows: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "nl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return buffer.getvalue()
    return table(rows)


def table(rows: list[dict]) -> str:
    if not rows:
        return "(no rows)\n"
    from tabulate import tabulate

    width = max(20, min(TABLE_CELL_WIDTH, shutil.get_terminal_size((120, 20)).columns // 2))
    cells = [[shorten(value, width) for value in row.values()] for row in rows]
    return tabulate(cells, headers=list(rows[0]), disable_numparse=True) + "\n"


def shorten(value, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def emit(rows: list[dict], fmt: str) -> None:
    click.echo(format_rows(rows, fmt), nl=False)
