<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>LandscapeMap</name>
    <message>
        <source>Click anywhere on the map to start the race from there</source>
        <translation>在图上任意一点单击，比赛就从那里开始</translation>
    </message>
</context>
<context>
    <name>LandscapeTab</name>
    <message>
        <source>Textbook surfaces</source>
        <translation>经典曲面</translation>
    </message>
    <message>
        <source>Your network</source>
        <translation>你的网络</translation>
    </message>
    <message>
        <source>Your CNN</source>
        <translation>你的 CNN</translation>
    </message>
    <message>
        <source>Race optimizers downhill on classic test functions</source>
        <translation>让各种优化器在经典测试函数上比赛下山</translation>
    </message>
    <message>
        <source>A slice of the loss of the network you are training, with its path</source>
        <translation>正在训练的网络的损失曲面切片，以及它走过的路径</translation>
    </message>
    <message>
        <source>A slice of the loss of the CNN trained in the Convolution tab, with its path</source>
        <translation>在“卷积”页训练的 CNN 的损失曲面切片，以及它走过的路径</translation>
    </message>
</context>
<context>
    <name>LandscapeView</name>
    <message>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>The loss function the optimizers walk across</source>
        <translation>优化器在其上行走的损失函数</translation>
    </message>
    <message>
        <source>How stretched the bowl is: its steepest over its flattest curvature</source>
        <translation>碗被拉长的程度：最陡方向的曲率除以最平方向的曲率</translation>
    </message>
    <message>
        <source>Optimizers</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Race {0} from the start point</source>
        <translation>让 {0} 从起点出发参加比赛</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The learning rate: the length of each step downhill</source>
        <translation>学习率：每一步下山的步长</translation>
    </message>
    <message>
        <source>How much of the last step Momentum and Nesterov keep</source>
        <translation>Momentum 和 Nesterov 保留上一步的多少</translation>
    </message>
    <message>
        <source>How many steps each optimizer takes</source>
        <translation>每个优化器走多少步</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>show arrows</source>
        <translation>显示箭头</translation>
    </message>
    <message>
        <source>Show the downhill direction and the momentum at each optimizer</source>
        <translation>在每个优化器处显示下山方向和动量</translation>
    </message>
    <message>
        <source>solid arrow: downhill (−gradient)
dashed arrow: momentum</source>
        <translation>实线箭头：下山方向（负梯度）
虚线箭头：动量</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the start point</source>
        <translation>回到起点</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>One step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Play or pause the race</source>
        <translation>播放或暂停比赛</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>单步 ▶</translation>
    </message>
    <message>
        <source>One step forward</source>
        <translation>前进一步</translation>
    </message>
    <message>
        <source>Playback speed, from 0.1× to 10×</source>
        <translation>播放速度，从 0.1× 到 10×</translation>
    </message>
    <message>
        <source>computing the race…</source>
        <translation>正在计算比赛…</translation>
    </message>
    <message>
        <source>The new settings are racing; the paths shown are the previous ones.</source>
        <translation>正在用新设置比赛；图上显示的还是之前的路径。</translation>
    </message>
    <message>
        <source>Drag to rotate, scroll to zoom</source>
        <translation>拖动旋转，滚轮缩放</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>speed {0}×</source>
        <translation>速度 {0}×</translation>
    </message>
    <message>
        <source>step {0} of {1}</source>
        <translation>第 {0} 步，共 {1} 步</translation>
    </message>
    <message>
        <source>κ = {0}</source>
        <translation>κ = {0}</translation>
    </message>
    <message>
        <source>learning rate {0}</source>
        <translation>学习率 {0}</translation>
    </message>
    <message>
        <source>momentum {0}</source>
        <translation>动量 {0}</translation>
    </message>
    <message>
        <source>3-D needs OpenGL, which this display does not offer; the 2-D map shows the same paths.</source>
        <translation>三维视图需要 OpenGL，但这个显示环境不支持；二维地图显示的是同样的路径。</translation>
    </message>
    <message>
        <source>3-D needs the PyOpenGL package, which is not installed; the 2-D map shows the same paths.</source>
        <translation>三维视图需要 PyOpenGL 软件包，但它没有安装；二维地图显示的是同样的路径。</translation>
    </message>
    <message>
        <source>diverged at step {0}: the steps grew without bound</source>
        <translation>在第 {0} 步发散：步子越迈越大，停不下来</translation>
    </message>
    <message>
        <source>at a minimum ({0}, {1})</source>
        <translation>到达最小值 ({0}, {1})</translation>
    </message>
    <message>
        <source>stuck near the saddle point</source>
        <translation>困在鞍点附近</translation>
    </message>
    <message>
        <source>barely moving at ({0}, {1})</source>
        <translation>在 ({0}, {1}) 几乎不动</translation>
    </message>
    <message>
        <source>at ({0}, {1})</source>
        <translation>位于 ({0}, {1})</translation>
    </message>
