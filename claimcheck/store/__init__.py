"""The database: every table, query and migration of claimcheck (SQLite through sqlite-utils)."""
