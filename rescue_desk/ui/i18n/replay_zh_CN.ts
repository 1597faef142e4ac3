<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DrillPanel</name>
    <message>
        <location filename="../replay/drill_panel.py" line="40"/>
        <source>Trainee&apos;s name</source>
        <translation>学员姓名</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="42"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="43"/>
        <source>Next drill</source>
        <translation>下一题</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="44"/>
        <source>New drill set…</source>
        <translation>新建演练组…</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="57"/>
        <location filename="../replay/drill_panel.py" line="160"/>
        <source>Click the map where you think the caller is.</source>
        <translation>在地图上点击你认为报警人所在的位置。</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="67"/>
        <source>Submit and reveal</source>
        <translation>提交并揭晓</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="79"/>
        <source>The call (all the duty officer knew)</source>
        <translation>来电（值班民警当时所知的全部）</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="83"/>
        <source>Your answer</source>
        <translation>你的判断</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="86"/>
        <source>Search ± along the trail</source>
        <translation>沿步道搜索范围 ±</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="87"/>
        <source>Approach</source>
        <translation>前往方式</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="96"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="125"/>
        <location filename="../replay/drill_panel.py" line="133"/>
        <source>Built-in scenarios (demo data)</source>
        <translation>内置案例（演示数据）</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="161"/>
        <source>Drill %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="171"/>
        <source>Call received %1 (Beijing time)</source>
        <translation>接警时间 %1（北京时间）</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="172"/>
        <source>%1 · %2 · party of %3</source>
        <translation>%1 · %2 · 共 %3 人</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="175"/>
        <source>Weather: %1</source>
        <translation>天气：%1</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="175"/>
        <source>no note logged</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="179"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="179"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="179"/>
        <source>Tibetan</source>
        <translation>藏文</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="188"/>
        <source>Pin at %1 (%2 m from the trail)</source>
        <translation>标记在 %1（距步道 %2 米）</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="208"/>
        <source>Enter the trainee&apos;s name first.</source>
        <translation>请先填写学员姓名。</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="229"/>
        <source>Score: %1 / 100</source>
        <translation>得分：%1 / 100</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="230"/>
        <source>The caller was at %1; your pin was %2 km away along the trail.</source>
        <translation>报警人实际在 %1；你的标记沿步道相差 %2 公里。</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="232"/>
        <source>The person was inside your search stretch.</source>
        <translation>被困人员在你划定的搜索范围内。</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="233"/>
        <source>The person was outside your search stretch.</source>
        <translation>被困人员不在你划定的搜索范围内。</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="234"/>
        <source>Your approach reaches them in %1 min; the best (%2) in %3 min: %4 min lost.</source>
        <translation>按你选的方式 %1 分钟到达；最快方式（%2）%3 分钟：多用 %4 分钟。</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="239"/>
        <source>The desk&apos;s first estimate was %1.</source>
        <translation>调度台当时的首次估计是 %1。</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="242"/>
        <source>clockwise</source>
        <translation>顺时针</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="242"/>
        <source>counter-clockwise</source>
        <translation>逆时针</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="243"/>
        <source>The team drove to the road end at %1 and walked %2.</source>
        <translation>救援队当时开车到 %1 处路端，%2步行。</translation>
    </message>
    <message>
        <location filename="../replay/drill_panel.py" line="246"/>
        <source>They reached the scene %1 min after the call.</source>
        <translation>接警后 %1 分钟到达现场。</translation>
    </message>
