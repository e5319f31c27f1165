import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

from claimcheck.pipeline import CheckedDocument, CheckResult
from claimcheck.records import KINDS, Claim, Finding
from claimcheck.reports.render import (
    CLAIM_KEYS,
    FORMATS,
    escape_data,
    escape_property,
    render,
)

SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(
        encoding="utf-8"
    )
)


def claim(id, text, source, path, line, column=1, document=None, speaker=None):
    return Claim(
        id=id,
        text=text,
        sentence=text,
        source=source,
        document=document or path,
        version="v1",
        path=path,
        line=line,
        column=column,
        start=0,
        end=len(text),
        speaker=speaker,
    )


A = claim(
    "a1",
    "Turnout was 61% | high, <b>officials</b> said.",
    "Ledger",
    "news/ledger.txt",
    4,
    3,
)
B = claim(
    "b1",
    "Turnout was 48%,\r\nofficials: said.",
    "Herald, Inc.",
    "news/herald 2024,a:b.txt",
    7,
    speaker="Ruiz",
)
C = claim("c1", "The bridge opens on May 4.", "Ledger", "/abs/path/ledger.txt", 2)
D = claim("d1", "The bridge opens on June 9.\x0b", "Courier", "news/courier.txt", 9)
FINDINGS = [
    Finding("0123456789abcdef", "number", 0.85, "turnout: 61% vs 48%", A, B),
    Finding("fedcba9876543210", "date", 0.8, "date of opening: May 4 vs June 9", C, D),
]
DOCUMENTS = [CheckedDocument(c.document, c.source, c.path) for c in (A, B, C, D)] + [
    CheckedDocument("clean.txt", "Post", "news/clean.txt")
]
SUMMARY = {
    "documents": 5,
    "claims": 40,
    "new_claims": 12,
    "pairs": 9,
    "findings": 2,
    "by_kind": {"date": 1, "number": 1},
    "suppressed": 3,
    "accepted": 1,
    "baselined": 2,
    "model": None,
}
RESULT = CheckResult(FINDINGS, SUMMARY, DOCUMENTS)
EMPTY = CheckResult(
    [], {**SUMMARY, "findings": 0, "by_kind": {}, "suppressed": 0}, DOCUMENTS
)


def test_text_shows_each_finding_with_both_claims_and_where_they_are():
    text = render("text", RESULT)
    assert "NUMBER  score 0.85  0123456789abcdef" in text
    assert (
        "Ledger  news/ledger.txt:4:3" in text
        and "Herald, Inc. (Ruiz)  news/herald 2024,a:b.txt:7:1" in text
    )
    assert text.rstrip().endswith(
        "2 findings (1 date, 1 number) in 5 document(s) checked: 12 of 40 claims, "
        "9 candidate pairs; 3 suppressed (1 accepted, 2 baselined); model: rules only"
    )


def test_json_keeps_its_schema_and_jsonl_has_a_finding_per_line():
    data = json.loads(render("json", RESULT))
    assert data["summary"] == SUMMARY
    assert [f["id"] for f in data["findings"]] == [
        "0123456789abcdef",
        "fedcba9876543210",
    ]
    first = data["findings"][0]
    assert set(first) == {"id", "kind", "score", "explanation", "claims"}
    assert [c["id"] for c in first["claims"]] == ["a1", "b1"]
    assert set(first["claims"][0]) == set(CLAIM_KEYS)
    lines = render("jsonl", RESULT).splitlines()
    assert [json.loads(line) for line in lines] == data["findings"]


def test_sarif_is_valid_against_the_official_schema():
    for result in (RESULT, EMPTY):
        jsonschema.Draft4Validator(SCHEMA).validate(json.loads(render("sarif", result)))


