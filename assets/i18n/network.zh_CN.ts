<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BoundaryView</name>
    <message>
        <source>Output over the input plane</source>
        <translation>输入平面上的输出</translation>
    </message>
    <message>
        <source>Click a training point to step it through the network</source>
        <translation>点击一个训练样本，逐步观察它通过网络</translation>
    </message>
</context>
<context>
    <name>GradientChart</name>
    <message>
        <source>Gradient size per layer</source>
        <translation>各层梯度大小</translation>
    </message>
    <message>
        <source>log₁₀ mean |∂L/∂w|</source>
        <translation>log₁₀ 平均 |∂L/∂w|</translation>
    </message>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>NetworkEditing</name>
    <message>
        <source>Remove a neuron from hidden layer {0} (now {1})</source>
        <translation>从隐藏层 {0} 删去一个神经元（现有 {1} 个）</translation>
    </message>
    <message>
        <source>Add a neuron to hidden layer {0} (now {1})</source>
        <translation>给隐藏层 {0} 增加一个神经元（现有 {1} 个）</translation>
    </message>
    <message>
        <source>− layer</source>
        <translation>− 层</translation>
    </message>
    <message>
        <source>+ layer</source>
        <translation>+ 层</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>删去最后一个隐藏层</translation>
    </message>
    <message>
        <source>Add a hidden layer before the output</source>
        <translation>在输出层前增加一个隐藏层</translation>
    </message>
</context>
<context>
    <name>NetworkTab</name>
    <message>
        <source>Press Right (or “Next example”) to send one training example through the network.</source>
        <translation>按 → 键（或“下一个样本”），让一个训练样本通过网络。</translation>
    </message>
    <message>
        <source>Right: next example.</source>
        <translation>按 →：下一个样本。</translation>
    </message>
    <message>
        <source>These numbers are from step {0}; training has moved on. Press → for a fresh example.</source>
        <translation>这些数字来自第 {0} 步；训练已经继续。按 → 换一个新样本。</translation>
    </message>
    <message>
        <source>Edit weight</source>
        <translation>修改权重</translation>
    </message>
    <message>
        <source>New value of w:</source>
        <translation>w 的新值：</translation>
    </message>
    <message>
        <source>Training. Press Right to step one example through the network.</source>
        <translation>正在训练。按 → 键让一个样本逐步通过网络。</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>No network yet</source>
        <translation>还没有网络</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>类别 {0}</translation>
    </message>
    <message>
        <source>1 · Forward, layer {0} of {1}: z = Σ wᵢ·xᵢ + b, then a = {2}(z)</source>
        <translation>1 · 前向传播，第 {0} 层（共 {1} 层）：z = Σ wᵢ·xᵢ + b，然后 a = {2}(z)</translation>
    </message>
    <message>
        <source>2 · Loss ({0}): prediction {1} vs target {2} → L = {3}</source>
        <translation>2 · 损失（{0}）：预测 {1}，目标 {2} → L = {3}</translation>
    </message>
    <message>
        <source>3 · Backward, layer {0} of {1}: δ = ∂L/∂z flows back; ∂L/∂w = δ · input</source>
        <translation>3 · 反向传播，第 {0} 层（共 {1} 层）：δ = ∂L/∂z 向后传；∂L/∂w = δ · 输入</translation>
    </message>
    <message>
        <source>4 · Update ({0}, η = {1}): every weight moves by Δw = −η·∂L/∂w. Edges now show Δw: orange grew, blue shrank, thicker changed more</source>
        <translation>4 · 更新（{0}，η = {1}）：每个权重改变 Δw = −η·∂L/∂w。连线现在显示 Δw：橙色变大，蓝色变小，越粗变化越大</translation>
    </message>
    <message>
        <source>Network {0}: each line is a weight, each circle a neuron</source>
        <translation>网络 {0}：每条线是一个权重，每个圆是一个神经元</translation>
    </message>
    <message>
        <source>   ·   example {0}, step {1}</source>
        <translation>   ·   样本 {0}，第 {1} 步</translation>
    </message>
    <message>
        <source>loss {0} ({1})</source>
        <translation>损失 {0}（{1}）</translation>
    </message>
    <message>
        <source>prediction {0} ({1})</source>
        <translation>预测 {0}（{1}）</translation>
    </message>
    <message>
        <source>target {0}</source>
        <translation>目标 {0}</translation>
    </message>
    <message>
        <source>prediction {0}</source>
        <translation>预测 {0}</translation>
    </message>
    <message>
        <source>  ◀ top</source>
        <translation>  ◀ 最高</translation>
    </message>
    <message>
        <source>top class: {0} ({1})</source>
        <translation>最可能的类别：{0}（{1}）</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>in</source>
        <translation>入</translation>
    </message>
    <message>
        <source>{0}×{0} image</source>
        <translation>{0}×{0} 图像</translation>
    </message>
    <message>
        <source>out</source>
        <translation>出</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>h{0}</source>
        <translation>隐{0}</translation>
    </message>
    <message>
        <source>hidden {0}</source>
        <translation>隐藏层 {0}</translation>
    </message>
    <message>
        <source>{0} neurons</source>
        <translation>{0} 个神经元</translation>
    </message>
    <message>
        <source>Click to change the activation of hidden layer {0}</source>
        <translation>点击更换隐藏层 {0} 的激活函数</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{1} 条中的 {0} 条</translation>
    </message>
    <message>
        <source>Edges thinned: strongest {0} per neuron ({1})</source>
        <translation>连线已精简：每个神经元只画最强的 {0}（{1}）</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>负</translation>
    </message>
    <message>
        <source>thicker = larger</source>
        <translation>越粗 = 越大</translation>
    </message>
    <message>
        <source>ring: bias</source>
        <translation>外环：偏置</translation>
    </message>
    <message>
        <source>fill: a or δ</source>
        <translation>填色：a 或 δ</translation>
    </message>
    <message>
        <source>signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>… {0} more</source>
        <translation>… 还有 {0} 项</translation>
    </message>
    <message>
        <source>Input {0}</source>
        <translation>输入 {0}</translation>
    </message>
    <message>
        <source>Output neuron {0} · {1}</source>
        <translation>输出神经元 {0} · {1}</translation>
    </message>
    <message>
        <source>Neuron {0} of hidden layer {2} · {1}</source>
        <translation>隐藏层 {2} 的神经元 {0} · {1}</translation>
    </message>
    <message>
        <source>Input {0} = {1}</source>
        <translation>输入 {0} = {1}</translation>
    </message>
    <message>
        <source>a = {0}(z)</source>
        <translation>a = {0}(z)</translation>
    </message>
    <message>
        <source>Step an example through to see the numbers. Click for the inspector.</source>
        <translation>让一个样本逐步通过网络，就能看到数字。点击打开神经元检查器。</translation>
    </message>
    <message>
        <source>neuron {0} of layer {1}</source>
        <translation>第 {1} 层的神经元 {0}</translation>
    </message>
    <message>
        <source>output {0}</source>
        <translation>输出 {0}</translation>
    </message>
    <message>
        <source>neuron {0} of hidden layer {1}</source>
        <translation>隐藏层 {1} 的神经元 {0}</translation>
    </message>
    <message>
        <source>Weight from {0} to {1}</source>
        <translation>从 {0} 到 {1} 的权重</translation>
    </message>
    <message>
        <source>Click to type a new value.</source>
        <translation>点击输入新值。</translation>
    </message>
