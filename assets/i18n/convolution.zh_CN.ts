<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to watch: the kernel sliding, ReLU, or pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A classic kernel; edit its numbers below to make your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many pixels the kernel covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel&apos;s numbers: type a value (2, −0.5, 1/9) to make a custom kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luminance (grey)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which channel of the colour image the kernel sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stride: how many pixels the kernel jumps between positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding: rings of zeros added around the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}×{0} px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How small the image is made for the animation: fewer pixels, bigger squares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pooling window&apos;s size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far the pooling window jumps between positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stride</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output, pixel by pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blue channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an image to watch a kernel slide over it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole image ({0}×{1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convolution: a {0}×{0} {1} kernel slides over the {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU: every negative value of the convolution becomes 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max pooling: each window keeps its largest value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average pooling: each window keeps its mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input: the {0}, zeros around it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input: the {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input: the convolution&apos;s output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input: ReLU of the convolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Step or Play</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArithmeticRow</name>
    <message>
        <source>Patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the colours of the maps and numbers mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sum = {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max({0}, 0)
= {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>largest = {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sum {0} ÷ {1}
= {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CNNView</name>
    <message>
        <source>Inside the CNN: what every layer makes of the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour scale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each map on its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each layer together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all layers together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each map on its own: every map uses its full colour range, so faint patterns show.
Each layer together: maps of one layer compare.
All layers together: every map compares.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load an image or draw a digit to see what the network makes of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>· deeper = further from 0 · input: bright = large · click a map to enlarge it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conv: kernels slide over the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU: negatives become 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool: average each {0}×{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool: keep the strongest of each {0}×{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: passes values on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input: red, green and blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input: the image as numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fully connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fc: every number weighs all inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>softmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>softmax: scores become probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image the network was fed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input, {0}: click to enlarge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, map {1}: click to enlarge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It&apos;s an {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It&apos;s a {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · number {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · map {1} · row {2}, column {3}: {4}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CnnTrainingPanel</name>
    <message>
        <source>The pictures the network learns from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the shipped kernels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune the kernels of the network that comes with Glassbox, or learn everything from random numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step length of gradient descent: too small crawls, too large diverges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures per training step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow training down to watch each kernel change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read or draw the pictures and build a fresh network on them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One training step on one batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the starting weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this network as a model: it joins the Network list, and main.py evaluate --model can test it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose pictures and press Load data to train this network live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held-out pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pictures are not downloaded, so nothing was loaded; the network you had is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder with one subfolder per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for this model (letters, digits, - and _):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1:,} of {2:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1:,} training and {2:,} held-out pictures of {3} classes, starting from {4}, on {5}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} unreadable file(s) were skipped ({1}); hover here for why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training {0:.0%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held out {0:.1%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {0:,.0f} steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {0:,} · epoch {1:.2f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as &apos;{0}&apos; in {1}: choose it in the Network list, or test it with python main.py evaluate --model {0} --folder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train or pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColourBar</name>
    <message>
        <source>orange = positive
blue = negative, white = 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dark = low
light = high</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConvTab</name>
    <message>
        <source>How the image was prepared for the network, and what the network says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image as loaded. Drop a file here, or anywhere on the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit: the prediction and every map follow your pen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…or draw a digit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the network sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every layer&apos;s feature maps and the class probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide one kernel over the image by hand, with ReLU and pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a sample, open or paste an image, drop a file here, or draw a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network being trained below, as it is right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is loaded, but no trained network is installed: run scripts/train_models.py to create the digits and shapes models (the kernel playground works without one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the network in training on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {0} network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What {0} makes of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1}×{2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dark and light swapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ink centred in {0}×{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shrunk to {0}×{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it&apos;s {0} ({1:.0%})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {0} × {1} px</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <source>Download {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current piece…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · file {1} of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download stopped without a word; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} could not be downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Pen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The width of the pen, in pixels of the 280×280 drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back the last stroke (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again on a clean sheet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KernelPlayground</name>
    <message>
        <source>Every kernel value must be a number; the previous kernel is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU keeps the size: out = n = {0} × {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveTraining</name>
    <message>
        <source>There is no CNN in training yet: in the Convolution tab, choose pictures, press Load data and train for a while, then press Compute.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapDetail</name>
    <message>
        <source>Point at a pixel or a kernel cell to read its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the channel, enlarged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the map, enlarged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its kernels: one per input map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernel for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · map {1} of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU keeps every positive value and turns every negative one into 0: the blue disappears, the orange stays exactly as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>largest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pooling cuts the map into {0}×{1} blocks (the grey grid) and keeps the {2} value of each block: the map shrinks from {3}×{4} to {5}×{6} and keeps where the features are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One channel of the image the network was fed: a grid of numbers, bright where the number is large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ bias b = {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel slides over the input; at every position its numbers multiply the pixels under it, and the products are added up, plus the bias b = {1}, to give one pixel of this map. Blue numbers are negative, orange positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each kernel slides over one of the {0} input maps; at every position its numbers multiply the pixels under it. The products of all {0} kernels are added up, plus the bias b = {1}, to give one pixel of this map. Blue numbers are negative, orange positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · row {1}, column {2}: {3}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>Left button: draw.  Right button: rub out.  Ctrl+Z: undo the last stroke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause the sliding window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute one more position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the end ▶▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute every position at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed, from 0.1× to 10×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▮▮ Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceStrip</name>
    <message>
        <source>choose a sample…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures made by Glassbox itself: shapes, handwritten digits, a checkerboard and a scene. No file needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a photo or picture file (Ctrl+O). You can also drop a file onto the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the picture you copied, or a copied image file (Ctrl+V).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trained network that looks at the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none installed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
