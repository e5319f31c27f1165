"""Reports: render a check's result for people (text, markdown) and for machines and CI systems
(json, jsonl, sarif, junit, github)."""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from pathlib import PurePath, PurePosixPath
from urllib.parse import quote

from claimcheck import __version__
from claimcheck.records import KINDS, Claim, Finding

CLAIM_KEYS = (
    "id",
    "text",
    "sentence",
    "source",
    "document",
    "path",
    "line",
    "start",
    "end",
    "speaker",
)
RULES = {
    "contradiction": ("Contradiction", "Two claims contradict each other."),
    "position": (
        "OpposingPositions",
        "Two speakers take opposing positions on the same thing.",
    ),
    "number": (
        "NumberMismatch",
        "Two claims give different numbers for the same quantity.",
    ),
    "date": ("DateMismatch", "Two claims give different dates for the same event."),
    "name": (
        "NameMismatch",
        "Two claims name different people or things in the same role.",
    ),
}
XML_INVALID = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)
# Terminal escape sequences (CSI such as ESC[2J, OSC such as a window title), then any other control character
# but newline and tab, and the bidirectional overrides that reorder what a reader sees.
TERMINAL_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"
)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What JSON leaves unescaped but a terminal may act on (C1 controls, bidirectional overrides).
JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]()!~|#])")


def printable(text: str) -> str:
    """Text that cannot drive a terminal: escape sequences and control characters (but newline, tab) removed."""
    return CONTROL.sub("", TERMINAL_SEQUENCE.sub("", text))


def json_safe(text: str) -> str:
    """Serialised JSON with C1 controls and bidirectional overrides written as \\u escapes
    (they only occur in strings)."""
    return JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def claim_record(claim: Claim) -> dict:
    return {key: getattr(claim, key) for key in CLAIM_KEYS}


def finding_record(finding: Finding) -> dict:
    return {
        "id": finding.id,
        "kind": finding.kind,
        "score": finding.score,
        "explanation": finding.explanation,
        "claims": [claim_record(finding.a), claim_record(finding.b)],
    }


def where(claim: Claim) -> str:
    return f"{claim.path}:{claim.line}:{claim.column}"


def who(claim: Claim) -> str:
    return f"{claim.source} ({claim.speaker})" if claim.speaker else claim.source


def summary_line(summary: dict) -> str:
    """One sentence: what was found, in what, and what was left out."""
    count = summary.get("findings", 0)
    kinds = ", ".join(f"{n} {kind}" for kind, n in summary.get("by_kind", {}).items())
    found = f"{count} finding{'' if count == 1 else 's'}" + (
        f" ({kinds})" if kinds else ""
    )
    checked = (
        f"{summary.get('documents', 0)} document(s) checked: {summary.get('new_claims', 0)} of "
        f"{summary.get('claims', 0)} claims, {summary.get('pairs', 0)} candidate pairs"
    )
    suppressed = ""
    if summary.get("suppressed"):
        suppressed = (
            f"; {summary['suppressed']} suppressed ({summary.get('accepted', 0)} accepted, "
            f"{summary.get('baselined', 0)} baselined)"
        )
    return f"{found} in {checked}{suppressed}; model: {summary.get('model') or 'rules only'}"


# --- for people ---------------------------------------------------------------


def render_text(result, width: int | None = None, limit: int | None = None) -> str:
    """Each finding with both claims; with `width` (a terminal's), everything is wrapped to it, else claim texts
    to 96 columns; with `limit`, the strongest `limit` findings only."""
    lines = []
    shown = result.findings if limit is None else result.findings[:limit]
    for finding in shown:
        lines.append(f"{finding.kind.upper()}  score {finding.score:.2f}  {finding.id}")
        lines.extend(
            textwrap.wrap(
                finding.explanation,
                width=width,
                initial_indent="  ",
                subsequent_indent="    ",
            )
            if width
            else [f"  {finding.explanation}"]
        )
        for claim in (finding.a, finding.b):
            lines.append(f"  - {who(claim)}  {where(claim)}")
            lines.extend(
                textwrap.wrap(
                    claim.text,
                    width=width or 96,
                    initial_indent="      ",
                    subsequent_indent="      ",
                )
            )
        lines.append("")
    if len(shown) < len(result.findings):
        lines += [
            f"... and {len(result.findings) - len(shown)} more (--limit {limit}; "
            "`claimcheck findings` lists them all)",
            "",
        ]
    lines.append(summary_line(result.summary))
    return "\n".join(lines) + "\n"


