<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Something unexpected went wrong ({0}: {1}); everything else still works. The details are in the log, for a bug report.</source>
        <translation>发生了意外错误（{0}：{1}）；其余功能仍可正常使用。详细信息已写入日志，可用于报告问题。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Glassbox — inside a neural network</source>
        <translation>Glassbox — 走进神经网络</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>Train continuously (Space)</source>
        <translation>连续训练（空格键）</translation>
    </message>
    <message>
        <source>Do one training step (Right arrow)</source>
        <translation>训练一步（右方向键）</translation>
    </message>
    <message>
        <source>Loss and accuracy curves, live</source>
        <translation>实时的损失和准确率曲线</translation>
    </message>
    <message>
        <source>Every neuron and weight; step one example through forward and backward</source>
        <translation>每个神经元和权重；让一个样本逐步走过前向传播和反向传播</translation>
    </message>
    <message>
        <source>Load, paste, drop or draw an image and see every convolution layer</source>
        <translation>打开、粘贴、拖入或手绘一张图片，看看每个卷积层做了什么</translation>
    </message>
    <message>
        <source>Race optimizers downhill, or slice the loss of your network</source>
        <translation>让优化器比赛下山，或对你的网络的损失做切片</translation>
    </message>
    <message>
        <source>Autoencoder</source>
        <translation>自编码器</translation>
    </message>
    <message>
        <source>Squeeze digits through a few numbers and rebuild them</source>
        <translation>把数字压缩成几个数，再重建出来</translation>
    </message>
    <message>
        <source>Open (Ctrl+O), paste (Ctrl+V) or drop an image, or draw a digit.</source>
        <translation>打开（Ctrl+O）、粘贴（Ctrl+V）或拖入一张图片，也可以手写一个数字。</translation>
    </message>
    <message>
        <source>Play or pause this tab's demonstration</source>
        <translation>播放或暂停本页的演示</translation>
    </message>
    <message>
        <source>The next step of this tab's demonstration</source>
        <translation>本页演示的下一步</translation>
    </message>
    <message>
        <source>Textbook surfaces: race optimizers downhill. Your network: slice the loss of the network you are training.</source>
        <translation>教科书曲面：让优化器比赛下山。你的网络：对正在训练的网络的损失做切片。</translation>
    </message>
    <message>
        <source>Start or pause the race of optimizers</source>
        <translation>开始或暂停优化器比赛</translation>
    </message>
    <message>
        <source>One step of the race</source>
        <translation>比赛走一步</translation>
    </message>
    <message>
        <source>Press ▶ Train (Space) to squeeze and rebuild digits; click the plane of codes to decode any point.</source>
        <translation>按“▶ 训练”（空格键）来压缩并重建数字；点击编码平面可以解码任意一点。</translation>
    </message>
    <message>
        <source>Train or pause the autoencoder</source>
        <translation>训练或暂停自编码器</translation>
    </message>
    <message>
        <source>One training step of the autoencoder</source>
        <translation>自编码器训练一步</translation>
    </message>
    <message>
        <source>Right arrow: send one example through the network, layer by layer. Space: play its pass.</source>
        <translation>右方向键：让一个样本逐层通过网络。空格键：播放整个过程。</translation>
    </message>
    <message>
        <source>Train the network continuously</source>
        <translation>连续训练网络</translation>
    </message>
    <message>
        <source>Do one training step</source>
        <translation>训练一步</translation>
    </message>
    <message>
        <source>Press Play (Space) to train, or Step (Right arrow) for one step.</source>
        <translation>按“播放”（空格键）开始训练，或按“单步”（右方向键）训练一步。</translation>
    </message>
    <message>
        <source>Glassbox</source>
        <translation>Glassbox</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>Exit presenter mode (Esc)</source>
        <translation>退出演示模式（Esc）</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>Open Image…</source>
        <translation>打开图片…</translation>
    </message>
    <message>
        <source>Open a picture in the Convolution tab (Ctrl+O)</source>
        <translation>在“卷积”页打开一张图片（Ctrl+O）</translation>
    </message>
    <message>
        <source>Paste Image</source>
        <translation>粘贴图片</translation>
    </message>
    <message>
        <source>Show the copied picture in the Convolution tab (Ctrl+V)</source>
        <translation>在“卷积”页显示复制的图片（Ctrl+V）</translation>
    </message>
    <message>
        <source>Save View as Image…</source>
        <translation>将视图保存为图片…</translation>
    </message>
    <message>
        <source>Save what this tab shows as a PNG (Ctrl+S)</source>
        <translation>把本页显示的内容保存为 PNG 图片（Ctrl+S）</translation>
    </message>
    <message>
        <source>Export Metrics as CSV…</source>
        <translation>导出指标为 CSV…</translation>
    </message>
    <message>
        <source>Save the loss and accuracy curves (Ctrl+E)</source>
        <translation>保存损失和准确率曲线（Ctrl+E）</translation>
    </message>
    <message>
        <source>Export Animation…</source>
        <translation>导出动画…</translation>
    </message>
    <message>
        <source>Record what this tab animates as a GIF or MP4, for slides (Ctrl+Shift+E)</source>
        <translation>把这个页面的动画录成 GIF 或 MP4，放进幻灯片（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>Save Session…</source>
        <translation>保存课堂文件…</translation>
    </message>
    <message>
        <source>Save every tab, the network's weights and the lab's image in one file (Ctrl+Shift+S)</source>
        <translation>把所有页面、网络的权重和实验图片保存到一个文件（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Open Session…</source>
        <translation>打开课堂文件…</translation>
    </message>
    <message>
        <source>Open a saved session file (Ctrl+Shift+O)</source>
        <translation>打开保存过的课堂文件（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Full Screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Fill the screen, for the projector (F11)</source>
        <translation>铺满屏幕，适合投影（F11）</translation>
    </message>
    <message>
        <source>Presenter Mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>Full screen, large views, clicker keys; Esc leaves it (F5)</source>
        <translation>全屏、大视图、可用翻页笔；按 Esc 退出（F5）</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Larger text and drawings (Ctrl+=)</source>
        <translation>放大文字和图形（Ctrl+=）</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Smaller text and drawings (Ctrl+-)</source>
        <translation>缩小文字和图形（Ctrl+-）</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Back to 100% (Ctrl+0)</source>
        <translation>恢复到 100%（Ctrl+0）</translation>
    </message>
    <message>
        <source>Show English Terms</source>
        <translation>显示英文术语</translation>
    </message>
    <message>
        <source>Write the English term beside key Chinese terms, for students who will read English books</source>
        <translation>在关键中文术语旁注明英文，方便学生以后阅读英文资料</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Use the computer's language</source>
        <translation>使用电脑的语言</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About Glassbox</source>
        <translation>关于 Glassbox</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open Recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <source>Zoom {0}%</source>
        <translation>缩放 {0}%</translation>
    </message>
    <message>
        <source>Save View as Image</source>
        <translation>将视图保存为图片</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Exporting animations is not available in this version.</source>
        <translation>这个版本还不能导出动画。</translation>
    </message>
    <message>
        <source>Export Metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Training tab:
  Space — play or pause training
  Right arrow — one training step
