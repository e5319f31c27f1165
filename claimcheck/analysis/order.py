"""What a claim puts first: two things in order ("a ceasefire before talks", "talks first, then a ceasefire",
"the vote after the hearing"), each as the stems that may name it, earlier first."""

from __future__ import annotations

from claimcheck.analysis.syntax import is_content, subject_of
from claimcheck.analysis.terms import stem

Items = tuple[str, ...]


def order_in(doc, words: dict[str, frozenset[str]]) -> list[tuple[Items, Items]]:
    """(earlier, later) for each "X before Y", "Y after X" and "X first ... then Y" in the claim; `words`:
    the roles of claimcheck/data/order.txt ("before", "after", "first", "then") and their words."""
    found = []
    for token in doc:
        word = token.lower_
        if word in words["before"] or word in words["after"]:
            pair = _around(token)
            if pair:
                found.append(pair if word in words["before"] else (pair[1], pair[0]))
    firsts = [t for t in doc if t.lower_ in words["first"] and t.dep_ == "advmod"]
    thens = [t for t in doc if t.lower_ in words["then"] and t.dep_ == "advmod"]
    if firsts and thens:
        earlier, later = _attached(firsts[0]), _attached(thens[0])
        if earlier and later and earlier != later:
            found.append((earlier, later))
    return found


def _around(word) -> tuple[Items, Items] | None:
    """What comes before the word and what after it: "a ceasefire before [talks]", "demands a ceasefire
    before [negotiations] can begin", "wants negotiations to start before [a ceasefire]"."""
    if word.dep_ == "mark":  # before a clause: its subject is what comes later
        clause = word.head
        later = subject_of(clause)
        anchor = clause.head
    else:
        objects = [c for c in word.children if c.dep_ == "pobj"]
        objects += [o for c in word.children if c.dep_ == "prep" for o in c.children]
        later = objects[0] if objects else None
        anchor = word.head
    if later is None or anchor is None or anchor.i == word.i:
        return None
    earlier = _event(anchor, exclude=word)
    return (earlier, _names(later)) if earlier else None


def _event(anchor, exclude) -> Items:
    """The thing a verb or noun stands for: the noun itself, a verb's object, the noun a participle
    describes ("negotiations to start"), else the verb and its subject ("the council voted")."""
    if anchor.pos_ in ("NOUN", "PROPN"):
        return _names(anchor)
    if anchor.dep_ in ("acl", "relcl") and anchor.head.pos_ in ("NOUN", "PROPN"):
        return _names(anchor.head)
    for child in anchor.children:
        if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN"):
            return _names(child)
    for child in anchor.children:
        if child.dep_ == "prep" and child.i != exclude.i and child.i < exclude.i:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return _names(obj)
    subject = subject_of(anchor)
    words = [anchor] + ([subject] if subject is not None else [])
    return tuple(stem(t.text) for t in words if is_content(t))


def _attached(adverb) -> Items:
    """The thing "first" or "then" goes with: a noun it modifies, or its verb's object."""
    head = adverb.head
    if head.pos_ in ("NOUN", "PROPN"):
        return _names(head)
    return next(
        (_names(c) for c in head.children if c.dep_ == "dobj" and c.i < adverb.i), ()
    )


def _names(noun) -> Items:
    return (stem(noun.text),) if is_content(noun) else ()
