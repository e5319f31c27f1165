"""The structured reading of claims: parts from the parse, document context, storage with an analysis version."""

import pytest

from claimcheck.analysis.reading import (
    ANALYSIS_VERSION,
    Reading,
    document_contexts,
    read_claims,
)
from claimcheck.ingest.claims import extract_claims
from claimcheck.pipeline import ingest, stored_readings
from claimcheck.records import Document
from claimcheck.store.database import Store
from tests.conftest import claim as make_claim

ARTICLE = """---
id: lakeside-budget
source: Lakeside Echo
title: Lakeside council backs a 3 percent tax rise
published: 2025-08-20
---
Lakeside council backs a 3 percent tax rise

LAKESIDE — The council voted seven to two on Tuesday to raise property taxes by 3 percent.

Turnout in the by-election was 41 percent, officials said.

The club signed an 8-year lease on the old mill.

No injuries were reported in the mill fire.
"""


def read(text, published=None):
    claim = make_claim("c", text, "d", published=published)
    return read_claims([claim])[0]


@pytest.fixture(scope="module")
def article():
    return Document(
        id="lakeside-budget",
        source="Lakeside Echo",
        text=ARTICLE,
        path="lakeside.md",
        title="Lakeside council backs a 3 percent tax rise",
        published="2025-08-20",
    )


def test_the_headline_is_context_not_a_claim(article):
    claims = extract_claims(article)
    assert claims and not any("backs a 3 percent" in c.text for c in claims)
    context = document_contexts([article])[article.id]
    assert context.about[0].startswith("lakeside") and context.dateline == "Lakeside"
    assert context.headline == "Lakeside council backs a 3 percent tax rise"


def test_figures_know_what_they_measure():
    (turnout,) = read(
        "Turnout in the by-election was 41 percent, officials said."
    ).figures
    assert (turnout.value, turnout.unit, turnout.measures) == (
        41,
        "percent",
        ("turnout",),
    )
    (lease,) = read("The club signed an 8-year lease on the old mill.").figures
    assert lease.unit == "duration" and "leas" in lease.measures
    (tax,) = read("Critics warned that property taxes would rise by 5 percent.").figures
    assert "tax" in tax.measures and "ris" in tax.measures
    assert read(
        "Critics warned that property taxes would rise by 5 percent."
    ).hypothetical


def test_tallies_in_words_and_relative_dates():
    reading = read(
        "The council voted seven to two on Tuesday to raise property taxes.",
        published="2025-08-20",
    )
    (count,) = reading.counts
    assert (count.high, count.low, count.unit) == (7, 2, "vote")
    (tuesday,) = reading.dates
    assert (tuesday.year, tuesday.month, tuesday.day, tuesday.relative) == (
        2025,
        8,
        19,
        True,
    )
    assert [
        (c.high, c.low, c.unit) for c in read("They won by three points to one.").counts
    ] == [(3, 1, "score")]
    assert read("The figure rose from one point to two.").counts == ()
    will = read("The council will vote on Tuesday.", published="2025-08-20").dates[0]
    assert (will.month, will.day) == (8, 26)


def test_polarity_roles_and_stances():
    assert read("No injuries were reported in the mill fire.").negated
    assert not read("Three people were injured in the mill fire.").negated
    assert read(
        "Well, it's not, it's not very expensive for a remote control."
    ).negated  # repeated, not doubled
    assert read("The governor refused to sign the bill.").negated
    assert not read("The governor did not refuse to sign the bill.").negated
    passive = read("The referendum was rejected by voters.")
    assert (passive.actor, passive.patient) == (("voter",), ("referendum",))
    (stance,) = read("Hungary opposes new sanctions on Russian oil.").stances
    assert (stance.actor, stance.side, stance.target) == (
        "Hungary",
        -1,
        "sanction",
    ) and "oil" in stance.qualifiers
    assert [
        (s.side, s.target)
        for s in read("Trump wants peace rather than a ceasefire.").stances
    ] == [(1, "peac"), (-1, "ceasefir")]


@pytest.mark.parametrize(
    "text, actor, side, target",
    [
        (
            "Mayor Dana Whitlock, who has long been skeptical of the project, voted against it.",
            "Dana Whitlock",
            -1,
            "project",
        ),
        (
            "The senator read the bill twice and then rejected it.",
            "senator",
            -1,
            "bill",
        ),
        ("Unions backed the plan, but Governor Ruiz opposed it.", "Ruiz", -1, "plan"),
        (
            "Parents liked the new rules, and the board endorsed them.",
            "board",
            1,
            "rul",
        ),
    ],
)
def test_a_pronoun_a_stance_is_taken_on_stands_for_the_noun_before_it(
    text, actor, side, target
):
    stances = {(s.side, s.target): s.actor for s in read(text).stances}
    assert actor in stances.get((side, target), ""), stances


