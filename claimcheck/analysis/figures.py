"""Figures and tallies of a claim, each attached through the parse to what it measures ("a turnout of 61
percent", "taxes would rise by 5 percent", "an 8-year lease", "a 7-2 vote on border policy"); the numbers
themselves, units and qualifiers come from `quantities`."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.analysis.parser import proper
from claimcheck.analysis.quantities import (
    CASUALTY_UNITS,
    DEATH_CUES,
    INJURY_CUES,
    MEASURE_KINDS,
    NUMBER_WORD,
    PEOPLE,
    TALLY_NOUNS,
    Mentions,
    Quantity,
    Tally,
    extract,
    small_number,
)
from claimcheck.analysis.syntax import (
    identifier,
    is_content,
    is_root,
    name_phrases,
    objects_of,
    phrase,
    subject_of,
    tokens_in,
)
from claimcheck.analysis.terms import measure_families, stem

ORDINAL_SUFFIXES = frozenset({"th", "st", "nd", "rd"})
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\b", re.IGNORECASE)

UNIT_WORDS = frozenset(
    map(
        stem,
        """percent percentage point points per cent dollar dollars euro euros pound pounds
    second minute hour day week month year decade""".split(),
    )
)

TALLY_UNITS = {
    **TALLY_NOUNS,
    "goal": "score",
    "point": "score",
}  # words that make "N to M" a tally, and its kind

TALLY_WORDS = frozenset(TALLY_UNITS)  # a tally's unit, not what it measures

_TALLY_SIDE = rf"(\d{{1,3}}(?:,\d{{3}})*|{NUMBER_WORD}|nil|none)"

WORD_TALLY = re.compile(
    rf"(?<!\bfrom )(?<![\d,.])\b{_TALLY_SIDE}\s+(?:[a-z]+\s+)?to\s+{_TALLY_SIDE}\b(?![.,]\d)",
    re.IGNORECASE,
)  # "seven to two", "three goals to one", "14,212 votes to 11,905" (not "212 votes to 11" inside it)
FOR_AGAINST = re.compile(
    rf"(?<![\d,.])\b{_TALLY_SIDE}\b[^.;\d]{{0,40}}?\b(?:in favou?r|for)\b[^.;\d]{{0,20}}?"
    rf"\b{_TALLY_SIDE}\b[^.;\d]{{0,15}}?\bagainst\b",
    re.IGNORECASE,
)  # "51 members voting in favour and 38 against", "six for, three against": a vote


SHARE_WORDS = frozenset({"%", "percent", "cent", "pc"})


@dataclass(frozen=True)
class Figure:
    """A quantity and what it measures: "turnout was 61 percent" -> 61, percent, measures ("turnout",)."""

    value: float
    low: float
    high: float
    unit: str  # "percent", "usd", "duration" (minutes), "deaths", or the counted noun's stem
    measures: tuple[str, ...]  # stems of the words naming what is measured
    label: str  # those words as written, for explanations ("property taxes rise")
    # things: the nouns among the measures ("tax"); names: whose or where ("ohio" in "turnout in Ohio");
    # qualifiers: what the measured noun is about ("border", "policy" in "a ruling on border policy")
    text: str
    start: int
    end: int
    baseline: bool = (
        False  # the earlier value of a marked update: "from 4" in "climbed to 7 from 4"
    )
    things: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    # of: what a measure describes, stems ("term" in "a seven-year term", see _described)
    of: tuple[str, ...] = ()
    # hypothetical: what would have been ("would have taken more than a year")
    hypothetical: bool = False

    def compatible(self, other: Figure) -> bool:
        return (
            max(self.low, other.low) < min(self.high, other.high)
            or self.value == other.value
        )


@dataclass(frozen=True)
class Count(Tally):
    """A tally ("a 7-2 vote", "seven to two", "won 3-1", "unanimous"), with what it counts, as for Figure."""

    things: tuple[str, ...] = ()  # what was voted on or played
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Measurement:
    """What a figure or tally measures, from the parse (see Figure)."""

    measures: tuple[str, ...]
    label: str
    things: tuple[str, ...]
    names: tuple[str, ...]
    qualifiers: tuple[str, ...]


def _names_a_thing(quantity: Quantity, tokens: list) -> bool:
    """ "Highway 12": the number is part of a name (see identifier), no figure; `tokens`: its span's, in order."""
    return len(tokens) == 1 and not quantity.unit and identifier(tokens[0])


