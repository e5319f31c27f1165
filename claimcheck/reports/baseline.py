"""Baselines: a reviewable JSON file of known findings, by fingerprint, that checks do not report again."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError
from claimcheck.records import Finding

FORMAT_VERSION = 1


def baseline_record(finding: Finding) -> dict:
    """The fingerprint, plus what a reviewer needs to see what it stands for."""
    return {
        "id": finding.id,
        "kind": finding.kind,
        "score": finding.score,
        "explanation": finding.explanation,
        "claims": [
            {
                "source": c.source,
                "speaker": c.speaker,
                "path": c.path,
                "line": c.line,
                "text": c.text,
            }
            for c in (finding.a, finding.b)
        ],
    }


def write_baseline(path: str | Path, findings: Sequence[Finding]) -> None:
    records = [baseline_record(f) for f in sorted(findings, key=lambda f: f.id)]
    text = (
        json.dumps(
            {
                "claimcheck_baseline": FORMAT_VERSION,
                "tool_version": __version__,
                "findings": records,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as error:
        raise ClaimcheckError(
            f"{path}: cannot write baseline ({error.strerror})"
        ) from None


def read_baseline(path: str | Path) -> frozenset[str]:
    """The fingerprints in a baseline file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ClaimcheckError(
            f"{path}: no such baseline file (create one with `claimcheck baseline write`)"
        ) from None
    except OSError as error:
        raise ClaimcheckError(
            f"{path}: cannot read baseline ({error.strerror})"
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ClaimcheckError(
            f"{path}: not a claimcheck baseline (invalid JSON: {error})"
        ) from None
    if (
        not isinstance(data, dict)
        or data.get("claimcheck_baseline") != FORMAT_VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise ClaimcheckError(
            f"{path}: not a claimcheck baseline (version {FORMAT_VERSION})"
        )
    ids = [
        record.get("id") if isinstance(record, dict) else None
        for record in data["findings"]
    ]
    valid = [i for i in ids if isinstance(i, str) and i]
    if len(valid) < len(ids):
        raise ClaimcheckError(
            f"{path}: not a claimcheck baseline (every finding needs a string id)"
        )
    return frozenset(valid)
