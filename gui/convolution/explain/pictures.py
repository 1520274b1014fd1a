"""Ready-to-grab widgets of the lab's explanations, built from finished core results (no worker, no torch).

`python main.py snapshot --view saliency` (cli/, through gui/snapshot.py) renders these offscreen: the
same drawing parts the Convolution tab shows, filled from numpy dataclasses and arranged as a figure
(saliency_figure.py: no controls, only the methods given, the maps as large as the room allows).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from core.nets.model_store import ModelInfo
from gui.convolution.explain.saliency.saliency_figure import SaliencyFigure
from gui.convolution.explain.saliency.saliency_view import METHODS


def saliency_widget(attributions: dict, info: ModelInfo) -> QWidget:
    """"Where does it look?" for finished Attributions of one image and one class.

    `attributions` maps "gradient", "gradcam" and/or "occlusion" to core.cnn.attribution.Attribution
    (any of them may be missing; at least one is needed, and only those given are drawn); `info` gives
    the class names' model and the preprocessing that de-normalises Attribution.input into the picture
    shown. Raises ValueError without any attribution.
    """
    given = tuple(method for method in METHODS if attributions.get(method) is not None)
    if not given:
        raise ValueError("saliency_widget needs at least one Attribution")
    gradient, gradcam, occlusion = (attributions.get(method) for method in METHODS)
    view = SaliencyFigure(given)
    view.resize(view.sizeHint())
    if gradient is not None or gradcam is not None:
        layers = (gradcam.layer,) if gradcam is not None else ()
        view.show_cheap(gradient, gradcam, layers, gradcam.layer if gradcam is not None else "", info)
    else:
        view.set_reference(attributions[given[0]], info)
        view.retranslate_dynamic()
    if occlusion is not None:
        view.show_occlusion(occlusion)
    return view