</context>
<context>
    <name>NeuronInspector</name>
    <message>
        <source>Neuron inspector</source>
        <translation>神经元检查器</translation>
    </message>
    <message>
        <source>Incoming weights and bias</source>
        <translation>输入权重和偏置</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Its output over the input plane</source>
        <translation>它在输入平面上的输出</translation>
    </message>
    <message>
        <source>Its activation over the training set</source>
        <translation>它在训练集上的激活值</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Waiting for the numbers…</source>
        <translation>正在等待数字…</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>类别 {0}</translation>
    </message>
    <message>
        <source>h{0}·{1}</source>
        <translation>隐{0}·{1}</translation>
    </message>
    <message>
        <source>… {0} more</source>
        <translation>… 还有 {0} 项</translation>
    </message>
    <message>
        <source>Over {0} training examples a ranges from {1} to {2} (mean {3}). {4}</source>
        <translation>在 {0} 个训练样本上，a 的范围是 {1} 到 {2}（平均 {3}）。{4}</translation>
    </message>
    <message>
        <source>It outputs 0 for every example: a dead ReLU, it no longer learns.</source>
        <translation>它对每个样本都输出 0：这是一个“死亡”的 ReLU，不再学习。</translation>
    </message>
    <message>
        <source>{0} of examples saturate it, where its gradient is nearly 0.</source>
        <translation>{0} 的样本让它饱和，那里的梯度几乎为 0。</translation>
    </message>
</context>
<context>
    <name>StepToolbar</name>
    <message>
        <source>Step-through</source>
        <translation>逐步演示</translation>
    </message>
    <message>
        <source>Play this example's pass: forward, loss, backward, update</source>
        <translation>播放这个样本的一遍：前向传播、损失、反向传播、更新</translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation>单步 ▸</translation>
    </message>
    <message>
        <source>Animate one layer of the pass; a new example when it is done</source>
        <translation>演示一层；这一遍结束后换一个新样本</translation>
    </message>
    <message>
        <source>Phase ▸▸</source>
        <translation>阶段 ▸▸</translation>
    </message>
    <message>
        <source>Animate to the end of the current phase</source>
        <translation>演示到当前阶段结束</translation>
    </message>
    <message>
        <source>◂ Back</source>
        <translation>◂ 后退</translation>
    </message>
    <message>
        <source>Back one step</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Next example</source>
        <translation>下一个样本</translation>
    </message>
    <message>
        <source>Take the next training example and show its pass</source>
        <translation>取下一个训练样本并演示它的一遍</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Animation speed, 0.1× to 10×</source>
        <translation>动画速度，0.1× 到 10×</translation>
    </message>
    <message>
        <source>Edges</source>
        <translation>连线</translation>
    </message>
    <message>
        <source>How many incoming edges to draw per neuron: its strongest k by |w|. Auto thins only layers with thousands of edges; All draws every weight.</source>
        <translation>每个神经元画出多少条输入连线：按 |w| 取最强的 k 条。“自动”只精简有上千条连线的层；“全部”画出每个权重。</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>strongest {0}</source>
        <translation>最强 {0} 条</translation>
    </message>
    <message>
        <source>Preset: 8 sigmoid layers</source>
        <translation>预设：8 个 sigmoid 层</translation>
    </message>
    <message>
        <source>Eight hidden sigmoid layers: watch the gradient fade towards the input</source>
        <translation>八个 sigmoid 隐藏层：看梯度越靠近输入越小</translation>
    </message>
    <message>
        <source>❚❚ Pause pass</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>▶ Play pass</source>
        <translation>▶ 播放这一遍</translation>
    </message>
</context>
</TS>