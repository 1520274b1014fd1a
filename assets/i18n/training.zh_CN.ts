<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Names</name>
    <message>
        <source>circle</source>
        <translation>圆环</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR 异或</translation>
    </message>
    <message>
        <source>two clouds</source>
        <translation>两团高斯云</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>four blobs</source>
        <translation>四团</translation>
    </message>
    <message>
        <source>regression: plane</source>
        <translation>回归：斜面</translation>
    </message>
    <message>
        <source>regression: hill and valley</source>
        <translation>回归：山丘与山谷</translation>
    </message>
    <message>
        <source>digits (28×28)</source>
        <translation>手写数字（28×28）</translation>
    </message>
    <message>
        <source>A disc of one class inside a ring of the other.</source>
        <translation>一类点组成圆盘，另一类点围成圆环包住它。</translation>
    </message>
    <message>
        <source>Opposite quadrants share a class: no straight line separates them.</source>
        <translation>相对的象限属于同一类别：任何一条直线都分不开它们。</translation>
    </message>
    <message>
        <source>Two Gaussian clouds: the easy, linearly separable case.</source>
        <translation>两团高斯分布的点：最简单、可以线性分开的情况。</translation>
    </message>
    <message>
        <source>Two interleaved spirals: hard, needs depth or good features.</source>
        <translation>两条交错的螺旋线：很难，需要更深的网络或好的特征。</translation>
    </message>
    <message>
        <source>Two interlocking half moons.</source>
        <translation>两个互相咬合的半月形。</translation>
    </message>
    <message>
        <source>Four Gaussian blobs, one class each (softmax).</source>
        <translation>四团高斯分布的点，每团一个类别（softmax）。</translation>
    </message>
    <message>
        <source>Regression: the target rises along a tilted plane.</source>
        <translation>回归：目标值沿着一个倾斜的平面升高。</translation>
    </message>
    <message>
        <source>Regression: a hill and a valley.</source>
        <translation>回归：一座山丘和一条山谷。</translation>
    </message>
    <message>
        <source>Handwritten-style digits, 28×28 pixels = 784 inputs (an MNIST-sized network).</source>
        <translation>手写风格的数字，28×28 像素 = 784 个输入（与 MNIST 同样大小的网络）。</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Which dataset to learn: 2-D points, or 28×28 digits. Hover an entry for a description.</source>
        <translation>要学习哪个数据集：二维的点，或 28×28 的数字。鼠标停在选项上可以看到说明。</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>How much random noise blurs the points.</source>
        <translation>随机噪声让点模糊的程度。</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Share of the points used for training; the rest test.</source>
        <translation>用于训练的点所占的比例；其余的点用来测试。</translation>
    </message>
    <message>
        <source>Training share</source>
        <translation>训练集比例</translation>
    </message>
    <message>
        <source>How many points to generate.</source>
        <translation>要生成多少个点。</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>The same seed gives the same data, weights and losses.</source>
        <translation>同一个种子会得到同样的数据、权重和损失。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Inputs computed from the point (x₁, x₂). Image datasets feed their pixels instead.</source>
        <translation>由点 (x₁, x₂) 算出的输入特征。图像数据集则直接输入像素。</translation>
    </message>
    <message>
        <source>Feed {0} to the first layer.</source>
        <translation>把 {0} 输入第一层。</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Neurons per hidden layer, comma-separated: 8,8 or 64,64,64,64. Leave empty for none.</source>
        <translation>每个隐藏层的神经元个数，用逗号分隔：8,8 或 64,64,64,64。留空表示没有隐藏层。</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>a = σ(z), applied after every hidden layer's weighted sum. Click a layer's name on the network graph to set it per layer.</source>
        <translation>a = σ(z)，作用在每个隐藏层的加权和之后。在网络图上点击某一层的名称，可以单独设置该层。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>How each step turns the gradient into a weight change (torch.optim).</source>
        <translation>每一步如何根据梯度改变权重（由 PyTorch 计算）。</translation>
    </message>
    <message>
        <source>η, the step length. Too large overshoots.</source>
        <translation>η，每一步的步长。太大会冲过头。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Examples averaged into each step's gradient.</source>
        <translation>每一步的梯度由多少个样本平均得到。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The learning rate must be a number such as 0.03, not '{text}'.</source>
        <translation>学习率必须是一个数，例如 0.03，而不是“{text}”。</translation>
    </message>
    <message>
        <source>The regularisation rate must be a number such as 0.01, not '{text}'.</source>
        <translation>正则化强度必须是一个数，例如 0.01，而不是“{text}”。</translation>
    </message>
    <message>
        <source>A rough estimate for this computer, from the sizes alone: a network that cannot fit in its memory is not started.</source>
        <translation>仅根据规模对这台计算机作出的粗略估计：内存放不下的网络不会开始训练。</translation>
    </message>
    <message>
        <source>Penalise large weights: L1 adds rate·Σ|w|, L2 adds rate·½Σw².</source>
        <translation>惩罚过大的权重：L1 加上 强度·Σ|w|，L2 加上 强度·½Σw²。</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>How strongly large weights are penalised.</source>
        <translation>对过大权重的惩罚有多强。</translation>
    </message>
    <message>
        <source>Regularisation rate</source>
        <translation>正则化强度</translation>
    </message>
    <message>
        <source>per layer: {0}</source>
        <translation>逐层设置：{0}</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <source>Max</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>1000 steps/s</source>
        <translation>每秒 1000 步</translation>
    </message>
    <message>
        <source>100 steps/s</source>
        <translation>每秒 100 步</translation>
    </message>
    <message>
        <source>30 steps/s</source>
        <translation>每秒 30 步</translation>
    </message>
    <message>
        <source>10 steps/s</source>
        <translation>每秒 10 步</translation>
    </message>
    <message>
        <source>3 steps/s</source>
        <translation>每秒 3 步</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>每秒 1 步</translation>
    </message>
    <message>
        <source>Automatic (CUDA if available)</source>
        <translation>自动（有 CUDA 就用 CUDA）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA 显卡</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train continuously (Space)</source>
        <translation>连续训练（空格键）</translation>
    </message>
    <message>
        <source>Pause training (Space)</source>
        <translation>暂停训练（空格键）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Do one training step (Right arrow)</source>
        <translation>训练一步（右方向键）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>New weights from the seed; step 0 (Ctrl+R)</source>
        <translation>按随机种子重新生成权重，回到第 0 步（Ctrl+R）</translation>
    </message>
    <message>
        <source>No CUDA GPU was found on this computer.</source>
        <translation>这台电脑上没有找到 CUDA 显卡。</translation>
    </message>
    <message>
        <source>Slow training down to watch it step by step.</source>
        <translation>放慢训练速度，一步一步地观察。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>Press Play to train</source>
        <translation>按“播放”开始训练</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>Accuracy has no meaning for regression:
