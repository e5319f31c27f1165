import json
from dataclasses import replace
from pathlib import Path

import pytest

from claimcheck.analysis.entities import (
    builtin_mentions,
    extract_mentions,
    link,
    role_key,
)
from claimcheck.analysis.reference import Reference, ReferenceName
from claimcheck.errors import ClaimcheckError
from claimcheck.ingest.sentences import split_sentences
from claimcheck.pipeline.entities import refresh
from claimcheck.records import Claim, claim_id
from claimcheck.store.database import Store


def claims_of(
    text: str, source: str, document: str | None = None, published: str | None = None
) -> list[Claim]:
    """One claim per sentence, as a source wrote it."""
    document = document or source.lower()
    return [
        Claim(
            claim_id(document, "v1", s.start, s.end, s.text),
            s.text,
            s.text,
            source,
            document,
            "v1",
            f"{document}.txt",
            1,
            s.start + 1,
            s.start,
            s.end,
            published=published,
        )
        for s in split_sentences(text)
    ]


def entities_of(*articles: tuple[str, str], reference: Reference | None = None):
    claims = [claim for source, text in articles for claim in claims_of(text, source)]
    return link(extract_mentions(claims, "builtin"), reference)


def person(entities, spelling):
    found = [e for e in entities if spelling in e.spellings]
    assert len(found) == 1, f"{spelling!r} in {[e.spellings for e in entities]}"
    return found[0]


def test_titles_are_peeled_off_and_kept_as_roles():
    [claim] = claims_of(
        "The talks were attended by German Chancellor Frederik Merz and NATO Secretary General "
        "Mark Rutte.",
        "Seed",
    )
    mentions = {m.text: m for m in builtin_mentions(claim)}
    assert mentions["Frederik Merz"].role == "German Chancellor"
    assert mentions["Mark Rutte"].role == "NATO Secretary General"
    assert mentions["Frederik Merz"].kind == "person"
    assert (
        claim.text[mentions["Mark Rutte"].start : mentions["Mark Rutte"].end]
        == "Mark Rutte"
    )


def test_roles_in_apposition_and_possessives():
    [a, b] = claims_of(
        "Germany's chancellor, Friedrich Merz, spoke first. Jens Stoltenberg, the former NATO "
        "secretary general, agreed with Putin's plan.",
        "Wire",
    )
    assert {m.text: m.role for m in builtin_mentions(a)}[
        "Friedrich Merz"
    ] == "Germany's chancellor"
    roles = {m.text: m.role for m in builtin_mentions(b)}
    assert roles["Jens Stoltenberg"] == "NATO secretary general"
    assert "Putin" in roles and "Putin's" not in roles
    assert (
        role_key("Germany's chancellor")
        == role_key("German Chancellor")
        == ("germany", "chancellor")
    )


def test_sentence_starters_roles_alone_and_adjectives_are_not_names():
    [claim] = claims_of(
        "Meanwhile the UK Prime Minister praised Russian oil exports to India.", "Wire"
    )
    texts = {m.text: m.kind for m in builtin_mentions(claim)}
    assert texts == {"India": "place"}


def test_organisations_and_places_are_told_apart_from_people():
    [claim] = claims_of(
        "Officials at the White House and NATO met in Geneva with Ursula von der Leyen.",
        "Wire",
    )
    kinds = {m.text: m.kind for m in builtin_mentions(claim)}
    assert kinds == {
        "White House": "organisation",
        "NATO": "organisation",
        "Geneva": "place",
        "Ursula von der Leyen": "person",
    }


def test_full_name_surname_alone_and_title_with_surname_are_one_person():
    entities = entities_of(
        ("Ledger", "Russian President Vladimir Putin arrived. Putin smiled."),
        ("Wire", "President Putin left early."),
    )
    putin = person(entities, "Vladimir Putin")
    assert putin.spellings == ["Putin", "Vladimir Putin"]
    assert putin.sources == ["Ledger", "Wire"]


