<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>Glassbox — inside a neural network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss and accuracy curves, live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every neuron and weight; step one example through forward and backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load, paste, drop or draw an image and see every convolution layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a picture in the Convolution tab (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the copied picture in the Convolution tab (Ctrl+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save View as Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Metrics as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Glassbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Speed </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the network&apos;s tensors live and train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:,.0f} steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {0:,} · epoch {1:,.1f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open (Ctrl+O), paste (Ctrl+V) or drop an image, or draw a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Textbook surfaces: race optimizers downhill. Your network: slice the loss of the network you are training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right arrow: send one example through the network, layer by layer. Space: play its pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Play (Space) to train, or Step (Right arrow) for one step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Plot Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {0}; choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {0} ({1}); choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glassbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training tab:
  Space — play or pause training
  Right arrow — one training step
Network tab:
  Space — play or pause one example&apos;s pass
  Right arrow — animate one layer (a new example when the pass is done)
  Shift+Right — to the end of the phase;  Left — back;  N — next example
  Page Down / Page Up (a presentation clicker) — step and back
  Click a neuron — its inspector;  click an edge — type a weight
Convolution tab:
  Ctrl+O — open an image;  Ctrl+V — paste one;  or drop a file on the window
  Ctrl+Z — undo a stroke on the drawing
  Kernel playground: P — play or pause;  . — step;  , — back;  End — to the end
Everywhere:
  Ctrl+R — reset the weights
  Ctrl+S — save the current view as a PNG image
  Ctrl+E — export the metrics as CSV
  F11 — full screen, for the projector
  Ctrl+Q — quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Glassbox {0}&lt;/h3&gt;&lt;p&gt;Opens the black box of a neural network for the classroom: watch a real PyTorch network train, live.&lt;/p&gt;&lt;p&gt;PySide6, pyqtgraph, NumPy and PyTorch.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