def _ordinal(quantity: Quantity, tokens: list) -> bool:
    """ "a second blow": the parser reads the unit word as an adjective, so it is no duration."""
    return (
        quantity.unit == "duration"
        and bool(tokens)
        and tokens[-1].pos_ == "ADJ"
        and not tokens[-1].is_digit
    )


def _measurement(
    tokens: list, unit: str, unit_words: frozenset[str] = frozenset()
) -> Measurement:
    measured = _measured(tokens[-1]) if tokens else []
    own = {t.i for t in tokens}
    measured = [t for t in measured if t.i not in own]
    words = [
        t
        for t in measured
        if is_content(t)
        and stem(t.text) not in UNIT_WORDS | unit_words
        and t.pos_ != "NUM"
        and not proper(t)
    ]  # names say whose, not what is measured
    words.sort(key=lambda t: t.i)
    nouns = [t for t in measured if t.pos_ == "NOUN"]
    predicates = [t for t in measured if t.pos_ == "VERB"]
    about = [
        o
        for t in nouns + predicates
        for p in t.children
        if p.dep_ == "prep" and p.lower_ != "of"
        for o in p.children
        if o.dep_ == "pobj" and o.i not in own
    ]
    if (
        tokens
    ):  # the figure's own modifier: "6 percent in basic pay", "$2 billion in aid"
        about += [
            o
            for p in tokens[-1].children
            if p.dep_ == "prep" and p.lower_ in ("in", "on", "for")
            for o in p.children
            if o.dep_ == "pobj" and o.i not in own
        ]
    names = name_phrases(
        [w for t in measured + about for w in [t, *t.children] if proper(w)]
    )
    qualifiers = tuple(
        dict.fromkeys(
            stem(w.text)
            for o in about
            for w in phrase(o)
            if is_content(w) and w.pos_ == "NOUN" and stem(w.text) not in unit_words
        )
    )
    things = tuple(
        dict.fromkeys(
            stem(t.text)
            for t in words
            if t.pos_ == "NOUN"
            and stem(t.text) not in PEOPLE
            and stem(t.text) != unit
            and not _whole_of_share(t, own, unit)
        )
    )
    return Measurement(
        tuple(dict.fromkeys(stem(t.text) for t in words)),
        " ".join(t.text for t in words),
        things,
        tuple(names),
        qualifiers,
    )


def _figure(quantity: Quantity, doc) -> Figure:
    low, high = quantity.interval()
    tokens = tokens_in(doc, quantity.start, quantity.end)
    m = _measurement(tokens, quantity.unit)
    baseline = bool(tokens) and _attached_by(tokens[-1], "from")
    counted = next((t.head for t in tokens if t.dep_ == "nummod"), None)
    unit = quantity.unit
    if counted is not None and unit not in MEASURE_KINDS:
        unit = _casualties(counted) or unit
        if unit in CASUALTY_UNITS and _done_by_other_verb(counted):
            # "killed, though crews rescued 14 people": the nearest casualty word is not what they did
            unit = "person" if stem(counted.text) in PEOPLE else stem(counted.text)
    # a part of a plural: "shut 14 of its smaller stores" counts stores
    if not unit and tokens:
        part_of = [
            o
            for p in tokens[-1].children
            if p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj" and o.tag_ == "NNS"
        ]
        unit = stem(part_of[0].text) if part_of else unit
    names = m.names
    age_of = _age_of(tokens, quantity)
    if age_of is not None:  # "Kiprotich, 27, won": an age, of the named person
        unit, names = "age", tuple(name_phrases(phrase(age_of)))
    # "a 24-year-old", "Kiprotich, the 24-year-old,": of the person it describes
    elif unit == "age" and tokens and (counted is None or counted in tokens):
        person = next((t for t in tokens[-1].ancestors if t.pos_ == "PROPN"), None)
        names = tuple(name_phrases(phrase(person))) if person is not None else names
    after = next((t for t in doc if t.idx >= quantity.end), None)
    if after is not None and after.pos_ in ("VERB", "AUX") and stem(after.text) == unit:
        unit = ""  # "a crowd of 27,000 watched": the word after the number is no counted noun
    return Figure(
        quantity.value,
        low,
        high,
        _family(unit, m.things),
        m.measures,
        m.label,
        quantity.text,
        quantity.start,
        quantity.end,
        baseline,
        m.things,
        names,
        m.qualifiers,
        _described(tokens) if quantity.unit in MEASURE_KINDS else (),
    )


