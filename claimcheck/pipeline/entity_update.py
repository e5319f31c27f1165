"""Entities after an ingest: the rows entity_store.refresh would store, re-linking only what the batch touches.

link() only ever compares spellings along a few lines: the same surname; a full name's first name and a close
surname; a surname alone and a full name with the same or a close surname; the same text (a capitalised word at
the start of a sentence is kept if it is written inside one somewhere); one reference entry. Spellings joined
that way, or by one stored entity, make a cluster, and link() of all mentions is link() of each cluster on its
own. So an ingest re-links the clusters of its new mentions and of the mentions of the claims it superseded.
Their stored mentions are read as spellings (entity, text, kind, role); in full, grouped by source (and
weighted by count), only for an entity spelled several ways, whose name the counts decide; and surnames alone
with people to choose from are read one by one, with the documents they look in, as link() takes them in order.

A mention link() dropped (that word at the start of a sentence) is not stored, and the batch may make it a
name: a word now written inside a sentence, a surname now some person's, a document now naming other people.
So each cluster is linked twice, as stored and with the batch, and where the two differ such mentions are
looked up by word (FTS5, and its vocabulary for close spellings) or by document, re-extracted and linked too.
A batch as large as the database (a first ingest) is linked in full, by refresh.

The one case where the rows can differ from refresh's: a word dropped at the start of a sentence that has an
apostrophe (O'Brian), which only a close spelling (not the same) of a person's name in a later batch would make
a name: FTS5's vocabulary has its pieces ("o", "brian"), not the word. Like refresh, it extracts mentions with
the extractor CLAIMCHECK_NER names; switch it between ingests and only a refresh (`entities reference`)
extracts the older claims again.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from claimcheck.analysis.entities import (
    PARTICLES,
    Extractor,
    Linking,
    Mention,
    extract_mentions,
    fold,
    linking,
    similar_surname,
)
from claimcheck.analysis.reference import Reference
from claimcheck.pipeline.entities import load_reference, refresh
from claimcheck.store.database import Store

Spelling = tuple[str, str]  # (text, kind)
Position = tuple[str, int]  # (claim, start)
WORD = re.compile(r"[^\W_]+")  # an FTS5 token


def update(store: Store, ingest: int, extractor: str | Extractor | None = None) -> None:
    """Re-link the entities this ingest touched; call it in the ingest's transaction, its documents stored."""
    added = store.claims_by_id(store.claims_ingested_after(ingest - 1))
    stored = store.entities.has_mentions()
    if (
        2 * len(added) >= store.count_claims() or not stored
    ):  # or claims from before entities were stored
        refresh(store, extractor)
        return
    new, removed = (
        extract_mentions(added, extractor),
        superseded_mentions(store, ingest),
    )
    reference = load_reference(store)
    names = Names(reference)
    for entity, text, kind, role in store.entities.spellings():
        names.add((text, kind), entity)
        names.rows[entity].add((text, kind, role))
    for m, stored_as in [*removed, *((m, None) for m in new)]:
        names.add((m.text, m.kind), stored_as)
    reread = Reread(store, extractor)
    found: dict[Position, Mention] = {}
    detailed: set[str] = set()
    while True:  # until no more dropped mentions turn up, and entities whose name the counts decide are read so
        seeds = {
            (m.text, m.kind) for m in [*new, *found.values(), *(m for m, _ in removed)]
        }
        cluster = read_cluster(
            store,
            names,
            names.cluster(seeds),
            new,
            removed,
            [*found.values()],
            reread,
            detailed,
        )
        before, after = linking(cluster.old, reference), linking(cluster.new, reference)
        more = {
            (m.claim, m.start): m
            for m in revivable(
                store, names, reread, cluster, before, after, new, removed, ingest
            )
        }
        vague = undetailed(cluster, after) - detailed
        if more.keys() <= found.keys() and not vague:
            break
        found.update(more)
        detailed |= vague
        for m in more.values():
            names.add((m.text, m.kind))
    write(store, cluster, after)


def superseded_mentions(store: Store, ingest: int) -> list[tuple[Mention, str]]:
    """The stored mentions of the claims this ingest superseded (with their entities), deleted."""
    return [
        (Mention(*mention), entity)
        for mention, entity in store.entities.take_superseded_mentions(ingest)
    ]


