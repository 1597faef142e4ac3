"""The shift handover on A4 (as many pages as the shift needs): overdue teams first, then every open
incident, the teams out with their last check-in and position, the calls since the last handover and
the notes for the next shift."""

from __future__ import annotations

from pathlib import Path

from rescue_desk.domain import codes
from rescue_desk.domain.clock import format_beijing, to_beijing
from rescue_desk.domain.kora import Kora, load_kora
from rescue_desk.services.handover import HandoverReport, TeamOut

from ..reports.pdf import ensure_application, pdf_font
from .page import Page, a4_pdf

NEXT_STEPS = {
    "dispatch": ("派出救援队", "Dispatch a team"), "log_departure": ("登记出发", "Log departure"),
    "reach_scene": ("救援队在途", "Team on the way"), "treat_or_evacuate": ("救治或转运", "Treat or evacuate"),
    "return_and_close": ("返回并结案", "Return and close"), "close": ("结案", "Close the incident"),
    "closed": ("已结案", "Closed"),
}
OVERDUE = codes.OVERDUE_REASONS
W = {
    "zh": {"title": "交接班记录", "span": "本班 {a} 至 {b}（北京时间）", "by": "上一班交接：{t} {who}",
           "summary": "未结案警情 {i} 起 · 在外救援队 {t} 支 · 超时未联络 {o} 支 · 本班来电 {c} 个",
           "overdue": "超时未联络的救援队", "open": "未结案警情", "teams": "在外救援队", "calls": "本班来电",
           "notes": "给下一班的交接事项", "prev_notes": "上一班留言", "none": "无", "drill": "演练",
           "open_cols": ["编号", "接警", "状态", "类别", "等级", "位置", "下一步", "报警人原话"],
           "team_cols": ["警情", "队员", "车辆", "出发", "最后联络", "最后报告", "位置", "应联络"],
           "call_cols": ["时间", "警情", "方式", "类别", "原话"], "km": "{km:.1f} 公里 {lm}",
           "from_checkin": "（报告位置）", "from_incident": "（警情位置）",
           "anchor": "事件日志锚点 {a}（核对：rescue-desk audit verify --anchor {a}）"},
    "en": {"title": "Shift handover", "span": "Shift {a} to {b} (Beijing time)", "by": "Last handover: {t} by {who}",
           "summary": "{i} open incident(s) · {t} team(s) out · {o} overdue · {c} call(s) this shift",
           "overdue": "Overdue teams", "open": "Open incidents", "teams": "Teams out", "calls": "Calls this shift",
           "notes": "Notes for the next shift", "prev_notes": "Notes from the previous shift", "none": "none",
           "drill": "drill",
           "open_cols": ["No.", "Received", "Status", "Category", "Sev.", "Where", "Next step", "Caller's words"],
           "team_cols": ["Inc.", "Officers", "Vehicle", "Left", "Last contact", "Last report", "Position", "Due"],
           "call_cols": ["Time", "Inc.", "Channel", "Category", "Words"], "km": "km {km:.1f} {lm}",
           "from_checkin": " (reported)", "from_incident": " (incident)",
           "anchor": "Event log anchor {a} (check: rescue-desk audit verify --anchor {a})"},
}


def where_text(kora: Kora, km: float | None, lang: str) -> str:
    if km is None:
        return "—"
    lm = kora.nearest_landmark(km)
    return W[lang]["km"].format(km=km, lm=lm.short_zh if lang == "zh" else lm.short_en)


def team_row(t: TeamOut, kora: Kora, lang: str) -> list[str]:
    w = W[lang]
    sep = "、" if lang == "zh" else ", "
    place = where_text(kora, t.chainage_km, lang)
    if t.position_from:
        place += w["from_checkin"] if t.position_from == "checkin" else w["from_incident"]
    return [str(t.incident_id), sep.join(t.officers), t.vehicle, format_beijing(t.departed_at, False),
            format_beijing(t.last_contact, False), t.last_checkin_note or "—", place, format_beijing(t.due_at, False)]