def render_markdown(result) -> str:
    findings, summary = result.findings, result.summary
    count = len(findings)
    lines = [f"### claimcheck: {count or 'no'} finding{'' if count == 1 else 's'}", ""]
    if findings:
        lines += ["| Kind | Findings |", "| --- | ---: |"]
        lines += [f"| {kind} | {n} |" for kind, n in summary.get("by_kind", {}).items()]
        lines += [
            "",
            "| Kind | Score | Claim | Other claim | Explanation | Fingerprint |",
            "| --- | ---: | --- | --- | --- | --- |",
        ]
        for f in findings:
            lines.append(
                f"| {f.kind} | {f.score:.2f} | {markdown_claim(f.a)} | {markdown_claim(f.b)} | "
                f"{cell(f.explanation)} | `{f.id}` |"
            )
        lines.append("")
    lines.append(cell(summary_line(summary)) + ".")
    return "\n".join(lines) + "\n"


def markdown_claim(claim: Claim) -> str:
    return f"**{cell(who(claim))}** {cell(where(claim))}<br>{cell(claim.text)}"


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no HTML, no column breaks, one line, and article text cannot
    make links, images, emphasis or code (Markdown's punctuation is escaped) or @mention anyone (a word joiner,
    U+2060, follows each @)."""
    text = (
        printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    )
    return " ".join(MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("@", "@\u2060").split())


# --- for machines -------------------------------------------------------------


def render_json(result) -> str:
    return (
        json.dumps(
            {
                "findings": [finding_record(f) for f in result.findings],
                "summary": result.summary,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )


def render_jsonl(result) -> str:
    return "".join(
        json.dumps(finding_record(f), ensure_ascii=False) + "\n"
        for f in result.findings
    )


def render_sarif(result) -> str:
    """SARIF 2.1.0: a rule per kind, a result per finding located at its first claim."""
    rules = [
        {
            "id": kind,
            "name": RULES[kind][0],
            "shortDescription": {"text": RULES[kind][1]},
            "defaultConfiguration": {"level": "error"},
        }
        for kind in KINDS
    ]
    results = [
        {
            "ruleId": f.kind,
            "ruleIndex": KINDS.index(f.kind),
            "level": "error",
            "message": {
                "text": f'{f.kind}: {f.explanation}. {who(f.a)}: "{f.a.text}" vs {who(f.b)} '
                f'({where(f.b)}): "{f.b.text}"'
            },
            "locations": [sarif_location(f.a)],
            "relatedLocations": [{"id": 1, **sarif_location(f.b)}],
            "partialFingerprints": {"claimcheck/v1": f.id},
            "properties": {"score": f.score},
        }
        for f in result.findings
    ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"summary": result.summary},
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def sarif_location(claim: Claim) -> dict:
    path = PurePath(claim.path)
    artifact = (
        {"uri": path.as_uri()}
        if path.is_absolute()
        else {
            "uri": quote(PurePosixPath(*path.parts).as_posix()),
            "uriBaseId": "%SRCROOT%",
        }
    )
    return {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {
                "startLine": max(claim.line, 1),
                "startColumn": max(claim.column, 1),
            },
        },
        "message": {"text": f"{who(claim)}: {claim.text}"},
    }


def render_junit(result) -> str:
    """JUnit XML: a test case per document checked, failing with the findings that involve it."""
    by_document: dict[str, list[Finding]] = {}
    for finding in result.findings:
        for document in {finding.a.document, finding.b.document}:
            by_document.setdefault(document, []).append(finding)
    failures = sum(document.id in by_document for document in result.documents)
    counts = {
        "tests": str(len(result.documents)),
        "failures": str(failures),
        "errors": "0",
    }
    root = ET.Element("testsuites", {"name": "claimcheck", **counts})
    suite = ET.SubElement(
        root, "testsuite", {"name": "claimcheck", "skipped": "0", **counts}
    )
    for document in result.documents:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=xml_text(document.source),
            name=xml_text(document.path),
            file=xml_text(document.path),
        )
        found = by_document.get(document.id)
        if found:
            kinds = ", ".join(sorted({f.kind for f in found}))
            failure = ET.SubElement(
                case,
                "failure",
                type=kinds,
                message=xml_text(f"{len(found)} finding(s): {kinds}"),
            )
            failure.text = xml_text("\n\n".join(junit_finding(f) for f in found))
    ET.indent(root)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n"
    )


def junit_finding(finding: Finding) -> str:
    return (
        f"{finding.kind} (score {finding.score:.2f}, {finding.id}): {finding.explanation}\n"
        f"  {who(finding.a)} {where(finding.a)}: {finding.a.text}\n"
        f"  {who(finding.b)} {where(finding.b)}: {finding.b.text}"
    )


def xml_text(text: str) -> str:
    """Drop the characters XML 1.0 cannot carry; ElementTree escapes the rest."""
    return XML_INVALID.sub("", text)


def render_github(result) -> str:
    """GitHub Actions workflow commands: an error annotation per finding, at its first claim."""
    lines = []
    for f in result.findings:
        properties = {
            "file": f.a.path,
            "line": f.a.line,
            "col": f.a.column,
            "title": f"claimcheck {f.kind} {f.id}",
        }
        message = f"{f.explanation}\n{who(f.a)}: {f.a.text}\n{who(f.b)} ({where(f.b)}): {f.b.text}"
        lines.append(
            "::error "
            + ",".join(
                f"{key}={escape_property(str(value))}"
                for key, value in properties.items()
            )
            + "::"
            + escape_data(message)
        )
    lines.append(summary_line(result.summary))
    return "\n".join(lines) + "\n"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


# the built-in formats by name; claimcheck.default_plugins registers them, and plugins add others
FORMATS: dict[str, Callable[..., str]] = {
    "text": render_text,
    "json": render_json,
    "jsonl": render_jsonl,
    "sarif": render_sarif,
    "junit": render_junit,
    "github": render_github,
    "markdown": render_markdown,
}


KIND_COLOURS = {
    "contradiction": "red",
    "position": "magenta",
    "number": "yellow",
    "date": "cyan",
    "name": "blue",
}
HEADER = re.compile(
    r"^(" + "|".join(kind.upper() for kind in KINDS) + r")(?=  score )", re.M
)


def render(
    format: str,
    result,
    width: int | None = None,
    limit: int | None = None,
    colour: bool = False,
    formats: Mapping[str, Callable[..., str]] = FORMATS,
) -> str:
    """`result` is a pipeline.CheckResult: findings to report, summary, documents checked. Nothing in the
    output can drive a terminal: people's formats (and plugins') lose control characters, JSON ones escape
    them. `limit`: report the strongest `limit` findings only; `width`, `colour` (by kind): for the text
    format; `formats`: the render function of each format by name (the CLI passes plugins' formats too)."""
    if limit is not None and format != "text":
        result = dataclasses.replace(result, findings=result.findings[:limit])
    output = (
        render_text(result, width=width, limit=limit)
        if format == "text"
        else formats[format](result)
    )
    if format in ("json", "jsonl", "sarif"):
        return json_safe(output)
    if format == "junit":
        return output
    output = printable(output)
    if colour and format == "text":
        output = HEADER.sub(
            lambda m: "\x1b[1;{}m{}\x1b[0m".format(
                ANSI[KIND_COLOURS[m.group(1).lower()]], m.group(1)
            ),
            output,
        )
    return output


ANSI = {"red": 31, "yellow": 33, "blue": 34, "magenta": 35, "cyan": 36}
