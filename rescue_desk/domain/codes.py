"""Code lists stored in the database, each code with its Chinese and English label."""

from __future__ import annotations

CATEGORIES = {
    "altitude_sickness": ("高原反应", "Altitude sickness"),
    "pulmonary_edema": ("高原肺水肿", "Pulmonary edema (HAPE)"),
    "cerebral_edema": ("高原脑水肿", "Cerebral edema (HACE)"),
    "exhaustion": ("体力不支", "Exhaustion"),
    "fall_injury": ("摔伤", "Fall / injury"),
    "hypothermia": ("失温", "Hypothermia"),
    "lost": ("迷路/失联", "Lost / missing"),
    "cardiac": ("心脏急症", "Cardiac"),
    "snow_trapped": ("被雪围困", "Trapped by snow"),
    "other": ("其他", "Other"),
    "false_alarm": ("误报", "False alarm"),
}

SEVERITIES = {1: ("轻微", "Minor"), 2: ("一般", "Moderate"), 3: ("严重", "Serious"), 4: ("危急", "Critical")}

STATUSES = {
    "new": ("新接警", "New"),
    "dispatched": ("已出警", "Dispatched"),
    "on_scene": ("已到达", "On scene"),
    "evacuating": ("转运中", "Evacuating"),
    "closed": ("已结案", "Closed"),
}
STATUS_FLOW = ("new", "dispatched", "on_scene", "evacuating", "closed")

CHANNELS = {
    "phone": ("电话", "Phone"),
    "walk_in": ("来所报警", "Walk-in"),
    "radio": ("对讲机", "Radio"),
    "relayed": ("转报", "Relayed"),
}

ORIGINS = {
    "domestic": ("国内游客", "Domestic visitor"),
    "tibetan_pilgrim": ("藏族朝圣者", "Tibetan pilgrim"),
    "indian_yatri": ("印度朝圣者", "Indian yatri"),
    "other_foreign": ("其他外籍", "Other foreign"),
}

SEXES = {"male": ("男", "Male"), "female": ("女", "Female"), "unknown": ("不详", "Unknown")}

PERSON_OUTCOMES = {
    "treated_on_site": ("现场处置", "Treated on site"),
    "evacuated_darchen": ("送回塔钦", "Evacuated to Darchen"),
    "hospital": ("送医院", "Taken to hospital"),
    "walked_out": ("自行下撤", "Walked out"),
    "deceased": ("死亡", "Deceased"),
    "not_found": ("未找到", "Not found"),
}

INCIDENT_OUTCOMES = {
    "rescued": ("救援成功", "Rescued"),
    "hospital": ("送医", "Taken to hospital"),
    "fatal": ("有人死亡", "Fatal"),
    "false_alarm": ("误报", "False alarm"),
    "resolved_by_phone": ("电话指导解决", "Resolved by phone"),
    "not_found": ("未找到", "Not found"),
}

POSITION_SOURCES = {
    "words": ("报警人描述", "Caller's words"),
    "phone": ("报警人手机定位", "Caller's phone"),
    "map_app": ("国内地图应用", "Chinese map app"),
    "team_gps": ("救援队GPS", "Team GPS"),
    "officer": ("值班民警", "Duty officer"),
    "import": ("历史导入", "Imported logbook"),
}

OVERDUE_REASONS = {  # the board's OVERDUE_KINDS, as the handover (screen, paper, terminal) words them
    "no_dispatch": ("超时：尚未派队", "Overdue: no team dispatched"),
    "no_departure": ("超时：救援队未出发", "Overdue: team has not left"),
    "checkin": ("超时：救援队未按时联络", "Overdue: no check-in"),
    "on_scene_long": ("超时：现场时间过长", "Overdue: long on scene"),
    "evacuating_long": ("超时：转运时间过长", "Overdue: evacuation taking long"),
}

DATUMS = {"wgs84": ("WGS84 (GPS)", "WGS84 (GPS)"), "gcj02": ("GCJ-02 (高德/腾讯/微信)", "GCJ-02 (Amap/Tencent/WeChat)"),
          "bd09": ("BD-09 (百度)", "BD-09 (Baidu)")}


def label(table: dict, code, lang: str = "zh") -> str:
    """The label of ``code`` in ``lang`` ("zh" or "en"); the code itself when unknown."""
    pair = table.get(code)
    if pair is None:
        return str(code)
    return pair[0] if lang == "zh" else pair[1]
