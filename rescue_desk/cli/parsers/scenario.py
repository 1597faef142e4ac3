"""Arguments of ``rescue-desk scenario export|import``: training scenarios."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scenario", help="export a closed incident as a training scenario, or import one")
    cmds = p.add_subparsers(dest="scenario_command", metavar="ACTION", required=True)
    ex = cmds.add_parser("export", help="write a closed incident as a scenario file (no personal data)")
    ex.add_argument("incident_id", type=int, metavar="INCIDENT_ID")
    ex.add_argument("file", metavar="FILE.json")
    ex.add_argument("--force", action="store_true", help="overwrite FILE.json if it exists")
    ex.set_defaults(handler=Handler("scenario", "_export"))
    im = cmds.add_parser("import", help="check a scenario file and add it to this station's drills")
    im.add_argument("file", metavar="FILE.json")
    im.set_defaults(handler=Handler("scenario", "_import"))