</context>
<context>
    <name>NetworkLandscapePanel</name>
    <message>
        <source>Loss at the current weights: {0}.</source>
        <translation>当前权重处的损失：{0}。</translation>
    </message>
    <message>
        <source>Random (filter-normalised)</source>
        <translation>随机方向（按滤波器归一化）</translation>
    </message>
    <message>
        <source>PCA of the training path</source>
        <translation>训练路径的 PCA 主方向</translation>
    </message>
    <message>
        <source>Random: two random directions, each neuron's part scaled to that neuron's weights (Li et al. 2018).
PCA: the two directions the training path moved along most; the path lies close to this plane.</source>
        <translation>随机：两个随机方向，每个神经元的分量按该神经元权重的大小缩放（Li 等，2018）。
PCA：训练路径移动最多的两个方向；路径基本落在这个平面上。</translation>
    </message>
    <message>
        <source>Grid points along each axis: more is finer and slower.</source>
        <translation>每条轴上的网格点数：越多越精细，也越慢。</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Pause training and compute the loss of your network around its current weights.</source>
        <translation>暂停训练，计算网络在当前权重周围的损失。</translation>
    </message>
    <message>
        <source>A coarse grid appears first, then the full one.</source>
        <translation>先出现粗网格，再出现完整的网格。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop computing; the weights are untouched and training can go on.</source>
        <translation>停止计算；权重不受影响，训练可以继续。</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Train the convolution lab's network for a while (Convolution tab: Load data, then Train), then press Compute to see the loss around its current weights and the path training took.</source>
        <translation>先把卷积实验室的网络训练一会儿（“卷积”页：加载数据，然后训练），再按“计算”，查看当前权重周围的损失和训练走过的路径。</translation>
    </message>
    <message>
        <source>Train the network for a while (Training or Network tab), then press Compute to see the loss around its current weights and the path training took.</source>
        <translation>先把网络训练一会儿（“训练”或“网络”页），再按“计算”，查看当前权重周围的损失和训练走过的路径。</translation>
    </message>
    <message>
        <source>The path is projected onto this plane: its true loss (right) can differ from the surface under it.</source>
        <translation>路径是投影到这个平面上的：它真实的损失（右图）可能和它下面的曲面不同。</translation>
    </message>
    <message>
        <source>The weights have many more than two numbers. The map is one flat slice through them, around the current weights (the star); the path's points are their nearest points on that slice.</source>
        <translation>权重远不止两个数。这张图是穿过当前权重（星号）的一个平面切片；路径上的点是它们在这个切片上最近的点。</translation>
    </message>
    <message>
        <source>Loss around the current weights</source>
        <translation>当前权重周围的损失</translation>
    </message>
    <message>
        <source>Light is low loss, dark is high; the red line is the training path, from the circle (start) to the star (now).</source>
        <translation>颜色浅表示损失低，颜色深表示损失高；红线是训练路径，从圆圈（起点）到星号（现在）。</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>α (direction 1)</source>
        <translation>α（方向 1）</translation>
    </message>
    <message>
        <source>β (direction 2)</source>
        <translation>β（方向 2）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>True loss along the path</source>
        <translation>沿路径的真实损失</translation>
    </message>
    <message>
        <source>The loss the network really had at each recorded step of its path.</source>
        <translation>网络在路径上每个记录步的真实损失。</translation>
    </message>
    <message>
        <source>α: 0 = initial weights, 1 = now</source>
        <translation>α：0 = 初始权重，1 = 现在</translation>
    </message>
    <message>
        <source>Straight line from the start to now</source>
        <translation>从起点到现在的直线</translation>
    </message>
    <message>
        <source>Loss at θ0 + α·(θ − θ0). A smooth curve downhill means training crossed no barrier on the way, even if its real path was anything but straight.</source>
        <translation>θ0 + α·(θ − θ0) 处的损失。曲线平滑下降，说明训练途中没有越过任何障碍，即使真实路径一点也不直。</translation>
    </message>
    <message>
        <source>Computing… training is paused.</source>
        <translation>正在计算…训练已暂停。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Training is paused: press Train in the Convolution tab to go on.</source>
        <translation>训练已暂停：在“卷积”页按“训练”继续。</translation>
    </message>
    <message>
        <source>Training is paused: press Play to go on.</source>
        <translation>训练已暂停：按“播放”继续。</translation>
    </message>
    <message>
        <source>The two PCA directions hold {0} and {1} of the path's movement.</source>
        <translation>两个 PCA 方向分别包含路径移动的 {0} 和 {1}。</translation>
    </message>
    <message>
        <source>Random directions: the path may lie mostly off this plane.</source>
        <translation>随机方向：路径的大部分可能不在这个平面上。</translation>
    </message>
    <message>
        <source>This slice shows the network before it was reset; press Compute to slice the current one.</source>
        <translation>这个切片显示的是重置之前的网络；按“计算”切出当前的网络。</translation>
    </message>
    <message>
        <source>Before the reset: loss around the weights of step {0}</source>
        <translation>重置之前：第 {0} 步权重周围的损失</translation>
    </message>
    <message>
        <source>This slice shows the network before its settings changed; press Compute to slice the current one.</source>
        <translation>这个切片显示的是更改设置之前的网络；按“计算”切出当前的网络。</translation>
    </message>
    <message>
        <source>Before the settings changed: loss around the weights of step {0}</source>
        <translation>更改设置之前：第 {0} 步权重周围的损失</translation>
    </message>
    <message>
        <source>Training has moved on since this slice; Compute again to follow it.</source>
        <translation>这个切片之后训练又继续了；再按一次“计算”跟上它。</translation>
    </message>
    <message>
        <source>Loss around the weights of step {0}</source>
        <translation>第 {0} 步权重周围的损失</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <source>Loss at the star (step {0}): {1}.</source>
        <translation>星号处（第 {0} 步）的损失：{1}。</translation>
    </message>