def _incidents(pg: Page, report: HandoverReport, kora: Kora, lang: str) -> None:
    w = W[lang]
    i = 0 if lang == "zh" else 1
    pg.heading(f"{w['open']} ({len(report.open_incidents)})")
    if not report.open_incidents:
        pg.text(w["none"], 0.92)
        return
    rows = [w["open_cols"]]
    overdue = set()
    for n, r in enumerate(report.open_incidents):
        step = OVERDUE[r.overdue][i] if r.overdue in OVERDUE else NEXT_STEPS.get(r.next_step, (r.next_step,) * 2)[i]
        if r.overdue:
            overdue.add(n)
        rows.append([f"{r.id}" + (f" ({w['drill']})" if r.drill else ""), to_beijing(r.received_at).strftime("%m-%d %H:%M"),
                     codes.label(codes.STATUSES, r.status, lang), codes.label(codes.CATEGORIES, r.category, lang),
                     str(r.severity), where_text(kora, r.chainage_km, lang), step, " ".join(r.text.split())])
    pg.table(rows, [0.07, 0.11, 0.08, 0.1, 0.05, 0.17, 0.18, 0.24], scale=0.8, highlight=overdue)


def _calls(pg: Page, report: HandoverReport, lang: str) -> None:
    w = W[lang]
    pg.heading(f"{w['calls']} ({len(report.calls)})")
    if not report.calls:
        pg.text(w["none"], 0.92)
        return
    rows = [w["call_cols"]] + [[format_beijing(c.received_at, False), "" if c.incident_id is None else str(c.incident_id),
                                codes.label(codes.CHANNELS, c.channel, lang),
                                codes.label(codes.CATEGORIES, c.category, lang), " ".join(c.text.split())]
                               for c in report.calls]
    pg.table(rows, [0.08, 0.07, 0.1, 0.13, 0.62], scale=0.8)


def write_handover_pdf(report: HandoverReport, path: Path | str, lang: str = "zh", kora: Kora | None = None) -> None:
    """The handover at ``path`` (overwritten). GUI thread; OSError when it cannot be written."""
    ensure_application()
    kora = kora or load_kora()
    w = W[lang]
    with a4_pdf(path, w["title"], pdf_font(9.5), more_pages=True) as pg:
        pg.text(w["title"], 1.7, bold=True, gap=0.1)
        pg.text(w["span"].format(a=format_beijing(report.since), b=format_beijing(report.now)), 0.9, colour="#555555",
                gap=0.1)
        if report.previous is not None:
            pg.text(w["by"].format(t=format_beijing(report.previous.at), who=report.previous.handed_by or "—"), 0.9,
                    colour="#555555", gap=0.1)
        pg.text(w["summary"].format(i=len(report.open_incidents), t=len(report.teams_out),
                                    o=len(report.overdue_teams), c=len(report.calls)), 1.05, bold=True, gap=0.4)
        widths = [0.06, 0.16, 0.12, 0.07, 0.1, 0.19, 0.22, 0.08]
        if report.overdue_teams:
            pg.heading(w["overdue"])
            pg.table([w["team_cols"]] + [team_row(t, kora, lang) for t in report.overdue_teams], widths, scale=0.8,
                     highlight=set(range(len(report.overdue_teams))))
        _incidents(pg, report, kora, lang)
        pg.heading(f"{w['teams']} ({len(report.teams_out)})")
        if report.teams_out:
            pg.table([w["team_cols"]] + [team_row(t, kora, lang) for t in report.teams_out], widths, scale=0.8,
                     highlight={n for n, t in enumerate(report.teams_out) if t.overdue})
        else:
            pg.text(w["none"], 0.92)
        _calls(pg, report, lang)
        pg.heading(w["notes"])
        pg.text(report.notes.strip() or w["none"], 1.0)
        if report.previous is not None and report.previous.notes:
            pg.heading(w["prev_notes"])
            pg.text(report.previous.notes, 0.92, colour="#333333")
        if report.log_anchor is not None:
            pg.text(w["anchor"].format(a=report.anchor_text), 0.75, colour="#555555", gap=0.3)


def write_handover_pdf_headless(report: HandoverReport, path: Path | str, lang: str = "zh") -> None:
    """``rescue-desk handover --pdf``: an offscreen Qt application with the shipped fonts, then the PDF."""
    ensure_application()
    from rescue_desk.ui import fonts

    fonts.install_fonts()
    write_handover_pdf(report, path, lang)
