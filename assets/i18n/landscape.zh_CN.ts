<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>LandscapeMap</name>
    <message>
        <source>Click anywhere on the map to start the race from there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LandscapeTab</name>
    <message>
        <source>Textbook surfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your CNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Race optimizers downhill on classic test functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A slice of the loss of the network you are training, with its path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A slice of the loss of the CNN trained in the Convolution tab, with its path</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LandscapeView</name>
    <message>
        <source>computing the race…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new settings are racing; the paths shown are the previous ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speed {0}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>κ = {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>momentum {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkLandscapePanel</name>
    <message>
        <source>Loss at the current weights: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random (filter-normalised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCA of the training path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random: two random directions, each neuron&apos;s part scaled to that neuron&apos;s weights (Li et al. 2018).
PCA: the two directions the training path moved along most; the path lies close to this plane.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid points along each axis: more is finer and slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause training and compute the loss of your network around its current weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A coarse grid appears first, then the full one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop computing; the weights are untouched and training can go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the convolution lab&apos;s network for a while (Convolution tab: Load data, then Train), then press Compute to see the loss around its current weights and the path training took.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the network for a while (Training or Network tab), then press Compute to see the loss around its current weights and the path training took.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path is projected onto this plane: its true loss (right) can differ from the surface under it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights have many more than two numbers. The map is one flat slice through them, around the current weights (the star); the path&apos;s points are their nearest points on that slice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss around the current weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light is low loss, dark is high; the red line is the training path, from the circle (start) to the star (now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True loss along the path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss the network really had at each recorded step of its path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α: 0 = initial weights, 1 = now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Straight line from the start to now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss at θ0 + α·(θ − θ0). A smooth curve downhill means training crossed no barrier on the way, even if its real path was anything but straight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing… training is paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training is paused: press Train in the Convolution tab to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training is paused: press Play to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PCA directions hold {0} and {1} of the path&apos;s movement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random directions: the path may lie mostly off this plane.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This slice shows the network before it was reset; press Compute to slice the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the reset: loss around the weights of step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This slice shows the network before its settings changed; press Compute to slice the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the settings changed: loss around the weights of step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training has moved on since this slice; Compute again to follow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss around the weights of step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss at the star (step {0}): {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RaceTable</name>
    <message>
        <source>optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.widget</name>
    <message>
        <source>Drag to rotate, scroll to zoom</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <source>Surface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss function the optimizers walk across</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How stretched the bowl is: its steepest over its flattest curvature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Race {0} from the start point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning rate: the length of each step downhill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the last step Momentum and Nesterov keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many steps each optimizer takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show arrows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the downhill direction and the momentum at each optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>solid arrow: downhill (−gradient)
dashed arrow: momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the start point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause the race</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed, from 0.1× to 10×</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
