"""``rescue-desk replay INCIDENT_ID [--json]``: the ordered timeline of an incident with the teams'
positions and the estimate held at each entry. Names and phone numbers are never printed."""

from __future__ import annotations


from rescue_desk.domain.clock import to_beijing
from rescue_desk.services.errors import NotFound
from rescue_desk.services.replay import ReplayError, replay_incident

from . import CliError
from .common import open_db, print_json


def _clock(seconds: float) -> str:
    s = int(round(seconds))
    return f"+{s // 3600:d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _replay(args) -> int:
    db = open_db(args)
    try:
        replay = replay_incident(db, args.incident_id)
    except (NotFound, ReplayError) as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    doc = replay.to_json()
    if args.json:
        print_json(doc)
        return 0
    print(f"Incident {args.incident_id} — {doc['category']}, outcome {doc['outcome'] or 'open'}; "
          f"{len(doc['entries'])} entries over {_clock(doc['duration_s'])[1:]} (times in Beijing time)")
    for warning in doc["warnings"]:
        print(f"  ! {warning}")
    for entry, e in zip(doc["entries"], replay.entries):
        teams = "; ".join(f"team {t['trip_id']} at " + (f"{t['chainage_km']:.2f} km" if t["chainage_km"] is not None
                                                         else f"{t['lon']:.5f},{t['lat']:.5f}") + f" ({t['phase']})"
                          for t in entry["teams"])
        summary = " ".join(entry["summary"].split())
        print(f"{to_beijing(e.at):%m-%d %H:%M:%S}  {_clock(entry['elapsed_s']):>10}  {entry['kind']:<10}  {summary}"
              + (f"  [{teams}]" if teams else ""))
    return 0
