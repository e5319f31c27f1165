"""What the claim readers ask of a dependency parse (spaCy tokens): the main predicate, its subject, a word's
phrase, whether a word carries content, whether a predicate is negated or hypothetical."""

from __future__ import annotations

from claimcheck.analysis.terms import CALENDAR, STOPWORDS


def is_content(token) -> bool:
    return (
        token.is_alpha
        and token.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM")
        and token.lower_ not in STOPWORDS
        and len(token.text) > 1
        and token.lemma_ not in ("be", "have", "do")
    )


def is_root(token) -> bool:
    """spaCy makes a new Token object on every access, so identity says nothing: compare positions."""
    return token.head.i == token.i


def main_predicate(
    doc, reporting: frozenset[str], denying: frozenset[str] = frozenset()
):
    """The root, or the clause a reporting, deciding or denying verb introduces ("officials said [turnout was
    61 percent]", "the board voted [to close the school]", "Pask declined [to concede]", "rejected a bid [to
    pull the book]")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    above = reporting | denying
    while root is not None and root.lemma_.lower() in above:
        clause = complement(root, denying)
        if clause is None:
            break
        root = clause
    return root


def complement(verb, denying: frozenset[str] = frozenset()):
    """The clause a verb reports or denies: its own ("said [turnout was 61 percent]", "declined [to concede]"),
    or its object's ("denied reports [that the office would close]"); a denying verb's also where its object
    is a proposal to act ("rejected a bid [to pull the book]": the book is not pulled)."""
    proposal = verb.lemma_.lower() in denying
    return next(
        (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None
    ) or next(
        (
            clause
            for o in verb.children
            if o.dep_ == "dobj"
            for clause in o.children
            if clause.dep_ in ("acl", "ccomp")
            and any(
                m.dep_ == "mark"
                and m.lower_ == "that"
                or proposal
                and clause.dep_ == "acl"
                and m.dep_ == "aux"
                and m.lower_ == "to"
                for m in clause.children
            )
        ),
        None,
    )


def governor(clause, denying: frozenset[str] = frozenset()):
    """The verb whose complement a clause is (see `complement`), or None."""
    if is_root(clause):
        return None
    if clause.dep_ in ("xcomp", "ccomp"):
        return clause.head
    noun = clause.head
    if clause.dep_ == "acl" and noun.dep_ == "dobj" and not is_root(noun):
        verb = noun.head
        reported = complement(verb, denying)
        return verb if reported is not None and reported.i == clause.i else None
    return None


def subject_of(predicate):
    """The predicate's subject; of two (a parse that split "co-defendant" or misread "show" as a noun), the
    one nearest the verb."""
    subjects = [
        child
        for child in predicate.children
        if child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")
    ]
    if subjects:
        return min(subjects, key=lambda child: abs(predicate.i - child.i))
    # the parser sometimes hangs it on the auxiliary: "The bridge [was] closed"
    for aux in predicate.children:
        if aux.dep_ in ("aux", "auxpass"):
            for child in aux.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child
    if predicate.dep_ in ("xcomp", "conj", "advcl") and not is_root(predicate):
        return subject_of(predicate.head)
    return None


PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "many"}


def speaker_for(pronoun, clause):
    """The reporter a pronoun subject of a reported clause stands for, where it fits: "Priya Nandakumar said
    [she could not rule out cuts]", "the company said [it would close]", "officials said [they ...]"."""
    kind = PRONOUNS.get(pronoun.lower_)
    above = governor(clause)
    while kind is not None and above is not None:
        reporter = subject_of(above)
        if reporter is not None and reporter.lower_ not in PRONOUNS:
            fits = {
                "person": reporter.ent_type_ == "PERSON" or reporter.tag_ == "NNP",
                "thing": reporter.tag_ in ("NN", "NNP")
                and reporter.ent_type_ != "PERSON",
                "many": reporter.tag_ in ("NNS", "NNPS"),
            }[kind]
            return reporter if fits else None
        above = governor(above)
    return None


def appositives(token) -> list:
    """What the token is also called, beside it: "His deputy, [Carla Nyberg]", "the capital, [Brodna]"."""
    return [c for c in token.children if c.dep_ == "appos"]


def objects_of(token, *prepositions: str) -> list:
    """The objects of the token's prepositions among these: ("the magnitude [of] the quake", "of") -> [quake]."""
    return [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ in prepositions
        for o in p.children
        if o.dep_ == "pobj"
    ]


def phrase(token) -> list:
    """The token with its compounds, modifiers and possessors: "the Brackenford fire" -> [Brackenford, fire]."""
    keep = [
        c
        for c in token.children
        if c.dep_ in ("compound", "amod", "poss", "nmod", "nummod")
    ]
    words = [w for c in keep for w in phrase(c)] + [token]
    return sorted(words, key=lambda t: t.i)


def negated(predicate, negation_verbs: frozenset[str]) -> bool:
    """Negated by "not"/"never" or a "no" on its subject or object ("No injuries were reported"), however
    often ("it's not, it's not expensive"), and flipped by each denying verb above it ("failed to pass",
    "did not refuse to sign")."""
    negated = any(
        child.dep_ == "neg"
        or child.lower_ in ("never", "nothing", "nobody", "none")
        or (
            child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
            and any(_denies(d) for d in child.children)
        )
        for child in predicate.children
    )
    head = governor(predicate, negation_verbs)
    while head is not None:
        if head.lemma_.lower() in negation_verbs and not any(
            c.dep_ == "neg" for c in head.children
        ):
            negated = not negated
        head = governor(head, negation_verbs)
    if (
        predicate.lemma_.lower() in negation_verbs
        and complement(predicate, negation_verbs) is not None
    ):
        negated = not negated
    return negated


