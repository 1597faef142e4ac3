"""Station statistics: plain records in, a report out (Beijing-time periods, no database, no Qt)."""

from .aggregate import build_report, by_month, by_section, by_week, heat_per_km, in_period, response_times, totals
from .crew import CrewTrip, OfficerYear, VehicleYear, crew_year
from .periods import Period, beijing_date, week_start
from .quantiles import Spread, quantile
from .records import CallRecord, IncidentRecord, TripRecord
from .report import RESPONSE_KINDS, Report, SectionCount, Totals, change

__all__ = ["build_report", "by_month", "by_section", "by_week", "heat_per_km", "in_period", "response_times",
           "totals", "Period", "beijing_date", "week_start", "Spread", "quantile", "CallRecord", "IncidentRecord",
           "TripRecord", "CrewTrip", "OfficerYear", "VehicleYear", "crew_year", "RESPONSE_KINDS", "Report", "SectionCount", "Totals", "change"]
