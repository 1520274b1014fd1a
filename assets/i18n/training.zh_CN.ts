<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which dataset to learn: 2-D points, or 28×28 digits. Hover an entry for a description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much random noise blurs the points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the points used for training; the rest test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many points to generate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same seed gives the same data, weights and losses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs computed from the point (x₁, x₂). Image datasets feed their pixels instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed {0} to the first layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurons per hidden layer, comma-separated: 8,8 or 64,64,64,64. Leave empty for none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a = σ(z), applied after every hidden layer&apos;s weighted sum. Click a layer&apos;s name on the network graph to set it per layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How each step turns the gradient into a weight change (torch.optim).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>η, the step length. Too large overshoots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples averaged into each step&apos;s gradient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalise large weights: L1 adds rate·Σ|w|, L2 adds rate·½Σw².</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How strongly large weights are penalised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regularisation rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regularisation rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per layer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1000 steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (CUDA if available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train continuously (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do one training step (Right arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New weights from the seed; step 0 (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CUDA GPU was found on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow training down to watch it step by step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>Press Play to train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy has no meaning for regression:
watch the loss (mean squared error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train loss {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test loss {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test accuracy {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
