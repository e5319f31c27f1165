"""Measure an NLI model on a JSONL file of premise/hypothesis/label pairs (3-way or contradiction/not_contradiction)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from claimcheck.errors import ClaimcheckError
from claimcheck.nli.model import LABELS, NLIModel

BINARY_LABELS = ("not_contradiction", "contradiction")


def read_jsonl(path: str | Path, three_way: bool = False) -> list[dict]:
    """Rows with premise, hypothesis and a known label; raises ClaimcheckError naming the first bad line."""
    path = Path(path)
    allowed = set(LABELS) if three_way else set(LABELS) | set(BINARY_LABELS)
    rows = []
    try:
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    valid = (
                        isinstance(row, dict)
                        and isinstance(row.get("premise"), str)
                        and isinstance(row.get("hypothesis"), str)
                        and row.get("label") in allowed
                    )
                except ValueError:
                    valid = False
                if not valid:
                    raise ClaimcheckError(
                        f"{path}:{number}: expected JSON with premise, hypothesis and label "
                        f"({', '.join(sorted(allowed))})"
                    )
                rows.append(row)
    except OSError as error:
        raise ClaimcheckError(
            f"cannot read {path}: {error.strerror or error}"
        ) from None
    if not rows:
        raise ClaimcheckError(f"{path} has no pairs")
    return rows


def evaluate_file(model: NLIModel, path: str | Path) -> dict:
    """Accuracy and macro F1 (3-way files), contradiction-vs-rest metrics at the model's threshold, throughput."""
    rows = read_jsonl(path)
    started = time.perf_counter()
    probabilities = model.predict([(row["premise"], row["hypothesis"]) for row in rows])
    seconds = time.perf_counter() - started
    report: dict[str, Any] = {"file": str(path), "model": model.name}
    report.update(metrics(rows, probabilities, model.threshold))
    report["pairs_per_second"] = round(len(rows) / seconds, 1) if seconds > 0 else None
    return report


def metrics(rows: list[dict], probabilities, threshold: float) -> dict:
    import numpy as np
    from sklearn.metrics import (
        accuracy_score,
        balanced_accuracy_score,
        confusion_matrix,
        f1_score,
        precision_score,
        recall_score,
        roc_auc_score,
    )

    three_way = all(row["label"] in LABELS for row in rows)
    contradiction = probabilities[:, LABELS.index("contradiction")]
    truth = np.array([row["label"] == "contradiction" for row in rows])
    flagged = contradiction >= threshold
    report: dict[str, Any] = {
        "n": len(rows),
        "threshold": threshold,
        "three_way": three_way,
    }
    if three_way:
        gold = [LABELS.index(row["label"]) for row in rows]
        predicted = probabilities.argmax(axis=1)
        report["accuracy"] = float(accuracy_score(gold, predicted))
        report["macro_f1"] = float(
            f1_score(
                gold, predicted, average="macro", labels=[0, 1, 2], zero_division=0
            )
        )
        report["confusion_matrix"] = {
            "labels": list(LABELS),
            "matrix": confusion_matrix(gold, predicted, labels=[0, 1, 2]).tolist(),
        }
    report["balanced_accuracy"] = float(balanced_accuracy_score(truth, flagged))
    report["precision"] = float(precision_score(truth, flagged, zero_division=0))
    report["recall"] = float(recall_score(truth, flagged, zero_division=0))
    report["roc_auc"] = (
        float(roc_auc_score(truth, contradiction)) if len(set(truth)) == 2 else None
    )
    report["contradiction_confusion"] = {
        "labels": list(BINARY_LABELS),
        "matrix": confusion_matrix(truth, flagged, labels=[False, True]).tolist(),
    }
    return report
