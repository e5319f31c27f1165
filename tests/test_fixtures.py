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
    return json.loads(result.output)["findings"]


def side_matches(claim: dict, text: str, file: str) -> bool:
    return text in claim["sentence"] and Path(claim["path"]).as_posix().endswith(file)


def matches(finding: dict, entry: dict) -> bool:
    a, b = finding["claims"]
    return any(side_matches(x, entry["a"], entry["a_file"]) and side_matches(y, entry["b"], entry["b_file"])
               for x, y in ((a, b), (b, a)))


def describe(entry):
    return f"{entry.get('kind', '')} {entry['a_file']}: {entry['a']!r} / {entry['b_file']}: {entry['b']!r}"


@pytest.mark.parametrize("entry", EXPECTED["findings"], ids=describe)
def test_planted_finding_is_found_with_its_kind(findings, entry):
    found = [f for f in findings if matches(f, entry)]
    assert found, f"not found: {describe(entry)}"
    assert entry["kind"] in {f["kind"] for f in found}


@pytest.mark.parametrize("entry", EXPECTED["consistent"] + EXPECTED["unrelated"], ids=describe)
def test_consistent_and_unrelated_pairs_are_not_flagged(findings, entry):
    flagged = [f for f in findings if matches(f, entry)]
    assert not flagged, f"wrongly flagged: {describe(entry)}: {flagged[0]['explanation']}"


def test_every_finding_was_planted(findings):
    unexpected = [f for f in findings if not any(matches(f, e) for e in EXPECTED["findings"])]
    assert not unexpected, "\n".join(
        f"{f['kind']}: {f['claims'][0]['text']!r} / {f['claims'][1]['text']!r} ({f['explanation']})"
        for f in unexpected)
