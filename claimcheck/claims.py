"""Claims: atomic statements extracted from documents, each traced to the exact span it came from."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Claim:
    id: str
    text: str          # the atomic claim, standalone (may be rewritten from the sentence)
    sentence: str      # the original sentence, verbatim
    source: str
    document: str      # Document.id
    version: str       # Document.version
    path: str
    line: int
    column: int
    start: int         # document.text[start:end] is the span the claim came from
    end: int
    speaker: str | None = None   # who makes the claim ("Putin described ..." -> "Putin")
    published: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def claim_id(document_id: str, version: str, start: int, end: int, text: str) -> str:
    key = "\x00".join([document_id, version, str(start), str(end), text])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
