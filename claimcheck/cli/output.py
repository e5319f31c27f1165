"""Printing rows the sqlite-utils way: a readable table by default, or --json, --csv, --nl.

Rows stream: each format writes them as they come, so a query's million rows are never all in memory
(a table sizes its columns on the first TABLE_SAMPLE rows).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import shutil
from collections.abc import Iterable, Iterator, Sequence

import click

from claimcheck.reports.render import json_safe, printable

TABLE_CELL_WIDTH = 60
TABLE_SAMPLE = 1000


def output_options(fn):
    for option in reversed(
        [
            click.option(
                "--json", "fmt", flag_value="json", help="Output a JSON array."
            ),
            click.option("--csv", "fmt", flag_value="csv", help="Output CSV."),
            click.option(
                "--nl", "fmt", flag_value="nl", help="Output newline-delimited JSON."
            ),
            click.option(
                "--table",
                "fmt",
                flag_value="table",
                default=True,
                help="Output a readable table (default).",
            ),
            click.option(
                "--csv-raw",
                is_flag=True,
                expose_value=False,
                callback=lambda ctx, param, value: ctx.meta.__setitem__(
                    "csv_raw", value
                ),
                help="With --csv, write cells beginning with = + - @ as they are (by default such text cells "
                "get a leading ' so spreadsheets do not run them as formulas).",
            ),
        ]
    ):
        fn = option(fn)
    return fn


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value, raw: bool = False):
    """A CSV cell with control characters removed; text that a spreadsheet would run as a formula is quoted."""
    if not isinstance(value, str):
        return value
    value = printable(value)
    return "'" + value if not raw and value.startswith(FORMULA_START) else value


def json_value(value):
    """What JSON cannot hold as is: BLOBs as hex."""
    return (
        value.hex() if isinstance(value, (bytes, bytearray, memoryview)) else str(value)
    )


ENCODERS = {
    indent: json.JSONEncoder(indent=indent, ensure_ascii=False, default=json_value)
    for indent in (None, 2)
}


def dumps(value, indent: int | None = None) -> str:
    text = ENCODERS[indent].encode(value)
    return json_safe(text) if not text.isascii() else text


SCALARS = (str, int, float, type(None))


def indented(row: dict) -> str:
    """json.dumps(row, indent=2), nested one level (as an element of a list), faster for a row of scalars: the
    values are encoded by the C encoder, which json.dumps does not use with an indent."""
    if not row or not all(isinstance(value, SCALARS) for value in row.values()):
        return dumps(row, 2).replace("\n", "\n  ")
    encode = ENCODERS[None].encode
    text = (
        "{\n    "
        + ",\n    ".join(
            f"{encode(str(key))}: {encode(value)}" for key, value in row.items()
        )
        + "\n  }"
    )
    return text if text.isascii() else json_safe(text)


def format_rows(
    rows: Iterable[dict],
    fmt: str,
    columns: Sequence[str] | None = None,
    csv_raw: bool = False,
) -> Iterator[str]:
    """The output, in pieces, one row (or a table's header) at a time."""
    rows = iter(rows)
    if fmt == "json":
        first = True
        for row in rows:
            yield ("[\n  " if first else ",\n  ") + indented(row)
            first = False
        yield "[]\n" if first else "\n]\n"
    elif fmt == "nl":
        for row in rows:
            yield dumps(row) + "\n"
    elif fmt == "csv":
        yield from csv_lines(
            (
                {key: csv_cell(value, csv_raw) for key, value in row.items()}
                for row in rows
            ),
            columns,
        )
    else:
        yield from table_lines(rows, columns)


def csv_lines(rows: Iterator[dict], columns: Sequence[str] | None) -> Iterator[str]:
    buffer = io.StringIO()
    writer = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(
                buffer, fieldnames=list(columns or row), lineterminator="\n"
            )
            writer.writeheader()
        writer.writerow(row)
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if writer is None and columns:
        csv.writer(buffer, lineterminator="\n").writerow(columns)
    yield buffer.getvalue()


def table(rows: Iterable[dict], columns: Sequence[str] | None = None) -> str:
    return "".join(table_lines(iter(rows), columns))


def table_lines(
    rows: Iterator[dict], columns: Sequence[str] | None = None
) -> Iterator[str]:
    sample = list(itertools.islice(rows, TABLE_SAMPLE))
    if not sample:
        yield "(no rows)\n"
        return
    headers = list(columns or sample[0])
    limit = max(
        20, min(TABLE_CELL_WIDTH, shutil.get_terminal_size((120, 20)).columns // 2)
    )

    def cells(row: dict) -> list[str]:
        return [shorten(value, limit) for value in row.values()]

    # a query's rows may have fewer keys than columns (a repeated column name): the table is as wide as the
    # narrower of the two, as before
    widths = [len(header) for header in headers]
    for row in sample:
        widths = [
            max(width, len(cell))
            for width, cell in zip(widths, cells(row), strict=False)
        ]

    def line(values: list[str]) -> str:
        return (
            "  ".join(
                shorten(value, width).ljust(width)
                for value, width in zip(values, widths, strict=False)
            ).rstrip()
            + "\n"
        )

    yield line(headers)
    yield line(["-" * width for width in widths])
    for row in itertools.chain(sample, rows):
        yield line(cells(row))


def shorten(value, width: int) -> str:
    text = "" if value is None else " ".join(printable(str(value)).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def emit(rows: Iterable[dict], fmt: str, columns: Sequence[str] | None = None) -> None:
    context = click.get_current_context(silent=True)
    csv_raw = bool(context and context.meta.get("csv_raw"))
    buffer, size = [], 0
    for piece in format_rows(rows, fmt, columns, csv_raw):
        buffer.append(piece)
        size += len(piece)
        if size > 1 << 16:  # write in pieces of about 64 KB, not a row at a time
            click.echo("".join(buffer), nl=False)
            buffer, size = [], 0
    click.echo("".join(buffer), nl=False)
