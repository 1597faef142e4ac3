"""Rescue Desk: dispatch desk for the Tarchen border-police mountain-rescue station."""

__version__ = "0.1.0"
