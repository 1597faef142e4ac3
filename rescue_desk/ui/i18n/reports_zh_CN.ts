<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImportRunner</name>
    <message>
        <location filename="../reports/importing.py" line="32"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../reports/importing.py" line="32"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../reports/importing.py" line="67"/>
        <source>%1 imported, %2 already there, %3 bad (of %4 rows)</source>
        <translation>已导入 %1 条，已存在 %2 条，有误 %3 条（共 %4 行）</translation>
    </message>
    <message>
        <location filename="../reports/importing.py" line="76"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../reports/importing.py" line="79"/>
        <source>Import logbook</source>
        <translation>导入历史台账</translation>
    </message>
    <message>
        <location filename="../reports/importing.py" line="88"/>
        <source>Import cancelled; the rows written so far are kept (importing again skips them).</source>
        <translation>导入已取消；已写入的行保留（再次导入时会跳过）。</translation>
    </message>
    <message>
        <location filename="../reports/importing.py" line="90"/>
        <source>The logbook could not be imported: %1</source>
        <translation>无法导入该台账：%1</translation>
    </message>
    <message>
        <location filename="../reports/importing.py" line="92"/>
        <source>The import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../reports/__init__.py" line="13"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../reports/__init__.py" line="14"/>
        <source>Import logbook…</source>
        <translation>导入历史台账…</translation>
    </message>
    <message>
        <location filename="../reports/charts.py" line="21"/>
        <source>Still open</source>
        <translation>尚未结案</translation>
    </message>
    <message>
        <location filename="../reports/charts.py" line="66"/>
        <source>Incidents and people rescued by month</source>
        <translation>每月警情数与获救人数</translation>
    </message>
    <message>
        <location filename="../reports/charts.py" line="68"/>
        <location filename="../reports/charts.py" line="94"/>
        <location filename="../reports/figures.py" line="14"/>
        <source>Incidents</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../reports/charts.py" line="69"/>
        <location filename="../reports/figures.py" line="16"/>
        <source>People rescued</source>
        <translation>获救人数</translation>
    </message>
    <message>
        <location filename="../reports/charts.py" line="85"/>
        <source>Incidents by week</source>
        <translation>每周警情数</translation>
    </message>
    <message>
        <location filename="../reports/charts.py" line="97"/>
        <source>d MMM</source>
        <comment>date format of the week axis (Qt QDateTime)</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <location filename="../reports/charts.py" line="135"/>
        <source>Incidents by cause</source>
        <translation>警情原因</translation>
    </message>
    <message>
        <location filename="../reports/charts.py" line="150"/>
        <source>Incidents by section of the kora (clockwise)</source>
        <translation>转山路各路段警情数（顺时针）</translation>
    </message>
    <message>
        <location filename="../reports/charts.py" line="161"/>
        <source>Incidents by outcome</source>
        <translation>警情结果</translation>
    </message>
    <message>
        <location filename="../reports/charts.py" line="166"/>
        <source>People helped by origin</source>
        <translation>被救助人员来源</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="13"/>
        <source>Calls</source>
        <translation>接警</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="15"/>
        <source>Rescue trips</source>
        <translation>出警次数</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="17"/>
        <source>Taken to hospital</source>
        <translation>送医院</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="18"/>
        <source>Deaths</source>
        <translation>死亡</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="19"/>
        <source>False alarms</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="23"/>
        <source>Call → team leaves</source>
        <translation>接警 → 出发</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="24"/>
        <source>Team leaves → on scene</source>
        <translation>出发 → 到达现场</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="25"/>
        <source>Call → on scene (total)</source>
        <translation>接警 → 到达现场（合计）</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="34"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="41"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="43"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="60"/>
        <source>Interval</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="60"/>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="61"/>
        <source>90th percentile</source>
        <translation>90% 分位数</translation>
    </message>
    <message>
        <location filename="../reports/figures.py" line="62"/>
        <source>Trips measured</source>
        <translation>统计出警次数</translation>
    </message>
    <message>
        <location filename="../reports/heat.py" line="179"/>
        <source>Incidents per km of the kora (clockwise from Darchen)</source>
        <translation>转山路每公里警情数（自塔钦顺时针）</translation>
    </message>
    <message>
        <location filename="../reports/pdf.py" line="153"/>
        <source>Annual report %1</source>
        <translation>%1 年度报告</translation>
    </message>
    <message>
        <location filename="../reports/pdf.py" line="182"/>
        <source>Darchen (Tarchen) mountain-rescue station · Beijing time · drill records excluded · printed %1</source>
        <translation>塔钦山地救援站 · 北京时间 · 不含演练记录 · 打印于 %1</translation>
    </message>
    <message>
        <location filename="../reports/pdf.py" line="186"/>
        <source>SYNTHETIC DEMO DATA — not real rescues</source>
        <translation>合成演示数据 — 并非真实救援</translation>
    </message>
    <message>
        <location filename="../reports/pdf.py" line="188"/>
        <source>Key figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <location filename="../reports/pdf.py" line="190"/>
        <source>Response times (minutes)</source>
        <translation>响应时间（分钟）</translation>
    </message>
    <message>
        <location filename="../reports/pdf.py" line="196"/>
        <source>Where: incidents along the kora</source>
        <translation>地点：转山路沿线警情分布</translation>
    </message>
    <message>
        <location filename="../reports/pdf.py" line="207"/>
        <source>Busiest days (rescue trips that left)</source>
        <translation>最繁忙的日子（出警次数）</translation>
    </message>
    <message>
        <location filename="../reports/pdf.py" line="208"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../reports/pdf.py" line="208"/>
        <source>Trips</source>
        <translation>出警</translation>
    </message>
    <message>
        <location filename="../reports/pdf.py" line="211"/>
        <source>%1 trip(s): %2 day(s)</source>
        <translation>出警 %1 次：%2 天</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../reports/dashboard.py" line="108"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="109"/>
        <source>Years from</source>
        <translation>年份范围</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="126"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="128"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="130"/>
        <source>Import logbook…</source>
        <translation>导入历史台账…</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="135"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="153"/>
        <source>Response times (minutes)</source>
        <translation>响应时间（分钟）</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="159"/>
        <source>Where: incidents along the kora</source>
        <translation>地点：转山路沿线警情分布</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="166"/>
        <source>Busiest days (rescue trips that left)</source>
        <translation>最繁忙的日子（出警次数）</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="240"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="264"/>
        <source>Could not load the statistics: %1</source>
        <translation>无法加载统计数据：%1</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="280"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="280"/>
        <source>Trips</source>
        <translation>出警</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="282"/>
        <source>%1 trip(s): %2 day(s)</source>
        <translation>出警 %1 次：%2 天</translation>
    </message>
    <message numerus="yes">
        <location filename="../reports/dashboard.py" line="286"/>
        <source>%n incident(s) without a position are not on the map.</source>
        <translation>
            <numerusform>另有 %n 起警情没有位置，未在图上显示。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="290"/>
        <source>%1 · Beijing time · drills excluded</source>
        <translation>%1 · 北京时间 · 不含演练</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="321"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="335"/>
        <source>Could not write the PDF: %1</source>
        <translation>无法保存 PDF：%1</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="337"/>
        <source>PDF written to %1</source>
        <translation>PDF 已保存到 %1</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="342"/>
        <source>Not exported: only the station chief and the administrator may export records.</source>
        <translation>未导出：只有站长和管理员可以导出记录。</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="345"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="352"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="360"/>
        <source>Could not write the CSV: %1</source>
        <translation>无法保存 CSV：%1</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="362"/>
        <source>CSV written to %1</source>
        <translation>CSV 已保存到 %1</translation>
    </message>
    <message>
        <location filename="../reports/dashboard.py" line="371"/>
        <source>Import logbook</source>
        <translation>导入历史台账</translation>
    </message>
</context>
</TS>
