"""The docs cannot go stale: docs/cli.md is what docs/gen_cli_reference.py writes from the Click commands, and
every relative link in README.md, CHANGELOG.md and docs/*.md points at a file that exists."""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
from pathlib import Path

import click
import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
CODE_SPAN = re.compile(r"`[^`\n]*`")
# [text](target) and ![alt](target), with an optional "title"; <target> for targets with spaces.
LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*(<[^>\n]+>|[^)\s]+)(?:\s+\"[^\"\n]*\")?\s*\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*(<[^>\n]+>|\S+)", re.M)


def generator():
    spec = importlib.util.spec_from_file_location(
        "gen_cli_reference", DOCS / "gen_cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current():
    expected = generator().render()
    current = (
        (DOCS / "cli.md").read_text(encoding="utf-8")
        if (DOCS / "cli.md").is_file()
        else ""
    )
    assert current == expected, (
        "docs/cli.md is stale (it differs from the Click commands' help): run `python docs/gen_cli_reference.py` "
        "and commit docs/cli.md"
    )


def test_cli_reference_covers_every_command():
    headings = set(re.findall(r"^## (.+)$", generator().render(), re.M))
    wanted = {"claimcheck"}
    for name, command in cli.commands.items():
        wanted.add(f"claimcheck {name}")
        if isinstance(command, click.Group):
            wanted |= {f"claimcheck {name} {sub}" for sub in command.commands}
    assert wanted <= headings, f"missing from docs/cli.md: {sorted(wanted - headings)}"
    assert {
        "claimcheck model info",
        "claimcheck train-nli",
        "claimcheck eval",
    } <= headings


def links(markdown: str) -> list[str]:
    """Link targets outside code blocks and code spans."""
    text = CODE_SPAN.sub("", FENCE.sub("", markdown))
    return [
        target.strip("<>") for target in LINK.findall(text) + REFERENCE.findall(text)
    ]


def test_link_parser_sees_links_and_skips_code():
    sample = (
        'See [the guide](docs/ci.md#baseline) and ![shot](serve.png "title").\n'
        "[ref]: <other file.md>\n`[not](a-link.md)`\n```\n[nor](this.md)\n```\n"
    )
    assert links(sample) == ["docs/ci.md#baseline", "serve.png", "other file.md"]


def anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces to hyphens,
    a repeated heading numbered."""
    seen: dict[str, int] = {}
    for heading in re.findall(
        r"^#{1,6}[ \t]+(.+?)[ \t#]*$", FENCE.sub("", markdown), re.M
    ):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        seen[slug] = seen.get(slug, -1) + 1
        if seen[slug]:
            seen[f"{slug}-{seen[slug]}"] = 0
    return set(seen)


def test_anchor_slugs():
    assert anchors(
        "# A `json` report\n## Exit codes\n## Exit codes\n```\n# not a heading\n```\n"
    ) == {"a-json-report", "exit-codes", "exit-codes-1"}


def test_relative_links_point_at_files():
    pages = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted(DOCS.glob("*.md"))]
    broken = []
    for page in pages:
        for target in links(page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                continue  # another site (https:, mailto:)
            path, _, fragment = target.split("?", 1)[0].partition("#")
            file = page.parent / path if path else page
            if not file.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such file)")
            elif (
                fragment
                and file.suffix == ".md"
                and fragment not in anchors(file.read_text(encoding="utf-8"))
            ):
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such heading)")
    assert not broken, "broken links:\n" + "\n".join(broken)
    assert len(pages) > 2, "docs/*.md should exist"


def schema(name: str) -> dict:
    return json.loads((DOCS / "schemas" / name).read_text(encoding="utf-8"))


class Example:
    """examples/news as docs/ci.md runs it: both batches in, deterministic checks only."""

    def __init__(self, db: Path):
        self.db, self.runner = str(db), CliRunner()

    def __call__(self, *args):
        return self.runner.invoke(
            cli, ["--db", self.db, *map(str, args)], catch_exceptions=False
        )


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Example:
    run = Example(tmp_path_factory.mktemp("docs") / "claims.db")
    news = ROOT / "examples" / "news"
    assert run("run", "--no-nli", "--new-only", news / "batch1").exit_code == 0
    assert run("run", "--no-nli", "--new-only", news / "batch2").exit_code == 1
    return run


def test_report_and_baseline_match_their_documented_schemas(example, tmp_path):
    """docs/schemas/*.schema.json describe what `check --format json|jsonl` and
    `baseline write` really write."""
    report_schema = schema("report.schema.json")
    jsonschema.Draft202012Validator.check_schema(report_schema)

    report = json.loads(example("check", "--no-nli", "--format", "json").stdout)
    jsonschema.Draft202012Validator(report_schema).validate(report)
    assert [f["kind"] for f in report["findings"]] == ["number"]

    finding_schema = {"$defs": report_schema["$defs"], "$ref": "#/$defs/finding"}
    lines = example("check", "--no-nli", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 1
    for line in lines:
        jsonschema.Draft202012Validator(finding_schema).validate(json.loads(line))

    baseline = tmp_path / "baseline.json"
    assert example("baseline", "write", baseline).exit_code == 0
    baseline_schema = schema("baseline.schema.json")
    jsonschema.Draft202012Validator.check_schema(baseline_schema)
    written = json.loads(baseline.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(baseline_schema).validate(written)

    extra = dict(report, findings=[dict(report["findings"][0], undocumented=1)])
    assert not jsonschema.Draft202012Validator(report_schema).is_valid(extra), (
        "the schema must reject unknown keys"
    )


def test_database_doc_lists_every_table_and_view(example):
    """docs/database.md has a row for each table and view a claimcheck database holds
    (the full-text index's own shadow tables aside)."""
    conn = sqlite3.connect(example.db)
    try:
        names = [
            name
            for (name,) in conn.execute(
                "select name from sqlite_master where type in ('table', 'view') "
                "and name not like 'sqlite_%' order by name"
            )
        ]
    finally:
        conn.close()
    shadow = re.compile(r"^claims_fts_(data|idx|docsize|config|content)$")
    names = [name for name in names if not shadow.match(name)]
    assert {"claims", "findings", "source_stats"} <= set(names)
    page = (DOCS / "database.md").read_text(encoding="utf-8")
    missing = [name for name in names if f"| `{name}` |" not in page]
    assert not missing, f"docs/database.md does not describe: {', '.join(missing)}"
