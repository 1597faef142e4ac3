"""``rescue-desk station export FILE.geojson`` / ``rescue-desk station import FILE.geojson [--yes]``:
share the station's landmark and hazard layer with a neighbouring station or the county."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from rescue_desk.domain import roles

from . import CliError
from ._auth import cli_actor
from .common import export_errors, open_db, read_input_bytes


def _export(args: argparse.Namespace) -> int:
    from rescue_desk.services.station_exchange import export_geojson, write_geojson

    db = open_db(args)
    try:
        doc = export_geojson(db)
    finally:
        db.dispose()
    if args.file == "-":
        try:
            print(json.dumps(doc, ensure_ascii=False, indent=1))
            sys.stdout.flush()
        except BrokenPipeError:  # e.g. piped into head: the reader has all it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    target = Path(args.file)
    with export_errors(target):
        write_geojson(doc, target)
    n = len(doc["features"])
    print(f"wrote {n} feature{'s' if n != 1 else ''} to {target}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from rescue_desk.services.errors import NotFound, ValidationError
    from rescue_desk.services.station_exchange import LayerFormatError, apply_import, preview_import
    from rescue_desk.storage.errors import StorageError

    data = read_input_bytes(args.file)
    db = open_db(args, create=True)
    try:
        try:
            diff = preview_import(db, data)
        except LayerFormatError as exc:
            raise CliError(f"{args.file}: {exc}") from None
        for line in diff.lines():
            print(line)
        if diff.is_empty():
            print("nothing to import: the station layer already has everything in this file")
            return 0
        if not args.yes:
            if not sys.stdin.isatty():
                raise CliError("Not applied: standard input is not a terminal, so nobody can confirm; "
                               "check the changes above and run again with --yes.")
            answer = input("Apply these changes? [y/N] ").strip().lower()
            if answer not in ("y", "yes"):
                print("not applied")
                return 1
        try:
            n = apply_import(db, cli_actor(args, db, roles.EDIT_STATION), diff)
        except (ValidationError, NotFound, StorageError) as exc:
            raise CliError(str(exc)) from None
        print(f"applied {n} change{'s' if n != 1 else ''}")
        return 0
    finally:
        db.dispose()


def _walk(args: argparse.Namespace) -> int:
    from rescue_desk.services.errors import ValidationError
    from rescue_desk.services.station_walks import import_walk
    from rescue_desk.storage.errors import StorageError

    data = read_input_bytes(args.file)
    db = open_db(args, create=True)
    try:
        walk_id = import_walk(db, cli_actor(args, db, roles.EDIT_STATION), args.officer, data, Path(args.file).name)
    except (ValidationError, StorageError) as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    print(f"logged walk #{walk_id} for {args.officer}")
    return 0


def _loops(args: argparse.Namespace) -> int:
    from rescue_desk.services.station_walks import loops_by_officer, officer_pace_factor

    db = open_db(args)
    try:
        rows, pace = loops_by_officer(db), officer_pace_factor(db)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps({"officers": [r.__dict__ for r in rows], "pace": pace.__dict__}, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        print(f"{r.officer}\t{r.full_loops} full loops\t{r.walks} walks\t{r.km:.1f} km")
    if pace.enough:
        print(f"officer pace factor {pace.factor:.2f} (from {pace.walks} walks, {pace.km:.0f} km)")
    else:
        print(f"officer pace: model default (needs 3 timed walks over 60 km; {pace.walks} so far)")
    return 0
