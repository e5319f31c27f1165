"""claimcheck in CI: incremental checks, fingerprints, baselines, accepting findings, exit codes, the workflow."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.cli.pipeline_commands import FAIL_LEVELS
from claimcheck.reports.render import FORMATS

CHECK_OPTIONS = [
    "--no-nli"
]  # deterministic checks only; [] checks with the default NLI model too
ROOT = Path(__file__).parent.parent
CI_FIXTURES = ROOT / "fixtures" / "ci"

LEDGER = """---
source: Ledger
---
City turnout reached 61 percent in Sunday's municipal election, officials said.
The new bridge over the Elm River will open on May 4, 2026.
Mayor Ana Ruiz attended the opening ceremony of the library.
Senator Maria Lee said she supports the ceasefire proposal.
"""
HERALD = """---
source: Herald
---
City turnout reached 48 percent in Sunday's municipal election, officials said.
The new bridge over the Elm River will open on June 9, 2026.
Mayor Ana Ruiz did not attend the opening ceremony of the library.
Governor Tom Park said he opposes the ceasefire proposal.
"""
# rules-only scores of the findings between LEDGER and HERALD
SCORES = {"contradiction": 0.9, "number": 0.85, "date": 0.8, "position": 0.75}


def claimcheck(db, *args):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), result.output
    return result


def check(db, *args):
    return claimcheck(db, "check", *CHECK_OPTIONS, *args)


def report(db, *args) -> dict:
    return json.loads(check(db, "--format", "json", *args).stdout)


def write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """A database with one finding of each kind the rules find."""
    folder = write(
        tmp_path_factory.mktemp("news") / "news",
        {"ledger.txt": LEDGER, "herald.txt": HERALD},
    )
    db = folder.parent / "claims.db"
    assert claimcheck(db, "ingest", str(folder)).exit_code == 0
    assert sorted(f["kind"] for f in report(db)["findings"]) == sorted(SCORES)
    return db


@pytest.mark.parametrize("level", FAIL_LEVELS)
def test_exit_code_for_each_fail_level(checked, level):
    expected = 1 if level == "any" or level in SCORES else 0
    assert check(checked, "--fail-on", level).exit_code == expected


def test_min_score_counts_only_strong_findings(checked):
    assert check(checked, "--fail-on", "number", "--min-score", "0.85").exit_code == 1
    assert check(checked, "--fail-on", "number", "--min-score", "0.86").exit_code == 0
    assert check(checked, "--min-score", "0.86").exit_code == 1  # the 0.9 contradiction
    assert check(checked, "--min-score", "0.95").exit_code == 0
    assert (
        len(report(checked, "--min-score", "0.95")["findings"]) == 4
    )  # reported all the same


def test_usage_and_input_errors_exit_2(checked, tmp_path):
    assert check(checked, "--fail-on", "bogus").exit_code == 2
    assert check(checked, "--format", "pdf").exit_code == 2
    assert claimcheck(tmp_path / "none.db", "check", *CHECK_OPTIONS).exit_code == 2


def test_fingerprints_are_the_same_in_two_fresh_databases_and_after_reingest(tmp_path):
    first = write(tmp_path / "one", {"ledger.txt": LEDGER, "herald.txt": HERALD})
    claimcheck(tmp_path / "one.db", "ingest", str(first))
    # elsewhere: other paths, other file names, another article, in another order, then an edit
    second = write(
        tmp_path / "elsewhere" / "batch",
        {
            "b.txt": HERALD,
            "a.txt": LEDGER.replace("Ledger\n", "Ledger\n\n"),
            "c.txt": "---\nsource: Post\n---\nThe zoo reopened on Friday.\n",
        },
    )
    claimcheck(tmp_path / "two.db", "ingest", str(second / "c.txt"))
    claimcheck(tmp_path / "two.db", "ingest", str(second))
    (second / "b.txt").write_text(HERALD + "The weather was mild.\n", encoding="utf-8")
    claimcheck(tmp_path / "two.db", "ingest", str(second))

    one, two = (
        report(tmp_path / "one.db")["findings"],
        report(tmp_path / "two.db")["findings"],
    )
    assert len(one) == 4
    assert {f["id"]: f["kind"] for f in one} == {f["id"]: f["kind"] for f in two}
    assert {f["claims"][0]["path"] for f in two} <= {
        str(second / "a.txt"),
        str(second / "b.txt"),
    }


def test_new_only_pairs_only_what_came_since_the_last_check(tmp_path):
    db = tmp_path / "claims.db"
    news = write(tmp_path / "news", {"ledger.txt": LEDGER})
    claimcheck(db, "run", *CHECK_OPTIONS, "--new-only", str(news))
    write(news, {"herald.txt": HERALD})
    claimcheck(db, "ingest", str(news))
    first = report(db, "--new-only")
    assert first["summary"]["new_claims"] == 4 and first["summary"]["documents"] == 1
    assert len(first["findings"]) == 4
    again = report(
        db, "--new-only"
    )  # nothing new since: nothing paired, nothing reported
    assert again["summary"]["pairs"] == 0 and again["findings"] == []
    assert check(db, "--new-only").exit_code == 0


def test_baseline_round_trip(tmp_path, checked):
    baseline = tmp_path / "baseline.json"
    assert claimcheck(checked, "baseline", "write", str(baseline)).exit_code == 0
    written = json.loads(baseline.read_text(encoding="utf-8"))
    assert sorted(f["kind"] for f in written["findings"]) == sorted(SCORES)
    assert all(
        len(f["claims"]) == 2 and f["claims"][0]["text"] and f["claims"][0]["path"]
        for f in written["findings"]
    )

    result = check(checked, "--baseline", str(baseline))
    assert (
        result.exit_code == 0
        and "4 suppressed (0 accepted, 4 baselined)" in result.stdout
    )

    # a fresh database with one more article, which contradicts both: only its findings are reported
    post = "---\nsource: Post\n---\nCity turnout reached 52 percent in Sunday's municipal election, officials said.\n"
    news = write(
        tmp_path / "news",
        {"ledger.txt": LEDGER, "herald.txt": HERALD, "post.txt": post},
    )
    db = tmp_path / "fresh.db"
    claimcheck(db, "ingest", str(news))
    found = report(db, "--baseline", str(baseline))
    assert found["findings"] and {f["kind"] for f in found["findings"]} == {"number"}
    assert all("Post" in {c["source"] for c in f["claims"]} for f in found["findings"])
    assert found["summary"]["baselined"] == 4


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such baseline file"),
        ("{not json", "invalid JSON"),
        ('{"findings": []}', "not a claimcheck baseline"),
        (
            '{"claimcheck_baseline": 1, "findings": [{"kind": "number"}]}',
            "needs a string id",
        ),
    ],
)
def test_bad_baseline_is_an_input_error(tmp_path, checked, content, message):
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    result = check(checked, "--baseline", str(baseline))
    assert (
        result.exit_code == 2
        and message in result.stderr
        and result.stderr.startswith("Error: ")
    )


def test_accept_by_fingerprint_prefix(tmp_path):
    db = tmp_path / "claims.db"
    claimcheck(
        db,
        "ingest",
        str(write(tmp_path / "news", {"ledger.txt": LEDGER, "herald.txt": HERALD})),
    )
    number = next(f for f in report(db)["findings"] if f["kind"] == "number")

    assert claimcheck(db, "accept", "ffffffffffffffff0", "--reason", "x").exit_code == 2
    assert (
        claimcheck(db, "accept", number["id"][:6]).exit_code == 2
    )  # --reason is required
    assert (
        claimcheck(
            db, "accept", number["id"][:6], "--reason", "two different polls"
        ).exit_code
        == 0
    )

    accepted = json.loads(
        claimcheck(db, "findings", "--status", "accepted", "--json").stdout
    )
    assert [(f["id"], f["reason"]) for f in accepted] == [
        (number["id"], "two different polls")
    ]
    assert number["id"] not in {
        f["id"]
        for f in json.loads(
            claimcheck(db, "findings", "--status", "open", "--json").stdout
        )
    }
    after = report(db, "--fail-on", "number")
    assert (
        number["id"] not in {f["id"] for f in after["findings"]}
        and after["summary"]["accepted"] == 1
    )
    assert check(db, "--fail-on", "number").exit_code == 0
    assert check(db).exit_code == 1  # the other kinds are still open


# --- the worked example and the GitHub Actions workflow, on fixtures/ci --------------------------------------


def expected_findings() -> list[dict]:
    return json.loads((CI_FIXTURES / "expected.json").read_text(encoding="utf-8"))[
        "findings"
    ]


def test_worked_example(tmp_path):
    """fixtures/ci: batch 1 is clean; batch 2 brings exactly the contradiction in expected.json."""
    finding = worked_example(tmp_path, CI_FIXTURES / "batch1", CI_FIXTURES / "batch2")
    assert_matches_expected(finding)


def test_ci_guide_worked_example(tmp_path):
    """The CI guide's example (docs/ci.md), on examples/news: its output there shows this fingerprint."""
    news = ROOT / "examples" / "news"
    finding = worked_example(tmp_path, news / "batch1", news / "batch2")
    assert finding["id"] == "d6afefd814ec0cf6"
    assert finding["id"] in (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")


def worked_example(tmp_path, batch1: Path, batch2: Path) -> dict:
    db = tmp_path / "ci.db"
    clean = claimcheck(db, "run", *CHECK_OPTIONS, "--new-only", str(batch1))
    assert clean.exit_code == 0, clean.output

    new = claimcheck(
        db, "run", *CHECK_OPTIONS, "--new-only", "--format", "json", str(batch2)
    )
    assert new.exit_code == 1
    findings = json.loads(new.stdout)["findings"]
    assert [f["kind"] for f in findings] == ["number"]

    assert check(db, "--new-only").exit_code == 0  # reported once
    assert check(db).exit_code == 1  # still open for a full check
    for format in FORMATS:
        shown = check(db, "--format", format)
        assert shown.exit_code == 1 and findings[0]["id"] in shown.stdout
    baseline = tmp_path / "baseline.json"
    claimcheck(db, "baseline", "write", str(baseline))
    assert check(db, "--baseline", str(baseline)).exit_code == 0
    claimcheck(db, "accept", findings[0]["id"][:8], "--reason", "reviewed")
    accepted = check(db)
    assert (
        accepted.exit_code == 0
        and "1 suppressed (1 accepted, 0 baselined)" in accepted.stdout
    )
    return findings[0]


def assert_matches_expected(finding: dict):
    """expected.json gives the finding's kind and a piece of each claim's text with its file."""
    (expected,) = expected_findings()
    assert finding["kind"] == expected["kind"]
    claims = sorted(
        finding["claims"], key=lambda claim: expected["a"] not in claim["text"]
    )
    for claim, side in zip(claims, "ab", strict=True):
        assert expected[side] in claim["text"] and claim["path"] == str(
            CI_FIXTURES / expected[f"{side}_file"]
        )


def workflow_commands() -> list[str]:
    """The claimcheck command lines of the example workflow's steps, in order."""
    workflow = yaml.safe_load(
        (ROOT / "examples" / "github-actions.yml").read_text(encoding="utf-8")
    )
    steps = workflow["jobs"]["claimcheck"]["steps"]
    lines = [
        line for step in steps if "run" in step for line in step["run"].splitlines()
    ]
    return [line for line in lines if line.startswith("claimcheck ")]


@pytest.mark.parametrize(
    "batches",
    [CI_FIXTURES, ROOT / "examples" / "news"],
    ids=["fixtures-ci", "examples-news"],
)
def test_the_github_workflow_commands(tmp_path, batches):
    import jsonschema

    ingest, check_base, pull_request = workflow_commands()
    assert (
        "--new-only" in pull_request
        and "--format sarif --output claimcheck.sarif" in pull_request
    )
    env = {
        **os.environ,
        "ARTICLES": "articles",
        "CLAIMCHECK_DB": "claimcheck.db",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }

    def sh(command):
        command = command.replace(
            "claimcheck check", f"claimcheck check {' '.join(CHECK_OPTIONS)}"
        )
        command = command.replace(
            "claimcheck run", f"claimcheck run {' '.join(CHECK_OPTIONS)}"
        )
        return subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
        )

    shutil.copytree(batches / "batch1", tmp_path / "articles")  # the base branch
    assert sh(ingest).returncode == 0 and sh(check_base).returncode == 0
    assert sh("claimcheck baseline write claimcheck-baseline.json").returncode == 0
    shutil.copytree(
        batches / "batch2", tmp_path / "articles", dirs_exist_ok=True
    )  # the pull request
    result = sh(pull_request)
    assert result.returncode == 1, result.stderr

    sarif = json.loads((tmp_path / "claimcheck.sarif").read_text(encoding="utf-8"))
    schema = json.loads(
        (ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(
            encoding="utf-8"
        )
    )
    jsonschema.Draft4Validator(schema).validate(sarif)
    (result_,) = sarif["runs"][0]["results"]
    assert result_["ruleId"] == "number"
    for location in result_["locations"] + result_["relatedLocations"]:
        assert (
            tmp_path / location["physicalLocation"]["artifactLocation"]["uri"]
        ).is_file()
