"""Network builders and the facts views need about their layers."""

from core.nets.mlp import ACTIVATIONS, MAX_DEPTH, MAX_WIDTH, MLP, build_mlp

__all__ = ["ACTIVATIONS", "MAX_DEPTH", "MAX_WIDTH", "MLP", "build_mlp"]
