<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name />
    <message>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>conv: kernels slide over the image</source>
        <translation>卷积：卷积核在图像上滑动</translation>
    </message>
    <message>
        <source>ReLU: negatives become 0</source>
        <translation>ReLU：负值变成 0</translation>
    </message>
    <message>
        <source>pool: average each {0}×{1}</source>
        <translation>池化：每个 {0}×{1} 取平均</translation>
    </message>
    <message>
        <source>pool: keep the strongest of each {0}×{1}</source>
        <translation>池化：每个 {0}×{1} 保留最强的</translation>
    </message>
    <message>
        <source>{0}: passes values on</source>
        <translation>{0}：把数值传下去</translation>
    </message>
    <message>
        <source>below 0</source>
        <translation>小于 0</translation>
    </message>
    <message>
        <source>above 0</source>
        <translation>大于 0</translation>
    </message>
    <message>
        <source>click a map to enlarge it</source>
        <translation>点击特征图可放大</translation>
    </message>
    <message>
        <source>Deeper colours are further from 0. The input's channels are bright where their numbers are large.</source>
        <translation>颜色越深，离 0 越远。输入的各个通道中，数越大越亮。</translation>
    </message>
    <message>
        <source>{0} · number {1}: {2}</source>
        <translation>{0} · 第 {1} 个数：{2}</translation>
    </message>
    <message>
        <source>{0} · map {1} · row {2}, column {3}: {4}</source>
        <translation>{0} · 特征图 {1} · 第 {2} 行，第 {3} 列：{4}</translation>
    </message>
    <message>
        <source>Load an image or draw a digit to see what the network makes of it.</source>
        <translation>载入一幅图像或画一个数字，看看网络怎么理解它。</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <source>Copies the image unchanged.</source>
        <translation>原样复制图像。</translation>
    </message>
    <message>
        <source>Box blur</source>
        <translation>均值模糊</translation>
    </message>
    <message>
        <source>Averages each pixel with its neighbours.</source>
        <translation>把每个像素和它的邻居取平均。</translation>
    </message>
    <message>
        <source>Gaussian blur</source>
        <translation>高斯模糊</translation>
    </message>
    <message>
        <source>A soft blur that weighs near neighbours most.</source>
        <translation>柔和的模糊，离得越近的邻居权重越大。</translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>Boosts a pixel against its neighbours, so edges stand out.</source>
        <translation>加强像素与邻居的差别，让边缘更突出。</translation>
    </message>
    <message>
        <source>Sobel x</source>
        <translation>Sobel x</translation>
    </message>
    <message>
        <source>Finds vertical edges: brightness changing from left to right.</source>
        <translation>找竖直边缘：从左到右亮度的变化。</translation>
    </message>
    <message>
        <source>Sobel y</source>
        <translation>Sobel y</translation>
    </message>
    <message>
        <source>Finds horizontal edges: brightness changing from top to bottom.</source>
        <translation>找水平边缘：从上到下亮度的变化。</translation>
    </message>
    <message>
        <source>Laplacian</source>
        <translation>拉普拉斯</translation>
    </message>
    <message>
        <source>Finds edges in every direction; flat areas become zero.</source>
        <translation>找各个方向的边缘；平坦区域变成 0。</translation>
    </message>
    <message>
        <source>Emboss</source>
        <translation>浮雕</translation>
    </message>
    <message>
        <source>Lights the image from one corner, like a relief.</source>
        <translation>从一角照亮图像，像浮雕一样。</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>What to watch: the kernel sliding, ReLU, or pooling</source>
        <translation>要看什么：卷积核滑动、ReLU 还是池化</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>A classic kernel; edit its numbers below to make your own</source>
        <translation>经典卷积核；修改下面的数字即可做出你自己的</translation>
    </message>
    <message>
        <source>How many pixels the kernel covers</source>
        <translation>卷积核覆盖多少个像素</translation>
    </message>
    <message>
        <source>The kernel's numbers: type a value (2, −0.5, 1/9) to make a custom kernel</source>
        <translation>卷积核的数字：输入一个值（2、−0.5、1/9）即成为自定义卷积核</translation>
    </message>
    <message>
        <source>Luminance (grey)</source>
        <translation>亮度（灰度）</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>Which channel of the colour image the kernel sees</source>
        <translation>卷积核看彩色图像的哪个通道</translation>
    </message>
    <message>
        <source>Stride: how many pixels the kernel jumps between positions</source>
        <translation>步长：卷积核每次移动多少个像素</translation>
    </message>
    <message>
        <source>Padding: rings of zeros added around the image</source>
        <translation>填充：在图像四周补几圈 0</translation>
    </message>
    <message>
        <source>{0}×{0} px</source>
        <translation>{0}×{0} 像素</translation>
    </message>
    <message>
        <source>How small the image is made for the animation: fewer pixels, bigger squares</source>
        <translation>动画用的图像缩到多小：像素越少，方格越大</translation>
    </message>
    <message>
        <source>The pooling window's size</source>
        <translation>池化窗口的大小</translation>
    </message>
    <message>
        <source>How far the pooling window jumps between positions</source>
        <translation>池化窗口每次移动多远</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>The layer whose channel you want to look into.</source>
        <translation>要查看其通道的那一层。</translation>
    </message>
    <message>
        <source>Which of the layer's channels (its feature maps).</source>
        <translation>这一层的第几个通道（它的特征图）。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop searching; choosing a channel starts again.</source>
        <translation>停止查找；再选一个通道就会重新开始。</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output, pixel by pixel</source>
        <translation>输出（逐个像素）</translation>
    </message>
    <message>
        <source>The whole image</source>
        <translation>整幅图像</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>red channel</source>
        <translation>红色通道</translation>
    </message>
    <message>
        <source>green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>blue channel</source>
        <translation>蓝色通道</translation>
    </message>
    <message>
        <source>Open an image to watch a kernel slide over it</source>
        <translation>打开一幅图像，看卷积核在上面滑动</translation>
    </message>
    <message>
        <source>The whole image ({0}×{1})</source>
        <translation>整幅图像（{0}×{1}）</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Convolution: a {0}×{0} {1} kernel slides over the {2}</source>
        <translation>卷积：{0}×{0} 的{1}卷积核在{2}上滑动</translation>
    </message>
    <message>
        <source>ReLU: every negative value of the convolution becomes 0</source>
        <translation>ReLU：卷积结果中的负值都变成 0</translation>
    </message>
    <message>
        <source>Max pooling: each window keeps its largest value</source>
        <translation>最大池化：每个窗口保留最大值</translation>
    </message>
    <message>
        <source>Average pooling: each window keeps its mean</source>
        <translation>平均池化：每个窗口保留平均值</translation>
    </message>
    <message>
        <source>Input: the {0}, zeros around it</source>
        <translation>输入：{0}，四周补 0</translation>
    </message>
    <message>
        <source>Input: the {0}</source>
        <translation>输入：{0}</translation>
    </message>
    <message>
        <source>Input: the convolution's output</source>
        <translation>输入：卷积的输出</translation>
    </message>
    <message>
        <source>Input: ReLU of the convolution</source>
        <translation>输入：卷积经过 ReLU</translation>
    </message>
    <message>
        <source>Press Step or Play</source>
        <translation>按“单步”或“播放”</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.tif *.tiff);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{name} has no pixels Glassbox can read; copy or save the image again.</source>
        <translation>{name} 里没有 Glassbox 能读取的像素；请重新复制或保存这幅图像。</translation>
    </message>
    <message>
        <source>the clipboard image</source>
        <translation>剪贴板中的图像</translation>
    </message>
    <message>
        <source>the dropped image</source>
        <translation>拖入的图像</translation>
    </message>
    <message>
        <source>{address} is a web address, and Glassbox does not download images; save the image to your computer first, then open that file.</source>
        <translation>{address} 是网址，Glassbox 不会下载图像；请先把图像保存到电脑上，再打开那个文件。</translation>
    </message>
    <message>
        <source>The clipboard holds no image and no image file; copy a picture (or an image file) and paste again.</source>
        <translation>剪贴板里没有图像，也没有图像文件；请复制一张图片（或图像文件）后再粘贴。</translation>
    </message>
    <message>
        <source>What was dropped is not an image or an image file; drop a picture or a PNG, JPEG, GIF, BMP or WebP file.</source>
        <translation>拖入的不是图像或图像文件；请拖入图片，或 PNG、JPEG、GIF、BMP、WebP 文件。</translation>
    </message>
    <message>
        <source>Show or hide the image and the drawing sheet</source>
        <translation>显示或隐藏图像和画板</translation>
    </message>
    <message>
        <source>choose a sample…</source>
        <translation>选择示例…</translation>
    </message>
    <message>
        <source>Pictures made by Glassbox itself: shapes, handwritten digits, a checkerboard and a scene. No file needed.</source>
        <translation>Glassbox 自己生成的图片：形状、手写数字、棋盘格和一幅场景。不需要文件。</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>Open a photo or picture file (Ctrl+O). You can also drop a file onto the window.</source>
        <translation>打开照片或图片文件（Ctrl+O）。也可以把文件拖到窗口上。</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Use the picture you copied, or a copied image file (Ctrl+V).</source>
        <translation>使用你复制的图片或图片文件（Ctrl+V）。</translation>
    </message>
    <message>
        <source>The trained network that looks at the image.</source>
        <translation>用来识别图像的已训练网络。</translation>
    </message>
    <message>
        <source>Sample:</source>
        <translation>示例：</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Your image</source>
        <translation>你的图像</translation>
    </message>
    <message>
        <source>…or draw a digit:</source>
        <translation>……或者画一个数字：</translation>
    </message>
    <message>
        <source>The image as loaded. Drop a file here, or anywhere on the window.</source>
        <translation>载入的图像。可以把文件拖到这里，或窗口的任何地方。</translation>
    </message>
    <message>
        <source>Draw a digit: the prediction and every map follow your pen.</source>
        <translation>画一个数字：预测和每张特征图都会跟着笔迹变化。</translation>
    </message>
    <message>
        <source>{0} ({1}×{2})</source>
        <translation>{0}（{1}×{2}）</translation>
    </message>
    <message>
        <source>made grey</source>
        <translation>转为灰度</translation>
    </message>
    <message>
        <source>dark and light swapped</source>
        <translation>黑白反转</translation>
    </message>
    <message>
        <source>ink centred in {0}×{1}</source>
        <translation>笔迹居中放入 {0}×{1}</translation>
    </message>
    <message>
        <source>shrunk to {0}×{1}</source>
        <translation>缩小到 {0}×{1}</translation>
    </message>
    <message>
        <source>it's {0} ({1:.0%})</source>
        <translation>是 {0}（{1:.0%}）</translation>
    </message>
    <message>
        <source>How the image was prepared for the network, and what the network says</source>
        <translation>图像如何为网络做准备，以及网络的判断</translation>
    </message>
    <message>
        <source>What the network sees</source>
        <translation>网络看到了什么</translation>
    </message>
    <message>
        <source>Every layer's feature maps and the class probabilities.
