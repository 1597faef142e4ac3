"""What Save tells the officer once before it saves: a category or serious severity the caller's words
suggest but the form does not hold, and a call time days ago. Never an overwrite: pressing Save again
saves the form as it is."""

from __future__ import annotations

from rescue_desk.domain.clock import format_beijing, utc_now

from ..text import fill, translate
from .widgets import mark_invalid


def save_warning(form) -> str | None:
    """The warning for this Save of ``form`` (the call intake), or None to save now. A warning is
    given once for the same suggestions or the same time (remembered in ``form.save_warned``): the next
    Save goes through."""
    warned = form.save_warned
    graver = [c for c in form.suggestions.open_chips() if c.field == "category"
              or (c.field == "severity" and c.value >= 3)]
    key = tuple((c.field, c.value) for c in graver)
    if graver and warned.get("chips") != key:
        warned["chips"] = key
        names = ("、" if form.ctx.lang == "zh" else "; ").join(c.text for c in graver)
        return fill(translate("IntakeForm", "Not applied yet: %1. Click a suggestion (or Apply all), or press Save "
                                            "again to save the form as it is."), names)
    received = form.received.value()
    days = (utc_now() - received).total_seconds() / 86400
    if days > 1 and warned.get("received") != received:  # a wrong date shows as hundreds of hours on the board
        warned["received"] = received
        mark_invalid(form.received, True)
        return fill(translate("IntakeForm", "The call time %1 is %2 days ago. Correct it, or press Save again if it "
                                            "is right."), format_beijing(received), f"{days:.0f}")
    warned.clear()
    return None
