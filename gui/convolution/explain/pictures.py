"""Ready-to-grab widgets of the lab's explanations, built from finished core results (no worker, no torch).

`python main.py snapshot --view saliency` (cli/, through gui/snapshot.py) renders these offscreen: the
same drawing part the Convolution tab shows, filled from numpy dataclasses.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from core.nets.model_store import ModelInfo
from gui.convolution.explain.saliency.saliency_view import SaliencyView


def saliency_widget(attributions: dict, info: ModelInfo) -> QWidget:
    """"Where does it look?" for finished Attributions of one image and one class.

    `attributions` maps "gradient", "gradcam" and/or "occlusion" to core.cnn.attribution.Attribution
    (any of them may be missing; at least one is needed); `info` gives the class names' model and the
    preprocessing that de-normalises Attribution.input into the picture shown. Raises ValueError
    without any attribution.
    """
    gradient, gradcam, occlusion = (attributions.get(method) for method in ("gradient", "gradcam", "occlusion"))
    reference = next((item for item in (gradient, gradcam, occlusion) if item is not None), None)
    if reference is None:
        raise ValueError("saliency_widget needs at least one Attribution")
    view = SaliencyView()
    view.resize(1000, 520)
    layers = (gradcam.layer,) if gradcam is not None else ()
    if gradient is not None or gradcam is not None:
        view.show_cheap(gradient, gradcam, layers, gradcam.layer if gradcam is not None else "", info)
    else:
        view.set_reference(reference, info)
        view.retranslate_dynamic()
    if occlusion is not None:
        view.window_spin.setValue(occlusion.window)
        view.stride_spin.setValue(occlusion.stride)
        view.show_occlusion(occlusion)
    for button in (view.run_button, view.stop_button):
        button.setEnabled(False)  # a picture: nothing to run
    return view
