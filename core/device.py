"""Choose where tensors live (CUDA when present, else CPU) and name the choice."""

from __future__ import annotations

import torch

from core.errors import DeviceError

DEVICE_CHOICES = ("auto", "cpu", "cuda")


def cuda_available() -> bool:
    return torch.cuda.is_available()


def resolve_device(choice: str = "auto") -> torch.device:
    """Turn 'auto', 'cpu' or 'cuda' into a torch.device, refusing CUDA where there is none."""
    choice = (choice or "auto").lower()
    if choice not in DEVICE_CHOICES:
        raise DeviceError(
            "Unknown device '{choice}'; choose one of: {choices}.",
            choice=choice, choices=", ".join(DEVICE_CHOICES),
        )
    if choice == "auto":
        return torch.device("cuda") if cuda_available() else torch.device("cpu")
    if choice == "cuda" and not cuda_available():
        raise DeviceError("CUDA was requested but no CUDA GPU is available here; use --device cpu or auto.")
    return torch.device(choice)


def describe_device(device: torch.device) -> str:
    """'CPU' or 'CUDA: <GPU name>', as the status bar shows it."""
    if device.type == "cuda":
        index = device.index if device.index is not None else torch.cuda.current_device()
        return f"CUDA: {torch.cuda.get_device_name(index)}"
    return "CPU"
