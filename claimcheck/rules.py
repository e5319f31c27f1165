"""Deterministic verifiers for what NLI models miss: negation, opposing positions, numbers and dates.

Each check first decides whether the two claims are about the same thing; precision beats recall.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.claims import Claim
from claimcheck.entities import builtin_mentions
from claimcheck.findings import Verdict
from claimcheck.quantities import DEATH_CUES, INJURY_CUES, Mentions, extract
from claimcheck.terms import (AUXILIARIES, IRREGULAR_VERBS, STOPWORDS, Word, expand_contractions, is_content,
                             stem, words)

NEGATION_CUES = frozenset({"not", "never", "no"})
REFUSALS = frozenset(map(stem, ("refused", "failed", "declined")))
DETERMINERS = frozenset("a an the any more further their his her its our this that these those some for of on to".split())
POSITIVE_STANCES = tuple(tuple(map(stem, phrase.split())) for phrase in (
    "insist on", "insistence on", "insist that", "agree that", "agree to", "accept", "call for", "push for", "press for", "in favor of", "demand", "want", "support", "favor",
    "back", "urge", "seek", "sought", "advocate", "endorse"))
NEGATIVE_STANCES = tuple(tuple(map(stem, phrase.split())) for phrase in (
    "rather than", "instead of", "rule out", "oppose", "reject", "against", "dismiss", "resist"))
STANCES_BY_FIRST_STEM = {first: tuple((positive, tuple(p for p in phrases if p[0] == first))
                                      for phrases, positive in ((POSITIVE_STANCES, True), (NEGATIVE_STANCES, False))
                                      if any(p[0] == first for p in phrases))
                         for first in {p[0] for p in POSITIVE_STANCES + NEGATIVE_STANCES}}
NOT_BACKING_AFTER = frozenset("to in home down away off up out into from on".split())
NOT_BACKING_BEFORE = frozenset(map(stem, "come came go went get got bring brought head turn fight fought".split()))
MEASURES = frozenset({"percent", "percentage point", "usd", "eur", "gbp", "duration"})   # units that need a named measure
NEUTRAL = frozenset(map(stem, """say said says tell told report reported according official officials confirm confirmed
    announce announced state stated add added claim claimed hold held take took taken place occur happen reach stand stood hit rise rose fall fell climb drop total
    see saw put estimate""".split())) | DEATH_CUES | INJURY_CUES
REPORTING = frozenset(map(stem, "say said says tell told argue insist warn claim stress add note announce".split()))
GENERIC_EVENT_WORDS = frozenset(map(stem, "time day date".split()))
ATTRIBUTION_TAIL = re.compile(r"[,;]\s+(?:according to\b[^,;]*|(?:[\w’'.\- ]{1,60}\s)?(?:said|says|told \w+|reported|added)"
                              r"(?: on \w+)?)\W*$")


@dataclass(frozen=True)
class Analysis:
    words: tuple[Word, ...]
    mentions: Mentions
    context: tuple[str, ...]      # content stems outside numbers and dates, in order
    stems: frozenset[str]
    entities: frozenset[str]


@dataclass(frozen=True)
class Stance:
    positive: bool
    target: str                   # stem of the target's head noun
    phrase: str                   # the words that state the stance, verbatim
    actor: str


def check_pair(a: Claim, b: Claim) -> list[Verdict]:
    """Every deterministic disagreement between two claims, at most one of a kind, in a fixed order."""
    checks = (negation_verdict, position_verdict, number_verdict, date_verdict)
    verdicts: dict[str, Verdict] = {}
    for check in checks:
        verdict = check(a, b)
        if verdict is not None:
            verdicts.setdefault(verdict.kind, verdict)    # "has not agreed" / "agreed": one contradiction
    return list(verdicts.values())


@lru_cache(maxsize=8192)
def statement(claim: Claim) -> str:
    """The claim's text with what only says who is speaking or who someone is blanked out, offsets kept:
    "Russian President Vladimir Putin met Trump, officials said." -> "                          Putin met Trump".
    """
    text = claim.text
    tail = ATTRIBUTION_TAIL.search(text)
    if tail:
        text = text[:tail.start()] + " " * (len(text) - tail.start())
    for mention in builtin_mentions(claim):
        if mention.kind != "person":
            continue
        begin = mention.start - len(mention.role) - 1 if mention.role and \
            claim.text[:mention.start - 1].endswith(mention.role) else mention.start
        end = mention.start + mention.text.rfind(" ") + 1       # keep the surname
        if end > begin:
            text = text[:begin] + " " * (end - begin) + text[end:]
    return text


@lru_cache(maxsize=8192)
def analyse(claim: Claim) -> Analysis:
    mentions = extract(claim.text)
    spans = [(m.start, m.end) for group in (mentions.quantities, mentions.tallies, mentions.dates) for m in group]
    claim_words = tuple(words(statement(claim)))
    outside = [w for w in claim_words if is_content(w) and not any(start <= w.start < end for start, end in spans)]
    speaker = {w.stem for w in words(claim.speaker or "")}
    names = frozenset(w.stem for w in outside if w.text[0].isupper() and w.stem not in speaker)
    return Analysis(claim_words, mentions, tuple(w.stem for w in outside),
                    frozenset(w.stem for w in claim_words), names)


def distinct_subjects(a: Analysis, b: Analysis) -> bool:
    """Each claim names someone or something the other does not mention: Ohio vs Texas, Senate vs House."""
    return bool(a.entities - b.stems) and bool(b.entities - a.stems)


def nli_ruled_out(a: Claim, b: Claim) -> bool:
    """Pairs an NLI model's "contradiction" is not to be trusted on: claims whose subjects name different
    things (Riverton vs Harbor City, "a crowd of 12,400" vs "of 8,900"); claims with different figures or dates
    that the number and date checks find to be about different things ("a $282 million package for border
    policy in Split" / "a $64 million package for water tariffs in Kyoto"); and claims that restate one another
    with the same polarity ("No questions were taken" / "The leaders did not take questions")."""
    first, second = analyse(a), analyse(b)
    about_different_things = distinct_subjects(first, second) or not same_thing(first, second)
    return _subjects_differ(a, b) or (_figures_differ(first, second) and about_different_things) or _restates(a, b)


def _figures_differ(first: Analysis, second: Analysis) -> bool:
    """Both claims state a figure of one unit (or a date), and none of one's fits any of the other's."""
    return next(_clashing_figures(first, second, ("quantities", "tallies", "dates")), None) is not None


def _clashing_figures(first: Analysis, second: Analysis, kinds: tuple[str, ...]) -> Iterator[tuple[str, list, list]]:
    """(unit, ours, theirs) for each unit both claims state figures in (dates: unit ""), none of them compatible."""
    for kind in kinds:
        ours_all, theirs_all = getattr(first.mentions, kind), getattr(second.mentions, kind)
        for unit in sorted({getattr(m, "unit", "") for m in ours_all} & {getattr(m, "unit", "") for m in theirs_all}):
            ours = [m for m in ours_all if getattr(m, "unit", "") == unit]
            theirs = [m for m in theirs_all if getattr(m, "unit", "") == unit]
            if not any(m.compatible(n) for m in ours for n in theirs):
                yield unit, ours, theirs


def _subjects_differ(a: Claim, b: Claim) -> bool:
    first, second = _subject_things(a), _subject_things(b)
    return bool(first - _things(b)) and bool(second - _things(a))


def _subject_things(claim: Claim) -> frozenset[str]:
    """Names and numbers in the claim's subject: before its first verb, or after a leading "X said (that)"."""
    tokens = analyse(claim).words
    verbs = [i for i, w in enumerate(tokens) if _is_verb(w)]
    begin, end = 0, verbs[0] if verbs else len(tokens)
    if verbs and tokens[verbs[0]].stem in REPORTING:
        begin = verbs[0] + 1 + (verbs[0] + 1 < len(tokens) and tokens[verbs[0] + 1].text.lower() == "that")
        end = next((i for i in verbs if i >= begin), len(tokens))
    if begin >= end:
        return frozenset()
    span = (tokens[begin].start if begin else 0, tokens[end - 1].end)
    return frozenset(thing for start, thing in _located_things(claim) if span[0] <= start < span[1])


def _things(claim: Claim) -> frozenset[str]:
    return frozenset(thing for _, thing in _located_things(claim))


@lru_cache(maxsize=8192)
def _located_things(claim: Claim) -> tuple[tuple[int, str], ...]:
    """(offset, stem) of each word of a name (first names too: Rafael Gomez is not Boris Gomez), and
    (offset, value) of each quantity."""
    found = [(m.start + w.start, w.stem) for m in builtin_mentions(claim) for w in words(m.text)]
    found += [(q.start, f"{q.value:g} {q.unit}") for q in analyse(claim).mentions.quantities]
    return tuple(found)


def _is_verb(word: Word) -> bool:
    return word.text.lower() in AUXILIARIES or word.stem in REPORTING or _is_past_form(word)


def _is_past_form(word: Word) -> bool:
    """"met", "attended": a finite verb in news prose."""
    return not word.text[0].isupper() and (word.text.lower() in IRREGULAR_VERBS or word.text.lower().endswith("ed"))


def _restates(a: Claim, b: Claim) -> bool:
    (neg_a, core_a, _), (neg_b, core_b, _) = _polarity(statement(a)), _polarity(statement(b))
    ours, theirs = set(core_a), set(core_b)
    return neg_a % 2 == neg_b % 2 and min(len(ours), len(theirs)) >= 2 and (ours <= theirs or theirs <= ours)


# --- numbers -------------------------------------------------------------------------------------

def number_verdict(a: Claim, b: Claim) -> Verdict | None:
    first, second = analyse(a), analyse(b)
    if distinct_subjects(first, second) or not same_thing(first, second):
        return None
    for unit, ours, theirs in _clashing_figures(first, second, ("quantities", "tallies")):
        if not unit:
            continue          # a number that counts nothing named
        if unit in MEASURES:
            label = _measured(first, ours[0], second)
            if not label:
                continue      # a bare percentage or amount says nothing about what it measures
        else:
            label = _surface(first, unit)
        return Verdict("number", 0.85, f"{label}: {ours[0].text} vs {theirs[0].text}")
    return None


def same_thing(first: Analysis, second: Analysis) -> bool:
    """One claim's description is contained in the other's: "injured in the trial" and "injured in the
    referendum" each say something the other does not, so they are about different things."""
    ours, theirs = set(first.context) - NEUTRAL, set(second.context) - NEUTRAL
    return bool(ours & theirs) and (ours <= theirs or theirs <= ours)


def _surface(analysis: Analysis, unit: str) -> str:
    return next((w.text.lower() for w in analysis.words if w.stem == unit), unit)


def _measured(analysis: Analysis, mention, other: Analysis, reach: int = 40) -> str:
    """The word naming what `mention` measures, if the other claim names it too ("turnout")."""
    units = {q.unit for q in analysis.mentions.quantities}
    nearby = [w for w in analysis.words if is_content(w) and w.stem in other.context and w.stem not in NEUTRAL | units
              and mention.start - reach <= w.start <= mention.end + reach
              and not mention.start <= w.start < mention.end]
    nearby.sort(key=lambda w: min(abs(w.start - mention.start), abs(w.start - mention.end)))
    return nearby[0].text.lower() if nearby else ""


# --- dates ---------------------------------------------------------------------------------------

def date_verdict(a: Claim, b: Claim) -> Verdict | None:
    first, second = analyse(a), analyse(b)
    ours, theirs = first.mentions.dates, second.mentions.dates
    if not ours or not theirs or any(d.compatible(e) for d in ours for e in theirs):
        return None
    if distinct_subjects(first, second) or not same_thing(first, second):
        return None
    shared = set(first.context) & set(second.context) - NEUTRAL
    return Verdict("date", 0.8, f"date of {_event(first, ours[0], shared)}: {ours[0].text} vs {theirs[0].text}")


def _event(analysis: Analysis, date, shared: set[str]) -> str:
    """What happened on the date: the words from the shared verb up to the date ("met in Alaska"),
    else the shared word nearest the date."""
    verbs = [i for i, w in enumerate(analysis.words) if w.stem in shared and _is_past_form(w)]
    if verbs:
        after = analysis.words[verbs[0]:]
        phrase = [w for i, w in enumerate(after) if not date.start <= w.start < date.end and not (
            w.text.lower() in STOPWORDS and i + 1 < len(after) and after[i + 1].start == date.start)][:6]
        while len(phrase) > 1 and phrase[-1].text.lower() in STOPWORDS:
            phrase.pop()
        return '"' + " ".join(w.text for w in phrase) + '"'

    candidates = [w for w in analysis.words if w.stem in shared]
    events = [w for w in candidates if not w.text[0].isupper() and w.stem not in GENERIC_EVENT_WORDS] or candidates
    return min(events, key=lambda w: abs(w.start - date.start)).text.lower()


# --- negation ------------------------------------------------------------------------------------

def negation_verdict(a: Claim, b: Claim) -> Verdict | None:
    first, second = _polarity(statement(a)), _polarity(statement(b))
    (neg_a, core_a, cue_a), (neg_b, core_b, cue_b) = first, second
    if neg_a % 2 == neg_b % 2 or len(core_a) < 2 or len(core_b) < 2:
        return None
    set_a, set_b = set(core_a), set(core_b)
    overlap = len(set_a & set_b) / len(set_a | set_b)
    if overlap < 0.8 or len(set_a ^ set_b) > 1:
        return None
    negated_cue, plain = (cue_a, b.text) if neg_a % 2 else (cue_b, a.text)
    return Verdict("contradiction", round(0.9 * overlap, 3), f'"{negated_cue}" negates "{_echo(negated_cue, plain)}"')


def _polarity(text: str) -> tuple[int, list[str], str]:
    """(number of negations, content stems without negations and auxiliaries, the first negated phrase)."""
    tokens = words(expand_contractions(text))
    negations, core, cue = 0, [], ""
    skip = set()
    for i, word in enumerate(tokens):
        lower = word.text.lower()
        refusal = word.stem in REFUSALS and i + 1 < len(tokens) and tokens[i + 1].text.lower() == "to"
        if lower in NEGATION_CUES or refusal:
            negations += 1
            if refusal:
                skip.add(i + 1)
            if not cue:
                begin = i - 1 if i and tokens[i - 1].text.lower() in AUXILIARIES else i
                end = next((j for j in range(i + 1, len(tokens)) if j not in skip and is_content(tokens[j])), i)
                cue = " ".join(t.text for t in tokens[begin:end + 1])
            continue
        if i not in skip and lower not in AUXILIARIES and lower not in STOPWORDS:
            core.append(word.stem)
    return negations, core, cue


def _echo(cue: str, text: str) -> str:
    """The word in `text` that the negated phrase's verb matches: "did not attend" -> "attended"."""
    last = stem(cue.split()[-1])
    return next((w.text for w in words(text) if w.stem == last), text)


# --- positions -----------------------------------------------------------------------------------

def position_verdict(a: Claim, b: Claim) -> Verdict | None:
    """Two actors on opposite sides of one thing; one actor on both sides is a contradiction between the reports."""
    ours_all, theirs_all = stances(a), stances(b)
    for ours in ours_all:
        for theirs in theirs_all:
            if ours.target != theirs.target or ours.positive == theirs.positive:
                continue
            if _torn(ours_all, ours) or _torn(theirs_all, theirs):
                continue
            target = next(w.text.lower() for w in words(ours.phrase) if w.stem == ours.target)
            kind = "position" if _different(ours.actor, theirs.actor) else "contradiction"
            return Verdict(kind, 0.75, f"{target}: {_side(ours)} vs {_side(theirs)}")
    return None


def _torn(claim_stances: tuple[Stance, ...], stance: Stance) -> bool:
    """The claim takes both sides on the target itself, so it states no clear position."""
    return any(s.target == stance.target and s.positive != stance.positive for s in claim_stances)


def _side(stance: Stance) -> str:
    return f'{stance.actor} {"for" if stance.positive else "against"} ("{stance.phrase}")'


def _different(actor: str, other: str) -> bool:
    ours, theirs = {stem(w) for w in actor.split()}, {stem(w) for w in other.split()}
    return bool(ours) and bool(theirs) and not ours <= theirs and not theirs <= ours


@lru_cache(maxsize=8192)
def stances(claim: Claim) -> tuple[Stance, ...]:
    """Positions the claim attributes: ("European participants", for, "ceasefire")."""
    text = expand_contractions(claim.text)
    tokens = words(text)
    found = []
    for cue, positive, target in _stance_cues(tokens):
        actor = claim.speaker or _subject(tokens, cue)
        if actor:
            found.append(Stance(positive, tokens[target[-1]].stem, text[tokens[cue].start:tokens[target[-1]].end],
                                actor.strip()))
    return tuple(found)


def stance_targets(text: str) -> frozenset[str]:
    """Stems of what the text takes a position on, whoever takes it: {"ceasefire"} for "rather than a ceasefire"."""
    tokens = words(expand_contractions(text))
    return frozenset(tokens[target[-1]].stem for _, _, target in _stance_cues(tokens))


def _stance_cues(tokens: list[Word]) -> Iterator[tuple[int, bool, list[int]]]:
    """(index of the cue, for or against, indices of the target) for each stance cue and target."""
    stems = [w.stem for w in tokens]
    for i, first in enumerate(stems):
        for positive, phrases in STANCES_BY_FIRST_STEM.get(first, ()):
            phrase = next((p for p in phrases if tuple(stems[i:i + len(p)]) == p), None)
            if phrase is None or (phrase == ("back",) and not _is_backing(tokens, i)):
                continue
            targets = [_target(tokens, i + len(phrase))]
            if phrase[-1] == "that" and targets[0]:     # "agreed that Ukraine should receive guarantees"
                targets.append(_clause_object(tokens, targets[0][-1] + 1))
            negated = any(t.text.lower() in NEGATION_CUES for t in tokens[max(0, i - 3):i])
            for target in filter(None, targets):
                yield i, positive != negated, target


def _clause_object(tokens: list[Word], start: int) -> list[int]:
    """The object after a clause's verb: "[Ukraine] should receive security guarantees" -> "security guarantees"."""
    i = start
    while i < len(tokens) and tokens[i].text.lower() in AUXILIARIES:
        i += 1
    return _target(tokens, i + 1) if i < len(tokens) and is_content(tokens[i]) else []


def _target(tokens: list[Word], start: int) -> list[int]:
    """Indices of the noun phrase after a stance cue, up to four content words."""
    i = start
    while i < len(tokens) and tokens[i].text.lower() in DETERMINERS:
        i += 1
    phrase = []
    while i < len(tokens) and len(phrase) < 4 and is_content(tokens[i]) and tokens[i].text[0].isalpha() \
            and tokens[i].text.lower() not in ("rather", "instead"):
        phrase.append(i)
        i += 1
    return phrase


def _subject(tokens: list[Word], cue: int) -> str | None:
    """The first run of capitalised words before the cue ("Trump, however, ..." -> "Trump"),
    else a short opening noun phrase ("The union called for ..." -> "union")."""
    run = []
    for word in tokens[:cue]:
        if word.text[0].isupper() and is_content(word):
            run.append(word.text)
        elif run:
            break
    opening = [w.text for w in tokens[:cue] if is_content(w)]
    if not run and 0 < len(opening) <= 2 and cue <= 4:
        run = opening
    return " ".join(run) or None


def _is_backing(tokens: list[Word], i: int) -> bool:
    after = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    before = tokens[i - 1].stem if i else ""
    return after not in NOT_BACKING_AFTER and before not in NOT_BACKING_BEFORE and bool(after)
