"""Word-level helpers shared by pairing and the rules: tokens, crude stems, content words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*")
CONTRACTION = re.compile(r"\b(can|won|ca|wo)?n['’]t\b|\b(\w+)n['’]t\b", re.IGNORECASE)

STOPWORDS = frozenset(
    """
a an the and or but if then so than that this these those there here of in on at to for from by with
about as into onto over under after before until while during since between among through against
without within upon per via up down out off again further once also just only very too more most
less least much many some any each every both either neither all such own same other another
i me my we us our you your he him his she her it its they them their who whom whose which what when
where why how not no nor never
is are was were be been being am do does did done doing has have had having will would shall should
can could may might must
said says say told according
""".split()
)

AUXILIARIES = frozenset(
    """
is are was were be been being am do does did has have had will would shall should can could may might must
""".split()
)

IRREGULAR_VERBS = {
    "took": "take",
    "taken": "take",
    "went": "go",
    "gone": "go",
    "met": "meet",
    "said": "say",
    "made": "make",
    "gave": "give",
    "given": "give",
    "held": "hold",
    "won": "win",
    "lost": "lose",
    "saw": "see",
    "seen": "see",
    "came": "come",
    "began": "begin",
    "begun": "begin",
    "knew": "know",
    "known": "know",
    "left": "leave",
    "sent": "send",
    "spoke": "speak",
    "spoken": "speak",
    "told": "tell",
    "thought": "think",
    "brought": "bring",
    "got": "get",
    "gotten": "get",
    "paid": "pay",
    "ran": "run",
    "wrote": "write",
    "written": "write",
    "chose": "choose",
    "chosen": "choose",
    "fell": "fall",
    "fallen": "fall",
    "rose": "rise",
    "risen": "rise",
    "died": "die",
    "dies": "die",
    "dying": "die",
}
IRREGULAR = {
    **IRREGULAR_VERBS,
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "favour": "favor",
    "favoured": "favor",
    "favours": "favor",
}

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
CALENDAR = frozenset(MONTHS + WEEKDAYS + tuple(m[:3] for m in MONTHS) + ("sept",))


@dataclass(frozen=True)
class Word:
    text: str
    stem: str
    start: int
    end: int


DATA = Path(__file__).parents[1] / "data"


def data_lines(name: str) -> list[str]:
    """The entries of a vocabulary file in claimcheck/data/ (see its README), comments dropped."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [
        line.split("#")[0].strip()
        for line in text.splitlines()
        if line.split("#")[0].strip()
    ]


@lru_cache(maxsize=1)
def measure_families() -> dict[str, str]:
    """Counted nouns (stems) -> the family they count (claimcheck/data/measures.txt): "fan" -> "attendance"."""
    families = {}
    for line in data_lines("measures.txt"):
        family, nouns = line.split(":", 1)
        for noun in nouns.split():
            families[stem(noun)] = family.strip()
    return families


def expand_contractions(text: str) -> str:
    """ "didn't" -> "did not", "won't" -> "will not", keeping the character offsets close."""

    def replace(match: re.Match) -> str:
        head = match.group(1) or match.group(2) or ""
        head = {"wo": "will", "won": "will", "ca": "can", "can": "can"}.get(
            head.lower(), head
        )
        return f"{head} not"

    return CONTRACTION.sub(replace, text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, consistent stem: "attended"/"attend", "ceasefires"/"ceasefire", "taken"/"take" meet."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = IRREGULAR.get(word, word)
    for suffix, replacement in (
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if (
            word.endswith(suffix)
            and len(word) - len(suffix) >= 3
            and not word.endswith(("ss", "us", "is"))
        ):
            word = word[: -len(suffix)] + replacement
            break
    while (
        word.endswith("e") and len(word) > 3
    ):  # "agree"/"agreed", "ceasefire"/"ceasefires"
        word = word[:-1]
    return word


def words(text: str) -> list[Word]:
    return [
        Word(m.group(), stem(m.group()), m.start(), m.end())
        for m in WORD.finditer(text)
    ]


def is_content(word: Word) -> bool:
    lower = word.text.lower()
    return (
        word.text[0].isalpha()
        and lower not in STOPWORDS
        and lower not in CALENDAR
        and len(lower) > 1
    )
