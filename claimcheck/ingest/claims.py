"""Claims: atomic statements extracted from documents, each traced to the exact span it came from.

Rule-based and conservative: a sentence is split only where the pattern is clear (clauses joined by
"; ", ", and", ", but", ", while"; "A and B agreed ..."; "attended by A, B and C"), otherwise it is
kept whole. The speaker is the named actor of a reporting or stance verb ("said", "insisted",
"emphasizing"), of "according to X", "X's remark that" or a trailing "..., X said"; a leading
He/She/They resolves to the latest actor of the same number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.ingest.documents import front_matter, is_boilerplate
from claimcheck.ingest.sentences import split_sentences
from claimcheck.records import Claim, Document, claim_id

# --- lexicon -----------------------------------------------------------------------------------

# Reporting and stance verbs: base form, or "base:past" when the past tense is irregular.
_REPORTING = """say:said tell:told stress insist emphasize emphasise note argue warn announce confirm deny
    claim describe highlight indicate add acknowledge agree express voice suggest call demand urge reject
    oppose rule maintain assert reiterate accuse praise criticize criticise promise pledge vow predict
    estimate report underscore welcome dismiss propose envisage respond reply explain declare state
    admit:admitted believe think:thought contend allege concede caution dispute reaffirm write:wrote tweet
    comment remark observe point signal hint disclose reveal affirm recommend condemn blame hail refuse
    decline threaten question expect hope doubt fear support back endorse favor favour prefer:preferred
    push press seek:sought advocate reassure assure downplay characterize portray label dub mention recall
    testify speak:spoke complain protest lament concur counter retort rebut refute contradict insist
    stand:stood""".split()
_AUXILIARIES = set(
    """is are was were has have had will would can could may might must shall should did
    does do remains remained seems seemed appears appeared""".split()
)
_BE = {"is", "are", "was", "were", "be", "been", "being"}
_IRREGULAR_PAST = set(
    """said told met held made took gave went came saw got won lost left led sent spent
    set put kept began brought bought thought sought found became rose fell grew knew wrote spoke struck
    stood ran paid built meant drew broke chose hit cut sold understood fought sat spread threw""".split()
)
_SYMMETRIC = set(
    """met meet meets clashed talked spoke differed disagreed quarreled fought collided
    married played shook exchanged tied drew""".split()
)


def _forms(entry: str) -> tuple[str, str, str, str]:
    base, _, past = entry.partition(":")
    if base.endswith(("s", "sh", "ch", "x", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if not past:
        if base.endswith("e"):
            past = base + "d"
        elif base.endswith("y") and base[-2] not in "aeiou":
            past = base[:-1] + "ied"
        else:
            past = base + "ed"
    if base.endswith("ie"):
        gerund = base[:-2] + "ying"
    elif base.endswith("e") and not base.endswith("ee"):
        gerund = base[:-1] + "ing"
    elif past.endswith(base[-1] * 2 + "ed"):
        gerund = base + base[-1] + "ing"
    else:
        gerund = base + "ing"
    return base, third, past, gerund


_REPORTING_FORMS = [_forms(entry) for entry in _REPORTING]
_REPORTING_BASE = {base for base, _, _, _ in _REPORTING_FORMS}
_REPORTING_FINITE = {
    form for _, third, past, _ in _REPORTING_FORMS for form in (third, past)
}
_PAST_OF_GERUND = {gerund: past for _, _, past, gerund in _REPORTING_FORMS}

_PRONOUNS = {"he": "singular", "she": "singular", "they": "plural", "both": "plural"}
_DETERMINERS = set(
    "the a an this that these those his her its their our both some many most several all "
    "two three four five six seven eight nine ten".split()
)
_FUNCTION_WORDS = set(
    """to of in on at for with as by from into about than that which who whom whose when
    where why how if because although though while whereas so then not also just only even still yet and
    but or nor what it there here such""".split()
)
_ADVERBS = set(
    "also then later still again never not already previously reportedly repeatedly "
    "initially subsequently since recently now once firmly publicly privately".split()
)
_ACTOR_NOUNS = set(
    """leaders leader participants officials official government governments ministry
    ministries minister ministers spokesperson spokesman spokeswoman president administration allies ally
    diplomats diplomat negotiators countries country nations nation delegates delegation lawmakers
    senators parties party analysts analyst experts expert critics critic sides side company companies firm
    authorities authority police army military kremlin commission council court judge committee agency
    union bank board executives executive residents activists protesters voters investors economists
    observers sources source aides aide advisers adviser advisors advisor team members member
    envoys envoy representatives representative states state regime opposition scientists researchers
    people europeans americans russians ukrainians supporters opponents proponents""".split()
)
_TITLES = set(
    """President Chancellor Minister Secretary Secretary-General Senator Sen. Rep. Representative
    Governor Gov. Mayor King Queen Prince Princess Pope Dr. Mr. Mrs. Ms. Prof. Professor Chairman
    Chairwoman Chair CEO Ambassador Judge Justice Spokesman Spokeswoman Spokesperson Commissioner
    Director Chief Speaker Premier Vice Deputy Gen. Col. Lt. Adm. Sgt. Capt. Sheikh Emir General""".split()
)

_NAME = (
    r"[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|de|van|von|der|bin|al|da|di|del|la|le))*"
)
_WORD = re.compile(r"[^\s\u2014\u2013]+")
_QUOTES = "“”\"‘’'"


# --- what claims nothing -----------------------------------------------------------------------

_CAPTION = re.compile(
    r"(?i)^\W*(?:(?:file\s+)?(?:photo|image|picture|photograph|video|illustration|graphic)"
    r"(?:\s+credit)?s?|credits?|caption|source|pictured)\s*[:|/]"
)
_CREDIT = re.compile(
    r"(?i)(?:\((?:photo|image|picture)s?\b[^)]*\)|getty\s+images|/\s*(?:reuters|ap|afp)\s*\)?)\W*$"
)
_BYLINE = re.compile(
    r"^\W*[Bb]y\s+" + _NAME + r"(?:\s*(?:,|and|&)\s*" + _NAME + r")*\W*$"
)
_TIMESTAMP_LINE = re.compile(
    r"(?i)^\W*(?:updated|published|posted|last\s+updated|first\s+published)\b.{0,60}\d"
)
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s")
_MARKDOWN_PREFIX = re.compile(r"(?:[-*+]\s+|\d{1,3}[.)]\s+|>\s*)+")
_DATELINE_PREFIX = re.compile(
    r"[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\([^)]{1,30}\))?"
    r"|\s*\([^)]{1,30}\))?\s*[-\u2013\u2014]{1,2}\s+"
)  # "KYIV, Aug 19 (Reuters) - ", "TALLINN — "
_TERMINAL = re.compile(r"[.!…][" + _QUOTES + r")\]]*$")


def _claims_nothing(text: str, line: str) -> bool:
    words = text.split()
    if len(words) < 3 or is_boilerplate(text) or is_boilerplate(line):
        return True
    if text.rstrip(_QUOTES + ")] ").endswith("?"):
        return True
    if (
        _CAPTION.match(text)
        or _CREDIT.search(text)
        or _BYLINE.match(text)
        or _TIMESTAMP_LINE.match(text)
    ):
        return True
    if not _TERMINAL.search(
        text
    ):  # headline or heading: a statement only when it has a verb
        return len(words) <= 4 or _find_verb(words) is None
    return False


# --- clause analysis ---------------------------------------------------------------------------

_LEADING_ADVERBIAL = re.compile(
    r"^(?:[A-Z][a-z]+ly|However|Meanwhile|Moreover|Still|Separately|Earlier|Later|Instead|Nevertheless|"
    r"Nonetheless|Also|Indeed|Yet|Now|Then|Thus|Therefore|Furthermore|Overall|"
    r"(?:During|In|At|After|Before|Following|Despite|Since|Amid|Under|Without|For|As|On|Speaking|Asked|"
    r"While|Although|Though|If|When|Because|Once|Until)\b[^,;]{0,100}),\s+"
)
_PARENTHETICAL = re.compile(
    r",\s+(?:however|meanwhile|too|also|though|in turn|in contrast|by contrast|instead|"
    r"for (?:his|her|its|their) part|[a-z]+ly)\s*,"
)
_APPOSITIVE = re.compile(
    r"^([^,;]{1,60}?),\s+(?:a|an|the|who|whose|which|[a-z]+ing)\s[^,;]{1,80},\s+"
)
_ACCORDING_TO = re.compile(r"\b[Aa]ccording to (" + _NAME + ")")
_NAME_AT_END = re.compile(r"(" + _NAME + r")$")
_REMARK = re.compile(
    r"[’']s (?:remarks?|statements?|claims?|comments?|assertions?|insistence|"
    r"positions?|views?|arguments?|warnings?|promises?|pledges?|assurances?|suggestions?|"
    r"beliefs?|contention|allegations?|announcements?|proposals?) that\b"
)
_TRAILING_SAID = re.compile(
    r"(?:,|[”\"])\s*(?:(?P<before>"
    + _NAME
    + r")\s+(?P<verb>[a-z]+)|(?P<verb_first>[a-z]+)\s+"
    r"(?P<after>" + _NAME + r"))\b[^,;“”\"]{0,40}[.!]?$"
)  # ..., Putin said. / ...,” said Putin.
_GERUND_AFTER_COMMA = re.compile(r",\s+(?:[a-z]+ly\s+)?([a-z]+ing)\b")


@dataclass(frozen=True)
class _Clause:
    subject: str  # words before the main verb, adverbials removed
    verb: str  # the main verb, lowercase
    rest: str  # what follows the verb


def _find_verb(words: list[str]) -> int | None:
    """Index of the first word that looks like a finite verb."""
    for index, raw in enumerate(words[:12]):
        word = raw.strip(_QUOTES + ",;:()").lower()
        if raw[:1].isupper() and index > 0:
            continue
        if (
            word in _AUXILIARIES
            or word in _REPORTING_FINITE
            or word in _IRREGULAR_PAST
            or (word.endswith("ed") and len(word) > 4 and word.isalpha())
        ):
            return index
        previous = words[index - 1].lower() if index else ""
        if word in _REPORTING_BASE and (
            previous in ("they", "we", "i", "you")
            or (previous.endswith("s") and not previous.endswith("ss"))
        ):
            return index  # plural subject: "Critics argue ..."
    return None


def _clause(text: str) -> _Clause | None:
    """Subject, main verb and rest of a simple clause, or None when it does not parse simply."""
    while True:
        stripped = _LEADING_ADVERBIAL.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = _APPOSITIVE.sub(r"\1 ", _PARENTHETICAL.sub("", text), count=1)
    words = _WORD.findall(text)
    verb_index = _find_verb(words)
    if not verb_index:
        return None
    subject_words = words[:verb_index]
    while subject_words and subject_words[-1].lower() in _ADVERBS:
        subject_words.pop()
    first = subject_words[0].strip(_QUOTES).lower() if subject_words else ""
    if (
        not subject_words
        or len(subject_words) > 8
        or first in _FUNCTION_WORDS
        or any(word.endswith((",", ";", ":")) for word in subject_words)
        # "forming an organized group": a word in -ed after an article is an adjective, not the verb
        or subject_words[-1].lower() in ("a", "an", "the")
        or (
            subject_words[0][:1].islower()
            and first not in _DETERMINERS
            and first not in _PRONOUNS
            and len(subject_words) > 3
        )
    ):
        return None
    return _Clause(
        " ".join(subject_words),
        words[verb_index].strip(_QUOTES + ",;:").lower(),
        " ".join(words[verb_index + 1 :]),
    )


_OWNER = re.compile(
    r"[A-Z][\w-]*[’']s\s+(?=[A-Z])"
)  # "Kenya's Daniel Kiprotich": the name after it


def _is_actor(subject: str) -> bool:
    subject = _OWNER.sub("", subject, count=1) if _OWNER.match(subject) else subject
    words = subject.split()
    first = words[0].lower()
    if first in _PRONOUNS and len(words) == 1:
        return True
    if "’s" in subject or "'s" in subject:
        return False
    head = words[-1].strip(_QUOTES).lower()
    if first in ("the", "a", "an", "this", "that"):
        named = len(words) > 1 and all(
            word[:1].isupper() for word in words[1:]
        )  # "The White House"
        return head in _ACTOR_NOUNS or (first == "the" and named)
    if all(
        word[:1].isupper()
        or word in ("and", "of", "de", "van", "von", "der", "al", "bin")
        for word in words
    ):
        return True
    return head in _ACTOR_NOUNS


def _is_plural(subject: str) -> bool:
    words = subject.split()
    if " and " in subject or words[0].lower() in ("both", "they"):
        return True
    head = words[-1]
    return (
        head.endswith("s")
        and not head.endswith("ss")
        and (head[:1].islower() or head.lower() in _ACTOR_NOUNS)
    )


def _person(name: str) -> str:
    """A name without titles, possessive or leading article: "French President Emmanuel Macron" -> "Emmanuel Macron"."""
    name = re.sub(r"[’']s$", "", name.strip(_QUOTES + ",;: "))
    owner = _OWNER.match(name)
    if owner and len(name[owner.end() :].split()) >= 2:  # "Kenya's Daniel Kiprotich"
        name = name[owner.end() :]
    words = name.split()
    if (
        len(words) > 1
        and words[0].lower() in ("the", "a", "an")
        and words[1][:1].isupper()
    ):
        words = words[1:]
    title_end = max(
        (index for index, word in enumerate(words) if word in _TITLES), default=-1
    )
    if 0 <= title_end < len(words) - 1 and " and " not in f" {name} ":
        words = words[title_end + 1 :]
    name = " ".join(words)
    return name[:1].upper() + name[1:]


# --- speakers ----------------------------------------------------------------------------------


class _Actors:
    """The latest singular and plural actors, for resolving He/She/They."""

    def __init__(self):
        self.latest: dict[str, str | None] = {"singular": None, "plural": None}

    def resolve(self, subject: str) -> str | None:
        number = _PRONOUNS.get(subject.lower())
        if number:
            return self.latest[number]
        return _person(subject)

    def remember(self, actor: str, subject: str) -> None:
        self.latest["plural" if _is_plural(subject) else "singular"] = actor


def _speaker(text: str, actors: _Actors) -> str | None:
    clause = _clause(text)
    if clause and _is_actor(clause.subject):
        gerund = _GERUND_AFTER_COMMA.search(clause.rest)
        if (
            clause.verb in _REPORTING_FINITE
            or clause.verb in _REPORTING_BASE
            or (gerund and gerund.group(1) in _PAST_OF_GERUND)
        ):
            return actors.resolve(clause.subject)
    according = _ACCORDING_TO.search(text)
    if according:
        return _person(according.group(1))
    said = _TRAILING_SAID.search(text)
    if said and (said["verb"] or said["verb_first"]) in _REPORTING_FINITE:
        return _person(said["before"] or said["after"])
    remark = _REMARK.search(text)  # "Putin’s remark that ..."
    owner = (
        _NAME_AT_END.search(text, max(0, remark.start() - 80), remark.start())
        if remark
        else None
    )
    return _person(owner.group(1)) if owner else None


# --- atomic splitting --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    text: str  # standalone claim text, before tidying
    start: int  # span in the sentence
    end: int


_MAX_SPLIT_CHARS = 1000  # longer "sentences" are lists or run-ons: kept whole
_CLAUSE_JOINT = re.compile(r"(?:;\s+|,\s+(?:and|but|while|whereas|yet)\s+|\s+but\s+)")
_SHARED_SUBJECT = re.compile(
    r"^("
    + _NAME
    + r"(?:,\s+"
    + _NAME
    + r")*,?\s+and\s+"
    + _NAME
    + r")\s+(?:both\s+)?(\S+)(.*)$",
    re.S,
)
_ATTENDED = re.compile(r"\b(?:was\s+|were\s+)?(attended|joined)\s+by\s+")
_WITH_ACTOR = re.compile(r",\s+with\s+(" + _NAME + r")\s+([a-z]+ing)\b")


def _atomic_parts(text: str) -> list[_Part]:
    if len(text) <= _MAX_SPLIT_CHARS:
        for split in (
            _split_clauses,
            _split_shared_subject,
            _split_attendees,
            _split_with_actor,
        ):
            parts = split(text)
            if parts:
                return parts
    return [_Part(text, 0, len(text))]


def _inside_quote_or_aside(text: str, offset: int) -> bool:
    before = text[:offset]
    return (
        before.count("“") > before.count("”")
        or before.count('"') % 2 == 1
        or before.count("(") > before.count(")")
        or (before.count("—") + before.count(" – ")) % 2 == 1
    )


def _split_clauses(text: str) -> list[_Part] | None:
    """ "A did X, and B did Y" / "A; B" / "A did X but did Y" / "A did X, while ruling out Y"."""
    for joint in _CLAUSE_JOINT.finditer(text):
        left, right = text[: joint.start()], text[joint.end() :]
        right_words = right.split()
        if len(right_words) < 3 or _inside_quote_or_aside(text, joint.start()):
            continue
        conjunction = joint.group().strip(" ,;")
        first_word = right_words[0].lower()
        left_clause = _clause(left)
        right_verb = _find_verb(right_words)
        if (
            conjunction == ""
            and len(left.split()) >= 4
            and len(right_words) >= 4
            and first_word != "and"
        ):
            rewritten = None  # "A; B": two sentences
        elif not left_clause:
            continue
        elif (
            right_verb
            and right_verb <= 4
            and first_word not in _ADVERBS
            and _clause(right)
        ):
            rewritten = None  # "A did X, and B did Y"
        elif (
            conjunction in ("and", "but")
            and right_verb == 0
            and left_clause.verb not in _BE
            and not left.split()[-1].lower().endswith("ed")
        ):
            rewritten = f"{left_clause.subject} {right}"  # "A did X but did Y"
        elif conjunction == "while" and first_word in _PAST_OF_GERUND:
            rewritten = f"{left_clause.subject} {_PAST_OF_GERUND[first_word]} {right.split(None, 1)[1]}"
        else:
            continue
        offset = joint.end()
        if rewritten:
            rest = [_Part(rewritten, offset, len(text))]
        else:
            rest = [
                _Part(part.text, part.start + offset, part.end + offset)
                for part in _atomic_parts(right)
            ]
        return [_Part(left, 0, joint.start()), *rest]
    return None


def _split_shared_subject(text: str) -> list[_Part] | None:
    """ "Trump and Putin agreed that ..." -> one claim per actor."""
    match = _SHARED_SUBJECT.match(text)
    if not match:
        return None
    names, verb, rest = match.groups()
    bare_verb = verb.strip(",").lower()
    if (
        bare_verb in _SYMMETRIC
        or _find_verb([verb]) is None
        or re.search(
            r"\b(?:each other|one another|together|jointly|with each other|between them)\b",
            rest,
        )
    ):
        return None
    actors = [name for name in re.split(r",\s+(?:and\s+)?|\s+and\s+", names) if name]
    if any(actor.split()[0] in ("The", "A", "An", "Both") for actor in actors):
        return None
    return [_Part(f"{actor} {verb}{rest}", 0, len(text)) for actor in actors]


def _split_attendees(text: str) -> list[_Part] | None:
    """ "The meeting, attended by A, B and C, advanced talks" -> "The meeting was attended by A." ..."""
    match = _ATTENDED.search(text)
    if not match or _inside_quote_or_aside(text, match.start()):
        return None
    subject = text[: match.start()].rstrip(" ,")
    listed = text[match.end() :]
    predicate = _comma_before_verb(listed)
    tail = listed[predicate.end() :] if predicate else ""
    if predicate:
        listed = listed[: predicate.start()]
    listed = listed.rstrip(" .")
    names = [
        name
        for item in re.split(r"[,()—–]", listed)
        for name in re.split(
            r"\s+and\s+", re.sub(r"^\s*(?:and|including)\s+", "", item).strip()
        )
        if name
    ]
    named = all(any(word[:1].isupper() for word in name.split()[:2]) for name in names)
    if (
        len(names) < 2 or not subject or not named
    ):  # "officials from Kyiv and Moscow": kept whole
        return None
    verb = f"{match.group(1)} by"
    if not re.search(r"\b(?:was|were)$", subject):
        verb = f"{'were' if _is_plural(subject) else 'was'} {verb}"
    parts, cursor = [], 0
    for name in names:
        cursor = listed.index(name, cursor)
        parts.append(
            _Part(
                f"{subject} {verb} {name}",
                match.end() + cursor,
                match.end() + cursor + len(name),
            )
        )
        cursor += len(name)
    if predicate and tail:  # only a predicate leaves a tail
        parts.append(
            _Part(f"{subject} {tail}", match.end() + predicate.end(), len(text))
        )
    return parts


def _comma_before_verb(text: str) -> re.Match | None:
    """The ", " after which a verb follows: the end of "A, B and C" in "A, B and C, advanced the talks"."""
    for comma in re.finditer(r",\s+", text):
        words = [
            word for word in text[comma.end() :].split()[:2] if word not in _ADVERBS
        ]
        if _find_verb(words[:1]) == 0:
            return comma
    return None


def _split_with_actor(text: str) -> list[_Part] | None:
    """ "Zelensky thanked the US, with Trump noting that ..." -> "... Trump noted that ..."."""
    match = _WITH_ACTOR.search(text)
    if (
        not match
        or match.group(2) not in _PAST_OF_GERUND
        or _inside_quote_or_aside(text, match.start())
    ):
        return None
    parts = [_Part(text[: match.start()], 0, match.start())]
    clause = text[match.start(1) :]
    pieces = re.split(r"\s+and\s+(?=" + _NAME + r"\s+[a-z]+ing\b)", clause)
    offset = match.start(1)
    for piece in pieces:
        start = text.index(piece, offset)
        name_match = re.match(r"(" + _NAME + r")\s+([a-z]+ing)\b(.*)", piece, re.S)
        if not name_match or name_match.group(2) not in _PAST_OF_GERUND:
            return None
        name, gerund, rest = name_match.groups()
        parts.append(
            _Part(f"{name} {_PAST_OF_GERUND[gerund]}{rest}", start, start + len(piece))
        )
        offset = start + len(piece)
    return parts


# --- claims ------------------------------------------------------------------------------------

_TRAILING_JUNK = re.compile(
    r"[\s,;:\u2013\u2014-]+(?:(?:and|but|or|while|whereas|yet)\s*)?$"
)


def _tidy(text: str) -> str:
    """One line, no trailing separator or conjunction, capitalised, ending in a period."""
    text = " ".join(text.split())
    while (trimmed := _TRAILING_JUNK.sub("", text)) != text:
        text = trimmed
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    if not _TERMINAL.search(text):
        text = text.rstrip(".") + "."
    return text


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to skip surrounding whitespace and separators."""
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def headline_span(document: Document) -> tuple[int, int] | None:
    """Offsets of the headline line at the top of the body: the title, or a first line without a full stop."""
    _, body_start = front_matter(document.text)
    text = document.text
    match = re.compile(r"\s*(#{1,6}\s+)?([^\n]+)").match(text, body_start)
    if not match:
        return None
    line = match.group(2).strip()
    if document.title and _fold(line) == _fold(document.title):
        return match.start(2), match.end(2)
    if match.group(1) or (
        not _TERMINAL.search(line)
        and len(line.split()) <= 20
        and "\n" in text[match.end() :]
    ):
        return match.start(2), match.end(2)
    return None


