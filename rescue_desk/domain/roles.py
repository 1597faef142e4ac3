"""Who may do what: the four roles, their permissions, and which permission each named write
operation needs. Plain data; documented in docs/roles.md and enforced by the storage write policy
(``rescue_desk.storage.policy``) and the service helpers (``rescue_desk.services.access``)."""

from __future__ import annotations

ROLES = ("duty_officer", "station_chief", "trainer", "administrator")

# Permissions, one line each (docs/roles.md repeats this table).
VIEW_RECORDS = "view_records"        # see incidents, calls, trips (without personal data)
VIEW_PERSONAL = "view_personal"      # see names, phone numbers, document numbers of callers/persons
EDIT_RECORDS = "edit_records"        # log calls, place, dispatch, log times, persons, close
EDIT_STATION = "edit_station"        # station layer: landmarks, hazards, roster, vehicles
RUN_DRILLS = "run_drills"            # training scenarios, drill incidents, replay
EXPORT_RECORDS = "export_records"    # reports and CSV exports that leave the desk
VIEW_AUDIT = "view_audit"            # the history of a record, audit verify
MANAGE_ACCOUNTS = "manage_accounts"  # add, disable accounts, reset passwords
MAINTAIN_DATABASE = "maintain_database"  # backups, restore, imports of historical data

PERMISSIONS: dict[str, frozenset[str]] = {
    "duty_officer": frozenset({VIEW_RECORDS, VIEW_PERSONAL, EDIT_RECORDS, RUN_DRILLS, VIEW_AUDIT}),
    "station_chief": frozenset({VIEW_RECORDS, VIEW_PERSONAL, EDIT_RECORDS, EDIT_STATION, RUN_DRILLS,
                                EXPORT_RECORDS, VIEW_AUDIT}),
    "trainer": frozenset({VIEW_RECORDS, RUN_DRILLS}),
    "administrator": frozenset({VIEW_RECORDS, VIEW_PERSONAL, EDIT_RECORDS, EDIT_STATION, RUN_DRILLS,
                                EXPORT_RECORDS, VIEW_AUDIT, MANAGE_ACCOUNTS, MAINTAIN_DATABASE}),
}

# Write operations (the ``operation`` of ``Database.write``) by the permission they need. An operation
# not named here needs EDIT_RECORDS; prefixes cover families (``drill_…``, ``station_…``, ``user_…``).
OPERATION_PERMISSION: dict[str, str] = {
    "log_call": EDIT_RECORDS, "set_position": EDIT_RECORDS, "set_status": EDIT_RECORDS,
    "dispatch_trip": EDIT_RECORDS, "add_checkin": EDIT_RECORDS, "add_person": EDIT_RECORDS,
    "close_incident": EDIT_RECORDS, "account_own_password": VIEW_RECORDS,
    "account_password_rehash": VIEW_RECORDS,
    "import_logbook": MAINTAIN_DATABASE, "restore": MAINTAIN_DATABASE,
    "import_scenario": RUN_DRILLS, "create_drill_set": RUN_DRILLS, "attach_track": EDIT_RECORDS,
}
PREFIX_PERMISSION: tuple[tuple[str, str], ...] = (
    ("drill_", RUN_DRILLS), ("scenario_", RUN_DRILLS), ("replay_", RUN_DRILLS),
    ("station_", EDIT_STATION), ("landmark_", EDIT_STATION), ("hazard_", EDIT_STATION),
    ("roster_", EDIT_STATION), ("user_", MANAGE_ACCOUNTS), ("import_", MAINTAIN_DATABASE),
    ("demo_", MAINTAIN_DATABASE),
    ("log_", EDIT_RECORDS),
)


def permission_for(operation: str) -> str:
    """The permission a write operation needs (EDIT_RECORDS when the name is not listed)."""
    if operation in OPERATION_PERMISSION:
        return OPERATION_PERMISSION[operation]
    for prefix, permission in PREFIX_PERMISSION:
        if operation.startswith(prefix):
            return permission
    return EDIT_RECORDS


def allows(role: str, permission: str) -> bool:
    """True when ``role`` grants ``permission``; unknown roles grant nothing."""
    return permission in PERMISSIONS.get(role, frozenset())