@lru_cache(maxsize=65536)
def bare(text: str, kind: str) -> Mention:
    return Mention("", "", "", text, 0, 0, kind)


def alone(m: Mention) -> bool:
    """A surname alone: link() gives it a person with that (or a close) surname, if it can pick one."""
    return (
        not m.given
        and len(m.parts) == 1
        and m.kind in ("person", "other", "organisation")
    )


def droppable(m: Mention) -> bool:
    """link() drops it when no person has it and it's written only at the start of sentences."""
    return m.kind == "other" and len(m.parts) == 1


class Names:
    """Spellings (text, kind), stored or new, indexed by what link() compares; their clusters."""

    def __init__(self, reference: Reference | None):
        self.entities: dict[Spelling, set[str]] = defaultdict(set)
        self.spellings: dict[str, set[Spelling]] = defaultdict(set)
        self.rows: dict[str, set[tuple]] = defaultdict(
            set
        )  # stored entity -> its (text, kind, role)s
        # spellings by what link() compares: surname, first name, folded text, reference entry
        self.by_surname: dict[str, set[Spelling]] = defaultdict(set)
        self.by_given: dict[str, set[Spelling]] = defaultdict(set)
        self.by_text: dict[str, set[Spelling]] = defaultdict(set)
        self.by_entry: dict[str, set[Spelling]] = defaultdict(set)
        self.index: dict[str, str] = {}  # as link()'s reference matcher has them
        self.entry_surnames: dict[str, list] = defaultdict(list)
        for entry in reference.names if reference else ():
            for spelling in (entry.name, *entry.aliases):
                self.index.setdefault(fold(spelling), entry.name)
                parts = [p for p in fold(spelling).split() if p not in PARTICLES]
                if parts:
                    self.entry_surnames[parts[-1][0]].append((parts[-1], entry.name))
        self.surnames: list[str] = []
        self.near: dict[str, list[str]] = {}

    def add(self, spelling: Spelling, entity: str | None = None) -> None:
        if entity:
            self.entities[spelling].add(entity)
            self.spellings[entity].add(spelling)
        m = bare(*spelling)
        if spelling in self.by_text[fold(m.text)]:
            return
        self.by_text[fold(m.text)].add(spelling)
        if m.given or alone(m):
            if m.surname not in self.by_surname:
                self.surnames.append(m.surname)
                self.near.clear()
            self.by_surname[m.surname].add(spelling)
        if m.given:
            self.by_given[m.given].add(spelling)
        for entry in self.entries(m):
            self.by_entry[entry].add(spelling)

    def entries(self, m: Mention) -> set[str]:
        """The reference entries link() could match this spelling's group with (or more)."""
        names = {fold(m.text), m.surname} | (
            {f"{m.given} {m.surname}"} if m.given else set()
        )
        found = {self.index[name] for name in names if name in self.index}
        if m.kind in ("person", "other"):
            for name in {m.surname, fold(m.text)}:
                found |= {
                    entry
                    for surname, entry in self.entry_surnames.get(name[:1], ())
                    if similar_surname(name, surname, same_given=True)
                }
        return found

    def close(self, surname: str) -> list[str]:
        """Other surnames close enough for a surname alone to name their person."""
        if surname not in self.near:
            hits = process.extract(
                surname,
                self.surnames,
                scorer=JaroWinkler.similarity,
                score_cutoff=0.85,
                limit=None,
            )
            self.near[surname] = [
                hit[0]
                for hit in hits
                if hit[0] != surname and similar_surname(hit[0], surname)
            ]
        return self.near[surname]

    def neighbours(self, spelling: Spelling) -> set[Spelling]:
        m = bare(*spelling)
        found = set(self.by_text[fold(m.text)])
        for entity in self.entities.get(spelling, ()):
            found |= self.spellings[entity]
        for entry in self.entries(m):
            found |= self.by_entry[entry]
        if m.given or alone(m):
            found |= self.by_surname[m.surname]
            for surname in self.close(
                m.surname
            ):  # a full name and a surname alone close to it
                found |= {
                    s
                    for s in self.by_surname[surname]
                    if bool(bare(*s).given) != bool(m.given)
                }
        if m.given:
            found |= {
                s
                for s in self.by_given[m.given]
                if similar_surname(m.surname, bare(*s).surname, True)
            }
        return found

    def cluster(self, seeds: Iterable[Spelling]) -> set[Spelling]:
        cluster, todo = set(), list(seeds)
        while todo:
            spelling = todo.pop()
            if spelling not in cluster:
                cluster.add(spelling)
                todo.extend(self.neighbours(spelling) - cluster)
        return cluster