watch the loss (mean squared error).</source>
        <translation>回归问题没有准确率：
请看损失（均方误差）。</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>diverged:
loss {0}</source>
        <translation>发散：
损失 {0}</translation>
    </message>
    <message>
        <source>batch {0}</source>
        <translation>批量 {0}</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <source>train loss {0}</source>
        <translation>训练损失 {0}</translation>
    </message>
    <message>
        <source>test loss {0}</source>
        <translation>测试损失 {0}</translation>
    </message>
    <message>
        <source>test accuracy {0}</source>
        <translation>测试准确率 {0}</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>This network does not fit in this computer's memory. Using the default settings instead.</source>
        <translation>这台计算机的内存放不下这个网络，改用默认设置。</translation>
    </message>
    <message>
        <source>This network does not fit in this computer's memory; use fewer or smaller hidden layers, or fewer points. The current network goes on.</source>
        <translation>这台计算机的内存放不下这个网络；请减少隐藏层的数量或宽度，或减少数据点。当前网络继续训练。</translation>
    </message>
    <message>
        <source>{0} Using the default settings instead.</source>
        <translation>{0}改用默认设置。</translation>
    </message>
    <message>
        <source>The saved network could not be restored; the current one stays.</source>
        <translation>无法恢复保存的网络；当前的网络保持不变。</translation>
    </message>
</context>
</TS>