"""Helpers for building SQL: `in (...)` lists of parameters."""

from __future__ import annotations

from collections.abc import Iterator, Sequence


def chunks(items: Sequence, size: int = 500) -> Iterator[list]:
    """Pieces small enough for one `in (...)` list of SQL parameters."""
    for begin in range(0, len(items), size):
        yield list(items[begin : begin + size])


def marks(items: Sequence) -> str:
    """As many `?` placeholders as items, comma-separated."""
    return ",".join("?" * len(items))
