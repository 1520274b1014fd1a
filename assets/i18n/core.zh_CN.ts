<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>core</name>
    <message>
        <source>Model '{name}' has unreadable preprocessing settings ({error}); run scripts/train_models.py to rewrite its description.</source>
        <translation>模型“{name}”的预处理设置无法读取（{error}）；请运行 scripts/train_models.py 重新生成它的描述文件。</translation>
    </message>
    <message>
        <source>Model '{name}' says its input is {chosen_channels}×{size_height}×{size_width}, but its architecture takes {channels}×{height}×{width}; run scripts/train_models.py again.</source>
        <translation>模型“{name}”声明的输入是 {chosen_channels}×{size_height}×{size_width}，但它的结构需要 {channels}×{height}×{width}；请重新运行 scripts/train_models.py。</translation>
    </message>
    <message>
        <source>Model '{name}' needs 1 or {channels} mean and positive std values; run scripts/train_models.py to rewrite its description.</source>
        <translation>模型“{name}”需要 1 个或 {channels} 个均值和正的标准差；请运行 scripts/train_models.py 重新生成它的描述文件。</translation>
    </message>
    <message>
        <source>Model '{name}' asks for a digit box of {box} pixels, which only fits a one-channel input of at least that size.</source>
        <translation>模型“{name}”要求 {box} 像素的数字框，这只适用于至少这么大的单通道输入。</translation>
    </message>
    <message>
        <source>No trained model was found in {folder}; run scripts/train_models.py to create the digits and shapes models.</source>
        <translation>在 {folder} 中没有找到训练好的模型；请运行 scripts/train_models.py 生成数字和形状模型。</translation>
    </message>
    <message>
        <source>There is no model '{name}'; choose one of: {choices}.</source>
        <translation>没有名为“{name}”的模型；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>Layer {name!r} has a {what} of {value!r}; only 2-D layers can be shown.</source>
        <translation>层 {name!r} 的{what}是 {value!r}；只能显示二维的层。</translation>
    </message>
    <message>
        <source>Layer {name!r} pads 'same' with an even kernel, which pads unevenly; give it explicit padding.</source>
        <translation>层 {name!r} 用偶数大小的卷积核做“same”填充，两边填充不均匀；请给它指定明确的填充。</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>A layer may not be called {name!r}; rename it in the model.</source>
        <translation>层不能叫 {name!r}；请在模型中给它改名。</translation>
    </message>
    <message>
        <source>dilation</source>
        <translation>空洞率</translation>
    </message>
    <message>
        <source>Layer {name!r} uses dilation, groups or non-zero padding, which the feature view cannot show.</source>
        <translation>层 {name!r} 使用了空洞卷积、分组卷积或非零填充模式，特征视图无法显示。</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Layer {name!r} pools with padding, dilation or ceil mode, which the feature view cannot show.</source>
        <translation>层 {name!r} 的池化用了填充、空洞或向上取整模式，特征视图无法显示。</translation>
    </message>
    <message>
        <source>kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>Layer {name!r} is a {layer_type}, which the feature view cannot show yet.</source>
        <translation>层 {name!r} 是 {layer_type}，特征视图暂时无法显示这种层。</translation>
    </message>
    <message>
        <source>The feature view needs a non-empty torch.nn.Sequential model.</source>
        <translation>特征视图需要一个非空的 torch.nn.Sequential 模型。</translation>
    </message>
    <message>
        <source>The network's input must be one C×H×W image, not shape {shape}.</source>
        <translation>网络的输入必须是一张 C×H×W 的图像，而不是形状 {shape}。</translation>
    </message>
    <message>
        <source>The model expects {expected_channels}-channel images, but this one has {image_channels} channels.</source>
        <translation>模型需要 {expected_channels} 通道的图像，但这张图像有 {image_channels} 个通道。</translation>
    </message>
    <message>
        <source>Layer {name!r} cannot take an input of shape {shape}; the image does not fit this model.</source>
        <translation>层 {name!r} 无法接受形状为 {shape} 的输入；这张图像不适合这个模型。</translation>
    </message>
    <message>
        <source>The model's last layer must output one score per class.</source>
        <translation>模型的最后一层必须为每个类别输出一个分数。</translation>
    </message>
    <message>
        <source>The model outputs {outputs} scores but {count} class names were given.</source>
        <translation>模型输出 {outputs} 个分数，但给出了 {count} 个类别名称。</translation>
    </message>
    <message>
        <source>Unknown normalisation {mode!r}; choose one of {choices}.</source>
        <translation>未知的归一化方式 {mode!r}；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>Maps normalise to uint8 or float32 only.</source>
        <translation>特征图只能归一化为 uint8 或 float32。</translation>
    </message>
    <message>
        <source>Feature maps must be N×H×W, not shape {shape}.</source>
        <translation>特征图必须是 N×H×W，而不是形状 {shape}。</translation>
    </message>
    <message>
        <source>Global normalisation needs the range over all layers; pass global_range.</source>
        <translation>全局归一化需要所有层的取值范围；请传入 global_range。</translation>
    </message>
    <message>
        <source>generated digits</source>
        <translation>生成的数字</translation>
    </message>
    <message>
        <source>generated shapes</source>
        <translation>生成的形状</translation>
    </message>
    <message>
        <source>Glassbox cannot train on {kind!r}; choose one of: {choices}.</source>
        <translation>Glassbox 不能用 {kind!r} 训练；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>drawing {title}</source>
        <translation>正在绘制{title}</translation>
    </message>
    <message>
        <source>{title} is not downloaded yet; download it first (it is fetched once and kept in the cache).</source>
        <translation>{title} 还没有下载；请先下载（只需下载一次，之后保存在缓存中）。</translation>
    </message>
    <message>
        <source>reading {title}</source>
        <translation>正在读取 {title}</translation>
    </message>
    <message>
        <source>The folder '{folder}' has only the class '{class_name}'; a network learns to tell classes apart, so add a second subfolder of other pictures.</source>
        <translation>文件夹“{folder}”里只有类别“{class_name}”；网络要学会区分不同类别，请再添加一个放其他图片的子文件夹。</translation>
    </message>
    <message>
        <source>The folder '{folder}' has {count} subfolders; Glassbox trains on at most {max_classes} classes.</source>
        <translation>文件夹“{folder}”有 {count} 个子文件夹；Glassbox 最多用 {max_classes} 个类别训练。</translation>
    </message>
    <message>
        <source>the folder '{name}'</source>
        <translation>文件夹“{name}”</translation>
    </message>
    <message>
        <source>reading the photos in {title}</source>
        <translation>正在读取{title}中的照片</translation>
    </message>
    <message>
        <source>The class '{class_name}' in '{folder}' has no readable image; add some pictures to its subfolder.</source>
        <translation>“{folder}”中的类别“{class_name}”没有可读取的图像；请在它的子文件夹里放一些图片。</translation>
    </message>
    <message>
        <source>The {title} kernel exists as {sizes} only; pick that size or edit a kernel by hand.</source>
        <translation>{title} 卷积核只有 {sizes} 的大小；请选择这个大小，或手动编辑卷积核。</translation>
    </message>
    <message>
        <source>There is no kernel called {name!r}; choose one of {choices}.</source>
        <translation>没有名为 {name!r} 的卷积核；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>The {what} must be a whole number, not {value!r}.</source>
        <translation>{what}必须是整数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The {what} must be one whole number or two (rows, columns), not {value!r}.</source>
        <translation>{what}必须是一个整数或两个整数（行，列），而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The {what} must be at least {minimum}, not {value!r}.</source>
        <translation>{what}至少为 {minimum}，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The {what} must be a non-empty 2-D array (rows × columns), not shape {shape}.</source>
        <translation>{what}必须是非空的二维数组（行 × 列），而不是形状 {shape}。</translation>
    </message>
    <message>
        <source>The {what} contains a value that is not a finite number; replace it with a number.</source>
        <translation>{what}中有一个值不是有限的数；请把它换成一个数。</translation>
    </message>
    <message>
        <source>input size</source>
        <translation>输入大小</translation>
    </message>
    <message>
        <source>Input and kernel sizes must be at least 1, not {n} and {k}.</source>
        <translation>输入大小和卷积核大小至少为 1，而不是 {n} 和 {k}。</translation>
    </message>
    <message>
        <source>The stride must be at least 1, not {stride}.</source>
        <translation>步长至少为 1，而不是 {stride}。</translation>
    </message>
    <message>
        <source>The padding must be 0 or more, not {padding}.</source>
        <translation>填充必须大于或等于 0，而不是 {padding}。</translation>
    </message>
    <message>
        <source>A window of {k} does not fit in an input of {n} with padding {padding}; use a smaller kernel or more padding.</source>
        <translation>大小为 {k} 的窗口放不进填充为 {padding}、大小为 {n} 的输入；请用更小的卷积核或更多的填充。</translation>
    </message>
    <message>
        <source>The {window_height}×{window_width} {what} does not fit in the {height}×{width} image with padding {padding_height}×{padding_width}; use a smaller {what} or more padding.</source>
        <translation>{window_height}×{window_width} 的{what}放不进填充为 {padding_height}×{padding_width} 的 {height}×{width} 图像；请用更小的{what}或更多的填充。</translation>
    </message>
    <message>
        <source>Luminance needs an H×W×3 RGB image, not shape {shape}.</source>
        <translation>计算亮度需要一张 H×W×3 的 RGB 图像，而不是形状 {shape}。</translation>
    </message>
    <message>
        <source>Unknown channel mode {channels!r}; choose one of {choices}.</source>
        <translation>未知的通道模式 {channels!r}；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>The image must be H×W or H×W×C, not shape {shape}.</source>
        <translation>图像必须是 H×W 或 H×W×C，而不是形状 {shape}。</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>feature map</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Unknown pooling mode {mode!r}; choose one of {choices}.</source>
        <translation>未知的池化方式 {mode!r}；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>pooling window size</source>
        <translation>池化窗口大小</translation>
    </message>
    <message>
        <source>pooling window</source>
        <translation>池化窗口</translation>
    </message>
    <message>
        <source>The lab's trained network has no description, so it cannot be saved in a session.</source>
        <translation>实验室里训练好的网络没有描述，因此无法保存到课堂文件中。</translation>
    </message>
    <message>
        <source>The session's lab model has an unknown format; it was written by another Glassbox.</source>
        <translation>课堂文件中的实验室模型格式未知；它是由另一个版本的 Glassbox 写入的。</translation>
    </message>
    <message>
        <source>The session's lab model has no usable name.</source>
        <translation>课堂文件中的实验室模型没有可用的名称。</translation>
    </message>
    <message>
        <source>The session's lab model '{name}' is named, yet it carries weights.</source>
        <translation>课堂文件中的实验室模型“{name}”有名称，却又带着权重。</translation>
    </message>
    <message>
        <source>The session's lab model '{name}' is of an unknown kind.</source>
        <translation>课堂文件中的实验室模型“{name}”类型未知。</translation>
    </message>
    <message>
        <source>The session's lab model '{name}' has an unknown architecture.</source>
        <translation>课堂文件中的实验室模型“{name}”结构未知。</translation>
    </message>
    <message>
        <source>The session's lab model '{name}' needs 2 to {most} different class names.</source>
        <translation>课堂文件中的实验室模型“{name}”需要 2 到 {most} 个不同的类别名称。</translation>
    </message>
    <message>
        <source>The session's lab model '{name}' has an unreadable description.</source>
        <translation>课堂文件中的实验室模型“{name}”的描述无法读取。</translation>
    </message>
    <message>
        <source>The session's lab model '{name}' has unusable preprocessing settings.</source>
        <translation>课堂文件中的实验室模型“{name}”的预处理设置不可用。</translation>
    </message>
    <message>
        <source>The session's lab model '{name}' does not have the weights its architecture needs.</source>
        <translation>课堂文件中的实验室模型“{name}”缺少它的结构所需的权重。</translation>
    </message>
    <message>
        <source>The session's lab model '{name}' has weights of the wrong shape ({key}).</source>
        <translation>课堂文件中的实验室模型“{name}”有形状不对的权重（{key}）。</translation>
    </message>
    <message>
        <source>The session's lab model '{name}' has weights that are not finite numbers ({key}).</source>
        <translation>课堂文件中的实验室模型“{name}”有不是有限数的权重（{key}）。</translation>
    </message>
    <message>
        <source>The learning rate must be a number above 0 and at most 10, not {value!r}.</source>
        <translation>学习率必须是大于 0 且不超过 10 的数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The batch size must be a whole number from 1 to 4096, not {value!r}.</source>
        <translation>批量大小必须是 1 到 4096 之间的整数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>Start from 'shipped' or 'random' weights, not {value!r}.</source>
        <translation>请从“shipped”（自带）或“random”（随机）权重开始，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>{title} has no training images.</source>
        <translation>{title} 没有训练图像。</translation>
    </message>
    <message>
        <source>{source} holds {size:,} bytes, not a whole number of {record_size:,}-byte records (truncated or corrupt); download the dataset again.</source>
        <translation>{source} 有 {size:,} 字节，不是 {record_size:,} 字节记录的整数倍（文件不完整或已损坏）；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{source} is not a text file of class names; download the dataset again.</source>
        <translation>{source} 不是类别名称的文本文件；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{source} names no classes; download the dataset again.</source>
        <translation>{source} 中没有任何类别名称；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{name} stores {key} as a link or folder, not a plain file; Glassbox refuses to follow it, download the dataset again.</source>
        <translation>{name} 把 {key} 存成了链接或文件夹，而不是普通文件；Glassbox 不会跟随它，请重新下载数据集。</translation>
    </message>
    <message>
        <source>{name} stores an oversized {key} ({size:,} bytes); download the dataset again.</source>
        <translation>{name} 中的 {key} 过大（{size:,} 字节）；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{name} is missing; download the dataset first.</source>
        <translation>缺少 {name}；请先下载数据集。</translation>
    </message>
    <message>
        <source>{name} is not a readable .tar.gz archive ({error}); download the dataset again.</source>
        <translation>{name} 不是可读取的 .tar.gz 压缩包（{error}）；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{name} cannot be read ({error}); download the dataset again.</source>
        <translation>无法读取 {name}（{error}）；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{name} lacks {missing}; it is not the CIFAR-10 binary archive, download the dataset again.</source>
        <translation>{name} 缺少 {missing}；它不是 CIFAR-10 的二进制压缩包，请重新下载数据集。</translation>
    </message>
    <message>
        <source>{archive} has label {largest} but names only {count} classes; download the dataset again.</source>
        <translation>{archive} 中有标签 {largest}，却只列出了 {count} 个类别；请重新下载数据集。</translation>
    </message>
    <message>
        <source>Glassbox knows no dataset called {name!r}; choose one of {choices}.</source>
        <translation>Glassbox 没有名为 {name!r} 的数据集；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>Glassbox cannot write to the download folder {folder} ({error}); free some disk space or set GLASSBOX_CACHE_DIR to a folder you can write to.</source>
        <translation>Glassbox 无法写入下载文件夹 {folder}（{error}）；请腾出一些磁盘空间，或把 GLASSBOX_CACHE_DIR 设为一个可写的文件夹。</translation>
    </message>
    <message>
        <source>{host} answered HTTP {code} ({reason}) for {file_name}; the file may have moved, so try again later or update Glassbox.</source>
        <translation>{host} 对 {file_name} 返回了 HTTP {code}（{reason}）；文件可能已经移走，请稍后再试或更新 Glassbox。</translation>
    </message>
    <message>
        <source>Glassbox could not make a secure connection to {host} ({reason}); check the computer's clock and network, then try again.</source>
        <translation>Glassbox 无法与 {host} 建立安全连接（{reason}）；请检查电脑的时钟和网络，然后再试一次。</translation>
    </message>
    <message>
        <source>Glassbox could not reach {host}: the computer seems to be offline. Connect to the internet and try again, or copy the {title} files into {folder}.</source>
        <translation>Glassbox 无法连接到 {host}：这台电脑似乎没有联网。请连上网络后再试，或把 {title} 的文件复制到 {folder}。</translation>
    </message>
    <message>
        <source>{host} closed the connection before sending {file_name} ({error}); try again.</source>
        <translation>{host} 在发送 {file_name} 之前关闭了连接（{error}）；请再试一次。</translation>
    </message>
    <message>
        <source>{host} answered HTTP {status} for {file_name} instead of the file; try again later.</source>
        <translation>{host} 对 {file_name} 返回了 HTTP {status}，而不是文件本身；请稍后再试。</translation>
    </message>
    <message>
        <source>The download of {title} was cancelled; the unfinished {file_name} was removed, and the files finished so far were kept.</source>
        <translation>{title} 的下载已取消；未下载完的 {file_name} 已删除，已经下载好的文件都保留了。</translation>
    </message>
    <message>
        <source>The download of {title} was cancelled, and the files finished so far were kept.</source>
        <translation>{title} 的下载已取消，已经下载好的文件都保留了。</translation>
    </message>
    <message>
        <source>{file_name} was corrupted in transit (checksum mismatch); it was deleted, try again.</source>
        <translation>{file_name} 在传输中损坏了（校验和不符）；已将其删除，请再试一次。</translation>
    </message>
    <message>
        <source>{host} stopped answering while sending {file_name}; check the internet connection and try again.</source>
        <translation>{host} 在发送 {file_name} 时停止了响应；请检查网络连接后再试。</translation>
    </message>
    <message>
        <source>The {title} files are not in {folder} yet; download the dataset first.</source>
        <translation>{folder} 中还没有 {title} 的文件；请先下载数据集。</translation>
    </message>
    <message>
        <source>{images_name} and {labels_name} do not hold matching uint8 images and labels (shapes {images_shape} and {labels_shape}); download the dataset again.</source>
        <translation>{images_name} 和 {labels_name} 中的 uint8 图像和标签对不上（形状分别为 {images_shape} 和 {labels_shape}）；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{labels_name} has label {largest}, beyond the {count} classes; download the dataset again.</source>
        <translation>{labels_name} 中有标签 {largest}，超出了 {count} 个类别的范围；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{source} is too short to be an IDX file; download the dataset again.</source>
        <translation>{source} 太短，不可能是 IDX 文件；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{source} is not an IDX file (bad magic number 0x{magic}); download the dataset again.</source>
        <translation>{source} 不是 IDX 文件（文件标识 0x{magic} 不对）；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{source} declares {ndim} dimensions, which no dataset has; download the dataset again.</source>
        <translation>{source} 声明有 {ndim} 个维度，没有哪个数据集是这样的；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{source} ends inside its header; download the dataset again.</source>
        <translation>{source} 在文件头中间就结束了；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{source} should hold {expected:,} bytes of data for shape {dims} but holds {actual:,} (truncated or corrupt); download the dataset again.</source>
        <translation>{source} 按形状 {dims} 应有 {expected:,} 字节数据，实际有 {actual:,} 字节（文件不完整或已损坏）；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{name} is a damaged gzip file ({error}); download the dataset again.</source>
        <translation>{name} 是一个损坏的 gzip 文件（{error}）；请重新下载数据集。</translation>
    </message>
    <message>
        <source>{name} cannot be read ({error}); check the file and try again.</source>
        <translation>无法读取 {name}（{error}）；请检查该文件后再试。</translation>
    </message>
    <message>
        <source>{name} is larger than {max_bytes:,} bytes, too large to be a dataset file Glassbox reads; download the dataset again.</source>
        <translation>{name} 超过 {max_bytes:,} 字节，太大了，不是 Glassbox 能读取的数据集文件；请重新下载数据集。</translation>
    </message>
    <message>
        <source>The folder '{name}' does not exist; check the path.</source>
        <translation>文件夹“{name}”不存在；请检查路径。</translation>
    </message>
    <message>
        <source>The path '{name}' is a file, not a folder; give the folder that holds one subfolder per class.</source>
        <translation>路径“{name}”是一个文件，不是文件夹；请给出每个类别各占一个子文件夹的那个文件夹。</translation>
    </message>
    <message>
        <source>The folder '{name}' cannot be read ({reason}); check its permissions.</source>
        <translation>无法读取文件夹“{name}”（{reason}）；请检查它的权限。</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>访问被拒绝</translation>
    </message>
    <message>
        <source>The folder '{name}' has no class subfolders (it holds {loose} images directly); put each class's images in a subfolder named after the class.</source>
        <translation>文件夹“{name}”里没有类别子文件夹（图像直接放在里面，共 {loose} 张）；请把每个类别的图像放进以该类别命名的子文件夹。</translation>
    </message>
    <message>
        <source>The folder '{name}' has no class subfolders; put each class's images in a subfolder named after the class.</source>
        <translation>文件夹“{name}”里没有类别子文件夹；请把每个类别的图像放进以该类别命名的子文件夹。</translation>
    </message>
    <message>
        <source>{names} is missing</source>
        <translation>缺少 {names}</translation>
    </message>
    <message>
        <source>{names} are missing</source>
        <translation>缺少 {names}</translation>
    </message>
    <message>
        <source>{names} is not a class</source>
        <translation>{names} 不是类别</translation>
    </message>
    <message>
        <source>{names} are not classes</source>
        <translation>{names} 不是类别</translation>
    </message>
    <message>
        <source>The subfolders of '{name}' must be named as the classes ({names}): {parts}.</source>
        <translation>“{name}”的子文件夹必须按类别命名（{names}）：{parts}。</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first}；{second}</translation>
    </message>
    <message>
        <source>The subfolder '{class_name}' of '{name}' cannot be read ({reason}); check its permissions.</source>
        <translation>无法读取“{name}”的子文件夹“{class_name}”（{reason}）；请检查它的权限。</translation>
    </message>
    <message>
        <source>The class subfolders of '{name}' hold no images ({extensions}); add some and try again.</source>
        <translation>“{name}”的类别子文件夹里没有图像（{extensions}）；请放入一些图像后再试。</translation>
    </message>
    <message>
        <source>{count} more</source>
        <translation>另外 {count} 个</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} 和 {last}</translation>
    </message>
    <message>
        <source>the system refused</source>
        <translation>系统拒绝了操作</translation>
    </message>
    <message>
        <source>{who} is empty (0 bytes); choose another file or save the image again.</source>
        <translation>{who}是空的（0 字节）；请选择其他文件，或重新保存图像。</translation>
    </message>
    <message>
        <source>{who} is too large to open safely (its header claims an enormous size, which can be a decompression bomb); shrink it in an image editor or choose another image.</source>
        <translation>{who}太大，无法安全打开（文件头声称的尺寸极大，可能是“解压炸弹”）；请在图像编辑器中把它缩小，或选择其他图像。</translation>
    </message>
    <message>
        <source>{who} is too large to fit in memory; choose a smaller image.</source>
        <translation>{who}太大，内存放不下；请选择小一些的图像。</translation>
    </message>
    <message>
        <source>{who} has the shape {shape}, which is not an image (expected height × width with 1, 3 or 4 channels); draw or paste the image again.</source>
        <translation>{who}的形状是 {shape}，不是图像（应为 高 × 宽，带 1、3 或 4 个通道）；请重新绘制或粘贴图像。</translation>
    </message>
    <message>
        <source>{who} has no pixels (its shape is {shape}); draw or paste the image again.</source>
        <translation>{who}没有像素（形状为 {shape}）；请重新绘制或粘贴图像。</translation>
    </message>
    <message>
        <source>{who} has no pixels (it is {width}×{height}); choose another image.</source>
        <translation>{who}没有像素（尺寸为 {width}×{height}）；请选择其他图像。</translation>
    </message>
    <message>
        <source>{who} is too large ({width}×{height} pixels, over the {limit}-megapixel limit); shrink it in an image editor or choose a smaller image.</source>
        <translation>{who}太大（{width}×{height} 像素，超过 {limit} 百万像素的上限）；请在图像编辑器中把它缩小，或选择小一些的图像。</translation>
    </message>
    <message>
        <source>{who} contains NaN or infinite values; draw or paste the image again.</source>
        <translation>{who}中含有 NaN 或无穷大的值；请重新绘制或粘贴图像。</translation>
    </message>
    <message>
        <source>{who} has values outside 0 to 1 (from {low:.3g} to {high:.3g}); draw or paste the image again.</source>
        <translation>{who}中有超出 0 到 1 的值（从 {low:.3g} 到 {high:.3g}）；请重新绘制或粘贴图像。</translation>
    </message>
    <message>
        <source>{who} has pixel values of type {dtype} that Glassbox cannot show (expected 0 to 255, or 0 to 1); draw or paste the image again.</source>
        <translation>{who}的像素值类型为 {dtype}，Glassbox 无法显示（应为 0 到 255，或 0 到 1）；请重新绘制或粘贴图像。</translation>
    </message>
    <message>
        <source>The image</source>
        <translation>该图像</translation>
    </message>
    <message>
        <source>{name}</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <source>{who} is not a {formats} image, so Glassbox cannot read it; save it as PNG or JPEG, or choose another image.</source>
        <translation>{who}不是 {formats} 图像，Glassbox 无法读取；请把它另存为 PNG 或 JPEG，或选择其他图像。</translation>
    </message>
    <message>
        <source>PNG, JPEG, GIF, BMP or WebP</source>
        <translation>PNG、JPEG、GIF、BMP 或 WebP</translation>
    </message>
    <message>
        <source>{who} is a {kind} image, but this installation cannot read {kind}; save it as PNG or JPEG instead.</source>
        <translation>{who}是 {kind} 图像，但当前安装的 Glassbox 无法读取 {kind}；请改存为 PNG 或 JPEG。</translation>
    </message>
    <message>
        <source>{who} is a damaged or incomplete {kind} file, so Glassbox cannot read it; save or download it again, or choose another image.</source>
        <translation>{who}是一个损坏或不完整的 {kind} 文件，Glassbox 无法读取；请重新保存或下载，或选择其他图像。</translation>
    </message>
    <message>
        <source>Unknown input feature '{name}'; choose from: {choices}.</source>
        <translation>未知的输入特征“{name}”；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>Choose at least one input feature (for example x1 and x2).</source>
        <translation>请至少选择一个输入特征（例如 x1 和 x2）。</translation>
    </message>
    <message>
        <source>There is no sample image '{name}'; choose one of: {choices}.</source>
        <translation>没有名为“{name}”的示例图像；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>Unknown dataset '{name}'; choose one of: {choices}.</source>
        <translation>未知的数据集“{name}”；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>The number of points must be between {min_points} and {max_points}, not {n_points}.</source>
        <translation>点数必须在 {min_points} 到 {max_points} 之间，而不是 {n_points}。</translation>
    </message>
    <message>
        <source>Noise must be between 0 and 1 (0% to 100%), not {noise:g}.</source>
        <translation>噪声必须在 0 到 1 之间（0% 到 100%），而不是 {noise:g}。</translation>
    </message>
    <message>
        <source>The training share must be between 0.1 and 0.9, not {train_fraction:g}.</source>
        <translation>训练集比例必须在 0.1 到 0.9 之间，而不是 {train_fraction:g}。</translation>
    </message>
    <message>
        <source>Unknown device '{choice}'; choose one of: {choices}.</source>
        <translation>未知的设备“{choice}”；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>CUDA was requested but no CUDA GPU is available here; use --device cpu or auto.</source>
        <translation>要求使用 CUDA，但这台电脑上没有可用的 CUDA GPU；请使用 --device cpu 或 auto。</translation>
    </message>
    <message>
        <source>Training diverged at step {step}: the loss became {value:.4g}. The weights were restored to the last finite state; lower the learning rate and train again.</source>
        <translation>训练在第 {step} 步发散了：损失变成了 {value:.4g}。权重已恢复到最后一次有限的状态；请调低学习率后重新训练。</translation>
    </message>
    <message>
        <source>The chunk size must be a whole number of at least 1, not {chunk!r}.</source>
        <translation>分块大小必须是至少为 1 的整数，而不是 {chunk!r}。</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>The {what} has {size} numbers but the network has {expected} parameters.</source>
        <translation>{what}有 {size} 个数，但网络有 {expected} 个参数。</translation>
    </message>
    <message>
        <source>path point</source>
        <translation>路径点</translation>
    </message>
    <message>
        <source>PCA directions need at least 3 recorded points of the training path, not {count}; train a few more steps or use random directions.</source>
        <translation>PCA 方向需要训练路径上至少 3 个记录点，而现在只有 {count} 个；请再训练几步，或改用随机方向。</translation>
    </message>
    <message>
        <source>The recorded training path never moved, so it has no PCA directions; train some steps first.</source>
        <translation>记录下来的训练路径一直没有移动，因此没有 PCA 方向；请先训练几步。</translation>
    </message>
    <message>
        <source>The {what} axis must be one or more finite numbers.</source>
        <translation>{what} 轴必须是一个或多个有限的数。</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>α</translation>
    </message>
    <message>
        <source>beta</source>
        <translation>β</translation>
    </message>
    <message>
        <source>The coarse stride must be at least 1, not {coarse_stride}.</source>
        <translation>粗略采样的间隔至少为 1，而不是 {coarse_stride}。</translation>
    </message>
    <message>
        <source>center</source>
        <translation>中心点</translation>
    </message>
    <message>
        <source>The line needs a whole number of points between 2 and 10001, not {steps!r}.</source>
        <translation>这条线的点数必须是 2 到 10001 之间的整数，而不是 {steps!r}。</translation>
    </message>
    <message>
        <source>initial weight vector</source>
        <translation>初始权重向量</translation>
    </message>
    <message>
        <source>Unknown directions '{directions}'; choose one of: {choices}.</source>
        <translation>未知的方向“{directions}”；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>The condition number must be a number between 1 and 1000, not {kappa!r}.</source>
        <translation>条件数必须是 1 到 1000 之间的数，而不是 {kappa!r}。</translation>
    </message>
    <message>
        <source>Unknown surface '{name}'; choose one of: {choices}.</source>
        <translation>未知的曲面“{name}”；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>The {name} surface takes no parameter {params}; its parameters are: {allowed}.</source>
        <translation>{name} 曲面没有参数 {params}；它的参数是：{allowed}。</translation>
    </message>
    <message>
        <source>The resolution must be a whole number of at least {low} and at most {high}, not {resolution!r}.</source>
        <translation>分辨率必须是 {low} 到 {high} 之间的整数，而不是 {resolution!r}。</translation>
    </message>
    <message>
        <source>The {what} range must be two numbers, low then high, not {limits!r}.</source>
        <translation>{what} 的范围必须是两个数，先小后大，而不是 {limits!r}。</translation>
    </message>
    <message>
        <source>The {what} range must be two finite numbers with low below high, not {limits!r}.</source>
        <translation>{what} 的范围必须是两个有限的数，且前一个小于后一个，而不是 {limits!r}。</translation>
    </message>
    <message>
        <source>The start point must be two numbers such as -1,1, not {start!r}.</source>
        <translation>起点必须是两个数，例如 -1,1，而不是 {start!r}。</translation>
    </message>
    <message>
        <source>The start point must be two finite numbers between -1000000 and 1000000, not {start!r}.</source>
        <translation>起点必须是 -1000000 到 1000000 之间的两个有限的数，而不是 {start!r}。</translation>
    </message>
    <message>
        <source>The start point must be two numbers separated by a comma, such as -1,1, not '{text}'.</source>
        <translation>起点必须是用逗号隔开的两个数，例如 -1,1，而不是“{text}”。</translation>
    </message>
    <message>
        <source>The learning rate must be a finite number above 0, not {lr!r}.</source>
        <translation>学习率必须是大于 0 的有限数，而不是 {lr!r}。</translation>
    </message>
    <message>
        <source>The number of steps must be a whole number between 0 and {high}, not {steps!r}.</source>
        <translation>步数必须是 0 到 {high} 之间的整数，而不是 {steps!r}。</translation>
    </message>
    <message>
        <source>The momentum must be a number between 0 and 0.999, not {momentum!r}.</source>
        <translation>动量必须是 0 到 0.999 之间的数，而不是 {momentum!r}。</translation>
    </message>
    <message>
        <source>Nesterov needs a momentum above 0; raise the momentum or leave Nesterov out.</source>
        <translation>Nesterov 需要大于 0 的动量；请调高动量，或不用 Nesterov。</translation>
    </message>
    <message>
        <source>Choose at least one optimizer to race, from: {choices}.</source>
        <translation>请至少选择一个参加比赛的优化器，可选：{choices}。</translation>
    </message>
    <message>
        <source>The noise level</source>
        <translation>噪声水平</translation>
    </message>
    <message>
        <source>The training share</source>
        <translation>训练集比例</translation>
    </message>
    <message>
        <source>{frames} frames · about {memory} of memory while recording · about {seconds}</source>
        <translation>{frames} 帧 · 录制时约占内存 {memory} · 约需 {seconds}</translation>
    </message>
    <message>
        <source>The bottleneck must be a whole number from {low} to {high}, not {value!r}.</source>
        <translation>瓶颈层的大小必须是 {low} 到 {high} 之间的整数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The autoencoder takes up to {layers} hidden layers, each from the bottleneck's {bottleneck} to {widest} neurons wide, not {value!r}.</source>
        <translation>自编码器最多有 {layers} 个隐藏层，每层的神经元个数在瓶颈层的 {bottleneck} 到 {widest} 之间，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>training the autoencoder</source>
        <translation>训练自编码器</translation>
    </message>
    <message>
        <source>The noise level must be a number from 0 to 1, not {value!r}.</source>
        <translation>噪声强度必须是 0 到 1 之间的数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The seed must be a whole number of 0 or more, not {value!r}.</source>
        <translation>随机种子必须是不小于 0 的整数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The autoencoder takes 28×28 images, not {shape}.</source>
        <translation>自编码器使用 28×28 的图像，而不是 {shape}。</translation>
    </message>
    <message>
        <source>A new bottleneck, shape, device or seed needs a new network; start training again.</source>
        <translation>更换瓶颈层大小、网络结构、设备或随机种子需要一个新网络，请重新开始训练。</translation>
    </message>
    <message>
        <source>A code for this autoencoder is {count} finite numbers, not {value}.</source>
        <translation>这个自编码器的编码是 {count} 个有限数，而不是 {value}。</translation>
    </message>
    <message>
        <source>The images' pixels must be numbers from 0 to 1 (or bytes from 0 to 255).</source>
        <translation>图像的像素值必须是 0 到 1 之间的数（或 0 到 255 之间的字节）。</translation>
    </message>
    <message>
        <source>The autoencoder needs at least 2 images, each with a class; got {images} images and {labels} labels.</source>
        <translation>自编码器至少需要 2 张图像，每张都要有类别；现在有 {images} 张图像和 {labels} 个标签。</translation>
    </message>
    <message>
        <source>The autoencoder cannot learn from {kind!r}; choose one of: {choices}.</source>
        <translation>自编码器不能从 {kind!r} 学习，请从以下选择：{choices}。</translation>
    </message>
    <message>
        <source>The folder '{folder}' has fewer than 2 readable images; add some pictures.</source>
        <translation>文件夹“{folder}”中可读取的图像少于 2 张，请添加一些图片。</translation>
    </message>
    <message>
        <source>Model '{name}' has a preprocessing mean or std that is not a usable number (each std must be from {smallest} to {largest}); run scripts/train_models.py to rewrite its description.</source>
        <translation>模型“{name}”的预处理均值或标准差不是可用的数值（每个标准差必须在 {smallest} 到 {largest} 之间）；请运行 scripts/train_models.py 重新写出它的说明文件。</translation>
    </message>
    <message>
        <source>Model '{name}' gives numbers that are not finite for this image, so its weights are broken; choose another model or train it again.</source>
        <translation>模型“{name}”对这张图像给出了非有限的数值，说明它的权重已损坏；请选择其他模型，或重新训练它。</translation>
    </message>
    <message>
        <source>Explaining a prediction needs a non-empty torch.nn.Sequential model.</source>
        <translation>解释一次预测需要一个非空的 torch.nn.Sequential 模型。</translation>
    </message>
    <message>
        <source>The image has values that are not finite numbers; load or draw it again.</source>
        <translation>这张图像中有不是有限数的值，请重新载入或重新绘制。</translation>
    </message>
    <message>
        <source>The image does not fit this model: {error}</source>
        <translation>这张图像不适合这个模型：{error}</translation>
    </message>
    <message>
        <source>The class to explain must be a class number from 0 to {last}, not {value!r}.</source>
        <translation>要解释的类别必须是 0 到 {last} 之间的类别编号，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The model gives numbers that are not finite for this image, so its weights are broken; choose another model or train it again.</source>
        <translation>模型对这张图像给出了不是有限数的结果，说明它的权重已损坏。请换一个模型，或重新训练它。</translation>
    </message>
    <message>
        <source>Grad-CAM needs a convolution layer, and this model has none.</source>
        <translation>Grad-CAM 需要一个卷积层，而这个模型没有卷积层。</translation>
    </message>
    <message>
        <source>There is no layer {name!r}; choose one of: {choices}.</source>
        <translation>没有名为 {name!r} 的层，请从以下选择：{choices}。</translation>
    </message>
    <message>
        <source>Grad-CAM needs a layer that outputs maps; {name!r} outputs a vector, so choose a convolution layer.</source>
        <translation>Grad-CAM 需要一个输出特征图的层；{name!r} 输出的是向量，请选择一个卷积层。</translation>
    </message>
    <message>
        <source>The occlusion window and stride must be whole numbers of pixels, not {value!r}.</source>
        <translation>遮挡方块的边长和步幅必须是整数个像素，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The occlusion window must be from 1 to {largest} pixels for this image, not {value}.</source>
        <translation>对这张图像，遮挡方块的边长必须在 1 到 {largest} 像素之间，而不是 {value}。</translation>
    </message>
    <message>
        <source>The occlusion stride must be from 1 to the window ({window} pixels), so that every pixel is covered; not {value}.</source>
        <translation>遮挡方块的步幅必须在 1 到方块边长（{window} 像素）之间，这样每个像素都能被遮住；不能是 {value}。</translation>
    </message>
    <message>
        <source>The occlusion square's value must be a finite number, not {value!r}.</source>
        <translation>遮挡方块的填充值必须是有限数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The occlusion square would take {count} positions; choose a larger window or stride.</source>
        <translation>遮挡方块要移动 {count} 个位置，太多了；请选择更大的方块或步幅。</translation>
    </message>
    <message>
        <source>Unknown explanation {method!r}; choose one of: {choices}.</source>
        <translation>未知的解释方法 {method!r}，请从以下选择：{choices}。</translation>
    </message>
    <message>
        <source>Looking into a channel needs a non-empty torch.nn.Sequential model.</source>
        <translation>查看一个通道需要一个非空的 torch.nn.Sequential 模型。</translation>
    </message>
    <message>
        <source>Layer {name!r} has channels 0 to {last}; there is no channel {value!r}.</source>
        <translation>层 {name!r} 的通道编号是 0 到 {last}，没有通道 {value!r}。</translation>
    </message>
    <message>
        <source>Show from 1 to {largest} images, not {value!r}.</source>
        <translation>请显示 1 到 {largest} 张图像，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The images must be N×C×H×W, not shape {shape}.</source>
        <translation>图像的形状必须是 N×C×H×W，而不是 {shape}。</translation>
    </message>
    <message>
        <source>There are no images to search.</source>
        <translation>没有可供查找的图像。</translation>
    </message>
    <message>
        <source>There are {images} images but {labels} labels.</source>
        <translation>有 {images} 张图像，却有 {labels} 个标签。</translation>
    </message>
    <message>
        <source>The model gives numbers that are not finite for some images, so its weights are broken; choose another model or train it again.</source>
        <translation>模型对某些图像给出了不是有限数的结果，说明它的权重已损坏。请换一个模型，或重新训练它。</translation>
    </message>
    <message>
        <source>The images do not fit this model: {error}</source>
        <translation>这些图像不适合这个模型：{error}</translation>
    </message>
    <message>
        <source>This layer's output is neither maps nor units, so it has no channels to look into.</source>
        <translation>这一层的输出既不是特征图也不是神经元，所以没有可以查看的通道。</translation>
    </message>
    <message>
        <source>The dream takes from 1 to {largest} steps, not {value!r}.</source>
        <translation>生成图像的步数必须在 1 到 {largest} 之间，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The dream's step size, blur and penalty must be numbers of 0 or more, not {value!r}.</source>
        <translation>生成图像的步长、模糊程度和惩罚系数必须是不小于 0 的数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The dream's jitter, blur interval, frame interval and seed must be whole numbers of 0 or more, not {value!r}.</source>
        <translation>生成图像的抖动幅度、模糊间隔、帧间隔和随机种子必须是不小于 0 的整数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The model gives numbers that are not finite while growing this image, so its weights are broken; choose another model or train it again.</source>
        <translation>在生成这张图像时，模型给出了不是有限数的结果，说明它的权重已损坏。请换一个模型，或重新训练它。</translation>
    </message>
    <message>
        <source>A cell of the confusion matrix is a pair of class numbers from 0 to {last}, not {value!r}.</source>
        <translation>混淆矩阵的一个格子由两个 0 到 {last} 之间的类别编号确定，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>A confusion matrix needs at least 2 classes, not {count}.</source>
        <translation>混淆矩阵至少需要 2 个类别，而不是 {count} 个。</translation>
    </message>
    <message>
        <source>A label is outside the classes 0 to {last}.</source>
        <translation>有一个标签不在类别 0 到 {last} 之内。</translation>
    </message>
    <message>
        <source>{title} has no held-out images to count.</source>
        <translation>{title} 没有可以统计的测试集图像。</translation>
    </message>
    <message>
        <source>A confusion matrix of {count} classes must be {count}×{count} whole numbers, not shape {shape}.</source>
        <translation>{count} 个类别的混淆矩阵必须是 {count}×{count} 个整数，而不是形状 {shape}。</translation>
    </message>
    <message>
        <source>Training on {title} in batches of {batch} needs about {need}, but this computer has about {free} free; choose a smaller batch.</source>
        <translation>在 {title} 上以每批 {batch} 张训练大约需要 {need} 内存，但这台计算机只有大约 {free} 可用；请选择更小的批量。</translation>
    </message>
    <message>
        <source>'{name}' is not a folder path; give the folder that holds one subfolder per class.</source>
        <translation>“{name}”不是文件夹路径；请给出每个类别各占一个子文件夹的那个文件夹。</translation>
    </message>
    <message>
        <source>The path '{name}' is too long for this system; move the folder to a shorter path.</source>
        <translation>路径“{name}”对本系统来说太长；请把文件夹移到更短的路径下。</translation>
    </message>
    <message>
        <source>A subfolder of '{name}' has a control character (such as a line break) in its name, which cannot be a class name; rename it.</source>
        <translation>“{name}”中有一个子文件夹的名称含有控制字符（例如换行），不能用作类别名称；请给它改名。</translation>
    </message>
    <message>
        <source>{who} is a TIFF variant Glassbox cannot read (for example floating-point colour), or it is damaged; save it as PNG, or as an 8- or 16-bit TIFF.</source>
        <translation>{who} 是 Glassbox 无法读取的一种 TIFF 变体（例如浮点彩色），或者文件已损坏；请将其另存为 PNG，或 8 位、16 位的 TIFF。</translation>
    </message>
    <message>
        <source>Generated images need a whole number of images and a seed from 0 to {max_seed}, not {n} and {seed}.</source>
        <translation>生成图像需要一个整数的图像数量和一个 0 到 {max_seed} 之间的随机种子，而不是 {n} 和 {seed}。</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to {max_seed}, not {seed}.</source>
        <translation>随机种子必须是 0 到 {max_seed} 之间的整数，而不是 {seed}。</translation>
    </message>
    <message>
        <source>The {name} dataset is drawn image by image: use at most {max_points} points, not {n_points} (drawing that many would take minutes).</source>
        <translation>{name} 数据集要一张一张地画出来：最多用 {max_points} 个数据点，不能用 {n_points} 个（画那么多要好几分钟）。</translation>
    </message>
    <message>
        <source>{what} must be a number, not {value}.</source>
        <translation>{what}必须是数字，而不是 {value}。</translation>
    </message>
    <message>
        <source>The picture could not be made into a PNG (it is empty or too big); make the window smaller and save again.</source>
        <translation>无法把这张图编码为 PNG（图是空的或太大）；请把窗口调小后再保存。</translation>
    </message>
    <message>
        <source>{file} is not text (it is not UTF-8); choose another file.</source>
        <translation>{file} 不是文本文件（不是 UTF-8 编码），请换一个文件。</translation>
    </message>
    <message>
        <source>{file} is a folder, not a file; choose a file inside it.</source>
        <translation>{file} 是文件夹，不是文件，请选择其中的一个文件。</translation>
    </message>
    <message>
        <source>{file} is not a regular file (it is a device, pipe or socket); choose a file.</source>
        <translation>{file} 不是普通文件（而是设备、管道或套接字），请选择一个文件。</translation>
    </message>
    <message>
        <source>{file} is too big to read here (over {limit}); choose a smaller file.</source>
        <translation>{file} 太大，无法读取（超过 {limit}），请选择小一些的文件。</translation>
    </message>
    <message>
        <source>{file} cannot be read because permission was denied; copy it somewhere you can read, or choose another file.</source>
        <translation>没有权限读取 {file}，请把它复制到可以读取的位置，或换一个文件。</translation>
    </message>
    <message>
        <source>The path {file} is too long for this system; move the file to a shorter path.</source>
        <translation>路径 {file} 太长，系统无法处理，请把文件移到路径短一些的位置。</translation>
    </message>
    <message>
        <source>The name {file} is too long for this system; choose a shorter name.</source>
        <translation>文件名 {file} 太长，系统无法处理，请换一个短一些的名字。</translation>
    </message>
    <message>
        <source>{file} cannot be written: a part of its folder path is a file, not a folder; choose another folder.</source>
        <translation>无法写入 {file}：它的文件夹路径中有一部分是文件而不是文件夹，请换一个文件夹。</translation>
    </message>
    <message>
        <source>{file} cannot be written; check that the folder exists and that you may write there.</source>
        <translation>无法写入 {file}，请确认文件夹存在并且你有写入权限。</translation>
    </message>
    <message>
        <source>{file} is not a usable file name; choose another name.</source>
        <translation>{file} 不能用作文件名，请换一个名字。</translation>
    </message>
    <message>
        <source>{file} is a folder; give a file name inside it.</source>
        <translation>{file} 是文件夹，请在其中给出一个文件名。</translation>
    </message>
    <message>
        <source>{file} is not a regular file (it is a device, pipe or socket); choose a file name.</source>
        <translation>{file} 不是普通文件（而是设备、管道或套接字），请换一个文件名。</translation>
    </message>
    <message>
        <source>The folder for {file} does not exist; create it first or choose another folder.</source>
        <translation>{file} 所在的文件夹不存在，请先创建它，或换一个文件夹。</translation>
    </message>
    <message>
        <source>{file} could not be saved because the disk is full; free some space and save again (the old file, if any, is unchanged).</source>
        <translation>磁盘已满，{file} 没有保存。请腾出一些空间后再保存（原来的文件如果有，保持不变）。</translation>
    </message>
    <message>
        <source>{file} is not a .gif or .mp4 name; an animation is saved as a GIF (for any slide program) or an MP4 video; end the name with .gif or .mp4.</source>
        <translation>{file} 不是 .gif 或 .mp4 文件名；动画保存为 GIF（任何幻灯片软件都能用）或 MP4 视频，请让文件名以 .gif 或 .mp4 结尾。</translation>
    </message>
    <message>
        <source>The frames per second must be a whole number from {low} to {high}, not {value}.</source>
        <translation>每秒帧数必须是 {low} 到 {high} 之间的整数，不能是 {value}。</translation>
    </message>
    <message>
        <source>A GIF plays at most {high} frames per second, not {value}; choose fewer frames per second, or save an MP4.</source>
        <translation>GIF 每秒最多播放 {high} 帧，不能是 {value}；请减少每秒帧数，或保存为 MP4。</translation>
    </message>
    <message>
        <source>The length must be from {low} to {high} seconds, not {value}.</source>
        <translation>时长必须在 {low} 到 {high} 秒之间，不能是 {value}。</translation>
    </message>
    <message>
        <source>A {kind} of {frames} frames at {width}×{height} needs about {need} of memory, but this computer has about {free} free; make it smaller or shorter, choose fewer frames per second, or save an MP4.</source>
        <translation>{width}×{height} 的 {frames} 帧 {kind} 大约需要 {need} 内存，但这台电脑只有大约 {free} 可用；请把画面调小或时长缩短、减少每秒帧数，或保存为 MP4。</translation>
    </message>
    <message>
        <source>The size must be a width and a height in pixels, such as 960x540.</source>
        <translation>尺寸必须是以像素为单位的宽和高，例如 960x540。</translation>
    </message>
    <message>
        <source>An animation must be from {low_width}×{low_height} to {high_width}×{high_height} pixels, not {width}×{height}.</source>
        <translation>动画尺寸必须在 {low_width}×{low_height} 到 {high_width}×{high_height} 像素之间，不能是 {width}×{height}。</translation>
    </message>
    <message>
        <source>No frame was recorded, so {file} was not written; record again.</source>
        <translation>一帧也没有录下，所以没有写入 {file}；请重新录制。</translation>
    </message>
    <message>
        <source>The video encoder that comes with Glassbox is missing, so an MP4 cannot be written; save a GIF instead, or reinstall Glassbox.</source>
        <translation>Glassbox 自带的视频编码器不见了，无法写出 MP4；请改存为 GIF，或重新安装 Glassbox。</translation>
    </message>
    <message>
        <source>The video encoder that comes with Glassbox could not start, so an MP4 cannot be written; save a GIF instead, or reinstall Glassbox.</source>
        <translation>Glassbox 自带的视频编码器无法启动，无法写出 MP4；请改存为 GIF，或重新安装 Glassbox。</translation>
    </message>
    <message>
        <source>the encoder stopped</source>
        <translation>编码器中途停止了</translation>
    </message>
    <message>
        <source>The MP4 could not be written ({reason}); check the disk has room, then record again, or save a GIF.</source>
        <translation>无法写出 MP4（{reason}）；请确认磁盘还有空间后重新录制，或改存为 GIF。</translation>
    </message>
    <message>
        <source>{file} could not be saved: you may not write in that folder; choose another folder.</source>
        <translation>{file} 没有保存：你没有那个文件夹的写入权限，请换一个文件夹。</translation>
    </message>
    <message>
        <source>{file} could not be saved ({reason}); check the folder and the disk, then save again (the old file, if any, is unchanged).</source>
        <translation>{file} 没有保存（{reason}）。请检查文件夹和磁盘后再保存（原来的文件如果有，保持不变）。</translation>
    </message>
    <message>
        <source>{file} is too big for a lesson (over {limit} MB); open a lesson saved by Glassbox.</source>
        <translation>{file} 太大，不像课程文件（超过 {limit} MB）；请打开由 Glassbox 保存的课程。</translation>
    </message>
    <message>
        <source>{file} is not safe to open: it is nested more than {limit} levels deep; ask its author to save it again from Glassbox.</source>
        <translation>{file} 不能安全打开：它的嵌套超过 {limit} 层；请让作者用 Glassbox 重新保存。</translation>
    </message>
    <message>
        <source>{file} is damaged: it holds a number that is not finite or is absurdly large; ask for a fresh copy.</source>
        <translation>{file} 已损坏：其中有一个不是有限值或大得离谱的数；请向作者要一份新的副本。</translation>
    </message>
    <message>
        <source>{file} is damaged: it gives the same key twice; ask for a fresh copy.</source>
        <translation>{file} 已损坏：同一个键出现了两次；请向作者要一份新的副本。</translation>
    </message>
    <message>
        <source>{file} is not a Glassbox lesson (it is not readable JSON text); open a .glassbox-lesson file, or ask for a fresh copy.</source>
        <translation>{file} 不是 Glassbox 课程文件（它不是可读的 JSON 文本）；请打开 .glassbox-lesson 文件，或向作者要一份新的副本。</translation>
    </message>
    <message>
        <source>{file} is not a Glassbox lesson; open a .glassbox-lesson file saved by Glassbox.</source>
        <translation>{file} 不是 Glassbox 课程文件；请打开由 Glassbox 保存的 .glassbox-lesson 文件。</translation>
    </message>
    <message>
        <source>{file} was made by a newer Glassbox (lesson format {version}); update Glassbox to open it.</source>
        <translation>{file} 由更新版本的 Glassbox 制作（课程格式 {version}）；请先升级 Glassbox 再打开。</translation>
    </message>
    <message>
        <source>{file}: the identifier {value} is not usable; an identifier is 1 to 40 lowercase letters (a-z), digits and dashes, and starts with a letter or a digit.</source>
        <translation>{file}：标识符 {value} 不能使用；标识符由 1 到 40 个小写字母（a-z）、数字和连字符组成，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>{file}: 'scenes' is not a list of scenes; give the scenes as a list.</source>
        <translation>{file}：“scenes”不是场景列表；请把场景写成一个列表。</translation>
    </message>
    <message>
        <source>{file} holds {count} scenes; a lesson has {low} to {high} scenes.</source>
        <translation>{file} 有 {count} 个场景；一节课程应有 {low} 到 {high} 个场景。</translation>
    </message>
    <message>
        <source>Scene {scene} of {file}</source>
        <translation>{file} 的第 {scene} 个场景</translation>
    </message>
    <message>
        <source>{where} holds an unknown field '{field}'; it may come from a newer Glassbox: update Glassbox, or remove the field.</source>
        <translation>{where}含有未知字段“{field}”；它可能来自更新版本的 Glassbox：请升级 Glassbox，或删除这个字段。</translation>
    </message>
    <message>
        <source>{where} has no '{field}'; add it, or save the lesson again from Glassbox.</source>
        <translation>{where}缺少“{field}”；请补上，或用 Glassbox 重新保存课程。</translation>
    </message>
    <message>
        <source>{where}: '{field}' is not a text in two languages; give it as an object with the keys "en" and "zh_CN".</source>
        <translation>{where}：“{field}”不是双语文本；请写成带有 "en" 和 "zh_CN" 两个键的对象。</translation>
    </message>
    <message>
        <source>{where}: '{field}' holds an unknown language '{language}'; use only "en" and "zh_CN".</source>
        <translation>{where}：“{field}”含有未知语言“{language}”；只能使用 "en" 和 "zh_CN"。</translation>
    </message>
    <message>
        <source>{where}: the "{language}" version of '{field}' is not text; write it in quotes.</source>
        <translation>{where}：“{field}”的 "{language}" 版本不是文字；请用引号括起来。</translation>
    </message>
    <message>
        <source>{where}: the "{language}" version of '{field}' is {count} characters long; keep it to at most {limit}.</source>
        <translation>{where}：“{field}”的 "{language}" 版本有 {count} 个字符；请控制在 {limit} 个以内。</translation>
    </message>
    <message>
        <source>{where}: the "{language}" version of '{field}' holds invisible control characters or broken characters; remove them.</source>
        <translation>{where}：“{field}”的 "{language}" 版本含有看不见的控制字符或损坏的字符；请删除它们。</translation>
    </message>
    <message>
        <source>{where}: '{field}' is empty; write it in English or Chinese (or both).</source>
        <translation>{where}：“{field}”是空的；请用中文或英文（或两者）填写。</translation>
    </message>
    <message>
        <source>{file}: 'author' must be one line of text of at most {limit} characters.</source>
        <translation>{file}：“author”（作者）必须是一行文字，最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{where} is not a scene; a scene is an object with at least a 'title' and a 'tab'.</source>
        <translation>{where}不是场景；场景是一个至少包含“title”和“tab”的对象。</translation>
    </message>
    <message>
        <source>{where}: {value} is not a tab; use one of {choices}.</source>
        <translation>{where}：{value} 不是标签页；请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>{where}: 'tabs' is not an object of tab settings; give it as an object that maps tab names to their settings.</source>
        <translation>{where}：“tabs”不是标签页设置；请写成一个对象，把标签页名称对应到它的设置。</translation>
    </message>
    <message>
        <source>{where} sets up an unknown tab '{tab}'; it may come from a newer Glassbox: use one of {choices}.</source>
        <translation>{where}设置了未知的标签页“{tab}”；它可能来自更新版本的 Glassbox：请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>{where}: the settings of the {tab} tab are not an object of names and values; save the scene again from Glassbox.</source>
        <translation>{where}：{tab} 标签页的设置不是由名称和数值组成的对象；请用 Glassbox 重新保存这个场景。</translation>
    </message>
    <message>
        <source>{where}: the settings of the {tab} tab hold a value that is not plain data or not a finite number; save the scene again from Glassbox.</source>
        <translation>{where}：{tab} 标签页的设置中有一个值不是普通数据或不是有限数；请用 Glassbox 重新保存这个场景。</translation>
    </message>
    <message>
        <source>{where}: the settings of the {tab} tab are far too big for a scene; save the scene again from Glassbox.</source>
        <translation>{where}：{tab} 标签页的设置对一个场景来说太大了；请用 Glassbox 重新保存这个场景。</translation>
    </message>
    <message>
        <source>{where}: 'hide' is not a list of names of controls; give it as a list such as ["dock", "toolbar"].</source>
        <translation>{where}：“hide”不是控件名称列表；请写成列表，例如 ["dock", "toolbar"]。</translation>
    </message>
    <message>
        <source>{where}: '{name}' is not something a scene can hide (it may come from a newer Glassbox); choose what to hide in the lesson editor.</source>
        <translation>{where}：“{name}”不是场景可以隐藏的部分（它可能来自更新版本的 Glassbox）；请在课程编辑器里选择要隐藏的内容。</translation>
    </message>
    <message>
        <source>{where} hides '{name}' twice; list it once.</source>
        <translation>{where}把“{name}”隐藏了两次；请只写一次。</translation>
    </message>
    <message>
        <source>{where}: 'goal' is not a challenge; give null or an object with a 'kind' and its 'params'.</source>
        <translation>{where}：“goal”不是挑战；请写 null，或写成包含“kind”和“params”的对象。</translation>
    </message>
    <message>
        <source>{where}: the challenge holds an unknown field '{field}'; it may come from a newer Glassbox: update Glassbox, or remove the field.</source>
        <translation>{where}：挑战含有未知字段“{field}”；它可能来自更新版本的 Glassbox：请升级 Glassbox，或删除这个字段。</translation>
    </message>
    <message>
        <source>{where} sets an unknown challenge {value}; it may come from a newer Glassbox: update Glassbox, or choose a challenge in the lesson editor.</source>
        <translation>{where}设置了未知的挑战 {value}；它可能来自更新版本的 Glassbox：请升级 Glassbox，或在课程编辑器里重新选择挑战。</translation>
    </message>
    <message>
        <source>{where}: the challenge's 'params' is not an object of names and values.</source>
        <translation>{where}：挑战的“params”不是由名称和数值组成的对象。</translation>
    </message>
    <message>
        <source>{where}: the challenge has {count} parameters; a challenge has at most {limit}.</source>
        <translation>{where}：这个挑战有 {count} 个参数；一个挑战最多 {limit} 个参数。</translation>
    </message>
    <message>
        <source>{where}: the challenge has a parameter whose name is not usable; name parameters as the lesson editor does.</source>
        <translation>{where}：挑战中有一个参数的名称不能使用；请按照课程编辑器的方式命名参数。</translation>
    </message>
    <message>
        <source>{where}: the challenge's parameter '{name}' must be a number, a short text or true/false.</source>
        <translation>{where}：挑战的参数“{name}”必须是数字、简短的文字或 true/false。</translation>
    </message>
    <message>
        <source>{where}: 'minutes' is {value}; plan a whole number of minutes from {low} to {high} for a scene.</source>
        <translation>{where}：“minutes”是 {value}；每个场景请安排 {low} 到 {high} 之间的整数分钟。</translation>
    </message>
    <message>
        <source>{file} cannot be saved: the lesson is incomplete; this is a bug in Glassbox, please report it.</source>
        <translation>{file} 无法保存：课程不完整；这是 Glassbox 的程序错误，请报告给我们。</translation>
    </message>
    <message>
        <source>{file} cannot be saved: the lesson would be too big (over {limit} MB); shorten its texts or split it into two lessons.</source>
        <translation>{file} 无法保存：课程会太大（超过 {limit} MB）；请缩短文字，或拆成两节课程。</translation>
    </message>
    <message>
        <source>In {file}, scene {scene} sets a goal of unknown kind {kind}; choose one of: {choices}.</source>
        <translation>{file} 的第 {scene} 个场景设置了未知的挑战类型 {kind}；请从这些类型中选择：{choices}。</translation>
    </message>
    <message>
        <source>In {file}, the goal of scene {scene} must list its parameters as names and values; set the goal again in the lesson editor.</source>
        <translation>{file} 的第 {scene} 个场景的挑战必须以“名称和值”的形式列出参数；请在课程编辑器中重新设置这个挑战。</translation>
    </message>
    <message>
        <source>In {file}, the goal of scene {scene} takes no parameters; remove {name}.</source>
        <translation>{file} 的第 {scene} 个场景的挑战不带参数；请删除 {name}。</translation>
    </message>
    <message>
        <source>In {file}, the goal of scene {scene} has no parameter {name}; its parameters are: {names}.</source>
        <translation>{file} 的第 {scene} 个场景的挑战没有参数 {name}；它的参数是：{names}。</translation>
    </message>
    <message>
        <source>In {file}, the goal parameter '{name}' of scene {scene} must be one of: {choices}; not {value}.</source>
        <translation>{file} 的第 {scene} 个场景的挑战参数“{name}”必须是以下之一：{choices}；而不是 {value}。</translation>
    </message>
    <message>
        <source>In {file}, the goal parameter '{name}' of scene {scene} must be a whole number from {low} to {high}; not {value}.</source>
        <translation>{file} 的第 {scene} 个场景的挑战参数“{name}”必须是 {low} 到 {high} 之间的整数；而不是 {value}。</translation>
    </message>
    <message>
        <source>In {file}, the goal parameter '{name}' of scene {scene} must be a number from {low} to {high}; not {value}.</source>
        <translation>{file} 的第 {scene} 个场景的挑战参数“{name}”必须是 {low} 到 {high} 之间的数；而不是 {value}。</translation>
    </message>
    <message>
        <source>{file} was skipped: its identifier '{id}' is already used by {other}; give it another identifier in the lesson editor.</source>
        <translation>已跳过 {file}：它的标识符“{id}”已被 {other} 使用；请在课程编辑器里给它换一个标识符。</translation>
    </message>
    <message>
        <source>The lessons folder {folder} is a file, not a folder; move it away so that lessons can be installed.</source>
        <translation>课程文件夹 {folder} 是一个文件而不是文件夹；请把它移走，才能安装课程。</translation>
    </message>
    <message>
        <source>The lessons folder {folder} cannot be read; check that you may read it.</source>
        <translation>无法读取课程文件夹 {folder}；请检查你是否有读取权限。</translation>
    </message>
    <message>
        <source>The lessons folder {folder} holds {count} lessons; only the first {limit} are listed: remove the ones you no longer use.</source>
        <translation>课程文件夹 {folder} 里有 {count} 节课程；只列出前 {limit} 节：请删除不再使用的课程。</translation>
    </message>
    <message>
        <source>There is no lesson '{name}': it is neither a built-in or installed lesson nor a lesson file; check the name (the list of lessons gives each one's identifier).</source>
        <translation>没有名为“{name}”的课程：它既不是内置或已安装的课程，也不是课程文件；请检查名称（课程列表里有每节课程的标识符）。</translation>
    </message>
    <message>
        <source>{file} has the identifier '{id}' of a built-in lesson; give it another identifier in the lesson editor, save it, and install it again.</source>
        <translation>{file} 的标识符“{id}”与内置课程相同；请在课程编辑器里换一个标识符，保存后再安装。</translation>
    </message>
    <message>
        <source>The lessons folder {folder} cannot be created; check that you may write there.</source>
        <translation>无法创建课程文件夹 {folder}；请检查你是否有权限在那里写入。</translation>
    </message>
    <message>
        <source>training it</source>
        <translation>训练它</translation>
    </message>
    <message>
        <source>a trace of it</source>
        <translation>记录它的一次完整计算</translation>
    </message>
    <message>
        <source>a loss slice of it</source>
        <translation>计算它的损失切片</translation>
    </message>
    <message>
        <source>This network has {weights} weights; {what} needs about {need} but this computer has about {free} free; use fewer or smaller hidden layers, or fewer points.</source>
        <translation>这个网络有 {weights} 个权重，{what}大约需要 {need} 内存，但这台电脑只剩大约 {free}。请减少隐藏层的层数或神经元，或者减少数据点。</translation>
    </message>
    <message>
        <source>{weights} weights · about {memory} · up to {seconds} a step</source>
        <translation>{weights} 个权重 · 约 {memory} · 每步最多 {seconds}</translation>
    </message>
    <message>
        <source>{weights} weights · about {memory} · about {seconds}</source>
        <translation>{weights} 个权重 · 约 {memory} · 约 {seconds}</translation>
    </message>
    <message>
        <source>The number of points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>The learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>The batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>Unknown regularisation '{name}'; choose one of: none, l1, l2.</source>
        <translation>未知的正则化方式“{name}”；请从以下选项中选择：none、l1、l2。</translation>
    </message>
    <message>
        <source>The regularisation rate</source>
        <translation>正则化强度</translation>
    </message>
    <message>
        <source>The momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>The seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Unknown device '{name}'; choose one of: {choices}.</source>
        <translation>未知的设备“{name}”；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>The saved settings are not valid ({error}); using the defaults is safest.</source>
        <translation>保存的设置无效（{error}）；最稳妥的做法是使用默认设置。</translation>
    </message>
    <message>
        <source>Hidden layers must be comma-separated whole numbers such as 8,8, not '{text}'.</source>
        <translation>隐藏层必须是用逗号隔开的整数，例如 8,8，而不是“{text}”。</translation>
    </message>
    <message>
        <source>Give an activation such as tanh, or one per hidden layer such as relu,tanh.</source>
        <translation>请给出一个激活函数（例如 tanh），或为每个隐藏层各给一个（例如 relu,tanh）。</translation>
    </message>
    <message>
        <source>Per-layer activations must be a list of names such as relu,tanh, not {names!r}.</source>
        <translation>逐层的激活函数必须是一串名称，例如 relu,tanh，而不是 {names!r}。</translation>
    </message>
    <message>
        <source>Give one activation per hidden layer ({n_hidden}) or a single one for all, not {count}.</source>
        <translation>请为每个隐藏层各给一个激活函数（共 {n_hidden} 个），或给所有层共用一个，而不是 {count} 个。</translation>
    </message>
    <message>
        <source>{what} must be a whole number between {low} and {high}, not {value}.</source>
        <translation>{what}必须是 {low} 到 {high} 之间的整数，而不是 {value}。</translation>
    </message>
    <message>
        <source>{what} must be a number between {low} and {high}, not {value}.</source>
        <translation>{what}必须是 {low} 到 {high} 之间的数，而不是 {value}。</translation>
    </message>
    <message>
        <source>{what} must be a positive number up to {high:g}, not {value}.</source>
        <translation>{what}必须是不超过 {high:g} 的正数，而不是 {value}。</translation>
    </message>
    <message>
        <source>There is no layer {layer}; the network has {count} weight layers.</source>
        <translation>没有第 {layer} 层；这个网络有 {count} 个权重层。</translation>
    </message>
    <message>
        <source>Layer {layer} has {count} neurons, so there is no neuron {index}.</source>
        <translation>第 {layer} 层有 {count} 个神经元，所以没有第 {index} 个神经元。</translation>
    </message>
    <message>
        <source>The example must be an index from 0 to {largest} in the training set, not {example_index}.</source>
        <translation>样本必须是训练集中 0 到 {largest} 之间的序号，而不是 {example_index}。</translation>
    </message>
    <message>
        <source>a weighted sum z</source>
        <translation>一个加权和 z</translation>
    </message>
    <message>
        <source>an activation</source>
        <translation>一个激活值</translation>
    </message>
    <message>
        <source>a gradient ∂L/∂a</source>
        <translation>一个梯度 ∂L/∂a</translation>
    </message>
    <message>
        <source>a δ</source>
        <translation>一个 δ</translation>
    </message>
    <message>
        <source>a gradient ∂L/∂w</source>
        <translation>一个梯度 ∂L/∂w</translation>
    </message>
    <message>
        <source>a gradient ∂L/∂b</source>
        <translation>一个梯度 ∂L/∂b</translation>
    </message>
    <message>
        <source>an updated weight</source>
        <translation>一个更新后的权重</translation>
    </message>
    <message>
        <source>an updated bias</source>
        <translation>一个更新后的偏置</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>The session's trained network is damaged ({what}); ask for a fresh copy of the session.</source>
        <translation>课堂文件中训练好的网络已损坏（{what}）；请重新获取一份课堂文件。</translation>
    </message>
    <message>
        <source>The session's training settings are not valid; ask for a fresh copy of the session.</source>
        <translation>课堂文件中的训练设置无效；请重新获取一份课堂文件。</translation>
    </message>
    <message>
        <source>The session's network part is not a trained network Glassbox can read.</source>
        <translation>课堂文件中的网络部分不是 Glassbox 能读取的训练好的网络。</translation>
    </message>
    <message>
        <source>The session's trained network was saved by a newer Glassbox; update Glassbox to open it.</source>
        <translation>课堂文件中训练好的网络是由更新版本的 Glassbox 保存的；请更新 Glassbox 后再打开。</translation>
    </message>
    <message>
        <source>Layer {layer} has no weight from input {inp} to neuron {out}.</source>
        <translation>第 {layer} 层没有从输入 {inp} 到神经元 {out} 的权重。</translation>
    </message>
    <message>
        <source>A weight must be a finite number between -1,000,000 and 1,000,000, not {value}.</source>
        <translation>权重必须是 -1,000,000 到 1,000,000 之间的有限数，而不是 {value}。</translation>
    </message>
    <message>
        <source>Unknown model architecture '{name}'; choose one of: {choices}.</source>
        <translation>未知的模型结构“{name}”；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>A network needs between 2 and {max_classes} classes, not {count!r}.</source>
        <translation>网络需要 2 到 {max_classes} 个类别，而不是 {count!r} 个。</translation>
    </message>
    <message>
        <source>A CNN for the convolution lab must be a sequence of named layers.</source>
        <translation>卷积实验室用的 CNN 必须是一串有名称的层。</translation>
    </message>
    <message>
        <source>Layer '{name}' is a {layer_type}; the lab only shows convolution, ReLU, pooling, flatten and fully connected layers.</source>
        <translation>层“{name}”是 {layer_type}；实验室只显示卷积层、ReLU、池化层、展平层和全连接层。</translation>
    </message>
    <message>
        <source>The layers do not fit together for an input of {input_shape}: {error}</source>
        <translation>对于形状为 {input_shape} 的输入，这些层无法衔接：{error}</translation>
    </message>
    <message>
        <source>The network ends in {found} outputs where {num_classes} class scores were expected.</source>
        <translation>网络最后输出 {found} 个值，而这里需要 {num_classes} 个类别分数。</translation>
    </message>
    <message>
        <source>Hidden layer widths must be whole numbers such as 8,8, not {hidden!r}.</source>
        <translation>隐藏层的宽度必须是整数，例如 8,8，而不是 {hidden!r}。</translation>
    </message>
    <message>
        <source>At most {max_depth} hidden layers are supported, not {depth}.</source>
        <translation>最多支持 {max_depth} 个隐藏层，而不是 {depth} 个。</translation>
    </message>
    <message>
        <source>Each hidden layer needs between 1 and {max_width} neurons, not {width}.</source>
        <translation>每个隐藏层需要 1 到 {max_width} 个神经元，而不是 {width} 个。</translation>
    </message>
    <message>
        <source>Unknown activation '{name}'; choose one of: {choices}.</source>
        <translation>未知的激活函数“{name}”；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>Give one activation per hidden layer.</source>
        <translation>请为每个隐藏层各给一个激活函数。</translation>
    </message>
    <message>
        <source>Unknown task '{task}'; choose one of: {choices}.</source>
        <translation>未知的任务“{task}”；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>A model needs a name; type one with letters, digits, '-' or '_'.</source>
        <translation>模型需要一个名称；请用字母、数字、“-”或“_”输入一个。</translation>
    </message>
    <message>
        <source>The model name '{name}' is too long ({count} characters); use at most {limit}.</source>
        <translation>模型名称“{name}”太长（{count} 个字符）；最多使用 {limit} 个字符。</translation>
    </message>
    <message>
        <source>'{name}' is not a model name: it holds a control character such as a line break; use letters, digits, '-' or '_' only.</source>
        <translation>“{name}”不是有效的模型名称：其中含有换行等控制字符；只能使用字母、数字、“-”或“_”。</translation>
    </message>
    <message>
        <source>'{name}' is not a model name: a name cannot be a path or a folder; use letters, digits, '-' or '_' only.</source>
        <translation>“{name}”不是有效的模型名称：名称不能是路径或文件夹；只能使用字母、数字、“-”或“_”。</translation>
    </message>
    <message>
        <source>'{name}' is not a model name; use letters, digits, '-' or '_' only.</source>
        <translation>“{name}”不是有效的模型名称；只能使用字母、数字、“-”或“_”。</translation>
    </message>
    <message>
        <source>{json_path} is not a Glassbox model description (expected format '{format}').</source>
        <translation>{json_path} 不是 Glassbox 的模型描述（应为格式“{format}”）。</translation>
    </message>
    <message>
        <source>Model '{name}' names {count} classes; a model needs between 2 and {max_classes}.</source>
        <translation>模型“{name}”列出了 {count} 个类别；模型需要 2 到 {max_classes} 个类别。</translation>
    </message>
    <message>
        <source>The weights file {weights_path} is damaged and cannot be read ({error}).</source>
        <translation>权重文件 {weights_path} 已损坏，无法读取（{error}）。</translation>
    </message>
    <message>
        <source>The weights in {weights_path} do not fit architecture '{architecture}' (missing: {missing}; unexpected: {extra}).</source>
        <translation>{weights_path} 中的权重与结构“{architecture}”不符（缺少：{missing}；多出：{extra}）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The weights in {weights_path} do not fit architecture '{architecture}': '{key}' is {found_shape} {found_dtype}, expected {shape} {dtype}.</source>
        <translation>{weights_path} 中的权重与结构“{architecture}”不符：“{key}”是 {found_shape} {found_dtype}，应为 {shape} {dtype}。</translation>
    </message>
    <message>
        <source>The weights in {weights_path} contain NaN or infinite values in '{key}'.</source>
        <translation>{weights_path} 中的权重在“{key}”里含有 NaN 或无穷大的值。</translation>
    </message>
    <message>
        <source>Unknown optimizer '{name}'; choose one of: {choices}.</source>
        <translation>未知的优化器“{name}”；请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>{file} cannot be saved: the session is incomplete; this is a bug in Glassbox, please report it.</source>
        <translation>无法保存 {file}：课堂内容不完整；这是 Glassbox 的缺陷，请报告此问题。</translation>
    </message>
    <message>
        <source>{file} is not a Glassbox session: it holds {count} members; open a .glassbox file saved by Glassbox.</source>
        <translation>{file} 不是 Glassbox 课堂文件：它包含 {count} 个成员；请打开由 Glassbox 保存的 .glassbox 文件。</translation>
    </message>
    <message>
        <source>{file} is not safe to open: a member's name ({member}) points outside the session; ask its author to save it again from Glassbox.</source>
        <translation>打开 {file} 不安全：有一个成员的名称（{member}）指向课堂文件之外；请让文件的作者在 Glassbox 中重新保存。</translation>
    </message>
    <message>
        <source>{file} is not safe to open: it holds {member} twice; ask its author to save it again from Glassbox.</source>
        <translation>打开 {file} 不安全：{member} 在里面出现了两次；请让文件的作者在 Glassbox 中重新保存。</translation>
    </message>
    <message>
        <source>{file} is not safe to open: {member} would unpack to more than {limit} MB; ask its author to save it again from Glassbox.</source>
        <translation>打开 {file} 不安全：{member} 解压后会超过 {limit} MB；请让文件的作者在 Glassbox 中重新保存。</translation>
    </message>
    <message>
        <source>{file} is not safe to open: {member} is far too big; ask its author to save it again from Glassbox.</source>
        <translation>打开 {file} 不安全：{member} 太大了；请让文件的作者在 Glassbox 中重新保存。</translation>
    </message>
    <message>
        <source>{file} is not safe to open: {member} is compressed suspiciously much (a zip bomb?); ask its author to save it again from Glassbox.</source>
        <translation>打开 {file} 不安全：{member} 的压缩比高得可疑（可能是 zip 炸弹）；请让文件的作者在 Glassbox 中重新保存。</translation>
    </message>
    <message>
        <source>{file} is not safe to open: it would unpack to more than {limit} MB; ask its author to save it again from Glassbox.</source>
        <translation>打开 {file} 不安全：解压后会超过 {limit} MB；请让文件的作者在 Glassbox 中重新保存。</translation>
    </message>
    <message>
        <source>{file} is not safe to open: {member} unpacks to more than it declares; ask its author to save it again from Glassbox.</source>
        <translation>打开 {file} 不安全：{member} 解压后比它声明的大小更大；请让文件的作者在 Glassbox 中重新保存。</translation>
    </message>
    <message>
        <source>{file} is not safe to open: {member} is nested more than {limit} levels deep; ask its author to save it again from Glassbox.</source>
        <translation>打开 {file} 不安全：{member} 的嵌套超过了 {limit} 层；请让文件的作者在 Glassbox 中重新保存。</translation>
    </message>
    <message>
        <source>{file} is damaged: {member} holds a number that is not finite or is absurdly large; ask for a fresh copy.</source>
        <translation>{file} 已损坏：{member} 中有一个数不是有限的数，或大得离谱；请重新获取一份。</translation>
    </message>
    <message>
        <source>{file} is damaged: {member} gives the same key twice; ask for a fresh copy.</source>
        <translation>{file} 已损坏：{member} 中同一个键出现了两次；请重新获取一份。</translation>
    </message>
    <message>
        <source>{file} is damaged: its format version is missing or invalid; ask for a fresh copy.</source>
        <translation>{file} 已损坏：格式版本缺失或无效；请向作者要一份新的副本。</translation>
    </message>
    <message>
        <source>{file} is damaged: its list of members is missing or invalid; ask for a fresh copy.</source>
        <translation>{file} 已损坏：成员列表缺失或无效；请重新获取一份。</translation>
    </message>
    <message>
        <source>{file} is damaged: {member} does not hold the app's settings and the tabs; ask for a fresh copy.</source>
        <translation>{file} 已损坏：{member} 中没有程序的设置和各个标签页；请重新获取一份。</translation>
    </message>
    <message>
        <source>{file} is damaged: the {tab} tab's settings are not readable; ask for a fresh copy.</source>
        <translation>{file} 已损坏：{tab} 标签页的设置无法读取；请重新获取一份。</translation>
    </message>
    <message>
        <source>{file} is damaged: {member} is not a part's description; ask for a fresh copy.</source>
        <translation>{file} 已损坏：{member} 不是某个部分的描述；请重新获取一份。</translation>
    </message>
    <message>
        <source>{file} is not safe to open: {member} holds an array of a kind Glassbox never writes; ask its author to save it again from Glassbox.</source>
        <translation>打开 {file} 不安全：{member} 中有一种 Glassbox 从不写入的数组；请让文件的作者在 Glassbox 中重新保存。</translation>
    </message>
    <message>
        <source>{file} is damaged: {member} holds numbers that are not finite (NaN or infinity); ask for a fresh copy.</source>
        <translation>{file} 已损坏：{member} 中有不是有限的数（NaN 或无穷大）；请重新获取一份。</translation>
    </message>
    <message>
        <source>{file} is damaged: {member} does not hold the arrays its description lists; ask for a fresh copy.</source>
        <translation>{file} 已损坏：{member} 中没有它的描述所列出的数组；请重新获取一份。</translation>
    </message>
    <message>
        <source>{file} cannot be saved: '{tab}' is not a tab's state.</source>
        <translation>无法保存 {file}：“{tab}”不是某个标签页的状态。</translation>
    </message>
    <message>
        <source>{file} cannot be saved: the settings hold a value that is not plain data or not a finite number.</source>
        <translation>无法保存 {file}：设置中有一个值不是普通数据，或不是有限的数。</translation>
    </message>
    <message>
        <source>{file} cannot be saved: '{part}' is not a part a session can hold.</source>
        <translation>无法保存 {file}：课堂文件不能包含“{part}”这一部分。</translation>
    </message>
    <message>
        <source>{file} cannot be saved: the part '{part}' holds a value that is not plain data, not a finite number or not a supported kind of array.</source>
        <translation>无法保存 {file}：“{part}”部分中有一个值不是普通数据、不是有限的数，或不是支持的数组类型。</translation>
    </message>
    <message>
        <source>{file} cannot be saved: {member} would be too big for a session.</source>
        <translation>无法保存 {file}：{member} 太大，课堂文件装不下。</translation>
    </message>
    <message>
        <source>{file} cannot be saved: the session would be too big.</source>
        <translation>无法保存 {file}：课堂文件会太大。</translation>
    </message>
    <message>
        <source>{file} is damaged and cannot be opened; ask for a fresh copy.</source>
        <translation>{file} 已损坏，无法打开；请向作者要一份新的副本。</translation>
    </message>
    <message>
        <source>{file} does not exist; check the name and the folder.</source>
        <translation>{file} 不存在，请检查文件名和文件夹。</translation>
    </message>
    <message>
        <source>{file} cannot be read; check that it exists and that you may read it.</source>
        <translation>无法读取 {file}，请确认文件存在并且你有读取权限。</translation>
    </message>
    <message>
        <source>{file} is not a Glassbox session; open a .glassbox file saved by Glassbox.</source>
        <translation>{file} 不是 Glassbox 课堂文件；请打开由 Glassbox 保存的 .glassbox 文件。</translation>
    </message>
    <message>
        <source>{file} is damaged: {member} does not match its checksum; ask for a fresh copy.</source>
        <translation>{file} 已损坏：{member} 与它的校验和不符；请重新获取一份。</translation>
    </message>
    <message>
        <source>{file} is encrypted; Glassbox sessions are never encrypted, so this is not one.</source>
        <translation>{file} 是加密的；Glassbox 课堂文件从不加密，所以它不是课堂文件。</translation>
    </message>
    <message>
        <source>{file} uses a compression Glassbox does not read; save it again from Glassbox.</source>
        <translation>{file} 使用了 Glassbox 无法读取的压缩方式；请在 Glassbox 中重新保存。</translation>
    </message>
    <message>
        <source>{file} is not a Glassbox session (it has no manifest); open a .glassbox file saved by Glassbox.</source>
        <translation>{file} 不是 Glassbox 课堂文件（没有清单）；请打开由 Glassbox 保存的 .glassbox 文件。</translation>
    </message>
    <message>
        <source>The connection to {host} dropped after {done:,} of {total:,} bytes of {file_name}; nothing was kept, try again.</source>
        <translation>下载 {file_name} 时，与 {host} 的连接在 {done:,} / {total:,} 字节处中断；没有保留任何内容，请再试一次。</translation>
    </message>
    <message>
        <source>The connection to {host} dropped after {done:,} bytes of {file_name}; nothing was kept, try again.</source>
        <translation>下载 {file_name} 时，与 {host} 的连接在 {done:,} 字节处中断；没有保留任何内容，请再试一次。</translation>
    </message>
    <message>
        <source>Model '{name}' could not be saved: the folder {folder} cannot be created; choose another folder.</source>
        <translation>模型“{name}”无法保存：无法创建文件夹 {folder}；请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Model '{name}' cannot be saved: its description holds a value that is not plain data or not a finite number.</source>
        <translation>模型“{name}”无法保存：其描述中有一个值不是普通数据或不是有限数。</translation>
    </message>
    <message>
        <source>Model '{name}' has no description file {json_path}; save or train the model again.</source>
        <translation>模型“{name}”没有描述文件 {json_path}；请重新保存或训练该模型。</translation>
    </message>
    <message>
        <source>it is nested too deeply</source>
        <translation>嵌套层数太深</translation>
    </message>
    <message>
        <source>it holds a number that is not finite or is absurdly large</source>
        <translation>其中有一个不是有限数或大得离谱的数</translation>
    </message>
    <message>
        <source>it gives the same key twice</source>
        <translation>同一个键出现了两次</translation>
    </message>
    <message>
        <source>it is not valid JSON text</source>
        <translation>它不是有效的 JSON 文本</translation>
    </message>
    <message>
        <source>The description file {json_path} of model '{name}' cannot be read ({error}); save or train the model again.</source>
        <translation>模型“{name}”的描述文件 {json_path} 无法读取（{error}）；请重新保存或训练该模型。</translation>
    </message>
    <message>
        <source>The description file {json_path} lacks a valid entry '{error}'; save or train the model again.</source>
        <translation>描述文件 {json_path} 缺少有效的条目“{error}”；请重新保存或训练该模型。</translation>
    </message>
    <message>
        <source>Model '{name}' has a class name that is empty, too long or holds a control character; save or train the model again.</source>
        <translation>模型“{name}”有一个类别名称为空、太长或含有控制字符；请重新保存或训练该模型。</translation>
    </message>
    <message>
        <source>Model '{name}' names the same class twice; save or train the model again.</source>
        <translation>模型“{name}”把同一个类别列了两次；请重新保存或训练该模型。</translation>
    </message>
    <message>
        <source>Model '{name}' has an unusable preprocessing mean (it must be 1 to 3 finite numbers between -{limit:g} and {limit:g}); save or train the model again.</source>
        <translation>模型“{name}”的预处理均值不可用（必须是 1 到 3 个介于 -{limit:g} 和 {limit:g} 之间的有限数）；请重新保存或训练该模型。</translation>
    </message>
    <message>
        <source>Model '{name}' has an unusable preprocessing std (it must be 1 to 3 numbers between {low:g} and {high:g}; 0, negative or tiny values would divide by nearly nothing); save or train the model again.</source>
        <translation>模型“{name}”的预处理标准差不可用（必须是 1 到 3 个介于 {low:g} 和 {high:g} 之间的数；0、负数或极小的值会导致除以几乎为零的数）；请重新保存或训练该模型。</translation>
    </message>
    <message>
        <source>Model '{name}' has unusable preprocessing sizes (input_size, channels or digit_box); save or train the model again.</source>
        <translation>模型“{name}”的预处理尺寸不可用（input_size、channels 或 digit_box）；请重新保存或训练该模型。</translation>
    </message>
    <message>
        <source>Model '{name}' has unusable preprocessing settings (scale, invert or centre_by_mass); save or train the model again.</source>
        <translation>模型“{name}”的预处理设置不可用（scale、invert 或 centre_by_mass）；请重新保存或训练该模型。</translation>
    </message>
    <message>
        <source>Model '{name}' has no weights file {weights_path}; save or train the model again.</source>
        <translation>模型“{name}”没有权重文件 {weights_path}；请重新保存或训练该模型。</translation>
    </message>
    <message>
        <source>its header is not a safetensors header</source>
        <translation>其文件头不是 safetensors 文件头</translation>
    </message>
    <message>
        <source>Model '{name}' cannot be read ({error}); save or train the model again.</source>
        <translation>模型“{name}”无法读取（{error}）；请重新保存或训练该模型。</translation>
    </message>
    <message>
        <source>{file} is damaged: {member} is not valid JSON; ask for a fresh copy.</source>
        <translation>{file} 已损坏：{member} 不是有效的 JSON；请重新获取一份。</translation>
    </message>
    <message>
        <source>{file} was made by a newer Glassbox (session format {version}); update Glassbox to open it.</source>
        <translation>{file} 是由更新版本的 Glassbox 生成的（课堂文件格式 {version}）；请更新 Glassbox 后再打开。</translation>
    </message>
    <message>
        <source>{file} holds an unknown part '{part}'; it may come from a newer Glassbox.</source>
        <translation>{file} 包含未知的部分“{part}”；它可能来自更新版本的 Glassbox。</translation>
    </message>
    <message>
        <source>{file} holds an unexpected member {member}; it is not a Glassbox session or has been tampered with.</source>
        <translation>{file} 包含意料之外的成员 {member}；它不是 Glassbox 课堂文件，或者已被篡改。</translation>
    </message>
    <message>
        <source>{file} is incomplete: {member} is missing; ask for a fresh copy.</source>
        <translation>{file} 不完整：缺少 {member}；请重新获取一份。</translation>
    </message>
    <message>
        <source>{file} holds an unknown tab '{tab}'; it may come from a newer Glassbox.</source>
        <translation>{file} 包含未知的标签页“{tab}”；它可能来自更新版本的 Glassbox。</translation>
    </message>
    <message>
        <source>{file} is damaged: {member} is not a readable set of arrays; ask for a fresh copy.</source>
        <translation>{file} 已损坏：{member} 不是可读取的一组数组；请重新获取一份。</translation>
    </message>
</context>
</TS>