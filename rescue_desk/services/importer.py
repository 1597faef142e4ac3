"""Historical import: logbooks kept before the app, as CSV (columns in docs/import.md).

Each good row becomes one closed incident (call, people, trip) in its own transaction, together
with the row's fingerprint: a row is imported whole or not at all, and a row already imported
(same content, whatever the file is called) is skipped. Bad rows are reported with their line
number and reason and do not stop the good ones. Runs on the calling thread (the UI uses its
database worker)."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from rescue_desk.domain import codes
from rescue_desk.domain.clock import parse_time, utc_now
from rescue_desk.domain.kora import Kora, load_kora
from rescue_desk.storage import Database
from rescue_desk.storage.models import Call, Incident, Person, Trip
from rescue_desk.storage.models_reports import ImportedRow

REQUIRED = ("received_at",)
KNOWN = ("received_at", "description", "category", "persons_rescued", "outcome", "departed_at", "on_scene_at",
         "returned_at", "lon", "lat", "chainage_km", "origin", "drill", "deaths", "hospital")
TRUE = {"1", "true", "yes", "y", "是", "演练"}
FALSE = {"", "0", "false", "no", "n", "否"}


class RowError(ValueError):
    """Why one row (or the file's text or header) cannot be imported: one sentence."""


@dataclass
class LogbookRow:
    """One parsed, validated logbook row."""

    line: int
    received_at: datetime
    description: str = ""
    category: str = "other"
    persons_rescued: int = 0
    deaths: int = 0
    hospital: int = 0
    outcome: str = "rescued"
    departed_at: Optional[datetime] = None
    on_scene_at: Optional[datetime] = None
    returned_at: Optional[datetime] = None
    lon: Optional[float] = None
    lat: Optional[float] = None
    chainage_km: Optional[float] = None
    origin: str = "domestic"
    drill: bool = False

    def fingerprint(self) -> str:
        """sha256 of the row's normalised content (times in UTC), independent of file and line."""
        body = {}
        for k in KNOWN:
            v = getattr(self, k)
            body[k] = v.astimezone(timezone.utc).isoformat() if isinstance(v, datetime) else v
        body["description"] = " ".join(self.description.split())
        return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass
class ImportResult:
    """What an import did: counts, and each bad row as (line, reason)."""

    rows: int = 0
    imported: int = 0
    duplicates: int = 0
    placed_by_locator: int = 0
    unplaced: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)
    incident_ids: list[int] = field(default_factory=list)


def _code(table: dict, value: str, name: str, default: str) -> str:
    v = value.strip()
    if not v:
        return default
    if v in table:
        return v
    for code, (zh, en) in table.items():
        if v == zh or v.lower() == en.lower() or v.lower() == code.replace("_", " "):
            return code
    raise RowError(f"{name} {v!r} is not one of: {', '.join(table)}")


def _int(value: str, name: str) -> int:
    v = value.strip()
    if not v:
        return 0
    try:
        n = int(v)
    except ValueError:
        raise RowError(f"{name} {v!r} is not a whole number") from None
    if not 0 <= n <= 500:
        raise RowError(f"{name} {n} is out of range (0–500)")
    return n


def _float(value: str, name: str, lo: float, hi: float) -> Optional[float]:
    v = value.strip()
    if not v:
        return None
    try:
        x = float(v)
    except ValueError:
        raise RowError(f"{name} {v!r} is not a number") from None
    if not lo <= x <= hi:
        raise RowError(f"{name} {x} is out of range ({lo}–{hi})")
    return x


def _time(value: str, name: str) -> Optional[datetime]:
    if not value.strip():
        return None
    try:
        t = parse_time(value)
    except ValueError as exc:
        raise RowError(f"{name}: {exc}") from None
    if t > utc_now():
        raise RowError(f"{name} {value.strip()} is in the future")
    return t


