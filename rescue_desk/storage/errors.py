"""Storage failures worded for the person at the desk: one clear sentence each."""


class StorageError(Exception):
    """Base: ``str(exc)`` is a complete sentence fit to show the user."""


class NotADatabase(StorageError):
    pass


class SchemaTooNew(StorageError):
    pass


class DatabaseUnreachable(StorageError):
    pass


class IncompleteInstallation(StorageError):
    """Files the program needs (migration scripts) are missing from the installed package."""


class ReadOnlyLocation(StorageError):
    pass


class ConcurrentChange(StorageError):
    """Someone else changed the same record since it was read."""


class PermissionDenied(StorageError):
    """The acting account's role does not allow this operation (see docs/roles.md)."""


class DatabaseDamaged(StorageError):
    """The database file fails SQLite's integrity check (damaged pages)."""


def explain_database_error(exc: BaseException, where: str = "the database") -> StorageError:
    """One sentence for a driver error (SQLAlchemy's DBAPIError or sqlite3/psycopg's own), by cause:
    disk full, locked, I/O error, damaged file, server unreachable; else the driver's first line."""
    orig = getattr(exc, "orig", None) or exc
    first = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    low = first.lower()
    if "disk is full" in low or "no space left" in low:
        return StorageError(f"The disk holding {where} is full ({first}); free some space and try again — "
                            "nothing was changed.")
    if "database is locked" in low or "database table is locked" in low:
        return DatabaseUnreachable(f"{where[0].upper()}{where[1:]} is locked by another program or desk; "
                                   "try again in a moment.")
    if "disk i/o error" in low or "input/output error" in low:
        return StorageError(f"Reading or writing {where} failed with an I/O error ({first}); check the disk.")
    if "malformed" in low or "file is not a database" in low or "corrupt" in low:
        return DatabaseDamaged(f"{where[0].upper()}{where[1:]} is damaged ({first}); run 'rescue-desk db check' "
                               "and restore a good backup.")
    if "unable to open" in low or "readonly" in low or "read-only" in low:
        return ReadOnlyLocation(f"Cannot open {where} for writing ({first}).")
    module = type(orig).__module__ or ""
    if module.startswith("psycopg") and ("connect" in low or "server" in low or "terminat" in low):
        return DatabaseUnreachable(f"The database server does not answer ({first}).")
    return StorageError(f"{where[0].upper()}{where[1:]} refused the operation ({first}).")