Page Down / Page Up: the next or previous layer, large. Space: train or pause the network in training (without one, the kernel playground plays).</source>
        <translation>每一层的特征图和各类别的概率。
Page Down / Page Up：放大显示下一层或上一层。空格键：训练或暂停正在训练的网络（没有正在训练的网络时，播放卷积核实验台）。</translation>
    </message>
    <message>
        <source>Slide one kernel over the image by hand, with ReLU and pooling.
Space: play or pause. Page Down / Page Up: one position forwards or back.</source>
        <translation>亲手让一个卷积核在图像上滑动，再做 ReLU 和池化。
空格键：播放或暂停。Page Down / Page Up：前进或后退一个位置。</translation>
    </message>
    <message>
        <source>Kernel playground</source>
        <translation>卷积核实验台</translation>
    </message>
    <message>
        <source>Drawn digits (no download)</source>
        <translation>生成的数字（无需下载）</translation>
    </message>
    <message>
        <source>3,000 handwriting-like digits that Glassbox draws itself</source>
        <translation>Glassbox 自己画的 3,000 个手写风格数字</translation>
    </message>
    <message>
        <source>Drawn shapes (no download)</source>
        <translation>生成的形状（无需下载）</translation>
    </message>
    <message>
        <source>1,500 pictures of six kinds of object that Glassbox draws itself</source>
        <translation>Glassbox 自己画的 1,500 张图片，共六类物体</translation>
    </message>
    <message>
        <source>Your photo folder…</source>
        <translation>你的照片文件夹…</translation>
    </message>
    <message>
        <source>A folder with one subfolder of pictures per class, e.g. cat/, dog/, bird/</source>
        <translation>每个类别一个图片子文件夹的文件夹，例如 猫/、狗/、鸟/</translation>
    </message>
    <message>
        <source>MNIST digits (11.6 MB)</source>
        <translation>MNIST 数字（11.6 MB）</translation>
    </message>
    <message>
        <source>70,000 handwritten digits; downloaded once, then kept</source>
        <translation>70,000 个手写数字；下载一次后保留</translation>
    </message>
    <message>
        <source>Fashion-MNIST (30.9 MB)</source>
        <translation>服装 MNIST（30.9 MB）</translation>
    </message>
    <message>
        <source>70,000 pictures of clothing in 10 kinds; downloaded once</source>
        <translation>70,000 张服装图片，共 10 类；只需下载一次</translation>
    </message>
    <message>
        <source>CIFAR-10 photos (170 MB)</source>
        <translation>CIFAR-10 照片（170 MB）</translation>
    </message>
    <message>
        <source>60,000 small colour photos in 10 classes; downloaded once</source>
        <translation>60,000 张小彩色照片，共 10 类；只需下载一次</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>20 steps/s</source>
        <translation>每秒 20 步</translation>
    </message>
    <message>
        <source>5 steps/s</source>
        <translation>每秒 5 步</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>每秒 1 步</translation>
    </message>
    <message>
        <source>circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>square</source>
        <translation>正方形</translation>
    </message>
    <message>
        <source>triangle</source>
        <translation>三角形</translation>
    </message>
    <message>
        <source>star</source>
        <translation>星形</translation>
    </message>
    <message>
        <source>house</source>
        <translation>房子</translation>
    </message>
    <message>
        <source>tree</source>
        <translation>树</translation>
    </message>
    <message>
        <source>checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <source>scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>digit {0}</source>
        <translation>数字 {0}</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>shapes</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>cifar</source>
        <translation>CIFAR 照片</translation>
    </message>
    <message>
        <source>your drawing</source>
        <translation>你画的图</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>粘贴的图像</translation>
    </message>
    <message>
        <source>airplane</source>
        <translation>飞机</translation>
    </message>
    <message>
        <source>automobile</source>
        <translation>汽车</translation>
    </message>
    <message>
        <source>bird</source>
        <translation>鸟</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>猫</translation>
    </message>
    <message>
        <source>deer</source>
        <translation>鹿</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>狗</translation>
    </message>
    <message>
        <source>frog</source>
        <translation>青蛙</translation>
    </message>
    <message>
        <source>horse</source>
        <translation>马</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>船</translation>
    </message>
    <message>
        <source>truck</source>
        <translation>卡车</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>T 恤/上衣</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
    <message>
        <source>Handwritten digits 0-9: white strokes on black, 28x28 grayscale, like MNIST.</source>
        <translation>手写数字 0–9：黑底白字，28×28 灰度图，与 MNIST 相同。</translation>
    </message>
    <message>
        <source>Drawn objects (circle, square, triangle, star, house, tree) in 64x64 colour images.</source>
        <translation>画出的物体（圆形、正方形、三角形、星形、房子、树），64×64 彩色图像。</translation>
    </message>
    <message>
        <source>Small colour photos (plane, car, bird, cat, ...), 32x32, like CIFAR-10.</source>
        <translation>小彩色照片（飞机、汽车、鸟、猫……），32×32，与 CIFAR-10 相同。</translation>
    </message>
    <message>
        <source>The download stopped unexpectedly ({0}); try again.</source>
        <translation>下载意外中止（{0}）；请重试。</translation>
    </message>
    <message>
        <source>Download {0} (about {1}) into {2}?</source>
        <translation>要把 {0}（约 {1}）下载到 {2} 吗？</translation>
    </message>
    <message>
        <source>Download {0} into {1}?</source>
        <translation>要把 {0} 下载到 {1} 吗？</translation>
    </message>
    <message>
        <source>Download a dataset</source>
        <translation>下载数据集</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>pooling stride</source>
        <translation>池化步长</translation>
    </message>
    <message>
        <source>The {0} must be between {1} and {2}, not {3}.</source>
        <translation>{0}必须在 {1} 到 {2} 之间，不能是 {3}。</translation>
    </message>
    <message>
        <source>That setting is not one the playground offers; pick one from its menu.</source>
        <translation>实验台没有这个设置；请从菜单中选择。</translation>
    </message>
    <message>
        <source>The kernel must be 3×3 or 5×5, not {0}.</source>
        <translation>卷积核必须是 3×3 或 5×5，不能是 {0}。</translation>
    </message>
    <message>
        <source>A kernel cell cannot be empty; type a number such as 0.</source>
        <translation>卷积核的格子不能为空；请输入一个数，比如 0。</translation>
    </message>
    <message>
        <source>“{0}” is not a number; type a number such as 2, −0.5 or 1/9.</source>
        <translation>“{0}”不是数字；请输入一个数，比如 2、−0.5 或 1/9。</translation>
    </message>
    <message>
        <source>“{0}” is too large; keep kernel values between −1000 and 1000.</source>
        <translation>“{0}”太大了；卷积核的值要在 −1000 到 1000 之间。</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽</translation>
    </message>
    <message>
        <source>ReLU keeps the size: out = n = {0} × {1}</source>
        <translation>ReLU 不改变大小：输出 = n = {0} × {1}</translation>
    </message>
    <message>
        <source>Click a feature map in “What the network sees”, or choose a layer and a channel above: the images that excite that channel most appear here.</source>
        <translation>在“网络看到了什么”中点击一张特征图，或在上方选择层和通道：最能激发这个通道的图像会显示在这里。</translation>
    </message>
    <message>
        <source>“Grow” starts from noise and changes the image, step by step, so the channel answers more and more strongly.</source>
        <translation>“生成”从噪声开始，一步一步地修改图像，让这个通道的响应越来越强。</translation>
    </message>
    <message>
        <source>Orange box: the patch where the channel answers most. Below: class · value.</source>
        <translation>橙色方框：通道响应最强的那块区域。下方：类别 · 值。</translation>
    </message>
    <message>
        <source>Each image is one of the held-out images, strongest first. The orange box is the part of the image the channel sees at the place where its value is highest; below the image are its class and that value.</source>
        <translation>每张都是一张测试图像，响应最强的排在最前。橙色方框是通道在其值最高的位置所“看到”的那部分图像；图像下方是它的类别和这个值。</translation>
    </message>
    <message>
        <source>The image it likes most</source>
        <translation>它最“喜欢”的图像</translation>
    </message>
    <message>
        <source>Occlusion stopped: {0}</source>
        <translation>遮挡已停止：{0}</translation>
    </message>
    <message>
        <source>Grad-CAM needs a convolution layer, and this network has none.</source>
        <translation>Grad-CAM 需要卷积层，而这个网络没有卷积层。</translation>
    </message>
    <message>
        <source>Gradient saliency</source>
        <translation>梯度显著性图</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <source>For each pixel, how much a tiny change there would change the class's score (the largest over the colour channels of |∂score/∂pixel|).</source>
        <translation>每个像素：在这里做一点点改动，这个类别的得分会变化多少（取各颜色通道中 |∂得分/∂像素| 的最大值）。</translation>
    </message>
    <message>
        <source>Grad-CAM: the chosen layer's feature maps, each weighted by how much the class's score grows with it on average, added up; only what pushes the score up is kept.</source>
        <translation>Grad-CAM：把所选层的每张特征图，按这个类别的得分平均随它增长多少加权，再加起来；只保留把得分往上推的部分。</translation>
    </message>
    <message>
        <source>A grey square covers part of the image, place after place; where covering a pixel lowers the class's score, the map is bright. Covering that raises the score shows dark.</source>
        <translation>一个灰色方块一处接一处地盖住图像的一部分；盖住某个像素会让这个类别的得分下降的地方，图上就亮。盖住后得分反而升高的地方显示为暗色。</translation>
    </message>
    <message>
        <source>how much this pixel matters</source>
        <translation>这个像素有多重要</translation>
    </message>
    <message>
        <source>how much this area matters</source>
        <translation>这块区域有多重要</translation>
    </message>
    <message>
        <source>drop in score when covered</source>
        <translation>盖住后得分下降多少</translation>
    </message>
    <message>
        <source>this pixel: {0}</source>
        <translation>这个像素：{0}</translation>
    </message>
    <message>
        <source>Back to the predicted class</source>
        <translation>回到网络预测的类别</translation>
    </message>
    <message>
        <source>Explain the class the network chose again (the maps follow its answer as the image changes).</source>
        <translation>重新解释网络选中的类别（图像变化时，这些图会跟着它的答案走）。</translation>
    </message>
    <message>
        <source>Map strength:</source>
        <translation>图的浓淡：</translation>
    </message>
    <message>
        <source>How strongly the maps cover the image: left shows the image alone, right the maps alone.</source>
        <translation>这些图盖在图像上的浓淡：最左边只显示图像，最右边只显示图。</translation>
    </message>
    <message>
        <source>Colours: dark matters little, bright yellow matters most.</source>
        <translation>颜色：暗色表示不太重要，亮黄色表示最重要。</translation>
    </message>
    <message>
        <source>The layer whose feature maps Grad-CAM weighs: early layers show small details, the last convolution the parts that decide the class.</source>
        <translation>Grad-CAM 加权的是哪一层的特征图：前面的层显示细小的细节，最后一个卷积层显示决定类别的部分。</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>The grey square's side, in the network's pixels.</source>
        <translation>灰色方块的边长，以网络看到的像素计。</translation>
    </message>
    <message>
        <source>How far the square moves between two places, in pixels.</source>
        <translation>方块每次移动多远，以像素计。</translation>
    </message>
    <message>
        <source>Square:</source>
        <translation>方块：</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>步长：</translation>
    </message>
    <message>
        <source>Run occlusion</source>
        <translation>运行遮挡</translation>
    </message>
    <message>
        <source>Slide the grey square over the image again. It runs by itself when the image, the network, the class or the square changes; while the network trains it keeps its last map, so press this for a new one.</source>
        <translation>让灰色方块重新滑过图像。图像、网络、类别或方块改变时它会自动运行；网络训练时它保留上一次的图，想要新图就按这个按钮。</translation>
    </message>
    <message>
        <source>Stop the square where it is.</source>
        <translation>让方块停在当前位置。</translation>
    </message>
    <message>
        <source>Click a class to explain it:</source>
        <translation>点击一个类别来解释它：</translation>
    </message>
    <message>
        <source>The network's answer for this image. Click a class to see where the network looks for it.
