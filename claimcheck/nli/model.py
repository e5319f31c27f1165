"""Load and run an NLI cross-encoder: the shipped default (ONNX) or any Hugging Face sequence-classification model."""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence
from urllib.parse import urlparse

from claimcheck.errors import ClaimcheckError

if TYPE_CHECKING:  # loaded on first use, not on import
    import numpy
    from transformers import PreTrainedTokenizerBase

LABELS = ("entailment", "neutral", "contradiction")
SETTINGS_FILE = "claimcheck.json"
ONNX_FILE = "model.onnx"
DEFAULT_MAX_LENGTH = 128
HUB_TIMEOUT = 5.0  # seconds to connect to the Hub, and for each read from it
HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")
# Label names seen in NLI and fact-verification models, mapped onto LABELS; "not_contradiction" only in 2-label models.
LABEL_NAMES = {
    "entailment": "entailment",
    "entailed": "entailment",
    "entails": "entailment",
    "supports": "entailment",
    "neutral": "neutral",
    "not_enough_info": "neutral",
    "nei": "neutral",
    "contradiction": "contradiction",
    "contradicts": "contradiction",
    "contradictory": "contradiction",
    "refutes": "contradiction",
    "not_contradiction": "neutral",
    "non_contradiction": "neutral",
    "no_contradiction": "neutral",
}


@dataclass
class NLIModel:
    name: str
    labels: tuple[str, ...]
    threshold: (
        float  # balanced accuracy on the calibration data: what `evaluate` reports
    )
    run: Callable[[dict], "numpy.ndarray"] = field(
        repr=False
    )  # tokenizer output -> logits
    tokenizer: PreTrainedTokenizerBase = field(repr=False)
    batch_size: int = 32
    max_length: int = DEFAULT_MAX_LENGTH
    path: Path | None = None
    per_pair: bool = False  # dynamic int8 scales activations per batch, so such a model scores each pair alone
    check_threshold: float | None = (
        None  # on a pair's mean of both directions: what `check` flags at
    )

    def __post_init__(self):
        if self.check_threshold is None:
            self.check_threshold = self.threshold

    def predict(self, pairs: Sequence[tuple[str, str]]) -> "numpy.ndarray":
        """(n, 3) probabilities in LABELS order.

        Pairs are batched by length; a pair's scores never depend on its batch."""
        import numpy as np

        pairs = [(str(premise), str(hypothesis)) for premise, hypothesis in pairs]
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
        if not pairs:
            return out
        order = sorted(
            range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1])
        )
        to_labels = label_matrix(self.labels)
        batch_size = 1 if self.per_pair else self.batch_size
        from claimcheck import progress

        for start in progress.track(
            range(0, len(order), batch_size), "NLI", unit="batch"
        ):
            batch = order[start : start + batch_size]
            encoded = self.tokenizer(
                [pairs[i][0] for i in batch],
                [pairs[i][1] for i in batch],
                padding=True,
                truncation=True,
                max_length=self.max_length,
                return_tensors="np",
            )
            logits = np.asarray(self.run(dict(encoded)), dtype=np.float64)
            probabilities = np.exp(logits - logits.max(axis=1, keepdims=True))
            probabilities /= probabilities.sum(axis=1, keepdims=True)
            out[batch] = probabilities @ to_labels
        return out


def normalise_labels(id2label: dict, model: str) -> tuple[str, ...]:
    labels = tuple(str(id2label[i]).strip().lower() for i in sorted(id2label, key=int))
    mapped = [LABEL_NAMES.get(re.sub(r"[\s-]+", "_", label)) for label in labels]
    if (
        None in mapped
        or "contradiction" not in mapped
        or len(set(mapped)) != len(mapped)
    ):
        raise ClaimcheckError(
            f"model {model} has labels {', '.join(labels)}: claimcheck needs a contradiction label and "
            "entailment/neutral (or not_contradiction) ones; set id2label in its config.json"
        )
    return labels


def label_matrix(labels: Sequence[str]) -> "numpy.ndarray":
    """Maps a model's output probabilities onto LABELS; a 2-label model's other class keeps its own meaning."""
    import numpy as np

    matrix = np.zeros((len(labels), len(LABELS)))
    for i, label in enumerate(labels):
        matrix[i, LABELS.index(LABEL_NAMES[re.sub(r"[\s-]+", "_", label)])] = 1
    return matrix