def test_close_spellings_of_one_person_are_linked_across_sources():
    entities = entities_of(
        ("Seed", "German Chancellor Frederik Merz attended."),
        ("Ledger", "German Chancellor Friedrich Merz attended."),
        ("Wire", "Jens Stoltenberg spoke."),
        ("Post", "Jens Stoltenburg spoke."),
    )
    assert person(entities, "Frederik Merz") is person(entities, "Friedrich Merz")
    assert person(entities, "Jens Stoltenberg") is person(entities, "Jens Stoltenburg")


def test_people_sharing_a_surname_stay_apart():
    entities = entities_of(
        (
            "Ledger",
            "Bill Clinton spoke in Paris. Hillary Clinton stayed in Washington.",
        ),
        ("Wire", "Donald Trump met Melania Trump and Eric Trump."),
    )
    assert person(entities, "Bill Clinton") is not person(entities, "Hillary Clinton")
    assert (
        len(
            {
                id(person(entities, n))
                for n in ("Donald Trump", "Melania Trump", "Eric Trump")
            }
        )
        == 3
    )


def test_conflicting_roles_keep_similar_names_apart():
    entities = entities_of(
        ("Ledger", "Mayor Mark Rutter opened the bridge."),
        ("Wire", "NATO Secretary General Mark Rutte visited Kyiv."),
    )
    assert person(entities, "Mark Rutter") is not person(entities, "Mark Rutte")


def test_the_same_office_links_a_wrong_first_name():
    entities = entities_of(
        ("Ledger", "NATO Secretary General Mark Rutte visited Kyiv."),
        ("Wire", "NATO Secretary General Martin Rutte visited Kyiv."),
    )
    assert person(entities, "Mark Rutte") is person(entities, "Martin Rutte")


def test_a_surname_alone_goes_to_the_person_named_in_the_same_document():
    entities = entities_of(
        ("Ledger", "Bill Clinton spoke. Clinton smiled."),
        ("Wire", "Hillary Clinton spoke. Clinton frowned."),
    )
    bill, hillary = (
        person(entities, "Bill Clinton"),
        person(entities, "Hillary Clinton"),
    )
    assert (bill.spellings, bill.sources) == (["Bill Clinton", "Clinton"], ["Ledger"])
    assert (hillary.spellings, hillary.sources) == (
        ["Clinton", "Hillary Clinton"],
        ["Wire"],
    )


def test_reference_aliases_join_transliterations():
    reference = Reference(
        (
            ReferenceName(
                "Volodymyr Zelensky",
                ("Volodymyr Zelenskyy", "Zelenskyy"),
                "Ukrainian President",
            ),
        )
    )
    entities = entities_of(
        ("Ledger", "Volodymyr Zelensky spoke."),
        ("Wire", "Volodymyr Zelenskyy spoke."),
        reference=reference,
    )
    zelensky = person(entities, "Volodymyr Zelensky")
    assert zelensky is person(entities, "Volodymyr Zelenskyy")
    assert zelensky.reference == reference.names[0]


def test_a_weighted_mention_counts_as_that_many_identical_ones():
    rutter, rutte = extract_mentions(
        claims_of("Mark Rutter spoke in Oslo. Mark Rutte spoke in Oslo.", "Ledger"),
        "builtin",
    )[::2]
    assert (rutter.text, rutte.text) == ("Mark Rutter", "Mark Rutte")
    assert [e.name for e in link([rutter, rutte])] == [
        "Mark Rutte"
    ]  # a tie: the first in alphabetical order
    assert [e.name for e in link([replace(rutter, weight=2), rutte])] == ["Mark Rutter"]
    assert [e.name for e in link([rutter, rutter, rutte])] == ["Mark Rutter"]


def test_unknown_extractor_is_a_clean_error():
    with pytest.raises(ClaimcheckError):
        extract_mentions(claims_of("Putin spoke.", "Wire"), "nonsense")


