"""Records passed down the pipeline: documents, claims, verdicts and findings (plain dataclasses)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    id: str  # stable id: the record's `id`, else derived from the path
    source: str  # outlet name, e.g. "Reuters" or the file's folder/stem
    text: str  # decoded text; claim offsets index into this string
    path: str  # file it came from, as given on the command line
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    record_line: int | None = (
        None  # for batch files (jsonl/csv/...): line of the record in `path`
    )
    origins: tuple[tuple[int, int], ...] | None = (
        None  # for HTML: (line, column) in `path` of each line of `text`
    )

    @property
    def version(self) -> str:
        """Content hash: a changed text with the same id is a new version."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    def line_of(self, offset: int) -> int:
        """1-based line in `path` for a character offset into `text`."""
        if self.record_line is not None:
            return self.record_line
        if self.origins:
            return self.origins[
                min(self.text.count("\n", 0, offset), len(self.origins) - 1)
            ][0]
        return self.text.count("\n", 0, offset) + 1

    def column_of(self, offset: int) -> int:
        """1-based column in its line for a character offset into `text` (for HTML, close: whitespace is collapsed)."""
        if self.record_line is not None:
            return 1
        into_line = offset - (self.text.rfind("\n", 0, offset) + 1)
        if self.origins:
            return (
                self.origins[
                    min(self.text.count("\n", 0, offset), len(self.origins) - 1)
                ][1]
                + into_line
            )
        return into_line + 1


@dataclass(frozen=True)
class Claim:
    id: str
    text: str  # the atomic claim, standalone (may be rewritten from the sentence)
    sentence: str  # the original sentence, verbatim
    source: str
    document: str  # Document.id
    version: str  # Document.version
    path: str
    line: int
    column: int
    start: int  # document.text[start:end] is the span the claim came from
    end: int
    speaker: str | None = None  # who makes the claim ("Putin described ..." -> "Putin")
    published: str | None = None

    def to_dict(self) -> dict:
        return dict(vars(self))  # plain fields only: no copy deeper


def claim_id(document_id: str, version: str, start: int, end: int, text: str) -> str:
    key = "\x00".join([document_id, version, str(start), str(end), text])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


KINDS = ("contradiction", "position", "number", "date", "name")

# When several verifiers flag one pair, the most specific verdict explains it best.
SPECIFICITY = {"name": 0, "number": 1, "date": 2, "position": 3, "contradiction": 4}


@dataclass(frozen=True)
class Verdict:
    """One verifier's judgement that two claims disagree."""

    kind: str  # one of KINDS
    score: float  # in [0, 1]
    explanation: str  # one line


@dataclass(frozen=True)
class Finding:
    id: str  # the fingerprint: stable across machines, databases and re-ingests
    kind: str
    score: float
    explanation: str
    a: Claim
    b: Claim


def fingerprint(kind: str, a: Claim, b: Claim) -> str:
    """Hash of the kind and both claims' source and normalised text, in a fixed order."""
    sides = sorted(f"{claim.source}\x00{normalise(claim.text)}" for claim in (a, b))
    return hashlib.sha1("\x00".join([kind, *sides]).encode("utf-8")).hexdigest()[:16]


def normalise(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
