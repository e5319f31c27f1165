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


def main_predicate(doc, reporting: frozenset[str]):
    """The root, or the clause a reporting (or denying) verb introduces ("officials said [turnout was 61
    percent]", "Pask declined [to concede]")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    while root is not None and root.lemma_.lower() in reporting:
        clause = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), None)
        if clause is None:
            break
        root = clause
    return root


def subject_of(predicate):
    for child in predicate.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl"):
            return child
    if predicate.dep_ in ("xcomp", "conj", "advcl") and not is_root(predicate):
        return subject_of(predicate.head)
    return None


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
            and any(d.lower_ == "no" and d.dep_ == "det" for d in child.children)
        )
        for child in predicate.children
    )
    head = predicate
    while head.dep_ in ("xcomp", "ccomp") and not is_root(head):
        head = head.head
        if head.lemma_.lower() in negation_verbs and not any(
            c.dep_ == "neg" for c in head.children
        ):
            negated = not negated
    if predicate.lemma_.lower() in negation_verbs and any(
        c.dep_ in ("xcomp", "ccomp") for c in predicate.children
    ):
        negated = not negated
    return negated


def hypothetical(predicate, modality: frozenset[str]) -> bool:
    head = predicate
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in modality for c in head.children) or any(
            c.dep_ == "advmod" and c.lower_ in modality for c in head.children
        ):
            return True
        if head.dep_ not in ("xcomp", "ccomp") or is_root(head):
            break
        head = head.head
        if head.lemma_.lower() in modality:
            return True
    return False


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
