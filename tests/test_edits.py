import random
from collections import Counter

from claimcheck.nli import edits
from claimcheck.nli.edits import generate_pairs

SENTENCE = "The company did not open 3 stores in Paris on Monday, officials said."
SENTENCES = [
    "Police arrested 12 people in Lagos on Tuesday after the protest.",
    "The minister said prices rose by 4.5 percent in March.",
    "Apple was founded by Steve Jobs and Steve Wozniak in 1976.",
    "Shares of Siemens fell sharply after the results were published.",
    "The court has approved the merger of the two largest banks.",
    "Maria Lopez defeated John Carter in the final round.",
    "About 1,200 workers will lose their jobs when the plant closes.",
]


def rng():
    return random.Random(0)


def test_number_edits_change_the_value_and_keep_its_format():
    assert (
        edits.change_number("About 1,200 workers were hired.", rng())
        != "About 1,200 workers were hired."
    )
    changed = edits.change_number("Prices rose by 4.5 percent.", rng())
    assert (
        changed.startswith("Prices rose by ")
        and "4.5" not in changed
        and changed.split()[3].count(".") == 1
    )
    year = edits.change_number("He was born in 1976.", rng())
    assert year != "He was born in 1976." and year.split()[-1][:2] in ("19", "20")
    assert edits.change_number("No digits here.", rng()) is None


def test_dates_negations_antonyms():
    assert "Monday" not in edits.change_date(SENTENCE, rng())
    assert (
        edits.toggle_negation(SENTENCE, rng())
        == "The company did open 3 stores in Paris on Monday, officials said."
    )
    assert (
        edits.toggle_negation("The plan was approved.", rng())
        == "The plan was not approved."
    )
    assert edits.toggle_negation("They can't vote.", rng()) == "They can vote."
    assert (
        edits.replace_antonym("Prices rose in March.", rng()) == "Prices fell in March."
    )
    assert edits.toggle_negation("Cats sleep.", rng()) is None


def test_names_are_swapped_between_roles_or_replaced():
    sentence = "Maria Lopez defeated John Carter in the final round."
    assert (
        edits.swap_roles(sentence, rng())
        == "John Carter defeated Maria Lopez in the final round."
    )
    replaced = edits.swap_name(sentence, rng(), ["Oslo", "Chen"])
    assert replaced != sentence and ("Oslo" in replaced or "Chen" in replaced)
    misspelled = edits.misspell_name(sentence, rng())
    assert misspelled != sentence and len(misspelled.split()) == len(sentence.split())


def test_non_contradictions_keep_the_meaning():
    assert (
        edits.reformat_number("About 1,200 workers left.", rng())
        == "About 1200 workers left."
    )
    assert edits.reformat_number("Five people died and two were hurt.", rng()) in (
        "Five people died and 2 were hurt.",
        "5 people died and two were hurt.",
    )
    assert (
        edits.shorten(
            "The plant, which opened in 1990, will close (say unions).", rng()
        )
        == "The plant, which opened in 1990, will close."
    )


def test_every_sentence_edit_is_labelled_by_kind():
    pairs = edits.edit_sentence(SENTENCE, rng())
    kinds = {pair.kind: pair for pair in pairs}
    assert kinds["same"].hypothesis == SENTENCE and kinds["same"].label == "entailment"
    assert {kinds[k].label for k in ("number", "date", "negation")} == {"contradiction"}
    assert kinds["shorten"].label == "entailment"
    assert all(pair.premise == SENTENCE for pair in pairs)


def test_generation_is_deterministic_and_balanced():
    first = generate_pairs(SENTENCES * 3, seed=7)
    assert first == generate_pairs(SENTENCES * 3, seed=7)
    assert first != generate_pairs(SENTENCES, seed=8)
    labels = Counter(pair.label for pair in first)
    assert labels["contradiction"] >= 5 and labels["entailment"] >= 5
    assert all(
        pair.premise != pair.hypothesis or pair.label == "entailment" for pair in first
    )
    neutrals = generate_pairs(SENTENCES, seed=1, neutral_share=1.0)
    assert any(
        pair.kind == "unrelated" and pair.label == "neutral" for pair in neutrals
    )


