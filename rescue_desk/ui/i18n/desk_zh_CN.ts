<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../desk/board.py" line="35" />
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="35" />
        <source>Received</source>
        <translation>接警时间</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="35" />
        <source>Elapsed</source>
        <translation>已过时间</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="36" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="36" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="36" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="37" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="37" />
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="37" />
        <source>Caller's words</source>
        <translation>报警人原话</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="40" />
        <source>Dispatch a team</source>
        <translation>派出救援队</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="40" />
        <source>Log departure</source>
        <translation>登记出发</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="41" />
        <source>Team on the way</source>
        <translation>救援队在途</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="41" />
        <source>Treat or evacuate</source>
        <translation>现场处置或转运</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="42" />
        <source>Return and close</source>
        <translation>返回并结案</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="42" />
        <source>Close the incident</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="43" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="46" />
        <source>Overdue: no team dispatched</source>
        <translation>超时：尚未派队</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="47" />
        <source>Overdue: team has not left</source>
        <translation>超时：救援队未出发</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="48" />
        <source>Overdue: no check-in from the team</source>
        <translation>超时：救援队未按时联络</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="49" />
        <source>Overdue: on scene for long, no evacuation logged</source>
        <translation>超时：到达现场过久，未登记转运</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="50" />
        <source>Overdue: evacuation taking long, no return logged</source>
        <translation>超时：转运过久，未登记返回</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="82" />
        <source>not placed</source>
        <translation>未定位</translation>
    </message>
