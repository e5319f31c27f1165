"""Plugins (claimcheck.plugins): the example plugin's verifier and report format through `claimcheck run`,
plugin extractors through CLAIMCHECK_NER, installed plugins found by entry point, `claimcheck plugins`, and
the one-line errors for unknown names and broken plugins."""

import csv
import importlib.util
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from claimcheck import plugins
from claimcheck.analysis.entities import builtin_extract
from claimcheck.hookspecs import hookimpl
from claimcheck.records import Verdict
from claimcheck.store.database import Store
from claimcheck.verify import VERIFIERS

EXAMPLE = (
    Path(__file__).resolve().parent.parent
    / "examples"
    / "plugins"
    / "claimcheck_example"
    / "claimcheck_example.py"
)
QUOTED = {
    "ledger.txt": ("Northern Ledger", "village"),
    "wire.txt": ("Capital Wire", "town"),
}

MISQUOTE = 'Anna Berg quoted two ways: "town" vs "village"'
MISQUOTE_BA = 'Anna Berg quoted two ways: "village" vs "town"'


def article(source: str, word: str) -> str:
    return textwrap.dedent(
        f"""\
        ---
        source: {source}
        published: 2025-08-16
        ---
        The summit in Geneva ended without a deal on Tuesday.
        "We will not give up a single {word}," Foreign Minister Anna Berg said after the talks in Geneva.
        """
    )


@pytest.fixture
def quotes(tmp_path):
    """Two sources quoting one minister, one word apart: only the example plugin's verifier flags it."""
    folder = tmp_path / "quotes"
    folder.mkdir()
    for name, (source, word) in QUOTED.items():
        (folder / name).write_text(article(source, word), encoding="utf-8")
    return folder


@pytest.fixture
def registered():
    """Registers plugins in this process for one test (no pip install), then unregisters them."""
    added = []

    def register(plugin, name=None):
        plugins.pm.register(plugin, name=name)
        added.append(plugin)
        return plugin

    yield register
    for plugin in added:
        plugins.pm.unregister(plugin)


@pytest.fixture
def example(registered):
    spec = importlib.util.spec_from_file_location("claimcheck_example", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return registered(module)


def one_error_line(result) -> str:
    lines = result.output.strip().splitlines()
    assert result.exit_code == 2 and len(lines) == 1, result.output
    assert lines[0].startswith("Error: "), result.output
    return lines[0]


def test_without_the_plugin_the_misquote_is_not_found(claimcheck, quotes):
    result = claimcheck("run", quotes, "--no-nli")
    assert result.exit_code == 0, result.output
    assert "0 findings" in result.output


def test_example_plugin_verifier_and_csv_format(claimcheck, quotes, example):
    result = claimcheck("run", quotes, "--no-nli")
    assert result.exit_code == 1, result.output
    assert MISQUOTE in result.output or MISQUOTE_BA in result.output
    assert "1 finding (1 contradiction)" in result.output

    report = claimcheck("check", "--no-nli", "--format", "csv")
    assert report.exit_code == 1, report.output
    [row] = list(csv.DictReader(io.StringIO(report.output)))
    assert row["kind"] == "contradiction" and float(row["score"]) == 0.6
    assert row["explanation"] in (MISQUOTE, MISQUOTE_BA)  # claims a and b in some order
    assert {row["a_source"], row["b_source"]} == {"Northern Ledger", "Capital Wire"}
    assert {row["a_speaker"], row["b_speaker"]} == {"Anna Berg"}
    assert row["a_line"] == row["b_line"] == "6"
    [stored] = json.loads(claimcheck("findings", "--json").output)
    assert stored["id"] == row["fingerprint"]


def test_example_verifier_leaves_other_quotes_alone(example):
    from claimcheck.records import Claim

    def side(sentence, speaker):
        claim = Claim("x", sentence, sentence, "S", "d", "v", "p", 1, 1, 0, 1, speaker)
        return type("Side", (), {"claim": claim, "reading": None})()

    same = '"We will not give up a single village," Anna Berg said.'
    assert example.misquote(side(same, "Anna Berg"), side(same, "Berg")) is None
    other = '"We will not give up a single town," Lena Costa said.'
    assert example.misquote(side(same, "Anna Berg"), side(other, "Lena Costa")) is None
    unrelated = '"Talks will resume in the autumn in Oslo," Anna Berg said.'
    assert example.misquote(side(same, "Anna Berg"), side(unrelated, "Berg")) is None
    verdict = example.misquote(
        side(same, "Anna Berg"), side(same.replace("village", "town"), "Berg")
    )
    assert verdict.explanation == 'Anna Berg quoted two ways: "village" vs "town"'


def test_builtins_first_then_plugins_and_the_first_verdict_of_a_kind_counts(
    claimcheck, tmp_path, registered
):
    class Everything:
        @hookimpl
        def register_verifiers(self, register):
            register(lambda a, b: Verdict("contradiction", 0.99, "plugin says so"))

    registered(Everything(), "everything")
    found = plugins.verifiers()
    assert (
        found[: len(VERIFIERS)] == list(VERIFIERS) and len(found) == len(VERIFIERS) + 1
    )
    folder = tmp_path / "said"
    folder.mkdir()
    for name, (source, minister) in {
        "ledger.txt": ("Northern Ledger", "Foreign Minister Anna Berg"),
        "wire.txt": ("Capital Wire", "Defence Minister Piotr Lind"),
    }.items():
        text = article(source, "village").replace(
            "Foreign Minister Anna Berg", minister
        )
        (folder / name).write_text(text, encoding="utf-8")
    assert claimcheck("run", folder, "--no-nli").exit_code == 1
    findings = {
        (f["claim_a"].startswith('"'), f["claim_b"].startswith('"')): f
        for f in json.loads(claimcheck("findings", "--json").output)
    }
    # the quotes: the built-in role verifier's contradiction comes first and counts
    quotes = findings.pop((True, True))
    assert quotes["score"] == 0.8
    assert quotes["explanation"] in (
        "Defence Minister Piotr Lind vs Foreign Minister Anna Berg",
        "Foreign Minister Anna Berg vs Defence Minister Piotr Lind",
    )
    # the other pairs: no built-in verdict, so the plugin's
    assert findings and all(
        (f["score"], f["explanation"]) == (0.99, "plugin says so")
        for f in findings.values()
    )


def test_plugins_command_lists_the_plugins_and_what_they_register(claimcheck, example):
    [row] = json.loads(claimcheck("plugins", "--json").output)
    assert row == {
        "name": "claimcheck_example",
        "distribution": None,
        "version": None,
        "hooks": ["register_formats", "register_verifiers"],
        "verifiers": ["claimcheck_example.misquote"],
        "formats": ["csv"],
        "extractors": [],
    }
    nl = [
        json.loads(line) for line in claimcheck("plugins", "--nl").output.splitlines()
    ]
    assert nl == [row]
    [as_csv] = list(csv.DictReader(io.StringIO(claimcheck("plugins", "--csv").output)))
    assert as_csv["hooks"] == "register_formats, register_verifiers"
    assert "claimcheck_example" in claimcheck("plugins").output
    every = json.loads(claimcheck("plugins", "--all", "--json").output)
    default = next(r for r in every if r["name"] == "claimcheck.default_plugins")
    assert default["formats"][:2] == ["text", "json"]
    assert default["extractors"] == ["builtin", "spacy"]
    assert len(default["verifiers"]) == len(VERIFIERS)


def test_plugins_command_without_plugins(claimcheck):
    assert claimcheck("plugins").output == "(no rows)\n"
    assert json.loads(claimcheck("plugins", "--json").output) == []


def test_unknown_format_is_one_line_and_nothing_is_ingested(claimcheck, quotes):
    line = one_error_line(claimcheck("run", quotes, "--format", "nope"))
    assert line == (
        "Error: unknown report format 'nope' "
        "(known: text, json, jsonl, sarif, junit, github, markdown)"
    )
    assert not Path(claimcheck.db).exists()


def test_unknown_extractor_is_one_line_and_nothing_is_ingested(
    claimcheck, quotes, monkeypatch
):
    monkeypatch.setenv("CLAIMCHECK_NER", "nope")
    line = one_error_line(claimcheck("run", quotes, "--no-nli"))
    assert line == (
        "Error: unknown entity extractor 'nope' (CLAIMCHECK_NER; known: builtin, spacy)"
    )
    assert Store(claimcheck.db).db["documents"].count == 0


def test_a_plugin_extractor_picked_with_claimcheck_ner(
    claimcheck, quotes, monkeypatch, registered
):
    class People:
        @hookimpl
        def register_extractors(self, register):
            register(
                "people",
                lambda claims: [
                    m for m in builtin_extract(claims) if m.kind == "person"
                ],
            )

    registered(People(), "people")
    claimcheck("ingest", quotes)
    everything = {
        row["name"] for row in json.loads(claimcheck("entities", "--json").output)
    }
    assert {"Anna Berg", "Geneva"} <= everything

    monkeypatch.setenv("CLAIMCHECK_NER", "people")
    people = Path(claimcheck.db).with_name("people.db")
    result = claimcheck("ingest", quotes, "--db", people)
    assert result.exit_code == 0, result.output
    rows = json.loads(claimcheck("entities", "--json", "--db", people).output)
    assert {row["name"] for row in rows} == {"Anna Berg"}


def test_a_plugin_verdict_of_an_unknown_kind_is_an_error_naming_it(
    claimcheck, quotes, registered
):
    class Odd:
        @hookimpl
        def register_verifiers(self, register):
            register(lambda a, b: Verdict("odd", 0.5, "?"))

    registered(Odd(), "odd")
    claimcheck("ingest", quotes)
    line = one_error_line(claimcheck("check", "--no-nli"))
    assert line.startswith("Error: plugin 'odd': verifier ")
    assert "contradiction, position, number, date, name" in line


def test_a_format_name_taken_twice_is_an_error(claimcheck, quotes, registered):
    class Again:
        @hookimpl
        def register_formats(self, register):
            register("json", lambda result: "")

    registered(Again(), "again")
    line = one_error_line(claimcheck("run", quotes, "--format", "sarif2"))
    assert line == (
        "Error: plugin 'again': report format 'json' is registered already, "
        "by 'claimcheck.default_plugins'"
    )


def installed(site: Path, name: str, module: str, source: str) -> None:
    """A distribution on sys.path with an entry point in the group "claimcheck", as pip installs one."""
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    info = site / f"{name}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.2.3\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[claimcheck]\n{module} = {module}\n", encoding="utf-8"
    )


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A folder for installed plugins; plugins load again, and those it held are unregistered after."""
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setattr(plugins, "_loaded", False)
    monkeypatch.delenv("CLAIMCHECK_LOAD_PLUGINS", raising=False)
    before = {name for name, _ in plugins.pm.list_name_plugin()}
    yield folder
    for name, plugin in plugins.pm.list_name_plugin():
        if name not in before:
            plugins.pm.unregister(plugin)
            plugins._distributions.pop(name, None)
            sys.modules.pop(name, None)


def test_an_installed_plugin_is_found_by_its_entry_point(claimcheck, quotes, site):
    installed(
        site,
        "claimcheck-shout",
        "claimcheck_shout",
        textwrap.dedent(
            """\
            from claimcheck.hookspecs import hookimpl

            @hookimpl
            def register_formats(register):
                register("shout", lambda result: f"{len(result.findings)} FINDINGS\\n")
            """
        ),
    )
    result = claimcheck("run", quotes, "--no-nli", "--format", "shout")
    assert result.output.endswith("0 FINDINGS\n"), result.output
    [row] = json.loads(claimcheck("plugins", "--json").output)
    assert (row["name"], row["distribution"], row["version"], row["formats"]) == (
        "claimcheck_shout",
        "claimcheck-shout",
        "1.2.3",
        ["shout"],
    )


def test_a_plugin_that_fails_to_import_is_one_line_naming_it(
    claimcheck, quotes, site, monkeypatch
):
    installed(
        site,
        "claimcheck-broken",
        "claimcheck_broken",
        "import claimcheck_no_such_module\n",
    )
    line = one_error_line(claimcheck("run", quotes, "--no-nli"))
    assert line.startswith(
        "Error: plugin 'claimcheck_broken' (claimcheck-broken 1.2.3) failed to import: "
        "ModuleNotFoundError: No module named 'claimcheck_no_such_module'"
    )
    assert not Path(claimcheck.db).exists() or (
        Store(claimcheck.db).db["documents"].count == 0
    )
    assert one_error_line(claimcheck("plugins")) == line
    monkeypatch.setenv("CLAIMCHECK_LOAD_PLUGINS", "")
    assert claimcheck("run", quotes, "--no-nli").exit_code == 0


def test_help_loads_no_plugins():
    code = (
        "import sys\nfrom claimcheck.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "loaded = {'claimcheck.plugins', 'claimcheck.default_plugins'} & set(sys.modules)\n"
        "sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert result.returncode == 0, result.stderr


def test_the_example_declares_its_entry_point():
    import tomllib

    project = tomllib.loads(
        (EXAMPLE.parent / "pyproject.toml").read_text(encoding="utf-8")
    )["project"]
    assert project["entry-points"]["claimcheck"] == {"claimcheck_example": EXAMPLE.stem}