Network tab:
  Space — play or pause one example's pass
  Right arrow — animate one layer (a new example when the pass is done)
  Shift+Right — to the end of the phase;  Left — back;  N — next example
  Page Down / Page Up (a presentation clicker) — step and back, when no lesson is open
  Click a neuron — its inspector;  click an edge — type a weight
Convolution tab:
  Ctrl+O — open an image;  Ctrl+V — paste one;  or drop a file on the window
  Ctrl+Z — undo a stroke on the drawing
  Kernel playground: P — play or pause;  . — step;  , — back;  End — to the end
Autoencoder tab:
  Space — train or pause;  Step on the toolbar — one training step
  Click or drag on the plane of codes — decode that point
Lessons:
  Ctrl+L — open a lesson
  Page Down / Page Up (a presentation clicker) — the next or previous scene, while a lesson is open;
    the arrows and Space still step and play the view on screen
  H — in presenter mode, fold the lesson's box to one line, or unfold it
Everywhere:
  Ctrl+R — reset the weights
  Ctrl+S — save the current view as a PNG image
  Ctrl+Shift+E — export an animation (GIF or MP4) of what this tab animates
  Ctrl+E — export the metrics as CSV
  Ctrl+Shift+S / Ctrl+Shift+O — save or open a session file
  Ctrl+= / Ctrl+- / Ctrl+0 — zoom in, out, back to 100%
  F5 — presenter mode: Page Down, Page Up, arrows and Space drive the visible tab (with a lesson open,
    Page Down and Page Up move between scenes); Esc leaves
  F11 — full screen, for the projector
  Ctrl+Q — quit</source>
        <translation>“训练”页：
  空格键 — 播放或暂停训练
  右方向键 — 训练一步
“网络”页：
  空格键 — 播放或暂停一个样本的传播过程
  右方向键 — 动画演示一层（整个过程结束后换一个新样本）
  Shift+右方向键 — 跳到这一阶段的末尾；左方向键 — 后退；N — 下一个样本
  Page Down / Page Up（翻页笔）— 前进和后退（没有打开课程时）
  点击神经元 — 查看它的详情；点击连线 — 输入权重
“卷积”页：
  Ctrl+O — 打开图片；Ctrl+V — 粘贴图片；也可以把文件拖到窗口上
  Ctrl+Z — 撤销手写的一笔
  卷积核演示：P — 播放或暂停；. — 单步；, — 后退；End — 跳到最后
“自编码器”页：
  空格键 — 训练或暂停；工具栏的“单步” — 训练一步
  在编码平面上点击或拖动 — 解码那个点
课程：
  Ctrl+L — 打开课程
  Page Down / Page Up（翻页笔）— 课程打开时，进入下一个或上一个场景；
    方向键和空格键仍然单步演示和播放当前视图
  H — 演示模式下，把课程框折叠成一行，或重新展开
