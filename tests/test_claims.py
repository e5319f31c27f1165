from pathlib import Path

import pytest

from claimcheck.ingest.claims import extract_claims
from claimcheck.ingest.documents import load_documents
from claimcheck.records import Document, claim_id

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_df24da9ed9f199a2.txt"


def claims_of(text: str, **fields):
    return extract_claims(
        Document(id="doc", source="test", text=text, path="doc.txt", **fields)
    )


def texts(text: str) -> list[str]:
    return [claim.text for claim in claims_of(text)]


def speakers(text: str) -> dict[str, str | None]:
    return {claim.text: claim.speaker for claim in claims_of(text)}


@pytest.fixture(scope="module")
def seed():
    [document] = load_documents([str(SEED)])
    return document, extract_claims(document)


def claim_containing(claims, fragment):
    [claim] = [claim for claim in claims if fragment in claim.text]
    return claim


# --- the seed article --------------------------------------------------------------------------


def test_seed_claims_have_exact_provenance(seed):
    document, claims = seed
    raw = SEED.read_text(encoding="utf-8")
    assert len(claims) > 30
    for claim in claims:
        span = document.text[claim.start : claim.end]
        assert span and span == span.strip() and span == raw[claim.start : claim.end]
        assert claim.sentence in document.text and span in claim.sentence
        assert claim.line == raw.count("\n", 0, claim.start) + 1
        assert claim.column == claim.start - (raw.rfind("\n", 0, claim.start) + 1) + 1
        assert (claim.document, claim.version, claim.source, claim.path) == (
            document.id,
            document.version,
            document.source,
            document.path,
        )
        assert claim.id == claim_id(
            document.id, document.version, claim.start, claim.end, claim.text
        )
        assert claim.text[0].isupper() and claim.text[-1] in '.!”"'


def test_seed_has_no_boilerplate_claims(seed):
    _, claims = seed
    assert not [
        claim
        for claim in claims
        if "Recent Random Post" in claim.text or "Recent Random Post" in claim.sentence
    ]


def test_seed_merz_sentence_is_kept(seed):
    _, claims = seed
    merz = claim_containing(claims, "Frederik Merz")
    assert (
        merz.text
        == "The subsequent White House meeting on August 18 was attended by German Chancellor Frederik Merz."
    )
    assert "Frederik Merz" in merz.sentence


def test_seed_speakers(seed):
    _, claims = seed
    assert claim_containing(claims, "“a starting point”").speaker == "Putin"
    assert claim_containing(claims, "both sides made great progress").speaker == "Trump"
    assert (
        claim_containing(
            claims, "security guarantees for Ukraine were also meant"
        ).speaker
        == "Macron"
    )
    assert claim_containing(claims, "optimistic step").speaker == "Rutte"
    assert claim_containing(claims, "Business-like".lower()).speaker == "Putin"
    assert (
        claim_containing(claims, "summit reportedly fostered").speaker == "Putin"
    )  # Putin's remark that ...
    assert claim_containing(claims, "Minor skirmishes").speaker is None


def test_seed_pronouns_resolve(seed):
    _, claims = seed
    ceasefire = claim_containing(
        claims, "insisted on a ceasefire before substantive talks"
    )
    assert ceasefire.speaker == "European participants"
    assert (
        ceasefire.text
        == "European participants insisted on a ceasefire before substantive talks could begin."
    )
    assert (
        ceasefire.sentence
        == "They insisted on a ceasefire before substantive talks could begin."
    )
    wrench = claim_containing(claims, "throw a wrench")
    assert wrench.speaker == "Putin" and wrench.text.startswith("Putin expressed hope")


def test_seed_trump_lasting_peace(seed):
    _, claims = seed
    assert (
        claim_containing(
            claims, "lasting peace rather than temporary ceasefires"
        ).speaker
        == "Trump"
    )


def test_seed_atomic_splits(seed):
    _, claims = seed
    texts_ = [claim.text for claim in claims]
    assert "European participants voiced cautious optimism." in texts_
    assert (
        "European participants highlighted unresolved issues, including territorial adjustments "
        "and civilian exchanges."
    ) in texts_
    assert "Trump ruled out NATO membership for Kyiv." in texts_
    assert "Trump noted that Putin appeared open to such assurances." in texts_
    assert claim_containing(claims, "ruled out NATO").speaker == "Trump"


