"""Arguments of ``rescue-desk demo``: fill a database with the synthetic demo station."""

from __future__ import annotations

import argparse

from rescue_desk.cli import Handler


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="fill a database with a synthetic demo station (marked synthetic)")
    p.add_argument("--years", type=int, default=3, help="seasons of history to generate (default 3)")
    p.add_argument("--seed", type=int, default=4810, help="random seed (default 4810)")
    p.add_argument("--end-year", type=int, help="last generated year (default: last full year)")
    p.set_defaults(handler=Handler("demo", "_demo"))