def parse_row(raw: dict[str, str], line: int, kora: Kora) -> LogbookRow:
    """Validate one CSV record (column → text). Raises RowError with the first problem found."""
    g = lambda k: (raw.get(k) or "")  # noqa: E731
    if any("\x00" in v for v in raw.values() if isinstance(v, str)):  # PostgreSQL text cannot hold NUL
        raise RowError("a field contains a NUL character (is the file damaged, or not a text file?)")
    received = _time(g("received_at"), "received_at")
    if received is None:
        raise RowError("received_at is empty")
    row = LogbookRow(line=line, received_at=received, description=g("description").strip())
    row.category = _code(codes.CATEGORIES, g("category"), "category", "other")
    row.persons_rescued = _int(g("persons_rescued"), "persons_rescued")
    row.deaths = _int(g("deaths"), "deaths")
    row.hospital = _int(g("hospital"), "hospital")
    if row.hospital > row.persons_rescued:
        raise RowError("hospital is larger than persons_rescued")
    default_outcome = ("fatal" if row.deaths else "hospital" if row.hospital else
                       "false_alarm" if row.category == "false_alarm" else "rescued")
    row.outcome = _code(codes.INCIDENT_OUTCOMES, g("outcome"), "outcome", default_outcome)
    if row.outcome == "hospital" and not g("hospital").strip():
        row.hospital = row.persons_rescued  # "taken to hospital" without a count: everyone helped
    if row.outcome == "fatal" and not g("deaths").strip():
        row.deaths = 1  # "fatal" without a count: at least one death
    row.origin = _code(codes.ORIGINS, g("origin"), "origin", "domestic")
    previous, previous_name = received, "received_at"
    for name in ("departed_at", "on_scene_at", "returned_at"):
        t = _time(g(name), name)
        if t is not None:
            if t < previous:
                raise RowError(f"{name} is before {previous_name}")
            previous, previous_name = t, name
        setattr(row, name, t)
    if row.departed_at is None and (row.on_scene_at or row.returned_at):
        raise RowError("on_scene_at/returned_at given without departed_at")
    row.lon = _float(g("lon"), "lon", -180, 180)
    row.lat = _float(g("lat"), "lat", -90, 90)
    if (row.lon is None) != (row.lat is None):
        raise RowError("give both lon and lat, or neither")
    row.chainage_km = _float(g("chainage_km"), "chainage_km", 0, kora.length_km)
    d = g("drill").strip().lower()
    if d not in TRUE | FALSE:
        raise RowError(f"drill {d!r} is not yes/no")
    row.drill = d in TRUE
    return row


def _place(incident: Incident, row: LogbookRow, kora: Kora) -> str:
    """Position from the logbook, else the locator's estimate from the description.
    Returns "logbook", "locator" or "unplaced"."""
    if row.lon is not None:
        km, _off = kora.chainage_of(row.lon, row.lat)
        incident.pos_lon, incident.pos_lat, incident.pos_chainage_km = row.lon, row.lat, km
    elif row.chainage_km is not None:
        incident.pos_lon, incident.pos_lat = kora.point_at(row.chainage_km)
        incident.pos_chainage_km = row.chainage_km
    else:
        from rescue_desk.domain.locator import locate

        result = locate(row.description, call_time=row.received_at, kora=kora)
        if not result.placed or result.lon is None:
            return "unplaced"
        incident.est_lon, incident.est_lat = float(result.lon), float(result.lat)
        incident.est_chainage_km = None if result.chainage_km is None else float(result.chainage_km)
        incident.est_method = "import"
        incident.est_intervals = [[round(float(a), 3), round(float(b), 3)] for a, b in result.intervals_km]
        half = result.interval_length_km() * 500.0
        incident.est_uncertainty_m = float(result.radius_m) if result.radius_m else (half or None)
        incident.notes = (incident.notes + " Position estimated from the description at import.").strip()
        return "locator"
    incident.pos_source, incident.pos_confirmed = "import", False
    return "logbook"


