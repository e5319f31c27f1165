import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from claimcheck.cli import cli
from claimcheck.store import migrations


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


def old_database(path, before: str) -> None:
    """A database as an older claimcheck left it: migrated up to, not including, `before`."""
    db = Database(path)
    migrations.migrate(db, stop_before=before)
    db.close()
