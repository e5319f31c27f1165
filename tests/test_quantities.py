import pytest

from claimcheck.analysis.quantities import (
    DateMention,
    Quantity,
    Tally,
    extract,
    parse_number_words,
)


def quantity(text):
    (found,) = extract(text).quantities
    return found


def date(text):
    (found,) = extract(text).dates
    return found


@pytest.mark.parametrize(
    "text, value, unit, qualifier",
    [
        ("Turnout was 61 percent.", 61, "percent", None),
        ("turnout reached 61%", 61, "percent", None),
        ("61 per cent of voters", 61, "percent", None),
        ("The attack killed 14 people.", 14, "deaths", None),
        ("killed 14", 14, "deaths", None),
        ("Fourteen people died.", 14, "deaths", None),
        ("41 people were killed and 30 wounded", 41, "deaths", None),
        ("the death toll rose to 14", 14, "deaths", None),
        ("a dozen soldiers were wounded", 12, "injuries", None),
        ("seven European leaders attended", 7, "leader", None),
        (
            "over three years",
            3 * 525960,
            "duration",
            "over",
        ),  # durations compare in minutes
        ("about three hours", 180, "duration", "about"),
        (
            "a three-year deal",
            3 * 525960,
            "duration",
            None,
        ),  # a compound adjective is a duration too
        ("nearly 40 percent", 40, "percent", "nearly"),
        ("more than 2,000 troops", 2000, "troop", "more than"),
        ("at least 40 people died", 40, "deaths", "at least"),
        ("a $1.5 billion budget", 1.5e9, "usd", None),
        ("5 million euros", 5e6, "eur", None),
        ("two hundred and five members", 205, "member", None),
        ("twenty-one senators", 21, "senator", None),
    ],
)
def test_quantities(text, value, unit, qualifier):
    found = extract(text).quantities[0]
    assert (found.value, found.unit, found.qualifier) == (value, unit, qualifier)


def test_casualties_follow_the_nearest_cue():
    deaths, injuries = extract(
        "The blast killed 41 people and injured 30 others."
    ).quantities
    assert (deaths.unit, injuries.unit) == ("deaths", "injuries")


@pytest.mark.parametrize(
    "text", ["one of the leaders", "No one was hurt", "someone said", "a person"]
)
def test_no_false_numbers(text):
    assert extract(text).quantities == ()


@pytest.mark.parametrize(
    "a, b, compatible",
    [
        ("61 percent", "58 percent", False),
        ("about 60 percent", "61 percent", True),
        ("more than 40 people died", "41 people died", True),
        ("more than 40 people died", "38 people died", False),
        ("fewer than 40 people died", "41 people died", False),
        ("over 3 years", "3.5 years", True),
        ("3 years", "5 years", False),
        ("$2 billion", "$2,000 million", True),
        ("2,000 homes", "2,100 homes", True),  # round figures are read as approximate
        ("14 people", "15 people", False),
        ("about three hours", "45 minutes", False),
        ("two days", "48 hours", True),
        ("about three hours", "170 minutes", True),
    ],
)
def test_compatibility(a, b, compatible):
    assert quantity(a).compatible(quantity(b)) is compatible


@pytest.mark.parametrize(
    "text, high, low, unit",
    [
        ("a 3-2 ruling", 3, 2, "vote"),
        ("a unanimous ruling", None, 0, "vote"),
        ("The Senate vote was 52-48.", 52, 48, "vote"),
        ("Arsenal won 2-1", 2, 1, "score"),
        ("Chelsea lost 0-3", 3, 0, "score"),
    ],
)
def test_tallies(text, high, low, unit):
    (found,) = extract(text).tallies
    assert (found.high, found.low, found.unit) == (high, low, unit)


def test_tallies_and_ranges():
    assert Tally(9, 0, "vote", 0, 3, "9-0").compatible(
        Tally(None, 0, "vote", 0, 9, "unanimous")
    )
    assert not Tally(3, 2, "vote", 0, 3, "3-2").compatible(
        Tally(None, 0, "vote", 0, 9, "unanimous")
    )
    assert extract("10-15 percent").tallies == ()


