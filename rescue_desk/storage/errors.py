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