▶ the class explained, ★ the network's answer.</source>
        <translation>网络对这张图像的回答。点击一个类别，看看网络在哪里找它。
▶ 正在解释的类别，★ 网络的回答。</translation>
    </message>
    <message>
        <source>The grey square slides over the image: {0} of {1} places.</source>
        <translation>灰色方块正在滑过图像：第 {0} 处，共 {1} 处。</translation>
    </message>
    <message>
        <source>Stopped after {0} of {1} places.</source>
        <translation>在第 {0} 处停下，共 {1} 处。</translation>
    </message>
    <message>
        <source>Where does it look?</source>
        <translation>网络在看哪里？</translation>
    </message>
    <message>
        <source>Three maps of where the network looks for a class: gradient saliency, Grad-CAM and occlusion.
Click a class's bar to explain that class instead of the network's answer.</source>
        <translation>三张图显示网络在哪里找一个类别：梯度显著性图、Grad-CAM 和遮挡。
点击某个类别的条形，解释这个类别而不是网络的回答。</translation>
    </message>
    <message>
        <source>What a channel looks for</source>
        <translation>通道在找什么</translation>
    </message>
    <message>
        <source>The test images that excite one channel most, and the image it likes best.
Click a feature map in "What the network sees", then "What does this channel look for?" in its window.</source>
        <translation>最能激活一个通道的测试图像，以及它最喜欢的图像。
