"""Intake drafts read back from disk: any file content gives a draft or None, never an exception."""

from hypothesis import given
from hypothesis import strategies as st
from fuzz_strategies import FUZZ, json_values

from rescue_desk.services.drafts import DraftStore


@FUZZ
@given(content=st.one_of(st.binary(max_size=200), json_values.map(lambda v: __import__("json").dumps(v).encode()),
                         st.builds(lambda f, o: __import__("json").dumps({"version": 1, "owner": o, "fields": f,
                                                                         "saved_at": o}).encode(),
                                   json_values, st.one_of(st.text(max_size=5), st.integers(), st.none()))))
def test_damaged_draft_files(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("d") / "intake.json"
    path.write_bytes(content)
    store = DraftStore(path, owner="pasang")
    fields = store.load()
    assert fields is None or isinstance(fields, dict)
    store.saved_at()
    assert store.exists() == (fields is not None)
