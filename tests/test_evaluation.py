import json

import numpy as np
import pytest
from click.testing import CliRunner

from claimcheck.errors import ClaimcheckError
from claimcheck.nli.evaluation import evaluate_file, metrics, read_jsonl
from claimcheck.nli.model import load_model


def write(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def rows(labels):
    return [
        {"premise": f"premise {i}", "hypothesis": f"hypothesis {i}", "label": label}
        for i, label in enumerate(labels)
    ]


def test_metrics_on_known_answers():
    gold = rows(["entailment", "neutral", "contradiction", "contradiction"])
    probabilities = np.array(
        [[0.8, 0.1, 0.1], [0.2, 0.2, 0.6], [0.1, 0.2, 0.7], [0.5, 0.1, 0.4]]
    )
    report = metrics(gold, probabilities, threshold=0.5)
    assert report["three_way"] and report["n"] == 4
    assert report["accuracy"] == pytest.approx(0.5)  # argmax: E, C, C, E
    assert report["confusion_matrix"]["matrix"] == [[1, 0, 0], [0, 0, 1], [1, 0, 1]]
    assert report["precision"] == pytest.approx(
        0.5
    )  # flagged: pairs 2 and 3, one of them right
    assert report["recall"] == pytest.approx(0.5)
    assert report["balanced_accuracy"] == pytest.approx(0.5)
    assert report["roc_auc"] == pytest.approx(
        0.75
    )  # 3 of 4 (contradiction, other) pairs ranked right
    assert report["contradiction_confusion"]["matrix"] == [[1, 1], [1, 1]]
    assert metrics(gold, probabilities, threshold=0.35)["recall"] == 1.0


def test_binary_files_get_no_three_way_scores():
    gold = rows(["contradiction", "not_contradiction"])
    report = metrics(gold, np.array([[0.1, 0.1, 0.8], [0.6, 0.3, 0.1]]), threshold=0.5)
    assert not report["three_way"] and "accuracy" not in report
    assert report["balanced_accuracy"] == 1.0 and report["roc_auc"] == 1.0


def test_evaluate_file_runs_the_model(tiny, tmp_path):
    path = write(
        tmp_path / "pairs.jsonl", rows(["entailment", "neutral", "contradiction"] * 4)
    )
    model = load_model(tiny)
    report = evaluate_file(model, path)
    expected = metrics(
        read_jsonl(path),
        model.predict([(f"premise {i}", f"hypothesis {i}") for i in range(12)]),
        model.threshold,
    )
    assert (
        report["n"] == 12
        and report["model"] == model.name
        and report["pairs_per_second"] > 0
    )
    assert report["accuracy"] == expected["accuracy"] and report[
        "roc_auc"
    ] == pytest.approx(expected["roc_auc"])


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"premise": "a", "hypothesis": "b"}\n', ":1: expected"),
        ('{"premise": "a", "hypothesis": "b", "label": "maybe"}\n', ":1: expected"),
        (
            '{"premise": "a", "hypothesis": "b", "label": "neutral"}\nnot json\n',
            ":2: expected",
        ),
        ("", "no pairs"),
    ],
)
def test_malformed_files_are_clear_errors(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    with pytest.raises(ClaimcheckError, match=message):
        read_jsonl(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ClaimcheckError, match="cannot read"):
        read_jsonl(tmp_path / "missing.jsonl")


def test_eval_command(tiny, tmp_path):
    from claimcheck.cli import cli

    path = write(
        tmp_path / "pairs.jsonl", rows(["contradiction", "not_contradiction"] * 3)
    )
    runner = CliRunner()
    result = runner.invoke(
        cli, ["eval", str(path), "--model", tiny, "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n"] == 6 and set(report) >= {
        "balanced_accuracy",
        "precision",
        "recall",
        "roc_auc",
        "contradiction_confusion",
        "pairs_per_second",
    }
    table = runner.invoke(
        cli, ["eval", str(path), "--model", tiny], catch_exceptions=False
    )
    assert table.exit_code == 0 and "balanced_acc" in table.stdout
    missing = runner.invoke(
        cli,
        ["eval", str(tmp_path / "nope.jsonl"), "--model", tiny],
        catch_exceptions=False,
    )
    assert missing.exit_code == 2 and "Error: cannot read" in missing.stderr
