"""The incident model on plain values: status flow, trip step times, last contact, overdue rules."""

from datetime import datetime, timedelta, timezone

import pytest

from rescue_desk.domain.incident import (CheckInRecord, OverdueRules, RuleError, Status, TripRecord, TripStep,
                                         assess, status_after_step)

T0 = datetime(2025, 6, 1, 4, 0, tzinfo=timezone.utc)


def trip(**times) -> TripRecord:
    return TripRecord(id=1, created_at=T0 + timedelta(minutes=5), checkin_interval_min=60, **times)


def test_steps_move_the_status_forward_only():
    assert status_after_step("new", TripStep.DEPARTED) is Status.DISPATCHED
    assert status_after_step("dispatched", "on_scene_at") is Status.ON_SCENE
    assert status_after_step(Status.EVACUATING, TripStep.ON_SCENE) is Status.EVACUATING
    assert status_after_step("evacuating", "returned_at") is Status.EVACUATING
    assert status_after_step("closed", "evacuating_at") is Status.CLOSED


def test_step_times_in_order_and_never_in_the_future():
    t = trip(departed_at=T0 + timedelta(minutes=10), evacuating_at=T0 + timedelta(hours=3))
    now = T0 + timedelta(hours=4)
    t.check_step("on_scene_at", T0 + timedelta(hours=2), T0, now)
    with pytest.raises(RuleError) as e:
        t.check_step("on_scene_at", T0 + timedelta(minutes=5), T0, now)
    assert e.value.code == "time_before" and e.value.params["earlier"] == "departed"
    with pytest.raises(RuleError) as e:
        t.check_step("on_scene_at", T0 + timedelta(hours=3, minutes=30), T0, now)
    assert e.value.code == "time_after" and e.value.params["later"] == "evacuating"
    with pytest.raises(RuleError) as e:
        t.check_step("returned_at", now + timedelta(hours=1), T0, now)
    assert e.value.code == "time_in_future" and e.value.field == "returned_at"
    with pytest.raises(RuleError) as e:
        trip().check_step("departed_at", T0 - timedelta(minutes=1), T0, now)
    assert e.value.code == "time_before" and e.value.params["earlier"] == "call"


def test_last_contact_is_the_latest_step_or_checkin_and_sets_the_next_due():
    t = trip(departed_at=T0 + timedelta(minutes=10),
             checkins=[CheckInRecord(T0 + timedelta(minutes=50), "ok"), CheckInRecord(T0 + timedelta(minutes=30))])
    assert t.last_contact == T0 + timedelta(minutes=50)
    assert t.checkin_due() == T0 + timedelta(minutes=110)
    t.returned_at = T0 + timedelta(hours=2)
    assert t.checkin_due() is None and not t.out


def test_overdue_rules():
    rules = OverdueRules()
    assert assess("new", T0, T0, None, T0 + timedelta(minutes=10)).overdue is None
    late = assess("new", T0, T0, None, T0 + timedelta(minutes=16), rules)
    assert (late.next_step, late.overdue, late.overdue_since) == ("dispatch", "no_dispatch", T0 + timedelta(minutes=15))
    assert assess("dispatched", T0, T0, trip(), T0 + timedelta(minutes=40)).overdue == "no_departure"
    out = trip(departed_at=T0 + timedelta(minutes=10))
    a = assess("dispatched", T0, T0, out, T0 + timedelta(minutes=71))
    assert (a.next_step, a.overdue) == ("reach_scene", "checkin")
    on_scene = trip(departed_at=T0, on_scene_at=T0 + timedelta(hours=1),
                    checkins=[CheckInRecord(T0 + timedelta(hours=4))])
    a = assess("on_scene", T0, T0 + timedelta(hours=1), on_scene, T0 + timedelta(hours=4, minutes=30))
    assert (a.next_step, a.overdue) == ("treat_or_evacuate", "on_scene_long")
    assert assess("closed", T0, T0, out, T0 + timedelta(days=1)).next_step == "closed"
    assert assess("evacuating", T0, T0, trip(departed_at=T0, returned_at=T0 + timedelta(hours=1)),
                  T0 + timedelta(days=1)).next_step == "close"
