"""Documents: load articles from files and batches, with their source and provenance."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    id: str                     # stable id: the record's `id`, else derived from the path
    source: str                 # outlet name, e.g. "Reuters" or the file's folder/stem
    text: str                   # decoded text; claim offsets index into this string
    path: str                   # file it came from, as given on the command line
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    record_line: int | None = None  # for batch files (jsonl/csv/...): line of the record in `path`

    @property
    def version(self) -> str:
        """Content hash: a changed text with the same id is a new version."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    def line_of(self, offset: int) -> int:
        """1-based line in `path` for a character offset into `text`."""
        if self.record_line is not None:
            return self.record_line
        return self.text.count("\n", 0, offset) + 1

    def column_of(self, offset: int) -> int:
        """1-based column in its line for a character offset into `text` (text files only)."""
        if self.record_line is not None:
            return 1
        return offset - (self.text.rfind("\n", 0, offset) + 1) + 1
