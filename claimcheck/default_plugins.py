"""The built-in verifiers, report formats and entity extractors, registered as a plugin (claimcheck.plugins
registers this module in code, as llm registers its default plugins), so they take the path a third-party
plugin's do. The tuples and dicts they come from stay the defaults of verify_pair, render and
extract_mentions when those are called as a library."""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.analysis.entities import EXTRACTORS
from claimcheck.hookspecs import hookimpl
from claimcheck.reports.render import FORMATS
from claimcheck.verify import VERIFIERS


@hookimpl
def register_verifiers(register: Callable[..., None]) -> None:
    for verify in VERIFIERS:  # in order: of two verdicts of one kind the first counts
        register(verify)


@hookimpl
def register_formats(register: Callable[..., None]) -> None:
    for name, render in FORMATS.items():
        register(name, render)


@hookimpl
def register_extractors(register: Callable[..., None]) -> None:
    for name, extract in EXTRACTORS.items():
        register(name, extract)
