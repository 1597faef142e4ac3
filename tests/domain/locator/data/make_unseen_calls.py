"""Build ``unseen_calls.jsonl``: held-out caller descriptions written for the locator's adversarial
evaluation (not sentence frames of the shared dev set), with truth computed independently of the
locator, as the shared call set does:

* landmark relations: the landmark's chainage in ``landmarks.csv``, a said distance counted as 0.95 x
  the said km; "almost at" = 0.3 km before it; "between" = a point drawn uniformly between the two;
  "halfway" = the midpoint;
* elevations: where ``profile.csv`` crosses the height on the stated side of the pass;
* times: the real position, at the call time, of a walker in ``timing/calibration.csv.gz``;
* coordinates: route points (some moved off the trail) written in many formats; the Chinese map-app
  ones are the WGS84 truth converted to GCJ-02 / BD-09 with the public forward algorithm (below).

    .venv/bin/python tests/domain/locator/data/make_unseen_calls.py   # rewrites unseen_calls.jsonl

Reads ``../shared`` (allowed for test data builders; the app never does).
"""

from __future__ import annotations

import csv
import json
import math
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[3].parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))
import kora_ref  # noqa: E402  (the scorers' own route helpers)

L = kora_ref.LENGTH_KM
LM = {k: float(v["chainage_km"]) for k, v in kora_ref.landmarks().items()}
RNG = random.Random(20261128)
OUT: list[dict] = []


def _add(text, kind, truth, lang, time=None, expect="place"):
    rec = {"id": f"un{len(OUT) + 1:03d}", "text": text, "lang": lang}
    if time is not None:
        rec["time"] = time.isoformat()
    rec.update(truth=truth, kind=kind, expect=expect)
    OUT.append(rec)


def lang_of(text):
    zh = any("\u4e00" <= c <= "\u9fff" for c in text)
    en = any("a" <= c.lower() <= "z" for c in text)
    return "mixed" if zh and en else "zh" if zh else "en"


def at(text, lid, kind="at_landmark", km=0.0, sign=1):
    """Truth: landmark chainage + sign x 0.95 x km (sign -1 = before it in the walking direction)."""
    _add(text, kind, {"chainage_km": round((LM[lid] + sign * 0.95 * km) % L, 3)}, lang_of(text))


def almost(text, lid, kind="almost", ccw=False):
    _add(text, kind, {"chainage_km": round((LM[lid] + (0.3 if ccw else -0.3)) % L, 3)}, lang_of(text))


def between(text, a, b, kind="between"):
    ka, kb = LM[a], LM[b]
    arc = (kb - ka) % L
    if arc > L / 2:
        ka, kb, arc = kb, ka, L - arc
    _add(text, kind, {"chainage_km": round((ka + RNG.uniform(0.05, 0.95) * arc) % L, 3)}, lang_of(text))


def halfway(text, a, b, kind="halfway"):
    ka, kb = LM[a], LM[b]
    arc = (kb - ka) % L
    if arc > L / 2:
        ka, arc = kb, L - arc
    _add(text, kind, {"chainage_km": round((ka + arc / 2) % L, 3)}, lang_of(text))


# ---- elevations -------------------------------------------------------------------------------
PROFILE = [(float(r["chainage_km"]), float(r["elevation_m"])) for r in csv.DictReader(open(SHARED / "data/kora/profile.csv"))]
PASS_KM = LM["dolma_la"]


def elevation(text, h, side):
    """side "up": the crossing nearest below the pass on the climb; "down": nearest after it."""
    best = None
    for (k0, e0), (k1, e1) in zip(PROFILE, PROFILE[1:]):
        if (e0 - h) * (e1 - h) > 0 or e0 == e1:
            continue
        k = k0 + (h - e0) / (e1 - e0) * (k1 - k0)
        rising = e1 > e0
        if side == "up" and rising and k <= PASS_KM and (best is None or k > best):
            best = k
        if side == "down" and not rising and k >= PASS_KM and (best is None or k < best):
            best = k
    _add(text, "elevation", {"chainage_km": round(best, 3)}, lang_of(text))


# ---- tracks -----------------------------------------------------------------------------------
TRACKS = kora_ref.tracks(SHARED / "data/kora/timing/calibration.csv.gz")
SUMMARY = kora_ref.summary(SHARED / "data/kora/timing/summary.csv")
STARTERS = sorted(t for t, s in SUMMARY.items() if float(s["start_chainage_km"]) < 0.5)
# (no filter on side trips or gaps: dropping them would keep only the faster, tidier walkers)


def _pos(track, t_s):
    a = TRACKS[track]
    return float(__import__("numpy").interp(t_s, a[:, 0], a[:, 1]))


