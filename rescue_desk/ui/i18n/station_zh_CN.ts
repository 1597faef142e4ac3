<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../station/hazards_page.py" line="26" />
        <source>Section</source>
        <translation>路段</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="26" />
        <location filename="../station/hazards_page.py" line="70" />
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="26" />
        <location filename="../station/hazards_page.py" line="86" />
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="27" />
        <location filename="../station/hazards_page.py" line="87" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="42" />
        <source>Closed</source>
        <translation>封闭</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="49" />
        <source>From – to</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="57" />
        <source>Pick on map</source>
        <translation>在地图上选取</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="58" />
        <source>Click the start of the section on the map, then its end</source>
        <translation>先在地图上点选路段起点，再点选终点</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="62" />
        <source>Add hazard</source>
        <translation>添加危险路段</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="64" />
        <source>Lift</source>
        <translation>解除</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="66" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="76" />
        <source>Section (clockwise)</source>
        <translation>路段（顺时针）</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="79" />
        <source>walking time</source>
        <translation>步行时间</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="81" />
        <source>Effect</source>
        <translation>影响</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="111" />
        <source>closed</source>
        <translation>封闭</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="114" />
        <source> (lifted)</source>
        <translation>（已解除）</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="140" />
        <source>add hazard</source>
        <translation>添加危险路段</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="145" />
        <source>lift hazard</source>
        <translation>解除危险路段</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="146" />
        <source>restore hazard</source>
        <translation>恢复危险路段</translation>
    </message>
</context>
<context>
    <name>LandmarkModel</name>
    <message>
        <location filename="../station/landmarks_page.py" line="40" />
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="40" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="40" />
        <source>Entry</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="40" />
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="40" />
        <source>Season</source>
        <translation>季节</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="41" />
        <source>shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="41" />
        <source>corrected</source>
        <translation>已修正</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="41" />
        <source>station</source>
        <translation>本所</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="71" />
        <source> (retired)</source>
        <translation>（已停用）</translation>
    </message>
</context>
<context>
    <name>LandmarksPage</name>
    <message>
        <location filename="../station/landmarks_page.py" line="104" />
        <source>Find a landmark or alias</source>
        <translation>查找地标或别名</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="116" />
        <source>Add on map</source>
        <translation>在地图上添加</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="117" />
        <source>Click, then click the map where the new landmark is</source>
        <translation>点击后，在地图上点选新地标的位置</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="130" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="131" />
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="133" />
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="162" />
        <source>Only in season</source>
        <translation>仅限季节</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="172" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="174" />
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="176" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="182" />
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="183" />
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="184" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="185" />
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="186" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="187" />
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="188" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="196" />
        <source>Another name callers use</source>
        <translation>报警人使用的其他叫法</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="198" />
        <source>any language</source>
        <translation>任意语言</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="198" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="198" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="200" />
        <source>Add alias</source>
        <translation>添加别名</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="203" />
        <source>Remove alias</source>
        <translation>删除别名</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="255" />
        <source>{0:.5f} N, {1:.5f} E (km {2:.2f})</source>
        <translation>北纬 {0:.5f}，东经 {1:.5f}（里程 {2:.2f} 公里）</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="260" />
        <source>New landmark</source>
        <translation>新地标</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="260" />
        <source>No landmark selected</source>
        <translation>未选择地标</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="277" />
        <source>{0:.5f} N, {1:.5f} E (km {2:.2f}) — drag the handle on the map to move</source>
        <translation>北纬 {0:.5f}，东经 {1:.5f}（里程 {2:.2f} 公里）— 拖动地图上的标记可移动</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="289" />
        <source>{0} (shipped)</source>
        <translation>{0}（内置）</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="299" />
        <source>shipped value</source>
        <translation>内置原值</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="299" />
        <source>added</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="299" />
        <source>moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="300" />
        <source>renamed</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="300" />
        <source>edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="300" />
        <source>alias added</source>
        <translation>添加别名</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="301" />
        <source>alias removed</source>
        <translation>删除别名</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="301" />
        <source>retired</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="301" />
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="324" />
        <source>add landmark</source>
        <translation>添加地标</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="335" />
        <source>edit landmark</source>
        <translation>修改地标</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="340" />
        <source>retire landmark</source>
        <translation>停用地标</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="341" />
        <source>restore landmark</source>
        <translation>恢复地标</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="347" />
        <source>add alias</source>
        <translation>添加别名</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="353" />
        <source>remove alias</source>
        <translation>删除别名</translation>
    </message>