def headline_and_lead(document: Document) -> tuple[str | None, str]:
    """The headline (context, not a claim) and the first paragraph after it."""
    _, body_start = front_matter(document.text)
    span = headline_span(document)
    headline = document.text[span[0] : span[1]].strip() if span else document.title
    rest = document.text[span[1] if span else body_start :]
    lead = next(
        (line.strip() for line in rest.splitlines() if len(line.split()) >= 4), ""
    )
    return headline, lead[:600]


def dateline_of(lead: str) -> str | None:
    """The place in a dateline: "KYIV, Aug 19 (Reuters) - ..." -> "Kyiv"."""
    match = _DATELINE_PREFIX.match(lead)
    if not match:
        return None
    place = re.match(r"[A-Z][A-Z.'\- ]+[A-Z]", match.group())
    return place.group().title() if place else None


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def extract_claims(document: Document) -> list[Claim]:
    _, body_start = front_matter(document.text)
    text, version = document.text, document.version
    headline = headline_span(document)
    actors = _Actors()
    claims: list[Claim] = []
    seen: set[tuple[int, int, str]] = set()
    for sentence in split_sentences(text[body_start:]):
        start, end = sentence.start + body_start, sentence.end + body_start
        for prefix in (_MARKDOWN_PREFIX, _DATELINE_PREFIX):
            match = prefix.match(text, start, end)
            if match:
                start = match.end()
        if _MARKDOWN_HEADING.match(text, start, end) or (
            headline and headline[0] <= start < headline[1]
        ):
            continue  # a title: context, not a statement
        sentence_text = text[start:end]
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if _claims_nothing(sentence_text, line):
            continue
        sentence_speaker = _speaker(sentence_text, actors)
        for part in _atomic_parts(sentence_text):
            claim_text, speaker = _resolve(part.text, actors, sentence_speaker)
            claim_text = _tidy(claim_text)
            part_start, part_end = _span(text, start + part.start, start + part.end)
            key = (part_start, part_end, claim_text)
            if key in seen or len(claim_text.split()) < 3:
                continue
            seen.add(key)
            _remember(claim_text, actors, speaker)
            claims.append(
                Claim(
                    id=claim_id(document.id, version, part_start, part_end, claim_text),
                    text=claim_text,
                    sentence=sentence_text,
                    source=document.source,
                    document=document.id,
                    version=version,
                    path=document.path,
                    line=document.line_of(part_start),
                    column=document.column_of(part_start),
                    start=part_start,
                    end=part_end,
                    speaker=speaker,
                    published=document.published,
                )
            )
        subject = _clause(sentence_text)
        if subject and " and " in subject.subject and _is_actor(subject.subject):
            actors.remember(
                subject.subject, subject.subject
            )  # "Trump and Putin agreed ..." -> They
    return claims


