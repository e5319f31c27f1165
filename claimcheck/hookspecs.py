"""The hooks a claimcheck plugin can implement (pluggy, as llm does).

A plugin is a module (or object) with functions marked `@hookimpl`, named after the hooks below; an installed
package makes it a plugin with an entry point in the group "claimcheck" (see examples/plugins/). Each hook
receives a `register` callback and calls it once per thing it adds:

    from claimcheck.hookspecs import hookimpl

    @hookimpl
    def register_formats(register):
        register("csv", render_csv)

This module imports nothing from claimcheck, so any layer (and any plugin) can import it.
"""

from __future__ import annotations

from collections.abc import Callable

import pluggy

hookspec = pluggy.HookspecMarker("claimcheck")
hookimpl = pluggy.HookimplMarker("claimcheck")


@hookspec
def register_verifiers(register: Callable[..., None]) -> None:
    """Add checks of a candidate pair of claims: `register(verify)` for each, where
    `verify(a: claimcheck.verify.Side, b: Side) -> claimcheck.records.Verdict | None` compares two claims
    (`a.claim`, a Claim with text, sentence, speaker and provenance, and `a.reading`, its parsed reading).
    A verdict's kind must be one of claimcheck.records.KINDS; of several verdicts of one kind on a pair the
    first counts, and plugin verifiers run after the built-in ones."""


@hookspec
def register_formats(register: Callable[..., None]) -> None:
    """Add report formats for `check`/`run --format NAME`: `register(name, render)` for each, where
    `render(result: claimcheck.pipeline.CheckResult) -> str` (findings, summary, documents checked) returns
    the whole report. The names must not be taken already."""


@hookspec
def register_extractors(register: Callable[..., None]) -> None:
    """Add entity mention extractors, picked with CLAIMCHECK_NER=NAME: `register(name, extract)` for each,
    where `extract(claims: Sequence[claimcheck.records.Claim]) -> list[claimcheck.analysis.entities.Mention]`
    finds the named entities in each claim's text (offsets into `claim.text`)."""
