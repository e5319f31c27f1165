"""Reports: render a check's findings for people (text) and for machines (json, jsonl)."""
from __future__ import annotations

import json
import textwrap

from claimcheck.claims import Claim
from claimcheck.findings import Finding

CLAIM_KEYS = ("id", "text", "sentence", "source", "document", "path", "line", "start", "end", "speaker")


def claim_record(claim: Claim) -> dict:
    return {key: getattr(claim, key) for key in CLAIM_KEYS}


def finding_record(finding: Finding) -> dict:
    return {"id": finding.id, "kind": finding.kind, "score": finding.score,
            "explanation": finding.explanation, "claims": [claim_record(finding.a), claim_record(finding.b)]}


def render_json(findings: list[Finding], summary: dict) -> str:
    return json.dumps({"findings": [finding_record(f) for f in findings], "summary": summary},
                      indent=2, ensure_ascii=False)


def render_jsonl(findings: list[Finding], summary: dict) -> str:
    return "".join(json.dumps(finding_record(f), ensure_ascii=False) + "\n" for f in findings)


def render_text(findings: list[Finding], summary: dict) -> str:
    lines = []
    for finding in findings:
        lines.append(f"{finding.kind.upper()}  score {finding.score:.2f}  [{finding.id}]")
        lines.append(f"  {finding.explanation}")
        for claim in (finding.a, finding.b):
            speaker = f" ({claim.speaker})" if claim.speaker else ""
            lines.append(f"  - {claim.source}{speaker}, {claim.path}:{claim.line}")
            lines.extend(textwrap.wrap(claim.text, width=96, initial_indent="      ", subsequent_indent="      "))
        lines.append("")
    kinds = ", ".join(f"{n} {kind}" for kind, n in summary.get("by_kind", {}).items()) or "none"
    lines.append(f"{len(findings)} finding(s) ({kinds}) from {summary.get('pairs', 0)} candidate pairs "
                 f"over {summary.get('claims', 0)} claims; model: {summary.get('model') or 'rules only'}")
    return "\n".join(lines) + "\n"


FORMATS = {"text": render_text, "json": render_json, "jsonl": render_jsonl}


def render(format: str, findings: list[Finding], summary: dict) -> str:
    return FORMATS[format](findings, summary)
