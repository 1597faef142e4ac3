"""Historical CSV import: any cell content, any file text. A bad row is reported with its line, a bad
header raises RowError; nothing else escapes, and the database stays consistent."""

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from fuzz_strategies import FUZZ, caller_text

from rescue_desk.cli import run
from rescue_desk.domain.kora import load_kora
from rescue_desk.services.audit import verify
from rescue_desk.services.importer import KNOWN, RowError, import_logbook, parse_row, read_logbook

KORA = load_kora()
CELL = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", "2019-06-11 09:00", "2019-06-11T09:00:00+08:00", "2019-02-30 10:00", "2099-01-01 00:00",
                     "0", "-1", "501", "1e3", "nan", "inf", "81.3", "31.1", "46.3", "是", "否", "演练", "hospital",
                     "fatal", "摔伤", "altitude_sickness", "indian_yatri", " 2 ", "٣", "1_000", "0x1F"]),
    st.floats().map(repr), st.integers(-10**6, 10**6).map(str))
ROW = st.fixed_dictionaries({}, optional={k: CELL for k in KNOWN}).map(
    lambda d: {**d, "received_at": d.get("received_at", "2019-06-11 09:00")})


@FUZZ
@given(raw=st.one_of(ROW, st.dictionaries(st.sampled_from(KNOWN), CELL)), line=st.integers(1, 10**6))
def test_parse_row(raw, line):
    try:
        row = parse_row(raw, line, KORA)
    except RowError as exc:
        assert str(exc)
        return
    assert row.line == line and row.received_at.tzinfo is not None
    row.fingerprint()


def _csv(rows, header):
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(h, "") for h in header])
    return out.getvalue()


@FUZZ
@given(rows=st.lists(ROW, max_size=4), header=st.permutations(list(KNOWN)).map(lambda h: h[:8]),
       junk=st.one_of(st.just(""), caller_text))
def test_import_logbook_any_rows(db, rows, header, junk):
    text = _csv(rows, ["received_at", *[h for h in header if h != "received_at"]]) + junk
    result = import_logbook(db, "fuzz", text, "fuzz.csv", kora=KORA)
    assert result.imported + result.duplicates + len(result.bad) == result.rows
    assert all(line >= 2 for line, _reason in result.bad)


@FUZZ
@given(text=st.one_of(st.text(max_size=300), caller_text))
def test_import_logbook_any_text(db, text):
    try:
        import_logbook(db, "fuzz", text, "fuzz.csv", kora=KORA)
    except RowError:
        pass


def test_database_consistent_after_fuzzing(db):
    import_logbook(db, "fuzz", _csv([{"received_at": "2019-06-11 09:00", "description": "卓玛拉"}], list(KNOWN)),
                   kora=KORA)
    assert verify(db).intact


def test_cli_refuses_binary_file_with_one_sentence(tmp_path, sqlite_url, capsys):
    """Found by fuzzing: a file neither UTF-8 nor GB18030 ended in a traceback."""
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x80\xff\xfe\x81")
    assert run(["--db", sqlite_url, "import", str(path), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert "UTF-8" in err and "GB18030" in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_cr_only_logbook_imports(db):
    """Found by fuzzing: a logbook with classic-Mac line endings (CR only) crashed with csv.Error."""
    result = import_logbook(db, "fuzz", "received_at,description\r2019-06-11 09:00,卓玛拉\r2019-06-12 10:00,色雄\r",
                            kora=KORA)
    assert (result.rows, result.imported, result.bad) == (2, 2, [])


def test_huge_field_is_a_row_error(db):
    """Found by fuzzing: a field over 128 KB let csv.Error escape; now it is a bad row with its line,
    and the rows after it still import."""
    text = ('received_at,description\n2019-06-11 09:00,"' + "x" * 140_000 + '"\n'
            "2019-06-12 10:00,色雄\n")
    result = import_logbook(db, "fuzz", text, kora=KORA)
    assert result.imported == 1 and [line for line, _reason in result.bad] == [2]
    assert "longer than" in result.bad[0][1]


def test_huge_header_is_one_sentence(db):
    with pytest.raises(RowError, match="line 1"):
        import_logbook(db, "fuzz", '"' + "x" * 140_000 + '",received_at\n', kora=KORA)


def test_nul_character_is_a_row_error(any_db):
    """Found by fuzzing: a NUL in a field crashed the import on PostgreSQL (text cannot hold it)."""
    text = "received_at,description\n2019-06-11 09:00,卓玛\x00拉\n2019-06-12 10:00,色雄\n"
    result = import_logbook(any_db, "fuzz", text, kora=KORA)
    assert result.imported == 1 and [line for line, _reason in result.bad] == [2]


def test_utf16_logbook_is_read(tmp_path, db):
    path = tmp_path / "unicode.csv"
    path.write_text("received_at,description\n2019-06-11 09:00,卓玛拉\n", encoding="utf-16")
    assert import_logbook(db, "fuzz", read_logbook(path), kora=KORA).imported == 1