</context>
<context>
    <name>BoardWidget</name>
    <message>
        <location filename="../desk/board.py" line="181" />
        <source>Search words, place, category…</source>
        <translation>搜索原话、地点、类别…</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="185" />
        <source>All open</source>
        <translation>全部未结案</translation>
    </message>
    <message>
        <location filename="../desk/board.py" line="189" />
        <source>Overdue only</source>
        <translation>仅显示超时</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../desk/__init__.py" line="32" />
        <source>Call intake</source>
        <translation>接警登记</translation>
    </message>
    <message>
        <location filename="../desk/__init__.py" line="34" />
        <source>Incident board</source>
        <translation>警情看板</translation>
    </message>
    <message>
        <location filename="../desk/__init__.py" line="36" />
        <source>Rescue trip</source>
        <translation>救援出警</translation>
    </message>
    <message>
        <location filename="../desk/__init__.py" line="39" />
        <source>Incident history</source>
        <translation>警情历史</translation>
    </message>
    <message>
        <location filename="../desk/__init__.py" line="68" />
        <source>&amp;New call</source>
        <translation>新接警(&amp;N)</translation>
    </message>
    <message>
        <location filename="../desk/__init__.py" line="69" />
        <source>&amp;Find incident</source>
        <translation>查找警情(&amp;F)</translation>
    </message>
    <message>
        <location filename="../desk/__init__.py" line="70" />
        <source>Rescue &amp;trip</source>
        <translation>救援出警(&amp;T)</translation>
    </message>
    <message>
        <location filename="../desk/__init__.py" line="71" />
        <source>&amp;Refresh board</source>
        <translation>刷新看板(&amp;R)</translation>
    </message>
    <message>
        <location filename="../desk/__init__.py" line="129" />
        <source>Overdue: incident %1 — see the board</source>
        <translation>超时：警情 %1 — 请查看警情看板</translation>
    </message>
    <message>
        <location filename="../desk/widgets.py" line="140" />
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../desk/widgets.py" line="141" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../desk/__init__.py" line="1" />
        <source>&amp;Apply all suggestions</source>
        <translation>全部采用建议(&amp;A)</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>DeskErrors</name>
    <message>
        <location filename="../desk/errors.py" line="17" />
        <source>the call</source>
        <translation>接警</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="17" />
        <source>the dispatch</source>
        <translation>派警</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="17" />
        <source>the departure</source>
        <translation>出发</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="18" />
        <source>the arrival on scene</source>
        <translation>到达现场</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="18" />
        <source>the start of the evacuation</source>
        <translation>开始转运</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="19" />
        <source>the return</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="25" />
        <source>Not saved: another desk has just changed this incident; check it and try again.</source>
        <translation>未保存：另一台值班台刚更改了此警情，请核对后再试。</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="27" />
        <source>GPX not imported: %1</source>
        <translation>GPX 未导入：%1</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="32" />
        <source>That time is in the future; correct it.</source>
        <translation>该时间晚于当前时间，请更正。</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="35" />
        <source>That time is before %1 (%2); correct it.</source>
        <translation>该时间早于%1（%2），请更正。</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="39" />
        <source>That time is after %1 (%2); correct it.</source>
        <translation>该时间晚于%1（%2），请更正。</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="42" />
        <source>That time has no time zone; enter it again.</source>
        <translation>该时间缺少时区，请重新输入。</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="44" />
        <source>Party size must be at least 1.</source>
        <translation>人数至少为 1。</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="46" />
        <source>Incident #%1 is closed; it cannot be changed.</source>
        <translation>警情 #%1 已结案，不能再更改。</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="48" />
        <source>Incident #%1 no longer exists.</source>
        <translation>警情 #%1 已不存在。</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="50" />
        <source>Choose at least one officer.</source>
        <translation>请至少选择一名民警。</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="52" />
        <source>Choose an outcome to close the incident.</source>
        <translation>请选择结案结果。</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="54" />
        <source>Age must be between 0 and 110.</source>
        <translation>年龄须在 0 到 110 之间。</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="56" />
        <source>The position is %1 km from the kora, outside the station's area; check the coordinates and their datum.</source>
        <translation>该位置距转山路 %1 公里，超出本所辖区；请核对坐标及其坐标系。</translation>
    </message>
    <message>
        <location filename="../desk/errors.py" line="58" />
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Incident #%1 still has a team out: log the team's return before closing it.</source>
        <translation>警情 #%1 还有救援队在外：请先登记救援队返回，再结案。</translation>
    </message>
    <message>
        <source>No step of this trip is logged yet; there is nothing to take back.</source>
        <translation>这次出警还没有登记任何一步，没有可撤销的。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../desk/history.py" line="33" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>IncidentHistory</name>
    <message>
        <location filename="../desk/history.py" line="56" />
        <source>Words, #number…</source>
        <translation>原话、#编号…</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="59" />
        <source>Any category</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="60" />
        <source>Any outcome</source>
        <translation>所有结果</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="62" />
        <source>Open and closed</source>
        <translation>未结案和已结案</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="62" />
        <source>Open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="62" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="64" />
        <source>km from</source>
        <translation>起始公里</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="65" />
        <source>km to</source>
        <translation>终止公里</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="77" />
        <source>Open in desk</source>
        <translation>在值班台打开</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="78" />
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="79" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="117" />
        <source>any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="157" />
        <source>%1 incidents</source>
        <translation>%1 起警情</translation>
    </message>
    <message>
        <location filename="../desk/history.py" line="163" />
        <source>Search failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../desk/intake_layout.py" line="87" />
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="26" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="26" />
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="26" />
        <source>Tibetan</source>
        <translation>藏语</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="26" />
        <source>Hindi</source>
        <translation>印地语</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="27" />
        <source>Other language</source>
        <translation>其他语言</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="100" />
        <source>The caller's words, as said (any language)</source>
        <translation>按报警人原话记录（任何语言）</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="103" />
        <source>Accept estimate</source>
        <translation>采用估计位置</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="106" />
        <source>Datum: from the words</source>
        <translation>坐标系：按描述判断</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="109" />
        <source>Pick a landmark…</source>
        <translation>选择地标…</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="117" />
        <source>Place on map</source>
        <translation>在地图上标定</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="118" />
        <source>Then click the map where the caller is (Esc to stop)</source>
        <translation>然后在地图上点击报警人所在位置（按 Esc 结束）</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="123" />
        <source>Clear position</source>
        <translation>清除位置</translation>
    </message>
    <message>
        <location filename="../desk/intake_fill.py" line="43" />
        <location filename="../desk/intake_layout.py" line="126" />
        <source>New incident</source>
        <translation>新警情</translation>
    </message>
    <message>
        <location filename="../desk/intake.py" line="147" />
        <source>Move the call's position?</source>
        <translation>移动本次接警的位置？</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="26" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="27" />
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="131" />
        <source>Save call</source>
        <translation>保存接警</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="133" />
        <source>Clear form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="43" />
        <source>Received</source>
        <translation>接警时间</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="43" />
        <source>Channel</source>
        <translation>报警方式</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="44" />
        <source>Caller</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="44" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="45" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="45" />
        <source>Party size</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="46" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="46" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="52" />
        <source>Caller's words</source>
        <translation>报警人原话</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="62" />
        <source>Position from</source>
        <translation>位置来源</translation>
    </message>
    <message>
        <location filename="../desk/intake_layout.py" line="63" />
        <source>Link to</source>
        <translation>关联到</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="30" />
        <source>Cannot place yet: %1</source>
        <translation>暂无法定位：%1</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="35" />
        <source>Estimate: a point %1 m off the trail (± %2 m)</source>
        <translation>估计位置：偏离转山路 %1 米的一点（± %2 米）</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="38" />
        <source>Estimate: km %1 (%2); 90 % within %3 km</source>
        <translation>估计位置：第 %1 公里（%2）；90% 概率在 %3 公里范围内</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="41" />
        <source> — the clues disagree, check with the caller</source>
        <translation> — 线索互相矛盾，请向报警人核实</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="46" />
        <source>No position yet: type the caller's words, pick a landmark or click the map.</source>
        <translation>尚无位置：输入报警人原话、选择地标或在地图上点击。</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="49" />
        <source>Position %1, %2 — km %3 near %4</source>
        <translation>位置 %1, %2 — 第 %3 公里，靠近%4</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="52" />
        <source>(%1 m off the trail)</source>
        <translation>（偏离转山路 %1 米）</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="57" />
        <source>The call's position was accepted at %1. Move it %2 m to %3?</source>
        <translation>本次接警的位置已确认在%1。要移动 %2 米到%3吗？</translation>
    </message>
    <message>
        <location filename="../desk/intake.py" line="174" />
        <source>Unknown landmark “%1”: choose one from the list.</source>
        <translation>未知地标“%1”：请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="65" />
        <source>Incident #%1 (%2%3)</source>
        <translation>警情 #%1（%2%3）</translation>
    </message>
    <message>
        <location filename="../desk/intake.py" line="190" />
        <source>An open incident is nearby: is this the same emergency? Choose it under “Link to” to add this call to it.</source>
        <translation>附近有未结案警情：是否同一警情？在“关联到”中选择即可把本次来电并入该警情。</translation>
    </message>
    <message>
        <location filename="../desk/intake.py" line="203" />
        <source>Type the caller's words or place the incident before saving.</source>
        <translation>保存前请填写报警人原话或确定位置。</translation>
    </message>
    <message>
        <location filename="../desk/intake.py" line="207" />
        <source>“%1” is no longer a landmark of the station (retired in the sand table); place the call again.</source>
        <translation>「%1」已不再是本所的地标（已在沙盘中停用）；请重新定位本次接警。</translation>
    </message>
    <message>
        <location filename="../desk/intake.py" line="213" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../desk/intake.py" line="213" />
        <source>Waiting for the estimate…</source>
        <translation>正在等待定位结果…</translation>
    </message>
    <message>
        <location filename="../desk/intake.py" line="218" />
        <source>Saved: incident #%1.</source>
        <translation>已保存：警情 #%1。</translation>
    </message>
    <message>
        <location filename="../desk/intake.py" line="225" />
        <source>Not saved: incident #%1 has just been changed.</source>
        <translation>未保存：警情 #%1 刚被更改。</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="71" />
        <source>Not saved: incident #%1 has just been changed — it is now “%2” (%3). Check it, then save the call again; what you typed is kept.</source>
        <translation>未保存：警情 #%1 刚被更改，现为「%2」（%3）。请核对后再次保存；已填写的内容都保留着。</translation>
    </message>
    <message>
        <location filename="../desk/intake.py" line="249" />
        <source>A call was being taken and not saved: “%1”. Restore it?</source>
        <translation>有一条接警记录未保存：“%1”。是否恢复？</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="1" />
        <source>near %1, km %2–%3 (%4 %)</source>
        <translation>%1附近，%2–%3 公里（%4%）</translation>
    </message>
    <message>
        <location filename="../desk/intake_texts.py" line="1" />
        <source>Still possible: %1</source>
        <translation>仍有可能：%1</translation>
    </message>
    <message>
        <source>Not applied yet: %1. Click a suggestion (or Apply all), or press Save again to save the form as it is.</source>
        <translation>建议尚未采用：%1。请点建议（或“全部采用”），或再按一次“保存接警”按表单原样保存。</translation>
    </message>
    <message>
        <source>The call time %1 is %2 days ago. Correct it, or press Save again if it is right.</source>
        <translation>接警时间 %1 是 %2 天前。请更正；如无误，再按一次“保存接警”。</translation>
    </message>
