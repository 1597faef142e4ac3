"""Arguments of ``rescue-desk station export|import|walk|loops``: the station's own layer."""

from __future__ import annotations


from rescue_desk.cli import Handler


def register(subparsers) -> None:
    p = subparsers.add_parser("station", help="the station's own landmarks, aliases and hazards (sand table)")
    sub = p.add_subparsers(dest="station_command", metavar="ACTION", required=True)
    e = sub.add_parser("export", help="write the station layer as GeoJSON (WGS84)")
    e.add_argument("file", help="output .geojson file ('-' for standard output)")
    e.set_defaults(handler=Handler("station", "_export"))
    i = sub.add_parser("import", help="merge a station layer GeoJSON file: shows the changes, asks before applying")
    i.add_argument("file", help="input .geojson file")
    i.add_argument("--yes", action="store_true", help="apply without asking")
    i.set_defaults(handler=Handler("station", "_import"))
    w = sub.add_parser("walk", help="log an officer's GPS walk of the kora (GPX file)")
    w.add_argument("file", help="the .gpx track")
    w.add_argument("--officer", required=True, help="who walked it")
    w.set_defaults(handler=Handler("station", "_walk"))
    lp = sub.add_parser("loops", help="full loops walked per officer and the pooled officer pace factor")
    lp.add_argument("--json", action="store_true", help="print JSON")
    lp.set_defaults(handler=Handler("station", "_loops"))
