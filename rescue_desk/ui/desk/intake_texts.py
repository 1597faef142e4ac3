"""The intake's sentences in the officer's language: the estimate's summary, the position, the
incidents to link to, the question before moving an accepted pin, what another desk changed."""

from __future__ import annotations

from PySide6.QtCore import QObject

from rescue_desk.domain import codes
from rescue_desk.domain.geo import geodesic_distance_m
from rescue_desk.services.incidents import get_incident

from ..text import fill, landmark_name, place_text, translate



class IntakeTexts(QObject):
    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx

    @property
    def lang(self) -> str:
        return self.ctx.lang

    def language_name(self, code: str) -> str:
        return {"zh": translate("IntakeForm", "Chinese"), "en": translate("IntakeForm", "English"), "bo": translate("IntakeForm", "Tibetan"), "hi": translate("IntakeForm", "Hindi"),
                "other": translate("IntakeForm", "Other language")}[code]

    def cannot_place(self, result) -> str:
        return fill(translate("IntakeForm", "Cannot place yet: %1"), result.explanation(self.lang))

    def summary(self, r) -> str:
        """One line: where the estimate is and how sure it is."""
        if r.chainage_km is None:
            return fill(translate("IntakeForm", "Estimate: a point %1 m off the trail (± %2 m)"), f"{r.offset_m or 0:.0f}",
                        f"{r.radius_m or 0:.0f}")
        seg = self.ctx.kora.segment_at(r.chainage_km)
        text = fill(translate("IntakeForm", "Estimate: km %1 (%2); 90 % within %3 km"), f"{r.chainage_km:.2f}",
                    seg.label_zh if self.lang == "zh" else seg.label_en, f"{r.interval_length_km():.1f}")
        if r.conflicts:
            text += translate("IntakeForm", " — the clues disagree, check with the caller")
        return text

    def estimate_text(self, r) -> str:
        """The summary line and the locator's explanation, without the readings and the question
        (the form shows those on lines of their own)."""
        own = {r.question.en, r.question.zh} if r.question is not None else set()
        lines = [line for line in r.explanation(self.lang).split("\n")[1:]
                 if line not in own and not line.startswith(("readings: ", "可能的位置："))]
        return "\n".join([self.summary(r)] + lines)

    def question(self, r) -> str:
        """What to ask the caller to tell the remaining readings apart, or ""."""
        if r is None or r.question is None:
            return ""
        q = r.question.zh if self.lang == "zh" else r.question.en
        return q[:1].upper() + q[1:]

    def readings(self, r) -> str:
        """The places the words still allow, most likely first ("" when only one)."""
        if r is None or len(r.readings) < 2:
            return ""
        items = [fill(translate("IntakeForm", "near %1, km %2–%3 (%4 %)"), x.landmark_zh if self.lang == "zh" else x.landmark_en,
                      f"{x.from_km:.1f}", f"{x.to_km:.1f}", f"{x.probability * 100:.0f}") for x in r.readings]
        return fill(translate("IntakeForm", "Still possible: %1"), "; ".join(items))

    def position(self, pos, fixed: bool) -> str:
        if pos is None:
            return translate("IntakeForm", "No position yet: type the caller's words, pick a landmark or click the map.")
        kora = self.ctx.kora
        km, off = kora.chainage_of(*pos)
        text = fill(translate("IntakeForm", "Position %1, %2 — km %3 near %4"), f"{pos[1]:.5f}", f"{pos[0]:.5f}", f"{km:.2f}",
                    landmark_name(kora.nearest_landmark(km), self.lang))
        if off > 100:
            text += " " + fill(translate("IntakeForm", "(%1 m off the trail)"), f"{off:.0f}")
        return text + (" ✓" if fixed else "")

    def move_question(self, old, new) -> str:
        kora = self.ctx.kora
        return fill(translate("IntakeForm", "The call's position was accepted at %1. Move it %2 m to %3?"),
                    place_text(kora, kora.chainage_of(*old)[0], self.lang),
                    f"{geodesic_distance_m(old[0], old[1], new[0], new[1]):.0f}",
                    place_text(kora, kora.chainage_of(*new)[0], self.lang))

    def link_item(self, r) -> str:
        cat = codes.label(codes.CATEGORIES, r.category, self.lang)
        km = "" if r.chainage_km is None else f" km {r.chainage_km:.1f}"
        return fill(translate("IntakeForm", "Incident #%1 (%2%3)"), r.id, cat, km)

    def explain_link_change(self, incident_id: int, message) -> None:
        """Read the incident the call was to be linked to and say what it is now (the call is kept)."""
        def show(row) -> None:
            status = codes.label(codes.STATUSES, row.status, self.lang)
            message.show_error(fill(translate("IntakeForm", "Not saved: incident #%1 has just been changed — it is now “%2” (%3). "
                                        "Check it, then save the call again; what you typed is kept."),
                                    row.id, status, place_text(self.ctx.kora, row.chainage_km, self.lang)))

        self.ctx.worker.submit(get_incident, self.ctx.db, incident_id, on_done=show, on_error=lambda _e: None)