</context>
<context>
    <name>DrillSetDialog</name>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="36"/>
        <source>New drill set</source>
        <translation>新建演练组</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="42"/>
        <source>e.g. Pass and north face, autumn</source>
        <translation>例如：卓玛拉山口与北壁（秋季）</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="45"/>
        <source>Search by number, date, category or words</source>
        <translation>按编号、日期、类别或报警内容搜索</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="55"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="60"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="64"/>
        <source>Scenarios and closed incidents (tick several):</source>
        <translation>案例和已结案警情（可勾选多项）：</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="78"/>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="104"/>
        <source>Scenario: %1</source>
        <translation>案例：%1</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="111"/>
        <source>No scenarios or closed incidents yet.</source>
        <translation>还没有案例或已结案的警情。</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="135"/>
        <source>%1 picked</source>
        <translation>已选 %1 项</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="146"/>
        <source>Give the drill set a name.</source>
        <translation>请给演练组起个名称。</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="148"/>
        <location filename="../replay/drill_set_dialog.py" line="155"/>
        <source>A drill set with this name already exists.</source>
        <translation>已有同名的演练组。</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="150"/>
        <source>Tick at least one scenario or incident.</source>
        <translation>请至少勾选一个案例或警情。</translation>
    </message>
    <message>
        <location filename="../replay/drill_set_dialog.py" line="163"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>PlayerPanel</name>
    <message>
        <location filename="../replay/player_panel.py" line="88"/>
        <source>Load</source>
        <translation>载入</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="89"/>
        <source>Export as scenario…</source>
        <translation>导出为案例…</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="90"/>
        <source>Import scenario…</source>
        <translation>导入案例…</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="91"/>
        <location filename="../replay/player_panel.py" line="149"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="92"/>
        <source>◀ Step</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="93"/>
        <source>Step ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="123"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="149"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="151"/>
        <source>Choose an incident and press Load.</source>
        <translation>请选择一个警情，然后点“载入”。</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="169"/>
        <source>Scenario: %1</source>
        <translation>案例：%1</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="191"/>
        <source>Choose a closed incident (not a scenario) to export.</source>
        <translation>请选择一个已结案的警情（不是案例）再导出。</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="195"/>
        <source>Export as scenario</source>
        <translation>导出为案例</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="197"/>
        <location filename="../replay/player_panel.py" line="212"/>
        <source>Scenario files (*.json)</source>
        <translation>案例文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="203"/>
        <source>Scenario %1 written to %2 (no names, phone or document numbers).</source>
        <translation>案例 %1 已写入 %2（不含姓名、电话或证件号码）。</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="211"/>
        <source>Import scenario</source>
        <translation>导入案例</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="217"/>
        <source>Scenario imported (#%1).</source>
        <translation>案例已导入（#%1）。</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="240"/>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="253"/>
        <source>team positions from the GPS track</source>
        <translation>救援队位置来自 GPS 轨迹</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="255"/>
        <source>team positions interpolated along the route between the logged times</source>
        <translation>救援队位置按记录时间沿路线插值</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="257"/>
        <source>no rescue trip</source>
        <translation>无出警</translation>
    </message>
    <message>
        <location filename="../replay/player_panel.py" line="280"/>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../replay/progress_panel.py" line="38"/>
        <source>Attempt</source>
        <translation>练习次数</translation>
    </message>
    <message>
        <location filename="../replay/progress_panel.py" line="42"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../replay/progress_panel.py" line="52"/>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../replay/progress_panel.py" line="91"/>
        <source>No attempts yet.</source>
        <translation>尚无练习记录。</translation>
    </message>
    <message>
        <location filename="../replay/progress_panel.py" line="96"/>
        <source>%1 attempts, the last on %2. Last five: mean score %3, mean distance error %4 km.</source>
        <translation>共 %1 次练习，最近一次 %2。最近五次：平均得分 %3，平均距离误差 %4 公里。</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <location filename="../replay/__init__.py" line="27"/>
        <location filename="../replay/__init__.py" line="37"/>
        <source>Replay &amp;&amp; drills</source>
        <translation>回放与演练</translation>
    </message>
    <message>
        <location filename="../replay/__init__.py" line="40"/>
        <source>Import scenario…</source>
        <translation>导入案例…</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="34"/>
        <source>km %1</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="39"/>
        <source>clockwise</source>
        <translation>顺时针</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="40"/>
        <source>counter-clockwise</source>
        <translation>逆时针</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="46"/>
        <source>Position estimate</source>
        <translation>位置估计</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="48"/>
        <source>Estimate corrected</source>
        <translation>估计已修正</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="50"/>
        <source>Position confirmed</source>
        <translation>位置已确认</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="52"/>
        <source>Position reported</source>
        <translation>位置已报告</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="63"/>
        <source>Trip %1 dispatched, %2 officers</source>
        <translation>出警 %1 已派出，%2 名民警</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="66"/>
        <source>; road end at %1, walking %2</source>
        <translation>；车辆到 %1 处路端，%2步行</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="76"/>
        <source>Call (%1): %2</source>
        <translation>来电（%1）：%2</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="81"/>
        <source>Trip %1 departed</source>
        <translation>出警 %1 已出发</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="82"/>
        <source>Trip %1 on scene</source>
        <translation>出警 %1 已到达现场</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="83"/>
        <source>Trip %1 started the evacuation</source>
        <translation>出警 %1 开始转运</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="84"/>
        <source>Trip %1 returned</source>
        <translation>出警 %1 已返回</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="88"/>
        <source>Trip %1 check-in: %2</source>
        <translation>出警 %1 报平安：%2</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="91"/>
        <source>Person: %1, %2 years, %3</source>
        <translation>人员：%1，%2 岁，%3</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="94"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../replay/texts.py" line="96"/>
        <source>Incident closed: %1</source>
        <translation>警情结案：%1</translation>
    </message>
</context>
<context>
    <name>ReplayPage</name>
    <message>
        <location filename="../replay/page.py" line="39"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../replay/page.py" line="40"/>
        <source>Placement drill</source>
        <translation>定位演练</translation>
    </message>
    <message>
        <location filename="../replay/page.py" line="41"/>
        <source>Progress</source>
        <translation>进步曲线</translation>
    </message>
</context>
</TS>
