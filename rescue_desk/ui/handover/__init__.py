"""The shift handover on screen: what the next duty officer must know, notes, print, hand over."""

from .dialog import HandoverDialog, open_handover

__all__ = ["HandoverDialog", "open_handover"]