在“网络看到了什么”中点击一张特征图，再在弹出的窗口中点击“这个通道在找什么？”。</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>层：{0}</translation>
    </message>
    <message>
        <source>square {0} px, step {1}</source>
        <translation>方块 {0} 像素，步长 {1}</translation>
    </message>
</context>
<context>
    <name>ArithmeticRow</name>
    <message>
        <source>Patch</source>
        <translation>图像块</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>乘积</translation>
    </message>
    <message>
        <source>What the colours of the maps and numbers mean</source>
        <translation>特征图和数字的颜色含义</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>sum = {0}</source>
        <translation>和 = {0}</translation>
    </message>
    <message>
        <source>max({0}, 0)
= {1}</source>
        <translation>max({0}, 0)
= {1}</translation>
    </message>
    <message>
        <source>largest = {0}</source>
        <translation>最大值 = {0}</translation>
    </message>
    <message>
        <source>sum {0} ÷ {1}
= {2}</source>
        <translation>和 {0} ÷ {1}
= {2}</translation>
    </message>
    <message>
        <source>→ output</source>
        <translation>→ 输出</translation>
    </message>
</context>
<context>
    <name>CNNView</name>
    <message>
        <source>Inside the CNN: what every layer makes of the image</source>
        <translation>CNN 内部：每一层把图像变成了什么</translation>
    </message>
    <message>
        <source>Colour scale:</source>
        <translation>颜色刻度：</translation>
    </message>
    <message>
        <source>each map on its own</source>
        <translation>每张图单独</translation>
    </message>
    <message>
        <source>each layer together</source>
        <translation>每层统一</translation>
    </message>
    <message>
        <source>all layers together</source>
        <translation>所有层统一</translation>
    </message>
    <message>
        <source>Each map on its own: every map uses its full colour range, so faint patterns show.