def _described(tokens: list) -> tuple[str, ...]:
    """What a measure is of, when the parse says it outright: the noun it modifies ("a seven-year term", "a $2.1
    billion deal"), the noun after its unit ("210 millimetres of rain"), or what the verb it completes is about:
    the object it changes ("lifts tuition by 6 percent"), the noun it qualifies ("pay rises totalling 6.5
    percent") or else the subject it describes ("the trial, which lasted four weeks", "rainfall totals reached
    150 mm"); stems of that noun phrase, () when none."""
    if not tokens:
        return ()
    own = {t.i for t in tokens}
    of = [o for p in tokens[-1].children if p.lower_ == "of" for o in p.children]
    # not a share's whole: "48% of patients" measures what they did
    if of and of[0].pos_ == "NOUN" and tokens[-1].lower_ not in SHARE_WORDS:
        return _noun_stems(of[0])
    token = tokens[-1]
    while token.i in own and not is_root(token):
        if token.dep_ not in (
            "nummod",
            "compound",
            "amod",
            "quantmod",
            "nmod",
            "punct",
        ):
            break
        token = token.head
    if token.i not in own:
        return _noun_stems(token) if token.pos_ == "NOUN" else ()
    if token.dep_ == "pobj" and token.head.lower_ in ("by", "for", "to"):
        token = token.head
    if token.dep_ not in ("dobj", "npadvmod", "attr", "prep", "advmod") or is_root(
        token
    ):
        return ()
    verb = token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return ()
    if changed := _changed(verb, tokens[-1]):
        return _noun_stems(changed[0])
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":  # "rises totalling 6.5 percent"
        return _noun_stems(verb.head)
    subject = subject_of(verb)
    if (
        subject is not None
        and subject.lower_ in ("which", "that")
        and verb.dep_ == "relcl"
    ):
        subject = verb.head
    if subject is None or subject.pos_ != "NOUN" or stem(subject.text) in PEOPLE:
        return ()
    return _noun_stems(subject)


def _changed(verb, figure) -> list:
    """The verb's objects besides the figure: what it changes ("raised fares by 5 percent": the fares)."""
    return [o for o in verb.children if o.dep_ == "dobj" and figure not in o.subtree]


def _noun_stems(noun) -> tuple[str, ...]:
    """The noun and the nouns compounded with it: "library budget", "rainfall totals"."""
    words = [t for t in noun.children if t.dep_ == "compound" and t.pos_ == "NOUN"]
    return tuple(
        stem(t.text)
        for t in [*words, noun]
        if t.is_alpha and stem(t.text) not in UNIT_WORDS  # not "%" in "a 5.4% increase"
    )


def _age_of(tokens: list, quantity: Quantity):
    """The person a bare number between commas after a name gives the age of ("Kiprotich, 27, won")."""
    if quantity.unit or len(tokens) != 1 or not 0 < quantity.value < 120:
        return None
    number = tokens[0]
    return (
        number.head
        if number.dep_ == "appos"
        and number.head.pos_ == "PROPN"
        and number.i > number.head.i
        else None
    )


def _family(unit: str, things: tuple[str, ...]) -> str:
    """The family a counted noun belongs to ("fan", "crowd" -> "attendance"; claimcheck/data/measures.txt),
    or for a bare number the family of what it measures ("attendance was 31,400"); else the unit itself."""
    families = measure_families()
    if unit in families:
        return families[unit]
    if not unit:
        return next((families[t] for t in things if t in families), unit)
    return unit


def _casualty_kind(word: str) -> str:
    """ "deaths" or "injuries" for a stem that says someone died or was hurt ("kill", "injuri"), else ""."""
    return "deaths" if word in DEATH_CUES else "injuries" if word in INJURY_CUES else ""