def test_a_pronoun_with_nothing_before_it_is_no_stance_target():
    assert not read("Lee rejected it.").stances
    assert not read("The unions opposed them.").stances  # "unions" is the actor


@pytest.mark.parametrize(
    "text, actor, side, target",
    [
        ("The mayor is opposed to the stadium.", "mayor", -1, "stadium"),
        ("Economists remain skeptical of the new tax plan.", "Economists", -1, "plan"),
        ("Farm groups were critical of the trade deal.", "groups", -1, "deal"),
        ("Governor Ruiz is supportive of the housing bill.", "Ruiz", 1, "bill"),
        (
            "Mayor Dana Whitlock, who has long been skeptical of the project, spoke first.",
            "Dana Whitlock",
            -1,
            "project",
        ),
    ],
)
def test_adjectives_of_support_or_opposition_state_a_stance(text, actor, side, target):
    stances = {(s.side, s.target): s.actor for s in read(text).stances}
    assert actor in stances.get((side, target), ""), stances


@pytest.mark.parametrize(
    "text",
    [
        "The second goal was critical to the win.",
        "Critical supplies reached the town on Friday.",
        "The report was skeptical.",
    ],
)
def test_adjectives_without_their_object_state_no_stance(text):
    assert not read(text).stances


def test_a_reading_survives_the_store_as_json():
    reading = read(
        "The council voted 7-2 on Tuesday, and 41 percent turned out.",
        published="2025-08-20",
    )
    assert Reading.from_dict(reading.to_dict()) == reading


def test_readings_are_stored_at_ingest_and_recomputed_when_stale(tmp_path):
    (tmp_path / "lakeside.md").write_text(ARTICLE, encoding="utf-8")
    store = Store(tmp_path / "claims.db")
    ingest(store, [str(tmp_path / "lakeside.md")])
    claims = store.active_claims()
    assert set(store.readings([c.id for c in claims], ANALYSIS_VERSION)) == {
        c.id for c in claims
    }

    store.db.execute(
        "update claim_readings set version = ?, reading = '{}'", [ANALYSIS_VERSION - 1]
    )
    readings = stored_readings(
        store, claims
    )  # stale: recomputed from the stored documents, and saved
    assert readings[claims[0].id].context[0].startswith("lakeside")
    rows = store.db.execute("select distinct version from claim_readings").fetchall()
    assert rows == [(ANALYSIS_VERSION,)]


def test_claims_without_a_verb_are_read_too():
    """A verbless line (a caption, a score line) once sent the date reader climbing forever."""
    (sunday,) = read("Results: 3-1 on Sunday", published="2025-08-20").dates
    assert (sunday.month, sunday.day) == (8, 17)
    assert read("Tuesday.", published="2025-08-20").dates[0].day == 19


def test_a_denied_adjective_of_opposition_is_support():
    (stance,) = read("The mayor is not opposed to the stadium.").stances
    assert (stance.actor, stance.side, stance.target) == ("mayor", 1, "stadium")


@pytest.mark.parametrize(
    "headline, lead, about",
    [
        (
            "Ferry Runs Aground Off Tolland Island",
            "PORT ELLICK — A passenger ferry ran aground off Tolland Island late on Saturday.",
            "tolland island",
        ),
        (
            "Tunnel Closure Angers Harwick Commuters",
            "HARWICK — The tunnel closure will add an hour to commuters' journeys, the council said.",
            "harwick",
        ),
    ],
)
def test_a_capitalised_headline_word_the_lead_writes_in_lower_case_is_no_name(
    headline, lead, about
):
    text = f"---\nid: d\nsource: S\ntitle: {headline}\n---\n{headline}\n\n{lead}\n"
    document = Document(id="d", source="S", text=text, path="d.md", title=headline)
    context = document_contexts([document])["d"]
    assert context.about[0] == about
    assert not {"ferry", "tunnel", "tunnel closure"} & set(context.about)