class Reread:
    """Mentions extracted again from stored claims (cached)."""

    def __init__(self, store: Store, extractor: str | Extractor | None):
        self.store, self.extractor = store, extractor
        self.done: dict[str, list[Mention]] = {}  # claim -> its mentions
        self.texts_inside: dict[str, bool] = {}

    def __call__(self, claims: Collection[str]) -> list[Mention]:
        todo = set(claims) - self.done.keys()
        self.done.update({claim: [] for claim in todo})
        for m in extract_mentions(self.store.claims_by_id(todo), self.extractor):
            self.done[m.claim].append(m)
        return [m for claim in sorted(claims) for m in self.done[claim]]

    def inside(self, positions: Iterable[Position]) -> bool:
        """Whether one of these mentions is written inside a sentence (read a few claims at a time)."""
        positions, size = iter(positions), 4
        while chunk := list(islice(positions, size)):
            at = {(m.claim, m.start): m for m in self({claim for claim, _ in chunk})}
            if any(position in at and not at[position].initial for position in chunk):
                return True
            size *= 4
        return False

    def stored_inside(self, names: Names, text: str) -> bool:
        """Whether a stored mention with this folded text is written inside a sentence (at 0 it is at its start)."""
        if text not in self.texts_inside:
            self.texts_inside[text] = any(
                self.inside(self.store.entities.positions_inside(entity, *spelling))
                for spelling in names.by_text[text]
                for entity in names.entities.get(spelling, ())
            )
        return self.texts_inside[text]


@dataclass
class Cluster:
    entities: set[str]  # the stored entities in it
    groups: dict[
        Position, tuple
    ]  # stored mentions linked as one, by the first -> (entity, text, kind, has role)
    singles: dict[Position, str]  # stored mentions linked one by one -> their entity
    watched: dict[
        Position, str
    ]  # those and the mentions found dropped in stored claims -> their documents
    old: list[Mention]  # as stored
    new: list[Mention]  # with the batch: less the superseded, plus the new and found


def read_cluster(
    store: Store,
    names: Names,
    spellings: set[Spelling],
    new: list[Mention],
    removed: list[tuple[Mention, str]],
    found: list[Mention],
    reread: Reread,
    detailed: set[str],
) -> Cluster:
    """The cluster's mentions to link, as stored and with the batch. Stored ones are read as spellings, or for
    `detailed` entities in groups by spelling, role and source (and by document, all of them, if a surname alone
    picks its person here); surnames alone with people to pick from are read one by one."""
    entities = {
        entity for spelling in spellings for entity in names.entities.get(spelling, ())
    }
    full = {bare(*spelling).surname for spelling in spellings if bare(*spelling).given}
    ordered = {
        spelling for spelling in spellings if choosing(names, bare(*spelling), full)
    }
    singles = {}
    for text, kind in sorted(ordered):
        ids = sorted(names.entities[text, kind] & entities)
        for mention, entity in store.entities.mentions_spelled(text, kind, ids):
            singles[Mention(*mention)] = entity
    documents = sorted(
        {m.document for m in [*singles, *found]}
    )  # where a surname alone picks its person
    detailed = entities if documents else detailed & entities
    groups = read_groups(store, detailed, documents, ordered)
    for entity in sorted(entities - detailed):
        for text, kind, role in sorted(names.rows[entity], key=str):
            if (
                (text, kind) not in ordered
            ):  # one spelling: linked as a mention, where and how often don't matter
                groups[Mention("", "", "", text, -len(groups) - 1, 0, kind, role)] = (
                    entity,
                    text,
                    kind,
                    bool(role),
                )

    stored = [*groups, *singles]
    texts = {fold(m.text) for m in [*stored, *new, *found] if droppable(m)}
    inside = {
        text
        for text in texts
        if any(fold(m.text) == text and not m.initial for m in new)
        or reread.stored_inside(names, text)
    }
    old = [*stored, *(m for m, _ in removed)]  # all were kept: as read, none is initial
    current = (
        [
            replace(m, initial=True) if fold(m.text) in texts - inside else m
            for m in stored
        ]
        + new
        + found
    )

    def order(m: Mention) -> Position:
        return (m.claim, m.start)

    return Cluster(
        entities,
        {order(m): group for m, group in groups.items()},
        {order(m): entity for m, entity in singles.items()},
        {order(m): m.document for m in [*singles, *found]},
        sorted(old, key=order),
        sorted(current, key=order),
    )


