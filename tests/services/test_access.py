from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from rescue_desk.domain import roles
from rescue_desk.services import access, accounts, incidents
from rescue_desk.services.access import PermissionDenied
from rescue_desk.services.incidents import CallInput, PersonInput
from rescue_desk.storage.models import Incident

T0 = datetime.now(timezone.utc) - timedelta(hours=2)


def _call(**kw):
    return CallInput(received_at=T0, text="我叫王磊，电话 139 1234 5678，在卓玛拉下面", caller_name="王磊",
                     caller_phone="13912345678", **kw)


@pytest.fixture
def staffed(any_db):
    accounts.add_user(any_db, "setup", "admin", "administrator", "admin-pass-1")
    for name, role in [("pasang", "duty_officer"), ("chief", "station_chief"), ("dawa", "trainer")]:
        accounts.add_user(any_db, "admin", name, role, f"{name}-pass-1")
    return any_db


def test_bootstrap_without_accounts_everything_allowed(any_db):
    call_id, inc_id = incidents.log_call(any_db, "duty", _call())
    who = access.principal(any_db, "duty")
    assert who.bootstrap and who.can(access.EXPORT_RECORDS) and who.can(access.VIEW_PERSONAL)
    assert access.mask_person(who, {"caller_phone": "139"})["caller_phone"] == "139"


def test_writes_are_checked_by_role(staffed):
    db = staffed
    _cid, inc = incidents.log_call(db, "pasang", _call())
    incidents.set_status(db, "chief", inc, "dispatched")
    with pytest.raises(PermissionDenied, match="trainer"):
        incidents.log_call(db, "dawa", _call())
    with pytest.raises(PermissionDenied, match="not an account"):
        incidents.close_incident(db, "duty", inc, "rescued")
    with pytest.raises(PermissionDenied):
        incidents.add_person(db, "dawa", inc, PersonInput(age=30))
    # the trainer may run drill operations
    with db.write("dawa", "drill_start") as s:
        s.add(Incident(created_at=T0, drill=True))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Incident)) == 2


def test_disabled_account_cannot_write(staffed):
    accounts.set_disabled(staffed, "admin", "pasang")
    with pytest.raises(PermissionDenied, match="disabled"):
        incidents.log_call(staffed, "pasang", _call())
    assert access.principal(staffed, "pasang").permissions == frozenset()


def test_only_admin_manages_accounts(staffed):
    with pytest.raises(PermissionDenied):
        accounts.add_user(staffed, "chief", "newbie", "duty_officer", "newbie-pass")
    with pytest.raises(PermissionDenied):
        accounts.set_password(staffed, "pasang", "chief", "hijacked-pass")
    accounts.add_user(staffed, "admin", "newbie", "duty_officer", "newbie-pass")


def test_export_and_personal_data_by_role(staffed):
    assert access.check(staffed, "chief", access.EXPORT_RECORDS).role == "station_chief"
    access.check(staffed, "admin", access.EXPORT_RECORDS)
    for name in ("pasang", "dawa", "stranger"):
        with pytest.raises(PermissionDenied):
            access.check(staffed, name, access.EXPORT_RECORDS)
    row = {"caller_name": "王磊", "caller_phone": "13912345678", "text": "电话 139 1234 5678，在卓玛拉",
           "document_no": "540100199001011234", "category": "lost"}
    trainer = access.principal(staffed, "dawa")
    masked = access.mask_person(trainer, row)
    assert masked["caller_name"] == masked["caller_phone"] == masked["document_no"] == "***"
    assert "1234" not in masked["text"] and "卓玛拉" in masked["text"] and masked["category"] == "lost"
    assert access.mask_person(access.principal(staffed, "pasang"), row) == row


def test_table_is_consistent():
    assert set(roles.PERMISSIONS) == set(roles.ROLES)
    assert not roles.allows("trainer", roles.VIEW_PERSONAL)
    assert [r for r in roles.ROLES if roles.allows(r, roles.EXPORT_RECORDS)] == ["station_chief", "administrator"]
    assert [r for r in roles.ROLES if roles.allows(r, roles.MANAGE_ACCOUNTS)] == ["administrator"]
    assert roles.permission_for("log_call") == roles.EDIT_RECORDS
    assert roles.permission_for("something_new") == roles.EDIT_RECORDS
    assert roles.permission_for("drill_start") == roles.RUN_DRILLS
    for op in ("import_scenario", "create_drill_set", "drill_attempt"):  # the training feature's operations
        assert roles.allows("trainer", roles.permission_for(op))
    assert roles.permission_for("import_logbook") == roles.permission_for("demo_history") == roles.MAINTAIN_DATABASE
