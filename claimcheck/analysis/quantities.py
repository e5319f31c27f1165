"""Numbers, quantities, tallies and dates mentioned in a claim, with the thing they measure."""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.analysis.terms import MONTHS, STOPWORDS, WEEKDAYS, stem

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
    "k": 1_000,
}
CURRENCIES = {
    "$": "usd",
    "€": "eur",
    "£": "gbp",
    "dollar": "usd",
    "euro": "eur",
    "pound": "gbp",
}

# qualifier -> (low factor, high factor) applied to the stated value; None is unbounded
QUALIFIERS = {
    "more than": (1, None),
    "no fewer than": (1, None),
    "no less than": (1, None),
    "higher than": (1, None),
    "greater than": (1, None),
    "larger than": (1, None),
    "over": (1, None),
    "above": (1, None),
    "at least": (1, None),
    "upwards of": (1, None),
    "just over": (1, None),
    "in excess of": (1, None),
    "less than": (0, 1),
    "no more than": (0, 1),
    "lower than": (0, 1),
    "smaller than": (0, 1),
    "fewer than": (0, 1),
    "under": (0, 1),
    "below": (0, 1),
    "up to": (0, 1),
    "at most": (0, 1),
    "as many as": (0, 1),
    "just under": (0, 1),
    "about": (0.95, 1.05),
    "around": (0.95, 1.05),
    "roughly": (0.95, 1.05),
    "approximately": (0.95, 1.05),
    "some": (0.95, 1.05),
    "an estimated": (0.85, 1.15),
    "estimated": (0.85, 1.15),
    "close to": (0.9, 1.0),
    "nearly": (0.85, 1.0),
    "almost": (0.85, 1.0),
}
DEATH_CUES = frozenset(
    map(
        stem,
        "killed kill kills killing died die dead death deaths fatalities lives toll".split(),
    )
)
INJURY_CUES = frozenset(
    map(stem, "injured injuring wounded hurt injuries burns".split())
)
CASUALTY_UNITS = frozenset({"deaths", "injuries"})  # the units of casualty figures
PEOPLE = frozenset(
    map(
        stem,
        "people persons person civilians residents victims soldiers children adults others".split(),
    )
)
DURATIONS = {
    stem(unit): minutes
    for unit, minutes in (
        ("second", 1 / 60),
        ("sec", 1 / 60),
        ("minute", 1),
        ("min", 1),
        ("hour", 60),
        ("hr", 60),
        ("day", 1440),
        ("week", 10080),
        ("month", 43830),
        ("year", 525960),
        ("decade", 5259600),
    )
}
TALLY_NOUNS = {
    **dict.fromkeys(
        map(
            stem,
            """ruling decision verdict judgment judgement vote voted ballot motion jury
                                          passed approved rejected adopted backed endorsed tally majority
                                          split""".split(),
        ),
        "vote",
    ),
    **dict.fromkeys(
        map(
            stem,
            "win won winner winners victory defeat loss lost beat draw game match score".split(),
        ),
        "score",
    ),
}

MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
SCALE_WORDS = "hundred|thousand|million|billion|trillion"
SMALL_NUMBER = "one|two|three|four|five|six|seven|eight|nine|ten"
FRACTIONS = {  # a fraction's name -> its denominator
    **{word: 2 for word in ("half", "halves")},
    **{word: 3 for word in ("third", "thirds")},
    **{word: 4 for word in ("quarter", "quarters")},
    **{
        f"{word}{s}": n
        for n, word in enumerate(
            ("fifth", "sixth", "seventh", "eighth", "ninth", "tenth"), 5
        )
        for s in ("", "s")
    },
}
NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + "|" + SCALE_WORDS
ORDINAL = r"(?:st|nd|rd|th)?"
PATTERNS = (
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    # "2:07:41" is a duration (a race time); "10:30" a clock time, no figure
    (
        "clock",
        re.compile(
            r"\b(\d{1,2}):([0-5]\d)(?::([0-5]\d))?(?:\s*[ap]\.?m\.?)?(?![\d:])", re.I
        ),
    ),
    (
        "hour",
        re.compile(
            r"\b(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*(?:[ap]\.m\.|[ap]m\b)", re.I
        ),
    ),  # "3am", "10 p.m.", "3.42am"
    (
        "day_month",
        re.compile(
            rf"\b(\d{{1,2}}){ORDINAL}\s+(?:of\s+)?({MONTH_NAME})(?:,?\s+(\d{{4}}))?(?!\w)"
        ),
    ),
    (
        "month_day",
        re.compile(rf"\b({MONTH_NAME})\s+(\d{{1,2}}){ORDINAL}\b(?:,?\s+(\d{{4}})\b)?"),
    ),
    ("month_year", re.compile(rf"\b({MONTH_NAME})\s+(\d{{4}})\b")),
    (  # a month alone, after a word of time ("in June", "since Sept.", "last December"): not "Theresa May"
        "month",
        re.compile(
            r"(?i:\b(?:in|since|until|till|by|from|through|during|before|after|last|next|this"
            r"|early|late|mid|mid-)\s*)"
            rf"({MONTH_NAME})(?![\w'’-])(?!\s*\d)"
        ),
    ),
    (
        "weekday",
        re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ),
    (
        "year",
        re.compile(
            r"(?<![\d,.$€£])\b(1[89]\d\d|20\d\d)\b(?![,.]\d|\s*(?:%|percent|per cent))"
        ),
    ),
    (  # "four in five members", "three out of 10 homes"
        "ratio",
        re.compile(
            rf"\b(\d{{1,3}}|{SMALL_NUMBER})\s+(?:in|out\s+of)\s+(\d{{1,3}}|{SMALL_NUMBER})\b(?!\s*(?:%|percent))",
            re.IGNORECASE,
        ),
    ),
    (  # "a fifth of the staff", "half the homes", "half an hour" (FRACTION_OF_ONE); not "the second half of"
        "fraction",
        re.compile(
            r"(?<!\bthe\s)(?<!\bfirst\s)(?<!\bsecond\s)(?<!\bthird\s)(?<!\bfourth\s)(?<!\blast\s)(?<!\bfinal\s)"
            rf"\b(?:(a|an|{SMALL_NUMBER})[\s-]+)?({'|'.join(FRACTIONS)})"
            r"(?=\s+(?:of\s+|the\s|an?\s))",
            re.IGNORECASE,
        ),
    ),
    (
        "tally",
        re.compile(
            r"(?<![\d.,-])\b(\d{1,3})\s?[-–]\s?(\d{1,3})\b(?![.,]?\d|\s*(?:%|percent))"
        ),
    ),
    ("unanimous", re.compile(r"\bunanimous(?:ly)?\b", re.IGNORECASE)),
    (
        "digits",
        re.compile(
            rf"([$€£])?\s?(?<![\w.,])(\d+(?:,\d{{3}})*(?:\.\d+)?)(?:\s?({SCALE_WORDS}|bn|m|k)\b)?"
        ),
    ),
    (
        "article",
        re.compile(
            r"\b(?:an?)\s+(?=(?:second|minute|hour|day|week|month|year|decade)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "words",
        re.compile(
            rf"\b(?:a\s+(?=dozen|{SCALE_WORDS}))?(?:{NUMBER_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{NUMBER_WORD}))*\b",
            re.IGNORECASE,
        ),
    ),
)
FRACTION_OF_ONE = re.compile(
    rf"\s+(?:of\s+)?an?\s+(?:({SCALE_WORDS}|dozen)\b)?", re.IGNORECASE
)  # the "of a" / "an" after a fraction of one unit, and a scale word ("half a million")
WORD_AFTER = re.compile(
    r"(?:\s*|-)(%|[A-Za-z]+(?:['’]s)?)"
)  # "61 percent", "61%", "a 10-year lease"
LETTERS = re.compile(r"[A-Za-z]+")
UNIT_AFTER = re.compile(
    r"(?:\s*|-)((?:square\s+|cubic\s+)?[A-Za-z]+(?:/[A-Za-z]+)?(?:\s+per\s+(?:hour|second))?)\b"
)  # "5 kilometres", "a 300-foot tower", "2 square miles", "140 km/h", "60 miles per hour"
# measures compared in SI units whatever they were written in (pint's dimensions -> the unit they compare as)
PHYSICAL = {
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "mass",
    "[length] / [time]": "speed",
}
# units that are not the noun a number counts
MEASURE_KINDS = frozenset(
    {
        "percent",
        "percentage point",
        "duration",
        *CURRENCIES.values(),
        *PHYSICAL.values(),
    }
)
NOT_UNITS = frozenset(
    {"a", "at", "in", "m", "point", "points", "pt", "pound", "pounds", "shot", "shots"}
)  # words pint reads as units that news means otherwise ("5m people" is millions; "pounds" may be money;
# "three shots on target" are no volume)


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # "percent", "usd", "deaths", or the stem of the counted noun ("leader"); "" if unknown
    qualifier: str | None  # "more than", "about", ... or None when stated exactly
    start: int
    end: int
    text: str
    precision: float = 1.0  # the step of the last stated digit: 1 for "61", 0.1 for "3.5", 1e5 for "1.5 million"

    def interval(self) -> tuple[float, float]:
        """The values this mention is consistent with, widened by half a step of its stated precision."""
        low_factor, high_factor = (
            QUALIFIERS[self.qualifier] if self.qualifier else (1, 1)
        )
        slack = self.precision / 2
        low = self.value * low_factor - (slack if low_factor else 0)
        high = math.inf if high_factor is None else self.value * high_factor + slack
        return low, high

    def compatible(self, other: Quantity) -> bool:
        (low, high), (other_low, other_high) = self.interval(), other.interval()
        return max(low, other_low) < min(high, other_high)


@dataclass(frozen=True)
class Tally:
    """A score or vote count: "a 3-2 ruling" (3, 2), "unanimous" (None, 0)."""

    high: int | None
    low: int
    unit: str  # "vote", "score" or "" (no cue word: "edged Calder Town 2-1 at Hallam Park")
    start: int
    end: int
    text: str

    def compatible(self, other: Tally) -> bool:
        if self.high is None or other.high is None:
            return self.low == other.low
        return (self.high, self.low) == (other.high, other.low)


@dataclass(frozen=True)
class DateMention:
    year: int | None
    month: int | None  # 1-12
    day: int | None
    weekday: int | None  # 0 Monday .. 6 Sunday, stated or derived from a full date
    start: int
    end: int
    text: str

    def compatible(self, other: DateMention) -> bool:
        if self.month and other.month and self.month != other.month:
            return False
        if (
            self.month
            and self.month == other.month
            and self.day
            and other.day
            and self.day != other.day
        ):
            return False
        if (
            self.weekday is not None
            and other.weekday is not None
            and self.weekday != other.weekday
        ):
            return False
        if (
            self.year
            and other.year
            and self.month
            and other.month
            and self.year != other.year
        ):
            return False
        return True


@dataclass(frozen=True)
class Claimed:
    """A span whose numbers are no quantity ("at 10:30"): claimed, so no other pattern reads them."""

    start: int
    end: int


@dataclass(frozen=True)
class Mentions:
    quantities: tuple[Quantity, ...]
    tallies: tuple[Tally, ...]
    dates: tuple[DateMention, ...]


@lru_cache(maxsize=4096)  # read again for a claim's search keys; Mentions are immutable
def extract(text: str) -> Mentions:
    """All quantities, tallies and dates in `text`, each span claimed by the first pattern that matches it."""
    taken: list[tuple[int, int]] = []
    quantities: list[Quantity] = []
    tallies: list[Tally] = []
    dates: list[DateMention] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(
                start < taken_end and taken_start < end
                for taken_start, taken_end in taken
            ):
                continue
            found = _build(kind, match, text)
            if found is None:
                continue
            if isinstance(found, Claimed):
                taken.append((start, end))
                continue
            taken.append(
                (min(start, found.start), max(end, found.end))
            )  # with its unit
            if isinstance(found, DateMention):
                dates.append(found)
            elif isinstance(found, Tally):
                tallies.append(found)
            else:
                quantities.append(found)

    def by_start(item: Quantity | Tally | DateMention) -> int:
        return item.start

    return Mentions(
        _join_durations(sorted(quantities, key=by_start), text),
        tuple(sorted(tallies, key=by_start)),
        _join_weekdays(sorted(dates, key=by_start), text),
    )


AGE_BEFORE = re.compile(r"\b(?:aged|the age of)\s+$", re.IGNORECASE)
DURATION_JOINT = re.compile(r"\s*,?\s*(?:and\s+)?")


def _join_durations(quantities: list[Quantity], text: str) -> tuple[Quantity, ...]:
    """ "2 hours, 9 minutes and 12 seconds" is one duration (129.2 minutes), not three: durations in a row,
    each of a smaller unit than the one before, joined by commas or "and"."""
    joined: list[Quantity] = []
    for q in quantities:
        last = joined[-1] if joined else None
        if (
            last is not None
            and q.unit == last.unit == "duration"
            and q.precision < last.precision
            and q.value < last.value
            and DURATION_JOINT.fullmatch(text[last.end : q.start])
        ):
            joined[-1] = Quantity(
                last.value + q.value,
                "duration",
                last.qualifier,
                last.start,
                q.end,
                text[last.start : q.end],
                q.precision,
            )
        else:
            joined.append(q)
    return tuple(joined)


def small_number(word: str) -> float | None:
    """ "4", "1,214", "four", "nil": a number written alone (a tally's side, a proportion's part), in words
    under 1,000."""
    if word.isdigit() or re.fullmatch(r"\d{1,3}(?:,\d{3})+", word):
        return float(word.replace(",", ""))
    try:
        value = parse_number_words(word)
    except KeyError:
        return {"nil": 0.0, "nothing": 0.0, "none": 0.0}.get(word.lower())
    return value if value is not None and value < 1000 else None


def _join_weekdays(dates: list[DateMention], text: str) -> tuple[DateMention, ...]:
    """ "Friday, August 15" is one date, not a weekday and a date that might each fit another."""
    joined: list[DateMention] = []
    for date in dates:
        last = joined[-1] if joined else None
        if (
            last
            and last.month is None
            and last.weekday is not None
            and date.month
            and date.weekday is None
            and re.fullmatch(r",?\s*", text[last.end : date.start])
        ):
            joined[-1] = DateMention(
                date.year,
                date.month,
                date.day,
                last.weekday,
                last.start,
                date.end,
                text[last.start : date.end],
            )
        else:
            joined.append(date)
    return tuple(joined)


def parse_number_words(phrase: str) -> float | None:
    """ "fourteen" -> 14, "a dozen" -> 12, "two hundred and five" -> 205, "twenty-one" -> 21."""
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", phrase.lower()):
        if word in ("a", "and"):
            continue
        seen = True
        if word in ("hundred", "dozen"):
            current = max(current, 1) * (100 if word == "hundred" else 12)
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            current += NUMBER_WORDS[word]
    return float(total + current) if seen else None


def _build(
    kind: str, match: re.Match, text: str
) -> Quantity | Tally | DateMention | Claimed | None:
    start, end = match.span()
    span = match.group()
    if kind == "hour":
        return Claimed(start, end)
    if kind == "clock":
        hours, minutes, seconds = match.groups()
        if seconds is None:
            return Claimed(start, end)
        value = int(hours) * 60 + int(minutes) + int(seconds) / 60
        return Quantity(
            value, "duration", _qualifier(text[:start]), start, end, span, 1 / 60
        )
    if kind in ("ratio", "fraction"):
        part, whole = match.groups()
        part_value = (
            1 if part is None or part.lower() in ("a", "an") else small_number(part)
        )
        whole_value = (
            FRACTIONS[whole.lower()] if kind == "fraction" else small_number(whole)
        )
        if not part_value or not whole_value or part_value >= whole_value:
            return None
        fraction = part_value / whole_value
        of_one = FRACTION_OF_ONE.match(text, end) if kind == "fraction" else None
        if (
            of_one
        ):  # "a quarter of a percentage point", "half an hour", "half a million people"
            scale = parse_number_words(of_one.group(1) or "one") or 1
            return _quantity(
                fraction * scale, fraction * scale / 3, None, start, of_one.end(), text
            )
        # as precise as its parts: "four in five" is 77-83 percent, "a third" 28-39
        precision = 100 / 3 / whole_value
        return Quantity(
            100 * part_value / whole_value,
            "percent",
            _qualifier(text[:start]),
            start,
            end,
            span,
            precision,
        )
    if kind == "iso":
        year, month, day = (int(g) for g in match.groups())
        return _date(year, month, day, None, start, end, span)
    if kind == "day_month":
        return _date(
            _int(match.group(3)),
            _month(match.group(2)),
            int(match.group(1)),
            None,
            start,
            end,
            span,
        )
    if kind == "month_day":
        return _date(
            _int(match.group(3)),
            _month(match.group(1)),
            int(match.group(2)),
            None,
            start,
            end,
            span,
        )
    if kind == "month":
        start, end = match.span(1)
        name = match.group(1)
        if (
            name.endswith(".") and name[:-1].lower() in MONTHS
        ):  # "June." ends the sentence
            name, end = name[:-1], end - 1
        return _date(None, _month(name), None, None, start, end, name)
    if kind == "month_year":
        return _date(
            int(match.group(2)), _month(match.group(1)), None, None, start, end, span
        )
    if kind == "weekday":
        return DateMention(
            None, None, None, WEEKDAYS.index(span.lower()), start, end, span
        )
    if kind == "year":
        return DateMention(int(span), None, None, None, start, end, span)
    if kind in ("tally", "unanimous"):
        unit = _tally_unit(text, start, end)
        if kind == "unanimous":
            return Tally(None, 0, unit, start, end, span)
        if not unit and _next_word(text, end) not in STOPWORDS | {""}:
            return None  # a range of something: "10-12 days", "a 9-5 job"
        high, low = sorted((int(match.group(1)), int(match.group(2))), reverse=True)
        return Tally(high, low, unit, start, end, span)
    if kind == "digits":
        currency, digits, scale = match.groups()
        value = float(digits.replace(",", ""))
        if "." in digits:
            precision = 10.0 ** -len(digits.split(".")[1])
        else:
            zeros = len(digits.replace(",", "")) - len(
                digits.replace(",", "").rstrip("0")
            )
            precision = 10.0**zeros if value >= 1000 else 1.0
        multiplier = SCALES[scale.lower()] if scale else 1
        start = match.start(1) if currency else match.start(2)
        return _quantity(
            value * multiplier, precision * multiplier, currency, start, end, text
        )
    if kind == "article":  # "about an hour": one of the unit that follows
        return _quantity(1.0, 1.0, None, start, end, text)
    number = parse_number_words(span)
    if number is None or (
        span.lower() == "one" and _next_word(text, end) in STOPWORDS | {""}
    ):
        return None
    digits = str(int(number))
    precision = (
        10.0 ** (len(digits) - len(digits.rstrip("0"))) if number >= 1000 else 1.0
    )
    return _quantity(number, precision, None, start, end, text)


def _quantity(value, precision, currency, start, end, text) -> Quantity:
    qualifier = _qualifier(text[:start])
    after = WORD_AFTER.match(text, end)
    next_word = after.group(1).lower() if after else ""
    word_end = after.end() if after else end
    unit, unit_end = "", end
    if currency:
        unit = CURRENCIES[currency]
    elif per_cent := re.match(r"\s*per\s+cent\b", text[end:], re.IGNORECASE):
        unit, unit_end = "percent", end + per_cent.end()
    elif next_word in ("%", "percent", "pc"):
        unit, unit_end = "percent", word_end
    elif next_word == "percentage":
        points = re.match(r"\s+points?\b", text[word_end:], re.IGNORECASE)
        unit, unit_end = "percentage point", word_end + (points.end() if points else 0)
    elif next_word == "basis" and (
        points := re.match(r"\s+points?\b", text[word_end:], re.IGNORECASE)
    ):  # 100 basis points make a percentage point
        value, precision = value / 100, precision / 100
        unit, unit_end = "percentage point", word_end + points.end()
    elif stem(next_word) in CURRENCIES:
        unit, unit_end = CURRENCIES[stem(next_word)], word_end
    elif (
        stem(next_word) in DURATIONS
    ):  # "three hours" and "180 minutes" compare as minutes
        factor = DURATIONS[stem(next_word)]
        value, precision, unit, unit_end = (
            value * factor,
            precision * factor,
            "duration",
            word_end,
        )
        old = re.match(r"[-\s]old\b", text[word_end:])
        if old:  # "a 24-year-old striker": an age, in years
            value, precision = (
                value / DURATIONS[stem("year")],
                precision / DURATIONS[stem("year")],
            )
            unit, unit_end = "age", word_end + old.end()
    elif (physical := _physical(text, end)) is not None:
        factor, unit, unit_end = physical
        value, precision = value * factor, precision * factor
    elif AGE_BEFORE.search(text[:start]):  # "died at the age of 63", "aged 63"
        unit = "age"
    else:
        unit = _counted_noun(text, end, value)
    if unit in PEOPLE or unit == "":
        unit = _casualty_unit(text, start) or unit
    return Quantity(
        value, unit, qualifier, start, unit_end, text[start:unit_end], precision
    )


def _physical(text: str, end: int) -> tuple[float, str, int] | None:
    """A unit of length, area, volume, mass or speed after a number: (its size in SI units, what it
    measures, where it ends); "5 kilometres" and "3.1 miles" then compare as metres."""
    match = UNIT_AFTER.match(text, end)
    if not match or match.group(1).lower() in NOT_UNITS or len(match.group(1)) < 2:
        return None
    found = _si_unit(match.group(1).lower())
    return (*found, match.end()) if found else None


@lru_cache(maxsize=1024)
def _si_unit(phrase: str) -> tuple[float, str] | None:
    import pint

    try:
        size = _registry().Quantity(1, phrase).to_base_units()
    except (pint.errors.PintError, ValueError, AttributeError, TypeError, KeyError):
        return None
    kind = PHYSICAL.get(str(size.dimensionality))
    return (float(size.magnitude), kind) if kind else None


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


def _counted_noun(text: str, end: int, value: float) -> str:
    """The noun a number counts: "seven European leaders" -> "leader"; "" when the number stands alone."""
    run: list[tuple[str, int]] = []
    for match in LETTERS.finditer(text, end):
        word = match.group()
        between = text[end if not run else run[-1][1] : match.start()]
        if (
            word.lower() in STOPWORDS
            or not re.fullmatch(r"[\s-]*", between)
            or len(run) == 3
        ):
            break
        run.append((word, match.end()))
    if not run:
        return ""
    if value == 1:
        return stem(run[0][0])
    for word, _ in run:
        if stem(word) in PEOPLE or (
            word.endswith("s") and not word.endswith("ss") and word[0].islower()
        ):
            return stem(word)
    return stem(run[0][0]) if run[0][0][0].islower() else ""


def _casualty_unit(text: str, position: int) -> str:
    """ "deaths" or "injuries" after the nearest casualty word ("killed 14", "14 people died")."""
    nearest = None
    for match in LETTERS.finditer(text):
        word = stem(match.group())
        kind = (
            "deaths"
            if word in DEATH_CUES
            else "injuries"
            if word in INJURY_CUES
            else None
        )
        if kind:
            distance = abs(match.start() - position)
            if nearest is None or distance < nearest[0]:
                nearest = (distance, kind)
    return nearest[1] if nearest else ""


def _tally_unit(text: str, start: int, end: int) -> str:
    before = [stem(w) for w in LETTERS.findall(text[max(0, start - 30) : start])][-3:]
    after = [stem(w) for w in LETTERS.findall(text[end : end + 30])][:2]
    for word in after + before[::-1]:
        if word in TALLY_NOUNS:
            return TALLY_NOUNS[word]
    return ""


def _qualifier(before: str) -> str | None:
    tail = " ".join(LETTERS.findall(before[-30:].lower())[-3:])
    for phrase in sorted(QUALIFIERS, key=len, reverse=True):
        if tail == phrase or tail.endswith(" " + phrase):
            return phrase
    return None


def _next_word(text: str, end: int) -> str:
    match = LETTERS.search(text, end)
    return (
        match.group().lower() if match and not text[end : match.start()].strip() else ""
    )


def _month(name: str) -> int:
    return [m[:3] for m in MONTHS].index(name[:3].lower()) + 1


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _date(year, month, day, weekday, start, end, text) -> DateMention | None:
    if day is not None and not 1 <= day <= 31:
        return None
    if year and month and day:
        try:
            weekday = datetime.date(year, month, day).weekday()
        except ValueError:
            return None
    return DateMention(year, month, day, weekday, start, end, text)