def choosing(names: Names, m: Mention, full: set[str]) -> bool:
    """A surname alone with people of that surname (or a close one) in its cluster to choose from."""
    return alone(m) and (
        m.surname in full
        or m.kind != "organisation"
        and not full.isdisjoint(names.close(m.surname))
    )


def read_groups(
    store: Store, entities: set[str], documents: list[str], ordered: set[Spelling]
) -> dict[Mention, tuple]:
    """These entities' stored mentions, but for `ordered` spellings, grouped by spelling, role, source and (of
    `documents`) document: each group as its first mention, weighted, with (entity, text, kind, has role)."""
    groups = {}
    for (
        entity,
        text,
        kind,
        role,
        source,
        document,
        weight,
        claim,
        start,
    ) in store.entities.mention_groups(entities, documents):
        if (text, kind) not in ordered:
            groups[
                Mention(
                    claim, source, document, text, start, 0, kind, role, weight=weight
                )
            ] = (entity, text, kind, bool(role))
    return groups


def undetailed(cluster: Cluster, linked: Linking) -> set[str]:
    """Stored entities read as spellings that link() needs in detail: in an entity spelled several ways (which
    spelling is its name depends on sources, counts and order), or whose id another entity has too."""
    ids = Counter(e.id for e in linked.entities)
    vague = [
        e
        for e in linked.entities
        if ids[e.id] > 1
        or len({m.text for m in e.mentions if m.given} or {m.text for m in e.mentions})
        > 1
    ]
    return {
        cluster.groups[m.claim, m.start][0]
        for e in vague
        for m in e.mentions
        if not m.claim
    }


def revivable(
    store: Store,
    names: Names,
    reread: Reread,
    cluster: Cluster,
    before: Linking,
    after: Linking,
    new: list[Mention],
    removed: list[tuple[Mention, str]],
    ingest: int,
) -> list[Mention]:
    """Mentions dropped before this ingest (so not stored) that it may make names, looked up where the two
    linkings differ: by words now first written inside a sentence, surnames whose people changed (and words
    close to those), and documents where a surname alone changed person."""
    words = defaultdict(
        set
    )  # word -> whether mentions with it as "text" or as "surname" are wanted
    removed_at = defaultdict(list)
    for m, _ in removed:
        removed_at[fold(m.text)].append((m.claim, m.start))
    for text in sorted(
        {fold(m.text) for m in new if not m.initial and len(m.parts) == 1}
    ):
        if not reread.stored_inside(names, text) and not reread.inside(
            removed_at[text]
        ):
            words[text].add("text")
    exact, close, had = changed_surnames(before, after)
    for surname in exact:
        words[surname].add("surname")
    forms = vocabulary(store) if words or close else {}
    for surname in close:
        for word, _, _ in process.extract(
            surname,
            list(forms),
            scorer=JaroWinkler.similarity,
            score_cutoff=0.85,
            limit=None,
        ):
            if (
                word != surname
                and similar_surname(word, surname)
                and len(had.get(word, ())) != 1
            ):
                words[word].add("surname")
    found = []
    for word, wanted in sorted(words.items()):
        found += [
            m
            for m in unstored(store, reread, with_word(store, word, forms, ingest))
            if "surname" in wanted
            and m.surname == word
            or "text" in wanted
            and fold(m.text) == word
        ]
    documents = moved_alone(cluster, before, after)
    claims = store.entities.active_claims_in_documents(documents, ingest)
    return found + unstored(store, reread, claims)


def people(linked: Linking) -> list[frozenset]:
    """The people link() made of full names, before the reference list's merges: each as its full names."""
    members = defaultdict(set)
    for key, root in linked.joined.items():
        members[root].add(key)
    return [frozenset(keys) for keys in members.values()]