@pytest.mark.parametrize(
    "text, year, month, day, weekday",
    [
        ("held on August 15", None, 8, 15, None),
        ("held on Aug. 15", None, 8, 15, None),
        ("on 15 August 2025", 2025, 8, 15, 4),
        ("on August 15, 2025", 2025, 8, 15, 4),
        ("on 2025-08-15", 2025, 8, 15, 4),
        ("on Friday", None, None, None, 4),
        ("in 2024", 2024, None, None, None),
        ("in March 2024", 2024, 3, None, None),
        ("the bridge will open in June", None, 6, None, None),
        ("talks resumed in early May", None, 5, None, None),
        ("the plant has been closed since Sept.", None, 9, None, None),
        ("prices fell last December", None, 12, None, None),
    ],
)
def test_dates(text, year, month, day, weekday):
    found = date(text)
    assert (found.year, found.month, found.day, found.weekday) == (
        year,
        month,
        day,
        weekday,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said talks would go on.",
        "Officials may march in protest.",
        "Lawmakers in May's party objected.",
        "The council may approve it in principle.",
    ],
)
def test_a_month_name_that_is_no_date(text):
    assert extract(text).dates == ()


def test_a_month_alone_spans_the_month_only():
    (found,) = extract("The bridge will open in June.").dates
    assert found.text == "June"


def test_a_weekday_before_a_date_is_part_of_it():
    (found,) = extract("They met on Friday, August 15, in Alaska.").dates
    assert (found.month, found.day, found.weekday, found.text) == (
        8,
        15,
        4,
        "Friday, August 15",
    )
    assert not found.compatible(date("on August 14"))


def test_dates_are_not_numbers():
    mentions = extract("On August 15, 2025, 14 people died.")
    assert [q.value for q in mentions.quantities] == [14]
    assert len(mentions.dates) == 1


def test_date_compatibility():
    friday = DateMention(None, None, None, 4, 0, 6, "Friday")
    assert date("on 15 August 2025").compatible(friday)
    assert not date("on 16 August 2025").compatible(friday)
    assert not date("on August 15").compatible(date("on August 14"))
    assert date("in 2024").compatible(
        date("in 2025")
    )  # bare years are too loose to contradict
    assert not date("in March 2024").compatible(date("in March 2025"))


def test_number_words():
    assert parse_number_words("a dozen") == 12
    assert parse_number_words("two hundred and five") == 205
    assert parse_number_words("three million") == 3_000_000


def test_spans_point_into_the_text():
    text = "Officials said about 60 percent turned out."
    found = quantity(text)
    assert (
        isinstance(found, Quantity)
        and text[found.start : found.end] == found.text == "60 percent"
    )


@pytest.mark.parametrize(
    "a, b, compatible",
    [
        ("3.2 miles of track", "roughly 5 kilometres of track", True),
        ("210 millimetres of rain", "150 mm of rain", False),
        ("26.2 miles", "42.195 km", True),
        ("a 300-foot tower", "a tower of about 90 metres", True),
        ("1,200 acres burned", "about 485 hectares burned", True),
        ("1,200 acres burned", "300 hectares burned", False),
        ("gusts of 140 kilometres per hour", "gusts of 87 mph", True),
        ("gusts of 140 km/h", "gusts of 60 mph", False),
        ("a 40-tonne truck", "a 40,000 kg truck", True),
    ],
)
def test_measures_in_other_units_compare_by_value(a, b, compatible):
    first, second = quantity(a), quantity(b)
    assert first.unit == second.unit and first.compatible(second) is compatible


@pytest.mark.parametrize(
    "text",
    ["5m people live there", "12 points ahead", "won 14 in a row", "14 at the start"],
)
def test_words_that_are_units_only_in_a_dictionary(text):
    assert quantity(text).unit not in ("length", "area", "volume", "mass", "speed")


@pytest.mark.parametrize(
    "a, b, compatible",
    [
        ("four in five members backed it", "78.6 percent of members backed it", True),
        ("one in three voters", "a third of voters", True),
        ("three out of 10 homes", "30 percent of homes", True),
        ("four in five members backed it", "60 percent of members backed it", False),
    ],
)
def test_a_proportion_in_words_is_a_percentage(a, b, compatible):
    first, second = quantity(a), quantity(b)
    assert first.unit == second.unit == "percent"
    assert first.compatible(second) is compatible