def test_deterministic(seed):
    document, claims = seed
    assert extract_claims(document) == claims
    [again] = load_documents([str(SEED)])
    assert extract_claims(again) == claims


# --- splitting ---------------------------------------------------------------------------------


def test_shared_subject_is_split_per_actor():
    text = "Trump and Putin agreed that Ukraine should receive security guarantees."
    claims = claims_of(text)
    assert [(c.text, c.speaker) for c in claims] == [
        ("Trump agreed that Ukraine should receive security guarantees.", "Trump"),
        ("Putin agreed that Ukraine should receive security guarantees.", "Putin"),
    ]
    assert all((c.start, c.end) == (0, len(text)) for c in claims)
    assert claims[0].id != claims[1].id


def test_shared_subject_with_three_actors_and_titles():
    assert speakers(
        "President Trump, Emmanuel Macron and Mark Rutte agreed to meet again."
    ) == {
        "President Trump agreed to meet again.": "Trump",
        "Emmanuel Macron agreed to meet again.": "Emmanuel Macron",
        "Mark Rutte agreed to meet again.": "Mark Rutte",
    }


def test_symmetric_actions_are_not_split():
    assert texts("Trump and Putin met in Alaska.") == ["Trump and Putin met in Alaska."]
    assert texts("Trump and Putin agreed with each other on Friday.") == [
        "Trump and Putin agreed with each other on Friday."
    ]


def test_coordinated_clauses():
    text = (
        "Prices rose 3.5% in August, and the central bank raised rates by 0.25 points."
    )
    claims = claims_of(text)
    assert [c.text for c in claims] == [
        "Prices rose 3.5% in August.",
        "The central bank raised rates by 0.25 points.",
    ]
    assert [text[c.start : c.end] for c in claims] == [
        "Prices rose 3.5% in August",
        "the central bank raised rates by 0.25 points.",
    ]


def test_semicolon_and_while_clauses():
    assert texts(
        "The army withdrew from the city; the government declared victory."
    ) == ["The army withdrew from the city.", "The government declared victory."]
    assert speakers(
        "The White House said it would not comment, while the Kremlin denied the report."
    ) == {
        "The White House said it would not comment.": "White House",
        "The Kremlin denied the report.": "Kremlin",
    }


def test_shared_subject_verb_phrases():
    assert speakers(
        "Officials said the talks would resume in May but declined to give a date."
    ) == {
        "Officials said the talks would resume in May.": "Officials",
        "Officials declined to give a date.": "Officials",
    }


def test_participant_list():
    claims = texts("The meeting was attended by Zelensky, Macron and Rutte.")
    assert claims == [
        "The meeting was attended by Zelensky.",
        "The meeting was attended by Macron.",
        "The meeting was attended by Rutte.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The guns were seized and destroyed by police.",
        "He said “we will win, and they will lose” at the rally.",
        "Incremental measures—such as exchanges, and the deployment of a force—could help.",
        "Putin said the talks were useful and productive.",
        "He was held on suspicion of fraud, theft, and forming an organized crime group for 30 days.",
    ],
)
def test_unclear_sentences_stay_whole(sentence):
    assert texts(sentence) == [sentence]


# --- speakers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Putin described the meeting as a starting point.", "Putin"),
        (
            "French President Emmanuel Macron stressed that guarantees matter.",
            "Emmanuel Macron",
        ),
        ("NATO Secretary General Mark Rutte warned of new attacks.", "Mark Rutte"),
        ("According to Reuters, the deal collapsed on Monday.", "Reuters"),
        ("“We made great progress,” Trump said.", "Trump"),
        ("The talks failed, Putin told reporters on Friday.", "Putin"),
        ("“The talks failed,” said Zelensky.", "Zelensky"),
        (
            "Dr. Jane Lee, a U.S. expert, said the plan would cost 3.5 billion dollars.",
            "Jane Lee",
        ),
        ("Germany's chancellor rejected the proposal.", None),
        ("The summit ended without a deal.", None),
        ("Zelensky called for more air defence systems.", "Zelensky"),
        ("Ukraine’s allies urged restraint.", None),
        ("Kyiv rejected any territorial concessions.", "Kyiv"),
    ],
)
def test_speaker(text, speaker):
    [claim] = claims_of(text)
    assert claim.speaker == speaker


