<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>RunStatus</name>
    <message>
        <source>Device: …</source>
        <translation>设备：…</translation>
    </message>
    <message>
        <source>Device: {0}</source>
        <translation>设备：{0}</translation>
    </message>
    <message>
        <source>Where the network's tensors live and train.</source>
        <translation>网络的张量存放和训练的地方。</translation>
    </message>
    <message>
        <source>Step {0:,} · epoch {1:,.1f}</source>
        <translation>第 {0:,} 步 · 第 {1:,.1f} 轮</translation>
    </message>
    <message>
        <source>{0:,.0f} steps/s</source>
        <translation>{0:,.0f} 步/秒</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>working: about {0} a step</source>
        <translation>正在计算：每步约 {0}</translation>
    </message>
    <message>
        <source>Step {0:,}</source>
        <translation>第 {0:,} 步</translation>
    </message>
</context>
<context>
    <name>SavedValues</name>
    <message>
        <source>Some saved settings could not be read and went back to their defaults ({0}).</source>
        <translation>部分已保存的设置无法读取，已恢复为默认值（{0}）。</translation>
    </message>
</context>
<context>
    <name>SettingsDock</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Show or hide the training settings</source>
        <translation>显示或隐藏训练设置</translation>
    </message>
</context>
</TS>