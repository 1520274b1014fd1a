<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助并退出</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多需要一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可能是 %(matches)s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>忽略了多余的值 %r</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>需要参数 %s 之一</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>未知的命令 %(parser_name)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>can't open '%(filename)s': %(error)s</source>
        <translation>无法打开 '%(filename)s'：%(error)s</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Not enough memory for this; use a smaller network, fewer points or a lower resolution.</source>
        <translation>内存不足；请使用更小的网络、更少的点或更低的分辨率。</translation>
    </message>
    <message>
        <source>unexpected failure ({0}: {1}); rerun with GLASSBOX_DEBUG=1 for details and please report it.</source>
        <translation>意外错误（{0}：{1}）；请设置 GLASSBOX_DEBUG=1 重新运行以查看详情，并报告此问题。</translation>
    </message>
    <message>
        <source>A path given is too long for this system ('{0}'); use a shorter one.</source>
        <translation>给出的路径对本系统来说太长（'{0}'）；请使用更短的路径。</translation>
    </message>
    <message>
        <source>'{0}': {1}.</source>
        <translation>'{0}'：{1}。</translation>
    </message>
    <message>
        <source>The system refused: {0}.</source>
        <translation>系统拒绝了操作：{0}。</translation>
    </message>
    <message>
        <source>--models-dir '{0}' is not a folder.</source>
        <translation>--models-dir '{0}' 不是文件夹。</translation>
    </message>
    <message>
        <source>Evaluating '{0}' on {1} images in {2}</source>
        <translation>正在用 {2} 中的 {1} 张图片评估“{0}”</translation>
    </message>
    <message>
        <source>no readable images</source>
        <translation>没有可读取的图片</translation>
    </message>
    <message>
        <source>None of the {0} image files in '{1}' could be read; see the reasons above.</source>
        <translation>'{1}' 中的 {0} 个图片文件都无法读取；原因见上文。</translation>
    </message>
    <message>
        <source>confusion matrix written to {0}</source>
        <translation>混淆矩阵已写入 {0}</translation>
    </message>
    <message>
        <source>skipped {0} unreadable file:</source>
        <translation>跳过了 {0} 个无法读取的文件：</translation>
    </message>
    <message>
        <source>skipped {0} unreadable files:</source>
        <translation>跳过了 {0} 个无法读取的文件：</translation>
    </message>
    <message>
        <source>... and {0} more</source>
        <translation>……还有 {0} 个</translation>
    </message>
    <message>
        <source>{0} '{1}' is too long a path for this system; use a shorter one.</source>
        <translation>{0} '{1}' 的路径对本系统来说太长；请使用更短的路径。</translation>
    </message>
    <message>
        <source>{0} '{1}' cannot be opened: {2}.</source>
        <translation>{0} '{1}' 无法打开：{2}。</translation>
    </message>
    <message>
        <source>{0} '{1}' is not a usable path.</source>
        <translation>{0} '{1}' 不是可用的路径。</translation>
    </message>
    <message>
        <source>Unknown export '{0}'; choose one of: {1}.</source>
        <translation>未知的导出类型“{0}”；请从以下选择：{1}。</translation>
    </message>
    <message>
        <source>--lesson applies to export handout and snapshot, not to export {0}.</source>
        <translation>--lesson 只用于 export handout 和 snapshot，不能用于 export {0}。</translation>
    </message>
    <message>
        <source>--session applies to export trace and export session, not to export {0}.</source>
        <translation>--session 只用于 export trace 和 export session，不能用于 export {0}。</translation>
    </message>
    <message>
        <source>--example must be between 0 and {0} (the training set's size minus one), not {1}.</source>
        <translation>--example 必须在 0 到 {0}（训练集大小减一）之间，而不是 {1}。</translation>
    </message>
    <message>
        <source>--steps for a race must be between {0} and {1}, not {2}.</source>
        <translation>优化器赛跑的 --steps 必须在 {0} 到 {1} 之间，不能是 {2}。</translation>
    </message>
    <message>
        <source>--view kernel needs --image PATH: the picture the kernel slides over.</source>
        <translation>--view kernel 需要 --image 路径：卷积核要在这张图片上滑动。</translation>
    </message>
    <message>
        <source>Unknown --kernel '{0}'; choose one of: {1}.</source>
        <translation>没有名为“{0}”的 --kernel；请从这些中选择：{1}。</translation>
    </message>
    <message>
        <source>Unknown --operation '{0}'; choose one of: {1}.</source>
        <translation>没有名为“{0}”的 --operation；请从这些中选择：{1}。</translation>
    </message>
    <message>
        <source>--grid must be one of {0}, not {1}.</source>
        <translation>--grid 必须是 {0} 之一，不能是 {1}。</translation>
    </message>
    <message>
        <source>{0} must be between {1} and {2}, not {3}.</source>
        <translation>{0} 必须在 {1} 到 {2} 之间，不能是 {3}。</translation>
    </message>
    <message>
        <source>The trace of example {0} holds numbers that are not finite (the update overflows); lower the learning rate.</source>
        <translation>样本 {0} 的记录含有非有限的数（更新溢出了）；请降低学习率。</translation>
    </message>
    <message>
        <source>export landscape writes one path: use --optimizer NAME, not --optimizers.</source>
        <translation>export landscape 只写一条路径：请用 --optimizer 名称，而不是 --optimizers。</translation>
    </message>
    <message>
        <source>--directions slices a network; it does not apply to --surface.</source>
        <translation>--directions 用于网络的切片，不适用于 --surface。</translation>
    </message>
    <message>
        <source>{0} diverged at step {1}; the path stops there.</source>
        <translation>{0} 在第 {1} 步发散；路径到此为止。</translation>
    </message>
    <message>
        <source>export landscape (a slice of the network)</source>
        <translation>export landscape（网络的损失切片）</translation>
    </message>
    <message>
        <source>This command needs --image PATH: the picture to run through the network.</source>
        <translation>此命令需要 --image 路径：要送入网络的图片。</translation>
    </message>
    <message>
        <source>No trained model was found in {0}; run scripts/train_models.py to create the digits and shapes models.</source>
        <translation>在 {0} 中没有找到训练好的模型；请运行 scripts/train_models.py 生成 digits 和 shapes 模型。</translation>
    </message>
    <message>
        <source>Unknown model '{0}'; choose one of: {1}.</source>
        <translation>未知的模型“{0}”；请从以下选择：{1}。</translation>
    </message>
    <message>
        <source>Unknown --directions '{0}'; choose random or pca.</source>
        <translation>未知的 --directions “{0}”；请选择 random 或 pca。</translation>
    </message>
    <message>
        <source>--{0} applies to a --surface, not to a network's landscape.</source>
        <translation>--{0} 只用于 --surface，不适用于网络的损失曲面。</translation>
    </message>
    <message>
        <source>training diverged at step {0}; the slice is around the last finite weights.</source>
        <translation>训练在第 {0} 步发散；切片以最后一组有限的权重为中心。</translation>
    </message>
    <message>
        <source>--lang must be zh_CN or en, not '{0}'.</source>
        <translation>--lang 必须是 zh_CN 或 en，而不是“{0}”。</translation>
    </message>
    <message>
        <source>--steps must be between 0 and {0}, not {1}.</source>
        <translation>--steps 必须在 0 到 {0} 之间，而不是 {1}。</translation>
    </message>
    <message>
        <source>--out needs a file name.</source>
        <translation>--out 需要一个文件名。</translation>
    </message>
    <message>
        <source>--out '{0}' is not text in this system's encoding, so it could not be printed as written; choose a name made of letters and digits.</source>
        <translation>--out '{0}' 不是本系统编码下的文本，无法按写入的名字原样打印；请选择由字母和数字组成的文件名。</translation>
    </message>
    <message>
        <source>--out '{0}' holds a control character (such as a new line); choose a plain file name.</source>
        <translation>--out '{0}' 含有控制字符（例如换行）；请选择一个普通的文件名。</translation>
    </message>
    <message>
        <source>--out '{0}' is a folder; give a file name inside it.</source>
        <translation>--out '{0}' 是文件夹；请给出其中的一个文件名。</translation>
    </message>
    <message>
        <source>Cannot write '{0}': '{1}' is a file, not a folder.</source>
        <translation>无法写入 '{0}'：'{1}' 是文件，不是文件夹。</translation>
    </message>
    <message>
        <source>Cannot write '{0}': the folder '{1}' does not exist.</source>
        <translation>无法写入 '{0}'：文件夹 '{1}' 不存在。</translation>
    </message>
    <message>
        <source>Cannot write '{0}': it is a device, pipe or socket, not a file; choose a file name.</source>
        <translation>无法写入 '{0}'：它是设备、管道或套接字，不是文件；请选择一个文件名。</translation>
    </message>
    <message>
        <source>Cannot write '{0}': permission denied; choose another --out.</source>
        <translation>无法写入 '{0}'：没有权限；请换一个 --out。</translation>
    </message>
    <message>
        <source>--size must look like 1600x900, not '{0}'.</source>
        <translation>--size 的格式应像 1600x900，而不是“{0}”。</translation>
    </message>
    <message>
        <source>--size must be between 200x200 and 8000x8000, not {0}.</source>
        <translation>--size 必须在 200x200 到 8000x8000 之间，而不是 {0}。</translation>
    </message>
    <message>
        <source>{0} apply only to the commands that look into a CNN (snapshot --view cnn, saliency, channel or confusion; export features, saliency, channel-images or dream; evaluate), not to {1}.</source>
        <translation>{0} 只用于查看 CNN 的命令（snapshot --view cnn、saliency、channel 或 confusion；export features、saliency、channel-images 或 dream；evaluate），不用于 {1}。</translation>
    </message>
    <message>
        <source>export saliency needs --method: one of {0}.</source>
        <translation>export saliency 需要 --method：{0} 之一。</translation>
    </message>
    <message>
        <source>Unknown --method '{0}'; choose one of: {1}.</source>
        <translation>未知的 --method“{0}”；请从以下选择：{1}。</translation>
    </message>
    <message>
        <source>{0} applies only to --method occlusion, not to {1}.</source>
        <translation>{0} 只用于 --method occlusion，不用于 {1}。</translation>
    </message>
    <message>
        <source>animation (export animation)</source>
        <translation>动画（export animation）</translation>
    </message>
    <message>
        <source>what to record: network (one example's forward, loss, backward and update), training (the network, its boundary and the loss curves while it learns), landscape (the optimizer race on a --surface) or kernel (the kernel sliding over --image)</source>
        <translation>要录制的内容：network（一个样本的前向传播、损失、反向传播和更新）、training（网络学习过程中的网络图、决策边界和损失曲线）、landscape（在 --surface 曲面上的优化器赛跑）或 kernel（卷积核在 --image 图片上滑动）</translation>
    </message>
    <message>
        <source>frames per second (default 15 for a GIF, 25 for an MP4)</source>
        <translation>每秒帧数（GIF 默认 15，MP4 默认 25）</translation>
    </message>
    <message>
        <source>the animation's length in seconds, 1 to 120 (default 8)</source>
        <translation>动画时长（秒），1 到 120（默认 8）</translation>
    </message>
    <message>
        <source>the frame size WIDTHxHEIGHT (default 960x540)</source>
        <translation>画面尺寸 宽x高（默认 960x540）</translation>
    </message>
    <message>
        <source>kernel: identity, box_blur, gaussian_blur, sharpen, sobel_x (the default), sobel_y, laplacian or emboss</source>
        <translation>kernel：卷积核，可选 identity、box_blur、gaussian_blur、sharpen、sobel_x（默认）、sobel_y、laplacian 或 emboss</translation>
    </message>
    <message>
        <source>kernel: what to watch slide: convolution (the default), relu, max_pool or avg_pool</source>
        <translation>kernel：要看哪一步滑动：convolution（卷积，默认）、relu、max_pool（最大池化）或 avg_pool（平均池化）</translation>
    </message>
    <message>
        <source>kernel: the image is shrunk to this many pixels a side: 16, 32 (the default) or 64</source>
        <translation>kernel：把图片缩小到每边多少像素：16、32（默认）或 64</translation>
    </message>
    <message>
        <source>kernel: rings of zeros around the image, 0 to 3 (default 0)</source>
        <translation>kernel：图片四周补几圈 0，0 到 3（默认 0）</translation>
    </message>
    <message>
        <source>kernel: how far the window jumps, 1 to 4 (default 1)</source>
        <translation>kernel：窗口每次跳几个像素（步幅），1 到 4（默认 1）</translation>
    </message>
    <message>
        <source>recording: {0}/{1} frames ({2}%)</source>
        <translation>录制中：{0}/{1} 帧（{2}%）</translation>
    </message>
    <message>
        <source>--size must look like 960x540, not '{0}'.</source>
        <translation>--size 的格式应像 960x540，不能是“{0}”。</translation>
    </message>
    <message>
        <source>export animation needs --view: {0}.</source>
        <translation>export animation 需要 --view：{0}。</translation>
    </message>
    <message>
        <source>export animation records one of these views: {0}; not '{1}'.</source>
        <translation>export animation 只能录制这些视图之一：{0}；不能是“{1}”。</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <source>--layer applies only to --method gradcam, not to {0}.</source>
        <translation>--layer 只用于 --method gradcam，不用于 {0}。</translation>
    </message>
    <message>
        <source>Unknown class '{0}' for --target; give a class name ({1}) or a number from 0 to {2}.</source>
        <translation>--target 的类别“{0}”不存在；请给出类别名称（{1}）或 0 到 {2} 之间的编号。</translation>
    </message>
    <message>
        <source>Grad-CAM needs a layer that outputs maps; choose --layer from: {0} (not '{1}').</source>
        <translation>Grad-CAM 需要输出特征图的层；请从以下选择 --layer：{0}（不能是“{1}”）。</translation>
    </message>
    <message>
        <source>--window must be from 1 to {0} pixels (the network sees {1} images), not {2}.</source>
        <translation>--window 必须是 1 到 {0} 像素（网络看到的是 {1} 的图像），不能是 {2}。</translation>
    </message>
    <message>
        <source>--stride must be from 1 to the window ({0} pixels), so that every pixel is covered; not {1}.</source>
        <translation>--stride 必须在 1 到遮挡方块的边长（{0} 像素）之间，这样每个像素都会被遮挡到；不能是 {1}。</translation>
    </message>
    <message>
        <source>The model '{0}' has no layer '{1}'; choose --layer from: {2}.</source>
        <translation>模型“{0}”没有“{1}”层；请从以下选择 --layer：{2}。</translation>
    </message>
    <message>
        <source>--channel must be from 0 to {0} (layer {1} has {2} channels), not {3}.</source>
        <translation>--channel 必须在 0 到 {0} 之间（{1} 层有 {2} 个通道），不能是 {3}。</translation>
    </message>
    <message>
        <source>--k must be from 1 to {0}, not {1}.</source>
        <translation>--k 必须在 1 到 {0} 之间，不能是 {1}。</translation>
    </message>
    <message>
        <source>--steps must be from 1 to {0} for a dream, not {1}.</source>
        <translation>生成图像时 --steps 必须在 1 到 {0} 之间，不能是 {1}。</translation>
    </message>
    <message>
        <source>--seed must be a whole number from 0 to {0}, not {1}.</source>
        <translation>--seed 必须是 0 到 {0} 之间的整数，不能是 {1}。</translation>
    </message>
    <message>
        <source>Give --data or --folder, not both.</source>
        <translation>请给出 --data 或 --folder，不要同时给出两者。</translation>
    </message>
    <message>
        <source>--folder '{0}' is not a folder; give a folder with one subfolder of images per class.</source>
        <translation>--folder“{0}”不是文件夹；请给出一个每个类别各有一个图像子文件夹的文件夹。</translation>
    </message>
    <message>
        <source>This command needs --data ({0}) or --folder DIR.</source>
        <translation>这个命令需要 --data（{0}）或 --folder 文件夹。</translation>
    </message>
    <message>
        <source>Unknown --data '{0}'; choose one of: {1} (or --folder DIR).</source>
        <translation>未知的 --data“{0}”；请从以下选择：{1}（或使用 --folder 文件夹）。</translation>
    </message>
    <message>
        <source>{0} is not in the cache ({1}); download it once in the window (Convolution tab, Train on: {0}), then run this again.</source>
        <translation>{0} 还不在缓存中（{1}）；请先在窗口中下载一次（卷积标签页，“训练数据：”选 {0}），然后再运行这个命令。</translation>
    </message>
    <message>
        <source>a folder's photos</source>
        <translation>文件夹中的照片</translation>
    </message>
    <message>
        <source>The model '{0}' takes {1} images, but {2} are {3}; choose a model and images that fit.</source>
        <translation>模型“{0}”接受 {1} 的图像，但 {2} 是 {3} 的；请选择相互匹配的模型和图像。</translation>
    </message>
    <message>
        <source>loading the images: {0}/{1} ({2}%)</source>
        <translation>正在载入图像：{0}/{1}（{2}%）</translation>
    </message>
    <message>
        <source>{0} apply only to 'snapshot --view landscape' and 'export landscape', not to {1}.</source>
        <translation>{0} 只用于“snapshot --view landscape”和“export landscape”，不适用于 {1}。</translation>
    </message>
    <message>
        <source>{0} does not apply to {1}; leave it out.</source>
        <translation>{0} 不适用于 {1}；请去掉它。</translation>
    </message>
    <message>
        <source>Could not write the PNG '{0}'; check the folder and the disk space.</source>
        <translation>无法写入 PNG 文件 '{0}'；请检查文件夹和磁盘空间。</translation>
    </message>
    <message>
        <source>{0}.</source>
        <translation>{0}。</translation>
    </message>
    <message>
        <source>{0} was given an empty value; give one or leave the option out.</source>
        <translation>{0} 的值为空；请给出一个值，或去掉这个选项。</translation>
    </message>
    <message>
        <source>'{0}' is not a number</source>
        <translation>'{0}' 不是数字</translation>
    </message>
    <message>
        <source>{0} is not a finite number</source>
        <translation>{0} 不是有限的数</translation>
    </message>
    <message>
        <source>'{0}' is not a whole number</source>
        <translation>'{0}' 不是整数</translation>
    </message>
    <message>
        <source>--tab must be one of {0}, not '{1}'.</source>
        <translation>--tab 必须是 {0} 之一，而不是“{1}”。</translation>
    </message>
    <message>
        <source>--tab chooses the window's tab; it does not apply to {0}.</source>
        <translation>--tab 用于选择窗口打开的标签页，不适用于 {0}。</translation>
    </message>
    <message>
        <source>A session file given alone opens the window; for {0}, use --session {1}.</source>
        <translation>单独给出课堂文件会打开窗口；用于 {0} 时，请写 --session {1}。</translation>
    </message>
    <message>
        <source>Give one session file, not {0}.</source>
        <translation>只能给出一个课堂文件，而不是 {0} 个。</translation>
    </message>
    <message>
        <source>'{0}' is neither a command (snapshot, export, evaluate) nor a session file ({1}).</source>
        <translation>“{0}”既不是命令（snapshot、export、evaluate），也不是课堂文件（{1}）。</translation>
    </message>
    <message>
        <source>The session file {0} does not exist.</source>
        <translation>课堂文件 {0} 不存在。</translation>
    </message>
    <message>
        <source>The session file {0} is a folder, not a file.</source>
        <translation>课堂文件 {0} 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>The session file {0} is not a regular file (a pipe or a device?); save the session to a file and open that.</source>
        <translation>课堂文件 {0} 不是普通文件（是管道或设备？）；请先把课堂保存为文件再打开。</translation>
    </message>
    <message>
        <source>The session file {0} cannot be read: permission denied.</source>
        <translation>无法读取课堂文件 {0}：没有权限。</translation>
    </message>
    <message>
        <source>Glassbox: watch a neural network learn.</source>
        <translation>Glassbox：看神经网络如何学习。</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>the tab the window opens on: {0}</source>
        <translation>窗口打开时显示的标签页：{0}</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>the language of the window and of these messages: zh_CN (Simplified Chinese) or en (default: the system's)</source>
        <translation>窗口和这些信息的语言：zh_CN（简体中文）或 en（英文）（默认跟随系统）</translation>
    </message>
    <message>
        <source>start from a saved session (File › Save Session… or export session) instead of training options; --steps then counts extra steps (default 0)</source>
        <translation>从保存的课堂文件开始（文件 › 保存课堂文件… 或 export session），代替训练选项；此时 --steps 表示继续训练的步数（默认 0）</translation>
    </message>
    <message>
        <source>train headless and render a view to PNG</source>
        <translation>在后台训练，并把一个视图保存为 PNG</translation>
    </message>
    <message>
        <source>which view to render: {0} (cnn: what a trained CNN makes of --image)</source>
        <translation>要绘制的视图：{0}（cnn：训练好的 CNN 如何看待 --image）</translation>
    </message>
    <message>
        <source>training steps before rendering (default 300)</source>
        <translation>绘制前训练的步数（默认 300）</translation>
    </message>
    <message>
        <source>; a dream takes 200 by default, the autoencoder 1000</source>
        <translation>；生成图像默认 200 步，自编码器默认 1000 步</translation>
    </message>
    <message>
        <source>the PNG file to write</source>
        <translation>要写入的 PNG 文件</translation>
    </message>
    <message>
        <source>image size WIDTHxHEIGHT (default 1600x900)</source>
        <translation>图片尺寸，宽x高（默认 1600x900）</translation>
    </message>
    <message>
        <source>train headless and write numbers</source>
        <translation>在后台训练并导出数据</translation>
    </message>
    <message>
        <source>metrics: the loss and accuracy curve as CSV; trace: one example's forward, backward and update as JSON; features: every layer's output for --image through a trained CNN, as NumPy .npz; landscape: a loss surface and a descent path (--surface) or a slice of the network's loss, as NumPy .npz; session: the trained network and its settings as a .glassbox session file</source>
        <translation>metrics：损失和准确率曲线，CSV 格式；trace：一个样本的前向传播、反向传播和更新，JSON 格式；features：训练好的 CNN 对 --image 每一层的输出，NumPy .npz 格式；landscape：损失曲面和一条下降路径（--surface），或网络损失的切片，NumPy .npz 格式；session：训练好的网络及其设置，保存为 .glassbox 课堂文件</translation>
    </message>
    <message>
        <source>saliency: where the CNN looks in --image (gradcam, gradient or occlusion), as .npz; channel-images: the held-out images that excite a channel most, as .npz; dream: the image grown to excite a channel, as PNG; autoencoder: train an autoencoder and write its held-out reconstructions and codes, as .npz</source>
        <translation>saliency：CNN 在 --image 中关注哪里（gradcam、gradient 或 occlusion），保存为 .npz；channel-images：最能激活某个通道的测试图像，保存为 .npz；dream：为激活某个通道而生成的图像，保存为 PNG；autoencoder：训练一个自编码器，并把测试图像的重建结果和编码保存为 .npz</translation>
    </message>
    <message>
        <source>handout: a lesson's worksheet to print, as PDF (--lesson)</source>
        <translation>handout：一节课程可打印的学习单，PDF 格式（--lesson）</translation>
    </message>
    <message>
        <source>animation: record a view's animation (--view network, training, landscape or kernel) as GIF or MP4</source>
        <translation>animation：把一个视图的动画录制成 GIF 或 MP4（--view network、training、landscape 或 kernel）</translation>
    </message>
    <message>
        <source>trace: index into the training set (default 0)</source>
        <translation>trace：训练集中样本的序号（默认 0）</translation>
    </message>
    <message>
        <source>training steps (default 300)</source>
        <translation>训练步数（默认 300）</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <source>score a trained CNN on a folder of labelled images</source>
        <translation>用一个带标签的图片文件夹给训练好的 CNN 打分</translation>
    </message>
    <message>
        <source>the trained CNN: digits (the default) or shapes</source>
        <translation>训练好的 CNN：digits（默认）或 shapes</translation>
    </message>
    <message>
        <source>a folder with one subfolder of images per class, named as the model's classes (0 to 9 for digits)</source>
        <translation>每个类别一个子文件夹的图片文件夹，子文件夹按模型的类别命名（digits 为 0 到 9）</translation>
    </message>
    <message>
        <source>folder of trained models (default: the shipped assets/models)</source>
        <translation>训练好的模型所在的文件夹（默认：自带的 assets/models）</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>circle, xor, gauss, spiral, moons, blobs, reg-plane, reg-bumps, or digits (28×28 images, 784 inputs)</source>
        <translation>circle、xor、gauss、spiral、moons、blobs、reg-plane、reg-bumps，或 digits（28×28 图片，784 个输入）</translation>
    </message>
    <message>
        <source>noise level from 0 to 1 (default 0)</source>
        <translation>噪声大小，0 到 1（默认 0）</translation>
    </message>
    <message>
        <source>share of points for training (0.1-0.9)</source>
        <translation>用于训练的数据点比例（0.1–0.9）</translation>
    </message>
    <message>
        <source>number of points to generate (default 500)</source>
        <translation>生成的数据点个数（默认 500）</translation>
    </message>
    <message>
        <source>comma-separated inputs: x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)</source>
        <translation>逗号分隔的输入特征：x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)</translation>
    </message>
    <message>
        <source>comma-separated hidden-layer widths, e.g. 8,8</source>
        <translation>逗号分隔的各隐藏层宽度，例如 8,8</translation>
    </message>
    <message>
        <source>relu, tanh, sigmoid, linear or leaky_relu; or one per hidden layer, e.g. relu,tanh</source>
        <translation>relu、tanh、sigmoid、linear 或 leaky_relu；也可以每个隐藏层一个，例如 relu,tanh</translation>
    </message>
    <message>
        <source>sgd, momentum, nesterov, adagrad, rmsprop, adam or adamw</source>
        <translation>sgd、momentum、nesterov、adagrad、rmsprop、adam 或 adamw</translation>
    </message>
    <message>
        <source>learning rate (default 0.03)</source>
        <translation>学习率（默认 0.03）</translation>
    </message>
    <message>
        <source>batch size (default 16)</source>
        <translation>批量大小（默认 16）</translation>
    </message>
    <message>
        <source>none, l1 or l2</source>
        <translation>none、l1 或 l2</translation>
    </message>
    <message>
        <source>regularisation rate</source>
        <translation>正则化强度</translation>
    </message>
    <message>
        <source>random seed for data, weights and batches (default 0)</source>
        <translation>数据、权重和批量的随机种子（默认 0）</translation>
    </message>
    <message>
        <source>auto (CUDA if available), cpu or cuda</source>
        <translation>auto（有 CUDA 就用 CUDA）、cpu 或 cuda</translation>
    </message>
    <message>
        <source>loss landscape (snapshot --view landscape, export landscape)</source>
        <translation>损失曲面（snapshot --view landscape、export landscape）</translation>
    </message>
    <message>
        <source>a textbook surface: bowl, rosenbrock, himmelblau, saddle, beale, camel or plateau (without it, export landscape slices the network the training options describe)</source>
        <translation>教科书曲面：bowl、rosenbrock、himmelblau、saddle、beale、camel 或 plateau（不给出时，export landscape 对训练选项描述的网络做切片）</translation>
    </message>
    <message>
        <source>snapshot: comma-separated optimizers to race, e.g. sgd,momentum,adam</source>
        <translation>snapshot：参加比赛的优化器，逗号分隔，例如 sgd,momentum,adam</translation>
    </message>
    <message>
        <source>the start point x,y on the surface, e.g. -1,1 (default: the surface's own)</source>
        <translation>曲面上的起点 x,y，例如 -1,1（默认：曲面自带的起点）</translation>
    </message>
    <message>
        <source>momentum for momentum, Nesterov and RMSProp (default 0.9)</source>
        <translation>momentum、Nesterov 和 RMSProp 的动量（默认 0.9）</translation>
    </message>
    <message>
        <source>grid points per axis (default 101 for a surface, 41 for a network)</source>
        <translation>每个坐标轴上的网格点数（曲面默认 101，网络默认 41）</translation>
    </message>
    <message>
        <source>network slice: random (filter-normalised) or pca (of the training path)</source>
        <translation>网络切片的方向：random（按卷积核归一化的随机方向）或 pca（训练路径的主成分）</translation>
    </message>
    <message>
        <source>convolution lab (snapshot --view cnn, saliency, channel, confusion; export features, saliency, channel-images, dream)</source>
        <translation>卷积实验室（snapshot --view cnn、saliency、channel、confusion；export features、saliency、channel-images、dream）</translation>
    </message>
    <message>
        <source>the image to look at: PNG, JPEG, GIF, BMP or WebP</source>
        <translation>要查看的图片：PNG、JPEG、GIF、BMP 或 WebP</translation>
    </message>
    <message>
        <source>the trained CNN: digits (28x28 grey, the default) or shapes (64x64 colour)</source>
        <translation>训练好的 CNN：digits（28x28 灰度，默认）或 shapes（64x64 彩色）</translation>
    </message>
    <message>
        <source>--session already holds the network and its training settings; leave out the training options (--dataset, --hidden, --lr …).</source>
        <translation>--session 已经包含网络和它的训练设置；请去掉训练选项（--dataset、--hidden、--lr 等）。</translation>
    </message>
    <message>
        <source>Could not read the session file '{0}': {1}.</source>
        <translation>无法读取课堂文件 '{0}'：{1}。</translation>
    </message>
    <message>
        <source>The session file '{0}' holds no trained network (it was saved without one).</source>
        <translation>课堂文件 '{0}' 里没有训练过的网络（保存时没有包含）。</translation>
    </message>
    <message>
        <source>--session with --view {0}</source>
        <translation>带 --view {0} 的 --session</translation>
    </message>
    <message>
        <source>The session's lab image is damaged: its pixels are not an 8-bit picture.</source>
        <translation>课堂文件中卷积实验室的图片已损坏：像素不是 8 位图片。</translation>
    </message>
    <message>
        <source>--scene chooses a scene of --lesson; give --lesson ID as well.</source>
        <translation>--scene 用来选择 --lesson 中的场景；请同时给出 --lesson 标识符。</translation>
    </message>
    <message>
        <source>Unknown view '{0}'; choose one of: {1}.</source>
        <translation>未知的视图“{0}”；请从以下选择：{1}。</translation>
    </message>
    <message>
        <source>{0} · step {1}</source>
        <translation>{0} · 第 {1} 步</translation>
    </message>
    <message>
        <source>--view landscape --surface (an optimizer race)</source>
        <translation>--view landscape --surface（优化器比赛）</translation>
    </message>
    <message>
        <source>--view landscape (a slice of the network)</source>
        <translation>--view landscape（网络的损失切片）</translation>
    </message>
    <message>
        <source>no hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <source>{dataset} · hidden {hidden} · {steps} steps · {directions} directions</source>
        <translation>{dataset} · 隐藏层 {hidden} · {steps} 步 · {directions} 方向</translation>
    </message>
    <message>
        <source>What the {model} network makes of {image}</source>
        <translation>{model} 网络眼中的 {image}</translation>
    </message>
    <message>
        <source>cancelled (Ctrl+C); nothing was written.</source>
        <translation>已取消（Ctrl+C）；没有写入任何文件。</translation>
    </message>
    <message>
        <source>training: {0}/{1} steps ({2}%)</source>
        <translation>训练：{0}/{1} 步（{2}%）</translation>
    </message>
    <message>
        <source>slicing: {2}%</source>
        <translation>切片：{2}%</translation>
    </message>
    <message>
        <source>--bottleneck must be from {0} to {1} numbers, not {2}.</source>
        <translation>--bottleneck 必须是 {0} 到 {1} 个数，不能是 {2}。</translation>
    </message>
    <message>
        <source>--noise must be from 0 to 1 (the noise's spread, in pixels from 0 to 1), not {0}.</source>
        <translation>--noise 必须在 0 到 1 之间（噪声的幅度，像素值从 0 到 1 计），不能是 {0}。</translation>
    </message>
    <message>
        <source>confusion matrix (rows: the true class; columns: what it was taken for; [right]):</source>
        <translation>混淆矩阵（行：真实类别；列：被认成的类别；[ ] 为认对的）：</translation>
    </message>
    <message>
        <source>searching the images: {0}/{1} ({2}%)</source>
        <translation>正在查找图像：{0}/{1}（{2}%）</translation>
    </message>
    <message>
        <source>growing the image: {0}/{1} steps ({2}%)</source>
        <translation>正在生成图像：第 {0}/{1} 步（{2}%）</translation>
    </message>
    <message>
        <source>export saliency, channel-images, dream</source>
        <translation>export saliency、channel-images、dream</translation>
    </message>
    <message>
        <source>snapshot --view saliency, channel, confusion</source>
        <translation>snapshot --view saliency、channel、confusion</translation>
    </message>
    <message>
        <source>why the network said that ({0})</source>
        <translation>网络为什么这样判断（{0}）</translation>
    </message>
    <message>
        <source>saliency: gradcam, gradient or occlusion (snapshot: all three unless one is chosen)</source>
        <translation>显著性图：gradcam、gradient 或 occlusion（snapshot：未指定时三种都画）</translation>
    </message>
    <message>
        <source>saliency: the class to explain, by name or number (default: the predicted class)</source>
        <translation>显著性图：要解释的类别，写名称或编号（默认：预测的类别）</translation>
    </message>
    <message>
        <source>the layer by name: Grad-CAM's (default: the last convolution), or the channel's layer</source>
        <translation>层的名称：Grad-CAM 所用的层（默认：最后一个卷积层），或通道所在的层</translation>
    </message>
    <message>
        <source>occlusion: the grey square's side in pixels (default 6)</source>
        <translation>遮挡：灰色方块的边长，单位为像素（默认 6）</translation>
    </message>
    <message>
        <source>occlusion: pixels between two positions of the square (default 2)</source>
        <translation>遮挡：方块每次移动的像素数（默认 2）</translation>
    </message>
    <message>
        <source>the channel (feature map) of --layer to look into, from 0 (default 0)</source>
        <translation>要查看的 --layer 的通道（特征图），从 0 开始（默认 0）</translation>
    </message>
    <message>
        <source>channel images: how many of the images that excite it most, 1 to 100 (default 9)</source>
        <translation>通道图像：显示最能激活该通道的前几张图像，1 到 100（默认 9）</translation>
    </message>
    <message>
        <source>the images: digits, shapes, mnist, fashion-mnist or cifar10 (their held-out part; default: the set the model learned from)</source>
        <translation>图像来源：digits、shapes、mnist、fashion-mnist 或 cifar10（使用其中的测试图像；默认：模型训练用的数据集）</translation>
    </message>
    <message>
        <source>instead of --data: a folder with one subfolder of images per class</source>
        <translation>代替 --data：一个每个类别各有一个图像子文件夹的文件夹</translation>
    </message>
    <message>
        <source>autoencoder (export autoencoder, snapshot --view autoencoder; also --data or --folder, --steps, --seed, --noise)</source>
        <translation>自编码器（export autoencoder、snapshot --view autoencoder；另可用 --data 或 --folder、--steps、--seed、--noise）</translation>
    </message>
    <message>
        <source>the numbers in the middle, 2 to 64 (default 2)</source>
        <translation>中间层（瓶颈）的数字个数，2 到 64（默认 2）</translation>
    </message>
    <message>
        <source>also write the confusion matrix as CSV: the class names, then one row per true class</source>
        <translation>同时把混淆矩阵写成 CSV：先是类别名称，然后每个真实类别一行</translation>
    </message>
    <message>
        <source>--session applies to --view training, network, cnn and landscape, not to --view {0}.</source>
        <translation>--session 只用于 --view training、network、cnn 和 landscape，不用于 --view {0}。</translation>
    </message>
    <message>
        <source>The model '{0}' tells apart {1}, but {2} holds {3}; choose a model trained on these classes.</source>
        <translation>模型“{0}”区分的是 {1}，但 {2} 里是 {3}；请选择用这些类别训练的模型。</translation>
    </message>
    <message>
        <source>reading the images: {0}/{1} ({2}%)</source>
        <translation>正在读取图像：{0}/{1}（{2}%）</translation>
    </message>
    <message>
        <source>None of the {0} image files in '{1}' could be read; check that they are pictures (PNG, JPEG, GIF, BMP or WebP).</source>
        <translation>“{1}”中的 {0} 个图像文件都无法读取；请检查它们是不是图片（PNG、JPEG、GIF、BMP 或 WebP）。</translation>
    </message>
    <message>
        <source>list the lessons, or check a lesson file</source>
        <translation>列出课程，或检查一个课程文件</translation>
    </message>
    <message>
        <source>list the built-in and installed lessons, one a line, identifier first</source>
        <translation>列出内置和已安装的课程，每行一个，标识符在前</translation>
    </message>
    <message>
        <source>check a lesson file: 'ok' with its scenes and minutes, or what is wrong</source>
        <translation>检查课程文件：没问题时显示 'ok' 以及场景数和分钟数，否则说明哪里有错</translation>
    </message>
    <message>
        <source>lessons (snapshot --lesson, export handout)</source>
        <translation>课程（snapshot --lesson、export handout）</translation>
    </message>
    <message>
        <source>a lesson: its identifier (see lesson --list) or a lesson file</source>
        <translation>一节课程：它的标识符（见 lesson --list）或一个课程文件</translation>
    </message>
    <message>
        <source>the scene to picture, from 1 (default 1), as the class sees it: the whole window at 1024x768 unless --size says otherwise</source>
        <translation>要截图的场景，从 1 开始（默认 1），截取学生看到的样子：整个窗口，大小为 1024x768，除非用 --size 另行指定</translation>
    </message>
    <message>
        <source>Give lesson --list, or lesson --check FILE.</source>
        <translation>请使用 lesson --list，或 lesson --check 文件。</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>{0} scenes</source>
        <translation>{0} 个场景</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <source>No lessons found.</source>
        <translation>没有找到任何课程。</translation>
    </message>
    <message>
        <source>--check needs a lesson file.</source>
        <translation>--check 需要一个课程文件。</translation>
    </message>
    <message>
        <source>{0} scenes, {1} minutes</source>
        <translation>{0} 个场景，共 {1} 分钟</translation>
    </message>
    <message>
        <source>The lesson '{0}' has {1} scenes; choose --scene 1 to {1}, not {2}.</source>
        <translation>课程“{0}”共有 {1} 个场景；请选择 --scene 1 到 {1}，而不是 {2}。</translation>
    </message>
    <message>
        <source>export handout needs --lesson ID or --lesson FILE (see lesson --list).</source>
        <translation>export handout 需要 --lesson 标识符或 --lesson 文件（见 lesson --list）。</translation>
    </message>
    <message>
        <source>picturing scene {0} of {1}…</source>
        <translation>正在截取第 {0} 个场景（共 {1} 个）……</translation>
    </message>
</context>
</TS>