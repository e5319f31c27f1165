"""Generated corpora for benchmarks: "different things", many articles of one kind where nothing contradicts.

Four families, each a kind of news story told about many different things: town budgets and councils, football
matches, company earnings, flights and incidents. Every article is about its own town, match, company or flight
(none appears twice), with its own figures, people, dates and outcomes, so no two articles can contradict each
other, and each article agrees with itself. What makes it hard: the articles say the same kinds of things in the
same words ("Critics warned that property taxes would rise by 5 percent." in one town, "... by 8 percent." in
another); people share surnames across articles ("Eva Duarte" on one council, "Jon Duarte" on another); one
flight had no injuries where another had three; one home side won where another lost; one council voted 5-2 and
another seven votes to two. Each article has a headline naming its town, teams, company or flight, a dateline and
a publication date (front matter), and is written from several article plans and reworded sentences.

    from corpora import different_things, write_markdown
    write_markdown(different_things(160, seed=0), folder)

Seeded: the same (count, seed) gives the same articles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FIRST = (
    "Eva Jon Maria Tomas Aisha Pedro Lena Omar Grace Ivan Sofia Mateo Hana Lucas Nora Felix Amira Diego Clara "
    "Victor Ines Samuel Leila Marcus Yara Daniel Elif Hugo Mei Adam Zora Pablo Ruth Kofi Alma Theo Nina Rafael "
    "Dana Emil"
).split()
SURNAMES = (
    "Duarte Okafor Lindgren Moreau Haddad Novak Petrov Quinn Rossi Tanaka Brandt Costa Fischer Gomez Jensen "
    "Kowalski Alvarez Eriksen Dubois Ivanova Mendes Varga Sato Kerr"
).split()  # few: they recur on purpose
TOWN_STARTS = (
    "Lake Oak Mill Ash Cedar Elm Fox Glen Hazel Iron Maple North Pine Red Silver Stone West Willow Bright "
    "Clear Deer Fair Green High Kings Long Marsh Rock Spring Sun"
).split()
TOWN_ENDS = (
    "side ford brook field ton wood dale haven ridge port bury wick mouth stead".split()
)
COUNTIES = "Harlow Dunmore Ashcombe Brenner Calloway Everly Fenwick Garrison".split()
MASCOTS = (
    "Rovers United Athletic Wanderers City Albion Rangers Town Harriers Dynamos Mariners Foxes Hawks "
    "Falcons Pilgrims"
).split()
COMPANY_WORDS = (
    "Apex Borealis Cobalt Delta Ember Fathom Granite Helix Ionic Juniper Keystone Lumen Meridian Nimbus "
    "Orchid Pinnacle Quartz Radiant Summit Tidal Umbra Vertex Willow Zephyr Argent Beacon Cascade Drift "
    "Evergreen Frontier"
).split()
COMPANY_KINDS = (
    "Systems",
    "Foods",
    "Logistics",
    "Energy",
    "Robotics",
    "Pharma",
    "Materials",
    "Networks",
    "Motors",
    "Retail",
)
PRODUCTS = {
    "Systems": "cloud software",
    "Foods": "packaged foods",
    "Logistics": "freight services",
    "Energy": "solar panels",
    "Robotics": "warehouse robots",
    "Pharma": "generic drugs",
    "Materials": "specialty steel",
    "Networks": "fibre broadband",
    "Motors": "electric vans",
    "Retail": "home furnishings",
}
AIRLINES = (
    "Northwind Air",
    "Bluecrest Airways",
    "Solano Airlines",
    "Aurora Jet",
    "Coastal Skies",
    "Transalpine",
    "Meridian Airways",
    "Polar Express Air",
)
CITIES = (
    "Lisbon Denver Osaka Nairobi Toronto Madrid Chicago Seoul Dublin Vienna Lima Perth Oslo Cairo Boston Athens "
    "Zurich Manila Bogota Helsinki Prague Dakar Quito Hanoi"
).split()
AIRCRAFT = (
    "Airbus A320",
    "Boeing 737",
    "Airbus A321",
    "Embraer E190",
    "Boeing 787",
    "Airbus A330",
)
AUTHORITIES = (
    "the national transport safety board",
    "the civil aviation authority",
    "the air accidents investigation branch",
)
OUTLETS = (
    "The Valley Gazette",
    "Northern Herald",
    "Daily Courier",
    "Metro Times",
    "The County Ledger",
    "Coastal Post",
    "The Evening Standard-Tribune",
    "Regional Wire",
)
PROJECTS = (
    ("library", "renovate the central library"),
    ("bridge", "repair the river bridge"),
    ("water plant", "upgrade the water treatment plant"),
    ("depot", "lease a new bus depot"),
    ("pool", "rebuild the public swimming pool"),
    ("clinic", "open a community health clinic"),
)
NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve"
).split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


@dataclass(frozen=True)
class Article:
    id: str
    family: str  # budget, football, earnings, flight
    subject: str  # the town, match, company or flight it is about
    source: str
    published: str  # ISO date
    title: str
    body: str  # dateline paragraph and the rest, without the headline

    def markdown(self) -> str:
        return (
            f"---\nid: {self.id}\nsource: {self.source}\ntitle: {self.title}\npublished: {self.published}\n---\n"
            f"# {self.title}\n\n{self.body}\n"
        )


class Writer:
    """Random choices for one corpus: unique subjects, people, dates, and reworded sentences."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        towns = [start + end for start in TOWN_STARTS for end in TOWN_ENDS]
        self.rng.shuffle(towns)
        self.towns = towns
        companies = [
            f"{word} {kind}" for word in COMPANY_WORDS for kind in COMPANY_KINDS
        ]
        self.rng.shuffle(companies)
        self.companies = companies
        self.flight_numbers: set[str] = set()
        self.people: set[str] = set()
        self.cast: set[str] = set()  # surnames taken in the article being written

    def begin(self) -> None:
        """A new article: its people may take any surname again, but no two of them share one."""
        self.cast = set()

    def town(self) -> str:
        return self.towns.pop()

    def person(self) -> str:
        """A full name not used before in the corpus; surnames recur, the first names differ (with a middle
        initial once most first name and surname combinations are taken)."""
        for attempt in range(10_000):
            middle = f" {chr(65 + self.rng.randrange(26))}." if attempt >= 50 else ""
            surname = self.rng.choice(SURNAMES)
            name = f"{self.rng.choice(FIRST)}{middle} {surname}"
            if name not in self.people and surname not in self.cast:
                self.people.add(name)
                self.cast.add(surname)
                return name
        raise ValueError("ran out of people's names")

    def one(self, *options: str, **facts) -> str:
        return self.rng.choice(options).format(**facts)

    def day(self) -> date:
        return date(2025, 1, 1) + timedelta(days=self.rng.randrange(360))


