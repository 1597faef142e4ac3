"""Printed sheets for the field: the incident sheet and the shift handover (A4 PDF, QPainter)."""