def import_row(db: Database, actor: str, row: LogbookRow, source: str, kora: Kora) -> tuple[int | None, str]:
    """Write one row in one transaction. Returns (incident id, how it was placed), or (None,
    "duplicate") when the row was imported before."""
    fp = row.fingerprint()
    try:
        with db.write(actor, "import_logbook") as s:
            if s.get(ImportedRow, fp) is not None:
                return None, "duplicate"
            closed = row.returned_at or row.on_scene_at or row.departed_at or row.received_at
            inc = Incident(created_at=row.received_at, category=row.category, status="closed", outcome=row.outcome,
                           closed_at=closed, party_size=max(1, row.persons_rescued + row.deaths), drill=row.drill,
                           severity=2, notes=f"Imported from {source}, line {row.line}.")
            placed = _place(inc, row, kora)
            s.add(inc)
            s.add(Call(incident=inc, received_at=row.received_at, text=row.description, category=row.category,
                       party_size=inc.party_size, drill=row.drill, channel="phone"))
            trip = None
            if row.departed_at is not None:
                trip = Trip(incident=inc, created_at=row.departed_at, departed_at=row.departed_at,
                            on_scene_at=row.on_scene_at, returned_at=row.returned_at, notes="imported")
                s.add(trip)
            s.flush()
            people = ([("hospital", True)] * row.hospital + [("", True)] * (row.persons_rescued - row.hospital)
                      + [("deceased", False)] * row.deaths)
            for outcome, rescued in people:
                s.add(Person(incident=inc, trip_id=trip.id if trip else None, origin=row.origin, outcome=outcome,
                             rescued=rescued))
            s.add(ImportedRow(fingerprint=fp, incident_id=inc.id, source=source[-255:], line=row.line))
            s.flush()
            return inc.id, placed
    except IntegrityError:  # another desk imported the same row a moment ago
        return None, "duplicate"


def read_logbook(path: Path) -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 (Chinese Excel
    exports). Raises RowError when it is none of these (a spreadsheet, a photo…), OSError when it cannot be read."""
    from .input_files import InputTooLarge, read_bounded

    try:
        data = read_bounded(path)
    except InputTooLarge as exc:
        raise RowError(str(exc)) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise RowError("the file is not CSV text in UTF-8 or GB18030; save the logbook as CSV "
                       "(UTF-8) and import that") from None


def _csv_problem(exc: csv.Error) -> str:
    if "field limit" in str(exc):
        return f"a field is longer than {csv.field_size_limit():,} characters (is a closing quote missing?)"
    return f"the line is not valid CSV ({exc})"


def _records(reader: csv.DictReader):
    """(line, record or None, problem) for each CSV record; a record the csv module cannot read
    is reported with the line it reached instead of ending the import."""
    while True:
        before = reader.reader.line_num  # DictReader.line_num is only updated after a good record
        try:
            raw = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reader.reader.line_num, None, _csv_problem(exc)
            if reader.reader.line_num == before:  # nothing consumed: the reader cannot move on
                return
            continue
        yield reader.line_num, raw, ""


def import_logbook(db: Database, actor: str, text: str, source: str = "logbook.csv",
                   progress: Callable[[int, int], None] | None = None, kora: Kora | None = None) -> ImportResult:
    """Import every good row of the CSV ``text``; ``progress(done, total)`` is called after each row
    (on the calling thread). Raises RowError when the header itself is unusable."""
    kora = kora or load_kora()
    reader = csv.DictReader(io.StringIO(text, newline=""))  # CR-only files (old Mac Excel) too
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise RowError(f"the header cannot be read: {_csv_problem(exc)} (line 1)") from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise RowError(f"the header has no {', '.join(missing)} column (line 1)")
    reader.fieldnames = header
    records = list(_records(reader))
    result = ImportResult(rows=len(records))
    for done, (line, raw, problem) in enumerate(records, start=1):
        try:
            if problem:
                raise RowError(problem)
            if None in raw:
                raise RowError("more fields than the header has")
            row = parse_row(raw, line, kora)
        except RowError as exc:
            result.bad.append((line, str(exc)))
        else:
            inc_id, how = import_row(db, actor, row, source, kora)
            if inc_id is None:
                result.duplicates += 1
            else:
                result.imported += 1
                result.incident_ids.append(inc_id)
                result.placed_by_locator += how == "locator"
                result.unplaced += how == "unplaced"
        if progress:
            progress(done, len(records))
    return result


def already_imported(db: Database) -> int:
    """How many logbook rows this database has imported so far."""
    from sqlalchemy import func

    with db.read() as s:
        return s.scalar(select(func.count()).select_from(ImportedRow)) or 0
