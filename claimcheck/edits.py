"""Contrastive NLI training pairs made by editing a sentence the way real contradictions between sources look.

Contradictions: a changed number or date, an inserted or removed negation, a swapped name, an antonym,
two entities swapped in their roles. Non-contradictions: the sentence itself, a shortened copy, a
misspelled name or a reformatted number (entailment), and an unrelated sentence (neutral).
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

ANTONYMS = dict(pair for a, b in [
    ("increased", "decreased"), ("rose", "fell"), ("won", "lost"), ("higher", "lower"), ("more", "fewer"),
    ("before", "after"), ("opened", "closed"), ("approved", "rejected"), ("confirmed", "denied"),
    ("largest", "smallest"), ("first", "last"), ("alive", "dead"), ("above", "below"), ("gained", "lost"),
    ("accepted", "refused"), ("earlier", "later"), ("rising", "falling"), ("increase", "decrease"),
    ("largest", "smallest"), ("maximum", "minimum"), ("male", "female"), ("north", "south"), ("east", "west"),
    ("success", "failure"), ("successful", "unsuccessful"), ("legal", "illegal"), ("true", "false"),
    ("supported", "opposed"), ("allowed", "banned"), ("entered", "left"), ("started", "ended"),
    ("began", "ended"), ("older", "younger"), ("oldest", "youngest"), ("highest", "lowest"), ("many", "few"),
    ("always", "never"), ("victory", "defeat"), ("winner", "loser"),
    ("bought", "sold"), ("hired", "fired"), ("acquitted", "convicted"), ("released", "detained"),
    ("positive", "negative"), ("public", "private"), ("domestic", "foreign"), ("inside", "outside"),
] for pair in ((a, b), (b, a)))
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9", "ten": "10", "twelve": "12", "twenty": "20", "hundred": "100"}
AUXILIARIES = ["is", "are", "was", "were", "has", "have", "had", "will", "can", "could", "would", "should",
               "did", "does", "do", "must", "may", "might"]
FALLBACK_NAMES = ["Smith", "Garcia", "Moreno", "Okafor", "Chen", "Kowalski", "Haddad", "Larsen", "Ivanova",
                  "Tanaka", "Brazil", "Kenya", "Norway", "Ohio", "Lisbon", "Toronto", "Reuters", "Siemens"]

NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")
YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
NAME = re.compile(r"\b[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})*\b")
NEGATION = re.compile(r"\s(?:not|never)\b|n't\b")
STOP_CAPITALS = set(MONTHS + WEEKDAYS + ["The", "This", "That", "These", "Those", "It", "He", "She", "They",
                                         "His", "Her", "Their", "In", "On", "At", "As", "But", "And", "For"])


@dataclass(frozen=True)
class EditedPair:
    premise: str
    hypothesis: str
    label: str  # entailment | neutral | contradiction
    kind: str   # which edit produced it


def change_number(sentence: str, rng: random.Random) -> str | None:
    matches = list(NUMBER.finditer(sentence))
    if not matches:
        return None
    match = rng.choice(matches)
    text = match.group()
    value = float(text.replace(",", ""))
    decimals = len(text.split(".")[1]) if "." in text else 0
    if YEAR.match(text):
        new = value + rng.choice([-3, -2, -1, 1, 2, 3, 10])
    elif value < 20 and not decimals:
        new = rng.choice([v for v in range(0, 30) if v != value])
    else:
        new = value * rng.choice([0.3, 0.5, 0.7, 1.4, 2, 3, 10])
    if not decimals:
        new = round(new)
    if new == value:
        new = value + 1
    formatted = f"{new:,.{decimals}f}" if "," in text else f"{new:.{decimals}f}"
    return sentence[:match.start()] + formatted + sentence[match.end():]


def reformat_number(sentence: str, rng: random.Random) -> str | None:
    """Same value, other spelling: 1,200 -> 1200, five -> 5."""
    for word, digits in rng.sample(list(NUMBER_WORDS.items()), len(NUMBER_WORDS)):
        replaced = re.sub(rf"\b{word}\b", digits, sentence, count=1)
        if replaced != sentence:
            return replaced
    grouped = re.search(r"\b\d{1,3}(?:,\d{3})+\b", sentence)
    if grouped:
        return sentence[:grouped.start()] + grouped.group().replace(",", "") + sentence[grouped.end():]
    return None


def change_date(sentence: str, rng: random.Random) -> str | None:
    for names in rng.sample([MONTHS, WEEKDAYS], 2):
        present = [name for name in names if re.search(rf"\b{name}\b", sentence)]
        if present:
            old = rng.choice(present)
            return re.sub(rf"\b{old}\b", rng.choice([n for n in names if n != old]), sentence, count=1)
    return None


def toggle_negation(sentence: str, rng: random.Random) -> str | None:
    if NEGATION.search(sentence):
        removed = NEGATION.sub(lambda m: "" if m.group().startswith(" ") else "", sentence, count=1)
        return re.sub(r"\bca\b", "can", re.sub(r"\bwo\b", "will", removed))
    auxiliaries = [m for m in re.finditer(rf"\b(?:{'|'.join(AUXILIARIES)})\b", sentence)]
    if auxiliaries:
        match = rng.choice(auxiliaries)
        return sentence[:match.end()] + " not" + sentence[match.end():]
    return None


def replace_antonym(sentence: str, rng: random.Random) -> str | None:
    words = [m for m in re.finditer(r"\b[a-z]+\b", sentence) if m.group() in ANTONYMS]
    if not words:
        return None
    match = rng.choice(words)
    return sentence[:match.start()] + ANTONYMS[match.group()] + sentence[match.end():]


def names_in(sentence: str) -> list[re.Match]:
    """Capitalised words; a single one that opens a sentence is taken for an ordinary word."""
    opens_sentence = lambda m: m.start() == 0 or re.search(r"[.!?]\s+$", sentence[:m.start()])
    return [m for m in NAME.finditer(sentence) if m.group() not in STOP_CAPITALS
            and not (opens_sentence(m) and " " not in m.group())]


def swap_name(sentence: str, rng: random.Random, name_pool: Sequence[str]) -> str | None:
    names = names_in(sentence)
    if not names:
        return None
    match = rng.choice(names)
    candidates = [n for n in name_pool if n != match.group() and n not in sentence] or FALLBACK_NAMES
    return sentence[:match.start()] + rng.choice(candidates) + sentence[match.end():]


def misspell_name(sentence: str, rng: random.Random) -> str | None:
    names = [m for m in names_in(sentence) if len(m.group()) >= 5]
    if not names:
        return None
    match = rng.choice(names)
    name = match.group()
    i = rng.randrange(1, len(name) - 2)
    typo = rng.choice([name[:i] + name[i + 1] + name[i] + name[i + 2:], name[:i] + name[i + 1:],
                       name[:i] + name[i] + name[i:]])
    return sentence[:match.start()] + typo + sentence[match.end():]


def swap_roles(sentence: str, rng: random.Random) -> str | None:
    names = names_in(sentence)
    distinct = [(a, b) for i, a in enumerate(names) for b in names[i + 1:] if a.group() != b.group()]
    if not distinct:
        return None
    a, b = rng.choice(distinct)
    return (sentence[:a.start()] + b.group() + sentence[a.end():b.start()] + a.group() + sentence[b.end():])


def shorten(sentence: str, rng: random.Random) -> str | None:
    """Keep the main clause: drop a parenthetical or everything after the last comma."""
    without_brackets = re.sub(r"\s*\([^)]*\)", "", sentence)
    if without_brackets != sentence:
        return without_brackets
    head, comma, _ = sentence.rpartition(", ")
    if comma and len(head.split()) >= 5 and " which " not in sentence and " but " not in sentence:
        return head.rstrip() + "."
    return None


CONTRADICTIONS = {"number": change_number, "date": change_date, "negation": toggle_negation,
                  "antonym": replace_antonym, "roles": swap_roles}
ENTAILMENTS = {"misspelling": misspell_name, "reformat": reformat_number, "shorten": shorten}


def edit_sentence(sentence: str, rng: random.Random, name_pool: Sequence[str] = FALLBACK_NAMES) -> list[EditedPair]:
    """Every edit that applies to `sentence`: (sentence, edited) pairs, one per kind."""
    pairs = [EditedPair(sentence, sentence, "entailment", "same")]
    edits = {**{k: (f, "contradiction") for k, f in CONTRADICTIONS.items()},
             **{k: (f, "entailment") for k, f in ENTAILMENTS.items()}}
    edits["name"] = (lambda s, r: swap_name(s, r, name_pool), "contradiction")
    for kind, (edit, label) in edits.items():
        edited = edit(sentence, rng)
        if edited and edited != sentence:
            pairs.append(EditedPair(sentence, edited, label, kind))
    return pairs


def generate_pairs(sentences: Iterable[str], seed: int = 0, per_sentence: int = 2,
                   neutral_share: float = 0.15) -> list[EditedPair]:
    """Up to `per_sentence` edited pairs for each sentence, contradictions first, plus unrelated-sentence neutrals.

    Deterministic for a given seed and sentence order.
    """
    rng = random.Random(seed)
    sentences = list(dict.fromkeys(s.strip() for s in sentences if len(s.split()) >= 4))
    name_pool = sorted({m.group() for s in sentences[:5000] for m in names_in(s)}) or FALLBACK_NAMES
    pairs = []
    for sentence in sentences:
        options = edit_sentence(sentence, rng, name_pool)
        contradictions = [p for p in options if p.label == "contradiction"]
        others = [p for p in options if p.label != "contradiction"]
        rng.shuffle(contradictions)
        rng.shuffle(others)
        # Balance: roughly half of each sentence's pairs contradict, the rest do not.
        chosen = contradictions[:(per_sentence + 1) // 2] + others[:per_sentence // 2]
        pairs.extend(chosen[:per_sentence])
        if len(sentences) > 1 and rng.random() < neutral_share:
            other = sentences[rng.randrange(len(sentences))]
            if other != sentence:
                pairs.append(EditedPair(sentence, other, "neutral", "unrelated"))
    return pairs
