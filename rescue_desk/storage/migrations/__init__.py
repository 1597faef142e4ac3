"""Alembic migrations of the station database (batch mode, so SQLite can alter tables)."""

# The newest revision in versions/. Opening a database already at this revision skips importing
# Alembic (a quarter of a second at every launch). Update it with every new migration;
# tests/storage/test_migrations.py fails when it differs from Alembic's real head.
HEAD_REVISION = "0007_checkin_positions"