</context>
<context>
    <name>StationEditor</name>
    <message>
        <location filename="../station/__init__.py" line="100" />
        <source>Station landmarks and hazards</source>
        <translation>本所地标与危险路段</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="79" />
        <source>Undo a sand-table edit</source>
        <translation>撤销沙盘修改</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="82" />
        <source>Redo a sand-table edit</source>
        <translation>重做沙盘修改</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="93" />
        <source>Landmarks</source>
        <translation>地标</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="94" />
        <source>Hazards</source>
        <translation>危险路段</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="95" />
        <source>Walked routes</source>
        <translation>巡山记录</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="150" />
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="164" />
        <source>Done: {0}</source>
        <translation>已完成：{0}</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="202" />
        <source>Click the map where the new landmark is.</source>
        <translation>请在地图上点选新地标的位置。</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="207" />
        <source>That point is {0:.1f} km from the kora route; station landmarks must lie within {1:g} km of it.</source>
        <translation>该点距转山路线 {0:.1f} 公里；本所地标须在路线 {1:g} 公里以内。</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="216" />
        <source>Click on the kora route to mark a section.</source>
        <translation>请点击转山路线以标出路段。</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="218" />
        <source>Section km {0:.2f}–{1:.2f}; choose the condition and add it.</source>
        <translation>路段 {0:.2f}–{1:.2f} 公里；请选择状况后添加。</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="221" />
        <source>Now click the end of the section (clockwise).</source>
        <translation>请点选路段终点（顺时针方向）。</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="229" />
        <source>Name the new landmark and save; drag the handle to adjust.</source>
        <translation>请填写新地标名称并保存；可拖动标记微调位置。</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="249" />
        <source>move landmark</source>
        <translation>移动地标</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="257" />
        <source>Cannot read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../station/editor.py" line="261" />
        <source>Walk imported for {0}.</source>
        <translation>已为{0}导入巡山轨迹。</translation>
    </message>
</context>
<context>
    <name>StationLayerMenu</name>
    <message>
        <location filename="../station/__init__.py" line="28" />
        <source>Export station layer (GeoJSON)…</source>
        <translation>导出本所图层（GeoJSON）…</translation>
    </message>
    <message>
        <location filename="../station/__init__.py" line="31" />
        <source>Import station layer (GeoJSON)…</source>
        <translation>导入本所图层（GeoJSON）…</translation>
    </message>
    <message>
        <location filename="../station/__init__.py" line="38" />
        <source>Export station layer</source>
        <translation>导出本所图层</translation>
    </message>
    <message>
        <location filename="../station/__init__.py" line="39" />
        <location filename="../station/__init__.py" line="56" />
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON 文件 (*.geojson *.json)</translation>
    </message>
    <message>
        <location filename="../station/__init__.py" line="52" />
        <source>Exported {0} features to {1}.</source>
        <translation>已导出 {0} 个要素到 {1}。</translation>
    </message>
    <message>
        <location filename="../station/__init__.py" line="55" />
        <location filename="../station/__init__.py" line="87" />
        <source>Import station layer</source>
        <translation>导入本所图层</translation>
    </message>
    <message>
        <location filename="../station/__init__.py" line="66" />
        <source>Cannot read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../station/__init__.py" line="71" />
        <source>Nothing to import: the station layer already has all of it.</source>
        <translation>无需导入：本所图层已包含全部内容。</translation>
    </message>
    <message>
        <location filename="../station/__init__.py" line="74" />
        <source>Import cancelled; nothing was changed.</source>
        <translation>已取消导入，未作任何修改。</translation>
    </message>
    <message>
        <location filename="../station/__init__.py" line="80" />
        <source>Imported {0} changes.</source>
        <translation>已导入 {0} 项修改。</translation>
    </message>
    <message>
        <location filename="../station/__init__.py" line="88" />
        <source>{0} added, {1} changed, {2} retired. Apply these changes?</source>
        <translation>新增 {0} 项，修改 {1} 项，停用 {2} 项。确定应用这些修改吗？</translation>
    </message>
</context>
<context>
    <name>WalksPage</name>
    <message>
        <location filename="../station/walks_page.py" line="18" />
        <location filename="../station/walks_page.py" line="28" />
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../station/walks_page.py" line="18" />
        <source>Walks</source>
        <translation>巡山次数</translation>
    </message>
    <message>
        <location filename="../station/walks_page.py" line="18" />
        <source>Full loops</source>
        <translation>完整转山圈数</translation>
    </message>
    <message>
        <location filename="../station/walks_page.py" line="19" />
        <source>km round the kora</source>
        <translation>转山里程（公里）</translation>
    </message>
    <message>
        <location filename="../station/walks_page.py" line="24" />
        <source>Officer who walked</source>
        <translation>巡山民警</translation>
    </message>
    <message>
        <location filename="../station/walks_page.py" line="25" />
        <source>Import GPX walk…</source>
        <translation>导入 GPX 巡山轨迹…</translation>
    </message>
    <message>
        <location filename="../station/walks_page.py" line="42" />
        <source>Officer pace from {0} walks ({1:.0f} km): {2:.2f} × the model's officer time</source>
        <translation>根据 {0} 次巡山（{1:.0f} 公里）：民警步速为模型民警用时的 {2:.2f} 倍</translation>
    </message>
    <message>
        <location filename="../station/walks_page.py" line="45" />
        <source>Officer pace: the model's default until at least 3 timed walks over 60 km are logged ({0} so far, {1:.0f} km).</source>
        <translation>民警步速：记录至少 3 次、共 60 公里以上带时间的巡山轨迹前使用模型默认值（目前 {0} 次，{1:.0f} 公里）。</translation>
    </message>
    <message>
        <location filename="../station/walks_page.py" line="49" />
        <source>Import a GPX walk</source>
        <translation>导入 GPX 巡山轨迹</translation>
    </message>
    <message>
        <location filename="../station/walks_page.py" line="49" />
        <source>GPX tracks (*.gpx)</source>
        <translation>GPX 轨迹 (*.gpx)</translation>
    </message>
</context>
</TS>
