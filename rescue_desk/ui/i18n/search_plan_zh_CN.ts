<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>SearchPlanPanel</name>
    <message>
        <source>Search plan for a missing pilgrim…</source>
        <translation>失踪朝圣者搜索方案…</translation>
    </message>
    <message>
        <source>Search plan</source>
        <translation>搜索方案</translation>
    </message>
    <message>
        <source>km or a place, e.g. 12.5 or Chuku</source>
        <translation>公里数或地名，如 12.5 或 曲古</translation>
    </message>
    <message>
        <source>Add sighting</source>
        <translation>添加目击</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Seen at</source>
        <translation>目击地点</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Clockwise</source>
        <translation>顺时针</translation>
    </message>
    <message>
        <source>Counter-clockwise (Bon)</source>
        <translation>逆时针（苯教）</translation>
    </message>
    <message>
        <source>Left Darchen at</source>
        <translation>离开塔钦时间</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Sighting</source>
        <translation>目击</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Where now, at</source>
        <translation>推算时刻</translation>
    </message>
    <message>
        <source>Type where they were seen: a km or a place name.</source>
        <translation>请输入目击地点：公里数或地名。</translation>
    </message>
    <message>
        <source>Unknown place: give a km along the kora or a landmark name.</source>
        <translation>未知地点：请输入转山路公里数或地标名称。</translation>
    </message>
    <message>
        <source>The time now is before the last sighting.</source>
        <translation>推算时刻早于最后一次目击。</translation>
    </message>
    <message>
        <source>They cannot have left Darchen after the last sighting.</source>
        <translation>离开塔钦的时间不能晚于最后一次目击。</translation>
    </message>
    <message>
        <source>The last sighting is more than 10 days old: the walking model says nothing then.</source>
        <translation>最后一次目击已超过10天，步行模型无法推算。</translation>
    </message>
    <message>
        <source>The sightings contradict each other: the later one (km %1) is %2 km behind the earlier one (km %3) for this direction. Check the times, places and direction.</source>
        <translation>目击信息互相矛盾：按这个方向，较晚的一次（第 %1 公里）反而在较早一次（第 %3 公里）后面 %2 公里。请核对时间、地点和方向。</translation>
    </message>
    <message>
        <source>The sightings contradict each other: km %1 and km %2 are %3 km apart, faster than anyone walks (at most %4 km/h). Check the times and places.</source>
        <translation>目击信息互相矛盾：第 %1 公里和第 %2 公里相距 %3 公里，比任何人都走得快（持续步行最多每小时 %4 公里）。请核对时间和地点。</translation>
    </message>
    <message>
        <source>Add where and when the pilgrim was last seen.</source>
        <translation>请添加朝圣者最后一次被看到的地点和时间。</translation>
    </message>
    <message>
        <source>%1 h since the last sighting. Sections to search first (marked): %2, holding 80 % of the probability on %3 km of trail.</source>
        <translation>距最后一次目击 %1 小时。请先搜索标出的路段：%2 段，占 80% 概率，共 %3 公里路程。</translation>
    </message>
    <message>
        <source>That sighting is later than the time now; check its time.</source>
        <translation>这次目击的时间晚于现在，请核对时间。</translation>
    </message>
    <message>
        <source>No search plan: see the message above.</source>
        <translation>无法生成搜索方案：见上方说明。</translation>
    </message>
</context>
</TS>
