"""What the visible tab can film: each a Choice that says its name, why it cannot be filmed now, and how.

Offscreen choices (one example's pass, the optimizer race, the kernel sliding) are drawn by the
tab's own widgets from the numbers the tab holds (gui/animation/sources.py), spread over the length
the teacher asks for. Live choices (training, the occlusion square, the CNN or the autoencoder
learning) are grabbed from the screen as they happen (LiveSource). The window is read, never
imported: gui.animation sits below the window (pyproject.toml's layers).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from gui.animation.live_source import LiveSource

FILE_STEMS = {"network_pass": "network-pass", "training": "training", "race": "optimizer-race",
              "kernel": "kernel-sliding", "occlusion": "occlusion", "cnn": "cnn-training",
              "autoencoder": "autoencoder-training"}
Asker = Callable[[QWidget, str, str], bool]  # (parent, title, question) -> yes


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    buttons = QMessageBox.StandardButton
    return QMessageBox.question(parent, title, question, buttons.Yes | buttons.No, buttons.Yes) == buttons.Yes


@dataclass
class Choice:
    """One thing to film: `make(size, fps, seconds)` gives its frame source."""

    key: str  # remembered between recordings: network_pass, training, race, kernel, occlusion, cnn, autoencoder
    label: str
    note: str  # one or two sentences under the choice: what is filmed, and how
    widget: QWidget  # the view filmed (its size is "the view's own size")
    live: bool
    make: Callable[[tuple[int, int], int, float], object]
    problem: str = ""  # why it cannot be filmed now, and what to do; empty when it can
    stem: str = ""  # the file name suggested, without its suffix

    def __post_init__(self):
        self.stem = self.stem or FILE_STEMS.get(self.key, self.key)


class AnimationChoices(QObject):
    """The choices of the window's visible tab, in the current language."""

    def __init__(self, window, ask: Asker = ask_yes_no):
        super().__init__(window)
        self.window, self.ask = window, ask

    def for_visible_tab(self) -> list[Choice]:
        w = self.window
        page = w.tabs.currentWidget()
        if page is w.network_tab:
            training = self._training(w.network_tab)
            training.stem = "network-training"
            return [self._network_pass(), training]
        if page is w.training_view:
            return [self._training(w.training_view)]
        if page is w.landscape_tab:
            return [self._race()]
        if page is w.conv_tab:
            return [self._kernel(), self._occlusion(), self._cnn()]
        if page is w.autoencoder_tab:
            return [self._autoencoder()]
        return []

    # ------------------------------------------------------------------ offscreen
    def _network_pass(self) -> Choice:
        tab = self.window.network_tab
        info, trace, progress = tab.info, tab.trace, self.window.last_progress

        def make(size, fps, seconds):
            from gui.animation.sources import network_pass_source
            return network_pass_source(info, progress, trace, size, fps, seconds)

        problem = "" if None not in (info, trace, progress) else self.tr(
            "Step one example first (Right arrow): the film shows the last example stepped through the network.")
        return Choice("network_pass", self.tr("One example's pass (forward, loss, backward, update)"), self.tr(
            "Drawn offscreen by the Network view from the last example you stepped: the whole pass, forward, loss, "
            "backward and update, is spread over the length you choose."),
            tab, False, make, problem)

    def _race(self) -> Choice:
        view = self.window.landscape_tab.ensure_built().surfaces
        state, paths = view.state(), dict(view.paths)

        def make(size, fps, seconds):
            from gui.animation.sources import race_source
            return race_source(state, paths, size, fps, seconds)

        problem = self.tr("The race is still being computed; try again in a moment.") \
            if view.race_pending or not paths else ""
        return Choice("race", self.tr("The optimizer race"), self.tr(
            "Drawn offscreen from the race on \"Textbook surfaces\": every optimizer's path from the start to its "
            "last step, spread over the length you choose."), view, False, make, problem)

    def _kernel(self) -> Choice:
        tab = self.window.conv_tab
        image, playground = tab.image, tab.playground

        def make(size, fps, seconds):
            from gui.animation.sources import kernel_source
            return kernel_source(image.pixels, playground.state(), size, fps, seconds)

        problem = "" if image is not None else self.tr(
            "Open, paste or draw an image first (Ctrl+O, Ctrl+V, or the drawing sheet).")
        return Choice("kernel", self.tr("The kernel sliding over the image"), self.tr(
            "Drawn offscreen by the kernel playground with its kernel, stride and padding: every position of the "
            "window over the image, spread over the length you choose."), playground, False, make, problem)

    # ------------------------------------------------------------------ live
    def _live(self, widget: QWidget, on_begin=None) -> Callable:
        def make(size, fps, seconds):
            return LiveSource(widget, size, fps, seconds, on_begin=on_begin)
        return make

    def _live_note(self, what: str) -> str:
        return self.tr("{0} Recorded live, as it happens on screen, for the length you choose: the picture is the "
                       "view at its size on screen, scaled to fit the film.").format(what)

    def _training(self, widget: QWidget) -> Choice:
        if widget is self.window.network_tab:
            what = self.tr("The network training: its weights, its decision boundary and its gradient sizes.")
        else:
            what = self.tr("The loss and accuracy curves as the network trains.")
        return Choice("training", self.tr("Training, live"), self._live_note(what), widget, True, self._live(widget))

    def _occlusion(self) -> Choice:
        tab = self.window.conv_tab
        panel = tab.saliency

        def begin():
            tab.show_saliency()
            panel.run_occlusion()

        problem = "" if tab.image is not None else self.tr(
            "Open, paste or draw an image first (Ctrl+O, Ctrl+V, or the drawing sheet).")
        return Choice("occlusion", self.tr("The occlusion square"), self._live_note(self.tr(
            "\"Where does it look?\": the grey square sweeps over the image again when the recording starts.")),
            panel, True, self._live(panel, begin), problem)

    def _cnn(self) -> Choice:
        tab = self.window.conv_tab
        return Choice("cnn", self.tr("The CNN training"), self._live_note(self.tr(
            "The lab with its network in training: open \"Train this network live\" and press ▶ Train.")), tab, True,
            self._live(tab))

    def _autoencoder(self) -> Choice:
        view = self.window.autoencoder_tab.ensure_built()
        return Choice("autoencoder", self.tr("The autoencoder training"), self._live_note(self.tr(
            "The autoencoder squeezing digits and rebuilding them.")), view, True, self._live(view))

    # ------------------------------------------------------------------ before a live recording
    def prepare(self, choice: Choice, parent: QWidget) -> bool:
        """Start what the film needs (training), asking first; False when the teacher said no."""
        w = self.window
        if choice.key == "training" and not w.playing:
            if not self.ask(parent, self.tr("Export Animation"), self.tr(
                    "Training is paused. Start training now and record it?")):
                return False
            w.toggle_play()
        elif choice.key == "autoencoder":
            view = w.autoencoder_tab.ensure_built()
            if not view.runner.playing:
                if not self.ask(parent, self.tr("Export Animation"), self.tr(
                        "The autoencoder is not training. Start training now and record it?")):
                    return False
                view.clicker_play()
        return True
