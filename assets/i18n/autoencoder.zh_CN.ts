<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name />
    <message>
        <source>Drawn digits (no download)</source>
        <translation>生成的数字（无需下载）</translation>
    </message>
    <message>
        <source>3,600 handwriting-like digits that Glassbox draws itself</source>
        <translation>Glassbox 自己画出的 3,600 个手写风格的数字</translation>
    </message>
    <message>
        <source>MNIST digits</source>
        <translation>MNIST 手写数字</translation>
    </message>
    <message>
        <source>Handwritten digits; download them once in the Convolution tab</source>
        <translation>手写数字；请先在“卷积”页下载一次</translation>
    </message>
    <message>
        <source>Fashion-MNIST clothes</source>
        <translation>服装 MNIST</translation>
    </message>
    <message>
        <source>Pictures of clothing in 10 kinds; download them once in the Convolution tab</source>
        <translation>10 类服装的图片；请先在“卷积”页下载一次</translation>
    </message>
    <message>
        <source>Your photo folder…</source>
        <translation>你的照片文件夹…</translation>
    </message>
    <message>
        <source>A folder with one subfolder of pictures per class</source>
        <translation>一个文件夹，每个类别的图片放在一个子文件夹里</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>50 steps/s</source>
        <translation>每秒 50 步</translation>
    </message>
    <message>
        <source>10 steps/s</source>
        <translation>每秒 10 步</translation>
    </message>
    <message>
        <source>2 steps/s</source>
        <translation>每秒 2 步</translation>
    </message>
</context>
<context>
    <name>AutoencoderControls</name>
    <message>
        <source>blurry, but every point of the plane decodes</source>
        <translation>很模糊，但平面上每个点都能解码</translation>
    </message>
    <message>
        <source>recognisable, details lost</source>
        <translation>认得出来，细节丢了</translation>
    </message>
    <message>
        <source>sharper, most strokes kept</source>
        <translation>更清楚，大部分笔画都保留了</translation>
    </message>
    <message>
        <source>almost perfect copies</source>
        <translation>几乎一模一样</translation>
    </message>
    <message>
        <source>Bottleneck: {0} numbers</source>
        <translation>瓶颈（中间层）：{0} 个数</translation>
    </message>
    <message>
        <source>{0} numbers: {1}</source>
        <translation>{0} 个数：{1}</translation>
    </message>
    <message>
        <source>Noise on the inputs: {0:.2f}</source>
        <translation>输入上的噪声：{0:.2f}</translation>
    </message>
    <message>
        <source>Noise on the inputs: none</source>
        <translation>输入上的噪声：无</translation>
    </message>
    <message>
        <source>The pictures the autoencoder learns to squeeze and rebuild</source>
        <translation>自编码器学习压缩并重建的图片</translation>
    </message>
    <message>
        <source>Slow training down to watch the reconstructions sharpen</source>
        <translation>放慢训练，看重建图像怎样一点点变清楚</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Load data</source>
        <translation>载入数据</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>停止载入</translation>
    </message>
    <message>
        <source>Read or draw the pictures and build a fresh autoencoder on them</source>
        <translation>读取或生成图片，并在上面建一个新的自编码器</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>▶ Train</source>
        <translation>▶ 训练</translation>
    </message>
    <message>
        <source>Train continuously, or pause (Space)</source>
        <translation>连续训练，或暂停（空格键）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One training step on one batch</source>
        <translation>用一个批量训练一步</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the starting weights</source>
        <translation>回到初始权重</translation>
    </message>
    <message>
        <source>How many numbers the encoder may keep of each 784-pixel image. 2 numbers: blurry, but the plane of codes shows every image; 32 numbers: almost perfect. Changing it builds a new network.</source>
        <translation>编码器能为每张 784 像素的图像留下几个数。2 个数：很模糊，但编码平面能画出每一张图像；32 个数：几乎完美。改动它会建一个新网络。</translation>
    </message>
    <message>
        <source>Noise added to every input pixel while the target stays clean: a denoising autoencoder learns to turn a noisy input into a clean picture</source>
        <translation>给每个输入像素加上噪声，而目标仍是干净的图像：去噪自编码器学会把带噪声的输入变成干净的图片</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>The step length of gradient descent: too small crawls, too large diverges</source>
        <translation>梯度下降的步长：太小走得慢，太大会发散</translation>
    </message>
    <message>
        <source>Choose pictures and press Load data (or ▶ Train) to train an autoencoder.</source>
        <translation>选好图片，按“载入数据”（或“▶ 训练”）来训练一个自编码器。</translation>
    </message>
</context>
<context>
    <name>AutoencoderTab</name>
    <message>
        <source>{0} is not downloaded yet: download it once in the Convolution tab's training panel (choose it there and press Load data), then load it here.</source>
        <translation>{0} 还没有下载：请先在“卷积”页的训练面板里下载一次（在那里选中它，按“载入数据”），然后再回到这里载入。</translation>
    </message>
    <message>
        <source>Choose a folder of pictures</source>
        <translation>选择一个图片文件夹</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>A new autoencoder learns from {0}: {1} training images, {2} held out, on {3}. {4}</source>
        <translation>一个新的自编码器正在学习{0}：{1} 张训练图像，{2} 张测试图像，在{3}上运行。{4}</translation>
    </message>
    <message>
        <source>Step {0}: held-out error {1:.4f} a pixel (the average image: {2:.4f})</source>
        <translation>第 {0} 步：测试图像每个像素的误差 {1:.4f}（平均图像：{2:.4f}）</translation>
    </message>
