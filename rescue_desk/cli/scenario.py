"""``rescue-desk scenario export INCIDENT_ID FILE.json`` and ``rescue-desk scenario import FILE.json``:
share closed incidents as training scenarios (personal data removed; files fully checked on import)."""

from __future__ import annotations

from pathlib import Path

from rescue_desk.domain import roles
from rescue_desk.domain.scenarios import ScenarioError
from rescue_desk.services.errors import NotFound, ValidationError
from rescue_desk.services.replay import ReplayError
from rescue_desk.services.training import import_scenario_file, write_scenario_file

from . import CliError
from ._auth import cli_actor
from .common import open_db


def _export(args) -> int:
    path = Path(args.file)
    if path.exists() and not args.force:
        raise CliError(f"{path} exists; use --force to overwrite it")
    if not path.parent.exists():
        raise CliError(f"the folder {path.parent} does not exist")
    db = open_db(args)
    try:
        doc = write_scenario_file(db, args.incident_id, path)
    except (NotFound, ValidationError, ReplayError) as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    print(f"scenario {doc['key']} written to {path} ({len(doc['calls'])} calls, {len(doc['trips'])} trips; "
          "no names, phone or document numbers)")
    return 0


def _import(args) -> int:
    db = open_db(args, create=True)
    try:
        scenario_id = import_scenario_file(db, cli_actor(args, db, roles.RUN_DRILLS), args.file)
    except (ScenarioError, ValidationError) as exc:
        raise CliError(f"{args.file}: {exc}") from None
    finally:
        db.dispose()
    print(f"scenario imported as #{scenario_id}")
    return 0