def changed_surnames(
    before: Linking, after: Linking
) -> tuple[set[str], set[str], dict[str, list]]:
    """Surnames a dropped surname alone could now name a person by: exactly (no longer none or several
    people to choose from, or other ones), or by a close spelling (a person that has names in stored
    documents and other surnames or full names than before). And the people with each surname before."""
    kept = set(before.joined) & set(after.joined)
    old, new = people(before), people(after)

    def by_surname(group: list[frozenset]) -> dict[str, list]:
        found = defaultdict(list)
        for keys in group:
            for surname in {key[2] for key in keys}:
                found[surname].append(keys)
        return found

    def stored(
        group: Iterable[frozenset],
    ) -> set:  # their full names in stored documents (kept ones)
        return {keys & kept for keys in group} - {frozenset()}

    was, now = by_surname(old), by_surname(new)
    exact = {
        surname
        for surname in now
        if len(was.get(surname, ())) != 1
        and (
            len(now[surname]) == 1
            or stored(was.get(surname, ())) != stored(now[surname])
        )
    }
    moved = {(keys & kept, keys) for keys in old if keys & kept} ^ {
        (keys & kept, keys) for keys in new if keys & kept
    }
    close = {key[2] for _, keys in moved for key in keys}
    return exact, close, was


def moved_alone(cluster: Cluster, before: Linking, after: Linking) -> set[str]:
    """Documents where a stored surname alone, or a mention found dropped, went to another person or group."""
    kept = set(before.joined) & set(after.joined)

    def where(
        linked: Linking,
    ) -> dict[Position, object]:  # the person (its stored full names) or group
        person = {key: keys & kept or keys for keys in people(linked) for key in keys}
        return {
            (m.claim, m.start): person.get(key, key)
            for m, key in linked.assigned
            if (m.claim, m.start) in cluster.watched
        }

    old, new = where(before), where(after)
    return {
        document
        for position, document in cluster.watched.items()
        if old.get(position) != new.get(position)
    }


def vocabulary(store: Store) -> dict[str, set[str]]:
    """The words of the FTS5 index by their fold() (FTS5 keeps ß, ligatures, Greek accents as written)."""
    forms = defaultdict(set)
    for term in store.entities.fts_terms():
        forms[fold(term)].add(term)
    return forms


def with_word(
    store: Store, word: str, forms: dict[str, set[str]], ingest: int
) -> set[str]:
    """Stored claims (active, not this ingest's) whose text has this folded word (its longest FTS5 token)."""
    terms = sorted(forms.get(max(WORD.findall(word) or [""], key=len), ()))
    return store.entities.claims_with_terms(terms, ingest)


def unstored(store: Store, reread: Reread, claims: Collection[str]) -> list[Mention]:
    """The mentions of these stored claims link() dropped: extracted, but not stored."""
    stored = store.entities.mentioned_positions(claims)
    return [m for m in reread(claims) if (m.claim, m.start) not in stored]


def write(store: Store, cluster: Cluster, linked: Linking) -> None:
    """Store what changed: the cluster's entities, and its mentions' entities (none: dropped)."""
    entity = {(m.claim, m.start): e.id for e in linked.entities for m in e.mentions}
    rows = {}
    for e in sorted(
        linked.entities, key=lambda e: (-sum(m.weight for m in e.mentions), e.name)
    ):
        rows[e.id] = (
            e.name,
            e.kind,
            e.reference.name if e.reference else None,
        )  # as refresh: the last one
    stored = {
        id_: (name, kind, reference)
        for id_, name, kind, reference in store.entities.rows_by_id(cluster.entities)
    }
    moves = {group: entity.get(position) for position, group in cluster.groups.items()}
    added = [
        m
        for m in cluster.new
        if (m.claim, m.start) not in cluster.groups
        and (m.claim, m.start) not in cluster.singles
        and (m.claim, m.start) in entity
    ]
    store.entities.write_changes(
        stored.keys() - rows.keys(),
        [(id_, *row) for id_, row in rows.items() if stored.get(id_) != row],
        [(group, new) for group, new in moves.items() if new != group[0]],
        [
            (position, entity.get(position))
            for position, old in cluster.singles.items()
            if entity.get(position) != old
        ],
        [
            (m.claim, entity[m.claim, m.start], m.text, m.start, m.end, m.kind, m.role)
            for m in added
        ],
    )
