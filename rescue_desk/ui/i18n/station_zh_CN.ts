<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../station/hazards_page.py" line="26" />
        <source>Section</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="27" />
        <location filename="../station/hazards_page.py" line="87" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="42" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="49" />
        <source>From – to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="57" />
        <source>Pick on map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="58" />
        <source>Click the start of the section on the map, then its end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="62" />
        <source>Add hazard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="64" />
        <source>Lift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="66" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="76" />
        <source>Section (clockwise)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="79" />
        <source>walking time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="81" />
        <source>Effect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="111" />
        <source>closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="114" />
        <source> (lifted)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="140" />
        <source>add hazard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="145" />
        <source>lift hazard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/hazards_page.py" line="146" />
        <source>restore hazard</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LandmarkModel</name>
    <message>
        <location filename="../station/landmarks_page.py" line="40" />
        <source>km</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="40" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="40" />
        <source>Entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="40" />
        <source>Confidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="40" />
        <source>Season</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="41" />
        <source>shipped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="41" />
        <source>corrected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="41" />
        <source>station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="71" />
        <source> (retired)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LandmarksPage</name>
    <message>
        <location filename="../station/landmarks_page.py" line="104" />
        <source>Find a landmark or alias</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="116" />
        <source>Add on map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="117" />
        <source>Click, then click the map where the new landmark is</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="130" />
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="131" />
        <source>Aliases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="133" />
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="162" />
        <source>Only in season</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="172" />
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="174" />
        <source>Retire</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="176" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="182" />
        <source>English name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="183" />
        <source>Chinese name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="184" />
        <source>Source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="185" />
        <source>Confidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="186" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="187" />
        <source>Validity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="188" />
        <source>Position</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="196" />
        <source>Another name callers use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="198" />
        <source>any language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="198" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="198" />
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="200" />
        <source>Add alias</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="203" />
        <source>Remove alias</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="255" />
        <source>{0:.5f} N, {1:.5f} E (km {2:.2f})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="260" />
        <source>New landmark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="260" />
        <source>No landmark selected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="277" />
        <source>{0:.5f} N, {1:.5f} E (km {2:.2f}) — drag the handle on the map to move</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="289" />
        <source>{0} (shipped)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="299" />
        <source>shipped value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="299" />
        <source>added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="299" />
        <source>moved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="300" />
        <source>renamed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="300" />
        <source>edited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="300" />
        <source>alias added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="301" />
        <source>alias removed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="301" />
        <source>retired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="301" />
        <source>restored</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="324" />
        <source>add landmark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="335" />
        <source>edit landmark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="340" />
        <source>retire landmark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="341" />
        <source>restore landmark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="347" />
        <source>add alias</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/landmarks_page.py" line="353" />
        <source>remove alias</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StationEditor</name>
    <message>
        <location filename="../station/__init__.py" line="100" />
        <source>Station landmarks and hazards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="79" />
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="82" />
        <source>Redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="93" />
        <source>Landmarks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="94" />
        <source>Hazards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="95" />
        <source>Walked routes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="150" />
        <source>Saved: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="164" />
        <source>Done: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="202" />
        <source>Click the map where the new landmark is.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="207" />
        <source>That point is {0:.1f} km from the kora route; station landmarks must lie within {1:g} km of it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="216" />
        <source>Click on the kora route to mark a section.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="218" />
        <source>Section km {0:.2f}–{1:.2f}; choose the condition and add it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="221" />
        <source>Now click the end of the section (clockwise).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="229" />
        <source>Name the new landmark and save; drag the handle to adjust.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="249" />
        <source>move landmark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="257" />
        <source>Cannot read {0}: {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/editor.py" line="261" />
        <source>Walk imported for {0}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StationLayerMenu</name>
    <message>
        <location filename="../station/__init__.py" line="28" />
        <source>Export station layer (GeoJSON)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/__init__.py" line="31" />
        <source>Import station layer (GeoJSON)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/__init__.py" line="38" />
        <source>Export station layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/__init__.py" line="39" />
        <location filename="../station/__init__.py" line="56" />
        <source>GeoJSON (*.geojson *.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/__init__.py" line="52" />
        <source>Exported {0} features to {1}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/__init__.py" line="55" />
        <location filename="../station/__init__.py" line="87" />
        <source>Import station layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/__init__.py" line="66" />
        <source>Cannot read {0}: {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/__init__.py" line="71" />
        <source>Nothing to import: the station layer already has all of it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/__init__.py" line="74" />
        <source>Import cancelled; nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/__init__.py" line="80" />
        <source>Imported {0} changes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/__init__.py" line="88" />
        <source>{0} added, {1} changed, {2} retired. Apply these changes?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WalksPage</name>
    <message>
        <location filename="../station/walks_page.py" line="18" />
        <location filename="../station/walks_page.py" line="28" />
        <source>Officer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/walks_page.py" line="18" />
        <source>Walks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/walks_page.py" line="18" />
        <source>Full loops</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/walks_page.py" line="19" />
        <source>km round the kora</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/walks_page.py" line="24" />
        <source>Officer who walked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/walks_page.py" line="25" />
        <source>Import GPX walk…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/walks_page.py" line="42" />
        <source>Officer pace from {0} walks ({1:.0f} km): {2:.2f} × the model's officer time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/walks_page.py" line="45" />
        <source>Officer pace: the model's default until at least 3 timed walks over 60 km are logged ({0} so far, {1:.0f} km).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/walks_page.py" line="49" />
        <source>Import a GPX walk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../station/walks_page.py" line="49" />
        <source>GPX tracks (*.gpx)</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>