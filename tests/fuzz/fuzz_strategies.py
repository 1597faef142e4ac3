"""Shared hypothesis strategies: text that looks like what callers and files really contain."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("RD_FUZZ_EXAMPLES", "120"))
# One failure per run (not a group), so an xfail for a known crash type matches exactly that type.
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=False, report_multiple_bugs=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                       HealthCheck.function_scoped_fixture])

FRAGMENTS = ["卓玛拉", "Dolma La", "drolma la", "止热寺", "Dirapuk", "祖楚寺", "塔尔钦", "Darchen", "色雄", "曲古寺",
             "过了", "还没到", "前面", "后面", "大概", "左右", "公里", "km", "米", "m", "小时", "分钟", "hours",
             "走了", "从", "到", "去", "的路上", "下面", "上面", "北纬", "东经", "N", "E", "S", "W", "°", "'", '"',
             "度", "分", "秒", "31", "81", "31.1", "81.3", "44N", "UTM", "45", "500123", "3431000", "5,200",
             "海拔", "5600", "gcj", "bd09", "wgs84", "高反", "摔倒", "雪", "河", "桥", "茶馆", "帐篷", "7.40", "中午",
             "下午3点", "now", "现在", "昨天", "-", "+", ",", ".", "，", "。", " ", "\n", "0", "1e9", "nan", "inf",
             "∞", "½", "٣", "١٢", "Ⅻ", "\u200b", "\ufeff", "\x00"]

caller_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.integers(-10**7, 10**7).map(str),
                       st.floats(allow_nan=True, allow_infinity=True).map(str), st.text(max_size=4)),
             max_size=25).map("".join),
)

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False),
                         st.text(max_size=20), st.sampled_from(["", "2025-07-01T02:00:00+00:00", "2025-13-40",
                                                                "dolma_la", "nan", "1e309", "-0"]))
json_values = st.recursive(json_scalars, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                                st.dictionaries(st.text(max_size=8), kids, max_size=4)),
                           max_leaves=12)