def test_entities_are_stored_listed_and_their_claims_found(claimcheck, tmp_path):
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_df24da9ed9f199a2.txt"
    assert (
        claimcheck(
            "ingest", seed, "--source", "Seed", "--published", "2025-08-20"
        ).exit_code
        == 0
    )
    refresh(Store(claimcheck.db))
    rows = {
        row["name"]: row for row in json.loads(claimcheck("entities", "--json").output)
    }
    assert rows["Vladimir Putin"]["aliases"] == "Putin"
    assert (
        rows["Vladimir Putin"]["sources"] == "Seed"
        and rows["Vladimir Putin"]["claims"] >= 5
    )
    assert (
        rows["Frederik Merz"]["roles"] == "German Chancellor"
        and rows["Frederik Merz"]["reference"] is None
    )

    reference = tmp_path / "names.csv"
    reference.write_text(
        "name,aliases,role\nFriedrich Merz,Merz,German Chancellor\n", encoding="utf-8"
    )
    result = claimcheck("entities", "reference", reference)
    assert result.exit_code == 0, result.output
    rows = {
        row["name"]: row for row in json.loads(claimcheck("entities", "--json").output)
    }
    assert (
        rows["Friedrich Merz"]["aliases"] == "Frederik Merz"
        and rows["Friedrich Merz"]["reference"]
    )

    merz = json.loads(
        claimcheck("claims", "--entity", "friedrich merz", "--json").output
    )
    assert [row["mention"] for row in merz] == ["Frederik Merz"] and merz[0][
        "source"
    ] == "Seed"
    assert (
        claimcheck("claims", "--entity", "Frederik Merz", "--json").output
        == claimcheck("claims", "--entity", "Friedrich Merz", "--json").output
    )


def test_bad_reference_file_and_unknown_entity_exit_2(claimcheck, tmp_path):
    bad = tmp_path / "names.csv"
    bad.write_text("who\nMerz\n", encoding="utf-8")
    result = claimcheck("entities", "reference", bad)
    assert (
        result.exit_code == 2
        and result.output.startswith("Error: ")
        and "header" in result.output
    )
    good = tmp_path / "ok.csv"
    good.write_text("name\nMerz\n", encoding="utf-8")
    assert claimcheck("entities", "reference", good).exit_code == 0
    result = claimcheck("claims", "--entity", "Nobody")
    assert result.exit_code == 2 and "no entity named 'Nobody'" in result.output


@pytest.mark.parametrize(
    "text, name",
    [
        ("Former Prime Minister Theresa May spoke on Tuesday.", "Theresa May"),
        ("Chief executive Lena March is expected to step down.", "Lena March"),
        ("The singer June Carter recorded the song in 1961.", "June Carter"),
        (
            "Lawmakers heard from Judge Elena August, who led the inquiry.",
            "Elena August",
        ),
    ],
)
def test_a_month_after_a_given_name_is_a_surname(text, name):
    [claim] = claims_of(text, "Wire")
    assert name in {m.text for m in builtin_mentions(claim)}


@pytest.mark.parametrize(
    "text, name",
    [
        ("The council met Tuesday March 3 to vote.", None),
        ("President Joe Biden March 3 signed the bill.", "Joe Biden"),
        ("Voters in Ohio May 5 chose a new mayor.", "Ohio"),
        ("In March President Joe Biden signed the bill.", "Joe Biden"),
    ],
)
def test_a_month_in_a_date_is_not_part_of_a_name(text, name):
    [claim] = claims_of(text, "Wire")
    texts = {m.text for m in builtin_mentions(claim)}
    assert not any(m in t.split() for t in texts for m in ("March", "May"))
    assert name is None or name in texts


def test_an_organisation_named_with_and_is_one_name():
    from claimcheck.analysis.entities import builtin_mentions
    from tests.conftest import claim

    texts = {
        "Tom Brannagh, general secretary of the Bakers and Food Workers Union, spoke.": [
            "Tom Brannagh",
            "Bakers and Food Workers Union",
        ],
        "Smith and Jones met in Paris.": ["Smith", "Jones", "Paris"],
    }
    for text, names in texts.items():
        assert [
            m.text for m in builtin_mentions(claim("c1", text, None, None))
        ] == names


def test_a_place_and_its_adjective_are_no_misspelling():
    from claimcheck.analysis.entities import similar_surname

    assert not similar_surname("ostrevian", "ostrevia")
    assert not similar_surname("kestria", "kestrian")
    assert similar_surname("vosberg", "vossberg")
