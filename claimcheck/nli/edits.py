"""Contrastive NLI training pairs made by editing a sentence the way real contradictions between sources look.

Contradictions: a changed number or date, an inserted or removed negation, a swapped name, an antonym,
two entities swapped in their roles; and, as news conflicts look, a changed quantity in a reworded sentence,
a changed tally written in another notation, "no X" against "N X", an antonymous outcome, a different person
in a named role. Non-contradictions: the sentence itself, a shortened copy, a misspelled name, the same value
in another notation, an approximation, a reworded restatement (entailment), and an unrelated sentence or the
same sentence about another place or team when no other name anchors it (neutral).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

ANTONYMS = dict(
    pair
    for a, b in [
        ("increased", "decreased"),
        ("rose", "fell"),
        ("won", "lost"),
        ("higher", "lower"),
        ("more", "fewer"),
        ("before", "after"),
        ("opened", "closed"),
        ("approved", "rejected"),
        ("confirmed", "denied"),
        ("largest", "smallest"),
        ("first", "last"),
        ("alive", "dead"),
        ("above", "below"),
        ("gained", "lost"),
        ("accepted", "refused"),
        ("earlier", "later"),
        ("rising", "falling"),
        ("increase", "decrease"),
        ("largest", "smallest"),
        ("maximum", "minimum"),
        ("male", "female"),
        ("north", "south"),
        ("east", "west"),
        ("success", "failure"),
        ("successful", "unsuccessful"),
        ("legal", "illegal"),
        ("true", "false"),
        ("supported", "opposed"),
        ("allowed", "banned"),
        ("entered", "left"),
        ("started", "ended"),
        ("began", "ended"),
        ("older", "younger"),
        ("oldest", "youngest"),
        ("highest", "lowest"),
        ("many", "few"),
        ("always", "never"),
        ("victory", "defeat"),
        ("winner", "loser"),
        ("bought", "sold"),
        ("hired", "fired"),
        ("acquitted", "convicted"),
        ("released", "detained"),
        ("positive", "negative"),
        ("public", "private"),
        ("domestic", "foreign"),
        ("inside", "outside"),
        # outcomes of news events
        ("passed", "failed"),
        ("survived", "died"),
        ("upheld", "overturned"),
        ("lifted", "imposed"),
        ("resumed", "suspended"),
        ("agreed", "refused"),
        ("guilty", "innocent"),
        ("rescued", "abandoned"),
        ("succeeded", "failed"),
        ("expanded", "shrank"),
        ("profit", "loss"),
        ("surplus", "deficit"),
        ("strengthened", "weakened"),
        ("granted", "denied"),
        ("praised", "criticised"),
        ("gain", "loss"),
    ]
    for pair in ((a, b), (b, a))
)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]
NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "twelve": "12",
    "twenty": "20",
    "hundred": "100",
}
SMALL_NUMBERS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
# Meaning-keeping rewordings of common news words and phrases (for reworded restatements); short and general.
REWORDINGS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "people": "persons",
    "about": "around",
    "more than": "over",
    "at least": "no fewer than",
    "killed": "left dead",
    "injured": "hurt",
    "arrested": "detained",
    "announced": "declared",
    "began": "started",
    "ended": "finished",
    "city": "town",
    "company": "firm",
    "officials": "authorities",
    "near": "close to",
    "bought": "purchased",
    "shut": "closed",
    "big": "large",
    "quickly": "rapidly",
    "also": "as well",
}
# Titles that name a role held by one person (for "a different person in a role").
ROLES = [
    "President",
    "Prime Minister",
    "Minister",
    "Mayor",
    "Governor",
    "Senator",
    "Judge",
    "Chief",
    "Coach",
    "Captain",
    "Director",
    "Chairman",
    "Chairwoman",
    "Chief Executive",
    "Spokesman",
    "Spokeswoman",
    "Secretary",
    "King",
    "Queen",
    "Pope",
    "Bishop",
    "General",
    "Commissioner",
    "Inspector",
]
HEDGES = "about|around|nearly|almost|over|more than|less than|fewer than|at least|at most|some|roughly|up to"
TIME_PHRASE = re.compile(
    r",?\s+((?:on|in|last|this|earlier|late) (?:[A-Z][a-z]+|week|month|year|night)(?: \d{4})?)"
    r"(?=[,.]?\s*$|[.!?]$)"
)
AUXILIARIES = [
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "can",
    "could",
    "would",
    "should",
    "did",
    "does",
    "do",
    "must",
    "may",
    "might",
]
FALLBACK_PEOPLE = [
    "Maria Lopez",
    "John Carter",
    "Amina Yusuf",
    "Li Wei",
    "Anna Novak",
    "David Cohen",
    "Sara Berg",
    "Kwame Mensah",
]
FALLBACK_NAMES = [
    "Smith",
    "Garcia",
    "Moreno",
    "Okafor",
    "Chen",
    "Kowalski",
    "Haddad",
    "Larsen",
    "Ivanova",
    "Tanaka",
    "Brazil",
    "Kenya",
    "Norway",
    "Ohio",
    "Lisbon",
    "Toronto",
    "Reuters",
    "Siemens",
]

NUMBER = re.compile(
    r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])"
)
YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
NAME = re.compile(r"\b[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})*\b")
NEGATION = re.compile(r"\s(?:not|never)\b|n't\b")
PLURAL = r"[a-z]+s|people|men|women|children"  # a counted noun: regular plurals and the common irregular ones
COUNT_NOUN = re.compile(
    r"\b(\d{1,3}(?:,\d{3})*|" + "|".join(SMALL_NUMBERS[2:]) + rf")\s+({PLURAL})\b", re.I
)
NO_NOUN = re.compile(rf"\b([Nn])o\s+({PLURAL})\b|\b([Nn])o one\b|\b([Nn])obody\b")
STOP_CAPITALS = set(
    MONTHS
    + WEEKDAYS
    + [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "His",
        "Her",
        "Their",
        "In",
        "On",
        "At",
        "As",
        "But",
        "And",
        "For",
    ]
)


@dataclass(frozen=True)
class EditedPair:
    premise: str
    hypothesis: str
    label: str  # entailment | neutral | contradiction
    kind: str  # which edit produced it


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
    return sentence[: match.start()] + formatted + sentence[match.end() :]


def reformat_number(sentence: str, rng: random.Random) -> str | None:
    """Same value, other spelling: 1,200 -> 1200, five -> 5."""
    for word, digits in rng.sample(list(NUMBER_WORDS.items()), len(NUMBER_WORDS)):
        replaced = re.sub(rf"\b{word}\b", digits, sentence, count=1)
        if replaced != sentence:
            return replaced
    grouped = re.search(r"\b\d{1,3}(?:,\d{3})+\b", sentence)
    if grouped:
        return (
            sentence[: grouped.start()]
            + grouped.group().replace(",", "")
            + sentence[grouped.end() :]
        )
    return None


def change_date(sentence: str, rng: random.Random) -> str | None:
    for names in rng.sample([MONTHS, WEEKDAYS], 2):
        present = [name for name in names if re.search(rf"\b{name}\b", sentence)]
        if present:
            old = rng.choice(present)
            return re.sub(
                rf"\b{old}\b",
                rng.choice([n for n in names if n != old]),
                sentence,
                count=1,
            )
    return None


def toggle_negation(sentence: str, rng: random.Random) -> str | None:
    if NEGATION.search(sentence):
        removed = NEGATION.sub(
            lambda m: "" if m.group().startswith(" ") else "", sentence, count=1
        )
        return re.sub(r"\bca\b", "can", re.sub(r"\bwo\b", "will", removed))
    auxiliaries = [
        m for m in re.finditer(rf"\b(?:{'|'.join(AUXILIARIES)})\b", sentence)
    ]
    if auxiliaries:
        match = rng.choice(auxiliaries)
        return sentence[: match.end()] + " not" + sentence[match.end() :]
    return None


def replace_antonym(sentence: str, rng: random.Random) -> str | None:
    words = [m for m in re.finditer(r"\b[a-z]+\b", sentence) if m.group() in ANTONYMS]
    if not words:
        return None
    match = rng.choice(words)
    return sentence[: match.start()] + ANTONYMS[match.group()] + sentence[match.end() :]


def names_in(sentence: str) -> list[re.Match]:
    """Capitalised words; a single one that opens a sentence is taken for an ordinary word."""

    def opens_sentence(m: re.Match) -> bool:
        return m.start() == 0 or bool(re.search(r"[.!?]\s+$", sentence[: m.start()]))

    return [
        m
        for m in NAME.finditer(sentence)
        if m.group() not in STOP_CAPITALS
        and not (opens_sentence(m) and " " not in m.group())
    ]


def pick_name(
    pool: Sequence[str],
    rng: random.Random,
    sentence: str,
    fits=lambda name: True,
    fallback: Sequence[str] = FALLBACK_NAMES,
    tries: int = 40,
) -> str:
    """A random name of `pool` that `fits` and is not in `sentence` (a few random draws, not a scan of the pool)."""
    for name in (rng.choice(pool) for _ in range(tries if pool else 0)):
        if name not in sentence and fits(name):
            return name
    return rng.choice(
        [n for n in fallback if n not in sentence and fits(n)] or list(fallback)
    )


def swap_name(
    sentence: str, rng: random.Random, name_pool: Sequence[str]
) -> str | None:
    names = names_in(sentence)
    if not names:
        return None
    match = rng.choice(names)
    return (
        sentence[: match.start()]
        + pick_name(name_pool, rng, sentence)
        + sentence[match.end() :]
    )


def misspell_name(sentence: str, rng: random.Random) -> str | None:
    names = [m for m in names_in(sentence) if len(m.group()) >= 5]
    if not names:
        return None
    match = rng.choice(names)
    name = match.group()
    i = rng.randrange(1, len(name) - 2)
    typo = rng.choice(
        [
            name[:i] + name[i + 1] + name[i] + name[i + 2 :],
            name[:i] + name[i + 1 :],
            name[:i] + name[i] + name[i:],
        ]
    )
    return sentence[: match.start()] + typo + sentence[match.end() :]


def swap_roles(sentence: str, rng: random.Random) -> str | None:
    names = names_in(sentence)
    distinct = [
        (a, b)
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if a.group() != b.group()
    ]
    if not distinct:
        return None
    a, b = rng.choice(distinct)
    return (
        sentence[: a.start()]
        + b.group()
        + sentence[a.end() : b.start()]
        + a.group()
        + sentence[b.end() :]
    )


def shorten(sentence: str, rng: random.Random) -> str | None:
    """Keep the main clause: drop a parenthetical or everything after the last comma."""
    without_brackets = re.sub(r"\s*\([^)]*\)", "", sentence)
    if without_brackets != sentence:
        return without_brackets
    head, comma, _ = sentence.rpartition(", ")
    if (
        comma
        and len(head.split()) >= 5
        and " which " not in sentence
        and " but " not in sentence
    ):
        return head.rstrip() + "."
    return None


def _cased(original: str, replacement: str) -> str:
    return (
        replacement[:1].upper() + replacement[1:]
        if original[:1].isupper()
        else replacement
    )


def _recased(replacement: str) -> Callable[[re.Match], str]:
    """A re.sub replacement: `replacement`, capitalised where the matched word was."""
    return lambda match: _cased(match.group(), replacement)


def number_value(text: str) -> float | None:
    """The value of a written number: digits (with thousands commas) or a small number word."""
    if text.lower() in SMALL_NUMBERS:
        return float(SMALL_NUMBERS.index(text.lower()))
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def other_notation(value: float) -> str | None:
    """The value written another way: 5 -> five, 1,200,000 -> 1.2 million, 2,500 -> 2.5 thousand."""
    if value == int(value) and 0 <= value < len(SMALL_NUMBERS):
        return SMALL_NUMBERS[int(value)]
    for size, word in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if value >= size and round(value / size, 1) * size == value:
            return f"{value / size:g} {word}"
    return None


def digits(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def quantities(sentence: str) -> list[re.Match]:
    """Counts and amounts (digits or small number words), years left out."""
    found = [m for m in NUMBER.finditer(sentence) if not YEAR.match(m.group())]
    words = re.finditer(r"\b(?:" + "|".join(SMALL_NUMBERS[1:]) + r")\b", sentence, re.I)
    found += [m for m in words if m.group().lower() != "one"]
    # scores and ranges (2-1, 10-12) are not counts
    return [
        m
        for m in found
        if sentence[m.start() - 1 : m.start()] != "-"
        and sentence[m.end() : m.end() + 1] != "-"
    ]


def renotate_number(sentence: str, rng: random.Random) -> str | None:
    """The same value in another notation: 5 -> five, 1,200,000 -> 1.2 million, 40 percent -> 40%."""
    options = []
    for match in quantities(sentence):
        value = number_value(match.group())
        if value is None:  # cannot happen: quantities are numbers number_value reads
            continue
        written = other_notation(value) if match.group()[0].isdigit() else digits(value)
        if written and written != match.group():
            options.append(
                sentence[: match.start()]
                + _cased(match.group(), written)
                + sentence[match.end() :]
            )
    if re.search(r"\d percent\b", sentence):
        options.append(re.sub(r"(\d) percent\b", r"\1%", sentence, count=1))
    elif re.search(r"\d%", sentence):
        options.append(re.sub(r"(\d)%", r"\1 percent", sentence, count=1))
    return rng.choice(options) if options else None


def change_tally_notation(sentence: str, rng: random.Random) -> str | None:
    """A different count written in another notation: 12 -> seven, three -> 9, 1,200,000 -> 3.5 million."""
    matches = quantities(sentence)
    if not matches:
        return None
    match = rng.choice(matches)
    value = number_value(match.group())
    if value is None or value != int(value):
        return None
    if value < len(SMALL_NUMBERS):
        new = float(rng.choice([v for v in range(2, len(SMALL_NUMBERS)) if v != value]))
        # a small whole number always has a word (other_notation is never None here)
        written = (
            (other_notation(new) or digits(new))
            if match.group()[0].isdigit()
            else digits(new)
        )
    else:
        new = float(f"{value * rng.choice([0.2, 0.4, 0.6, 1.5, 2.5, 4]):.2g}")
        written = other_notation(new) or digits(new)
    if new == value:
        return None
    return (
        sentence[: match.start()]
        + _cased(match.group(), written)
        + sentence[match.end() :]
    )


def approximate(sentence: str, rng: random.Random) -> str | None:
    """A count stated approximately, still true: 1,234 -> about 1,200 / more than 1,200 / nearly 1,300."""
    matches = [
        m
        for m in quantities(sentence)
        if m.group()[0].isdigit()
        and "." not in m.group()
        and not re.search(rf"\b(?:{HEDGES})\s+$", sentence[: m.start()], re.I)
    ]
    matches = [m for m in matches if (number_value(m.group()) or 0) >= 20]
    if not matches:
        return None
    match = rng.choice(matches)
    value = number_value(match.group())
    if value is None:  # cannot happen: it was at least 20
        return None
    step = 10 ** (len(str(int(value))) - 2)
    down, up = value // step * step, -(-value // step) * step
    options = [f"about {digits(round(value / step) * step)}"]
    if down < value:
        options.append(f"more than {digits(down)}")
    if up > value:
        options.append(f"nearly {digits(up)}")
    written = rng.choice(options)
    return (
        sentence[: match.start()]
        + _cased(match.group(), written)
        + sentence[match.end() :]
    )


def reword(sentence: str, rng: random.Random) -> str | None:
    """A restatement with the same meaning: common words reworded, a closing time phrase moved to the front."""
    words = [w for w in REWORDINGS if re.search(rf"\b{w}\b", sentence, re.I)]
    changed = sentence
    for word in rng.sample(words, min(len(words), 2)):
        changed = re.sub(
            rf"\b{word}\b",
            _recased(REWORDINGS[word]),
            changed,
            count=1,
            flags=re.I,
        )
    time_phrase = TIME_PHRASE.search(changed)
    if (
        time_phrase
        and time_phrase.start() > 0
        and (rng.random() < 0.6 or changed == sentence)
    ):
        rest = changed[: time_phrase.start()] + changed[time_phrase.end() :]
        opening = rest.split(" ", 1)[0]
        first = (
            rest[:1].lower()
            if opening in STOP_CAPITALS or opening in ("A", "An")
            else rest[:1]
        )
        changed = f"{time_phrase.group(1)[:1].upper()}{time_phrase.group(1)[1:]}, {first}{rest[1:]}"
    return changed if changed != sentence else None


def reworded_quantity(sentence: str, rng: random.Random) -> str | None:
    """A changed count or amount in a reworded sentence."""
    reworded = reword(sentence, rng)
    return change_number(reworded, rng) if reworded else None


def no_versus_count(sentence: str, rng: random.Random) -> str | None:
    """ "no injuries" against "three injuries", "nobody" against "four people", "12 people" against "no people"."""
    if NEGATION.search(
        sentence
    ):  # "did not open 3 stores" against "did not open no stores" says nothing
        return None
    count = rng.choice(SMALL_NUMBERS[2:])
    none = NO_NOUN.search(sentence)
    if none:
        if none.group(2):
            written = f"{_cased(none.group(1), count)} {none.group(2)}"
        else:
            written = _cased(none.group(), f"{count} people")
        edited = sentence[: none.start()] + written
        rest = sentence[none.end() :]
        if not none.group(2):  # "nobody was" -> "four people were"
            rest = re.sub(
                r"^(\s+)(was|is|has)\b",
                lambda m: (
                    m.group(1) + {"was": "were", "is": "are", "has": "have"}[m.group(2)]
                ),
                rest,
            )
        edited += rest
    else:
        counted = [
            m for m in COUNT_NOUN.finditer(sentence) if not YEAR.match(m.group(1))
        ]
        if not counted:
            return None
        match = rng.choice(counted)
        hedge = re.search(rf"\b(?:{HEDGES})\s+$", sentence[: match.start()], re.I)
        start = hedge.start() if hedge else match.start()
        edited = (
            sentence[:start] + _cased(sentence[start:], "no") + sentence[match.end(1) :]
        )
    return (reword(edited, rng) or edited) if rng.random() < 0.5 else edited


def distinct_names(sentence: str) -> list[re.Match]:
    seen, out = set(), []
    for match in names_in(sentence):
        if match.group() not in seen:
            seen.add(match.group())
            out.append(match)
    return out


def other_subject(
    sentence: str, rng: random.Random, name_pool: Sequence[str]
) -> str | None:
    """The same sentence about another place, team or person, when no other name anchors it: not a conflict."""
    names = distinct_names(sentence)
    if len(names) != 1 or any(
        names[0].group().startswith(role + " ") for role in ROLES
    ):
        return None
    match = names[0]
    size = len(
        match.group().split()
    )  # a replacement of the same shape: one word for one, two for two
    name = pick_name(
        name_pool,
        rng,
        sentence,
        lambda n: len(n.split()) == size,
        [n for n in FALLBACK_NAMES + FALLBACK_PEOPLE if len(n.split()) == min(size, 2)],
    )
    return sentence[: match.start()] + name + sentence[match.end() :]


def change_person_in_role(
    sentence: str, rng: random.Random, name_pool: Sequence[str]
) -> str | None:
    """Another person named in a role: "Mayor John Smith said" -> "Mayor Li Wei said"."""

    def is_person(n: str) -> bool:
        return " " in n and not any(n.startswith(r + " ") for r in ROLES)

    for match in names_in(sentence):
        for role in sorted(ROLES, key=len, reverse=True):
            if match.group().startswith(role + " "):
                person = pick_name(name_pool, rng, sentence, is_person, FALLBACK_PEOPLE)
                return (
                    sentence[: match.start()]
                    + f"{role} {person}"
                    + sentence[match.end() :]
                )
    return None


CONTRADICTIONS = {
    "number": change_number,
    "date": change_date,
    "negation": toggle_negation,
    "antonym": replace_antonym,
    "roles": swap_roles,
    "reworded_number": reworded_quantity,
    "tally_notation": change_tally_notation,
    "no_versus_count": no_versus_count,
}
ENTAILMENTS = {
    "misspelling": misspell_name,
    "reformat": reformat_number,
    "shorten": shorten,
    "notation": renotate_number,
    "approximation": approximate,
    "reworded": reword,
}


def edit_sentence(
    sentence: str, rng: random.Random, name_pool: Sequence[str] = FALLBACK_NAMES
) -> list[EditedPair]:
    """Every edit that applies to `sentence`: (sentence, edited) pairs, one per kind."""
    pairs = [EditedPair(sentence, sentence, "entailment", "same")]
    edits: dict[str, tuple[Callable[[str, random.Random], str | None], str]] = {
        **{k: (f, "contradiction") for k, f in CONTRADICTIONS.items()},
        **{k: (f, "entailment") for k, f in ENTAILMENTS.items()},
    }
    # Another name is a conflict only while a second name still anchors the sentence to the same event.
    edits["name"] = (
        lambda s, r: swap_name(s, r, name_pool) if len(distinct_names(s)) > 1 else None,
        "contradiction",
    )
    edits["person_in_role"] = (
        lambda s, r: change_person_in_role(s, r, name_pool),
        "contradiction",
    )
    edits["other_subject"] = (lambda s, r: other_subject(s, r, name_pool), "neutral")
    for kind, (edit, label) in edits.items():
        edited = edit(sentence, rng)
        if edited and edited != sentence:
            pairs.append(EditedPair(sentence, edited, label, kind))
    return pairs


def generate_pairs(
    sentences: Iterable[str],
    seed: int = 0,
    per_sentence: int = 2,
    neutral_share: float = 0.15,
) -> list[EditedPair]:
    """Up to `per_sentence` edited pairs for each sentence, contradictions first, plus unrelated-sentence neutrals.

    Deterministic for a given seed and sentence order.
    """
    rng = random.Random(seed)
    sentences = list(dict.fromkeys(s.strip() for s in sentences if len(s.split()) >= 4))
    name_pool = (
        sorted({m.group() for s in sentences[:5000] for m in names_in(s)})
        or FALLBACK_NAMES
    )
    pairs = []
    for sentence in sentences:
        options = edit_sentence(sentence, rng, name_pool)
        contradictions = [p for p in options if p.label == "contradiction"]
        others = [p for p in options if p.label != "contradiction"]
        rng.shuffle(contradictions)
        rng.shuffle(others)
        # Balance: roughly half of each sentence's pairs contradict, the rest do not.
        chosen = contradictions[: (per_sentence + 1) // 2] + others[: per_sentence // 2]
        pairs.extend(chosen[:per_sentence])
        if len(sentences) > 1 and rng.random() < neutral_share:
            other = sentences[rng.randrange(len(sentences))]
            if other != sentence:
                pairs.append(EditedPair(sentence, other, "neutral", "unrelated"))
    return pairs
