"""Many weight sets of one network evaluated together, the way each layer is fastest: a slice's engine.

A slice needs the loss at hundreds of weight sets θ + α·d1 + β·d2. Running the network once
per set (or under vmap, which falls off the convolution fast path) repeats work that a
plane shares, so this evaluator stacks K weight sets and walks the layers once:

- The first layer is linear in its weights and bias, so on a plane
  layer(x; θ + α·d1 + β·d2) = layer(x; θ) + α·layer(x; d1) + β·layer(x; d2):
  three evaluations for the whole grid, then three multiply-adds per output and set. A first
  convolution with few inputs per output (digits: 3×3 on one channel) is cheaper still as one
  matrix product per chunk over its input patches, taken once (im2col), bias included.
- Later convolutions run as one grouped convolution (the K sets are the groups), with
  channels last: activations are (images, height, width, K, channels), where convolution
  keeps to oneDNN's fast path, and a max pool whose windows tile the image is the maximum of
  a few strided views (torch's 2×2 max pooling is about 30× slower channels-first here). Max
  pooling goes before a monotone activation (the same numbers, on a quarter of them).
- Fully connected layers are one batched matrix product over the K sets.
- Images are taken a few at a time so that a chunk's activations stay in the cache;
  `should_stop` is asked between those pieces, so even one huge weight set can be left.

It understands core.nets.mlp.MLP and `nn.Sequential`s of Conv2d, Linear, pooling, Flatten
and elementwise activations (every shipped network); `StackedLoss.build` answers None for
anything else, and core.landscape.slices falls back to vmap. Losses are the data loss
averaged over the training set, like the Trainer's, accumulated in float64.
"""

from __future__ import annotations

import math
from typing import Callable

import torch
from torch import nn
from torch.nn import functional as F

from core.landscape.stacked_layers import Layer, elementwise, fast_pool, loss_sums, max_pool, plan

# Floats one chunk's widest activation may hold (K sets × images × features per image). On the
# CPU a chunk that stays in the 2 MB L2 / 32 MB L3 is fastest; a GPU wants big batches.
ACTIVATION_BUDGET = {"cpu": 2**20, "cuda": 2**26}  # convolution stage: images a few at a time
DENSE_BUDGET = {"cpu": 2**22, "cuda": 2**27}  # fully connected stage: many examples per matrix product
IMAGE_EXAMPLES = 16  # images per piece a convolution stage would rather have (measured: 8–40 run best)
MAX_SETS = 64  # weight sets per chunk (core.limits.mlp_slice assumes at most this many)
WEIGHT_FLOATS = 2**26  # and at most 256 MB of their weights: one set at a time for a 33-million-weight network
# Multiply-adds in one piece of work between two looks at the stop flag: ~0.1–0.3 s here, so Cancel is heard
# within a second even when a single weight set of a huge network takes minutes.
PIECE_WORK = {"cpu": 2**29, "cuda": 2**36}
CACHE_FLOATS = 2**24  # the first layer's outputs for a plane are kept if they fit in 64 MB


class Stopped(Exception):
    """should_stop() said yes between two pieces of work."""


