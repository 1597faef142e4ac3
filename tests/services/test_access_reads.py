"""Trainers never see personal data: reads through a Database whose viewer lacks view_personal are masked."""

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from rescue_desk.services import access, accounts, audit, incidents
from rescue_desk.services.incidents import CallInput, PersonInput
from rescue_desk.storage import open_database
from rescue_desk.storage.models import Call, Person

T0 = datetime.now(timezone.utc) - timedelta(hours=2)
TEXT = "我是王磊，电话13912345678，身份证540102199001011234，在卓玛拉下面2公里，海拔5200"


def _fill(db):
    _c, inc = incidents.log_call(db, "pasang", CallInput(received_at=T0, text=TEXT, caller_name="王磊",
                                                          caller_phone="13912345678"))
    incidents.add_person(db, "pasang", inc, PersonInput(name="王磊", phone="13912345678",
                                                         document_no="540102199001011234", age=40))
    return inc


def test_trainer_reads_are_masked(any_db_url):
    db = open_database(any_db_url)
    inc = _fill(db)
    accounts.add_user(db, "setup", "admin", "administrator", "admin-pass-1")
    accounts.add_user(db, "admin", "dawa", "trainer", "trainer-pass")
    accounts.add_user(db, "admin", "pasang", "duty_officer", "duty-pass-1")
    trainer_desk, duty_desk = open_database(any_db_url), open_database(any_db_url)
    try:
        access.limit_reads(trainer_desk, "dawa")
        access.limit_reads(duty_desk, "pasang")
        row = incidents.list_incidents(trainer_desk)[0]
        assert "13912345678" not in row.text and "540102199001011234" not in row.text and "王磊" not in row.text
        assert "卓玛拉下面2公里" in row.text and "5200" in row.text  # the place words stay usable for training
        with trainer_desk.read() as s:
            call = s.get(Call, 1)
            person = s.scalar(select(Person))
        assert (call.caller_name, call.caller_phone) == ("***", "***")
        assert (person.name, person.phone, person.document_no, person.age) == ("***", "***", "***", 40)
        assert incidents.list_incidents(duty_desk)[0].text == TEXT
        # the stored values are untouched by the trainer's masked reads, and the chief's edits still work
        incidents.set_status(db, "admin", inc, "dispatched")
        with db.read() as s:
            assert s.scalar(select(Person)).name == "王磊" and s.get(Call, 1).caller_phone == "13912345678"
        assert audit.verify(db).intact
    finally:
        trainer_desk.dispose()
        duty_desk.dispose()
        db.dispose()


def test_no_masking_without_accounts_or_viewer(db):
    _fill(db)
    access.limit_reads(db, "anyone")  # no accounts yet: bootstrap rule, nothing hidden
    assert incidents.list_incidents(db)[0].text == TEXT
    accounts.add_user(db, "setup", "admin", "administrator", "admin-pass-1")
    db.viewer = None
    assert incidents.list_incidents(db)[0].text == TEXT


def test_unknown_viewer_is_masked_once_accounts_exist(db):
    _fill(db)
    accounts.add_user(db, "setup", "admin", "administrator", "admin-pass-1")
    access.limit_reads(db, "stranger")
    assert "13912345678" not in incidents.list_incidents(db)[0].text
