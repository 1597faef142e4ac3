from datetime import datetime, timedelta, timezone

import pytest

from rescue_desk.domain.gpx import GpxError, check_near_kora, check_times, parse_gpx, read_gpx
from rescue_desk.domain.kora import load_kora

T0 = datetime(2025, 7, 1, 2, 0, tzinfo=timezone.utc)


def _gpx(points, version="1.1", kind="trk"):
    ns = {"1.1": "http://www.topografix.com/GPX/1/1", "1.0": "http://www.topografix.com/GPX/1/0"}[version]
    pts = "".join(
        f'<{"trkpt" if kind == "trk" else "rtept"} lat="{lat}" lon="{lon}"><ele>{ele}</ele>'
        f"<time>{t.strftime('%Y-%m-%dT%H:%M:%SZ')}</time></{'trkpt' if kind == 'trk' else 'rtept'}>"
        for lon, lat, ele, t in points)
    body = (f"<trk><name>Team A</name><trkseg>{pts}</trkseg></trk>" if kind == "trk"
            else f"<rte><name>Team A</name>{pts}</rte>")
    return f'<?xml version="1.0"?><gpx version="{version}" creator="test" xmlns="{ns}">{body}</gpx>'


def _kora_points(from_km=5.0, to_km=8.0, n=12):
    kora = load_kora()
    out = []
    for i in range(n):
        km = from_km + (to_km - from_km) * i / (n - 1)
        lon, lat = kora.point_at(km)
        out.append((lon, lat, 4700 + i, T0 + timedelta(minutes=5 * i)))
    return out


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_parses_both_versions_with_times_and_elevations(version):
    pts = _kora_points()
    track = parse_gpx(_gpx(pts, version))
    assert track.version == version and track.name == "Team A"
    assert len(track.points) == len(pts)
    assert track.points[0].lon == pytest.approx(pts[0][0]) and track.points[0].lat == pytest.approx(pts[0][1])
    assert track.points[3].ele == 4703
    assert track.start_time == T0 and track.end_time == T0 + timedelta(minutes=55)
    assert track.rows()[0][0].startswith("2025-07-01T02:00")
    assert check_near_kora(track, load_kora()) == 1.0


def test_route_points_are_read_when_there_is_no_track(tmp_path):
    f = tmp_path / "route.gpx"
    f.write_text(_gpx(_kora_points(), kind="rte"), encoding="utf-8")
    assert len(read_gpx(f).points) == 12


@pytest.mark.parametrize("text, words", [
    ("", "empty"),
    ("<gpx><trk><trkseg><trkpt lat='31' lon='81'>", "not valid XML"),
    ("<kml xmlns='http://www.opengis.net/kml/2.2'/>", "not GPX"),
    ("<gpx version='1.1'><trk><trkseg><trkpt lat='31.0' lon='81.2'/></trkseg></trk></gpx>", "no track"),
    ("<gpx version='1.1'><trk><trkseg><trkpt lat='95' lon='81'/><trkpt lat='31' lon='81'/></trkseg></trk></gpx>",
     "not a valid latitude"),
    ("<gpx><trk><trkseg><trkpt lon='81'/><trkpt lat='31' lon='81'/></trkseg></trk></gpx>", "no valid lat/lon"),
])
def test_broken_files_give_one_clear_sentence(text, words):
    with pytest.raises(GpxError, match=words):
        parse_gpx(text)


def test_entity_bombs_are_refused():
    bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><gpx>&lol2;</gpx>'
    with pytest.raises(GpxError, match="entities"):
        parse_gpx(bomb)


_TRACK = "<trk><name>&t;</name><trkseg><trkpt lat='31.07' lon='81.31'/><trkpt lat='31.08' lon='81.32'/></trkseg></trk>"


@pytest.mark.parametrize("doc", [
    # the declaration after 8 KB of padding (comments and whitespace): a check of the first 4 KB missed it
    "<?xml version='1.0'?>" + "<!-- " + "x" * 8192 + " -->\n" + "<!DOCTYPE gpx [<!ENTITY t 'Tent'>]>"
    "<gpx version='1.1'>" + _TRACK + "</gpx>",
    # a small internal entity used inside a track name
    "<!DOCTYPE gpx [<!ENTITY t 'Injected'>]><gpx version='1.1'>" + _TRACK + "</gpx>",
    # an external entity (file read)
    "<!DOCTYPE gpx [<!ENTITY t SYSTEM 'file:///etc/passwd'>]><gpx version='1.1'>" + _TRACK + "</gpx>",
    # a parameter entity and an external DTD, no general entity used
    "<!DOCTYPE gpx [<!ENTITY % p SYSTEM 'http://127.0.0.1/x.dtd'> %p;]><gpx version='1.1'>"
    + _TRACK.replace("&t;", "x") + "</gpx>",
    "<!DOCTYPE gpx SYSTEM 'http://127.0.0.1/gpx.dtd'><gpx version='1.1'>" + _TRACK.replace("&t;", "x") + "</gpx>",
    # declared in UTF-16, so a byte search for '<!ENTITY' finds nothing
    ("<?xml version='1.0' encoding='UTF-16'?><!DOCTYPE gpx [<!ENTITY t 'Tent'>]><gpx version='1.1'>" + _TRACK
     + "</gpx>").encode("utf-16"),
])
def test_dtds_and_entities_are_refused_anywhere_in_the_file(doc):
    with pytest.raises(GpxError, match="DTD or XML entities"):
        parse_gpx(doc)


def test_the_same_track_without_entities_is_read():
    track = parse_gpx("<gpx version='1.1'>" + _TRACK.replace("&t;", "Tent") + "</gpx>")
    assert track.name == "Tent" and len(track.points) == 2


def test_missing_file_is_a_gpx_error(tmp_path):
    with pytest.raises(GpxError, match="Cannot read"):
        read_gpx(tmp_path / "nope.gpx")


def test_a_track_elsewhere_is_refused():
    beijing = [(116.39 + i * 0.001, 39.90, 50, T0 + timedelta(minutes=i)) for i in range(10)]
    with pytest.raises(GpxError, match="not on the kora"):
        check_near_kora(parse_gpx(_gpx(beijing)), load_kora())
    # Mostly elsewhere: two points on the kora, eight 20 km away.
    kora_pts = _kora_points(n=2)
    far = [(81.0 + i * 0.001, 30.7, 4600, T0) for i in range(8)]
    with pytest.raises(GpxError, match="elsewhere"):
        check_near_kora(parse_gpx(_gpx(kora_pts + far)), load_kora())


def test_times_outside_the_trip_are_refused():
    track = parse_gpx(_gpx(_kora_points()))
    check_times(track, T0 - timedelta(hours=1), T0 + timedelta(hours=3))
    with pytest.raises(GpxError, match="before the call"):
        check_times(track, not_before=T0 + timedelta(days=1))
    with pytest.raises(GpxError, match="starts after"):
        check_times(track, not_after=T0 - timedelta(days=1))
