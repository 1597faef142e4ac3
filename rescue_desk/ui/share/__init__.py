"""Sending a position to the team: the share dialog, its QR codes and click-to-copy formats."""