@pytest.mark.parametrize("text", ["won 14 in a row", "ranked 3 in 2024"])
def test_no_proportion_without_a_whole(text):
    assert all(q.unit != "percent" for q in extract(text).quantities)


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("a quarter of a percentage point", 0.25, "percentage point"),
        ("half an hour", 30, "duration"),
        ("a quarter of a mile", 402.336, "length"),
        ("half a million people", 500_000, "person"),
        ("three quarters of an hour", 45, "duration"),
    ],
)
def test_a_fraction_of_one_unit(text, value, unit):
    (found,) = extract(text).quantities
    assert (round(found.value, 3), found.unit) == (value, unit)


def test_a_fraction_of_a_whole_is_a_share_and_its_unit_no_other_figure():
    assert [
        q.unit
        for q in extract("Half an hour later, a third of the staff left.").quantities
    ] == [
        "duration",
        "percent",
    ]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("won in 2:07:41", 127 + 41 / 60, "duration"),
        ("a 24-year-old striker", 24, "age"),
        ("the 18-month-old boy", 1.5, "age"),
    ],
)
def test_race_times_and_ages(text, value, unit):
    (found,) = extract(text).quantities
    assert (round(found.value, 3), found.unit) == (round(value, 3), unit)


@pytest.mark.parametrize(
    "text",
    [
        "The polls close at 10:30 tonight.",
        "The slope gave way shortly before 3am.",
        "Power returned at 9 a.m. on Wednesday.",
        "Talks broke up at 11 pm.",
        "The 5pm deadline passed.",
        "The quake hit at 3.42am.",
        "Doors open at 7.30 p.m.",
    ],
)
def test_a_clock_time_is_no_figure(text):
    assert extract(text).quantities == ()  # "3am" is no length of 3 attometres


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("clocking 2 hours, 9 minutes and 12 seconds to win", 129.2),
        ("The talks lasted 3 hours and 20 minutes.", 200.0),
        ("a time of two hours, seven minutes", 127.0),
    ],
)
def test_durations_in_a_row_are_one_duration(text, minutes):
    (quantity,) = extract(text).quantities
    assert quantity.unit == "duration" and quantity.value == pytest.approx(minutes)


@pytest.mark.parametrize(
    "text, written",
    [
        ("Cuts amount to about 12 per cent of the workforce.", "12 per cent"),
        ("It includes a 15 per cent sell-on clause.", "15 per cent"),
        ("Shares rose 3 Per Cent.", "3 Per Cent"),
    ],
)
def test_per_cent_spans_both_words(text, written):
    (found,) = extract(text).quantities
    assert (found.unit, found.text) == ("percent", written)


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("a winning time of 18min 55sec", 18 + 55 / 60),
        ("finished in 2hr 5min", 125),
        ("the race took 18 min 55 sec", 18 + 55 / 60),
    ],
)
def test_abbreviated_durations(text, minutes):
    (quantity,) = extract(text).quantities
    assert quantity.unit == "duration" and quantity.value == pytest.approx(minutes)


@pytest.mark.parametrize(
    "text", ["Varga died in 1952 at the age of 63.", "She died aged 63 in Lisbon."]
)
def test_an_age_is_no_death_toll(text):
    (quantity,) = extract(text).quantities
    assert (quantity.value, quantity.unit) == (63, "age")


@pytest.mark.parametrize(
    "text, tally",
    [
        ("Rovers edged Calder Town 2-1 at Hallam Park on Saturday.", (2, 1)),
        (
            "The bill cleared the National Assembly 188-171, a tighter margin.",
            (188, 171),
        ),
        ("The course lasts 10-12 days.", None),
        ("Drivers there work a 9-5 job.", None),
    ],
)
def test_a_pair_of_numbers_without_a_cue_is_a_tally_only_where_no_noun_follows(
    text, tally
):
    found = [(t.high, t.low) for t in extract(text).tallies]
    assert found == ([tally] if tally else [])