def _reach(track, km):
    a = TRACKS[track]
    i = next((i for i in range(len(a)) if a[i, 1] >= km), None)
    if i is None or i == 0:
        return None
    (t0, k0), (t1, k1) = a[i - 1], a[i]
    return t0 + (km - k0) / (k1 - k0) * (t1 - t0) if k1 > k0 else t1


def _start(track):
    return datetime.fromisoformat(SUMMARY[track]["start_time_local"])


def pick_track():
    return RNG.choice(STARTERS)


def time_since_start(fmt, walk_h_range=(2.0, 7.0), kind="time_from_start"):
    """``fmt(start, call)`` writes the caller's words; the truth is the track's position at the call."""
    tr = pick_track()
    dur = TRACKS[tr][-1, 0]
    t = float(int(RNG.uniform(walk_h_range[0], min(walk_h_range[1], dur / 3600 - 0.2)) * 3600))  # never clamped at the track end
    start = _start(tr)
    call = start + timedelta(seconds=t)
    text = fmt(start, call)
    _add(text, kind, {"chainage_km": round(_pos(tr, t), 3)}, lang_of(text), time=call)


def time_since_landmark(fmt, lid, dt_h_range=(0.5, 3.0), kind="time_after_landmark"):
    for _ in range(50):
        tr = pick_track()
        tl = _reach(tr, LM[lid])
        if tl is None:
            continue
        t = float(int(tl + RNG.uniform(*dt_h_range) * 3600))
        if t < TRACKS[tr][-1, 0] - 60:
            break
    start = _start(tr)
    text = fmt(start + timedelta(seconds=tl), start + timedelta(seconds=t))
    _add(text, kind, {"chainage_km": round(_pos(tr, t), 3)}, lang_of(text), time=start + timedelta(seconds=t))


def time_to_go(fmt, lid, togo_h, kind="time_to_go"):
    for _ in range(50):
        tr = pick_track()
        tl = _reach(tr, LM[lid])
        if tl is not None and tl - togo_h * 3600 > 600:
            break
    t = float(int(tl - togo_h * 3600))
    call = _start(tr) + timedelta(seconds=t)
    text = fmt(call)
    _add(text, kind, {"chainage_km": round(_pos(tr, t), 3)}, lang_of(text), time=call)


# ---- coordinates ------------------------------------------------------------------------------
_A, _EE = 6378245.0, 0.00669342162296594323


def _tlat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _tlon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def gcj(lon, lat):
    dlat, dlon = _tlat(lon - 105.0, lat - 35.0), _tlon(lon - 105.0, lat - 35.0)
    rad = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad) ** 2
    sm = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sm) * math.pi)
    dlon = (dlon * 180.0) / (_A / sm * math.cos(rad) * math.pi)
    return lon + dlon, lat + dlat


def bd(lon, lat):
    x, y = gcj(lon, lat)
    xp = math.pi * 3000.0 / 180.0
    z = math.sqrt(x * x + y * y) + 0.00002 * math.sin(y * xp)
    th = math.atan2(y, x) + 0.000003 * math.cos(x * xp)
    return z * math.cos(th) + 0.0065, z * math.sin(th) + 0.006


def dms(v, sec_dp=1):
    d = int(v)
    m = int((v - d) * 60)
    s = round(((v - d) * 60 - m) * 60, sec_dp)
    if s >= 60:
        s, m = 0.0, m + 1
    return d, m, s


def coord(fmt, km, offset_m=0.0, datum="wgs84", kind="coordinates"):
    """``fmt(lon, lat)`` writes the reading (in ``datum``); truth = the WGS84 point."""
    lon, lat = kora_ref.point_at(km, offset_m)
    lon, lat = round(lon, 6), round(lat, 6)
    shown = {"wgs84": (lon, lat), "gcj02": gcj(lon, lat), "bd09": bd(lon, lat)}[datum]
    text = fmt(*shown)
    _add(text, kind, {"lon": lon, "lat": lat}, lang_of(text))


def kora_xy(lon, lat):
    x, y = kora_ref.TO_UTM.transform(lon, lat)
    return int(round(x)), int(round(y))


def noclue(text):
    _add(text, "no_clue", {}, lang_of(text), expect="unplaceable")


