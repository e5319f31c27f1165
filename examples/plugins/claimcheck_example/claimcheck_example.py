"""An example claimcheck plugin: a verifier for misquotes, and a CSV report format.

Install it next to claimcheck (`pip install examples/plugins/claimcheck_example`); its entry point in the
group "claimcheck" (pyproject.toml) makes claimcheck load this module and call its hooks:

- register_verifiers: `misquote` flags two claims that quote the same speaker saying nearly the same words
  in quotation marks, worded differently ("We will not give up a single village," Anna Berg said / "We will
  not give up a single town," Anna Berg said): one source misquotes, or the speaker said it twice, two ways.
  claimcheck's own checks flag numbers, dates, negation and names that differ, and a quote given to
  two different speakers; a word swapped inside a quote is what only an NLI model might notice.
- register_formats: `claimcheck run ... --format csv`, one row per finding with both claims' provenance.
"""

from __future__ import annotations

import csv
import difflib
import io
import re

from claimcheck.hookspecs import hookimpl
from claimcheck.records import Verdict

QUOTE = re.compile(
    r'"([^"]+)"|\u201c([^\u201d]+)\u201d'
)  # "straight" or “curly” quotation marks
WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
MIN_WORDS = 4  # shorter quotes ("historic") are too common to compare
SIMILAR = 0.6  # share of the words in common (difflib's ratio) that makes two quotes one statement
SCORE = 0.6


@hookimpl
def register_verifiers(register):
    register(misquote)


@hookimpl
def register_formats(register):
    register("csv", render_csv)


def quoted_words(sentence: str) -> list[str]:
    """The words inside quotation marks in a sentence, lower-cased, in order."""
    return [
        word.lower()
        for match in QUOTE.finditer(sentence)
        for word in WORD.findall(match.group(1) or match.group(2))
    ]


def same_speaker(x: str | None, y: str | None) -> bool:
    """ "Anna Berg" / "Berg": one name's words are all in the other's."""
    if not x or not y:
        return False
    ours, theirs = set(x.lower().split()), set(y.lower().split())
    return ours <= theirs or theirs <= ours


def misquote(a, b) -> Verdict | None:
    """A verifier: `a` and `b` are claimcheck.verify.Side (a claim and its reading); the claims' sentences
    are the source's words, verbatim."""
    if not same_speaker(a.claim.speaker, b.claim.speaker):
        return None
    ours, theirs = quoted_words(a.claim.sentence), quoted_words(b.claim.sentence)
    if min(len(ours), len(theirs)) < MIN_WORDS or ours == theirs:
        return None
    matcher = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False)
    if matcher.ratio() < SIMILAR:
        return None  # two different statements
    changes = [
        (" ".join(ours[i1:i2]) or "(nothing)", " ".join(theirs[j1:j2]) or "(nothing)")
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
    worded = "; ".join(f'"{x}" vs "{y}"' for x, y in changes)
    speaker = max(a.claim.speaker, b.claim.speaker, key=len)
    return Verdict("contradiction", SCORE, f"{speaker} quoted two ways: {worded}")


COLUMNS = ["fingerprint", "kind", "score", "explanation"] + [
    f"{side}_{key}"
    for side in ("a", "b")
    for key in ("source", "speaker", "path", "line", "text")
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """Text a spreadsheet would run as a formula gets a leading '."""
    return (
        "'" + value
        if isinstance(value, str) and value.startswith(FORMULA_START)
        else value
    )


def render_csv(result) -> str:
    """A report format: `result` is a claimcheck.pipeline.CheckResult (findings, strongest first, and the
    check's summary); returns the whole report."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in result.findings:
        row = [f.id, f.kind, f.score, f.explanation]
        for claim in (f.a, f.b):
            row += [claim.source, claim.speaker, claim.path, claim.line, claim.text]
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue()