def default_model_path() -> Path:
    return Path(__file__).parents[1] / "models" / "default"


def weights_digest(path: Path) -> str:
    files = sorted(
        f for f in path.iterdir() if f.suffix in (".onnx", ".safetensors", ".bin")
    )
    digest = hashlib.sha256()
    for f in files:
        with open(f, "rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()[:12]


def hub_reachable(timeout: float = 3.0) -> bool:
    if os.environ.get("HF_HUB_OFFLINE", "0").lower() in ("1", "true", "yes", "on"):
        return False
    endpoint = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    try:
        socket.create_connection(
            (endpoint.hostname, endpoint.port or 443), timeout=timeout
        ).close()
        return True
    except OSError:
        return False


def hub_answers(model: str, timeout: float = HUB_TIMEOUT) -> None:
    """Ask the Hub about the model, waiting at most `timeout` seconds to connect and for each read; a Hub that
    accepts the connection and never answers is a clear error, not a hang."""
    import urllib.error
    import urllib.request

    from huggingface_hub import get_token

    endpoint = os.environ.get("HF_ENDPOINT", "https://huggingface.co").rstrip("/")
    token = get_token()  # private and gated models need it
    request = urllib.request.Request(
        f"{endpoint}/api/models/{model}",
        headers={"Authorization": f"Bearer {token}"} if token else {},
    )
    try:
        urllib.request.urlopen(request, timeout=timeout).close()
    except urllib.error.HTTPError as error:
        if error.code in (401, 403, 404):
            raise ClaimcheckError(
                f"model {model}: not on the Hugging Face Hub at {endpoint} (or private; "
                f"HTTP {error.code})"
            ) from None
    except (
        OSError,
        ValueError,
    ) as error:  # timeouts, refused or reset connections, bad URLs
        reason = (
            "did not answer"
            if "timed out" in str(error)
            else f"cannot be asked ({error})"
        )
        raise ClaimcheckError(
            f"cannot download model {model}: the Hub at {endpoint} {reason} within {timeout:g} s; "
            "give a local path, or set HF_ENDPOINT"
        ) from None


def resolve(name_or_path: str) -> tuple[Path, bool]:
    """A local folder holding the model, and whether it came from the Hub. Never waits long on the network."""
    path = Path(name_or_path).expanduser()
    if path.exists():
        if not (path / "config.json").is_file():
            raise ClaimcheckError(
                f"{name_or_path} is not an NLI model folder: it has no config.json"
            )
        return path, False
    if not HUB_ID.match(name_or_path) or name_or_path.startswith((".", "~")):
        raise ClaimcheckError(f"no model at {name_or_path}")
    from huggingface_hub import snapshot_download

    patterns = ["*.json", "*.txt", "*.model", "*.safetensors"]
    try:
        return Path(
            snapshot_download(
                name_or_path, allow_patterns=patterns, local_files_only=True
            )
        ), True
    except Exception:
        pass
    if not hub_reachable():
        raise ClaimcheckError(
            f"model {name_or_path} is neither a local folder nor in the Hugging Face cache, "
            "and the Hub cannot be reached"
        )
    hub_answers(name_or_path)
    from huggingface_hub import constants

    # huggingface_hub reads its timeouts from the environment at import (default: 10 s and none);
    # where the user set none, a stalled download fails within our limits instead of hanging
    if "HF_HUB_ETAG_TIMEOUT" not in os.environ:
        constants.HF_HUB_ETAG_TIMEOUT = int(HUB_TIMEOUT)
    if "HF_HUB_DOWNLOAD_TIMEOUT" not in os.environ:
        constants.HF_HUB_DOWNLOAD_TIMEOUT = int(2 * HUB_TIMEOUT)
    try:
        return Path(
            snapshot_download(
                name_or_path,
                allow_patterns=patterns,
                etag_timeout=constants.HF_HUB_ETAG_TIMEOUT,
            )
        ), True
    except Exception as error:
        raise ClaimcheckError(
            f"cannot download model {name_or_path}: {type(error).__name__}"
        ) from None


def onnx_runner(path: Path) -> Callable[[dict], "numpy.ndarray"]:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = int(os.environ.get("CLAIMCHECK_THREADS", 0))
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        str(path / ONNX_FILE), options, providers=["CPUExecutionProvider"]
    )
    inputs = [i.name for i in session.get_inputs()]

    def run(encoded: dict):
        return session.run(
            None, {name: encoded[name].astype("int64") for name in inputs}
        )[0]

    return run


