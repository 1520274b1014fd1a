"""Issue 13's commands: why the network said that, what a channel looks for, where it gets confused, and the
autoencoder lab.

    parser.py           their option groups and --steps defaults (joined into cli/parser.py)
    inputs.py           the checks of their values, before any work
    exports.py          export saliency, channel-images, dream
    autoencoder.py      export autoencoder (and the training `snapshot --view autoencoder` draws)
    snapshots.py        snapshot --view saliency, channel, confusion, autoencoder
    confusion_table.py  the confusion matrix as a text table (evaluate)
"""
