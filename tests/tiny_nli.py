"""A tiny random NLI model, built offline in well under a second, for tests that need a real model."""

from pathlib import Path

WORDS = """
the a an of to in on at by for with and or not no never is was were are be been has had have
did does do will would can could said says say after before than more less about over under
who what when where which that this it its he she they them his her their we our you your
police minister president company city government people report year years day days week
month percent million billion people killed died dead injured arrested won lost rose fell
increased decreased announced denied confirmed opened closed signed born married elected
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday new old first last one two three
four five six seven eight nine ten hundred thousand man woman men women child children dog
cat car house film album team game match election vote court bank market price prices
""".split()


def build_tiny_nli_model(path) -> str:
    """Save a random 2-layer BERT classifier (entailment/neutral/contradiction) and its tokenizer under `path`."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    vocab = [
        "[PAD]",
        "[UNK]",
        "[CLS]",
        "[SEP]",
        "[MASK]",
        *"0123456789.,;:!?'\"-%$()",
        *"abcdefghijklmnopqrstuvwxyz",
        *(f"##{c}" for c in "abcdefghijklmnopqrstuvwxyz0123456789"),
        *dict.fromkeys(WORDS),
    ]
    tokenizer = BertTokenizer(
        vocab={token: i for i, token in enumerate(dict.fromkeys(vocab))},
        do_lower_case=True,
    )
    tokenizer.save_pretrained(path)
    labels = ("entailment", "neutral", "contradiction")
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=256,
        num_labels=3,
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )
    torch.manual_seed(0)
    BertForSequenceClassification(config).save_pretrained(path)
    return str(path)