Each layer together: maps of one layer compare.
All layers together: every map compares.</source>
        <translation>每张图单独：每张特征图用满整个颜色范围，淡的图案也看得见。
每层统一：同一层的特征图可以相互比较。
所有层统一：所有特征图都可以比较。</translation>
    </message>
    <message>
        <source>Load an image or draw a digit to see what the network makes of it.</source>
        <translation>载入一幅图像或画一个数字，看看网络怎么理解它。</translation>
    </message>
    <message>
        <source>input: red, green and blue</source>
        <translation>输入：红、绿、蓝</translation>
    </message>
    <message>
        <source>input: the image as numbers</source>
        <translation>输入：用数字表示的图像</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>fully connected</source>
        <translation>全连接</translation>
    </message>
    <message>
        <source>fc: every number weighs all inputs</source>
        <translation>全连接：每个数都对所有输入加权</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>{0} classes</source>
        <translation>{0} 个类别</translation>
    </message>
    <message>
        <source>softmax: scores become probabilities</source>
        <translation>softmax：得分变成概率</translation>
    </message>
    <message>
        <source>the image the network was fed</source>
        <translation>输入网络的图像</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>channel {0}</source>
        <translation>通道 {0}</translation>
    </message>
    <message>
        <source>input, {0}: click to enlarge</source>
        <translation>输入，{0}：点击放大</translation>
    </message>
    <message>
        <source>{0}, map {1}: click to enlarge, and to see what it looks for</source>
        <translation>{0}，第 {1} 张特征图：点击放大，并查看它在找什么</translation>
    </message>
    <message>
        <source>{0}: {1} numbers</source>
        <translation>{0}：{1} 个数</translation>
    </message>
    <message>
        <source>It's an {0} ({1})</source>
        <translation>是 {0}（{1}）</translation>
    </message>
    <message>
        <source>It's a {0} ({1})</source>
        <translation>是 {0}（{1}）</translation>
    </message>
</context>
<context>
    <name>ChannelPanel</name>
    <message>
        <source>Choose a model first.</source>
        <translation>请先选择一个模型。</translation>
    </message>
    <message>
        <source>Choose a data set in the training panel below first.</source>
        <translation>请先在下方的训练面板中选择一个数据集。</translation>
    </message>
    <message>
        <source>Looking for the images that excite {0}, channel {1}…</source>
        <translation>正在查找最能激发 {0} 第 {1} 个通道的图像……</translation>
    </message>
    <message>
        <source>{0} held-out images of {1} searched in {2} s.</source>
        <translation>已在 {2} 秒内查遍{1}的 {0} 张测试图像。</translation>
    </message>
    <message>
        <source>Stopped. Choose a channel to search again.</source>
        <translation>已停止。再选一个通道即可重新查找。</translation>
    </message>
    <message>
        <source> · less than a second left</source>
        <translation> · 还剩不到一秒</translation>
    </message>
    <message>
        <source> · about {0} s left</source>
        <translation> · 大约还剩 {0} 秒</translation>
    </message>
    <message>
        <source>{0}: {1} of {2}{3}</source>
        <translation>{0}：{1} / {2}{3}</translation>
    </message>
    <message>
        <source>Searched {0} of {1} held-out images{2}</source>
        <translation>已查找 {0} / {1} 张测试图像{2}</translation>
    </message>
    <message>
        <source>Stop growing</source>
        <translation>停止生成</translation>
    </message>
    <message>
        <source>Grow the image it likes most</source>
        <translation>生成它最“喜欢”的图像</translation>
    </message>
    <message>
        <source>Start from noise and change the image step by step so this channel answers more strongly.</source>
        <translation>从噪声开始，一步一步地修改图像，让这个通道的响应越来越强。</translation>
    </message>
</context>
<context>
    <name>ChannelView</name>
    <message>
        <source>What does a channel look for?</source>
        <translation>一个通道在寻找什么？</translation>
    </message>
    <message>
        <source>{0}, channel {1}: what excites it most</source>
        <translation>{0} 的第 {1} 个通道：最能激发它的图像</translation>
    </message>
    <message>
        <source>Channel {1} of {0} never fires: it stays at 0 or below for all {2} held-out images, so no image excites it. Try another channel.</source>
        <translation>{0} 的第 {1} 个通道从不响应：在全部 {2} 张测试图像上它都停在 0 或以下，所以没有哪张图像能激发它。换一个通道试试。</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
</context>
<context>
    <name>ChannelWorker</name>
    <message>
        <source>{0} is not downloaded yet: download it in the training panel below first.</source>
        <translation>{0} 还没有下载：请先在下方的训练面板中下载它。</translation>
    </message>
    <message>
        <source>The model “{0}” takes {1} images, but {2} has {3} images; choose {4} in the training panel below.</source>
        <translation>模型“{0}”接收 {1} 的图像，但{2}的图像是 {3}；请在下方的训练面板中选择{4}。</translation>
    </message>
    <message>
        <source>The model “{0}” takes {1} images, but {2} has {3} images, and none of the lab's data sets fits it.</source>
        <translation>模型“{0}”接收 {1} 的图像，但{2}的图像是 {3}，而实验室里没有适合它的数据集。</translation>
    </message>
    <message>
        <source>There is not enough memory to look through these images; choose a smaller data set.</source>
        <translation>内存不够，无法查看这些图像；请选择一个较小的数据集。</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>a photo folder</source>
        <translation>一个照片文件夹</translation>
    </message>