</context>
<context>
    <name>RaceTable</name>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>loss now</source>
        <translation>当前损失</translation>
    </message>
    <message>
        <source>change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Surfaces</name>
    <message>
        <source>Convex bowl</source>
        <translation>凸碗</translation>
    </message>
    <message>
        <source>Rosenbrock</source>
        <translation>Rosenbrock 函数</translation>
    </message>
    <message>
        <source>Himmelblau</source>
        <translation>Himmelblau 函数</translation>
    </message>
    <message>
        <source>Saddle</source>
        <translation>鞍面</translation>
    </message>
    <message>
        <source>Beale</source>
        <translation>Beale 函数</translation>
    </message>
    <message>
        <source>Six-hump camel</source>
        <translation>六峰驼背函数</translation>
    </message>
    <message>
        <source>Plateau and narrow valley</source>
        <translation>平台区与窄山谷</translation>
    </message>
    <message>
        <source>The condition number κ stretches the bowl; SGD zigzags across it and momentum smooths the zigzag.</source>
        <translation>条件数 κ 把碗拉长；SGD 在碗里来回折线前进，动量让折线变平滑。</translation>
    </message>
    <message>
        <source>A curved, nearly flat valley: finding it is easy, following it to (1, 1) is slow.</source>
        <translation>一条弯曲、几乎平坦的山谷：找到它很容易，沿着它走到 (1, 1) 却很慢。</translation>
    </message>
    <message>
        <source>Four minima of equal depth: where you start and how you step decide which one you reach.</source>
        <translation>四个一样深的最小值：从哪里出发、怎样迈步，决定了最后到达哪一个。</translation>
    </message>
    <message>
        <source>Downhill in x leads to a point that is uphill nowhere and downhill only in y: a saddle.</source>
        <translation>沿 x 方向下山会走到一个点，那里没有上坡，只有 y 方向是下坡：这就是鞍点。</translation>
    </message>
    <message>
        <source>Steep walls and flat arms: step sizes that suit one region fail in another.</source>
        <translation>陡峭的墙和平坦的长臂：适合一个区域的步长，在另一个区域就不行。</translation>
    </message>
    <message>
        <source>Six minima, two of them global: a local minimum is a real trap for gradient descent.</source>
        <translation>六个最小值，其中两个是全局最小值：局部最小值是梯度下降真正的陷阱。</translation>
    </message>
    <message>
        <source>On the plateau the gradient is almost zero, so SGD stalls; Adam rescales it and finds the valley.</source>
        <translation>在平台区上梯度几乎为零，SGD 停滞不前；Adam 会重新缩放梯度，找到山谷。</translation>
    </message>
</context>
</TS>