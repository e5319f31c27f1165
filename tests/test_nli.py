import json
import shutil
import time

import numpy as np
import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.nli import model as nli
from claimcheck.nli.model import LABELS, load_model

PAIRS = [
    ("The police arrested five men on Monday.", "No one was arrested."),
    ("The company said prices rose by 3 percent in March.", "Prices fell."),
    (
        "The minister was elected in 2019.",
        "The minister won the election in 2019 after a long campaign.",
    ),
    ("Two children were injured.", "Two children were injured."),
    (
        "The bank closed.",
        "The bank opened a new branch in the city on Friday after the vote.",
    ),
]


def variant(tiny, tmp_path, id2label):
    path = tmp_path / "variant"
    shutil.copytree(tiny, path)
    config = json.loads((path / "config.json").read_text())
    config["id2label"] = {str(i): label for i, label in enumerate(id2label)}
    config["label2id"] = {label: i for i, label in enumerate(id2label)}
    config["num_labels"] = len(id2label)
    (path / "config.json").write_text(json.dumps(config))
    return path


def test_predicts_probabilities_in_label_order(tiny):
    model = load_model(tiny)
    assert model.labels == LABELS
    assert model.threshold == 0.5
    scores = model.predict(PAIRS)
    assert scores.shape == (len(PAIRS), 3)
    assert np.allclose(scores.sum(axis=1), 1, atol=1e-5)
    assert model.predict([]).shape == (0, 3)


def test_scores_do_not_depend_on_the_batch(tiny):
    together = load_model(tiny, batch_size=32).predict(PAIRS)
    alone = np.concatenate(
        [load_model(tiny, batch_size=1).predict([pair]) for pair in PAIRS]
    )
    reordered = load_model(tiny, batch_size=2).predict(PAIRS[::-1])[::-1]
    assert np.abs(together - alone).max() < 1e-4
    assert np.abs(together - reordered).max() < 1e-4
    assert np.array_equal(together, load_model(tiny).predict(PAIRS))


def test_name_is_a_stable_cache_key_tied_to_the_weights(tiny, tmp_path):
    first, second = load_model(tiny), load_model(tiny)
    assert first.name == second.name and "@" in first.name
    copy = variant(tiny, tmp_path, LABELS)
    assert load_model(copy).name.split("@")[1] == first.name.split("@")[1]


def test_label_order_comes_from_the_config(tiny, tmp_path):
    permuted = variant(tiny, tmp_path, ("CONTRADICTION", "Neutral", "ENTAILMENT"))
    model = load_model(permuted)
    assert model.labels == ("contradiction", "neutral", "entailment")
    assert np.allclose(
        model.predict(PAIRS), load_model(tiny).predict(PAIRS)[:, ::-1], atol=1e-6
    )


def test_stored_threshold_is_used(tiny, tmp_path):
    path = variant(tiny, tmp_path, LABELS)
    (path / nli.SETTINGS_FILE).write_text(json.dumps({"threshold": 0.73}))
    assert load_model(path).threshold == pytest.approx(0.73)


def test_unnamed_labels_are_refused(tiny, tmp_path):
    with pytest.raises(ClaimcheckError, match="label_0"):
        load_model(variant(tiny, tmp_path, ("LABEL_0", "LABEL_1", "LABEL_2")))


def test_two_label_model_maps_to_contradiction_or_not(tiny, tmp_path):
    import torch
    from transformers import AutoModelForSequenceClassification

    path = tmp_path / "binary"
    model = AutoModelForSequenceClassification.from_pretrained(tiny)
    model.config.id2label = {0: "not_contradiction", 1: "contradiction"}
    model.config.label2id = {"not_contradiction": 0, "contradiction": 1}
    model.classifier = torch.nn.Linear(model.config.hidden_size, 2)
    model.config.num_labels = 2
    model.save_pretrained(path)
    shutil.copy(f"{tiny}/tokenizer.json", path)
    shutil.copy(f"{tiny}/tokenizer_config.json", path)
    scores = load_model(path).predict(PAIRS)
    assert np.allclose(scores[:, 0], 0) and np.allclose(
        scores.sum(axis=1), 1, atol=1e-5
    )


@pytest.mark.parametrize(
    "name", ["no-such-org/no-such-nli-model", "./missing/model", "/no/such/folder"]
)
def test_missing_models_fail_fast_with_a_clear_error(name, monkeypatch):
    monkeypatch.setenv(
        "HF_ENDPOINT", "http://127.0.0.1:9"
    )  # nothing listens there: the Hub is unreachable
    started = time.monotonic()
    with pytest.raises(ClaimcheckError, match="model"):
        load_model(name)
    assert time.monotonic() - started < 10


def test_broken_local_model_is_a_clear_error(tiny, tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ClaimcheckError, match="config.json"):
        load_model(tmp_path / "empty")
    broken = variant(tiny, tmp_path, LABELS)
    (broken / "model.safetensors").write_bytes(b"not weights")
    with pytest.raises(ClaimcheckError, match="cannot load"):
        load_model(broken)
    (broken / "config.json").write_text("{not json")
    with pytest.raises(ClaimcheckError, match="configuration"):
        load_model(broken)


def test_missing_default_model_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(nli, "default_model_path", lambda: tmp_path / "nothing")
    with pytest.raises(ClaimcheckError, match="default NLI model"):
        load_model()
