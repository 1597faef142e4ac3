<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../crash.py" line="42" />
        <source>Rescue Desk — unexpected error</source>
        <translation>救援调度台 — 意外错误</translation>
    </message>
    <message>
        <location filename="../crash.py" line="43" />
        <source>Something unexpected went wrong ({0}). What was saved is safe; the details were written to the log file:
{1}</source>
        <translation>发生了意外错误（{0}）。已保存的内容不受影响；详细信息已写入日志文件：
{1}</translation>
    </message>
    <message>
        <location filename="../crash.py" line="47" />
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>DemoProgressDialog</name>
    <message>
        <location filename="../demo_progress.py" line="54" />
        <location filename="../demo_progress.py" line="103" />
        <source>Rescue Desk</source>
        <translation>救援调度台</translation>
    </message>
    <message>
        <location filename="../demo_progress.py" line="55" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../demo_progress.py" line="65" />
        <source>Creating the demo station (synthetic history)…
%1 of %2 seasons done</source>
        <translation>正在生成演示数据（合成历史记录）…
已完成 %1 / %2 年</translation>
    </message>
    <message>
        <location filename="../demo_progress.py" line="69" />
        <source>Stopping after the current season…</source>
        <translation>正在停止（当前年份完成后退出）…</translation>
    </message>
    <message>
        <location filename="../demo_progress.py" line="104" />
        <source>The demo station could not be created: %1</source>
        <translation>无法生成演示数据：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="210" />
        <source>Synthetic demo data — not real incidents</source>
        <translation>演示数据（合成）— 非真实警情</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="35" />
        <source>Rescue Desk — Darchen mountain rescue station</source>
        <translation>救援调度台 — 塔钦山地救援站</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="86" />
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="90" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="90" />
        <source>&amp;Incident</source>
        <translation>警情(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="90" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="91" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="91" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="95" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="100" />
        <source>&amp;About Rescue Desk</source>
        <translation>关于救援调度台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="62" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="122" />
        <source>Fit route</source>
        <translation>显示整条转山路线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="123" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="124" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="125" />
        <source>Measure distance</source>
        <translation>测量距离</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="128" />
        <source>Map layers</source>
        <translation>地图图层</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129" />
        <source>Kilometre ticks</source>
        <translation>公里刻度</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="130" />
        <source>Access roads and road ends</source>
        <translation>车道与车辆终点</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="131" />
        <source>Incidents</source>
        <translation>警情标记</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="132" />
        <source>Heat strip</source>
        <translation>热度带</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="133" />
        <source>Hazards</source>
        <translation>危险路段</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="136" />
        <source>Tibetan names (unverified spellings)</source>
        <translation>藏文地名（拼写未经核实）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="138" />
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="139" />
        <source>Colour the route by</source>
        <translation>路线着色方式</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="141" />
        <source>Elevation</source>
        <translation>海拔</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="141" />
        <source>Section</source>
        <translation>路段</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="146" />
        <location filename="../main_window.py" line="194" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153" />
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195" />
        <source>The new language applies the next time Rescue Desk starts.</source>
        <translation>新的界面语言将在下次启动救援调度台时生效。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="201" />
        <source>About Rescue Desk</source>
        <translation>关于救援调度台</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="202" />
        <source>Rescue Desk: dispatch desk of the Darchen (Tarchen) mountain-rescue station.
Map data: see the SOURCES file shipped with the program.</source>
        <translation>救援调度台：塔钦（塔尔钦）山地救援站值班调度系统。
地图数据来源：见程序附带的 SOURCES 文件。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="204" />
        <source>Version {0}
Log file: {1}</source>
        <translation>版本 {0}
日志文件：{1}</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <location filename="../map/controller.py" line="50" />
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <location filename="../map/controller.py" line="104" />
        <source>Medical post</source>
        <translation>医疗点</translation>
    </message>
    <message>
        <location filename="../map/controller.py" line="105" />
        <source>Supply point</source>
        <translation>补给点</translation>
    </message>
    <message>
        <location filename="../map/controller.py" line="106" />
        <source>Road end</source>
        <translation>车辆终点</translation>
    </message>
    <message>
        <location filename="../map/controller.py" line="107" />
        <source>Vehicle road</source>
        <translation>车道</translation>
    </message>
    <message>
        <location filename="../map/controller.py" line="108" />
        <source>Probable road</source>
        <translation>推测车道</translation>
    </message>
    <message>
        <location filename="../map/controller.py" line="109" />
        <source>Police station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../map/controller.py" line="260" />
        <source>lat {0:.5f}°, lon {1:.5f}°</source>
        <translation>纬度 {0:.5f}°，经度 {1:.5f}°</translation>
    </message>
    <message>
        <location filename="../map/controller.py" line="265" />
        <source>km {0:.2f} ({1:.0f} m from route)</source>
        <translation>里程 {0:.2f} 公里（距路线 {1:.0f} 米）</translation>
    </message>
    <message>
        <location filename="../map/controller.py" line="266" />
        <source>elevation {0:.0f} m</source>
        <translation>海拔 {0:.0f} 米</translation>
    </message>
    <message>
        <location filename="../map/controller.py" line="267" />
        <source>near {0} ({1:.1f} km)</source>
        <translation>附近：{0}（{1:.1f} 公里）</translation>
    </message>
    <message>
        <location filename="../map/controller.py" line="269" />
        <source>{0:.1f} km from the route</source>
        <translation>距路线 {0:.1f} 公里</translation>
    </message>
    <message>
        <location filename="../map/landmarks_layer.py" line="70" />
        <source>Mount Kailash {0} m</source>
        <translation>冈仁波齐峰 {0} 米</translation>
    </message>
    <message>
        <location filename="../map/landmarks_layer.py" line="75" />
        <source>{0} Station</source>
        <translation>{0}派出所</translation>
    </message>
</context>
<context>
    <name>MapInteraction</name>
    <message>
        <location filename="../map/interaction.py" line="35" />
        <source>Map: browse (clicks select, change nothing)</source>
        <translation>地图：浏览（点击只选择，不做更改）</translation>
    </message>
    <message>
        <location filename="../map/interaction.py" line="36" />
        <source>Map: click to place the call being taken</source>
        <translation>地图：点击标定正在接警的位置</translation>
    </message>
    <message>
        <location filename="../map/interaction.py" line="37" />
        <source>Map: click where the new landmark is</source>
        <translation>地图：点击新地标所在位置</translation>
    </message>
    <message>
        <location filename="../map/interaction.py" line="38" />
        <source>Map: click the start and end of the section</source>
        <translation>地图：点击路段的起点和终点</translation>
    </message>
    <message>
        <location filename="../map/interaction.py" line="39" />
        <source>Map: measure — click two points</source>
        <translation>地图：测距——点击两个点</translation>
    </message>
    <message>
        <location filename="../map/interaction.py" line="40" />
        <source>Map: click where the team is</source>
        <translation>地图：点击队伍所在位置</translation>
    </message>
    <message>
        <location filename="../map/interaction.py" line="118" />
        <source>Map: measure — click the second point</source>
        <translation>地图：测距——点击第二个点</translation>
    </message>
    <message>
        <location filename="../map/interaction.py" line="126" />
        <source>Distance %1 km straight</source>
        <translation>直线距离 %1 公里</translation>
    </message>
    <message>
        <location filename="../map/interaction.py" line="129" />
        <source>, %1 km along the kora</source>
        <translation>，沿转山路 %1 公里</translation>
    </message>
</context>
<context>
    <name>Place</name>
    <message>
        <location filename="../text.py" line="33" />
        <source>not placed</source>
        <translation>未定位</translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <location filename="../workspaces.py" line="42" />
        <source>Duty desk</source>
        <translation>值班台</translation>
    </message>
    <message>
        <location filename="../workspaces.py" line="42" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../workspaces.py" line="42" />
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../workspaces.py" line="43" />
        <source>Sand table</source>
        <translation>沙盘</translation>
    </message>
    <message>
        <location filename="../workspaces.py" line="55" />
        <source>Workspaces</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="../workspaces.py" line="60" />
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="../workspaces.py" line="72" />
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
</TS>