</context>
<context>
    <name>SuggestionChips</name>
    <message>
        <location filename="../desk/suggestion_chips.py" line="1" />
        <source>1 person</source>
        <translation>1人</translation>
    </message>
    <message>
        <location filename="../desk/suggestion_chips.py" line="1" />
        <source>%1 people</source>
        <translation>%1人</translation>
    </message>
    <message>
        <location filename="../desk/suggestion_chips.py" line="1" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../desk/suggestion_chips.py" line="1" />
        <source>Suggested:</source>
        <translation>建议：</translation>
    </message>
    <message>
        <location filename="../desk/suggestion_chips.py" line="1" />
        <source>Apply all</source>
        <translation>全部采用</translation>
    </message>
    <message>
        <location filename="../desk/suggestion_chips.py" line="1" />
        <source>Put every suggestion into the form (Ctrl+Shift+A)</source>
        <translation>把所有建议填入表单（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../desk/suggestion_chips.py" line="1" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../desk/suggestion_chips.py" line="1" />
        <source>Put back the values the last apply replaced</source>
        <translation>恢复上次采用前的值</translation>
    </message>
    <message>
        <location filename="../desk/suggestion_chips.py" line="1" />
        <source>From the caller's words: “%1”</source>
        <translation>来自报警人的原话：“%1”</translation>
    </message>
