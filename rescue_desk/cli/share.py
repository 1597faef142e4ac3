"""``rescue-desk share INCIDENT_ID [--format text|json|gpx|kml] [--out FILE]``: the incident's position
for the team's phones (WGS84, DMS, deg-min, UTM 44N, GCJ-02, BD-09, km and landmark, geo: URI) or as
GPX 1.1 / KML with the waypoint, the 90 % corridor and the suggested approach."""

from __future__ import annotations

import json
import sys

from . import CliError
from .common import open_db, write_output


def _share(args) -> int:
    from rescue_desk.domain.sharing import ShareError, to_gpx, to_kml
    from rescue_desk.services.errors import NotFound
    from rescue_desk.services.sharing import share_incident

    lang = getattr(args, "lang", None) or "zh"
    db = open_db(args)
    try:
        shared = share_incident(db, args.incident_id, lang=lang)
    except (NotFound, ShareError) as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    if args.format == "json":
        text = json.dumps(shared.to_json(), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "gpx":
        text = to_gpx(shared.geometry)
    elif args.format == "kml":
        text = to_kml(shared.geometry)
    else:
        text = shared.text(lang) + "\n"
    note = shared.position.datum_note(lang)
    if note:
        print(note, file=sys.stderr)
    if args.out:
        write_output(args.out, text)
        print(f"written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
