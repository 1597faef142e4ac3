"""The incident sheet: one A4 page a team takes into the field, in Chinese (or English on request).
Header, map extract, position in every form with a QR code of the Amap link, the approach with P50/P90
and sunset, the team, the callers' own words, the people and the contacts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF

from rescue_desk.domain import codes
from rescue_desk.domain.clock import format_beijing
from rescue_desk.services.incident_sheet import IncidentSheet
from rescue_desk.services.sharing import approach_words

from ..reports.pdf import ensure_application, pdf_font
from ..share.qr import paint_qr
from .map_extract import paint_map_extract
from .page import Page, a4_pdf

W = {
    "zh": {"title": "警情 {id} · 出警单", "printed": "打印于 {t}（北京时间）", "drill": "演练 — 非真实警情",
           "received": "接警", "category": "类别", "severity": "等级", "status": "状态", "people": "人数",
           "where": "位置", "no_position": "尚未标定位置：请先在调度台上标定，再打印地图和路线。",
           "estimated": "（调度估计位置，未经确认）", "approach": "建议路线", "arrive": "到达 P50 {a}，P90 {b}",
           "sun": "日出 {r} · 日落 {s}", "dark": "可能天黑后到达：带头灯，按夜间行动准备。",
           "team": "出警队伍", "no_team": "尚未派出队伍", "vehicle": "车辆", "departed": "出发",
           "words": "报警人原话", "persons": "人员", "persons_none": "共 {n} 人（尚未登记详情）",
           "contacts": "联系电话", "caller": "报警人", "person": "当事人", "officer": "队员", "none": "无",
           "cols": ["姓名", "年龄", "性别", "来源", "情况", "结果"], "qr": "扫码用高德打开",
           "elev": "海拔约 {m} 米", "hazards": "险情"},
    "en": {"title": "Rescue incident {id} · field sheet", "printed": "printed {t} (Beijing time)",
           "drill": "DRILL — not a real emergency", "received": "Received", "category": "Category",
           "severity": "Severity", "status": "Status", "people": "People", "where": "Position",
           "no_position": "No position yet: place the incident at the desk, then print the map and approach.",
           "estimated": " (the desk's estimate, not confirmed)", "approach": "Suggested approach",
           "arrive": "arrive P50 {a}, P90 {b}", "sun": "sunrise {r} · sunset {s}",
           "dark": "May arrive in the dark: take head torches, plan for the night.", "team": "Team",
           "no_team": "No team dispatched yet", "vehicle": "Vehicle", "departed": "Departed",
           "words": "The caller's words", "persons": "People", "persons_none": "{n} in the party (no details yet)",
           "contacts": "Contacts", "caller": "caller", "person": "person", "officer": "officer", "none": "none",
           "cols": ["Name", "Age", "Sex", "Origin", "Condition", "Outcome"], "qr": "Scan to open in Amap",
           "elev": "about {m} m", "hazards": "Hazards"},
}


def _header(pg: Page, sheet: IncidentSheet, lang: str) -> None:
    w = W[lang]
    pg.text(w["title"].format(id=sheet.id), 1.7, bold=True, gap=0.1)
    pg.text(w["printed"].format(t=format_beijing(sheet.printed_at)), 0.85, colour="#555555", gap=0.2)
    if sheet.drill:
        pg.text(w["drill"], 1.0, bold=True, colour="#b2182b", gap=0.2)
    facts = "   ".join([
        f"{w['received']} {format_beijing(sheet.created_at)}",
        f"{w['category']} {codes.label(codes.CATEGORIES, sheet.category, lang)}",
        f"{w['severity']} {codes.label(codes.SEVERITIES, sheet.severity, lang)}",
        f"{w['status']} {codes.label(codes.STATUSES, sheet.status, lang)}",
        f"{w['people']} {sheet.party_size}"])
    pg.text(facts, 1.0, bold=True, gap=0.4)


def _position_block(pg: Page, sheet: IncidentSheet, lang: str) -> None:
    w = W[lang]
    share = sheet.share
    top = pg.y
    qr_side = pg.width * 0.17
    pg.heading(w["where"] + (w["estimated"] if share.estimated else ""))
    rows = share.position.lines(lang)
    rows = [r for r in rows if not r[1].startswith(("geo:", "https://"))]
    if share.geometry.elevation_m is not None:
        rows[0] = (rows[0][0], rows[0][1] + "，" + w["elev"].format(m=f"{share.geometry.elevation_m:,.0f}")
                   if lang == "zh" else rows[0][1] + ", " + w["elev"].format(m=f"{share.geometry.elevation_m:,.0f}"))
    start = pg.y
    pg.rows(rows, width=pg.width - qr_side - 16, label_w=0.27)
    paint_qr(pg.p, QRectF(pg.width - qr_side, start, qr_side, qr_side), share.position.amap_link())
    pg.p.setFont(pg.font(0.75))
    pg.p.drawText(QRectF(pg.width - qr_side, start + qr_side + 2, qr_side, 20), 0x0084, w["qr"])
    pg.y = max(pg.y, start + qr_side + 22, top)


def _approach_block(pg: Page, sheet: IncidentSheet, lang: str) -> None:
    w = W[lang]
    plan = sheet.share.plan if sheet.share else None
    sun = w["sun"].format(r=format_beijing(sheet.sun.sunrise, False) or "—",
                          s=format_beijing(sheet.sun.sunset, False) or "—")
    pg.heading(w["approach"])
    if plan is None:
        pg.text(sun, 0.92)
        return
    b = plan.best
    pg.text(approach_words(plan, lang), 0.95, bold=True, gap=0.15)
    pg.text(w["arrive"].format(a=format_beijing(b.arrival_p50, False), b=format_beijing(b.arrival_p90, False))
            + "   " + sun, 0.92, gap=0.15)
    if plan.after_sunset_p90:
        pg.text(w["dark"], 0.92, bold=True, colour="#b2182b", gap=0.15)
    if plan.hazard_notes:
        pg.text(f"{w['hazards']}: " + "; ".join(plan.hazard_notes), 0.9, colour="#b2182b", gap=0.15)


def _team_block(pg: Page, sheet: IncidentSheet, lang: str) -> None:
    w = W[lang]
    pg.heading(w["team"])
    t = sheet.team
    if t is None:
        pg.text(w["no_team"], 0.92)
        return
    names = "、".join(n for n, _r, _p in t.officers) if lang == "zh" else ", ".join(n for n, _r, _p in t.officers)
    rows = [(w["team"], names or "—"), (w["vehicle"], t.vehicle or "—")]
    if t.departed_at:
        rows.append((w["departed"], format_beijing(t.departed_at)))
    pg.rows(rows, label_w=0.14)


def _words_block(pg: Page, sheet: IncidentSheet, lang: str, max_lines: int) -> None:
    w = W[lang]
    pg.heading(w["words"])
    per_call = max(2, max_lines // max(1, len(sheet.calls)))
    for call in sheet.calls[:4]:
        channel = codes.label(codes.CHANNELS, call.channel, lang)
        pg.text(f"{format_beijing(call.received_at, False)} {channel}：「{call.text.strip() or '—'}」"
                if lang == "zh" else f"{format_beijing(call.received_at, False)} {channel}: “{call.text.strip() or '—'}”",
                0.95, max_lines=per_call, gap=0.15)


def _persons_block(pg: Page, sheet: IncidentSheet, lang: str) -> None:
    w = W[lang]
    pg.heading(w["persons"])
    if not sheet.persons:
        pg.text(w["persons_none"].format(n=sheet.party_size), 0.92)
        return
    rows = [w["cols"]] + [[p.name or "—", "" if p.age is None else str(p.age), codes.label(codes.SEXES, p.sex, lang),
                          codes.label(codes.ORIGINS, p.origin, lang), p.condition,
                          codes.label(codes.PERSON_OUTCOMES, p.outcome, lang) if p.outcome else ""]
                         for p in sheet.persons]
    pg.table(rows, [0.16, 0.08, 0.08, 0.18, 0.32, 0.18], max_rows=6)


def _contacts_block(pg: Page, sheet: IncidentSheet, lang: str) -> None:
    w = W[lang]
    pg.heading(w["contacts"])
    contacts = sheet.contacts
    if not contacts:
        pg.text(w["none"], 0.92)
        return
    parts = [f"{w[role]} {name} {phone}".replace("  ", " ") for role, name, phone in contacts[:10]]
    pg.text("    ".join(parts), 0.95, max_lines=3)


def write_incident_sheet_pdf(sheet: IncidentSheet, path: Path | str, lang: str = "zh") -> None:
    """The one-page sheet at ``path`` (overwritten). GUI thread; OSError when it cannot be written."""
    ensure_application()
    base = pdf_font(9.5)
    title = W[lang]["title"].format(id=sheet.id)
    with a4_pdf(path, title, base) as pg:
        _header(pg, sheet, lang)
        if sheet.share is not None:
            height = pg.rect.height() * 0.46
            paint_map_extract(pg.p, QRectF(0, pg.y, pg.width, height), sheet.kora, sheet.share.geometry, lang,
                              pg.font(1.0))
            pg.y += height + 6
            _position_block(pg, sheet, lang)
        else:
            pg.text(W[lang]["no_position"], 1.0, bold=True, colour="#b2182b")
        _approach_block(pg, sheet, lang)
        _team_block(pg, sheet, lang)
        _words_block(pg, sheet, lang, max_lines=6)
        _persons_block(pg, sheet, lang)
        _contacts_block(pg, sheet, lang)


def write_incident_sheet_pdf_headless(sheet: IncidentSheet, path: Path | str, lang: str = "zh") -> None:
    """``rescue-desk print``: an offscreen Qt application with the shipped fonts, then the sheet."""
    ensure_application()
    from rescue_desk.ui import fonts

    fonts.install_fonts()
    write_incident_sheet_pdf(sheet, path, lang)
