"""Sentences: split text into sentences with exact character offsets.

Lines are grouped into paragraphs first: a blank line, or a line break not followed by a
wrapped continuation, is a hard boundary (headlines have no final period). Inside a
paragraph nupunkt's Punkt model decides, which knows "U.S.", "Aug.", "Dr.", initials and decimals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


_LINE = re.compile(r"[^\n]*\n?")
_CONTINUES_LINE = re.compile(
    r"[,;(\u2013\u2014-]\s*$"
)  # a wrapped line ends mid-sentence
_STARTS_LOWERCASE = re.compile(r"\s*[a-z]")


@lru_cache(maxsize=1)
def _tokenizer():
    import nupunkt

    return nupunkt.load("default")


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for start, end in _paragraphs(text):
        for span_start, span_end in _tokenizer().span_tokenize(text[start:end]):
            _append(sentences, text, start + span_start, start + span_end)
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return
    previous = sentences[-1] if sentences else None
    # Punkt sometimes splits after an abbreviation ("$3.5 bn. in Q2"): a lowercase start continues it.
    if previous and text[start].islower() and "\n" not in text[previous.end : start]:
        sentences[-1] = Sentence(text[previous.start : end], previous.start, end)
    else:
        sentences.append(Sentence(text[start:end], start, end))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    paragraphs: list[tuple[int, int]] = []
    start = end = 0
    previous = ""
    for match in _LINE.finditer(text):
        line = match.group()
        if not line:
            break
        blank = not line.strip()
        joins = (
            not blank
            and previous.strip()
            and (_STARTS_LOWERCASE.match(line) or _CONTINUES_LINE.search(previous))
        )
        if not joins and end > start:
            paragraphs.append((start, end))
            start = match.start()
        if blank:
            start = match.end()
        end = match.end()
        previous = line
    if end > start:
        paragraphs.append((start, end))
    return paragraphs
