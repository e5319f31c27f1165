"""The database: every table, query and migration of claimcheck (SQLite through sqlite-utils)."""

import sys


def _import_sqlite_utils_without_pandas() -> None:
    """sqlite-utils imports pandas (a third of a second) only to map pandas.Timestamp columns, which claimcheck
    never writes: import it with pandas hidden, unless pandas is loaded already. Later imports of pandas work."""
    if "sqlite_utils" in sys.modules or "pandas" in sys.modules:
        return
    # an import of pandas now raises ImportError, which sqlite-utils expects
    sys.modules["pandas"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        del sys.modules["pandas"]


_import_sqlite_utils_without_pandas()
