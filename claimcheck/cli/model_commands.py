"""The NLI model: train one (`train-nli`), measure one (`eval`), describe the one in use (`model info`)."""

from __future__ import annotations

import json

import click

from claimcheck.cli.output import table

MODEL_OPTION = click.option(
    "--model",
    help="NLI model: Hugging Face id or local path (default: the embedded model).",
)


@click.command("train-nli")
@click.option(
    "--data",
    "data_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="JSONL file of premise/hypothesis/label pairs (repeat for several).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    help="Folder for the trained model (model/), its shipped ONNX form (shipped/), dev data, checkpoints.",
)
@click.option(
    "--resume",
    type=click.Path(exists=True, file_okay=False),
    help="Continue the run in this folder from its last checkpoint, with the settings it started with.",
)
@click.option(
    "--base",
    help="Model to fine-tune (default: all-MiniLM-L6-v2 from the train extra).",
)
@click.option(
    "--epochs",
    type=click.FloatRange(0, min_open=True),
    default=3,
    show_default=True,
    help="Passes over the training data (fractions allowed).",
)
@click.option(
    "--max-steps",
    type=int,
    default=-1,
    help="Stop after this many steps (overrides --epochs).",
)
@click.option(
    "--max-minutes",
    type=click.FloatRange(0, min_open=True),
    help="Stop (and finish the schedule) by then.",
)
@click.option(
    "--bf16/--no-bf16",
    default=None,
    help="bfloat16 autocast on the CPU (default: when the CPU supports it).",
)
@click.option(
    "--checkpoint-minutes",
    type=click.FloatRange(0),
    default=15,
    show_default=True,
    help="Write a resumable checkpoint this often (0: only at the end).",
)
@click.option(
    "--threads",
    type=click.IntRange(1),
    help="Torch CPU threads (default: torch's choice).",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Random seed for the dev split, generated contradictions and (unless --order-seed) batch order.",
)
@click.option(
    "--order-seed",
    type=int,
    help="Seed for batch order, initialisation and dropout alone: a second stage sees other batches, same dev split.",
)
def train_nli(
    data_files,
    out_dir,
    resume,
    base,
    epochs,
    max_steps,
    max_minutes,
    bf16,
    checkpoint_minutes,
    threads,
    seed,
    order_seed,
):
    """Fine-tune an NLI cross-encoder on JSONL pairs plus generated contradictions."""
    import importlib.util

    from claimcheck.errors import ClaimcheckError
    from claimcheck.nli.training import train

    if importlib.util.find_spec("torch") is None:
        raise ClaimcheckError(
            "train-nli needs PyTorch, which the train extra installs: pip install 'claimcheck[train]'"
        )

    if resume is None and (not data_files or not out_dir):
        raise click.UsageError("give --data and --out, or --resume DIR")
    if resume is not None and (data_files or out_dir):
        raise click.UsageError(
            "--resume continues a run with its own data and folder: leave out --data and --out"
        )
    summary = train(
        data_files,
        out_dir,
        base_model=base,
        epochs=epochs,
        max_steps=max_steps,
        max_minutes=max_minutes,
        seed=seed,
        order_seed=order_seed,
        bf16=bf16,
        checkpoint_minutes=checkpoint_minutes,
        resume=resume,
        threads=threads,
        log=lambda line: click.echo(line, err=True),
    )
    click.echo(json.dumps(summary, indent=2))


@click.command("eval")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@MODEL_OPTION
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="One JSON object per file instead of a table.",
)
def eval_command(files, model, as_json):
    """Measure the NLI model on JSONL files of labelled pairs."""
    from claimcheck.nli.evaluation import evaluate_file
    from claimcheck.nli.model import load_model

    nli = load_model(model)
    reports = [evaluate_file(nli, path) for path in files]
    if as_json:
        for report in reports:
            click.echo(json.dumps(report))
        return
    click.echo(f"model: {nli.name}  threshold: {nli.threshold:.3f}")
    click.echo(table([summary_row(report) for report in reports]), nl=False)


def summary_row(report: dict) -> dict:
    def number(key: str) -> str:
        return "" if report.get(key) is None else f"{report[key]:.3f}"

    return {
        "file": report["file"],
        "n": report["n"],
        "accuracy": number("accuracy"),
        "macro_f1": number("macro_f1"),
        "balanced_acc": number("balanced_accuracy"),
        "precision": number("precision"),
        "recall": number("recall"),
        "roc_auc": number("roc_auc"),
        "pairs/s": report["pairs_per_second"],
    }


@click.group()
def model():
    """The NLI model."""


@model.command()
@MODEL_OPTION
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
def info(model, as_json):
    """Which NLI model is in use, its size on disk, labels and thresholds (evaluation's, and what `check` flags at)."""
    from claimcheck.nli.model import describe, load_model

    details = describe(load_model(model))
    if as_json:
        click.echo(json.dumps(details, indent=2))
    else:
        width = max(map(len, details)) + 2
        for key, value in details.items():
            click.echo(
                f"{key + ':':<{width}}{', '.join(value) if isinstance(value, list) else value}"
            )