def test_pronouns_follow_the_latest_actor_of_their_number():
    claims = claims_of(
        "Ms. Jane Lee warned that prices would rise. European officials disagreed with her. "
        "She added that talks would continue. They insisted on a delay."
    )
    assert [(c.text, c.speaker) for c in claims][2:] == [
        ("Jane Lee added that talks would continue.", "Jane Lee"),
        ("European officials insisted on a delay.", "European officials"),
    ]


def test_unresolved_pronoun_is_left_alone():
    [claim] = claims_of("She said the plan was good.")
    assert (claim.text, claim.speaker) == ("She said the plan was good.", None)


# --- what is skipped ---------------------------------------------------------------------------


def test_non_claims_are_skipped():
    text = (
        "# Summit Ends Without Deal\n\nBy Jane Doe and John Roe\nUpdated: Aug. 15, 2025, 10:00\n"
        "Photo: Reuters\nThe summit ended without a deal.\nIs this the end of the war?\n"
        "Share this article\nAdvertisement\nWe use cookies to improve your experience. Accept all cookies.\n"
        "Related: Trump meets Zelensky\nClick here to subscribe.\nTrump and Putin in Alaska\n"
        "(Photo by Jane Doe/Getty Images)\n© 2025 Example Media. All rights reserved.\n"
    )
    assert texts(text) == ["The summit ended without a deal."]


def test_front_matter_is_not_claimed_and_offsets_index_the_file():
    text = "---\ntitle: Talks resumed in Geneva today\nsource: AP\n---\nTalks resumed in Geneva on Monday.\n"
    [claim] = claims_of(text)
    assert claim.text == "Talks resumed in Geneva on Monday."
    assert (claim.line, claim.column, text[claim.start : claim.end]) == (
        5,
        1,
        "Talks resumed in Geneva on Monday.",
    )


def test_markdown_bullets_are_claims_without_the_marker():
    text = "Key points:\n\n- Putin said the talks were useful.\n- Trump praised the host.\n"
    claims = claims_of(text)
    assert [(c.text, text[c.start : c.end], c.column) for c in claims] == [
        ("Putin said the talks were useful.", "Putin said the talks were useful.", 3),
        ("Trump praised the host.", "Trump praised the host.", 3),
    ]


def test_batch_records_use_record_line_and_published():
    [claim] = claims_of(
        "Talks resumed on Monday.", record_line=7, published="2025-08-15"
    )
    assert (claim.line, claim.column, claim.published) == (7, 1, "2025-08-15")


def test_empty_document_has_no_claims():
    assert claims_of("Recent Random Post:\n\n") == []


def test_they_and_both_refer_to_the_latest_plural_actor():
    claims = claims_of(
        "Trump and Putin agreed to talk. They later met again. "
        "During the talks, both leaders underscored progress. Both leaders envisaged a summit. "
        "Both also said more."
    )
    assert [c.text for c in claims][2:] == [
        "Trump and Putin later met again.",
        "During the talks, both leaders underscored progress.",
        "Both leaders envisaged a summit.",
        "Both leaders also said more.",
    ]
    assert claims[-1].speaker == "Both leaders"


def test_the_latest_clause_sets_the_antecedent():
    claims = claims_of(
        "Critics argue the plan rewards aggression; supporters say it is the only realistic option. "
        "They say the plan is fine."
    )
    assert [(c.text, c.speaker) for c in claims] == [
        ("Critics argue the plan rewards aggression.", "Critics"),
        ("Supporters say it is the only realistic option.", "Supporters"),
        ("Supporters say the plan is fine.", "Supporters"),
    ]


