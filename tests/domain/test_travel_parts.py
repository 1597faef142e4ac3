"""The hiking function and the overnight rule, on their own."""

import numpy as np
import pytest

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.travel.hiking import HikingFunction, cell_edges, cell_terrain
from rescue_desk.domain.travel.model import normal_cdf
from rescue_desk.domain.travel.overnight import next_resume, overnight_waits

HOUR = 3600.0


def test_hiking_function_is_tobler_shaped_and_altitude_aware():
    h = HikingFunction(a=6.9, k_alt=0.6, c=3.3, s0=0.05)
    slopes = np.array([-0.3, -0.15, -0.05, 0.0, 0.1, 0.3])
    pace = h.pace_s_per_km(np.full(6, 5000.0), slopes)
    assert pace.argmin() == 2                      # fastest on a gentle descent
    assert pace[5] > pace[4] > pace[3] > pace[2]   # steeper up: slower
    assert pace[0] > pace[1] > pace[2]             # steeper down: slower too
    assert h.pace_s_per_km(5600.0, 0.0) > h.pace_s_per_km(4700.0, 0.0)


def test_cells_cover_the_loop_exactly():
    kora = load_kora()
    edges = cell_edges(kora.length_km)
    assert edges[0] == 0.0 and edges[-1] == pytest.approx(kora.length_km)
    assert np.all(np.diff(edges) > 0) and np.all(np.diff(edges) <= 0.1 + 1e-9)
    z, slope = cell_terrain(kora, edges)
    climb = (edges[:-1] > 22.7) & (edges[:-1] < 23.9)   # final climb to Dolma La
    assert np.all(slope[climb] > 0.05) and z.max() > 5500


def test_next_resume_is_the_next_seven_oclock():
    assert next_resume(np.array(18 * HOUR)) == pytest.approx(31 * HOUR)
    assert next_resume(np.array(25 * HOUR)) == pytest.approx(31 * HOUR)
    assert next_resume(np.array(8 * HOUR)) == pytest.approx(31 * HOUR)


def test_overnight_only_when_the_next_lodging_is_out_of_reach_before_dark():
    lodge, onward = np.array([4 * HOUR]), np.array([8 * HOUR])
    early = overnight_waits(7 * HOUR, np.array([1.0]), lodge, onward, 20 * HOUR)   # at lodge 11:00, on by 19:00
    late = overnight_waits(9 * HOUR, np.array([1.0]), lodge, onward, 20 * HOUR)    # at lodge 13:00, on by 21:00
    assert early[0] == 0.0
    assert late[0] == pytest.approx(31 * HOUR - 13 * HOUR)
    beyond = overnight_waits(9 * HOUR, np.array([1.0]), lodge, onward, 3 * HOUR)   # destination before it
    assert beyond[0] == 0.0


def test_normal_cdf_matches_known_values():
    assert normal_cdf(np.array([0.0]))[0] == pytest.approx(0.5)
    assert normal_cdf(np.array([1.2815516]))[0] == pytest.approx(0.9, abs=1e-6)
    assert normal_cdf(np.array([-1.959964]))[0] == pytest.approx(0.025, abs=1e-6)
