<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Remove a neuron from hidden layer {0} (now {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a neuron to hidden layer {0} (now {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>− layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a hidden layer before the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 · Forward, layer {0} of {1}: z = Σ wᵢ·xᵢ + b, then a = {2}(z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 · Loss ({0}): prediction {1} vs target {2} → L = {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 · Backward, layer {0} of {1}: δ = ∂L/∂z flows back; ∂L/∂w = δ · input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 · Update ({0}, η = {1}): every weight moves by Δw = −η·∂L/∂w. Edges now show Δw: orange grew, blue shrank, thicker changed more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network {0}: each line is a weight, each circle a neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   ·   example {0}, step {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prediction {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prediction {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ◀ top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top class: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input
{0}×{0} image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden {0}
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to change the activation of hidden layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edges thinned: strongest {0} per neuron ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thicker = larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ring: bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill: a or δ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output neuron {0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neuron {0} of hidden layer {2} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input {0} = {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a = {0}(z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step an example through to see the numbers. Click for the inspector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neuron {0} of layer {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neuron {0} of hidden layer {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight from {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to type a new value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <source>Output over the input plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a training point to step it through the network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientChart</name>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkTab</name>
    <message>
        <source>Press Right (or “Next example”) to send one training example through the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step-through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Play pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play this example&apos;s pass: forward, loss, backward, update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animate one layer of the pass; a new example when it is done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase ▸▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animate to the end of the current phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◂ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the next training example and show its pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Speed </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animation speed, 0.1× to 10×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Edges </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many incoming edges to draw per neuron: its strongest k by |w|. Auto thins only layers with thousands of edges; All draws every weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strongest {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset: 8 sigmoid layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eight hidden sigmoid layers: watch the gradient fade towards the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right: next example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>❚❚ Pause pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value of w:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training. Press Right to step one example through the network.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>No network yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NeuronInspector</name>
    <message>
        <source>Neuron inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming weights and bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its output over the input plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its activation over the training set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the numbers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h{0}·{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over {0} training examples a ranges from {1} to {2} (mean {3}). {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It outputs 0 for every example: a dead ReLU, it no longer learns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of examples saturate it, where its gradient is nearly 0.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
