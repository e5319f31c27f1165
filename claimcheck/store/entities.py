"""The entity tables: the name reference list, entities and entity_mentions (written by claimcheck.pipeline)."""

from __future__ import annotations

from sqlite_utils import Database


class EntityTables:
    def __init__(self, db: Database):
        self.db = db
