import csv
import json

from rescue_desk.cli import run

LOGBOOK = ("received_at,description,category,persons_rescued,outcome,departed_at,on_scene_at,returned_at,chainage_km\n"
           "2024-12-31 23:30,卓玛拉山口,exhaustion,1,rescued,2024-12-31 23:50,2025-01-01 01:00,,24.0\n"
           "2025-01-01 00:10,岗加,lost,2,rescued,2025-01-01 00:30,2025-01-01 01:40,,19.0\n"
           "2025-06-11 09:00,岗加,altitude_sickness,3,hospital,2025-06-11 09:20,2025-06-11 10:00,,19.2\n"
           "2025-06-11 12:00,x,cardiac,1,fatal,2025-06-11 12:30,2025-06-11 14:00,,30.0\n"
           "2025-06-11 12:00,bad,cardiac,1,fatal,2025-06-11 11:30,,,30.0\n")


def _fill(tmp_path, url, capsys):
    path = tmp_path / "book.csv"
    path.write_text(LOGBOOK, encoding="utf-8")
    code = run(["--db", url, "import", str(path)])
    out = capsys.readouterr()
    return code, out


def test_import_reports_progress_and_bad_lines(tmp_path, sqlite_url, capsys):
    code, out = _fill(tmp_path, sqlite_url, capsys)
    assert code == 1  # one bad row
    assert "book.csv:6: departed_at is before received_at" in out.err
    assert "5/5 rows (100%)" in out.err
    assert out.out.startswith("4 imported, 0 already there, 1 bad")
    code, out = _fill(tmp_path, sqlite_url, capsys)
    assert out.out.startswith("0 imported, 4 already there, 1 bad")


def test_import_missing_file_is_one_sentence(tmp_path, sqlite_url, capsys):
    assert run(["--db", sqlite_url, "import", str(tmp_path / "nope.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rescue-desk: cannot read") and "Traceback" not in err


def test_report_json_csv_and_text(tmp_path, sqlite_url, capsys):
    _fill(tmp_path, sqlite_url, capsys)
    out_csv = tmp_path / "r.csv"
    assert run(["--db", sqlite_url, "report", "--year", "2025", "--json", "--csv", str(out_csv)]) == 0
    j = json.loads(capsys.readouterr().out)
    assert (j["calls"], j["incidents"], j["trips"], j["persons_rescued"], j["deaths"]) == (3, 3, 3, 6, 1)  # 2 + 3 + 1 rescued; the cardiac row adds one death
    assert j["by_month"]["1"] == 1 and j["by_month"]["6"] == 2 and len(j["by_month"]) == 12
    assert j["by_category"] == {"lost": 1, "altitude_sickness": 1, "cardiac": 1}
    assert j["by_outcome"] == {"rescued": 1, "hospital": 1, "fatal": 1}
    assert {s["key"]: s["count"] for s in j["by_section"]}["gangjia"] == 2
    # call → on scene: 90, 60, 120 min
    assert j["response_minutes"]["median"] == 90.0 and j["response_minutes"]["p90"] == 114.0
    assert j["year_over_year"]["incidents"] == {"current": 3, "previous": 1, "change": 2, "change_pct": 200.0}
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8-sig")))
    assert [r["category"] for r in rows] == ["lost", "altitude_sickness", "cardiac"]
    assert run(["--db", sqlite_url, "report", "--year", "2025"]) == 0
    text = capsys.readouterr().out
    assert "incidents 3" in text and "median 90 min" in text


def test_report_bad_year(sqlite_url, capsys):
    assert run(["--db", sqlite_url, "report", "--year", "2025", "--to-year", "2020"]) == 2
    assert "--to-year" in capsys.readouterr().err