def torch_runner(path: Path) -> Callable[[dict], "numpy.ndarray"]:
    try:
        import torch
    except ImportError:
        raise ClaimcheckError(
            f"the NLI model in {path} has no ONNX weights ({ONNX_FILE}), so it runs on PyTorch, "
            "which is not installed: pip install 'claimcheck[train]'"
        ) from None
    from transformers import AutoModelForSequenceClassification

    model = AutoModelForSequenceClassification.from_pretrained(
        path, dtype=torch.float32
    ).eval()

    def run(encoded: dict):
        with torch.inference_mode():
            return model(
                **{k: torch.from_numpy(v) for k, v in encoded.items()}
            ).logits.numpy()

    return run


def quiet_transformers() -> None:
    """Without torch (only the `train` extra installs it) transformers warns "PyTorch was not found" on import:
    ONNX models and tokenizers need no torch, so that advice is silenced."""
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")


def load_model(name_or_path: str | None = None, batch_size: int = 32) -> NLIModel:
    """The shipped default model (None), or a Hugging Face NLI model by local path or Hub id."""
    if name_or_path is None:
        path, from_hub = default_model_path(), False
        if not (path / "config.json").is_file():
            raise ClaimcheckError(
                f"the default NLI model is missing from {path}: reinstall claimcheck"
            )
    else:
        path, from_hub = resolve(str(name_or_path))
    try:
        config = json.loads((path / "config.json").read_text())
        settings = (
            json.loads((path / SETTINGS_FILE).read_text())
            if (path / SETTINGS_FILE).is_file()
            else {}
        )
    except (OSError, ValueError) as error:
        raise ClaimcheckError(
            f"cannot read the model configuration in {path}: {error}"
        ) from None
    model_name = name_or_path or "default"
    labels = normalise_labels(config.get("id2label") or {}, model_name)
    try:
        quiet_transformers()
        from transformers import AutoTokenizer
        from transformers.utils import logging

        logging.set_verbosity_error()
        logging.disable_progress_bar()
        tokenizer = AutoTokenizer.from_pretrained(path)
        run = onnx_runner(path) if (path / ONNX_FILE).is_file() else torch_runner(path)
    except ClaimcheckError:
        raise
    except Exception as error:
        raise ClaimcheckError(
            f"cannot load NLI model {model_name}: {type(error).__name__}: "
            f"{str(error).splitlines()[0] if str(error) else ''}"
        ) from None
    if name_or_path is None:
        name = f"claimcheck-default-{settings.get('version', weights_digest(path))}"
    elif from_hub:
        name = str(name_or_path)
    else:
        name = f"{path.resolve()}@{weights_digest(path)}"
    return NLIModel(
        name=name,
        labels=labels,
        threshold=float(settings.get("threshold", 0.5)),
        run=run,
        tokenizer=tokenizer,
        batch_size=max(1, batch_size),
        max_length=int(settings.get("max_length", DEFAULT_MAX_LENGTH)),
        path=path,
        per_pair=settings.get("quantization") == "dynamic",
        check_threshold=settings.get("check_threshold"),
    )


def describe(model: NLIModel) -> dict:
    """What `claimcheck model info` shows."""
    files = [f for f in model.path.rglob("*") if f.is_file()] if model.path else []
    return {
        "name": model.name,
        "path": str(model.path),
        "runtime": "onnxruntime"
        if any(f.name == ONNX_FILE for f in files)
        else "torch",
        "size_mb": round(sum(f.stat().st_size for f in files) / 1e6, 1),
        "labels": list(model.labels),
        "threshold": round(model.threshold, 4),
        "check_threshold": round(
            model.threshold if model.check_threshold is None else model.check_threshold,
            4,
        ),
        "max_length": model.max_length,
    }