</context>
<context>
    <name>TripPanel</name>
    <message>
        <location filename="../desk/trip.py" line="56" />
        <location filename="../desk/trip.py" line="128" />
        <source>Select an incident on the board.</source>
        <translation>请在警情看板中选择一条警情。</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="28" />
        <source>Dispatch a team</source>
        <translation>派出救援队</translation>
    </message>
    <message>
        <location filename="../desk/trip.py" line="161" />
        <location filename="../desk/trip_boxes.py" line="31" />
        <source>No vehicle (on foot)</source>
        <translation>不用车（步行）</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="32" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="36" />
        <source>Dispatch</source>
        <translation>出警</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="40" />
        <source>Officers</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="41" />
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="42" />
        <source>Check in every</source>
        <translation>联络间隔</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="43" />
        <source>Plan to leave at</source>
        <translation>计划出发时间</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="49" />
        <source>Trip</source>
        <translation>出警记录</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="19" />
        <source>Departed</source>
        <translation>已出发</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="19" />
        <source>On scene</source>
        <translation>已到达</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="19" />
        <source>Evacuating</source>
        <translation>转运中</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="19" />
        <source>Returned</source>
        <translation>已返回</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="19" />
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="60" />
        <source>What the team reported</source>
        <translation>救援队报告内容</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="61" />
        <source>Add check-in</source>
        <translation>登记联络</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="66" />
        <source>Import GPX track…</source>
        <translation>导入 GPX 轨迹…</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="80" />
        <source>Persons found</source>
        <translation>找到的人员</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="84" />
        <source>age unknown</source>
        <translation>年龄不详</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="88" />
        <source>Condition (e.g. conscious, hypoxic)</source>
        <translation>身体状况（如：意识清醒、缺氧）</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="90" />
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="100" />
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="101" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="107" />
        <source>Close the incident</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../desk/trip_boxes.py" line="109" />
        <source>Close incident</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="104" />
        <source>out</source>
        <translation>外出</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="104" />
        <source>at station</source>
        <translation>在所</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="105" />
        <source>%1 — %2, %3 h in the field today</source>
        <translation>%1 — %2，今日外勤 %3 小时</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="85" />
        <source>Planned: %1, ETA %2</source>
        <translation>计划：%1，预计用时 %2</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="87" />
        <source>GPS track: %1 points</source>
        <translation>GPS 轨迹：%1 个点</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="93" />
        <source>Check-in every %1 min; next due %2</source>
        <translation>每 %1 分钟联络一次；下次应在 %2</translation>
    </message>
    <message>
        <location filename="../desk/trip.py" line="206" />
        <source>OVERDUE: </source>
        <translation>已超时：</translation>
    </message>
    <message>
        <location filename="../desk/trip.py" line="216" />
        <source>Place the incident to get a suggested approach.</source>
        <translation>确定警情位置后才能给出建议路线。</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="38" />
        <source>closed: read only</source>
        <translation>已结案：只读</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="43" />
        <source>Incident #%1: loading…</source>
        <translation>警情 #%1：正在加载…</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="51" />
        <source>clockwise</source>
        <translation>顺时针</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="51" />
        <source>counter-clockwise</source>
        <translation>逆时针</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="55" />
        <source>Suggested: drive %1 km to %2, then walk %3 km %4.</source>
        <translation>建议：驾车 %1 公里到%2，再%4步行 %3 公里。</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="57" />
        <source>ETA P50 %1 (arrive %2), P90 %3 (arrive %4)</source>
        <translation>预计到达 P50 %1（%2 到达），P90 %3（%4 到达）</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="62" />
        <source>Other ways: %1</source>
        <translation>其他路线：%1</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="65" />
        <source>Hazards: %1</source>
        <translation>危险路段：%1</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="72" />
        <source>Arrival in the dark (sunset %1): take head torches, plan for the dark.</source>
        <translation>到达时天已黑（日落 %1）：带头灯，按夜间行动准备。</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="74" />
        <source>A slow team may arrive in the dark (sunset %1).</source>
        <translation>行进较慢时可能天黑后到达（日落 %1）。</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="75" />
        <source>Sunset %1</source>
        <translation>日落 %1</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="109" />
        <source>Not saved: another desk has just changed this incident; it is now “%1” (%2). Check it and try again.</source>
        <translation>未保存：另一台值班台刚更改了此警情，现为「%1」（%2）。请核对后再试。</translation>
    </message>
    <message>
        <location filename="../desk/trip_texts.py" line="115" />
        <source>Trip times logged: %1.</source>
        <translation>已记录的出警时间：%1。</translation>
    </message>
    <message>
        <location filename="../desk/trip.py" line="262" />
        <source>Choose at least one officer.</source>
        <translation>请至少选择一名民警。</translation>
    </message>
    <message>
        <location filename="../desk/trip.py" line="309" />
        <source>Team GPX track</source>
        <translation>救援队 GPX 轨迹</translation>
    </message>
    <message>
        <location filename="../desk/trip.py" line="309" />
        <source>GPX files (*.gpx)</source>
        <translation>GPX 文件 (*.gpx)</translation>
    </message>
    <message>
        <source>Take back the last step</source>
        <translation>撤销上一步</translation>
    </message>
    <message>
        <source>A wrong click: remove the latest logged step (the event log keeps it)</source>
        <translation>点错时使用：删除最近登记的一步（事件日志仍保留记录）</translation>
    </message>
    <message>
        <source>Taken back: %1.</source>
        <translation>已撤销：%1。</translation>
    </message>
</context>
</TS>