所有页面：
  Ctrl+R — 重置权重
  Ctrl+S — 把当前视图保存为 PNG 图片
  Ctrl+Shift+E — 把当前页面的动画导出为 GIF 或 MP4
  Ctrl+E — 把指标导出为 CSV
  Ctrl+Shift+S / Ctrl+Shift+O — 保存或打开课堂文件
  Ctrl+= / Ctrl+- / Ctrl+0 — 放大、缩小、恢复 100%
  F5 — 演示模式：Page Down、Page Up、方向键和空格键控制当前页面（打开课程时，
    Page Down 和 Page Up 在场景之间切换）；Esc 退出
  F11 — 全屏，适合投影
  Ctrl+Q — 退出</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Glassbox {0}&lt;/h3&gt;&lt;p&gt;Opens the black box of a neural network for the classroom: watch a real PyTorch network train, live.&lt;/p&gt;&lt;p&gt;PySide6, pyqtgraph, NumPy and PyTorch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Glassbox {0}&lt;/h3&gt;&lt;p&gt;为课堂打开神经网络的黑箱：实时观看一个真正的 PyTorch 网络如何训练。&lt;/p&gt;&lt;p&gt;基于 PySide6、pyqtgraph、NumPy 和 PyTorch。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>WindowSessions</name>
    <message>
        <source>No recent sessions</source>
        <translation>没有最近的课堂文件</translation>
    </message>
    <message>
        <source>{0} is no longer there; it was removed from the recent sessions.</source>
        <translation>{0} 已不存在，已从最近打开的列表中移除。</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>保存课堂文件</translation>
    </message>
    <message>
        <source>Glassbox sessions (*.glassbox)</source>
        <translation>Glassbox 课堂文件 (*.glassbox)</translation>
    </message>
    <message>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Still saving the last session; try again in a moment.</source>
        <translation>上一个课堂文件还在保存中，请稍后再试。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <source>Saved the session to {0}.</source>
        <translation>课堂文件已保存到 {0}。</translation>
    </message>
    <message>
        <source>Could not save {0}: the network did not answer in time; try again.</source>
        <translation>无法保存 {0}：网络没有及时响应，请再试一次。</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开课堂文件</translation>
    </message>
    <message>
        <source>Could not read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <source>Opened {0}.</source>
        <translation>已打开 {0}。</translation>
    </message>
</context>
<context>
    <name>WindowStart</name>
    <message>
        <source>The settings file {0} cannot be used (it is not a readable file of a sane size), so Glassbox starts with its default settings and leaves that file as it is; remove or fix it to keep your settings again.</source>
        <translation>设置文件 {0} 无法使用（它不是一个可读取、大小正常的文件），因此 Glassbox 这次使用默认设置启动，并且不改动该文件；删除或修复它之后，才能再次保存你的设置。</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Something unexpected went wrong ({kind}: {error}); what was running has stopped, and everything else still works.</source>
        <translation>发生了意外错误（{kind}：{error}）；正在进行的工作已停止，其他功能仍可正常使用。</translation>
    </message>
    <message>
        <source>The landscape was cancelled; training can go on, and Compute starts it again.</source>
        <translation>损失曲面的计算已取消；训练可以继续，按“计算”可重新开始。</translation>
    </message>
    <message>
        <source>The landscape needs more memory than there is; try a lower resolution.</source>
        <translation>计算损失曲面所需的内存不足；请降低分辨率再试。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>No Wayland display was found (WAYLAND_DISPLAY is not set); start Glassbox from a desktop session, or use the command line's snapshot and export commands without a screen.</source>
        <translation>未找到 Wayland 显示（未设置 WAYLAND_DISPLAY）；请在桌面会话中启动 Glassbox，或在没有屏幕时使用命令行的 snapshot 和 export 命令。</translation>
    </message>
    <message>
        <source>No display was found (DISPLAY is not set): the window needs a desktop session, ssh -X, or a virtual screen (xvfb-run python main.py); snapshot and export work without one.</source>
        <translation>未找到显示（未设置 DISPLAY）：窗口需要桌面会话、ssh -X 或虚拟屏幕（xvfb-run python main.py）；snapshot 和 export 不需要屏幕也能使用。</translation>
    </message>
    <message>
        <source>The window cannot open: the screen library {0} is missing; install it with `sudo apt install {1}` and start Glassbox again.</source>
        <translation>窗口无法打开：缺少屏幕库 {0}；请用 `sudo apt install {1}` 安装后重新启动 Glassbox。</translation>
    </message>
    <message>
        <source>The display {0} cannot be reached; check that the desktop session is running (or that DISPLAY is right) and start Glassbox again.</source>
        <translation>无法连接显示 {0}；请检查桌面会话是否在运行（或 DISPLAY 是否正确），然后重新启动 Glassbox。</translation>
    </message>
</context>
</TS>