def build():
    # --- at a landmark: typos, station numbers, everyday names
    at("Hi, we're at Dolmala now and my wife can't breathe properly", "dolma_la")
    at("Stuck at Zuthulphuk monastery, our guide has a fever", "zutul_phuk")
    at("we r at shershong, need oxygen pls", "sershong")
    at("Reached Drirapuk last hour, friend vomiting", "gangjia")
    at("我们现在在2号朝拜点，朋友晕倒了", "second_prostration")
    at("第2朝拜点这里有人摔伤了，腿动不了", "second_prostration")
    at("在二号朝拜点，同伴高反严重", "second_prostration")
    at("Now at the 3rd prostration point, one person can't walk any more", "third_prostration")
    at("现在人在4号朝拜点旁边，腿抽筋了", "fourth_prostration")
    at("我们在尊珠寺门口，有个老人不舒服", "zutul_phuk")
    at("Sitting on the Chuku bridge waiting for you", "chuku_bridge_supply")
    at("at gangjia guest house, my friend is very sick", "gangjia")
    at("现在到岗加了，朋友不行了", "gangjia")
    at("Tarboche, next to the big pole, an old man collapsed", "tarboche")
    at("we stopped at the medicine buddha valley supply, my son has a nosebleed", "medicine_buddha_supply")
    at("Polonggu supply point. Husband has chest pain", "third_prostration")
    at("人就在不动地钉补给点，叫不醒", "phakna_rigzin_supply")
    at("刚到色雄补给点，有人抽搐", "sershong")
    at("我们在斯巴恰天葬台，同伴摔倒了头流血", "shiva_tsal")
    at("at the Gaize teahouse, we cannot continue", "gaize_teahouse")
    at("在根敦拉曲铁桥上，有人掉进水里了", "gendun_lachu_bridge")
    at("Jarok Donkhang supply, our porter is sick", "sky_burial_w_supply")
    at("Hayagriva station - we are resting here but my mother is getting worse", "tamdrin_drongkhang")
    at("at the Yamadwar gate, the two-legged stupa", "chorten_kangnyi")
    at("Diraphuk, in the guesthouse on the south bank", "gangjia")
    at("我们在小天葬台，风很大", "shiva_tsal")
    at("Drolma-la top, friend unconscious!!", "dolma_la")
    at("we are at the first chaktsal gang, child has a fever", "first_prostration")
    at("在第三朝拜点休息，头很痛", "third_prostration")
    at("Zutulpuk gompa guesthouse, room 3, oxygen needed", "zutul_phuk")
    at("我们到了药师佛沟，走不动了", "medicine_buddha_supply")
    # --- almost there
    almost("快到卓玛拉了，朋友走不动", "dolma_la")
    almost("nearly at Zutulpuk, my knee is gone", "zutul_phuk")
    almost("马上就到曲古桥了，可是同伴晕倒了", "chuku_bridge_supply")
    almost("we are approaching the Hayagriva station, slowly", "tamdrin_drongkhang")
    almost("快到 Zutul Phuk 了, friend fell", "zutul_phuk")
    almost("就快到第二朝拜处了", "second_prostration")
    # --- distance past
    at("we are 过了 Chuku bridge 2km", "chuku_bridge_supply", "distance_past", 2.0)
    at("two and a half km after Sershong, someone twisted an ankle", "sershong", "distance_past", 2.5)
    at("过了岗加大概半公里，有人发烧", "gangjia", "distance_past", 0.5)
    at("翻过卓玛拉以后走了一公里半，同伴腿软", "dolma_la", "distance_past", 1.5)
    at("1,5 km past the Hayagriva station", "tamdrin_drongkhang", "distance_past", 1.5)
    at("过了第二朝拜处1.5公里左右", "second_prostration", "distance_past", 1.5)
    at("We're maybe 4k beyond Tarboche", "tarboche", "distance_past", 4.0)
    at("passed the medicine buddha supply about 2 km ago", "medicine_buddha_supply", "distance_past", 2.0)
    at("从不动地钉补给点往下走了大概3公里", "phakna_rigzin_supply", "distance_past", 3.0)
    at("Gauri Kund is behind us, about 1 km", "gauri_kund", "distance_past", 1.0)
    at("after dolma la, one and a half kilometres down, she slipped", "dolma_la", "distance_past", 1.5)
    at("出了塔钦两公里左右，老人喘不过气", "darchen", "distance_past", 2.0)
    at("500m past first prostration point, we have a sick child", "first_prostration", "distance_past", 0.5)
    at("曲古寺过去差不多三公里", "chuku_gompa", "distance_past", 3.0)
    at("We went past Shiva-tsal maybe 800 metres ago", "shiva_tsal", "distance_past", 0.8)
    at("色雄过了一公里半，有人摔了", "sershong", "distance_past", 1.5)
    at("about three kms after Gangjia guesthouses", "gangjia", "distance_past", 3.0)
    at("尊珠寺往前走了两公里", "zutul_phuk", "distance_past", 2.0)
    at("left the Earth Nail supply point, we walked 2 km further", "phakna_rigzin_supply", "distance_past", 2.0)
    at("过了马头明王驿站三公里多一点", "tamdrin_drongkhang", "distance_past", 3.0)
    # --- distance before
    at("离塔钦还有5公里，走不动了", "darchen", "distance_before", 5.0, -1)
    at("再往前走两公里就是止热寺", "drira_phuk_gompa", "distance_before", 2.0, -1)
    at("still 3 km to go to Zutul Phuk", "zutul_phuk", "distance_before", 3.0, -1)
    at("About 2 kilometers short of the Dolma La, cannot breathe", "dolma_la", "distance_before", 2.0, -1)
    at("还差一公里到第二朝拜处", "second_prostration", "distance_before", 1.0, -1)
    at("Gangjia is about 1.5 km ahead of us", "gangjia", "distance_before", 1.5, -1)
    at("we have 4 km left to Zongdui", "zongdui_supply", "distance_before", 4.0, -1)
    at("距离尊珠寺还有两三公里", "zutul_phuk", "distance_before", 2.5, -1)
    at("half a km before the Chuku bridge", "chuku_bridge_supply", "distance_before", 0.5, -1)
    at("Hayagriva station should be 1 km further on", "tamdrin_drongkhang", "distance_before", 1.0, -1)
    at("到色雄还有三公里吧", "sershong", "distance_before", 3.0, -1)
    at("卓玛拉山口还有五百米，上不去了", "dolma_la", "distance_before", 0.5, -1)
    at("we're 2 km from Gangjia still, getting dark", "gangjia", "distance_before", 2.0, -1)
    # --- between and halfway
    between("在曲古桥跟第二朝拜处中间的路上", "chuku_bridge_supply", "second_prostration")
    between("somewhere between gangjia and the pass", "gangjia", "dolma_la")
    between("on the trail from Sershong to Chuku bridge", "sershong", "chuku_bridge_supply")
    between("在药师佛沟和尊珠寺之间，有人摔下去了", "medicine_buddha_supply", "zutul_phuk")
    between("between dolma la & Phakna Rigzin supply", "dolma_la", "phakna_rigzin_supply")
    between("we're on the way from Zutul Phuk to Zongdui", "zutul_phuk", "zongdui_supply")
    between("在卓玛拉到不动地钉的路上", "dolma_la", "phakna_rigzin_supply")
    between("between the first prostration point and Sershong", "first_prostration", "sershong")
    between("we are 在色雄和曲古桥之间", "sershong", "chuku_bridge_supply")
    between("我们在尊珠寺与宗堆之间的路上", "zutul_phuk", "zongdui_supply")
    halfway("halfway between Chuku bridge and the second prostration point", "chuku_bridge_supply", "second_prostration")
    halfway("在曲古桥到第二朝拜处的半路上", "chuku_bridge_supply", "second_prostration")
    halfway("We left Sershong an hour ago. Now about halfway to Chuku Gompa.", "sershong", "chuku_gompa",
            "halfway_earlier")
    halfway("从岗加出发的，现在差不多走到卓玛拉的一半了", "gangjia", "dolma_la", "halfway_earlier")
    halfway("Started at Zutul Phuk this morning, we're halfway to Zongdui now", "zutul_phuk", "zongdui_supply",
            "halfway_earlier")
    halfway("we passed the Hayagriva station, now we are about half way to Gangjia", "tamdrin_drongkhang", "gangjia",
            "halfway_earlier")
    # --- elevations
    elevation("altimeter shows 5,200 m, we're going up to the pass", 5200, "up")
    elevation("海拔5100米左右，还在往上爬", 5100, "up")
    elevation("we're at 5500m going down from Dolma la", 5500, "down")
    elevation("phone altitude 5350, descending now", 5350, "down")
    elevation("elevation 5580 m, still going uphill, very slow", 5580, "up")
    elevation("海拔5400，刚翻过垭口", 5400, "down")
    elevation("GPS height 5.450 m, climbing towards the pass", 5450, "up")
    # --- scenes
    _add("翻过垭口以后，下面有个绿色的湖，同伴头晕", "scene", {"chainage_km": round(LM["gauri_kund"] + 0.2, 3)}, "zh")
    _add("we see a small green lake down below us after the pass", "scene",
         {"chainage_km": round(LM["gauri_kund"] + 0.2, 3)}, "en")
    _add("north face of Kailash right in front of us, near the river, friend can't go on", "scene",
         {"chainage_km": round(LM["drira_bridge_fork"] + 0.6, 3)}, "en")
    _add("lots of clothes lying everywhere on the ground, we are very high up", "scene",
         {"chainage_km": LM["shiva_tsal"]}, "en")
    _add("正对着神山北壁，风很大", "scene", {"chainage_km": round(LM["drira_bridge_fork"] + 0.6, 3)}, "zh")
    # --- counter-clockwise
    at("We do the Bon direction. We passed Zongdui 2 km ago", "zongdui_supply", "counter_clockwise", 2.0, -1)
    at("反方向转山的，过了尊珠寺三公里", "zutul_phuk", "counter_clockwise", 3.0, -1)
    at("we walk anticlockwise, about 1km before Gangjia", "gangjia", "counter_clockwise", 1.0, 1)
    at("Bonpo pilgrims, 2 km after Dolma La", "dolma_la", "counter_clockwise", 2.0, -1)
    at("逆时针走的，离卓玛拉山口还有两公里", "dolma_la", "counter_clockwise", 2.0, 1)
    at("counter clockwise kora, now 1.5 km past the medicine buddha valley", "medicine_buddha_supply",
       "counter_clockwise", 1.5, -1)
    at("我们是倒着转的，刚过药师佛沟一公里", "medicine_buddha_supply", "counter_clockwise", 1.0, -1)
    almost("we go the other way round (Bon), almost at the Dolma La now", "dolma_la", "counter_clockwise", ccw=True)
    # --- mixed language, colloquial
    at("我们在 Dolma La 下面 500m, going down", "dolma_la", "mixed", 0.5)
    at("Chuku bridge 过了大概 3 公里", "chuku_bridge_supply", "mixed", 3.0)
    at("在 Gangjia 附近, my friend altitude sickness", "gangjia", "mixed")
    at("we are near 马头明王驿站, 2 people sick", "tamdrin_drongkhang", "mixed")
    at("过了 second prostration point, about 1 km", "second_prostration", "mixed", 1.0)
    # --- times (real track positions)
    def hm(t):
        return f"{t.hour}:{t.minute:02d}"

    def rounded(t, step=10):
        m = int(round((t.hour * 60 + t.minute) / step) * step)
        return (m // 60) % 24, m % 60

    def en_clock(t):
        h, m = rounded(t, 5)
        return f"{h}.{m:02d}" if m else f"{h} o'clock"

    zh_h = "零一二三四五六七八九十"

    def zh_num(n):
        return zh_h[n] if n <= 10 else ("" if n < 20 else zh_h[n // 10]) + "十" + (zh_h[n % 10] if n % 10 else "")

    def zh_clock(t):
        h, m = rounded(t, 10)
        return f"{zh_num(h)}点半" if m == 30 else f"{zh_num(h)}点" if m == 0 else f"{zh_num(h)}点{zh_num(m)}"

    time_since_start(lambda s, c: f"started at {en_clock(s)} this morning from Tarchen, now {hm(c)}, friend exhausted")
    time_since_start(lambda s, c: f"我们早上{zh_clock(s)}从塔钦出发的，现在同伴走不动了")
    time_since_start(lambda s, c: f"从塔钦出发走了{round((c - s).total_seconds() / 1800) / 2:g}个小时了，有人高反")
    time_since_start(lambda s, c: f"we've been walking for {round((c - s).total_seconds() / 1800) / 2:g} hours "
                                  "since Darchen and my wife collapsed")
    time_since_start(lambda s, c: f"Set off from Darchen at {hm(s)}. Now my father can't walk")
    time_since_start(lambda s, c: f"{zh_clock(s)}出发的，从县城走过来，现在脚崴了")
    time_since_start(lambda s, c: f"left the guesthouse in Darchen at {hm(s)} am and walked since then")
    time_since_start(lambda s, c: f"走了{round((c - s).total_seconds() / 3600):d}个小时了，早上从塔钦开始转的")
    time_since_start(lambda s, c: f"We began the kora in Darchen at {en_clock(s)}, now we're tired and one of us is sick")
    time_since_start(lambda s, c: f"塔钦{zh_clock(s)}出发，现在走不动了")
    time_since_start(lambda s, c: f"started walking at {hm(s)} from the kora gate, it is {hm(c)} now")
    time_since_start(lambda s, c: f"今天早上{s.hour}点{s.minute}分出发的，到现在一直在走")
    time_since_landmark(lambda p, c: f"{zh_clock(p)}过的曲古桥，现在还在往前走", "chuku_bridge_supply")
    time_since_landmark(lambda p, c: f"we passed Sershong around {en_clock(p)}, still walking", "sershong")
    time_since_landmark(lambda p, c: f"{round((c - p).total_seconds() / 1800) / 2:g}个小时前经过色雄", "sershong")
    time_since_landmark(lambda p, c: f"we were at the first prostration point "
                                     f"{round((c - p).total_seconds() / 1800) / 2:g} hours ago", "first_prostration")
    time_since_landmark(lambda p, c: f"crossed the Chuku bridge at {hm(p)}, walking slowly since", "chuku_bridge_supply")
    time_since_landmark(lambda p, c: f"过了第二朝拜处以后又走了{round((c - p).total_seconds() / 1800) / 2:g}个小时",
                        "second_prostration", (0.5, 2.0))
    time_since_landmark(lambda p, c: f"Tarboche at {hm(p)}, since then walking up the valley", "tarboche")
    time_since_landmark(lambda p, c: ("下午" if p.hour >= 12 else "上午") + f"{p.hour - 12 if p.hour > 12 else p.hour}点{p.minute}分到的色雄，"
                                     "一直在往前走", "sershong")
    time_to_go(lambda c: "还有两个小时到马头明王驿站", "tamdrin_drongkhang", 2.0)
    time_to_go(lambda c: "the guide says one more hour to the second prostration point", "second_prostration", 1.0)
    time_to_go(lambda c: "还要一个半小时才到第二朝拜处", "second_prostration", 1.5)
    time_to_go(lambda c: "about 2 hours still to walk to the iron bridge before Gangjia", "drira_bridge_fork", 2.0)
    # --- coordinates, many ways of reading them out
    coord(lambda x, y: f"{y:.4f}".replace(".", ",") + " " + f"{x:.4f}".replace(".", ","), 11.4)
    coord(lambda x, y: f"lat: {y:.5f}, lon: {x:.5f}", 15.2)
    coord(lambda x, y: f"E{x:.5f} N{y:.5f}", 9.3, 60)
    coord(lambda x, y: "N {}º{}'{}\" E {}º{}'{}\"".format(*dms(y), *dms(x)), 20.1)
    coord(lambda x, y: "北纬{}度{}分{:.0f}秒，东经{}度{}分{:.0f}秒".format(*dms(y, 0), *dms(x, 0)), 27.4)
    coord(lambda x, y: f"北纬{y:.5f}，东经{x:.5f}", 33.0)
    coord(lambda x, y: f"高德地图显示 {y:.6f},{x:.6f}", 16.0, 0, "gcj02")
    coord(lambda x, y: f"腾讯地图 {x:.6f}, {y:.6f}", 25.1, 0, "gcj02")
    coord(lambda x, y: f"gcj: {y:.6f} {x:.6f}", 37.9, 0, "gcj02")
    coord(lambda x, y: f"百度地图上是 {y:.6f},{x:.6f}", 4.4, 0, "bd09")
    coord(lambda x, y: f"coordinates {y:.5f}; {x:.5f}", 40.3)
    coord(lambda x, y: f"{x:.5f}, {y:.5f}", 12.2, 250)
    coord(lambda x, y: "{} {:06.3f}N {:03d} {:06.3f}E".format(int(y), (y % 1) * 60, int(x), (x % 1) * 60), 29.9)
    coord(lambda x, y: "N{}°{:06.3f}' E{}°{:06.3f}'".format(int(y), (y % 1) * 60, int(x), (x % 1) * 60), 44.0, 150)
    coord(lambda x, y: f"{y:.5f}N, {x:.5f}E", 2.0)
    coord(lambda x, y: f"lat {y:.5f} long {x:.5f}", 21.9, 300)
    coord(lambda x, y: f"经度{x:.5f} 纬度{y:.5f}", 35.5)
    coord(lambda x, y: "{}°{}'{}\"N, {}°{}'{}\"E".format(*dms(y), *dms(x)), 6.9)
    coord(lambda x, y: f"latitude={y:.5f} longitude={x:.5f}", 19.0, 120)
    coord(lambda x, y: f"GPS {y:.5f}/{x:.5f}", 30.6)
    coord(lambda x, y: f"微信定位 {y:.6f},{x:.6f}", 39.2, 0, "gcj02")
    coord(lambda x, y: f"{y:.5f}° N, {x:.5f}° E", 24.0)
    coord(lambda x, y: "N 31 {:02d} {:04.1f} E 81 {:02d} {:04.1f}".format(*dms(y)[1:], *dms(x)[1:]), 14.0)
    coord(lambda x, y: f"百度坐标：{x:.6f},{y:.6f}", 8.6, 0, "bd09")
    coord(lambda x, y: f"{y:.6f} , {x:.6f} (高德)", 42.9, 0, "gcj02")
    coord(lambda x, y: f"my GPS says {y:.5f} {x:.5f}, we went off the path to pee and got lost", 17.0, 400)
    coord(lambda x, y: f"{y:.4f}".replace(".", ",") + "; " + f"{x:.4f}".replace(".", ","), 31.2)
    coord(lambda x, y: f"位置：N{y:.5f} E{x:.5f}", 3.0, 80)
    # --- round 2: written after the first fixes, to probe further
    at("Dolma La was behind us, now 2km down, near a lake", "dolma_la", "distance_past", 2.0)
    at("we're 2km short of Darchen, almost done with the kora", "darchen", "distance_before", 2.0, -1)
    at("still 500 meters to the Tarboche flagpole", "tarboche", "distance_before", 0.5, -1)
    at("Hayagriva station 2 km ahead of us", "tamdrin_drongkhang", "distance_before", 2.0, -1)
    at("We r 1 km bfore dolma la", "dolma_la", "distance_before", 1.0, -1)
    at("我们走过了曲古寺，大约1公里", "chuku_gompa", "distance_past", 1.0)
    at("Sershong, then 1.5 km further", "sershong", "distance_past", 1.5)
    at("we are past the tarboche flagpole by 1 km", "tarboche", "distance_past", 1.0)
    at("Just crossed the bridge at Chuku", "chuku_bridge_supply", "at_landmark")
    at("past Chuku bridge by about 2 km", "chuku_bridge_supply", "distance_past", 2.0)
    at("2km after Sershong, next to the river", "sershong", "distance_past", 2.0)
    at("Zongdui is 3 km behind us now", "zongdui_supply", "distance_past", 3.0)
    at("one kilometre and a half after the Zutul Phuk monastery", "zutul_phuk", "distance_past", 1.5)
    at("离第二个朝拜点还有1公里", "second_prostration", "distance_before", 1.0, -1)
    at("刚出塔钦大概一公里", "darchen", "distance_past", 1.0)
    almost("快到第二个朝拜点了", "second_prostration")
    almost("离岗加不远了，还没到", "gangjia")
    almost("almost reaching the Polonggu supply", "third_prostration")
    halfway("we are on the descent from dolma la, about halfway to the Phakna Rigzin supply point", "dolma_la",
            "phakna_rigzin_supply", "halfway_earlier")
    halfway("Chuku bridge behind us. We are maybe half way to the 2nd prostration point", "chuku_bridge_supply",
            "second_prostration", "halfway_earlier")
    time_since_landmark(lambda p, c: f"{p.hour}点{p.minute:02d}过的曲古桥", "chuku_bridge_supply")
    time_since_landmark(lambda p, c: f"Sershong was {round((c - p).total_seconds() / 1800) / 2:g} hours ago", "sershong")
    time_since_landmark(lambda p, c: f"we had lunch at Chuku bridge at {hm(p)} and walked on", "chuku_bridge_supply")
    time_since_start(lambda s, c: f"we left Darchen at {s.hour} in the morning, about {s.hour}:{s.minute:02d}")
    time_since_start(lambda s, c: f"早上{zh_clock(s)}从塔钦走的")
    coord(lambda x, y: f"{y:.5f}N{x:.5f}E", 10.2)
    coord(lambda x, y: f"({y:.5f}, {x:.5f})", 26.0)
    coord(lambda x, y: f"lat/lon: {y:.5f} / {x:.5f}", 36.8, 90)
    coord(lambda x, y: "Lat {}° {:.3f}' Lon {}° {:.3f}'".format(int(y), (y % 1) * 60, int(x), (x % 1) * 60), 23.0)
    coord(lambda x, y: f"N{y:.5f}°, E0{x:.5f}°", 41.0)
    coord(lambda x, y: "东经{}°{}′{:.0f}″ 北纬{}°{}′{:.0f}″".format(*dms(x, 0), *dms(y, 0)), 18.2)
    coord(lambda x, y: f"{y:.6f},{x:.6f} (WGS84)", 1.2)
    coord(lambda x, y: f"高德坐标 {x:.6f},{y:.6f}", 13.5, 0, "gcj02")
    # --- round 3: more typos, number words, ordinal supply points, coordinate spellings
    at("we r at Tarbochey, old lady fell", "tarboche")
    at("Chukku bridge, waiting", "chuku_bridge_supply")
    at("at the Hayagreeva station", "tamdrin_drongkhang")
    at("Gangja guesthouse, room 12", "gangjia")
    at("Shivatsal, many clothes here", "shiva_tsal")
    at("we stay at Zutrulpuk tonight, friend sick", "zutul_phuk")
    at("Dromla pass, top, prayer flags", "dolma_la")
    at("a km and a half past Sershong", "sershong", "distance_past", 1.5)
    at("1 and a half kilometers after the Chuku bridge", "chuku_bridge_supply", "distance_past", 1.5)
    at("过了曲古桥走了有三百米", "chuku_bridge_supply", "distance_past", 0.3)
    at("1500m past the Hayagriva station", "tamdrin_drongkhang", "distance_past", 1.5)
    at("离卓玛拉大概还有个一公里", "dolma_la", "distance_before", 1.0, -1)
    at("过了 Gangja 1km", "gangjia", "mixed", 1.0)
    at("在 shiva tsal 附近, friend cannot walk", "shiva_tsal", "mixed")
    almost("we are 快到 Dolma La", "dolma_la", "mixed")
    at("walking the kora the Bon way, just passed Zutul Phuk", "zutul_phuk", "counter_clockwise", 0.3, -1)
    between("我们在第一个补给点和第二个补给点之间", "sershong", "chuku_bridge_supply", "ordinal_supply")
    at("just arrived at the third supply point", "tamdrin_drongkhang", "ordinal_supply")
    between("We are somewhere after Sershong but before Chuku bridge", "sershong", "chuku_bridge_supply")
    elevation("altimeter 17,500 ft, climbing slowly", 17500 * 0.3048, "up")
    coord(lambda x, y: f"{y:.5f},{x:.5f}", 7.1)
    coord(lambda x, y: f"bd09: {y:.6f}, {x:.6f}", 34.2, 0, "bd09")
    coord(lambda x, y: f"腾讯：{y:.6f}，{x:.6f}", 22.3, 0, "gcj02")
    coord(lambda x, y: "{}-{:02d}-{:04.1f}N {}-{:02d}-{:04.1f}E".format(*dms(y), *dms(x)), 15.8)
    coord(lambda x, y: f"+{y:.5f} +0{x:.5f}", 38.4)
    coord(lambda x, y: f"{y:.4f}°N {x:.4f}°E", 43.1)
    coord(lambda x, y: "UTM 44R {:07d} {:d}".format(*kora_xy(x, y)), 11.9)
    coord(lambda x, y: "UTM: 44 {:d}E {:d}N".format(*kora_xy(x, y)), 27.7)
    coord(lambda x, y: "北纬 N{}°{}′{:.0f}″ 东经 E{}°{}′{:.0f}″".format(*dms(y, 0), *dms(x, 0)), 32.5)
    coord(lambda x, y: f"WGS84 {y:.6f},{x:.6f}", 45.5)
    # --- round 4: probes from ad-hoc testing (kept as regression cases once fixed)
    time_since_landmark(lambda p, c: f"We're roughly {5 * round((c - p).total_seconds() / 300):d} minutes past Sershong",
                        "sershong", (0.4, 1.2))
    time_since_landmark(lambda p, c: "半个小时前过的色雄", "sershong", (0.5, 0.5))
    time_since_start(lambda s, c: f"we walked from Darchen since {rounded(s, 60)[0]}am")
    time_since_start(lambda s, c: "出发三个多小时了", (3.0, 3.6))
    time_since_landmark(lambda p, c: f"we are {round((c - p).total_seconds() / 1800) / 2:g} hrs from Tarboche", "tarboche")
    time_to_go(lambda c: "Hayagriva station is behind us, we continue to the iron bridge, maybe 1 hour more",
               "drira_bridge_fork", 1.0)
    at("Tarboche 1.2km behind", "tarboche", "distance_past", 1.2)
    at("we're 8 km into the kora", "darchen", "distance_past", 8.0)
    at("大约走了6公里", "darchen", "distance_past", 6.0)
    between("我们在色雄到曲古之间", "sershong", "chuku_bridge_supply")
    between("在2号和3号朝拜点之间", "second_prostration", "third_prostration")
    between("between the 2nd and 3rd prostration points", "second_prostration", "third_prostration")
    at("two km before the lake", "gauri_kund", "distance_before", 2.0, -1)
    at("我们在湖边休息", "gauri_kund")
    between("we're below the pass on the Zutul Phuk side", "dolma_la", "zutul_phuk")
    # --- no clue at all
    for t in ("help", "我们迷路了", "手机快没电了，快来", "somewhere on the kora, please come fast", "HELP!!! my friend is dying",
              "救命，有人晕倒了", "We are lost in the fog, can't see anything", "不知道在哪里，到处都是石头",
              "on the trail, lots of yaks around", "我们在路上，快来人", "在河边，朋友不行了", "we are on the kora path near a river",
              "my phone battery is at 3%", "Where are we?? please send someone", "we are tired and cold, it is snowing",
              "在山上，下不去了", "I don't know the names of places here", "call the police please",
              "我朋友高反了很严重", "it is dark and we have no torch"):
        noclue(t)


if __name__ == "__main__":
    build()
    path = HERE / "unseen_calls.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in OUT), encoding="utf-8")
    kinds = {}
    for r in OUT:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"{len(OUT)} calls -> {path}: {kinds}")