</context>
<context>
    <name>CnnTrainingPanel</name>
    <message>
        <source>The pictures the network learns from</source>
        <translation>网络用来学习的图片</translation>
    </message>
    <message>
        <source>the shipped kernels</source>
        <translation>自带的卷积核</translation>
    </message>
    <message>
        <source>random weights</source>
        <translation>随机权重</translation>
    </message>
    <message>
        <source>Fine-tune the kernels of the network that comes with Glassbox, or learn everything from random numbers</source>
        <translation>微调 Glassbox 自带网络的卷积核，或者从随机数开始学习一切</translation>
    </message>
    <message>
        <source>The step length of gradient descent: too small crawls, too large diverges</source>
        <translation>梯度下降的步长：太小走得慢，太大会发散</translation>
    </message>
    <message>
        <source>Pictures per training step</source>
        <translation>每一步训练用的图片数</translation>
    </message>
    <message>
        <source>Slow training down to watch each kernel change</source>
        <translation>放慢训练，看每个卷积核如何变化</translation>
    </message>
    <message>
        <source>Load data</source>
        <translation>载入数据</translation>
    </message>
    <message>
        <source>Read or draw the pictures and build a fresh network on them</source>
        <translation>读取或生成图片，并在上面新建一个网络</translation>
    </message>
    <message>
        <source>▶ Train</source>
        <translation>▶ 训练</translation>
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
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Keep this network as a model: it joins the Network list, and main.py evaluate --model can test it</source>
        <translation>把这个网络保存为模型：它会出现在“网络”列表中，也可以在命令行里测试它</translation>
    </message>
    <message>
        <source>Choose pictures and press Load data to train this network live.</source>
        <translation>选择图片并按“载入数据”，即可现场训练这个网络。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Train on:</source>
        <translation>训练数据：</translation>
    </message>
    <message>
        <source>from:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批量：</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>&lt;span style='color:{0}'&gt;━&lt;/span&gt; training batches &amp;nbsp; &lt;span style='color:{1}'&gt;┅&lt;/span&gt; held-out pictures</source>
        <translation>&lt;span style='color:{0}'&gt;━&lt;/span&gt; 训练批量 &amp;nbsp; &lt;span style='color:{1}'&gt;┅&lt;/span&gt; 测试集图片</translation>
    </message>
    <message>
        <source>Train this network live</source>
        <translation>现场训练这个网络</translation>
    </message>
    <message>
        <source>Show or hide the controls for training the network and its loss curve</source>
        <translation>显示或隐藏训练网络的控件和损失曲线</translation>
    </message>
    <message>
        <source>The pictures are not downloaded, so nothing was loaded; the network you had is unchanged.</source>
        <translation>图片还没有下载，所以什么也没载入；原来的网络没有变。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>A folder with one subfolder per class</source>
        <translation>每个类别一个子文件夹的文件夹</translation>
    </message>
    <message>
        <source>Save the network</source>
        <translation>保存网络</translation>
    </message>
    <message>
        <source>A name for this model (letters, digits, - and _):</source>
        <translation>给这个模型起个名字（字母、数字、- 和 _）：</translation>
    </message>
    <message>
        <source>Replace the model?</source>
        <translation>替换这个模型吗？</translation>
    </message>
    <message>
        <source>A model called '{0}' is already saved. Replace it with this network?</source>
        <translation>已经保存了一个名为“{0}”的模型。要用这个网络替换它吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>{0}: {1:,} of {2:,}</source>
        <translation>{0}：{1:,} / {2:,}</translation>
    </message>
    <message>
        <source>{0}: {1:,} training and {2:,} held-out pictures of {3} classes, starting from {4}, on {5}.</source>
        <translation>{0}：{1:,} 张训练图片和 {2:,} 张测试集图片，共 {3} 个类别，从{4}开始，在 {5} 上训练。</translation>
    </message>
    <message>
        <source>{0} unreadable file(s) were skipped ({1}); hover here for why.</source>
        <translation>跳过了 {0} 个无法读取的文件（{1}）；把鼠标停在这里可以看原因。</translation>
    </message>
    <message>
        <source>training {0:.0%}</source>
        <translation>训练 {0:.0%}</translation>
    </message>
    <message>
        <source>held out {0:.1%}</source>
        <translation>测试集 {0:.1%}</translation>
    </message>
    <message>
        <source>Accuracy: </source>
        <translation>准确率：</translation>
    </message>
    <message>
        <source> · {0:,.0f} steps/s</source>
        <translation> · 每秒 {0:,.0f} 步</translation>
    </message>
    <message>
        <source>step {0:,} · epoch {1:.2f}</source>
        <translation>第 {0:,} 步 · 第 {1:.2f} 轮</translation>
    </message>
    <message>
        <source>Saved as '{0}' in {1}: choose it in the Network list, or test it with python main.py evaluate --model {0} --folder …</source>
        <translation>已保存为“{0}”，位于 {1}：可在“网络”列表中选择它，或用 python main.py evaluate --model {0} --folder … 测试它</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>停止载入</translation>
    </message>
    <message>
        <source>Train or pause</source>
        <translation>训练或暂停</translation>
    </message>
</context>
<context>
    <name>ColourBar</name>
    <message>
        <source>orange = positive
blue = negative, white = 0</source>
        <translation>橙色 = 正
蓝色 = 负，白色 = 0</translation>
    </message>
    <message>
        <source>dark = low
light = high</source>
        <translation>暗 = 低
亮 = 高</translation>
    </message>
</context>
<context>
    <name>ConfusionSwitch</name>
    <message>
        <source>▦ Confusion matrix</source>
        <translation>▦ 混淆矩阵</translation>
    </message>
    <message>
        <source>Which held-out pictures the network in training gets wrong, and what it takes them for: a window that updates as it trains</source>
        <translation>训练中的网络认错了哪些测试集图片，又把它们认成了什么：这个窗口会随着训练不断更新</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>No matrix yet: press Load data in the training panel, and the held-out pictures are counted here as the network trains.</source>
        <translation>还没有矩阵：在训练面板中按“载入数据”，网络一边训练，这里就一边统计它在测试集图片上的表现。</translation>
    </message>
    <message>
        <source>Accuracy {0:.1%} on {1:,} pictures of the folder</source>
        <translation>在文件夹的 {1:,} 张图片上，准确率 {0:.1%}</translation>
    </message>
    <message>
        <source>Accuracy {0:.1%} on the first {1:,} of {2:,} held-out pictures</source>
        <translation>在 {2:,} 张测试集图片的前 {1:,} 张上，准确率 {0:.1%}</translation>
    </message>
    <message>
        <source>Accuracy {0:.1%} on {1:,} held-out pictures</source>
        <translation>在 {1:,} 张测试集图片上，准确率 {0:.1%}</translation>
    </message>
    <message>
        <source> · step {0:,}</source>
        <translation> · 第 {0:,} 步</translation>
    </message>
    <message>
        <source>{0} of the {1:,} pictures of '{2}' were read correctly ({3:.0%}).</source>
        <translation>“{2}”的 {1:,} 张图片中，有 {0} 张认对了（{3:.0%}）。</translation>
    </message>
    <message>
        <source>{0} of the {1:,} pictures of '{2}' were read as '{3}' ({4:.0%}).</source>
        <translation>“{2}”的 {1:,} 张图片中，有 {0} 张被认成了“{3}”（{4:.0%}）。</translation>
    </message>
    <message>
        <source>Click to see them.</source>
        <translation>点击查看这些图片。</translation>
    </message>
    <message>
        <source>predicted as →</source>
        <translation>被认成 →</translation>
    </message>
    <message>
        <source>true class →</source>
        <translation>真实类别 →</translation>
    </message>
    <message>
        <source>of the true class · framed: read correctly</source>
        <translation>（占真实类别的比例）· 加框：认对了</translation>
    </message>