class StackedLoss:
    """The training-set loss of many weight sets of one model, layer by layer for all of them at once."""

    def __init__(self, model: nn.Module, layers: list[Layer], inputs: torch.Tensor, targets: torch.Tensor,
                 loss_name: str, sets: int | None = None):
        self.model, self.layers = model, layers
        self.inputs, self.targets, self.loss_name = inputs, targets, loss_name
        params = list(model.parameters())
        self.shapes = [param.shape for param in params]
        self.offsets = [0]
        for param in params:
            self.offsets.append(self.offsets[-1] + param.numel())
        self.device, self.dtype = params[0].device, params[0].dtype
        kinds = [layer.kind for layer in layers]
        self.first = next(number for number, kind in enumerate(kinds) if kind in ("linear", "conv"))
        # Layers first+1 .. split-1 work on images (channels last), split.. on vectors.
        self.split = kinds.index("flatten", self.first) + 1 if kinds[self.first] == "conv" else self.first + 1
        with torch.no_grad():
            self.shared = self._shared_input()
            image_widest, dense_widest = self._widest()
        kind = "cuda" if self.device.type == "cuda" else "cpu"
        widest = max(image_widest, dense_widest)
        # Enough examples per piece for the convolutions to run well, then as many sets as the budget allows.
        least = min(len(self.inputs), IMAGE_EXAMPLES) if self.split > self.first + 1 else 1
        self.sets = int(sets) if sets else max(1, min(MAX_SETS, ACTIVATION_BUDGET[kind] // max(1, widest * least),
                                                      WEIGHT_FLOATS // max(1, self.offsets[-1])))
        count = len(self.inputs)
        self.dense_examples = max(1, min(count, DENSE_BUDGET[kind] // max(1, dense_widest * self.sets),
                                         PIECE_WORK[kind] // max(1, self.work * self.sets)))
        self.image_examples = max(1, min(self.dense_examples,
                                         ACTIVATION_BUDGET[kind] // max(1, image_widest * self.sets)))
        self._cache: tuple | None = None  # (basis, the first layer's outputs for it)
        self._prepared: dict = {}
        self._buffers: dict = {}  # big outputs reused from chunk to chunk (fresh ones cost page faults)

    @classmethod
    def build(cls, model: nn.Module, inputs: torch.Tensor, targets: torch.Tensor, loss_name: str,
              sets: int | None = None) -> "StackedLoss | None":
        """An evaluator for `model`, or None when it has a layer this evaluator does not know."""
        layers = plan(model)
        if layers is None or not len(inputs):
            return None
        return cls(model, layers, inputs, targets, loss_name, sets)

    # ------------------------------------------------------------------ shapes
    def _shared_input(self) -> torch.Tensor:
        """The inputs after any parameter-free steps that come before the first weighted layer."""
        x = self.inputs
        for layer in self.layers[: self.first]:
            x = x.flatten(1) if layer.kind == "flatten" else elementwise(layer, x) if layer.kind == "act" else (
                layer.module(x))
        return x

    def _widest(self) -> tuple[int, int]:
        """The most floats one example takes for one weight set: in the image stage, in the vector stage.

        Also counts one example's multiply-adds (self.work), which bounds how many examples a piece takes.
        """
        x, widest = self.shared[:1], [0, 0]
        params = list(self.model.parameters())
        self.work = 0
        for number, layer in enumerate(self.layers[self.first:], self.first):
            if layer.kind == "linear":
                x = F.linear(x.flatten(1), params[layer.weight])
                self.work += params[layer.weight].numel()
            elif layer.kind == "conv":
                conv = layer.module
                x = F.conv2d(x, params[layer.weight], None, conv.stride, conv.padding, conv.dilation)
                self.work += params[layer.weight].numel() * x.shape[2] * x.shape[3]
                if number == self.first:
                    self.first_size = tuple(x.shape[2:])
            elif layer.kind == "pool":
                x = layer.module(x)
            elif layer.kind == "flatten":
                x = x.flatten(1)
            stage = 0 if number < self.split - 1 else 1
            widest[stage] = max(widest[stage], x[0].numel())
        return widest[0], widest[1]

    # ------------------------------------------------------------------ evaluating
    def plane(self, center: torch.Tensor, d1: torch.Tensor, d2: torch.Tensor, alphas: torch.Tensor,
              betas: torch.Tensor, should_stop: Callable[[], bool] | None = None) -> torch.Tensor:
        """Loss at center + alphas[k]·d1 + betas[k]·d2 for every k (float64, on the CPU); raises Stopped."""
        basis = torch.stack([center, d1, d2]).to(self.device, self.dtype)
        alphas, betas = alphas.to(self.device, self.dtype), betas.to(self.device, self.dtype)
        coefficients = torch.stack([torch.ones_like(alphas), alphas, betas], dim=1)
        return self._losses(basis, coefficients, should_stop)

    def rows(self, rows: torch.Tensor, should_stop: Callable[[], bool] | None = None) -> torch.Tensor:
        """Loss at each row of a (K, P) matrix of flat parameter vectors; raises Stopped."""
        rows = rows.to(self.device, self.dtype)
        values = [self._losses(rows[start:start + self.sets], None, should_stop)
                  for start in range(0, len(rows), self.sets)]
        return torch.cat(values) if values else torch.empty(0, dtype=torch.float64)

    @torch.no_grad()
    def _losses(self, basis: torch.Tensor, coefficients: torch.Tensor | None,
                should_stop: Callable[[], bool] | None) -> torch.Tensor:
        """Losses of the weight sets coefficients @ basis (or the basis rows themselves when None), chunked."""
        should_stop = should_stop or (lambda: False)
        cached = self._first_outputs(basis) if coefficients is not None else None
        count = len(basis) if coefficients is None else len(coefficients)
        results = []
        for start in range(0, count, self.sets):
            part = None if coefficients is None else coefficients[start:start + self.sets]
            sets = basis[start:start + self.sets] if part is None else part @ basis
            self._prepared = {}  # this chunk's kernels and matrices, laid out once for all its pieces
            total = torch.zeros(len(sets), dtype=torch.float64, device=self.device)
            for low in range(0, len(self.inputs), self.dense_examples):
                high = min(len(self.inputs), low + self.dense_examples)
                x = self._vectors(basis, part, sets, cached, low, high, should_stop)
                logits = self._dense_stage(x, sets)
                total += loss_sums(self.loss_name, logits, self.targets[low:high]).double()
            results.append(total / len(self.inputs))
        return torch.cat(results).cpu() if results else torch.empty(0, dtype=torch.float64)

    def _weights(self, sets: torch.Tensor, number: int | None) -> torch.Tensor | None:
        """Parameter `number` of every set, shaped (K, *its shape)."""
        if number is None:
            return None
        low, high = self.offsets[number], self.offsets[number + 1]
        return sets[:, low:high].reshape(len(sets), *self.shapes[number])

    def _first_outputs(self, basis: torch.Tensor) -> torch.Tensor | None:
        """What every chunk of a plane starts from, if small enough to keep: the first convolution's input
        patches (im2col), or the first layer's outputs for each basis vector."""
        if self._patches():
            return self._cached_patches()
        if self._cache is not None and self._cache[0].shape == basis.shape and torch.equal(self._cache[0], basis):
            return self._cache[1]
        per_example = self._first_layer(basis, self.shared[:1]).numel()
        if per_example * len(self.inputs) > CACHE_FLOATS:
            return None
        outputs = self._first_layer(basis, self.shared)
        self._cache = (basis, outputs)
        return outputs

    def _patches(self) -> bool:
        """True when the first layer is a convolution cheaper as one matrix product per chunk over its input
        patches (inputs × kernel size multiply-adds per output) than as a mix of the plane's three outputs."""
        layer = self.layers[self.first]
        return layer.kind == "conv" and math.prod(self.shapes[layer.weight][1:]) <= 3 * self.shapes[layer.weight][0]

    def _unfold(self, x: torch.Tensor) -> torch.Tensor:
        """(n, H', W', Cin·kh·kw + 1): each output position's input patch, in the order of the kernel's numbers,
        and a 1 for the bias (added inside the product: a separate bias costs a copy of the whole output)."""
        conv = self.layers[self.first].module
        patches = F.unfold(x, conv.kernel_size, conv.dilation, conv.padding, conv.stride).transpose(1, 2)
        ones = torch.ones((*patches.shape[:2], 1), dtype=patches.dtype, device=patches.device)
        return torch.cat([patches, ones], dim=2).reshape(len(x), *self.first_size, -1)

    def _cached_patches(self) -> torch.Tensor | None:
        if self._cache is None or self._cache[0] is not None:
            size = math.prod(self.first_size) * (math.prod(self.shapes[self.layers[self.first].weight][1:]) + 1)
            if size * len(self.inputs) > CACHE_FLOATS:
                return None
            self._cache = (None, self._unfold(self.shared))
        return self._cache[1]

    def _first_layer(self, sets: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        """The first weighted layer for each of the sets on x: (n, H, W, K, C) for a conv, (K, n, O) for a linear."""
        layer = self.layers[self.first]
        weight, bias = self._weights(sets, layer.weight), self._weights(sets, layer.bias)
        if layer.kind == "linear":
            out = torch.matmul(x.flatten(1), weight.transpose(1, 2))
            return out if bias is None else out.add_(bias[:, None, :])
        return self._convolved(self._unfold(x), sets)

    def _convolved(self, patches: torch.Tensor, sets: torch.Tensor) -> torch.Tensor:
        """The first convolution of each set as one matrix product over input patches: (n, H', W', K, C)."""
        layer = self.layers[self.first]
        weight, bias = self._weights(sets, layer.weight), self._weights(sets, layer.bias)
        n, height, width, size = patches.shape
        bias = torch.zeros_like(weight[:, :, 0, 0, 0]) if bias is None else bias
        kernels = torch.cat([weight.reshape(-1, size - 1), bias.reshape(-1, 1)], dim=1).T  # (Cin·kh·kw + 1, K·C)
        out = torch.mm(patches.view(n * height * width, size), kernels,
                       out=self._buffer("first", (n * height * width, kernels.shape[1])))
        return out.view(n, height, width, len(sets), -1)

    def _combined_first(self, basis, part, cached, low, high, sets) -> torch.Tensor:
        """The first layer's output for the chunk's sets: Σ_m part[k, m] · (its output for basis vector m)."""
        if part is None:
            return self._first_layer(basis, self.shared[low:high])
        if self._patches():
            patches = cached[low:high] if cached is not None else self._unfold(self.shared[low:high])
            return self._convolved(patches, sets)
        conv = self.layers[self.first].kind == "conv"
        if cached is None:
            outputs = self._first_layer(basis, self.shared[low:high])
        else:
            outputs = cached[low:high] if conv else cached[:, low:high]
        if not conv:  # (M, n, O) → (K, n, O): one matrix product
            m, n, o = outputs.shape
            mixed = torch.mm(part, outputs.reshape(m, n * o), out=self._buffer("first", (len(part), n * o)))
            return mixed.view(len(part), n, o)
        # (n, H, W, M, C) → (n, H, W, K, C): one matrix product with kron(partᵀ, I_C), channels stay last
        n, height, width, m, channels = outputs.shape
        eye = torch.eye(channels, dtype=part.dtype, device=part.device)
        mixing = (part.T[:, None, :, None] * eye[None, :, None, :]).reshape(m * channels, len(part) * channels)
        return (outputs.reshape(n * height * width, m * channels) @ mixing).view(n, height, width, len(part), channels)

    def _vectors(self, basis, part, sets, cached, low, high, should_stop) -> torch.Tensor:
        """(K, n, F): what the vector stage starts from, for examples low:high (images a few at a time)."""
        if self.split == self.first + 1:
            if should_stop():
                raise Stopped
            return self._combined_first(basis, part, cached, low, high, sets)
        out = None
        for start in range(low, high, self.image_examples):
            if should_stop():
                raise Stopped
            end = min(high, start + self.image_examples)
            x = self._image_stage(self._combined_first(basis, part, cached, start, end, sets), sets)
            n, height, width, count, channels = x.shape
            if out is None:
                out = self._buffer("flat", (count, high - low, channels * height * width))
            # nn.Flatten's order for each set: (C, H, W)
            out[:, start - low:end - low].view(count, n, channels, height, width).copy_(x.permute(3, 0, 4, 1, 2))
        return out

    def _image_stage(self, x: torch.Tensor, sets: torch.Tensor) -> torch.Tensor:
        """The layers between the first and Flatten, on (n, H, W, K, C) channels-last activations."""
        count = len(sets)
        for layer in self.layers[self.first + 1:self.split - 1]:
            if layer.kind == "act":
                x = elementwise(layer, x)
                continue
            if layer.kind == "pool" and fast_pool(layer.module):
                x = max_pool(x, layer.module)
                continue
            n, height, width, _, channels = x.shape
            view = x.view(n, height, width, count * channels).permute(0, 3, 1, 2)  # (n, K·C, H, W), channels last
            if layer.kind == "pool":
                out = layer.module(view)
            else:  # conv: the K sets are the groups
                conv = layer.module
                kernels, bias = self._prepare(layer, sets)
                out = F.conv2d(view, kernels, bias, conv.stride, conv.padding, conv.dilation, groups=count)
            x = out.permute(0, 2, 3, 1).reshape(n, out.shape[2], out.shape[3], count, -1)
        return x

    def _buffer(self, key, shape: tuple) -> torch.Tensor:
        """A tensor of this shape kept for `key`'s output: a chunk's arrays overwrite the previous chunk's."""
        buffer = self._buffers.get(key)
        if buffer is None or buffer.shape != shape:
            buffer = torch.empty(shape, dtype=self.dtype, device=self.device)
            self._buffers[key] = buffer
        return buffer

    def _prepare(self, layer: Layer, sets: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        """A later layer's weights for the chunk's sets, laid out for its product, once per chunk."""
        key = id(layer)
        if key not in self._prepared:
            weight, bias = self._weights(sets, layer.weight), self._weights(sets, layer.bias)
            if layer.kind == "linear":  # (K, in, out) and (K, 1, out): about 30 % faster products
                prepared = (weight.transpose(1, 2).contiguous(), None if bias is None else bias[:, None, :])
            else:  # grouped kernels, channels last: about 2× faster here
                prepared = (weight.reshape(-1, *weight.shape[2:]).contiguous(memory_format=torch.channels_last),
                            None if bias is None else bias.reshape(-1))
            self._prepared[key] = prepared
        return self._prepared[key]

    def _dense_stage(self, x: torch.Tensor, sets: torch.Tensor) -> torch.Tensor:
        """The layers after Flatten (or after the first linear one) on (K, n, F): the logits."""
        for layer in self.layers[self.split:]:
            if layer.kind == "act":
                x = elementwise(layer, x)
            elif layer.kind == "linear":
                weight, bias = self._prepare(layer, sets)
                out = self._buffer(id(layer), (x.shape[0], x.shape[1], weight.shape[2]))
                x = torch.bmm(x, weight, out=out) if bias is None else torch.baddbmm(bias, x, weight, out=out)
        return x
