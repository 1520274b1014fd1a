"""Datasets: 2-D toy sets generated in code, and their input features."""

from core.data.input_features import FEATURES, FEATURE_LABELS, expand_features
from core.data.toy2d import DATASETS, TASKS, Dataset, make_dataset

__all__ = ["DATASETS", "FEATURES", "FEATURE_LABELS", "TASKS", "Dataset", "expand_features", "make_dataset"]