def test_a_large_batch_read_in_two_processes_reads_as_one(monkeypatch, article):
    from claimcheck import parallel
    from claimcheck.analysis import reading

    claims = extract_claims(article) * 3
    contexts = document_contexts([article])
    serial = read_claims(claims, contexts)
    monkeypatch.setattr(reading, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    assert read_claims(claims, contexts) == serial


def test_a_share_is_of_the_noun_it_modifies_not_of_its_whole():
    (clause,) = read("The deal includes a 15 per cent sell-on clause.").figures
    assert "claus" in clause.of
    (cut,) = read(
        "The reductions amount to about 12 per cent of the company's workforce."
    ).figures
    assert "workforc" not in cut.of  # the whole the reductions are a share of


@pytest.mark.parametrize(
    "text, tally",
    [
        ("Lindqvist received 18,412 votes to Greaves's 15,907.", (18412, 15907)),
        ("The challenger had 18,412 votes and the incumbent 16,907.", (18412, 16907)),
        ("Mendez won with 9,204 votes against 8,877 for Ruiz.", (9204, 8877)),
        ("Of 12,000 votes cast, 7,000 were postal.", None),
        ("Turnout rose to 20,000 votes from 15,000 in 2022.", None),
    ],
)
def test_two_vote_counts_in_one_sentence_are_a_tally(text, tally):
    counts = [(c.high, c.low) for c in read(text).counts if c.unit == "vote"]
    assert counts == ([tally] if tally else [])


@pytest.mark.parametrize(
    "text, names",
    [
        ("Greaves refused to concede on Tuesday night.", ("greaves",)),
        ("Mayor Greaves refused to concede.", ("mayor greaves",)),
        ("Supporters refused to leave the hall.", ()),
    ],
)
def test_a_name_the_document_knows_is_a_name_however_tagged(text, names):
    from claimcheck.analysis.reading import Context, read_claims
    from tests.conftest import claim as make_claim

    (reading,) = read_claims(
        [make_claim("c1", text, "d1")],
        {
            "d1": Context(
                about=("port ellery", "alastair greaves", "supporters club"),
                people=("greaves",),
            )
        },
    )
    assert reading.subject_names == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("Jurors returned their verdicts on Thursday.", ()),
        ("Wynn conceded defeat graciously.", ("wynn",)),
        ("Greaves refused to concede.", ("greaves",)),
        ("Halloran won the seat.", ("halloran",)),
    ],
)
def test_a_capitalised_first_word_is_a_name_only_if_no_common_noun(text, names):
    from claimcheck.analysis.reading import Context, read_claims
    from tests.conftest import claim as make_claim

    (reading,) = read_claims(
        [make_claim("c1", text, "d1")],
        {"d1": Context(about=("ashcombe", "priya halloran"), people=("greaves",))},
    )
    assert reading.subject_names == names


@pytest.mark.parametrize(
    "text, day",
    [
        # 2025-08-20 is a Wednesday: the Saturday before is the 16th, the one after the 23rd
        ("Margrave will become mayor after beating Quell in Saturday's run-off.", 16),
        ("Voters heading to the polls on Saturday will choose a new mayor.", 23),
        ("The team, beaten on Saturday, has dropped to fourth.", 16),
        ("Since winning on Saturday, the club has signed two players.", 16),
    ],
)
def test_a_participle_takes_its_clause_tense_unless_it_went_before(text, day):
    (saturday,) = read(text, published="2025-08-20").dates
    assert saturday.day == day


@pytest.mark.parametrize(
    "text",
    [
        "Marsh opened the scoring in the 12th minute.",
        "The 3rd round was postponed.",
        "It was the club's 21st title.",
    ],
)
def test_an_ordinal_is_no_figure(text):
    assert read(text).figures == ()


@pytest.mark.parametrize(
    "text, day",
    [  # 2025-08-20 is a Wednesday
        ("The flight was forced to abandon its journey on Saturday.", 16),
        ("The council voted to close the school on Saturday.", 16),
        ("The council plans to vote on Saturday.", 23),
        ("The board will meet to decide on Saturday.", 23),
    ],
)
def test_an_infinitive_takes_its_clause_tense(text, day):
    (saturday,) = read(text, published="2025-08-20").dates
    assert saturday.day == day


@pytest.mark.parametrize(
    "text, clause",
    [
        (
            "Investigators believe the fire ignited on July 11 near a campground, though no cause is known.",
            "the fire ignited near a campground",
        ),
        ("Margrave won Thursday's election in Ashcombe.", "election"),
        ("Kick-off in Friday night's final was delayed.", "final"),
        (
            "The tram derailed on Saturday evening near the depot.",
            "The tram derailed near the depot",
        ),
        (
            "Orvane stock, which climbed 11 percent on Tuesday, fell.",
            "Orvane stock climbed 11 percent",
        ),
        ("It had burned 3,200 hectares by Tuesday morning.", ""),
        ("The road will stay closed until Friday.", ""),
        ("The fire had been contained as of Sunday.", ""),
        ("Calder had beaten Rovers 2-0 in May.", ""),
    ],
)
def test_the_clause_of_a_dated_event_is_its_words_without_the_date(text, clause):
    assert [d.clause for d in read(text).dates if d.event] == [clause]
