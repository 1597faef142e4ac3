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
<context>
    <name>ShareDialog</name>
    <message>
        <source>Send to team — incident %1</source>
        <translation>发送给救援队 — 警情 %1</translation>
    </message>
    <message>
        <source>Send this point to the team</source>
        <translation>把这个点发送给救援队</translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation>警情 %1</translation>
    </message>
    <message>
        <source>the desk's estimate, not confirmed</source>
        <translation>调度估计位置，未经确认</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>复制%1</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <source>Save GPX…</source>
        <translation>保存 GPX…</translation>
    </message>
    <message>
        <source>Save KML…</source>
        <translation>保存 KML…</translation>
    </message>
    <message>
        <source>Print sheet…</source>
        <translation>打印出警单…</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>Amap / WeChat (GCJ-02)</source>
        <translation>高德 / 微信（GCJ-02）</translation>
    </message>
    <message>
        <source>Any map app (geo:, WGS84)</source>
        <translation>其他地图（geo:，WGS84）</translation>
    </message>
    <message>
        <source>Scan with the phone's camera or WeChat; the link opens the pin in Amap.</source>
        <translation>用手机相机或微信扫码，链接会在高德地图中打开标注点。</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>保存 %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Send to team</source>
        <translation>发送给救援队</translation>
    </message>
    <message>
        <source>The position could not be read: %1</source>
        <translation>无法读取位置：%1</translation>
    </message>
</context>
<context>
    <name>CoordinateMenu</name>
    <message>
        <source>Copy %1: %2</source>
        <translation>复制%1：%2</translation>
    </message>
    <message>
        <source>Copy all formats</source>
        <translation>复制全部格式</translation>
    </message>
    <message>
        <source>Send this point to the team…</source>
        <translation>把这个点发送给救援队…</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>What the next shift must know: teams to call, vehicles, weather, open questions…</source>
        <translation>下一班需要知道的：要联络的队伍、车辆、天气、待办事项……</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Could not read the handover: %1</source>
        <translation>无法读取交接班内容：%1</translation>
    </message>
    <message>
        <source>Save handover</source>
        <translation>保存交接班记录</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>The notes are too long.</source>
        <translation>交接事项太长。</translation>
    </message>
    <message>
        <source>Handed over at %1.</source>
        <translation>已于 %1 完成交接。</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>未能记录：%1</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help — Rescue Desk</source>
        <translation>帮助 — 转山救援调度台</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>About and data sources</source>
        <translation>关于与数据来源</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>鼠标滚轮</translation>
    </message>
    <message>
        <source>Zoom the map</source>
        <translation>缩放地图</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>拖动</translation>
    </message>
    <message>
        <source>Pan the map</source>
        <translation>平移地图</translation>
    </message>
    <message>
        <source>Right-click on the map</source>
        <translation>在地图上点右键</translation>
    </message>
    <message>
        <source>Copy that point's coordinates (every format)</source>
        <translation>复制该点的坐标（各种格式）</translation>
    </message>
    <message>
        <source>Leave the current map mode</source>
        <translation>退出当前地图模式</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>功能</translation>
    </message>
    <message>
        <source># Rescue Desk %1

Dispatch desk of the Tarchen (Darchen) border-police mountain-rescue station below Mount Kailash. Runs offline; times are Beijing time.

Fonts: Noto Sans CJK SC and Noto Serif Tibetan subsets (SIL Open Font License).

---

</source>
        <translation># 转山救援调度台 %1

冈仁波齐山下塔尔钦（塔钦）边境派出所山地救援调度台。离线运行；时间均为北京时间。

字体：Noto Sans CJK SC 与 Noto Serif Tibetan 子集（SIL 开放字体许可）。

以下为数据来源与致谢（英文原文）。

---

</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>About and data sources</source>
        <translation>关于与数据来源</translation>
    </message>
</context>
<context>
    <name>FieldActions</name>
    <message>
        <source>Send position to team…</source>
        <translation>发送位置给救援队…</translation>
    </message>
    <message>
        <source>Print incident sheet…</source>
        <translation>打印出警单…</translation>
    </message>
    <message>
        <source>Shift handover…</source>
        <translation>交接班…</translation>
    </message>
    <message>
        <source>Send to team</source>
        <translation>发送给救援队</translation>
    </message>
    <message>
        <source>Print sheet</source>
        <translation>打印出警单</translation>
    </message>
    <message>
        <source>Coordinates for Amap/WeChat/Baidu, QR code, GPX/KML (Ctrl+Shift+S)</source>
        <translation>高德/微信/百度坐标、二维码、GPX/KML（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Right-click the map to copy a point's coordinates in every format (WGS84, DMS, UTM, GCJ-02, BD-09, km).</source>
        <translation>在地图上点右键，可复制该点各种格式的坐标（WGS84、度分秒、UTM、GCJ-02、BD-09、公里数）。</translation>
    </message>
</context>
<context>
    <name>IncidentSheet</name>
    <message>
        <source>Save the incident sheet</source>
        <translation>保存出警单</translation>
    </message>
    <message>
        <source>Incident sheet</source>
        <translation>出警单</translation>
    </message>
    <message>
        <source>Incident sheet saved: %1</source>
        <translation>出警单已保存：%1</translation>
    </message>
</context>
</TS>
