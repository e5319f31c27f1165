"""The claim parser: spaCy's pipeline with its attribute rules applied by lookup and its lemmas remembered must
parse exactly as spaCy."""

from pathlib import Path

import pytest

from claimcheck.analysis.parser import AttributeRules, nlp, parse
from claimcheck.ingest.claims import extract_claims
from claimcheck.ingest.documents import load_documents

FIXTURES = Path(__file__).parent.parent / "fixtures"
# Sentences that reach the rules beyond the tag map: multi-word exceptions, a rule on a dependency, a
# negative index, words as pronouns, whitespace tokens, subordinators that are tagged IN.
EXCEPTIONS = [
    "There is no way we're gonna finish, but let's try.",
    "Y'all ain't seen nothing yet; something is coming, whether or not anyone likes it.",
    "He got it done and she gets paid, though nobody asked.",
    "  Two  spaces\n\nand a blank line.  ",
    "C'mon, there were 12 of them, because everybody came.",
]


def attributes(doc) -> list[tuple]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc
    ]


def test_parse_matches_spacys_own_pipeline():
    texts = EXCEPTIONS + [
        claim.text
        for document in load_documents(
            [str(FIXTURES / "news"), str(FIXTURES / "probes" / "a" / "articles")]
        )
        for claim in extract_claims(document)
    ]
    expected = nlp().pipe(texts, disable=["ner"])
    assert [attributes(d) for d in parse(texts)] == [attributes(d) for d in expected]


def test_the_lookup_applies_every_rule_of_the_model():
    ruler = nlp().get_pipe("attribute_ruler")
    rules = AttributeRules(ruler)
    indexed = {
        id(entry)
        for by_word, by_tag, anywhere in (rules._single, rules._longer)
        for entries in [*by_word.values(), *by_tag.values(), anywhere]
        for entry in entries
    }
    assert len(indexed) == sum(len(r["patterns"]) for r in ruler.patterns)


def test_a_rule_the_lookup_cannot_express_is_refused():
    class Ruler:
        patterns = [
            {"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {}, "index": 0}
        ]
        attrs = [{}]

    with pytest.raises(ValueError):
        AttributeRules(Ruler())