def test_news_conflicts_change_the_count_or_the_person():
    assert (
        edits.no_versus_count("No injuries were reported in the fire.", rng())
        .split()[0]
        .lower()
        in edits.SMALL_NUMBERS
    )
    nobody = edits.no_versus_count(
        "Nobody was hurt when the bridge collapsed.", random.Random(3)
    )
    assert nobody.split()[1] in ("people", "persons") and " were " in nobody
    counts = {
        edits.no_versus_count(
            "Police arrested about 12 people on Monday.", random.Random(s)
        )
        for s in range(9)
    }
    assert "Police arrested no people on Monday." in counts and all(
        " no " in c and "12" not in c for c in counts
    )
    assert edits.no_versus_count("The firm did not hire 3 workers.", rng()) is None
    tally = edits.change_tally_notation("Police arrested 12 people.", rng())
    assert tally.split()[2] in edits.SMALL_NUMBERS and tally.split()[2] != "twelve"
    millions = edits.change_tally_notation("The firm sold 2,500,000 phones.", rng())
    assert "2,500,000" not in millions and "2.5 million" not in millions
    reworded = edits.reworded_quantity(
        "Officials said 40 people were killed in the city.", rng()
    )
    assert "40" not in reworded and (
        "stated" in reworded
        or "authorities" in reworded
        or "left dead" in reworded
        or "town" in reworded
        or "persons" in reworded
    )
    assert (
        edits.change_person_in_role(
            "Mayor John Smith said the bridge would reopen.", rng(), ["Li Wei", "Oslo"]
        )
        == "Mayor Li Wei said the bridge would reopen."
    )
    assert (
        edits.replace_antonym("The appeal was upheld by the court.", rng())
        == "The appeal was overturned by the court."
    )


def test_news_restatements_keep_the_value():
    assert (
        edits.renotate_number("The firm sold 2,500,000 phones.", rng())
        == "The firm sold 2.5 million phones."
    )
    assert (
        edits.renotate_number("Police arrested 12 people.", rng())
        == "Police arrested twelve people."
    )
    assert edits.renotate_number("Turnout was 64 percent.", rng()) == "Turnout was 64%."
    approximations = {
        edits.approximate("The plant employs 1,234 workers.", random.Random(s))
        for s in range(20)
    }
    assert approximations == {
        "The plant employs about 1,200 workers.",
        "The plant employs more than 1,200 workers.",
        "The plant employs nearly 1,300 workers.",
    }
    assert edits.approximate("The plant employs about 1,234 workers.", rng()) is None
    reworded = {
        edits.reword("Police arrested 12 people in Lagos on Tuesday.", random.Random(s))
        for s in range(20)
    }
    assert (
        "On Tuesday, Police detained 12 persons in Lagos." in reworded
    )  # a word that may be a name keeps its capital
    assert "Police detained 12 persons in Lagos on Tuesday." in reworded
    assert edits.reword("The strike ended on Monday.", rng()) in (
        "On Monday, the strike finished.",
        "On Monday, the strike ended.",
        "The strike finished on Monday.",
    )
    assert edits.reword("Cats sleep.", rng()) is None


def test_another_place_is_neutral_unless_a_second_name_anchors_the_sentence():
    alone = edits.edit_sentence(
        "Three people were injured in the Brackenford fire.",
        rng(),
        ["Dunmore", "Li Wei"],
    )
    kinds = {pair.kind: pair for pair in alone}
    assert (
        kinds["other_subject"].label == "neutral"
        and "Dunmore" in kinds["other_subject"].hypothesis
    )
    assert "name" not in kinds
    anchored = {
        p.kind: p
        for p in edits.edit_sentence(
            "Maria Lopez defeated John Carter in Paris.", rng(), ["Dunmore", "Li Wei"]
        )
    }
    assert anchored["name"].label == "contradiction" and "other_subject" not in anchored
