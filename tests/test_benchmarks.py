"""Smoke tests of the generalization benchmarks (benchmarks/bench_summedits.py, bench_different_things.py) on tiny
inputs, deterministic checks only. They test what the scripts count and how, not claimcheck's accuracy."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_different_things
import bench_summedits
import corpora

DOCUMENT = (
    "In the latest exchange, Russia and Ukraine each released 48 prisoners of war.\n"
    "The swap took place at the border near Sumy, officials said.\n"
    "Relatives of the prisoners waited at a nearby station for most of the day.\n"
)


def summedits_file(tmp_path: Path) -> Path:
    rows = [
        {
            "domain": "news",
            "doc_id": "d1",
            "document": DOCUMENT,
            "label": "inconsistent",
            "edit_types": ["entity_modification"],
            "summary": "In the latest exchange, Russia and Ukraine each released 84 prisoners of war.",
        },
        {
            "domain": "news",
            "doc_id": "d1",
            "document": DOCUMENT,
            "label": "consistent",
            "edit_types": [],
            "summary": "Relatives waited at a station near the border.",
        },
        {
            "domain": "news",
            "doc_id": "d1",
            "document": DOCUMENT,
            "label": "inconsistent",
            "edit_types": ["hallucinated_fact_insertion"],
            "summary": "Relatives waited at a station near the border, where a band played.",
        },
        {
            "domain": "samsum",
            "doc_id": "d2",
            "document": "Ann: I will bring the cake at 5.\nBob: Great, see you.",
            "label": "consistent",
            "edit_types": [],
            "summary": "Ann will bring the cake.",
        },
    ]
    path = tmp_path / "summedits.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_summedits_counts_document_vs_summary_findings(tmp_path, capsys):
    out = tmp_path / "out.json"
    result = bench_summedits.main(
        [
            "--data",
            str(summedits_file(tmp_path)),
            "--limit-per-domain",
            "0",
            "--no-nli",
            "--quiet",
            "--json",
            str(out),
        ]
    )
    assert json.loads(out.read_text()) == json.loads(json.dumps(result))
    outcomes = {o["row"]: o for o in result["outcomes"]}
    assert len(outcomes) == 4
    assert outcomes[1]["caught"] and "number" in outcomes[1]["kinds"]
    for finding in outcomes[1]["findings"]:
        assert "84" in finding["summary"] and "48" in finding["document"]
    news = result["domains"]["news"]
    assert (news["n"], news["inconsistent"], news["consistent"]) == (3, 2, 1)
    caught_inconsistent = sum(outcomes[row]["caught"] for row in (1, 3))
    assert news["recall"] == caught_inconsistent / 2
    assert news["false_positive_rate"] == float(outcomes[2]["caught"])
    assert news["balanced_accuracy"] == round(
        (news["recall"] + 1 - news["false_positive_rate"]) / 2, 4
    )
    # without the summary whose only edit is an unsupported fact, row 1 is the only inconsistent one
    assert news["balanced_accuracy_without_unsupported_only"] == round(
        (float(outcomes[1]["caught"]) + 1 - news["false_positive_rate"]) / 2, 4
    )
    assert news["recall_by_edit_type"]["entity_modification"] == {
        "n": 1,
        "recall": float(outcomes[1]["caught"]),
    }
    assert news["recall_unsupported_only"]["n"] == 1
    assert set(result["domains"]) == {"news", "samsum"}
    assert (
        result["domains"]["samsum"]["balanced_accuracy"] is None
    )  # no inconsistent summary there
    printed = capsys.readouterr().out
    assert re.search(r"^news\s+3\s+2\s", printed, re.M)
    assert "hallucinated_fact_insertion" in printed


def test_each_summary_is_checked_as_if_alone_with_its_document(tmp_path):
    """Summaries of one document share a database in turn; each must get what a fresh database would give."""
    rows = bench_summedits.read_rows(summedits_file(tmp_path))[:3]
    together = bench_summedits.check_document(rows, use_nli=False, model=None)
    alone = [
        bench_summedits.check_document([row], use_nli=False, model=None)[0]
        for row in rows
    ]

    def key(outcome):
        return sorted(
            (f["kind"], f["summary"], f["document"]) for f in outcome["findings"]
        )

    assert [key(o) for o in together] == [key(o) for o in alone]
    assert [o["caught"] for o in together] == [o["caught"] for o in alone]


def test_only_findings_between_document_and_summary_count():
    def claim(source):  # findings only need their claims' sources
        return SimpleNamespace(source=source)

    findings = [
        SimpleNamespace(a=claim(a), b=claim(b), name=f"{a}-{b}")
        for a, b in [
            ("document", "document"),
            ("summary", "summary"),
            ("document", "summary"),
            ("summary", "document"),
            ("document", "other"),
        ]
    ]
    assert [f.name for f in bench_summedits.document_vs_summary(findings)] == [
        "document-summary",
        "summary-document",
    ]


def test_summedits_sample_is_stratified_and_seeded():
    rows = [
        {
            "row": i,
            "domain": "news" if i < 40 else "podcast",
            "doc_id": str(i % 5),
            "label": "consistent" if i % 4 == 0 else "inconsistent",
            "edit_types": [],
        }
        for i in range(100)
    ]
    chosen, how = bench_summedits.sample(rows, None, None, seed=3)
    news = [r for r in chosen if r["domain"] == "news"]
    podcast = [r for r in chosen if r["domain"] == "podcast"]
    assert len(news) == 40  # every news summary by default
    assert (
        len(podcast) == 60 and "news 40/40" in how
    )  # all 60: fewer than the 60 asked for is all of them
    chosen, _ = bench_summedits.sample(rows, ["podcast"], 20, seed=3)
    assert len(chosen) == 20 and {r["domain"] for r in chosen} == {"podcast"}
    assert sum(r["label"] == "consistent" for r in chosen) == 10
    again, _ = bench_summedits.sample(rows, ["podcast"], 20, seed=3)
    other, _ = bench_summedits.sample(rows, ["podcast"], 20, seed=4)
    assert (
        [r["row"] for r in again]
        == [r["row"] for r in chosen]
        != [r["row"] for r in other]
    )
    # a class too small for half: the rest comes from the other class
    few = [r for r in rows if r["domain"] == "podcast"][
        :9
    ]  # rows 40..48: consistent 40, 44, 48
    picked, _ = bench_summedits.sample(few, None, 8, seed=0)
    assert len(picked) == 8 and sum(r["label"] == "consistent" for r in picked) == 3
    with pytest.raises(SystemExit, match="no rows for domain"):
        bench_summedits.sample(rows, ["nonsense"], None, seed=0)


def test_different_things_corpus_is_seeded_varied_and_about_different_things():
    articles = corpora.different_things(40, seed=5)
    assert [a.markdown() for a in articles] == [
        a.markdown() for a in corpora.different_things(40, seed=5)
    ]
    assert [a.body for a in articles] != [
        a.body for a in corpora.different_things(40, seed=6)
    ]
    assert {a.family for a in articles} == {"budget", "football", "earnings", "flight"}
    assert len({a.subject for a in articles}) == 40  # nothing appears twice
    for article in articles:
        named = (
            article.subject.split(" v ")
            if article.family == "football"
            else article.subject.rsplit(" ", 1)
            if article.family == "flight"
            else [article.subject]
        )
        assert (
            all(name in article.title for name in named)
            if article.family == "flight"
            else any(name in article.title for name in named)
        ), (article.subject, article.title)
        assert re.match(r"[A-Z]+, [A-Z][a-z]+ \d+ \(", article.body)  # dateline
        assert article.published.startswith("2025-")
        text = article.markdown()
        assert (
            text.startswith(f"---\nid: {article.id}\n")
            and f"# {article.title}\n" in text
        )
        assert "{" not in article.body and ".." not in article.body
    budgets = [a for a in articles if a.family == "budget"]
    frames = {
        re.sub(
            r"\$?[\d.,]+|\b(?:on \w+day|yesterday)\b",
            "#",
            a.body.split(" — ", 1)[1].split("\n")[0],
        ).replace(a.subject, "TOWN")
        for a in budgets
    }
    assert len(frames) > 3  # reworded, not one frame
    surnames = re.compile(r"\b(" + "|".join(corpora.SURNAMES) + r")\b")
    people = [
        {
            m.group(0)
            for m in re.finditer(
                r"\b(?:"
                + "|".join(corpora.FIRST)
                + r") (?:[A-Z]\. )?(?:"
                + "|".join(corpora.SURNAMES)
                + ")",
                a.body,
            )
        }
        for a in articles
    ]
    for found in people:  # no two people in one article share a surname
        assert len({surnames.search(name).group(0) for name in found}) == len(found)
    by_surname: dict[str, set[str]] = {}
    for found in people:
        for name in found:
            by_surname.setdefault(name.split()[-1], set()).add(name)
    assert any(
        len(names) > 1 for names in by_surname.values()
    )  # shared across articles, on purpose


def test_different_things_bench_counts_findings_per_100_documents(tmp_path, capsys):
    out, folder = tmp_path / "out.json", tmp_path / "articles"
    result = bench_different_things.main(
        ["--documents", "8", "--no-nli", "--json", str(out), "--write", str(folder)]
    )
    assert json.loads(out.read_text()) == json.loads(json.dumps(result))
    assert len(list(folder.glob("*.md"))) == 8
    rules = result["rules"]
    assert "nli" not in result and result["documents"] == 8
    assert rules["findings_per_100_documents"] == round(100 * rules["findings"] / 8, 2)
    assert (
        sum(rules["by_kind"].values())
        == rules["findings"]
        == sum(rules["by_families"].values())
    )
    assert len(rules["examples"]) == min(8, rules["findings"])
    assert f"{rules['findings']} findings in 8 documents" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="not empty"):
        bench_different_things.main(
            ["--documents", "2", "--no-nli", "--write", str(folder)]
        )
