"""Alembic migrations of the station database (batch mode, so SQLite can alter tables)."""