_AGED = re.compile(r"The (\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\b(?!s)")


def claims_of_each(documents: Sequence[Document]) -> list[list[Claim]]:
    return [extract_claims(document) for document in documents]


def _resolve(
    text: str, actors: _Actors, sentence_speaker: str | None
) -> tuple[str, str | None]:
    """The part's text with a leading pronoun replaced by its actor ("The 24-year-old" named as the latest
    person, its age kept: "Kiprotich, the 24-year-old, ..."), and the part's speaker."""
    speaker = _speaker(text, actors)
    described = _AGED.match(
        text
    )  # "The 24-year-old, running his second marathon, finished ..."
    if described and (actor := actors.resolve("He")):
        rest = text[described.end() :].lstrip(",")
        return (
            f"{actor}, the {described.group(1)}-year-old,{rest}",
            speaker or sentence_speaker,
        )
    pronoun = re.match(r"(He|She|They|Both)\s+(?=(\S+))", text)
    if pronoun and (
        pronoun.group(1) != "Both"
        or pronoun.group(2) in _ADVERBS
        or _find_verb([pronoun.group(2)]) == 0
    ):
        actor = actors.resolve(pronoun.group(1))
        if actor:
            text = f"{actor} {text[pronoun.end() :]}"
    return text, speaker or sentence_speaker


def _remember(text: str, actors: _Actors, speaker: str | None) -> None:
    clause = _clause(text)
    if clause and _is_actor(clause.subject):
        actor = actors.resolve(clause.subject)
        if actor:
            actors.remember(actor, clause.subject)
    elif speaker:
        actors.remember(speaker, speaker)