</context>
<context>
    <name>ConfusionWindow</name>
    <message>
        <source>No picture of '{0}' was read correctly.</source>
        <translation>“{0}”的图片一张也没有认对。</translation>
    </message>
    <message>
        <source>No picture of '{0}' was read as '{1}'.</source>
        <translation>没有一张“{0}”的图片被认成“{1}”。</translation>
    </message>
    <message>
        <source>These {0} pictures of '{1}' were read correctly.</source>
        <translation>这 {0} 张“{1}”的图片认对了。</translation>
    </message>
    <message>
        <source>These {0} pictures of '{1}' were read as '{2}'.</source>
        <translation>这 {0} 张“{1}”的图片被认成了“{2}”。</translation>
    </message>
    <message>
        <source>The first {0} are shown.</source>
        <translation>这里显示前 {0} 张。</translation>
    </message>
    <message>
        <source>Click a cell to see its pictures. The framed cells are right answers; every other cell holds pictures of one class taken for another.</source>
        <translation>点击一个格子，查看其中的图片。加框的格子是认对的；其他每个格子里，都是把一个类别错认成另一个类别的图片。</translation>
    </message>
    <message>
        <source>Confusion matrix of the network in training</source>
        <translation>训练中网络的混淆矩阵</translation>
    </message>
</context>
<context>
    <name>ConvTab</name>
    <message>
        <source>Choose a sample, open or paste an image, drop a file here, or draw a digit.</source>
        <translation>选择一个示例，打开或粘贴图像，把文件拖到这里，或者画一个数字。</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>{0} model(s) in the models folder cannot be used; the first: {1}</source>
        <translation>模型文件夹中有 {0} 个模型无法使用；第一个：{1}</translation>
    </message>
    <message>
        <source>training: {0}</source>
        <translation>训练中：{0}</translation>
    </message>
    <message>
        <source>The network being trained below, as it is right now</source>
        <translation>下面正在训练的网络此刻的样子</translation>
    </message>
    <message>
        <source>{0} is loaded, but no trained network is installed: run scripts/train_models.py to create the digits and shapes models (the kernel playground works without one).</source>
        <translation>已载入 {0}，但没有安装训练好的网络：运行 scripts/train_models.py 生成数字和形状模型（卷积核实验台不需要模型也能用）。</translation>
    </message>
    <message>
        <source>the network in training on {0}</source>
        <translation>正在 {0} 上训练的网络</translation>
    </message>
    <message>
        <source>the {0} network</source>
        <translation>{0}网络</translation>
    </message>
    <message>
        <source>What {0} makes of {1}</source>
        <translation>{0}如何理解“{1}”</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <source>Download {0}</source>
        <translation>下载 {0}</translation>
    </message>
    <message>
        <source>Downloading {0}</source>
        <translation>正在下载 {0}</translation>
    </message>
    <message>
        <source>Into: {0}</source>
        <translation>保存到：{0}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Stopping after the current piece…</source>
        <translation>当前这一块完成后停止…</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>文件：{0}</translation>
    </message>
    <message>
        <source>{0} so far</source>
        <translation>已下载 {0}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <source>{0} · file {1} of {2}</source>
        <translation>{0} · 第 {1} 个文件，共 {2} 个</translation>
    </message>
    <message>
        <source>The download stopped without a word; try again.</source>
        <translation>下载意外中止；请重试。</translation>
    </message>
    <message>
        <source>{0} could not be downloaded</source>
        <translation>无法下载 {0}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Pen:</source>
        <translation>笔：</translation>
    </message>
    <message>
        <source>The width of the pen, in pixels of the 280×280 drawing</source>
        <translation>笔的粗细，以 280×280 画面的像素计</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Take back the last stroke (Ctrl+Z)</source>
        <translation>撤销上一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Start again on a clean sheet</source>
        <translation>换一张白纸重新开始</translation>
    </message>
</context>
<context>
    <name>DreamView</name>
    <message>
        <source>step {0} of {1} · value {2}</source>
        <translation>第 {0} 步，共 {1} 步 · 值 {2}</translation>
    </message>
    <message>
        <source>how strongly it excites the channel</source>
        <translation>它让这个通道响应得有多强</translation>
    </message>
</context>
<context>
    <name>ImagePanel</name>
    <message>
        <source> · {0} × {1} px</source>
        <translation> · {0} × {1} 像素</translation>
    </message>
</context>
<context>
    <name>KernelPlayground</name>
    <message>
        <source>Every kernel value must be a number; the previous kernel is kept.</source>
        <translation>卷积核的每个值都必须是数字；保留原来的卷积核。</translation>
    </message>
</context>
<context>
    <name>LiveTraining</name>
    <message>
        <source>There is no CNN in training yet: in the Convolution tab, choose pictures, press Load data and train for a while, then press Compute.</source>
        <translation>还没有正在训练的 CNN：在“卷积”标签页中选择图片，按“载入数据”训练一会儿，再按“计算”。</translation>
    </message>
    <message>
        <source>Nothing was saved: the model '{0}' that was there is unchanged.</source>
        <translation>没有保存任何内容：原有的模型“{0}”保持不变。</translation>
    </message>
    <message>
        <source>Saving as '{0}'…</source>
        <translation>正在保存为“{0}”…</translation>
    </message>
