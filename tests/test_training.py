import json

import numpy as np
import pytest

from claimcheck.nli import LABELS, load_model
from claimcheck.training import best_threshold, export_onnx, pair_threshold, split_by_group, train
from tests.tiny_nli import build_tiny_nli_model

TEMPLATES = [
    ("The police arrested {n} men in the city on Monday.", "The police arrested {n} men.", "entailment"),
    ("The police arrested {n} men in the city on Monday.", "No one was arrested in the city.", "contradiction"),
    ("The company said prices rose by {n} percent in March.", "The minister was elected.", "neutral"),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "pairs.jsonl"
    rows = [{"premise": p.format(n=n), "hypothesis": h.format(n=n), "label": label, "group": f"case-{n}"}
            for n in range(2, 42) for p, h, label in TEMPLATES]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


@pytest.fixture(scope="module")
def trained(data, tmp_path_factory):
    base = build_tiny_nli_model(tmp_path_factory.mktemp("base"))
    out = tmp_path_factory.mktemp("run")
    summary = train([data], out, base_model=base, max_steps=6, batch_size=8, edit_pairs=20, dev_fraction=0.25,
                    export=False, log=lambda line: None)
    return out, summary


def test_split_keeps_each_group_on_one_side():
    rows = [{"premise": f"p{i % 7}", "hypothesis": "h", "label": "neutral", "group": f"g{i % 13}"}
            for i in range(200)]
    train_rows, dev_rows = split_by_group(rows, seed=3, dev_fraction=0.3)
    assert {r["group"] for r in train_rows}.isdisjoint({r["group"] for r in dev_rows})
    assert train_rows and dev_rows and len(train_rows) + len(dev_rows) == 200
    no_groups = [{"premise": f"p{i % 9}", "hypothesis": f"h{i}", "label": "neutral"} for i in range(90)]
    train_rows, dev_rows = split_by_group(no_groups, seed=0, dev_fraction=0.3)
    assert {r["premise"] for r in train_rows}.isdisjoint({r["premise"] for r in dev_rows})


def test_best_threshold_separates_the_classes():
    threshold = best_threshold([False, False, True, True], [0.1, 0.3, 0.6, 0.9])
    assert 0.3 < threshold <= 0.6


def test_training_saves_a_calibrated_model(trained):
    out, summary = trained
    assert summary["steps"] == 6 and summary["generated_pairs"] == 20
    assert summary["dev"]["n"] == summary["dev_pairs"] > 0
    settings = json.loads((out / "model" / "claimcheck.json").read_text())
    model = load_model(out / "model")
    assert model.threshold == pytest.approx(settings["threshold"]) and model.labels == LABELS
    dev_groups = {json.loads(line).get("group") for line in open(out / "dev.jsonl")}
    assert dev_groups and all(group.startswith("case-") for group in dev_groups)


def test_fp32_export_matches_torch(trained, tmp_path):
    out, _ = trained
    export_onnx(out / "model", tmp_path / "fp32", out / "dev.jsonl", quantization="none")
    pairs = [(json.loads(line)["premise"], json.loads(line)["hypothesis"]) for line in open(out / "dev.jsonl")]
    exported, original = load_model(tmp_path / "fp32").predict(pairs), load_model(out / "model").predict(pairs)
    assert np.abs(exported - original).max() < 1e-4


def test_export_gives_a_batch_independent_onnx_model(trained, tmp_path):
    out, _ = trained
    metrics = export_onnx(out / "model", tmp_path / "shipped", out / "dev.jsonl", quantization="static")
    assert (tmp_path / "shipped" / "model.onnx").is_file() and metrics["n"] > 0
    shipped, original = load_model(tmp_path / "shipped"), load_model(out / "model")
    pairs = [(json.loads(line)["premise"], json.loads(line)["hypothesis"]) for line in open(out / "dev.jsonl")]
    together = shipped.predict(pairs)
    alone = np.concatenate([shipped.predict([pair]) for pair in pairs])
    assert np.abs(together - alone).max() < 1e-4
    assert np.abs(together - original.predict(pairs)).max() < 0.1


def test_pair_threshold_flags_at_most_the_allowed_share_of_non_contradictions():
    scores = [i / 100 for i in range(100)] + [0.9, 0.95]
    truth = [False] * 100 + [True, True]
    threshold = pair_threshold(truth, scores, max_fpr=0.05)
    flagged = [s >= threshold for s, t in zip(scores, truth) if not t]
    assert sum(flagged) == 5 and 0.94 < threshold <= 0.95
    assert pair_threshold([True], [0.7]) == 0.5      # no negatives to calibrate on
