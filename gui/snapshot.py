"""Render views offscreen to PNG, for `main.py snapshot`: the same widgets the window shows.

Every PNG is written by `save_png` (encoded in memory, then core.files.atomic_write), so a
failed write is one sentence and never leaves half a file; the window's Save View uses it too.

Each renderer takes the language to draw in (`language`: "zh_CN", "en"; None keeps the one
installed), installed before any view is built, so every label is drawn in it. Captions that
the caller composes (titles, the step line) come in already translated.
"""

from __future__ import annotations

import os

from core.mlp.reports import MetricsHistory, RunInfo


def ensure_offscreen() -> None:
    """Use Qt's offscreen platform unless a display platform was chosen explicitly."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _start(language: str | None):
    """The offscreen application, speaking `language` (None: whatever is installed) before any view is built."""
    ensure_offscreen()
    from gui.app import make_application

    app = make_application()
    if language is not None:
        from gui import i18n

        i18n.install(language)
    return app


def render_training_view(
    info: RunInfo, history: MetricsHistory, path: str, size: tuple[int, int], warning: str = "",
    language: str | None = None,
) -> bool:
    """Draw the training view with `history` at `size` and save it to `path` (save_png: one sentence if not)."""
    app = _start(language)
    from gui.training.curves_view import TrainingView

    view = TrainingView()
    view.resize(*size)
    view.on_run_started(info)
    view.show_history(history)
    if warning:
        view.show_warning(warning)
    return _save_png(app, view, path)


def render_network_view(trainer, path: str, size: tuple[int, int], warning: str = "", caption: str | None = None,
                        state: dict | None = None, language: str | None = None) -> bool:
    """Draw the Network tab (graph, decision boundary, gradient sizes) for `trainer`'s current weights.

    `state`: a saved NetworkState dictionary (a session's): its view choices and the example
    stepped through, recorded from `trainer` as the live tab would ask for it; never its buttons.
    """
    app = _start(language)
    from core.mlp.reports import progress_of, run_info
    from gui.network.tab import NetworkTab

    info = run_info(trainer)
    tab = NetworkTab()
    tab.toolbar.hide()  # a figure for slides: no buttons
    tab.network_view.set_editable(False)
    tab.resize(*size)
    tab.on_run_started(info)
    tab.on_progress(progress_of(trainer, (), 0.0, boundaries=True, gradients=True))  # as the live app assembles it
    stepping = state is not None and _apply_network_state(tab, trainer, state)
    if warning or not stepping:  # a stepped example keeps the tab's own caption: it explains that phase
        tab.caption.setText(warning or caption or f"{info.title} · step {trainer.step_count}")
    return _save_png(app, tab, path)


def _apply_network_state(tab, trainer, data: dict) -> bool:
    """Show a saved NetworkState on `tab`, answering its request for an example's pass from `trainer` at once;
    True when it shows an example stepped through."""
    from dataclasses import replace

    from core.mlp.recording import record_example
    from gui.network.state import NetworkState

    state = replace(NetworkState.from_dict(data), show_toolbar=False, editable=False)
    if state.example_index is not None and state.example_index >= trainer.n_train:
        state = replace(state, example_index=None, phase=None)

    def answer(index) -> None:  # same thread, direct call: the pass is there before apply_state returns
        tab.on_trace_recorded(record_example(trainer, state.example_index if index is None else index))

    tab.trace_requested.connect(answer)
    tab.apply_state(state)
    tab.trace_requested.disconnect(answer)
    return state.example_index is not None


def _save_png(app, widget, path: str) -> bool:
    """Paint `widget` offscreen and save it whole (save_png); True, or a GlassboxError with one sentence."""
    if widget.layout() is not None:
        widget.layout().activate()
    # Axes widen to fit their tick labels only after a first paint: paint once, then shoot.
    widget.grab()
    app.processEvents()
    try:
        save_png(widget.grab(), path)
    finally:
        widget.close()
    return True


def png_bytes(image) -> bytes:
    """`image` (a QImage or QPixmap) encoded as PNG in memory; FileWriteError if Qt cannot encode it."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from core.files import picture_not_encoded

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = not image.isNull() and image.save(buffer, "PNG")
    buffer.close()
    if not ok:
        raise picture_not_encoded()
    return bytes(data.data())


def save_png(image, path: str | os.PathLike) -> None:
    """Write `image` (a QImage or QPixmap) to `path` as a PNG, whole or not at all.

    Encoded in memory first, then written through core.files.atomic_write (a temporary file
    renamed over `path` when complete): a full disk, a device or a missing folder is one
    sentence (core.files.FileWriteError, a GlassboxError), libpng prints nothing, and the old
    file stays exactly as it was. The window's Save View uses it too.
    """
    from core.files import FileWriteError, atomic_write, writable_target

    writable_target(path, FileWriteError)  # before encoding: a bad target fails at once
    atomic_write(path, png_bytes(image), FileWriteError)


def render_cnn_view(image, model_name: str | None, path: str, size: tuple[int, int], models_dir=None,
                    model=None, title: str | None = None, language: str | None = None) -> bool:
    """Draw the CNN view of `image` (a LoadedImage) through stored model `model_name`, and save it to `path`.

    `model`: a (network, ModelInfo) pair to use instead of a stored one (a session's lab model).
    Raises ModelError when the model cannot be loaded, FileWriteError when the PNG cannot be written.
    """
    ensure_offscreen()
    from core.cnn.analysis import analyse, open_model

    model, info = model if model is not None else open_model(model_name, models_dir)
    record = analyse(model, info, image)
    app = _start(language)
    from gui.convolution.cnn_view import CNNView

    view = CNNView()
    view.resize(*size)
    view.set_title(title or f"What the {model_name or info.name} network makes of {image.name}")
    view.layout().activate()  # size the drawing area first, so the layers are laid out for this shape
    view.show_record(record)
    return _save_png(app, view, path)


def render_landscape_view(surface_name: str, optimizers, learning_rate: float, steps: int, start,
                          momentum: float, path: str, size: tuple[int, int], language: str | None = None) -> bool:
    """Race `optimizers` on a textbook surface and draw the Landscape tab at the race's end."""
    app = _start(language)
    from gui.landscape.race_view import LandscapeView

    view = LandscapeView(threaded=False)  # each setter has drawn its race when it returns: no thread to wait for
    view.controls_area.hide()  # a figure for slides: the map, the surface and the race table, no buttons
    if view.missing_3d is not None:
        view.missing_3d.hide()  # offscreen there is never OpenGL: give the map the room, not the excuse
    view.resize(*size)
    view.set_surface(surface_name)
    view.set_optimizers(list(optimizers))
    view.set_learning_rate(learning_rate)
    view.set_momentum(momentum)
    if start is not None:
        view.set_start(*start)
    view.set_steps(steps)
    view.go_to_end()
    return _save_png(app, view, path)


def render_network_landscape(result, path: str, size: tuple[int, int], title: str,
                             language: str | None = None) -> bool:
    """Draw the Landscape tab's "Your network" panel for a computed LandscapeResult."""
    app = _start(language)
    from gui.landscape.slice_panel import NetworkLandscapePanel

    panel = NetworkLandscapePanel()
    panel.resize(*size)
    panel.on_finished(result)
    panel.show_as_figure(title)
    return _save_png(app, panel, path)


# ----------------------------------------------------------------------------- issue 13's views
# Each takes finished core results (numpy and dataclasses: the command line computed them) and
# builds the view with its owner's function, which runs no torch; the size is set before the grab.


def _render_figure(app, widget, path: str, size: tuple[int, int]) -> bool:
    """Grab `widget` at `size`; a view that cannot shrink that far is drawn at its smallest and scaled down
    (its proportions kept, centred on its own background), so the PNG has the size asked for and nothing
    is cut off."""
    if widget.layout() is not None:
        widget.layout().activate()
    smallest = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    width, height = max(size[0], smallest.width()), max(size[1], smallest.height())
    widget.resize(width, height)
    if (width, height) == tuple(size):
        return _save_png(app, widget, path)
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    widget.grab()  # as _save_png: axes widen to fit their labels after a first paint
    app.processEvents()
    try:
        shot = widget.grab().scaled(*size, Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)
        picture = QImage(*size, QImage.Format.Format_RGB32)
        picture.fill(widget.palette().window().color())
        painter = QPainter(picture)
        painter.drawPixmap((size[0] - shot.width()) // 2, (size[1] - shot.height()) // 2, shot)
        painter.end()
        save_png(picture, path)
    finally:
        widget.close()
    return True


def render_saliency_view(attributions: dict, info, path: str, size: tuple[int, int],
                         language: str | None = None) -> bool:
    """"Where does it look?": `attributions` (method → core.cnn.attribution.Attribution) of one image through
    the model `info` describes, drawn over the image with their legends."""
    app = _start(language)
    from gui.convolution.explain.pictures import saliency_widget

    return _render_figure(app, saliency_widget(attributions, info), path, size)


def render_channel_view(top, dream, info, path: str, size: tuple[int, int], frames=None,
                        language: str | None = None) -> bool:
    """"What does this channel look for?": its top images (core.cnn.channels.ChannelImages, or None) and the
    image grown for it (a DreamFrame, or None); `frames`: every DreamFrame on the way, for its curve."""
    app = _start(language)
    from gui.convolution.explain.channel.channel_view import channel_widget

    return _render_figure(app, channel_widget(top, dream, info, frames), path, size)


def render_confusion_view(confusion, path: str, size: tuple[int, int], language: str | None = None,
                          from_folder: bool = False) -> bool:
    """The confusion matrix (a core.cnn.confusion.Confusion), coloured and counted; `from_folder`: it counted a
    class folder's pictures, not a data set's held-out ones."""
    app = _start(language)
    from gui.convolution.explain.training.confusion_view import confusion_widget

    return _render_figure(app, confusion_widget(confusion, from_folder=from_folder), path, size)


def render_autoencoder_view(reconstructions, loss_curve, evaluation, config, layers, path: str,
                            size: tuple[int, int], language: str | None = None) -> bool:
    """The Autoencoder tab's pictures after headless training: originals beside their reconstructions, the
    loss, the plane of codes and the layers (gui.autoencoder.pictures.autoencoder_widget's arguments)."""
    app = _start(language)
    from gui.autoencoder.pictures import autoencoder_widget

    return _render_figure(app, autoencoder_widget(reconstructions, loss_curve, evaluation, config, layers), path,
                          size)
