<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Crew</name>
    <message>
        <source>Per officer</source>
        <translation>按民警</translation>
    </message>
    <message>
        <source>Per vehicle</source>
        <translation>按车辆</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Trips</source>
        <translation>出警次数</translation>
    </message>
    <message>
        <source>Hours in the field</source>
        <translation>外出小时</translation>
    </message>
    <message>
        <source>Nights out</source>
        <translation>夜间外出</translation>
    </message>
    <message>
        <source>Hours above %1 m, last 7 days</source>
        <translation>近 7 天海拔 %1 米以上小时</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Hours out</source>
        <translation>出车小时</translation>
    </message>
    <message>
        <source>Trips that left in the period; a night out is any part of 00:00–05:00 Beijing time away from the station; hours above 5,000 m come from the team's GPX track, else the time at a scene above 5,000 m (a lower bound).</source>
        <translation>统计期内出发的出警；夜间外出指北京时间 00:00–05:00 有任何时段在外；海拔 5,000 米以上时间取自队伍 GPX 轨迹，无轨迹时取海拔 5,000 米以上现场的停留时间（下限）。</translation>
    </message>
</context>
</TS>
