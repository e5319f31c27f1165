from pathlib import Path

import pytest

from claimcheck.ingest.sentences import Sentence, split_sentences

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_df24da9ed9f199a2.txt"


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def test_offsets_are_exact_and_stripped():
    text = "  First one.  Second one!\n\nThird?  "
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["First one.", "Second one!", "Third?"]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. team arrived on Aug. 15 to meet Dr. Lee and Mr. Park at No. 10 Downing St. in London.",
        "J. R. Smith paid 3.5 million dollars for it.",
        "Growth was 2.75% in the third quarter.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_split(sentence):
    assert texts(f"{sentence} Then they left.") == [sentence, "Then they left."]


def test_closing_quote_belongs_to_the_sentence():
    assert texts("He said “it is over.” Then they went home.") == [
        "He said “it is over.”",
        "Then they went home.",
    ]
    assert texts('She said "no." They left.') == ['She said "no."', "They left."]


def test_ellipsis_and_em_dash():
    assert texts("Troops left Kyiv… The war continues.") == [
        "Troops left Kyiv…",
        "The war continues.",
    ]
    assert texts("Measures—such as aid—could help. Talks go on.") == [
        "Measures—such as aid—could help.",
        "Talks go on.",
    ]


def test_line_breaks_end_headlines_but_wrapped_lines_continue():
    text = "Summit Ends Without Deal\nThe talks ended on Friday, and the leaders\nleft Alaska.\n\nNext paragraph here."
    assert texts(text) == [
        "Summit Ends Without Deal",
        "The talks ended on Friday, and the leaders\nleft Alaska.",
        "Next paragraph here.",
    ]


def test_lowercase_after_abbreviation_continues_the_sentence():
    assert texts("The firm earned $3.5 bn. in Q2. Next.") == [
        "The firm earned $3.5 bn. in Q2.",
        "Next.",
    ]


def test_seed_article():
    text = SEED.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert len(sentences) == 28
    assert all(
        text[s.start : s.end] == s.text and s.text == s.text.strip() for s in sentences
    )
    assert sentences[-1] == Sentence(
        "Recent Random Post:",
        text.index("Recent Random Post:"),
        text.index("Recent Random Post:") + len("Recent Random Post:"),
    )


def test_empty_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []
