import numpy as np
import pytest
from click.testing import CliRunner

from claimcheck.nli.model import LABELS, default_model_path, load_model

CONTRADICTIONS = [
    (
        "The police arrested 12 people in Lagos on Tuesday.",
        "The police arrested 40 people in Lagos on Tuesday.",
    ),
    (
        "The minister attended the summit in Oslo.",
        "The minister did not attend the summit in Oslo.",
    ),
    (
        "Turnout was 64 percent in the election.",
        "Turnout was 38 percent in the election.",
    ),
    ("The strike ended on Monday.", "The strike ended on Friday."),
]
ENTAILMENTS = [
    (
        "The police arrested 12 people in Lagos on Tuesday.",
        "The police arrested 12 people in Lagos on Tuesday.",
    ),
    (
        "The central bank raised interest rates to 5 percent on Thursday.",
        "The central bank raised interest rates.",
    ),
    (
        "About 1,200 workers will lose their jobs when the plant closes.",
        "About 1200 workers will lose their jobs.",
    ),
]


@pytest.fixture(scope="module")
def model():
    return load_model()


def test_the_default_model_is_shipped_small_and_calibrated(model):
    size = sum(f.stat().st_size for f in default_model_path().rglob("*") if f.is_file())
    assert size < 50e6
    assert model.name.startswith("claimcheck-default-")
    assert model.labels == LABELS and 0 < model.threshold < 1


def test_clear_contradictions_and_entailments(model):
    contradiction = LABELS.index("contradiction")
    assert (model.predict(CONTRADICTIONS)[:, contradiction] >= model.threshold).all()
    scores = model.predict(ENTAILMENTS)
    assert (scores[:, contradiction] < model.threshold).all()
    assert (scores.argmax(axis=1) == LABELS.index("entailment")).all()


def test_scores_do_not_depend_on_the_batch(model):
    pairs = CONTRADICTIONS + ENTAILMENTS
    together = model.predict(pairs)
    alone = np.concatenate([model.predict([pair]) for pair in pairs])
    assert np.abs(together - alone).max() < 1e-4
    assert np.array_equal(together, model.predict(pairs))


def test_model_info_command():
    from claimcheck.cli import cli

    result = CliRunner().invoke(
        cli, ["model", "info", "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert (
        '"name": "claimcheck-default-' in result.stdout
        and '"threshold"' in result.stdout
    )


def test_both_thresholds_are_calibrated_on_a_held_out_dev_split():
    import json

    settings = json.loads((default_model_path() / "claimcheck.json").read_text())
    for key in ("calibrated_on", "check_calibrated_on"):
        assert settings[key].startswith("dev.jsonl (dev split by group of ")
    assert 0 < settings["threshold"] < settings["check_threshold"] < 1