</context>
<context>
    <name>MapDetail</name>
    <message>
        <source>Point at a pixel or a kernel cell to read its value.</source>
        <translation>把鼠标指向一个像素或卷积核的格子，即可读出它的值。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>What does this channel look for?</source>
        <translation>这个通道在找什么？</translation>
    </message>
    <message>
        <source>The test images that excite this channel most, and the image it likes best, in the lab's "What a channel looks for" view.</source>
        <translation>在实验室的“通道在找什么”视图中，查看最能激活这个通道的测试图像，以及它最喜欢的图像。</translation>
    </message>
    <message>
        <source>the channel, enlarged</source>
        <translation>放大的通道</translation>
    </message>
    <message>
        <source>the map, enlarged</source>
        <translation>放大的特征图</translation>
    </message>
    <message>
        <source>its kernels: one per input map</source>
        <translation>它的卷积核：每张输入图一个</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>before {0}</source>
        <translation>{0}之前</translation>
    </message>
    <message>
        <source>after {0}</source>
        <translation>{0}之后</translation>
    </message>
    <message>
        <source>kernel for {0}</source>
        <translation>{0}的卷积核</translation>
    </message>
    <message>
        <source>{0} · map {1} of {2}</source>
        <translation>{0} · 第 {1} 张特征图，共 {2} 张</translation>
    </message>
    <message>
        <source>before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>after</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>ReLU keeps every positive value and turns every negative one into 0: the blue disappears, the orange stays exactly as it was.</source>
        <translation>ReLU 保留所有正值，把所有负值变成 0：蓝色消失，橙色保持原样。</translation>
    </message>
    <message>
        <source>largest</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Pooling cuts the map into {0}×{1} blocks (the grey grid) and keeps the {2} value of each block: the map shrinks from {3}×{4} to {5}×{6} and keeps where the features are.</source>
        <translation>池化把特征图切成 {0}×{1} 的小块（灰色网格），每块保留{2}值：特征图从 {3}×{4} 缩小到 {5}×{6}，但保留了特征所在的位置。</translation>
    </message>
    <message>
        <source>One channel of the image the network was fed: a grid of numbers, bright where the number is large.</source>
        <translation>输入网络的图像的一个通道：一格一格的数字，数越大越亮。</translation>
    </message>
    <message>
        <source>map</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>+ bias b = {0}</source>
        <translation>+ 偏置 b = {0}</translation>
    </message>
    <message>
        <source>The kernel slides over the input; at every position its numbers multiply the pixels under it, and the products are added up, plus the bias b = {1}, to give one pixel of this map. Blue numbers are negative, orange positive.</source>
        <translation>卷积核在输入上滑动；在每个位置，它的数字与下面的像素相乘，乘积相加再加上偏置 b = {1}，得到这张特征图的一个像素。蓝色的数为负，橙色的数为正。</translation>
    </message>
    <message>
        <source>Each kernel slides over one of the {0} input maps; at every position its numbers multiply the pixels under it. The products of all {0} kernels are added up, plus the bias b = {1}, to give one pixel of this map. Blue numbers are negative, orange positive.</source>
        <translation>每个卷积核在 {0} 张输入图中的一张上滑动；在每个位置，它的数字与下面的像素相乘。{0} 个卷积核的乘积全部相加，再加上偏置 b = {1}，得到这张特征图的一个像素。蓝色的数为负，橙色的数为正。</translation>
    </message>
    <message>
        <source>{0} · row {1}, column {2}: {3}</source>
        <translation>{0} · 第 {1} 行，第 {2} 列：{3}</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>Left button: draw.  Right button: rub out.  Ctrl+Z: undo the last stroke.</source>
        <translation>左键：画。右键：擦除。Ctrl+Z：撤销上一笔。</translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation>在这里画一个数字</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>Undo the last position</source>
        <translation>撤销上一个位置</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>Play or pause the sliding window</source>
        <translation>播放或暂停滑动窗口</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>单步 ▶</translation>
    </message>
    <message>
        <source>Compute one more position</source>
        <translation>再算一个位置</translation>
    </message>
    <message>
        <source>To the end ▶▶</source>
        <translation>到结尾 ▶▶</translation>
    </message>
    <message>
        <source>Compute every position at once</source>
        <translation>一次算完所有位置</translation>
    </message>
    <message>
        <source>Playback speed, from 0.1× to 10×</source>
        <translation>播放速度，从 0.1× 到 10×</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>▮▮ Pause</source>
        <translation>▮▮ 暂停</translation>
    </message>
    <message>
        <source>Position {0} of {1}</source>
        <translation>位置 {0} / {1}</translation>
    </message>
</context>
<context>
    <name>SaliencyFigure</name>
    <message>
        <source>Class probabilities</source>
        <translation>各类别的概率</translation>
    </message>
    <message>
        <source>▶ the class explained
★ the network's answer</source>
        <translation>▶ 正在解释的类别
★ 网络的回答</translation>
    </message>
</context>
<context>
    <name>SaliencyView</name>
    <message>
        <source>Load an image to see where the network looks.</source>
        <translation>载入一张图像，看看网络在看哪里。</translation>
    </message>
    <message>
        <source>Why {0}? The maps explain the network's answer.</source>
        <translation>为什么是 {0}？这些图解释网络的回答。</translation>
    </message>
    <message>
        <source>Where does the network see {0}? (Its answer is {1}.)</source>
        <translation>网络在哪里看到了 {0}？（它的回答是 {1}。）</translation>
    </message>
    <message>
        <source>Bright: a tiny change here moves the score for {0} most.</source>
        <translation>亮处：在这里做一点点改动，{0} 的得分变化最大。</translation>
    </message>
    <message>
        <source>Bright: where the maps of layer {1} push the score for {0} up.</source>
        <translation>亮处：{1} 层的特征图在这里把 {0} 的得分往上推。</translation>
    </message>
    <message>
        <source>Nothing in the maps of layer {1} pushes the score for {0} up.</source>
        <translation>{1} 层的特征图里没有任何地方把 {0} 的得分往上推。</translation>
    </message>
    <message>
        <source>Where the grey square hides bright pixels, the score for {0} drops most (by up to {1}).</source>
        <translation>灰色方块盖住亮处的像素时，{0} 的得分下降最多（最多下降 {1}）。</translation>
    </message>
    <message>
        <source>Covering any part of the image does not lower the score for {0}.</source>
        <translation>盖住图像的任何部分都不会让 {0} 的得分下降。</translation>
    </message>
</context>
<context>
    <name>SourceStrip</name>
    <message>
        <source>none installed</source>
        <translation>未安装</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Loading was cancelled; the network you had is unchanged.</source>
        <translation>已取消载入；原来的网络没有变。</translation>
    </message>
    <message>
        <source>These images need more memory than there is; choose a smaller set.</source>
        <translation>这些图像需要的内存超过了现有内存；请选择小一些的数据集。</translation>
    </message>
    <message>
        <source>Training ran out of memory; choose a smaller batch.</source>
        <translation>训练时内存不足；请选择小一些的批量。</translation>
    </message>
    <message>
        <source>The confusion matrix needs more memory than there is; training goes on.</source>
        <translation>混淆矩阵需要的内存超出了可用内存；训练会继续进行。</translation>
    </message>
    <message>
        <source>'{0}' is the name of a model that comes with Glassbox; choose another name.</source>
        <translation>“{0}”是 Glassbox 自带模型的名字；请换一个名字。</translation>
    </message>
    <message>
        <source>The model '{0}' was not saved ({1}); the network in training is unchanged and Train, Step and Save still work.</source>
        <translation>模型“{0}”没有保存（{1}）；正在训练的网络没有改变，“训练”“单步”和“保存”仍然可以使用。</translation>
    </message>
</context>
</TS>