"""The locator never raises on any caller text, in any datum, at any call time."""

from datetime import datetime, timezone

from hypothesis import given
from hypothesis import strategies as st
from fuzz_strategies import FUZZ, caller_text

from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.locator import DATUMS, LocateResult, locate, parse_description
from rescue_desk.domain.locator.coordinates import datum_from_words, find_coordinates

KORA = load_kora()
times = st.one_of(st.none(), st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1)),
                  st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1),
                               timezones=st.just(timezone.utc)))


@FUZZ
@given(text=caller_text, datum=st.one_of(st.none(), st.sampled_from(sorted(DATUMS))), call_time=times)
def test_locate_never_raises(text, datum, call_time):
    result = locate(text, call_time=call_time, kora=KORA, datum=datum)
    assert isinstance(result, LocateResult)


@FUZZ
@given(text=st.one_of(st.text(), st.binary(), st.integers(), st.none(), st.lists(st.text(max_size=5))))
def test_parse_description_takes_any_object(text):
    parse_description(text, KORA)


@FUZZ
@given(text=caller_text, datum=st.sampled_from(sorted(DATUMS)),
       home=st.tuples(st.floats(-180, 180), st.floats(-90, 90)))
def test_coordinates_reader_never_raises(text, datum, home):
    for reading in find_coordinates(text.lower(), datum, home):
        assert reading is not None
    datum_from_words(text)
