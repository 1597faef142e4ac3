<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Admin</name>
    <message>
        <location filename="../admin/__init__.py" line="48"/>
        <source>Change history</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <location filename="../admin/__init__.py" line="51"/>
        <source>Change &amp;history</source>
        <translation>变更历史(&amp;H)</translation>
    </message>
    <message>
        <location filename="../admin/__init__.py" line="83"/>
        <source>Signed in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <location filename="../admin/__init__.py" line="84"/>
        <source>no accounts yet</source>
        <translation>尚未建立账户</translation>
    </message>
    <message>
        <location filename="../admin/__init__.py" line="91"/>
        <source>Database connection restored.</source>
        <translation>数据库连接已恢复。</translation>
    </message>
    <message>
        <location filename="../admin/__init__.py" line="104"/>
        <source>Backup written: %1</source>
        <translation>已写入备份：%1</translation>
    </message>
    <message>
        <location filename="../admin/__init__.py" line="107"/>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../admin/watch.py" line="29"/>
        <source>Database connection lost, reconnecting…</source>
        <translation>数据库连接中断，正在重连…</translation>
    </message>
</context>
<context>
    <name>DamageBanner</name>
    <message>
        <location filename="../admin/damage_banner.py" line="28"/>
        <source>The station database failed its integrity check; no backup was replaced. Tell the administrator (rescue-desk db check, then restore a good backup). Details: %1</source>
        <translation>站点数据库未通过完整性检查；没有替换任何备份。请通知管理员（运行 rescue-desk db check，然后恢复一个完好的备份）。详情：%1</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../admin/history.py" line="40"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../admin/history.py" line="47"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../admin/history.py" line="47"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../admin/history.py" line="47"/>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../admin/history.py" line="47"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../admin/history.py" line="48"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../admin/history.py" line="50"/>
        <source>Incident</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../admin/history.py" line="74"/>
        <source>Your role may not view the change history.</source>
        <translation>您的角色无权查看变更历史。</translation>
    </message>
    <message>
        <location filename="../admin/history.py" line="77"/>
        <source>No history for this incident.</source>
        <translation>该警情没有历史记录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../admin/history.py" line="79"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 条变更</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../admin/history.py" line="86"/>
        <source>deleted: %1</source>
        <translation>已删除：%1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../admin/login.py" line="21"/>
        <source>Rescue Desk — log in</source>
        <translation>救援值班台 — 登录</translation>
    </message>
    <message>
        <location filename="../admin/login.py" line="33"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../admin/login.py" line="34"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../admin/login.py" line="47"/>
        <source>Wrong account name or password, or the account is disabled.</source>
        <translation>账户名或密码错误，或账户已停用。</translation>
    </message>
</context>
</TS>