def test_sarif_has_a_rule_per_kind_and_a_result_per_finding_at_both_claims():
    run = json.loads(render("sarif", RESULT))["runs"][0]
    driver = run["tool"]["driver"]
    assert (
        driver["name"] == "claimcheck"
        and driver["version"]
        and "informationUri" not in driver
    )  # no made-up home
    assert [rule["id"] for rule in driver["rules"]] == list(KINDS)
    first, second = run["results"]
    assert (
        first["ruleId"] == "number"
        and driver["rules"][first["ruleIndex"]]["id"] == "number"
    )
    assert first["partialFingerprints"] == {"claimcheck/v1": "0123456789abcdef"}
    where = first["locations"][0]["physicalLocation"]
    assert where["artifactLocation"] == {
        "uri": "news/ledger.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert where["region"] == {"startLine": 4, "startColumn": 3}
    related = first["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "news/herald%202024%2Ca%3Ab.txt"
    assert related["region"] == {"startLine": 7, "startColumn": 1}
    assert second["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///abs/path/ledger.txt"
    }


def test_github_annotations_escape_properties_and_message():
    lines = (
        render("github", RESULT).rstrip("\n").split("\n")
    )  # the runner reads commands line by line
    assert lines[1].startswith(
        "::error file=/abs/path/ledger.txt,line=2,col=1,title=claimcheck date fedcba9876543210::"
    )
    b_where = "news/herald 2024,a:b.txt:7:1"
    assert lines[0] == (
        "::error file=news/ledger.txt,line=4,col=3,title=claimcheck number 0123456789abcdef::"
        "turnout: 61%25 vs 48%25%0ALedger: Turnout was 61%25 | high, <b>officials</b> said.%0A"
        f"Herald, Inc. (Ruiz) ({b_where}): Turnout was 48%25,%0D%0Aofficials: said."
    )
    assert len(lines) == 3 and not lines[2].startswith("::")


def test_github_escaping_rules():
    assert escape_data("100%\r\nok: a,b") == "100%25%0D%0Aok: a,b"
    assert escape_property("100%\r\nok: a,b") == "100%25%0D%0Aok%3A a%2Cb"
    assert escape_property("%3A") == "%253A"


def test_junit_has_a_test_case_per_document_failing_with_its_findings():
    root = ET.fromstring(render("junit", RESULT).encode("utf-8"))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert [case.get("file") for case in cases] == [d.path for d in DOCUMENTS]
    assert (
        suite.get("tests") == "5"
        and suite.get("failures") == "4"
        and root.get("failures") == "4"
    )
    failed = {case.get("file"): case.find("failure") for case in cases}
    assert failed["news/clean.txt"] is None
    assert (
        failed["news/ledger.txt"].get("type") == "number"
        and "0123456789abcdef" in failed["news/ledger.txt"].text
    )
    assert (
        "\x0b" not in failed["news/courier.txt"].text
        and "June 9." in failed["news/courier.txt"].text
    )


def test_markdown_counts_by_kind_and_tables_findings_safely():
    markdown = render("markdown", RESULT)
    assert markdown.startswith("### claimcheck: 2 findings\n")
    assert "| number | 1 |" in markdown and "| date | 1 |" in markdown
    row = next(line for line in markdown.splitlines() if "0123456789abcdef" in line)
    assert row.count(" | ") == 5  # the claim's "|" is escaped, not a new column
    assert "61% \\| high, &lt;b&gt;officials&lt;/b&gt; said." in row
    assert "48%, officials: said." in row  # one line
    assert render("markdown", EMPTY).startswith("### claimcheck: no findings\n")


def test_every_format_renders_a_clean_check():
    assert render("jsonl", EMPTY) == ""
    assert json.loads(render("json", EMPTY))["findings"] == []
    assert json.loads(render("sarif", EMPTY))["runs"][0]["results"] == []
    suite = ET.fromstring(render("junit", EMPTY).encode("utf-8")).find("testsuite")
    assert (
        suite.get("tests") == "5"
        and suite.get("failures") == "0"
        and suite.find("testcase/failure") is None
    )
    for format in ("text", "github"):
        assert render(format, EMPTY).startswith("0 findings in 5 document(s) checked")
    assert set(FORMATS) == {
        "text",
        "json",
        "jsonl",
        "sarif",
        "junit",
        "github",
        "markdown",
    }