def ordinal(number: int) -> str:
    suffix = (
        "th"
        if 10 <= number % 100 <= 20
        else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def article(noun: str) -> str:
    return ("an " if noun[0].lower() in "aeiou" else "a ") + noun


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def spoken(number: int) -> str:
    return NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else str(number)


def long_date(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}"


def money(millions: float) -> str:
    return (
        f"${millions / 1000:.2f} billion"
        if millions >= 1000
        else f"${millions:.1f} million"
    )


def dateline(place: str, published: date, outlet: str) -> str:
    return f"{place.upper()}, {long_date(published)} ({outlet}) —"


def event_day(w: Writer, published: date) -> tuple[date, str]:
    """A day shortly before publication, and how the article names it."""
    back = w.rng.randint(1, 5)
    day = published - timedelta(days=back)
    return day, ("yesterday" if back == 1 else f"on {WEEKDAYS[day.weekday()]}")


def tally(w: Writer, yes: int, no: int) -> str:
    if not no:
        return w.one("{y}-0", "unanimously", y=yes)
    return w.one(
        "{y}-{n}",
        "{y} to {n}",
        "by {ys} votes to {ns}",
        y=yes,
        n=no,
        ys=spoken(yes),
        ns=spoken(no),
    )


# --- town budgets and councils ----------------------------------------------------------------------


def budget_article(w: Writer, index: int) -> Article:
    town, county = w.town(), w.rng.choice(COUNTIES)
    mayor, member, critic, clerk = w.person(), w.person(), w.person(), w.person()
    outlet = w.rng.choice(OUTLETS)
    published = w.day()
    voted_on, when = event_day(w, published)
    total = round(w.rng.uniform(12, 95), 1)
    growth = w.rng.randint(2, 9)
    tax = w.rng.randint(2, 12)
    seats = w.rng.choice((5, 7, 9))
    yes = w.rng.randint(seats // 2 + 1, seats)
    no = seats - yes
    effective = date(
        published.year + (published.month > 6), 7 if published.month <= 6 else 1, 1
    )
    project_name, project = w.rng.choice(PROJECTS)
    project_cost = round(w.rng.uniform(1.5, 9.5), 1)
    lease_years = w.rng.choice((5, 10, 15, 20, 25))
    residents = w.rng.randint(30, 400)
    staff = w.rng.randint(3, 40)
    plan = w.rng.choice(("approved", "debated", "project"))
    facts = dict(
        town=town,
        county=county,
        mayor=mayor,
        member=member,
        critic=critic,
        clerk=clerk,
        total=money(total),
        growth=growth,
        tax=tax,
        yes=yes,
        no=no,
        tally=tally(w, yes, no),
        when=when,
        effective=long_date(effective),
        eff_year=effective.year,
        project=project,
        project_name=project_name,
        cost=money(project_cost),
        years=lease_years,
        residents=residents,
        staff=staff,
        seats=seats,
        sm=member.split()[1],
        smayor=mayor.split()[1],
    )
    if plan == "approved":
        title = w.one(
            "{town} council approves {total} budget",
            "{town} passes {total} spending plan",
            "Council in {town} backs budget after long debate",
            **facts,
        )
        lead = w.one(
            "The {town} town council {when} approved a {total} budget for the coming year, {tally}.",
            "{town}'s council voted {tally} {when} to adopt a {total} budget.",
            "Councillors in {town} {when} passed a budget of {total}, with {yes} of {seats} votes.",
            **facts,
        )
    elif plan == "debated":
        title = w.one(
            "Property tax rise looms as {town} weighs budget",
            "{town} council split over tax increase",
            "Budget fight in {town} centres on property taxes",
            **facts,
        )
        lead = w.one(
            "The {town} council {when} debated a {total} budget that would raise property taxes by {tax} "
            "percent.",
            "A proposed {total} budget in {town} drew a crowd of {residents} residents to a "
            "council hearing {when}.",
            **facts,
        )
    else:
        title = w.one(
            "{town} council backs plan to {project}",
            "{town} to {project} under new deal",
            "Vote clears way for {town} {project_name} plan",
            **facts,
        )
        lead = w.one(
            "The {town} council voted {tally} {when} to {project} at a cost of {cost}.",
            "{town} will {project} after councillors approved the {cost} plan {when}, {tally}.",
            **facts,
        )
    sentences = [
        lead,
        w.one(
            "Mayor {mayor} said the budget was {growth} percent larger than last year's.",
            "The spending plan is {growth} percent bigger than the one for the current year, Mayor {mayor} said.",
            "Mayor {mayor} told reporters that spending would grow by {growth} percent.",
            **facts,
        ),
        w.one(
            "Critics warned that property taxes would rise by {tax} percent.",
            "Opponents said the plan would push property taxes up {tax} percent.",
            "{critic}, who led the opposition, warned of a {tax} percent rise in property taxes.",
            **facts,
        ),
        w.one(
            *(
                (
                    "Council member {member} voted against the plan.",
                    "{member} was among those who voted no.",
                )
                if plan != "debated" and no
                else ("Council member {member} opposes the plan.",)
            ),
            "Council member {member} supported the plan, calling it overdue.",
            "{member}, a council member since {since}, backed the measure.",
            since=w.rng.randint(2008, 2022),
            **facts,
        ),
        w.one(
            "The budget takes effect on {effective}.",
            "The new budget will take effect on {effective}, {eff_year}.",
            "Spending under the plan begins on {effective}.",
            **facts,
        ),
        w.one(
            "It includes {cost} to {project}.",
            "About {cost} is set aside to {project}.",
            "The plan sets aside {cost} to {project}, a project expected to take {pyears} years.",
            pyears=w.rng.randint(2, 6),
            **facts,
        ),
        w.one(
            "The town will sign a {years}-year lease for the new offices.",
            "Officials agreed a {years}-year lease on a building for the planning department.",
            "A lease of {years} years was approved for the town's records office.",
            **facts,
        ),
        w.one(
            "{residents} residents attended the public hearing.",
            "About {residents} people came to the hearing.",
            "The hearing drew {residents} residents, many of them opposed to higher taxes.",
            **facts,
        ),
        w.one(
            "The town will hire {staff} new staff, mostly in maintenance.",
            "No new staff will be hired this year, town clerk {clerk} said.",
            "The budget cuts {staff} positions through retirements, according to town clerk {clerk}.",
            **facts,
        ),
        w.one(
            "Mayor {smayor} said the council had listened to residents.",
            '"We made hard choices," Mayor {smayor} said.',
            "Mayor {smayor} rejected claims that the town was overspending.",
            **facts,
        ),
        w.one(
            "{town} is a town of about {pop:,} people in {county} County.",
            "{town} lies in {county} County.",
            "The town, in {county} County, has about {pop:,} residents.",
            pop=w.rng.randint(8, 90) * 1000,
            **facts,
        ),
        w.one(
            "The council has {seats} members.",
            "All {seats} council members were present.",
            *(
                ("{sm} said the vote showed the council was divided.",)
                if plan != "debated" and no
                else ()
            ),
            **facts,
        ),
    ]
    body = shape(w, dateline(town, published, outlet), sentences, required={1})
    return Article(
        f"budget-{index:04d}",
        "budget",
        town,
        outlet,
        published.isoformat(),
        title,
        body,
    )


# --- football matches -------------------------------------------------------------------------------


def football_article(w: Writer, index: int) -> Article:
    home, away = (
        f"{w.town()} {w.rng.choice(MASCOTS)}",
        f"{w.town()} {w.rng.choice(MASCOTS)}",
    )
    outlet = w.rng.choice(OUTLETS)
    published = w.day()
    played, when = event_day(w, published)
    home_goals, away_goals = w.rng.randint(0, 4), w.rng.randint(0, 4)
    scorer, keeper, manager, rival_manager, referee = (
        w.person(),
        w.person(),
        w.person(),
        w.person(),
        w.person(),
    )
    attendance = w.rng.randint(3, 45) * 1000 + w.rng.randint(0, 999)
    minute = w.rng.randint(5, 89)
    streak = w.rng.randint(2, 6)
    place = ordinal(w.rng.randint(1, 20))
    goals = w.rng.randint(3, 19)
    if home_goals > away_goals:
        winner, loser, wg, lg = home, away, home_goals, away_goals
        outcome = w.one(
            "The home side won.",
            "{home} won at home.",
            "It was a win for the home side.",
            home=home,
        )
    elif away_goals > home_goals:
        winner, loser, wg, lg = away, home, away_goals, home_goals
        outcome = w.one(
            "The home side lost.",
            "{home} lost at home.",
            "It was a defeat for the home side.",
            home=home,
        )
    else:
        winner = loser = None
        wg = lg = home_goals
        outcome = w.one(
            "Neither side could find a winner.",
            "The points were shared.",
            "The match ended level.",
        )
    facts = dict(
        home=home,
        away=away,
        hg=home_goals,
        ag=away_goals,
        scorer=scorer,
        keeper=keeper,
        manager=manager,
        rival=rival_manager,
        referee=referee,
        attendance=f"{attendance:,}",
        minute=ordinal(minute),
        minutes=minute,
        streak=streak,
        place=place,
        when=when,
        stadium=f"{home.split()[0]} Park",
        winner=winner,
        loser=loser,
        wg=wg,
        lg=lg,
        wgs=spoken(wg),
        lgs=spoken(lg) if lg else "nil",
        sscorer=scorer.split()[1],
        smanager=manager.split()[1],
    )
    if winner:
        title = w.one(
            "{winner} beat {loser} {wg}-{lg}",
            "{winner} edge past {loser}",
            "{loser} fall to {winner}",
            **facts,
        )
        lead = w.one(
            "{winner} beat {loser} {wg}-{lg} {when}.",
            "{winner} defeated {loser} by {wgs} goals to {lgs} {when}.",
            "{loser} lost {lg}-{wg} to {winner} {when}.",
            **facts,
        )
        goal = w.one(
            "{scorer} scored the decisive goal in the {minute} minute.",
            "The winner came from {scorer} after {minutes} minutes.",
            "{scorer} struck in the {minute} minute to settle it.",
            **facts,
        )
        run = w.one(
            "{winner} have won {streak} straight games.",
            "{winner} have now won {streak} in a row.",
            "{loser} have lost {streak} straight matches.",
            "It was {loser_s} {streak_th} defeat in a row.",
            loser_s=possessive(loser),
            streak_th=ordinal(streak),
            **facts,
        )
    else:
        title = w.one(
            "{home} and {away} draw {hg}-{ag}",
            "Stalemate as {home} hold {away}",
            **facts,
        )
        lead = w.one(
            "{home} and {away} drew {hg}-{ag} {when}.",
            "{home} were held to a {hg}-{ag} draw by {away} {when}.",
            **facts,
        )
        goal = w.one(
            "{scorer} had the best chance, hitting the post in the {minute} minute.",
            *(
                ("{scorer} scored in the {minute} minute before the equaliser.",)
                if home_goals
                else ()
            ),
            **facts,
        )
        run = w.one(
            "{home} have drawn {streak} straight games.",
            "{away} are unbeaten in {streak} matches.",
            **facts,
        )
    sentences = [
        lead,
        outcome,
        goal,
        run,
        w.one(
            "The crowd of {attendance} was the largest at {stadium} this season.",
            "{attendance} fans watched at {stadium}.",
            "Attendance at {stadium} was {attendance}.",
            **facts,
        ),
        w.one(
            "Goalkeeper {keeper} made several saves.",
            "Goalkeeper {keeper} was sent off in the second half.",
            "No player was sent off.",
            **facts,
        ),
        w.one(
            "Manager {manager} said the team deserved the result.",
            '"We were the better side," said manager {manager}.',
            "Manager {manager} criticised the referee, {referee}.",
            **facts,
        ),
        w.one(
            "{rival}, the visiting manager, said the side would recover.",
            "Visiting manager {rival} refused to blame the referee.",
            "{rival} said the players had been tired after a long trip.",
            **facts,
        ),
        w.one(
            "{home} are {place} in the table.",
            "The result leaves {home} in {place} place.",
            "{away} stay {place} in the league.",
            **facts,
        ),
        w.one(
            "{sscorer} has scored {goals} goals this season.",
            "It was {scorer_s} {goals_th} goal of the season.",
            goals=goals,
            goals_th=ordinal(goals),
            scorer_s=possessive(scorer.split()[1]),
            **facts,
        ),
        w.one(
            "The match was delayed by {delay} minutes because of heavy rain.",
            "Kick-off was at {hour} p.m.",
            "The game was played in front of a sold-out stand.",
            delay=w.rng.randint(10, 45),
            hour=w.rng.randint(2, 8),
            **facts,
        ),
        w.one(
            "{smanager} said the team would play again on {next_day}.",
            "The next game is on {next_day}.",
            next_day=WEEKDAYS[(played.weekday() + w.rng.randint(3, 6)) % 7],
            **facts,
        ),
    ]
    place_name = home.split()[0]
    body = shape(w, dateline(place_name, published, outlet), sentences, required={2, 6})
    return Article(
        f"football-{index:04d}",
        "football",
        f"{home} v {away}",
        outlet,
        published.isoformat(),
        title,
        body,
    )


# --- company earnings -------------------------------------------------------------------------------


def earnings_article(w: Writer, index: int) -> Article:
    company = w.companies.pop()
    product = PRODUCTS[company.split()[1]]
    ceo, cfo, analyst = w.person(), w.person(), w.person()
    outlet = w.rng.choice(OUTLETS)
    published = w.day()
    quarter = (published.month - 1) // 3 or 4
    year = published.year if quarter != 4 else published.year - 1
    revenue = round(w.rng.uniform(80, 4800), 1)
    change = w.rng.randint(1, 25)
    up = w.rng.random() < 0.6
    profit = round(revenue * w.rng.uniform(0.03, 0.2), 1)
    eps = round(w.rng.uniform(0.05, 3.5), 2)
    jobs = w.rng.randint(50, 2500)
    shares = round(w.rng.uniform(1, 14), 1)
    guidance = round(revenue * 4 * w.rng.uniform(0.95, 1.15))
    city = w.rng.choice(CITIES)
    beat = w.rng.random() < 0.5
    facts = dict(
        company=company,
        product=product,
        ceo=ceo,
        cfo=cfo,
        analyst=analyst,
        q=quarter,
        year=year,
        revenue=money(revenue),
        change=change,
        profit=money(profit),
        eps=f"{eps:.2f}",
        jobs=f"{jobs:,}",
        shares=shares,
        guidance=money(guidance),
        city=city,
        scompany=company.split()[0],
        sceo=ceo.split()[1],
        direction="rose" if up else "fell",
        dirn="up" if up else "down",
        moved="gained" if up else "lost",
        move="rise" if up else "fall",
    )
    title = w.one(
        "{company} revenue {direction} {change}% in quarter",
        "{company} posts {revenue} in {year} Q{q} sales",
        "{company} shares {move} {shares}% after results",
        **facts,
    )
    sentences = [
        w.one(
            "{company} said {when} that revenue {direction} {change} percent to {revenue} in the "
            "{ordinal} quarter.",
            "Revenue at {company} {direction} {change}% from a year earlier to {revenue}, "
            "the company said {when}.",
            "{company} reported quarterly revenue of {revenue}, {dirn} {change} "
            "percent.",
            when=event_day(w, published)[1],
            ordinal=("first", "second", "third", "fourth")[quarter - 1],
            **facts,
        ),
        w.one(
            "Net income was {profit}.",
            "The company earned {profit} in the quarter.",
            "Profit came to {profit}, or {eps} dollars a share.",
            **facts,
        ),
        w.one(
            "Earnings per share were ${eps}.",
            "It earned ${eps} a share, beating forecasts."
            if beat
            else "Earnings of ${eps} a share missed analysts' expectations.",
            **facts,
        ),
        w.one(
            "Chief executive {ceo} said demand for {product} remained strong.",
            '"Customers kept buying {product}," said chief executive {ceo}.',
            "CEO {ceo} blamed weaker demand for {product} on higher interest rates.",
            **facts,
        ),
        w.one(
            "The company expects full-year revenue of about {guidance}.",
            "{scompany} raised its full-year forecast to {guidance}.",
            "{scompany} cut its full-year revenue forecast to {guidance}.",
            **facts,
        ),
        w.one(
            "{company} will cut {jobs} jobs by the end of the year.",
            "The company plans to hire {jobs} workers.",
            "{company} said it had no plans to cut jobs.",
            "About {jobs} jobs will move to a new site in {city}.",
            **facts,
        ),
        w.one(
            "Shares {moved} {shares} percent in early trading.",
            "The stock {moved} {shares}% on the news.",
            "{scompany} shares closed {dirn} {shares} percent.",
            **facts,
        ),
        w.one(
            "Chief financial officer {cfo} said costs had risen.",
            "{cfo}, the finance chief, said the company would keep investing.",
            "Finance chief {cfo} said the dividend would be raised.",
            **facts,
        ),
        w.one(
            "Analyst {analyst} said the results were better than expected."
            if beat
            else "{analyst}, an analyst, called the quarter disappointing.",
            '"It was a solid quarter," said analyst {analyst}.'
            if beat
            else "Analyst {analyst} said the company had fallen short of forecasts.",
            **facts,
        ),
        w.one(
            "{company} is based in {city}.",
            "The {city}-based company makes {product}.",
            "Headquartered in {city}, {scompany} employs about {staff:,} people.",
            staff=w.rng.randint(20, 300) * 100,
            **facts,
        ),
        w.one(
            "{sceo} took over as chief executive in {since}.",
            "{sceo} has led the company since {since}.",
            since=w.rng.randint(2012, 2024),
            **facts,
        ),
    ]
    body = shape(w, dateline(city, published, outlet), sentences, required={3})
    return Article(
        f"earnings-{index:04d}",
        "earnings",
        company,
        outlet,
        published.isoformat(),
        title,
        body,
    )


# --- flights and incidents --------------------------------------------------------------------------


def flight_article(w: Writer, index: int) -> Article:
    airline = w.rng.choice(AIRLINES)
    while True:
        number = f"{airline[:2].upper()}{w.rng.randint(100, 9999)}"
        if number not in w.flight_numbers:
            w.flight_numbers.add(number)
            break
    origin, destination = w.rng.sample(CITIES, 2)
    diverted = w.rng.choice([c for c in CITIES if c not in (origin, destination)])
    aircraft = w.rng.choice(AIRCRAFT)
    outlet = w.rng.choice(OUTLETS)
    published = w.day()
    day, when = event_day(w, published)
    passengers = w.rng.randint(80, 320)
    crew = w.rng.randint(4, 14)
    injured = w.rng.choice((0, 0, w.rng.randint(1, 12)))
    delay = w.rng.randint(2, 9)
    minutes = w.rng.randint(15, 95)
    captain, spokesperson, passenger = w.person(), w.person(), w.person()
    incident = w.rng.choice(("diverted", "turbulence", "returned"))
    facts = dict(
        airline=airline,
        number=number,
        flight=f"Flight {number}",
        origin=origin,
        destination=destination,
        diverted=diverted,
        aircraft=aircraft,
        when=when,
        passengers=passengers,
        crew=crew,
        injured=injured,
        injured_s=spoken(injured),
        delay=delay,
        minutes=minutes,
        captain=captain,
        spokesperson=spokesperson,
        passenger=passenger,
        authority=w.rng.choice(AUTHORITIES),
        hour=w.rng.randint(1, 11),
        half=w.rng.choice(("a.m.", "p.m.")),
        an_airline=article(airline).capitalize()[0] + article(airline)[1:],
    )
    if incident == "diverted":
        title = w.one(
            "{airline} flight {number} diverted to {diverted}",
            "{airline} {number} makes emergency landing in {diverted}",
            **facts,
        )
        lead = w.one(
            "{airline} {flight} from {origin} to {destination} was diverted to {diverted} {when} after a "
            "warning light came on.",
            "{an_airline} jet bound for {destination} made an emergency landing "
            "in {diverted} {when}.",
            **facts,
        )
    elif incident == "turbulence":
        title = w.one(
            "Turbulence on {airline} flight {number} from {origin}",
            "{airline} {number} hits severe turbulence",
            **facts,
        )
        lead = w.one(
            "{airline} {flight} from {origin} to {destination} hit severe turbulence {when}.",
            "Severe turbulence shook {airline} {flight} on its way to {destination} {when}.",
            **facts,
        )
    else:
        title = w.one(
            "{airline} flight {number} returns to {origin}",
            "Engine problem sends {airline} {number} back to {origin}",
            **facts,
        )
        lead = w.one(
            "{airline} {flight} to {destination} returned to {origin} {when} after an engine problem.",
            "An engine fault forced {airline} {flight} to turn back to {origin} {when}.",
            **facts,
        )
    if injured:
        harm = w.one(
            "{Injured_s} passengers were injured.",
            "{injured} people were taken to hospital.",
            "Paramedics treated {injured} passengers for minor injuries.",
            Injured_s=spoken(injured).capitalize(),
            **facts,
        )
    else:
        harm = w.one(
            "No injuries were reported.",
            "Nobody was hurt.",
            "No passengers were injured.",
        )
    sentences = [
        lead,
        harm,
        w.one(
            "The {aircraft} was carrying {passengers} passengers and {crew} crew.",
            "There were {passengers} passengers and {crew} crew members on board.",
            "{passengers} passengers were on the {aircraft}.",
            **facts,
        ),
        w.one(
            "The plane landed safely at {hour}:{mm:02d} {half}",
            "It landed {minutes} minutes later.",
            "The aircraft was on the ground {minutes} minutes after the alert.",
            mm=w.rng.randint(0, 59),
            **facts,
        ),
        w.one(
            "Passengers were delayed by {delay} hours.",
            "Travellers reached {destination} {delay} hours late.",
            "The airline put passengers on a replacement flight {delay} hours later.",
            **facts,
        ),
        w.one(
            "Captain {captain} told passengers to keep their seat belts fastened.",
            "The captain, {captain}, praised the crew.",
            "Captain {captain} declared an emergency.",
            **facts,
        ),
        w.one(
            "{airline} spokesperson {spokesperson} said safety was the airline's first priority.",
            "A spokesperson, {spokesperson}, said the airline was cooperating with investigators.",
            "{spokesperson}, speaking for {airline}, apologised to passengers.",
            **facts,
        ),
        w.one(
            "The incident is being investigated by {authority}.",
            "{Authority} has opened an investigation.",
            "{Authority} said it would not open an investigation.",
            Authority=facts["authority"][0].upper() + facts["authority"][1:],
            **facts,
        ),
        w.one(
            "Passenger {passenger} said the cabin had gone quiet.",
            '"It was terrifying," said passenger {passenger}.',
            "Passenger {passenger} said the crew stayed calm.",
            **facts,
        ),
        w.one(
            "The aircraft is {age} years old.",
            "The plane entered service in {since}.",
            age=w.rng.randint(2, 22),
            since=w.rng.randint(2003, 2023),
            **facts,
        ),
    ]
    body = shape(w, dateline(origin, published, outlet), sentences)
    return Article(
        f"flight-{index:04d}",
        "flight",
        f"{airline} {number}",
        outlet,
        published.isoformat(),
        title,
        body,
    )


FAMILIES = {
    "budget": budget_article,
    "football": football_article,
    "earnings": earnings_article,
    "flight": flight_article,
}


def shape(
    w: Writer,
    dateline_text: str,
    sentences: list[str],
    required: set[int] = frozenset(),
) -> str:
    """The lead after the dateline, the rest in paragraphs of one to three sentences, a few left out (never those
    `required`: where a person is named in full before later sentences name them by surname)."""
    lead = sentences[0]
    keep = [
        s
        for index, s in enumerate(sentences)
        if index and (index in required or w.rng.random() < 0.85)
    ]
    paragraphs, index = [f"{dateline_text} {lead}"], 0
    while index < len(keep):
        size = w.rng.randint(1, 3)
        paragraphs.append(" ".join(keep[index : index + size]))
        index += size
    return "\n\n".join(paragraphs)


def different_things(
    count: int, seed: int = 0, families: tuple[str, ...] = tuple(FAMILIES)
) -> list[Article]:
    """`count` articles, the families in turn, each about a different town, match, company or flight."""
    unknown = [family for family in families if family not in FAMILIES]
    if unknown:
        raise ValueError(f"unknown families: {', '.join(unknown)}")
    w = Writer(seed)
    articles = []
    for index in range(count):
        w.begin()
        articles.append(FAMILIES[families[index % len(families)]](w, index))
    return articles


def write_markdown(articles: list[Article], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / f"{article.id}.md"
        path.write_text(article.markdown(), encoding="utf-8")
        paths.append(path)
    return paths
