"""``rescue-desk print`` and ``rescue-desk handover``: the PDFs read back hold what the team and the
next shift need; handovers are recorded and start the next one's calls."""

import re

import pytest

from rescue_desk.cli import run
from rescue_desk.services.handover import handover_report
from rescue_desk.services.incidents import list_incidents
from rescue_desk.storage import open_database

pytest.importorskip("PySide6")
pypdf = pytest.importorskip("pypdf")


def _pdf_text(path, compact: bool = True) -> tuple[str, int]:
    """All the PDF's text and its page count; ``compact`` removes whitespace (Chinese has no spaces
    and the layout breaks lines anywhere)."""
    reader = pypdf.PdfReader(str(path))
    text = "\n".join(p.extract_text() for p in reader.pages)
    return (re.sub(r"\s+", "", text) if compact else text), len(reader.pages)


def test_incident_sheet_holds_id_km_and_callers_words(field_shift, tmp_path, capsys):
    url, ids = field_shift
    out = tmp_path / "sheet.pdf"
    assert run(["--db", url, "print", str(ids["estimated"]), "--pdf", str(out)]) == 0
    text, pages = _pdf_text(out)
    assert pages == 1
    assert f"警情{ids['estimated']}" in text
    assert "24.60公里" in text
    assert "过了卓玛拉山口大概一公里，同伴摔倒了走不了，腿在流血。" in text
    assert "13800138000" in text and "张伟" in text and "日落" in text and "P90" in text


def test_incident_sheet_in_english_and_with_a_team(field_shift, tmp_path):
    url, ids = field_shift
    out = tmp_path / "sheet-en.pdf"
    assert run(["--db", url, "--lang", "en", "print", str(ids["overdue"]), "--pdf", str(out)]) == 0
    text, pages = _pdf_text(out)
    assert pages == 1 and f"Rescueincident{ids['overdue']}" in text and "km18.90" in text
    assert "WearenearGangjia,myfriendhasabadheadacheandisvomiting" in text
    assert "Suggestedapproach" in text and "sunset" in text


def test_sheet_without_position_and_bad_paths(field_shift, tmp_path, capsys):
    url, ids = field_shift
    out = tmp_path / "unplaced.pdf"
    assert run(["--db", url, "print", str(ids["unplaced"]), "--pdf", str(out)]) == 0
    text, _ = _pdf_text(out)
    assert "尚未标定位置" in text and "转山的人说有人走丢了" in text
    capsys.readouterr()
    assert run(["--db", url, "print", "99999", "--pdf", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err
    bad = tmp_path / "no-such-folder" / "x.pdf"
    assert run(["--db", url, "print", str(ids["estimated"]), "--pdf", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert "cannot write" in err and err.count("\n") == 0 and not bad.parent.exists()


def test_handover_lists_every_open_incident_and_the_overdue_team(field_shift, tmp_path):
    url, ids = field_shift
    out = tmp_path / "handover.pdf"
    assert run(["--db", url, "handover", "--pdf", str(out)]) == 0
    text, _pages = _pdf_text(out)
    raw, _pages = _pdf_text(out, compact=False)
    db = open_database(url)
    open_ids = [r.id for r in list_incidents(db, open_only=True)]
    db.dispose()
    assert len(open_ids) >= 4
    cells = [c.strip() for c in raw.splitlines()]
    start = next(i for i, c in enumerate(cells) if c == f"({len(open_ids)})" and cells[i - 1] == "未结案警情")
    end = cells.index("在外救援队", start)
    listed = {int(c) for c in cells[start:end] if c.isdigit()}
    assert set(open_ids) <= listed, f"open incidents missing from the handover: {set(open_ids) - listed}"
    at = text.index("超时未联络的救援队")
    overdue = text[at:text.index("未结案警情(", at)]
    assert "过了曲古寺，继续前进" in overdue and "报告位置" in overdue
    assert "转山的人说有人走丢了" in text  # a call of this shift


def test_handover_notes_are_recorded_and_start_the_next_shift(field_shift, tmp_path, capsys):
    url, ids = field_shift
    db = open_database(url)
    before = handover_report(db)
    assert before.previous is None and len(before.calls) >= 4  # the scene's calls of the last 12 hours
    db.dispose()
    assert run(["--db", url, "handover", "--notes", "3号车油不多，明早加油"]) == 0
    assert f"calls {len(before.calls)}" in capsys.readouterr().out
    db = open_database(url)
    report = handover_report(db)
    db.dispose()
    assert report.previous.notes == "3号车油不多，明早加油" and report.calls == []
    out = tmp_path / "next.pdf"
    assert run(["--db", url, "--lang", "en", "handover", "--pdf", str(out)]) == 0
    text, _ = _pdf_text(out)
    assert "3号车油不多，明早加油" in text and "Notesfromthepreviousshift" in text


def test_handover_since_must_be_a_time(field_shift, capsys):
    url, _ids = field_shift
    assert run(["--db", url, "handover", "--since", "yesterday"]) == 2
    assert "--since" in capsys.readouterr().err
    assert run(["--db", url, "handover", "--since", "2025-06-01T00:00+08:00"]) == 0


def test_the_handover_carries_the_event_log_anchor_that_audit_verify_checks(field_shift, tmp_path, capsys):
    import re
    import unicodedata

    url, _ids = field_shift
    out = tmp_path / "handover.pdf"
    assert run(["--db", url, "--lang", "en", "handover", "--pdf", str(out)]) == 0
    raw, _ = _pdf_text(out, compact=False)
    # copied from the PDF as it is: the font may set "ff" in the hash as one ligature glyph "ﬀ"
    found = re.search(r"--anchor\s*(\d+:[0-9a-f\ufb00-\ufb04]{50,64})", raw.replace("\n", ""))
    assert found, raw[-400:]
    copied = found.group(1)
    ident, digest = unicodedata.normalize("NFKC", copied).split(":")
    db = open_database(url)
    assert handover_report(db).log_anchor == (int(ident), digest) and len(digest) == 64
    db.dispose()
    capsys.readouterr()
    assert run(["--db", url, "audit", "verify", "--anchor", copied]) == 0
    forged = ("0" if digest[0] != "0" else "1") + digest[1:]
    assert run(["--db", url, "audit", "verify", "--anchor", f"{ident}:{forged}"]) != 0
    said = capsys.readouterr()
    assert "anchor" in (said.out + said.err).lower()


def test_an_anchor_pasted_with_a_typographic_ligature_is_read_as_typed():
    from argparse import Namespace

    from rescue_desk.cli import CliError
    from rescue_desk.cli.audit import _anchor

    digest = "0123456789abcdef" * 3 + "ffee" * 4
    pasted = " 42:" + digest.replace("ff", "\ufb00") + " "  # as a PDF viewer copies it
    assert _anchor(Namespace(anchor=pasted, against=None)) == (42, digest)
    with pytest.raises(CliError):
        _anchor(Namespace(anchor="42:" + digest[:-1], against=None))
