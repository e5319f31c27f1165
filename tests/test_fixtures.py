"""End to end on the bundled fixtures, with the shipped model: planted findings are found, nothing else is."""

import json
from pathlib import Path

import pytest

from tests.conftest import Claimcheck

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    claimcheck = Claimcheck(tmp_path_factory.mktemp("fixtures") / "claims.db")
    result = claimcheck("run", FIXTURES / "news", "--format", "json")
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)["findings"]


def side_matches(claim: dict, text: str, file: str) -> bool:
    return text in claim["sentence"] and Path(claim["path"]).as_posix().endswith(file)


def matches(finding: dict, entry: dict) -> bool:
    a, b = finding["claims"]
    return any(
        side_matches(x, entry["a"], entry["a_file"])
        and side_matches(y, entry["b"], entry["b_file"])
        for x, y in ((a, b), (b, a))
    )


def describe(entry):
    return f"{entry.get('kind', '')} {entry['a_file']}: {entry['a']!r} / {entry['b_file']}: {entry['b']!r}"


def found(findings, entry) -> bool:
    return any(matches(f, entry) and f["kind"] == entry["kind"] for f in findings)


# Measured on the shipped model (see README "Quality on the fixtures"); these floors only ever go up.
MIN_RECALL = 16 / 16
MAX_UNRELATED_FLAGGED = 0


def test_recall_of_planted_findings(findings):
    missed = [describe(e) for e in EXPECTED["findings"] if not found(findings, e)]
    recall = 1 - len(missed) / len(EXPECTED["findings"])
    assert recall >= MIN_RECALL, f"recall {recall:.2f}; missed:\n" + "\n".join(missed)


def test_every_name_error_is_found(findings):
    names = [e for e in EXPECTED["findings"] if e["kind"] == "name"]
    assert names and all(found(findings, e) for e in names)


def test_no_consistent_paraphrase_is_flagged(findings):
    flagged = [
        describe(e)
        for e in EXPECTED["consistent"]
        if any(matches(f, e) for f in findings)
    ]
    assert not flagged, "wrongly flagged:\n" + "\n".join(flagged)


def test_few_look_alike_facts_about_different_things_are_flagged(findings):
    flagged = [
        describe(e)
        for e in EXPECTED["unrelated"]
        if any(matches(f, e) for f in findings)
    ]
    assert len(flagged) <= MAX_UNRELATED_FLAGGED, "wrongly flagged:\n" + "\n".join(
        flagged
    )


def test_every_finding_is_planted_or_listed(findings):
    """A finding on a pair the fixtures do not list is a false alarm nobody is counting."""
    listed = EXPECTED["findings"] + EXPECTED["consistent"] + EXPECTED["unrelated"]
    unlisted = [
        f"{f['kind']}: {f['claims'][0]['text']!r} / {f['claims'][1]['text']!r}"
        for f in findings
        if not any(matches(f, e) for e in listed)
    ]
    assert not unlisted, (
        "findings on pairs fixtures/expected.json does not list:\n"
        + "\n".join(unlisted)
    )


def test_deterministic_checks_flag_no_look_alike_facts(tmp_path):
    claimcheck = Claimcheck(tmp_path / "claims.db")
    result = claimcheck("run", FIXTURES / "news", "--no-nli", "--format", "json")
    rules_only = json.loads(result.stdout)["findings"]
    flagged = [
        describe(e)
        for e in EXPECTED["unrelated"] + EXPECTED["consistent"]
        if any(matches(f, e) for f in rules_only)
    ]
    assert not flagged, "wrongly flagged:\n" + "\n".join(flagged)
