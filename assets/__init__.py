"""Shipped reference data (see kora/SOURCES.md and CREDITS.md)."""