def test_dateline_is_not_part_of_the_claim():
    text = "KYIV, Aug 19 (Reuters) - Zelensky said Kyiv was ready, but the Kremlin said no date had been set."
    claims = claims_of(text)
    assert [(c.text, c.speaker) for c in claims] == [
        ("Zelensky said Kyiv was ready.", "Zelensky"),
        ("The Kremlin said no date had been set.", "Kremlin"),
    ]
    assert text[claims[0].start : claims[0].end] == "Zelensky said Kyiv was ready"


@pytest.mark.parametrize(
    "dateline", ["TALLINN — ", "NEW YORK (AP) — ", "WASHINGTON -- "]
)
def test_bare_dateline_is_not_part_of_the_claim(dateline):
    text = dateline + "Putin and Trump met in Alaska on August 14."
    claims = claims_of(text)
    assert [c.text for c in claims] == ["Putin and Trump met in Alaska on August 14."]
    assert text[claims[0].start :].startswith("Putin")


def test_a_sentence_opening_with_an_acronym_keeps_it():
    assert [c.text for c in claims_of("UN officials said the talks would resume.")] == [
        "UN officials said the talks would resume."
    ]


def test_appositives_do_not_hide_the_speaker():
    assert speakers(
        "Mr. Trump, speaking at the White House, insisted that a deal was close."
    ) == {
        "Mr. Trump, speaking at the White House, insisted that a deal was close.": "Trump"
    }


def test_markdown_article(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\nsource: Wire\n---\n# Trump says Ukraine will not join NATO\n\nBy Jane Doe\n\n*Photo: AP*\n\n"
        "President Trump said on Monday that Ukraine would not join NATO.\n\n"
        '> "We will never accept occupation," Zelensky told the crowd.\n\nShare this article\n',
        encoding="utf-8",
    )
    [document] = load_documents([str(path)])
    claims = extract_claims(document)
    assert [(c.line, c.column, c.speaker, c.text) for c in claims] == [
        (
            10,
            1,
            "Trump",
            "President Trump said on Monday that Ukraine would not join NATO.",
        ),
        (
            12,
            3,
            "Zelensky",
            '"We will never accept occupation," Zelensky told the crowd.',
        ),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Trump said it rained, and " * 1500 + "it ended.",
        "Trump " + "A B C D E F G H " * 2000 + "said.",
        "Trump, " + "Abc, " * 10000 + "and Def agreed.",
    ],
)
def test_run_on_sentences_are_kept_whole_quickly(text):
    [claim] = claims_of(text)
    assert (claim.start, claim.end) == (0, len(text))


def test_participant_lists_with_a_main_clause():
    assert speakers("Trump, joined by Vance and Rubio, said the deal was close.") == {
        "Trump was joined by Vance.": None,
        "Trump was joined by Rubio.": None,
        "Trump said the deal was close.": "Trump",
    }
    assert texts(
        "The talks, attended by Macron, Merz and Meloni, reportedly ended early."
    )[-1] == ("The talks reportedly ended early.")
    assert texts(
        "The talks, attended by officials from Kyiv and Moscow, ended early."
    ) == ["The talks, attended by officials from Kyiv and Moscow, ended early."]


def test_the_n_year_old_is_the_latest_person_named():
    from claimcheck.records import Document

    text = (
        "---\nid: d\nsource: S\n---\nRunner wins\n\n"
        "RIVERTON — Kenya's Daniel Kiprotich won the Riverton Marathon on Sunday.\n\n"
        "The 24-year-old, running only his second marathon, finished 11 seconds ahead.\n\n"
        "The 19-year-olds in the field finished later.\n"
    )
    claims = [
        c.text
        for c in extract_claims(Document(id="d", source="S", text=text, path="d.md"))
    ]
    assert (
        "Daniel Kiprotich, the 24-year-old, running only his second marathon, finished 11 seconds ahead."
        in claims
    )
    assert any(c.startswith("The 19-year-olds") for c in claims)


def test_documents_split_in_two_processes_split_as_in_one(monkeypatch):
    from claimcheck import parallel
    from claimcheck.ingest.claims import claims_of_each

    documents = load_documents(
        [str(Path(__file__).parent.parent / "fixtures" / "news")]
    )
    serial = claims_of_each(documents)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    halves = parallel.in_halves(claims_of_each, documents, at_least=2)
    assert halves == serial and len(halves) == len(documents) > 2
