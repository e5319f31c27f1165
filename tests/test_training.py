import json

import numpy as np
import pytest

from claimcheck.nli.model import LABELS, load_model
from claimcheck.nli.training import (
    best_threshold,
    export_onnx,
    pair_threshold,
    split_by_group,
    train,
)
from tests.tiny_nli import build_tiny_nli_model

TEMPLATES = [
    (
        "The police arrested {n} men in the city on Monday.",
        "The police arrested {n} men.",
        "entailment",
    ),
    (
        "The police arrested {n} men in the city on Monday.",
        "No one was arrested in the city.",
        "contradiction",
    ),
    (
        "The company said prices rose by {n} percent in March.",
        "The minister was elected.",
        "neutral",
    ),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "pairs.jsonl"
    rows = [
        {
            "premise": p.format(n=n),
            "hypothesis": h.format(n=n),
            "label": label,
            "group": f"case-{n}",
        }
        for n in range(2, 42)
        for p, h, label in TEMPLATES
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


@pytest.fixture(scope="module")
def trained(data, tmp_path_factory):
    base = build_tiny_nli_model(tmp_path_factory.mktemp("base"))
    out = tmp_path_factory.mktemp("run")
    summary = train(
        [data],
        out,
        base_model=base,
        max_steps=6,
        batch_size=8,
        edit_pairs=20,
        dev_fraction=0.25,
        export=False,
        log=lambda line: None,
    )
    return out, summary


def test_split_keeps_each_group_on_one_side():
    rows = [
        {
            "premise": f"p{i % 7}",
            "hypothesis": "h",
            "label": "neutral",
            "group": f"g{i % 13}",
        }
        for i in range(200)
    ]
    train_rows, dev_rows = split_by_group(rows, seed=3, dev_fraction=0.3)
    assert {r["group"] for r in train_rows}.isdisjoint({r["group"] for r in dev_rows})
    assert train_rows and dev_rows and len(train_rows) + len(dev_rows) == 200
    no_groups = [
        {"premise": f"p{i % 9}", "hypothesis": f"h{i}", "label": "neutral"}
        for i in range(90)
    ]
    train_rows, dev_rows = split_by_group(no_groups, seed=0, dev_fraction=0.3)
    assert {r["premise"] for r in train_rows}.isdisjoint(
        {r["premise"] for r in dev_rows}
    )


def test_best_threshold_separates_the_classes():
    threshold = best_threshold([False, False, True, True], [0.1, 0.3, 0.6, 0.9])
    assert 0.3 < threshold <= 0.6


def test_training_saves_a_calibrated_model(trained):
    out, summary = trained
    assert summary["steps"] == 6 and summary["generated_pairs"] == 20
    assert summary["dev"]["n"] == summary["dev_pairs"] > 0
    settings = json.loads((out / "model" / "claimcheck.json").read_text())
    model = load_model(out / "model")
    assert (
        model.threshold == pytest.approx(settings["threshold"])
        and model.labels == LABELS
    )
    dev_groups = {json.loads(line).get("group") for line in open(out / "dev.jsonl")}
    assert dev_groups and all(group.startswith("case-") for group in dev_groups)


def test_fp32_export_matches_torch(trained, tmp_path):
    out, _ = trained
    export_onnx(
        out / "model", tmp_path / "fp32", out / "dev.jsonl", quantization="none"
    )
    pairs = [
        (json.loads(line)["premise"], json.loads(line)["hypothesis"])
        for line in open(out / "dev.jsonl")
    ]
    exported, original = (
        load_model(tmp_path / "fp32").predict(pairs),
        load_model(out / "model").predict(pairs),
    )
    assert np.abs(exported - original).max() < 1e-4


def test_export_gives_a_batch_independent_onnx_model(trained, tmp_path):
    out, _ = trained
    metrics = export_onnx(
        out / "model",
        tmp_path / "shipped",
        out / "dev.jsonl",
        quantization="static",
        scores_to=tmp_path / "dev_scores.npy",
    )
    saved = np.load(tmp_path / "dev_scores.npy")
    assert saved.shape == (metrics["n"], 3) and np.allclose(
        saved.sum(axis=1), 1, atol=1e-4
    )
    assert (tmp_path / "shipped" / "model.onnx").is_file() and metrics["n"] > 0
    shipped, original = load_model(tmp_path / "shipped"), load_model(out / "model")
    pairs = [
        (json.loads(line)["premise"], json.loads(line)["hypothesis"])
        for line in open(out / "dev.jsonl")
    ]
    together = shipped.predict(pairs)
    alone = np.concatenate([shipped.predict([pair]) for pair in pairs])
    assert np.abs(together - alone).max() < 1e-4
    assert np.abs(together - original.predict(pairs)).max() < 0.1


def test_pair_threshold_flags_at_most_the_allowed_share_of_non_contradictions():
    scores = [i / 100 for i in range(100)] + [0.9, 0.95]
    truth = [False] * 100 + [True, True]
    threshold = pair_threshold(truth, scores, max_fpr=0.05)
    flagged = [s >= threshold for s, t in zip(scores, truth, strict=True) if not t]
    assert sum(flagged) == 5 and 0.94 < threshold <= 0.95
    assert pair_threshold([True], [0.7]) == 0.5  # no negatives to calibrate on


class Cut(Exception):
    pass


def test_a_cut_run_resumes_where_its_last_checkpoint_left_it(data, tmp_path):
    import torch

    base = build_tiny_nli_model(tmp_path / "base")
    settings = dict(
        base_model=base,
        max_steps=6,
        batch_size=8,
        edit_pairs=20,
        dev_fraction=0.25,
        export=False,
        bf16=False,
        checkpoint_minutes=1e-9,
        log_every=1,
    )
    whole = train([data], tmp_path / "whole", log=lambda line: None, **settings)

    def cut_after_three(line):
        if line == "checkpoint at step 3":
            raise Cut

    with pytest.raises(Cut):
        train([data], tmp_path / "cut", log=cut_after_three, **settings)
    lines = []
    resumed = train(resume=tmp_path / "cut", log=lines.append)
    assert lines[0].endswith("at step 3") and resumed["steps"] == whole["steps"] == 6
    assert resumed["resumed_at_steps"] == [3]
    first = torch.load(
        tmp_path / "whole" / "checkpoint" / "state.pt", weights_only=False
    )["model"]
    second = torch.load(
        tmp_path / "cut" / "checkpoint" / "state.pt", weights_only=False
    )["model"]
    assert all(torch.allclose(first[name], second[name], atol=1e-6) for name in first)
    assert resumed["dev"]["threshold"] == pytest.approx(
        whole["dev"]["threshold"], abs=1e-4
    )


def test_resume_without_a_checkpoint_is_an_error(tmp_path):
    from claimcheck.errors import ClaimcheckError

    with pytest.raises(ClaimcheckError, match="no checkpoint"):
        train(resume=tmp_path)


def test_bf16_training_keeps_fp32_weights_and_names_the_dev_split(data, tmp_path):
    import torch

    base = build_tiny_nli_model(tmp_path / "base")
    summary = train(
        [data],
        tmp_path / "run",
        base_model=base,
        max_steps=4,
        batch_size=8,
        edit_pairs=10,
        dev_fraction=0.25,
        export=False,
        bf16=True,
        log=lambda line: None,
    )
    assert summary["bf16"] is True and summary["dev_sources"] == {
        "pairs.jsonl": summary["dev_pairs"]
    }
    state = torch.load(
        tmp_path / "run" / "checkpoint" / "state.pt", weights_only=False
    )["model"]
    assert all(
        t.dtype == torch.float32 for t in state.values() if t.is_floating_point()
    )
    settings = json.loads((tmp_path / "run" / "model" / "claimcheck.json").read_text())
    assert settings["calibrated_on"] == "dev.jsonl (dev split by group of pairs.jsonl)"
    assert settings["check_calibrated_on"].startswith(
        "dev.jsonl (dev split by group of pairs.jsonl)"
    )


def test_train_nli_needs_data_or_a_run_to_resume(tmp_path, data):
    from click.testing import CliRunner

    from claimcheck.cli import cli

    result = CliRunner().invoke(
        cli, ["train-nli", "--out", str(tmp_path / "run")], catch_exceptions=False
    )
    assert (
        result.exit_code != 0
        and "give --data and --out, or --resume DIR" in result.output
    )
    result = CliRunner().invoke(
        cli,
        ["train-nli", "--resume", str(tmp_path), "--data", str(data)],
        catch_exceptions=False,
    )
    assert result.exit_code != 0 and "leave out --data and --out" in result.output
    result = CliRunner().invoke(
        cli, ["train-nli", "--resume", str(tmp_path)], catch_exceptions=False
    )
    assert result.exit_code == 2 and result.output.startswith(
        "Error: no checkpoint to resume"
    )


def test_the_schedule_warms_up_then_decays_to_zero_at_the_end_of_the_run():
    from claimcheck.nli.training import schedule_factor

    assert schedule_factor(0.03) == pytest.approx(0.5) and schedule_factor(
        0.06
    ) == pytest.approx(1.0)
    assert schedule_factor(0.53) == pytest.approx(0.5) and schedule_factor(
        1.0
    ) == 0 == schedule_factor(1.2)


def test_an_order_seed_changes_the_batches_but_not_the_dev_split(data, tmp_path):
    import torch

    base = build_tiny_nli_model(tmp_path / "base")
    settings = dict(
        base_model=base,
        max_steps=3,
        batch_size=8,
        edit_pairs=20,
        dev_fraction=0.25,
        export=False,
        bf16=False,
        log=lambda line: None,
    )
    runs = {
        seed: train([data], tmp_path / f"order{seed}", order_seed=seed, **settings)
        for seed in (None, 0, 1)
    }
    assert runs[None]["order_seed"] == 0
    dev = {s: (tmp_path / f"order{s}" / "dev.jsonl").read_text() for s in runs}
    assert dev[None] == dev[0] == dev[1]
    weights = {
        s: torch.load(
            tmp_path / f"order{s}" / "checkpoint" / "state.pt", weights_only=False
        )["model"]
        for s in runs
    }
    same = [torch.allclose(weights[0][n], weights[None][n]) for n in weights[0]]
    other = [torch.allclose(weights[0][n], weights[1][n]) for n in weights[0]]
    assert all(same) and not all(other)


def test_static_export_keeps_the_feed_forward_down_projections_fp32(trained, tmp_path):
    import onnx

    out, _ = trained
    export_onnx(out / "model", tmp_path / "shipped", out / "dev.jsonl")
    nodes = onnx.load(str(tmp_path / "shipped" / "model.onnx")).graph.node
    producer = {o: n for n in nodes for o in n.output}
    kinds = {
        n.name: [producer[i].op_type for i in n.input if i in producer]
        for n in nodes
        if n.op_type == "MatMul"
    }
    down = [k for k in kinds if "/output/dense/" in k and "attention" not in k]
    assert down and all("DequantizeLinear" not in kinds[k] for k in down)
    others = [k for k in kinds if k not in down]
    assert any("DequantizeLinear" in kinds[k] for k in others)