def _governor(noun):
    """The word the noun is the subject or object of, if any."""
    return noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else None


def _casualties(noun) -> str:
    """ "deaths" or "injuries" when the counted noun is who died or was hurt ("three workers were injured",
    "killed two miners", "two riders suffered burns", "taken to hospital with injuries"), whatever the noun;
    "" otherwise."""
    verb = _governor(noun)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return ""
    own = {t.i for t in noun.subtree}
    suffered = (
        t for t in verb.subtree if t.dep_ in ("dobj", "pobj") and t.i not in own
    )
    return _casualty_kind(stem(verb.text)) or next(
        (k for t in suffered if (k := _casualty_kind(stem(t.text)))), ""
    )


def _done_by_other_verb(noun) -> bool:
    """The counted noun is the subject or object of a verb that says no one died or was hurt ("rescued 14
    people")."""
    verb = _governor(noun)
    return verb is not None and verb.pos_ == "VERB" and not _casualties(noun)


def _denied(doc) -> list[Figure]:
    """None of something, as a figure of zero: "No homes were destroyed" (homes), "nobody was hurt" and
    "no one was killed" (injuries, deaths: of people, by the predicate), "there were no arrests", "passed
    without a single arrest"."""
    found = []
    for token in doc:
        if token.lower_ == "without" and token.pos_ == "ADP":
            # "the day passed without a single arrest", "without any injuries"
            noun = next(
                (c for c in token.children if c.dep_ == "pobj" and c.pos_ == "NOUN"),
                None,
            )
            if (  # of countable things: "homes without power" is no count of power
                noun is not None
                and (
                    noun.tag_ == "NNS"
                    or any(c.lower_ in ("a", "an", "any") for c in noun.children)
                )
                and not any(c.dep_ == "nummod" for c in noun.children)
            ):
                word = stem(noun.text)
                unit = _family(_casualty_kind(word) or word, ())
                end = noun.idx + len(noun.text)
                found.append(_exact(0.0, unit, noun, doc[0].doc.text, token.idx, end))
            continue
        if token.lower_ not in ("no", "nobody", "none", "one", "neither"):
            continue
        people = token.lower_ == "nobody" or (
            token.lower_ == "one" and token.i > 0 and token.nbor(-1).lower_ == "no"
        )
        # "none of the homes"
        of = [o for p in token.children if p.lower_ == "of" for o in p.children]
        if token.lower_ == "none" and of and of[0].pos_ == "NOUN":
            noun = of[0]
        elif people or token.lower_ == "none":
            noun, people = token, True
        elif (
            token.lower_ == "no"
            and token.dep_ == "det"
            and (token.head.tag_ == "NNS" or _casualties(token.head))
        ):  # "no arrests", "No driver was hurt"
            noun = token.head
        elif (
            token.lower_ == "neither"
            and token.dep_ == "det"
            and not _casualty_kind(stem(token.head.text))
        ):  # "Neither guard [was hurt]"; "neither death was related" says there were two
            noun = token.head
        else:
            continue
        word = stem(noun.text)
        unit = _family(
            _casualties(noun)
            or _casualty_kind(word)
            or ("person" if people or word in PEOPLE else word),
            (),
        )
        first = token.nbor(-1) if token.lower_ == "one" else token  # "No one"
        start, end = (
            first.idx,
            max(token.idx + len(token.text), noun.idx + len(noun.text)),
        )
        # "None of the branches will close": what "none" does is what is measured
        measured = token if token.lower_ == "none" and noun is not token else noun
        found.append(_exact(0.0, unit, measured, doc[0].doc.text, start, end))
    return found