</context>
<context>
    <name>CodePlane</name>
    <message>
        <source>Click or drag anywhere: the decoder turns that point into an image</source>
        <translation>在任意位置点击或拖动：解码器会把那个点变成一张图像</translation>
    </message>
    <message>
        <source>code number 1</source>
        <translation>编码的第 1 个数</translation>
    </message>
    <message>
        <source>code number 2</source>
        <translation>编码的第 2 个数</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>This bottleneck has {0} numbers: the plane shows the first two of each code.</source>
        <translation>这个瓶颈（中间层）有 {0} 个数：平面上只画出每个编码的前两个数。</translation>
    </message>
    <message>
        <source>The plane needs a bottleneck of 2 numbers; this one has {0}, so it shows the first two, and a point cannot be decoded.</source>
        <translation>这个平面需要只有 2 个数的瓶颈（中间层）；现在有 {0} 个数，所以只画出前两个，也不能解码平面上的点。</translation>
    </message>
    <message>
        <source>Each held-out image sits at its code. Click or drag anywhere to decode that point: what lies halfway between two classes?</source>
        <translation>每张测试图像都画在它的编码处。在任意位置点击或拖动来解码那个点：两个类别的中间是什么样子？</translation>
    </message>
    <message>
        <source>decoded from
({0:.2f}, {1:.2f})</source>
        <translation>解码自
({0:.2f}, {1:.2f})</translation>
    </message>
</context>
<context>
    <name>DecodedImage</name>
    <message>
        <source>Click the plane</source>
        <translation>点击平面</translation>
    </message>
</context>
<context>
    <name>LayerBoxes</name>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>W{0}, b{0}
sigmoid</source>
        <translation>W{0}、b{0}
sigmoid</translation>
    </message>
    <message>
        <source>W′{0}, b′{0}
sigmoid</source>
        <translation>W′{0}、b′{0}
sigmoid</translation>
    </message>
</context>
<context>
    <name>LayerDiagram</name>
    <message>
        <source>encoder: squeezes {0} pixels into {1} numbers  ·  decoder: rebuilds them</source>
        <translation>编码器：把 {0} 个像素压缩成 {1} 个数  ·  解码器：再把图像重建出来</translation>
    </message>
    <message>
        <source>x → y = sigmoid(W·x + b) → z = sigmoid(W′·y + b′) ≈ x: training changes the weights W and biases b until z rebuilds x as well as it can.</source>
        <translation>x → y = sigmoid(W·x + b) → z = sigmoid(W′·y + b′) ≈ x：训练不断调整权重 W 和偏置 b，直到 z 尽可能好地重建出 x。</translation>
    </message>
    <message>
        <source>x → y = sigmoid(W·x + b) → z = sigmoid(W′·y + b′) ≈ x</source>
        <translation>x → y = sigmoid(W·x + b) → z = sigmoid(W′·y + b′) ≈ x</translation>
    </message>
    <message>
        <source>An autoencoder: the input x is weighted (W, b) and passed through a sigmoid to give y; y is weighted back the other way to give z. Training makes the error between z and x as small as it can: then W and b have learnt the input's key features, or z could not rebuild it so well.</source>
        <translation>自编码器：输入 x 经过加权（W、b）和 sigmoid 函数得到 y；y 再反向加权映射回来得到 z。训练让 z 和 x 之间的误差尽可能小：这时 W 和 b 就学到了输入的关键特征，否则 z 不可能把它重建得这么好。</translation>
    </message>
</context>
<context>
    <name>LossChart</name>
    <message>
        <source>training step</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>answering the average digit</source>
        <translation>总是给出平均数字</translation>
    </message>
    <message>
        <source>answering the average image</source>
        <translation>总是给出平均图像</translation>
    </message>
    <message>
        <source>&lt;span style='color:{0}'&gt;━ training&lt;/span&gt; &amp;nbsp; &lt;span style='color:{1}'&gt;╍●╍ held-out images&lt;/span&gt; &amp;nbsp; &lt;span style='color:{2}'&gt;┈┈ {3}&lt;/span&gt;</source>
        <translation>&lt;span style='color:{0}'&gt;━ 训练&lt;/span&gt; &amp;nbsp; &lt;span style='color:{1}'&gt;╍●╍ 测试图像&lt;/span&gt; &amp;nbsp; &lt;span style='color:{2}'&gt;┈┈ {3}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Reconstruction loss (binary cross-entropy between each pixel and its rebuilt value). The dotted line is what a network that learnt nothing scores: it answers the average image every time.</source>
        <translation>重建损失（每个像素与它的重建值之间的二元交叉熵）。点线是什么也没学会的网络的得分：它每次都给出平均图像。</translation>
    </message>
</context>
<context>
    <name>ReconstructionStrip</name>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>noisy input</source>
        <translation>加噪输入</translation>
    </message>
    <message>
        <source>rebuilt</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>Load data and train: each held-out image appears here beside what the network rebuilds from its bottleneck.</source>
        <translation>载入数据并训练：每张测试图像会显示在这里，旁边是网络从瓶颈（中间层）重建出的样子。</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Loading was cancelled; the autoencoder you had is unchanged.</source>
        <translation>已取消载入；原来的自编码器没有变。</translation>
    </message>
    <message>
        <source>These images need more memory than there is; choose a smaller set.</source>
        <translation>这些图像需要的内存超过了现有内存；请选择小一些的数据集。</translation>
    </message>
    <message>
        <source>Training ran out of memory; choose a smaller bottleneck or set.</source>
        <translation>训练时内存不够了；请选择小一些的瓶颈（中间层）或数据集。</translation>
    </message>
</context>
</TS>