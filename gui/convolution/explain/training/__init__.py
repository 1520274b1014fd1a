"""The training panel's parts: the loss curve, its settings, the live link to the worker, and the confusion matrix."""