def _one_casualty(doc) -> list[Figure]:
    """One person who died or was hurt, told without a number: "An 81-year-old woman died", "A worker was
    injured", "the driver was killed" (a toll of one, against "No one was killed"); not in a clause about
    someone else ("Varga, who died in 1952")."""
    found = []
    for verb in doc:
        kind = _casualty_kind(stem(verb.text))
        if not kind or verb.pos_ != "VERB" or verb.dep_ in ("relcl", "acl", "amod"):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        person = next(
            (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None
        )
        if (
            person is None
            or person.tag_ not in ("NN", "NNP")
            or any(c.dep_ == "nummod" for c in person.children)
            or person.lower_ in ("one", "nobody", "none")
            or any(c.lower_ in ("no", "neither") for c in person.children)
            or (person.dep_ == "nsubj" and kind == "injuries")  # "the blast injured"
        ):
            continue
        start, end = person.left_edge.idx, verb.idx + len(verb.text)
        found.append(_exact(1.0, kind, person, doc[0].doc.text, start, end))
    return found


def _exact(value: float, unit: str, noun, text: str, start: int, end: int) -> Figure:
    """A figure told without digits ("No homes", "A worker was injured"), of the noun it counts."""
    m = _measurement([noun], unit)
    return Figure(
        value,
        value,
        value,
        unit,
        m.measures or (stem(noun.text),),
        m.label or noun.text,
        text[start:end],
        start,
        end,
        False,
        m.things,
        m.names,
        m.qualifiers,
    )


def _attached_by(token, preposition: str) -> bool:
    climb = token
    for _ in range(3):
        if climb.dep_ == "pobj" and climb.head.lower_ == preposition:
            return True
        if is_root(climb):
            break
        climb = climb.head
    return False


def _noun_phrase(token) -> list:
    """_phrase plus an "of" complement: "the magnitude of the Tarn Valley earthquake"."""
    return phrase(token) + [w for o in objects_of(token, "of") for w in phrase(o)]


def _whole_of_share(noun, own: set[int], unit: str) -> bool:
    """The whole a share is of ("48% of patients"): who the share counts, not the thing it measures."""
    return (
        unit == "percent"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.i in own
    )


def _measured(anchor) -> list:
    """The words that say what a figure measures: the noun it counts or modifies ("48 prisoners",
    "an 8-year lease", "the 5.9-magnitude quake"), the noun or predicate it is attached to ("a turnout of
    61 percent", "taxes would rise by 5 percent", "turnout was 61 percent")."""
    found, token = [], anchor
    for _ in range(4):  # out of the figure's own phrase, to the noun it belongs to
        if token.dep_ not in (
            "nummod",
            "predet",  # "half the staff"
            "quantmod",
            "compound",
            "npadvmod",
            "amod",
            "nmod",
            "punct",
            "advmod",
        ) or is_root(token):
            break
        token = token.head
        if token.pos_ in ("NOUN", "PROPN"):
            found += _noun_phrase(token)
    if token.dep_ == "prt":  # "sent the stock up 9%"
        token = token.head
        found.append(token)
    elif token.dep_ == "pobj" and not is_root(token.head):
        token = token.head.head  # "of 61 percent" -> turnout; "by 5 percent" -> rise
        while token.pos_ == "ADP" and not is_root(token):
            token = token.head  # "fall from 18 percent [to 6 percent]" -> fall
        found += _noun_phrase(token) if token.pos_ in ("NOUN", "PROPN") else [token]
    elif token.dep_ in ("attr", "acomp", "dobj", "oprd", "npadvmod", "appos"):
        token = token.head
        if token.pos_ == "VERB" and token.lemma_ not in ("be", "have"):
            found.append(token)
    elif token.dep_ in (
        "nsubj",
        "nsubjpass",
    ):  # "58 percent of Americans backed the talks"
        found += [w for o in objects_of(token, "of") for w in phrase(o)]
        verb = token.head
        if verb.lemma_ not in ("be", "have"):
            found.append(verb)
        found += [
            w
            for o in verb.children
            if o.dep_ in ("dobj", "attr", "acomp")
            for w in phrase(o)
        ]
        return found
    changed = _changed(token, anchor)
    # "raised fares by 5 percent": the fares rose, not the airline
    if token.pos_ == "VERB" and changed:
        found += [w for o in changed for w in _noun_phrase(o)]
    elif token.pos_ in ("VERB", "AUX"):
        subject = subject_of(token)
        if subject is not None and subject.pos_ not in (
            "PRON",
            "DET",
            "NUM",
        ):  # the tagger may call "Turnout" a verb
            found += _noun_phrase(subject)
    return found


def _counts(tallies: Sequence[Tally], text: str, doc) -> list[Count]:
    found = [Count(t.high, t.low, t.unit, t.start, t.end, t.text) for t in tallies]
    for match in WORD_TALLY.finditer(
        text
    ):  # "voted seven to two", "won by three goals to one"
        values = [small_number(g.replace(",", "")) for g in match.groups()]
        numbers = [value for value in values if value is not None]
        if len(numbers) < len(values) or any(
            c.start <= match.start() < c.end for c in found
        ):
            continue
        unit = next(
            (
                t.unit
                for t in extract(
                    text[max(0, match.start() - 30) : match.end() + 30]
                ).tallies
                if t.unit
            ),
            "",
        )
        nearby = map(
            stem,
            re.findall(
                r"[A-Za-z]+", text[max(0, match.start() - 40) : match.end() + 20]
            ),
        )
        inside = [stem(w) for w in re.findall(r"[A-Za-z]+", match.group())]  # "votes"
        unit = (
            next((TALLY_UNITS[w] for w in inside if w in TALLY_UNITS), "")
            or unit
            or next((TALLY_UNITS[w] for w in nearby if w in TALLY_UNITS), "")
        )
        if unit:
            high, low = sorted(numbers, reverse=True)
            found.append(
                Count(
                    int(high), int(low), unit, match.start(), match.end(), match.group()
                )
            )
    for match in FOR_AGAINST.finditer(text):
        votes = [
            v
            for g in match.groups()
            if (v := small_number(g.replace(",", ""))) is not None
        ]
        if len(votes) == 2 and not any(c.start <= match.start() < c.end for c in found):
            high, low = sorted(votes, reverse=True)
            found.append(
                Count(
                    int(high),
                    int(low),
                    "vote",
                    match.start(),
                    match.end(),
                    match.group(),
                )
            )
    measured = []
    for count in found:
        tokens = tokens_in(doc, count.start, count.end)
        m = _measurement(tokens, count.unit, TALLY_WORDS)
        things = _voted_on(tokens, m.things) if count.unit == "vote" else m.things
        measured.append(
            dataclasses.replace(count, things=things, qualifiers=m.qualifiers)
        )
    return measured


def _voted_on(tokens: list, things: tuple[str, ...]) -> tuple[str, ...]:
    """What a vote was on, not who voted: "The council voted 7-2 [to close the library]" is about the
    library; the subject of "vote" is the voters."""
    verb = (
        next((t for t in tokens[-1].ancestors if t.pos_ == "VERB"), None)
        if tokens
        else None
    )
    # "The budget passed 7-2" is of the budget
    if verb is None or verb.lemma_.lower() != "vote":
        return things
    voters = {
        stem(w.text) for c in verb.children if c.dep_ == "nsubj" for w in phrase(c)
    }
    motion = [
        o
        for x in verb.children
        if x.dep_ == "xcomp"
        for o in x.children
        if o.dep_ in ("dobj", "nsubjpass") and o.pos_ in ("NOUN", "PROPN")
    ]
    kept = tuple(t for t in things if t not in voters)
    return kept + tuple(
        s
        for o in motion
        for w in phrase(o)
        if w.pos_ == "NOUN" and (s := stem(w.text)) not in kept
    )


VOTE_UNITS = frozenset({"vot", "ballot"})
BETWEEN_VOTES = re.compile(
    r"\s*(?:votes?|ballots?)?\s*(?:to|and|against)\b[^\d]{0,40}$", re.IGNORECASE
)


def _vote_pair(figures, text: str):
    """Two candidates' votes in one sentence, the second's unit left to the first: "18,412 votes to
    Greaves's 15,907", "18,412 votes and the incumbent 16,907", "9,204 votes against 8,877"; not a part of a
    whole ("Of 12,000 votes cast, 7,000 ...") nor a change ("20,000 votes from 15,000")."""
    for first, second in itertools.pairwise(figures):
        between = text[first.end : second.start]
        if (
            first.unit in VOTE_UNITS
            and second.unit in VOTE_UNITS | {""}
            and not first.baseline
            and not second.baseline
            and BETWEEN_VOTES.match(between)
            and not re.search(r"\b(?:of|from|up|down)\b", between, re.IGNORECASE)
        ):
            return first, second
    return None


def figures_in(
    mentions: Mentions, text: str, doc, modality: frozenset[str] = frozenset()
) -> tuple[tuple[Figure, ...], tuple[Count, ...]]:
    """The claim's figures and tallies (`doc`: its tokens), each with what it measures: ordinals, identifiers
    ("Highway 12") and the numbers inside a tally are no figures; denied existence is a figure of zero; a
    figure of what would have happened (`modality`: "would", "could", ...) is hypothetical."""
    counts = _counts(mentions.tallies, text, doc)
    figures = []
    for q in mentions.quantities:
        span = [t for t in doc if q.start <= t.idx < q.end]
        if (
            q.unit not in ORDINAL_SUFFIXES
            and not ORDINAL.match(q.text)  # "the 12th", whatever pint makes of "th"
            and not any(c.start <= q.start < c.end for c in counts)
            and not _ordinal(q, span)
            and not _names_a_thing(q, span)
        ):
            figure = _figure(q, doc)
            if span and _counterfactual(span, modality):
                figure = dataclasses.replace(figure, hypothetical=True)
            figures.append(figure)
    # "38 percent, six points lower": percentage points
    if any(f.unit == "percent" for f in figures):
        figures = [
            dataclasses.replace(f, unit="percentage point") if f.unit == "point" else f
            for f in figures
        ]
    figures = _rates(figures, text)
    if (pair := _vote_pair(figures, text)) is not None and not any(
        c.unit == "vote" for c in counts
    ):
        first, second = pair
        counts.append(
            Count(
                int(max(first.value, second.value)),
                int(min(first.value, second.value)),
                "vote",
                first.start,
                second.end,
                text[first.start : second.end],
            )
        )
        figures = [f for f in figures if f is not first and f is not second]
    told = {f.unit for f in figures}  # "two people died": counted already
    ones = [f for f in _one_casualty(doc) if f.unit not in told]
    return tuple(figures) + tuple(_denied(doc)) + tuple(ones), tuple(counts)


# minutes in each period a rate is stated per (durations are in minutes)
PERIODS = {
    "second": 1 / 60,
    "minute": 1,
    "hour": 60,
    "day": 1440,
    "week": 10080,
    "month": 43830,
    "quarter": 131490,
    "year": 525960,
}
# the period after a figure, maybe past what it is of: "$2,200 a month", "40,000 tonnes of timber per year";
# not a time ("15 percent a day earlier")
PERIOD = re.compile(
    rf"(?:\s+of(?:\s+[a-z]+){{1,3}}?)?\s+(?:a|an|per|each)\s+({'|'.join(PERIODS)})\b"
    r"(?!\s*(?:earlier|later|ago|before|after|since|on|into)\b)",
    re.IGNORECASE,
)


def _rates(figures: list[Figure], text: str) -> list[Figure]:
    """A figure per period ("$2,200 a month", "40,000 tonnes a year") is a rate, compared per year as a unit
    of its own ("usd a year": "$26,500 a year" / "about $2,200 a month" agree); its period is no duration."""
    periods: list[tuple[int, int]] = []
    found = []
    for f in figures:
        if any(start <= f.start < end for start, end in periods):
            continue  # the period itself
        period = PERIOD.match(text, f.end) if f.unit != "duration" else None
        if period is None:
            found.append(f)
            continue
        periods.append(period.span())
        factor = PERIODS["year"] / PERIODS[period.group(1).lower()]
        found.append(
            dataclasses.replace(
                f,
                value=f.value * factor,
                low=f.low * factor,
                high=f.high * factor,
                unit=f"{f.unit} a year",
                text=text[f.start : period.end()],
            )
        )
    return [f for f in found if not any(s <= f.start < e for s, e in periods)]


def _counterfactual(tokens: list, modality: frozenset[str]) -> bool:
    """The figure's verb says what would have happened ("would have dragged on for more than a year",
    "could have cost $90 million"): a modal with the perfect "have"."""
    verb = next((t for t in tokens[-1].ancestors if t.pos_ in ("VERB", "AUX")), None)
    auxiliaries = (
        {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if verb is not None
        else set()
    )
    return "have" in auxiliaries and bool(auxiliaries & modality)
