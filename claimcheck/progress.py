"""Progress bars for the long stages (loading, parsing, pairing, NLI) on stderr.

Off unless the CLI turns them on (`enable`), which it does when stderr is a terminal and `--quiet` is not
given: piped output and CI logs stay clean. The library calls `track` and `stage`; both cost nothing when off.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator, Sized
from typing import TypeVar

T = TypeVar("T")
_enabled = False


def enable(on: bool = True) -> None:
    global _enabled
    _enabled = on


def enabled() -> bool:
    return _enabled


def track(
    items: Iterable[T], label: str, total: int | None = None, unit: str = "it"
) -> Iterable[T]:
    """`items`, with a progress bar while they are consumed (when enabled)."""
    if not _enabled:
        return items
    from tqdm import tqdm

    if total is None and isinstance(items, Sized):
        total = len(items)
    return tqdm(
        items,
        desc=label,
        total=total,
        unit=unit,
        file=sys.stderr,
        leave=False,
        dynamic_ncols=True,
        mininterval=0.2,
    )


@contextlib.contextmanager
def stage(label: str) -> Iterator[None]:
    """A stage without countable steps: its name shows while it runs (when enabled)."""
    if not _enabled:
        yield
        return
    sys.stderr.write(f"{label}…\r")
    sys.stderr.flush()
    try:
        yield
    finally:
        sys.stderr.write("\r" + " " * (len(label) + 1) + "\r")
        sys.stderr.flush()
