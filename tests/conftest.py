from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from claimcheck.cli import cli
from claimcheck.records import Claim
from claimcheck.store import migrations
from tests.tiny_nli import build_tiny_nli_model

ROOT = Path(__file__).resolve().parent.parent


class Claimcheck:
    """Runs the CLI against one database, the way a user would."""

    def __init__(self, db):
        self.db = str(db)
        self.runner = CliRunner()

    def __call__(self, *args, input=None):
        return self.runner.invoke(
            cli, ["--db", self.db, *map(str, args)], input=input, catch_exceptions=False
        )


@pytest.fixture
def claimcheck(tmp_path):
    return Claimcheck(tmp_path / "claims.db")


def claim(id, text, document=None, speaker=None, published=None) -> Claim:
    """A claim that is its whole sentence, in a document of its own unless one is given."""
    return Claim(
        id=id,
        text=text,
        sentence=text,
        source="wire",
        document=document or f"doc-{id}",
        version="1",
        path="doc.txt",
        line=1,
        column=1,
        start=0,
        end=len(text),
        speaker=speaker,
        published=published,
    )


def old_database(path, before: str) -> None:
    """A database as an older claimcheck left it: migrated up to, not including, `before`."""
    db = Database(path)
    migrations.migrate(db, stop_before=before)
    db.close()


# Built once per test run, shared by every test file: read them, never change them.


@pytest.fixture(scope="session")
def tiny(tmp_path_factory) -> str:
    """A tiny NLI model (tests/tiny_nli.py), saved in a folder like any local model."""
    return build_tiny_nli_model(tmp_path_factory.mktemp("tiny"))


@pytest.fixture(scope="session")
def news_db(tmp_path_factory) -> Path:
    """fixtures/news run rules-only, with fixtures/names.csv as the reference list, checked again."""
    db = tmp_path_factory.mktemp("news") / "claims.db"
    claimcheck = Claimcheck(db)
    assert claimcheck("run", ROOT / "fixtures" / "news", "--no-nli").exit_code == 1
    names = ROOT / "fixtures" / "names.csv"
    assert claimcheck("entities", "reference", names).exit_code == 0
    assert claimcheck("check", "--no-nli").exit_code == 1
    return db
