"""What every command shares: the database it opens (--db, --lock-timeout), given before or after the command."""

from __future__ import annotations

import click

from claimcheck.store.database import DEFAULT_LOCK_TIMEOUT, Store


def open_store(obj: dict, must_exist: bool = True) -> Store:
    """The command's database, closed when the command ends (so its WAL is checkpointed then, not later)."""
    store = Store(
        obj["db"],
        must_exist=must_exist,
        lock_timeout=obj.get("lock_timeout", DEFAULT_LOCK_TIMEOUT),
    )
    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(store.close)
    return store


def say(message: str) -> None:
    """An informational line on stderr, unless --quiet."""
    context = click.get_current_context(silent=True)
    obj = (context.find_object(dict) if context else None) or {}
    if not obj.get("quiet"):
        click.echo(message, err=True)