def _denies(determiner) -> bool:
    """ "No injuries", "Neither guard", not the name of a side: "the No campaign" (another determiner before
    it, or a capital inside the sentence)."""
    return (
        determiner.lower_ in ("no", "neither")
        and determiner.dep_ == "det"
        and not (determiner.text == "No" and determiner.i > 0)
        and not any(
            c.dep_ == "det" and c.i < determiner.i for c in determiner.head.children
        )
    )


def hypothetical(
    predicate, modality: frozenset[str], reporting: frozenset[str] = frozenset()
) -> bool:
    """Predicted, possible or planned: a modal on the clause or one above it ("could rise", "plans to
    close"). Not a reported "will" ("confirmed that the route would be dropped": would, under a reporting
    verb in the past, without "have" or "if") nor an ability denied ("could not rule out")."""
    head = predicate
    for _ in range(3):
        if any(
            c.dep_ == "aux"
            and c.lower_ in modality
            and not _reported_will(c, head, reporting)
            and not _ability_denied(c, head)
            for c in head.children
        ) or any(c.dep_ == "advmod" and c.lower_ in modality for c in head.children):
            return True
        up = governor(head)
        if up is None:
            break
        head = up
        if head.lemma_.lower() in modality:
            return True
    return False


def _reported_will(aux, clause, reporting: frozenset[str]) -> bool:
    above = governor(clause)
    return (
        aux.lower_ == "would"
        and above is not None
        and above.lemma_.lower() in reporting
        and above.tag_ == "VBD"
        and not any(
            c.lemma_ == "have" and c.dep_ == "aux" and c.i > aux.i
            for c in clause.children
        )
        and not any(
            m.lower_ in ("if", "unless")
            for c in clause.children
            if c.dep_ == "advcl"
            for m in c.children
        )
    )


def _ability_denied(aux, clause) -> bool:
    return aux.lower_ in ("could", "can") and any(
        c.dep_ == "neg" for c in clause.children
    )


# parts of a clause that are not its event: other clauses, what joins them, asides
OUTSIDE_EVENT = {
    "advcl",
    "ccomp",
    "parataxis",
    "relcl",
    "acl",
    "conj",
    "cc",
    "mark",
    "appos",
    "punct",
}


def event_clause(predicate, date: list, bounds: frozenset[str]) -> str:
    """The words of the event a date is the day of, without the date and its phrase ("The fire ignited near
    a campground" of "... ignited on July 11 near a campground, though ..."); "" where the date is no event's
    day: a bound of a state ("had burned 1,900 hectares by Sunday", "since Monday"), or an earlier event's
    ("Calder had beaten Rovers in May")."""
    if not date or _pluperfect(predicate):
        return ""
    # the date of an event a noun names: "won Thursday's by-election", "Friday night's final"
    when = list(date)
    while when[-1].dep_ == "compound" and when[-1].head.pos_ == "NOUN":
        when.append(when[-1].head)
    if when[-1].dep_ == "poss":  # not "on Saturday evening"
        named, dropped = when[-1].head, {t.i for t in when}
        return " ".join(
            t.text for t in phrase(named) if t.i not in dropped and t.dep_ != "case"
        )
    path = [date[-1]]  # from the date up to the predicate's child
    while path[-1].head.i not in (predicate.i, path[-1].i):
        path.append(path[-1].head)
    if any(t.dep_ == "prep" and t.lower_ in bounds for t in path):
        return ""
    dropped = {t.i for t in date}
    if path[-1].dep_ in ("prep", "npadvmod", "advmod", "pobj"):
        dropped |= {t.i for t in path[-1].subtree}
    kept: list = []

    def keep(token) -> None:
        if token.i in dropped or (
            token.i != predicate.i and token.dep_ in OUTSIDE_EVENT
        ):
            return
        kept.append(token)
        for child in token.children:
            keep(child)

    keep(predicate)
    # a relative clause's event is its antecedent's: "Orvane stock, which climbed ..." -> "Orvane stock climbed"
    if predicate.dep_ == "relcl":
        relative = {t.i for t in kept if t.tag_ in ("WDT", "WP") and t.dep_ != "dobj"}
        kept = phrase(predicate.head) + [t for t in kept if t.i not in relative]
    return " ".join(t.text for t in sorted(kept, key=lambda t: t.i))


def _pluperfect(predicate) -> bool:
    return predicate.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in predicate.children
    )


def tokens_in(doc, start: int, end: int) -> list:
    """The tokens of a character span, its syntactic head (the one attached outside it) last."""
    tokens = [t for t in doc if start <= t.idx < end]
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or is_root(t)]
    return [t for t in tokens if t.i != heads[-1].i] + heads[-1:] if heads else tokens


def identifier(token) -> bool:
    """A number that names its capitalised noun rather than counting: "Highway 12", "Flight 93"; not
    "Friday 14 people" (it counts the noun after it)."""
    if token.tag_ != "CD" or not token.text.isdigit() or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    counts_next = token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN")
    return (
        before.pos_ in ("NOUN", "PROPN")
        and before.text[:1].isupper()
        and before.lower_ not in CALENDAR
        and not counts_next
    )


def name_phrases(tokens) -> list[str]:
    """Adjacent proper nouns joined: [Donald, J., Trump, Putin] -> ["donald j. trump", "putin"] (by position)."""
    tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    phrases: list[list] = []
    for token in tokens:
        if phrases and token.i == phrases[-1][-1].i + 1:
            phrases[-1].append(token)
        else:
            phrases.append([token])
    return [" ".join(t.lower_ for t in phrase) for phrase in phrases]
