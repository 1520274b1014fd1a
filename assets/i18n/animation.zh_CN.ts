<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnimationChoices</name>
    <message>
        <source>Step one example first (Right arrow): the film shows the last example stepped through the network.</source>
        <translation>请先单步走一个样本（右方向键）：动画展示的是最近一次走过网络的样本。</translation>
    </message>
    <message>
        <source>One example's pass (forward, loss, backward, update)</source>
        <translation>一个样本的完整一步（前向传播、损失、反向传播、更新）</translation>
    </message>
    <message>
        <source>Drawn offscreen by the Network view from the last example you stepped: the whole pass, forward, loss, backward and update, is spread over the length you choose.</source>
        <translation>由网络视图在后台根据你最近单步走过的样本绘制：前向传播、损失、反向传播和更新的全过程会铺满你选择的时长。</translation>
    </message>
    <message>
        <source>The race is still being computed; try again in a moment.</source>
        <translation>比赛还在计算中，请稍后再试。</translation>
    </message>
    <message>
        <source>The optimizer race</source>
        <translation>优化器赛跑</translation>
    </message>
    <message>
        <source>Drawn offscreen from the race on "Textbook surfaces": every optimizer's path from the start to its last step, spread over the length you choose.</source>
        <translation>根据“经典曲面”上的比赛在后台绘制：每个优化器从起点到最后一步的路径，铺满你选择的时长。</translation>
    </message>
    <message>
        <source>Open, paste or draw an image first (Ctrl+O, Ctrl+V, or the drawing sheet).</source>
        <translation>请先打开、粘贴或画一张图（Ctrl+O、Ctrl+V，或用画板）。</translation>
    </message>
    <message>
        <source>The kernel sliding over the image</source>
        <translation>卷积核在图像上滑动</translation>
    </message>
    <message>
        <source>Drawn offscreen by the kernel playground with its kernel, stride and padding: every position of the window over the image, spread over the length you choose.</source>
        <translation>由卷积核实验台按它的卷积核、步长和填充在后台绘制：窗口在图像上的每一个位置，铺满你选择的时长。</translation>
    </message>
    <message>
        <source>{0} Recorded live, as it happens on screen, for the length you choose: the picture is the view at its size on screen, scaled to fit the film.</source>
        <translation>{0}按你选择的时长实时录制屏幕上发生的变化：画面是视图在屏幕上的原始大小，再缩放到动画的尺寸。</translation>
    </message>
    <message>
        <source>The network training: its weights, its decision boundary and its gradient sizes.</source>
        <translation>网络的训练过程：权重、决策边界和各层梯度的大小。</translation>
    </message>
    <message>
        <source>The loss and accuracy curves as the network trains.</source>
        <translation>网络训练时的损失曲线和准确率曲线。</translation>
    </message>
    <message>
        <source>Training, live</source>
        <translation>训练过程（实时）</translation>
    </message>
    <message>
        <source>The occlusion square</source>
        <translation>遮挡方块</translation>
    </message>
    <message>
        <source>"Where does it look?": the grey square sweeps over the image again when the recording starts.</source>
        <translation>“网络在看哪里？”：录制一开始，灰色方块会重新扫过整张图像。</translation>
    </message>
    <message>
        <source>The CNN training</source>
        <translation>CNN 的训练过程</translation>
    </message>
    <message>
        <source>The lab with its network in training: open "Train this network live" and press ▶ Train.</source>
        <translation>正在训练网络的实验室：打开“现场训练这个网络”，再点 ▶ 训练。</translation>
    </message>
    <message>
        <source>The autoencoder training</source>
        <translation>自编码器的训练过程</translation>
    </message>
    <message>
        <source>The autoencoder squeezing digits and rebuilding them.</source>
        <translation>自编码器把数字压缩，再把它们重建出来。</translation>
    </message>
    <message>
        <source>Export Animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Training is paused. Start training now and record it?</source>
        <translation>训练已暂停。现在开始训练并录制吗？</translation>
    </message>
    <message>
        <source>The autoencoder is not training. Start training now and record it?</source>
        <translation>自编码器没有在训练。现在开始训练并录制吗？</translation>
    </message>
</context>
<context>
    <name>AnimationDialog</name>
    <message>
        <source>Export Animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The animation could not be prepared ({0}); nothing was saved.</source>
        <translation>动画无法准备（{0}），没有保存任何文件。</translation>
    </message>
    <message>
        <source>Recording live for {0} s: do now what the film should show.</source>
        <translation>正在实时录制 {0} 秒：现在就操作你想让动画展示的内容。</translation>
    </message>
    <message>
        <source>Drawing the frames…</source>
        <translation>正在绘制各帧…</translation>
    </message>
    <message>
        <source>{0} of {1} frames</source>
        <translation>第 {0} 帧，共 {1} 帧</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>Saved the animation to {0} ({1} frames, {2}).</source>
        <translation>动画已保存到 {0}（{1} 帧，{2}）。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消，没有保存任何文件。</translation>
    </message>
</context>
<context>
    <name>AnimationForm</name>
    <message>
        <source>What to record</source>
        <translation>录制内容</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>What the visible tab can film</source>
        <translation>当前标签页可以录制的内容</translation>
    </message>
    <message>
        <source>The film's width × height in pixels; 960×540 suits a 16:9 slide</source>
        <translation>动画的宽 × 高（像素）；960×540 适合 16:9 的幻灯片</translation>
    </message>
    <message>
        <source>More frames per second move more smoothly and make a larger file</source>
        <translation>每秒帧数越多，动画越流畅，文件也越大</translation>
    </message>
    <message>
        <source>How long the film plays; a pass or a race is spread over it</source>
        <translation>动画播放多长时间；一次传播或一场比赛会铺满这段时间</translation>
    </message>
    <message>
        <source>This tab has nothing to film.</source>
        <translation>这个标签页没有可以录制的动画。</translation>
    </message>
    <message>
        <source>The view's size ({0}×{1})</source>
        <translation>视图本身的尺寸（{0}×{1}）</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>Export Animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Estimate: {0}</source>
        <translation>预计：{0}</translation>
    </message>
</context>
<context>
    <name>AnimationRecorder</name>
    <message>
        <source>The animation could not be recorded ({0}); nothing was saved.</source>
        <translation>动画无法录制（{0}），没有保存任何文件。</translation>
    </message>
    <message>
        <source>The animation could not be written ({0}); nothing was saved.</source>
        <translation>动画无法写入（{0}），没有保存任何文件。</translation>
    </message>
</context>
<context>
    <name>animation</name>
    <message>
        <source>{0} · step {1}</source>
        <translation>{0} · 第 {1} 步</translation>
    </message>
</context>
</TS>