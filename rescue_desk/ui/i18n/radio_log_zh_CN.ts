<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>RadioLogPanel</name>
    <message>
        <source>Radio log…</source>
        <translation>电台记录…</translation>
    </message>
    <message>
        <source>Radio log</source>
        <translation>电台记录</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>What the team reported</source>
        <translation>队伍报告的内容</translation>
    </message>
    <message>
        <source>Where: words (e.g. just past Chuku bridge) or coordinates</source>
        <translation>位置：描述（如 刚过曲古桥）或坐标</translation>
    </message>
    <message>
        <source>Click on map</source>
        <translation>在地图上点选</translation>
    </message>
    <message>
        <source>Add check-in</source>
        <translation>添加报平安</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Incident #</source>
        <translation>警情编号</translation>
    </message>
    <message>
        <source>OVERDUE: team of incident #%1 (trip %2) was due to check in at %3</source>
        <translation>超时：警情 #%1（出警 %2）的队伍应在 %3 前报平安</translation>
    </message>
    <message>
        <source>Trip %1</source>
        <translation>出警 %1</translation>
    </message>
    <message>
        <source>This incident has no team dispatched.</source>
        <translation>该警情尚未派出队伍。</translation>
    </message>
    <message>
        <source>Map point %1, %2</source>
        <translation>地图点 %1, %2</translation>
    </message>
    <message>
        <source>Show an incident with a team first.</source>
        <translation>请先显示一个已派出队伍的警情。</translation>
    </message>
    <message>
        <source>Check-in saved.</source>
        <translation>报平安已保存。</translation>
    </message>
    <message>
        <source>That time is in the future; correct it.</source>
        <translation>该时间在未来，请更正。</translation>
    </message>
    <message>
        <source>That time is before the team left; correct it.</source>
        <translation>该时间早于队伍出发，请更正。</translation>
    </message>
    <message>
        <source>The position cannot be used: %1</source>
        <translation>位置无法使用：%1</translation>
    </message>
    <message>
        <source>No such incident or trip.</source>
        <translation>没有该警情或出警记录。</translation>
    </message>
</context>
</TS>
