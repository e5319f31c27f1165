"""A batch's work in two forked processes, half each, where the batch is large enough to pay for the fork and
the machine has two cores; what is loaded before (the parser, vocabularies, unit registry) is shared."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def in_halves(
    work: Callable[[Sequence[T]], list[R]], items: Sequence[T], at_least: int
) -> list[R]:
    """work(items), the same list whether `work` (module-level, so it pickles) ran once or on each half."""
    if (
        len(items) < at_least
        or (os.cpu_count() or 1) < 2
        or "fork" not in multiprocessing.get_all_start_methods()  # Windows
    ):
        return work(items)
    half = (len(items) + 1) // 2
    with multiprocessing.get_context("fork").Pool(2) as pool:
        first, second = pool.map(work, [items[:half], items[half:]])
    return first + second
