"""LandscapeView: an optimizer race across a textbook loss surface, as a contour map and a 3-D surface.

The view holds the race settings and the paths core.landscape.surfaces.race returned, and
redraws in its handlers. Playback is the shared AnimationClock (gui.style.clock) replaying
those paths; it never recomputes. Slider drags are debounced, then the race (0.1–1 s for 7 optimizers
× 500 steps) is sent to a RaceRunner (gui/landscape/worker.py), which races in its own
thread: the window stays responsive, the previous paths stay on screen with a quiet
"computing…" until the new ones arrive, and a newer setting abandons a stale race.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from core.landscape.surfaces import KAPPA_RANGE, SURFACES, OptimizerPath, surface, surface_grid
from gui.landscape.controls import (LR_RANGE, Classroom, build_controls, build_playback, from_log_slider,
                                    surface_words, to_log_slider)
from gui.landscape.panels import (LandscapeMap, LandscapeSurface3D, RaceTable, gl_missing_reason, log_scale,
                                  missing_3d_label)
from gui.landscape.race_rows import race_row
from gui.landscape.state import RaceState
from gui.landscape.worker import RaceRequest, RaceRunner
from gui.style.zoom import ZOOM
from gui.training.looks import Texts
from gui.style import theme
from gui.style.clock import MIN_SPEED, AnimationClock, clamp_speed
from gui.style.numbers import fixed, significant

MAP_RESOLUTION = 241
GL_RESOLUTION = 90
STEPS_PER_SECOND = 30  # at 1×: a 300-step race takes 10 s, long enough to talk over
DEBOUNCE_MS = 150


class LandscapeView(Classroom, QWidget):
    """Settings on the left, the 2-D map and the 3-D surface side by side, then the playback row (always on
    screen) and the race table. Words follow the language and sizes the zoom (controls.Classroom).

    threaded=False races in the calling thread, so each setter has drawn its race when it returns
    (for snapshot pictures). Otherwise races run in a thread started on first use; call shutdown()
    (closing the view does) to stop it. Its settings and playback position are a RaceState (`state()`,
    `apply_state()`).
    """

    step_changed = Signal(int)
    race_computed = Signal()  # the latest settings' paths are drawn
    race_failed = Signal(str)  # the latest settings were refused: one sentence, shown in the banner
    changed = Signal()  # something state() holds was changed; playback reports when it settles, not every frame

    def __init__(self, parent: QWidget | None = None, threaded: bool = True):
        super().__init__(parent)
        self.texts = Texts("LandscapeView")
        self.presenting = False
        self.paths: dict[str, OptimizerPath] = {}
        self.shown_steps = 0  # the drawn paths' step count; self.steps may be newer, still racing
        self.current_step = 0
        self._wanted_step: int | None = None  # a playback position to show once the pending race arrives
        defaults = RaceState()  # the surface's own start and learning rate, and the race's usual settings
        self.kappa = defaults.kappa
        self.surface = surface(defaults.surface)
        self.start = self.surface.start
        self.learning_rate = self.surface.lr
        self.momentum = defaults.momentum
        self.steps = defaults.steps
        self.shows_3d = defaults.show_3d
        self._fraction = 0.0
        self.animation = AnimationClock(self)  # tests call self.animation.advance(seconds)
        self.animation.ticked.connect(self._on_frame)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.recompute)
        self._races = RaceRunner(threaded, self)
        self._races.computed.connect(self._on_race_computed)
        self._races.failed.connect(self._on_race_failed)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"background: {theme.WARNING_BACKGROUND}; color: black; "
                                  f"border-left: 6px solid {theme.VERMILLION}; padding: 8px;")
        self.banner.hide()

        self.map = LandscapeMap()
        self.map.start_clicked.connect(self._on_start_clicked)
        reason = self.missing_reason = gl_missing_reason()
        self.surface_3d = LandscapeSurface3D() if reason is None else None
        self.missing_3d = missing_3d_label(reason) if reason else None
        self.table = RaceTable()
        self.step_label = QLabel()
        self.busy_label = QLabel()
        self.busy_label.setStyleSheet(f"color: {theme.GREY};")
        policy = self.busy_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # appearing and going never shifts the table
        self.busy_label.setSizePolicy(policy)
        self.busy_label.hide()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.map)
        self.pane_3d = self.surface_3d.widget if self.surface_3d else self.missing_3d
        splitter.addWidget(self.pane_3d)
        splitter.setSizes([600, 500])
        self.splitter = splitter
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.note)
        right.addWidget(self.banner)
        right.addWidget(splitter, 3)
        step_row = QHBoxLayout()
        step_row.addWidget(self.step_label)
        step_row.addStretch(1)
        step_row.addWidget(self.busy_label)
        right.addLayout(step_row)
        self.playback = build_playback(self)
        right.addWidget(self.playback)
        right.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        self.controls = build_controls(self)
        self._on_speed_moved(self.speed_slider.value())
        # Scrolled: the column is taller than a laptop screen allows, and must not set the window's height.
        self.controls_area = QScrollArea()
        self.controls_area.setWidget(self.controls)
        self.controls_area.setWidgetResizable(True)
        self.controls_area.setFrameShape(QFrame.Shape.NoFrame)
        self.controls_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controls_area.installEventFilter(self)  # a figure that hides the column hides the playback row too
        layout.addWidget(self.controls_area)
        layout.addLayout(right, 1)
        self._load_surface()
        ZOOM.changed.connect(self._on_zoom_changed)
        self.retranslate()

    # ------------------------------------------------------------------ public
    @property
    def has_3d(self) -> bool:
        return self.surface_3d is not None

    def set_surface(self, name: str) -> None:
        self.surface_combo.setCurrentIndex(list(SURFACES).index(name))

    def set_kappa(self, kappa: float) -> None:
        self._set_quietly(self.kappa_slider, to_log_slider(kappa, KAPPA_RANGE[0]))
        self.kappa = float(kappa)
        self._on_kappa_released()

    def set_optimizers(self, names) -> None:
        names = set(names.split(",") if isinstance(names, str) else names)
        for name, box in self.checkboxes.items():
            self._set_quietly(box, name in names, "setChecked")
        self.recompute()
        self.changed.emit()

    def set_learning_rate(self, lr: float) -> None:
        self.learning_rate = float(lr)
        self._set_quietly(self.lr_slider, to_log_slider(min(max(lr, LR_RANGE[0]), LR_RANGE[1]), LR_RANGE[0]))
        self._update_labels()
        self.recompute()
        self.changed.emit()

    def set_momentum(self, momentum: float) -> None:
        self.momentum = float(momentum)
        self._set_quietly(self.momentum_slider, round(momentum * 100))
        self._update_labels()
        self.recompute()
        self.changed.emit()

    def set_start(self, x: float, y: float) -> None:
        self.start = (float(x), float(y))
        self.map.set_start(*self.start)
        self.recompute()
        self.changed.emit()

    def set_steps(self, steps: int) -> None:
        self._set_quietly(self.steps_spin, steps)
        self.steps = int(steps)
        self.recompute()
        self.changed.emit()

    @property
    def speed(self) -> float:
        return self.animation.speed

    def set_speed(self, speed: float) -> None:
        speed = clamp_speed(speed)
        self._set_quietly(self.speed_slider, to_log_slider(speed, MIN_SPEED))
        self.animation.set_speed(speed)
        self._update_speed_label()
        self.changed.emit()

    def set_arrows(self, shown: bool) -> None:
        self.arrows_box.setChecked(shown)

    def row_texts(self) -> dict[str, str]:
        """Each racing optimizer's row as one line of text: name, loss, change, status."""
        return {name: self.table.row_text(name) for name in self.paths}

    def set_3d_shown(self, shown: bool) -> None:
        """Show or hide the 3-D surface (or, without OpenGL, the note saying why there is none)."""
        self.shows_3d = bool(shown)
        self.pane_3d.setVisible(self.shows_3d)
        self.changed.emit()

    # ------------------------------------------------------------------ state
    def state(self) -> RaceState:
        """What the view shows now; a playback position waiting for its race counts as shown."""
        step = self.current_step if self._wanted_step is None else self._wanted_step
        names = tuple(name for name, box in self.checkboxes.items() if box.isChecked())
        return RaceState(surface=self.surface_combo.currentData(), kappa=self.kappa, optimizers=names,
                         learning_rate=self.learning_rate, momentum=self.momentum, steps=self.steps,
                         start=tuple(self.start), step=step, speed=self.speed, arrows=self.arrows_box.isChecked(),
                         show_3d=self.shows_3d)

    def apply_state(self, state: RaceState) -> None:
        """Show `state`: every setting at once, then one race; playback goes to `state.step` when it arrives."""
        self.pause()
        self.kappa = float(state.kappa)
        self._set_quietly(self.kappa_slider, to_log_slider(self.kappa, KAPPA_RANGE[0]))
        self._set_quietly(self.surface_combo, list(SURFACES).index(state.surface), "setCurrentIndex")
        self._load_surface(race=False)
        for name, box in self.checkboxes.items():
            self._set_quietly(box, name in state.optimizers, "setChecked")
        self.learning_rate = float(state.learning_rate)
        lr = min(max(self.learning_rate, LR_RANGE[0]), LR_RANGE[1])
        self._set_quietly(self.lr_slider, to_log_slider(lr, LR_RANGE[0]))
        self.momentum = float(state.momentum)
        self._set_quietly(self.momentum_slider, round(self.momentum * 100))
        self.steps = int(state.steps)
        self._set_quietly(self.steps_spin, self.steps)
        self.start = (float(state.start[0]), float(state.start[1]))
        self.map.set_start(*self.start)
        self._set_quietly(self.arrows_box, state.arrows, "setChecked")
        self.set_speed(state.speed)
        self.set_3d_shown(state.show_3d)
        self._update_labels()
        self.recompute()
        self._wanted_step = int(state.step)
        if not self.race_pending:  # raced in this thread (threaded=False): the paths are already drawn
            self._go_to(self._wanted_step)

    # ------------------------------------------------------------------ playback
    def step(self) -> None:
        self.pause()
        self._go_to(self.current_step + 1)

    def back(self) -> None:
        self.pause()
        self._go_to(self.current_step - 1)

    def reset(self) -> None:
        self.pause()
        self._go_to(0)

    def play(self) -> None:
        if self.current_step >= self.shown_steps:
            self._go_to(0)
        self._fraction = 0.0
        self.animation.start()
        self.play_button.setText(self.tr("Pause"))

    def pause(self) -> None:
        playing = self.animation.running
        self.animation.stop()
        self.play_button.setText(self.tr("▶ Play"))
        if playing:
            self.changed.emit()  # playback has settled on a step

    def toggle(self) -> None:
        self.pause() if self.animation.running else self.play()

    @property
    def playing(self) -> bool:
        return self.animation.running

    @Slot(float)
    def _on_frame(self, seconds: float) -> None:
        """`seconds` of animation (wall time × speed) have passed."""
        self._fraction += seconds * STEPS_PER_SECOND
        whole = int(self._fraction)
        if whole:
            self._fraction -= whole
            self._go_to(self.current_step + whole)
        if self.current_step >= self.shown_steps:
            self.pause()

    def go_to_end(self) -> None:
        """Show every path to its last step (for pictures and the "to the end" button)."""
        self.pause()
        self._go_to(self.shown_steps)

    def _go_to(self, step: int) -> None:
        self._wanted_step = None
        self.current_step = max(0, min(int(step), self.shown_steps))
        self._redraw_step()
        self.step_changed.emit(self.current_step)
        if not self.animation.running:
            self.changed.emit()

    # ------------------------------------------------------------------ handlers
    @Slot(int)
    def _on_surface_chosen(self, _index: int = 0) -> None:
        self._load_surface()
        self.changed.emit()

    @Slot(int)
    def _on_kappa_moved(self, position: int) -> None:
        self.kappa = float(f"{from_log_slider(position, KAPPA_RANGE[0]):.3g}")
        self._update_labels()
        if not self.kappa_slider.isSliderDown():  # a drag reloads the bowl when released
            self._on_kappa_released()

    def _on_kappa_released(self) -> None:
        self._update_labels()
        if self.surface_combo.currentData() == "bowl":
            self._load_surface()
        self.changed.emit()  # a drag reports once, when released

    @Slot(int)
    def _on_lr_moved(self, position: int) -> None:
        self.learning_rate = float(f"{from_log_slider(position, LR_RANGE[0]):.3g}")
        self._update_labels()
        self._debounce.start()
        self.changed.emit()

    @Slot(int)
    def _on_momentum_moved(self, position: int) -> None:
        self.momentum = position / 100
        self._update_labels()
        self._debounce.start()
        self.changed.emit()

    @Slot(int)
    def _on_steps_changed(self, steps: int) -> None:
        self.steps = steps
        self._debounce.start()
        self.changed.emit()

    @Slot(int)
    def _on_speed_moved(self, position: int) -> None:
        self.animation.set_speed(float(f"{from_log_slider(position, MIN_SPEED):.2g}"))
        self._update_speed_label()
        self.changed.emit()

    def _update_speed_label(self) -> None:
        self.speed_label.setText(self.tr("speed {0}×").format(significant(self.speed, 6)))

    @Slot()
    def _on_setting_changed(self) -> None:
        self._debounce.start()
        self.changed.emit()

    @Slot(float, float)
    def _on_start_clicked(self, x: float, y: float) -> None:
        self.set_start(round(x, 3), round(y, 3))

    # ------------------------------------------------------------------ computing and drawing
    def _load_surface(self, race: bool = True) -> None:
        name = self.surface_combo.currentData()
        params = {"kappa": self.kappa} if name == "bowl" else {}
        self.surface = surface(name, **params)
        self.kappa_label.setEnabled(name == "bowl")
        self.kappa_slider.setEnabled(name == "bowl")
        self.start = self.surface.start
        self.learning_rate = self.surface.lr
        self._set_quietly(self.lr_slider, to_log_slider(self.learning_rate, LR_RANGE[0]))
        self.title.setText(f"{surface_words(self.surface.title)}:   {self.surface.formula}")
        self.note.setText(surface_words(self.surface.note))
        x, y, loss = surface_grid(self.surface, MAP_RESOLUTION)
        finite = loss[np.isfinite(loss)]
        self.low, self.high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        self.map.show_surface(self.surface, x, y, log_scale(loss, self.low, self.high))
        self.map.set_start(*self.start)
        if self.surface_3d:
            x, y, loss = surface_grid(self.surface, GL_RESOLUTION)
            self.surface_3d.show_surface(self.surface, x, y, log_scale(loss, self.low, self.high), self.low,
                                         self.high)
        self._update_labels()
        if race:
            self.recompute()

    def recompute(self) -> None:
        """Race the checked optimizers with the current settings; race_computed (or race_failed) follows.

        The previous paths stay on screen until the new ones arrive; a bad setting keeps them.
        """
        self._debounce.stop()
        names = [name for name, box in self.checkboxes.items() if box.isChecked()]
        self._show_busy(True)
        self._races.request(self.surface, names, self.learning_rate, self.steps, self.start, self.momentum)

    @property
    def race_pending(self) -> bool:
        """True while the paths on screen are not yet those of the latest settings."""
        return self._races.pending

    def shutdown(self) -> None:
        """Stop the race thread and any pending recompute; safe to call twice (closing the view calls it)."""
        self._debounce.stop()
        self.pause()
        self._races.shutdown()
        self._show_busy(False)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.shutdown()
        super().closeEvent(event)

    @Slot(object, object)
    def _on_race_computed(self, request: RaceRequest, paths: dict[str, OptimizerPath]) -> None:
        self._show_busy(False)
        self.banner.hide()
        was_at_end = self.paths and self.current_step >= self.shown_steps
        self.paths = paths
        self.shown_steps = request.steps
        self.map.show_race(paths)
        self.table.show_race(paths)
        if self.surface_3d:
            self.surface_3d.show_race(paths)
        if self._wanted_step is not None:
            self._go_to(self._wanted_step)
        else:
            self._go_to(self.shown_steps if was_at_end else self.current_step)
        self.race_computed.emit()

    @Slot(str)
    def _on_race_failed(self, sentence: str) -> None:
        self._show_busy(False)
        self.banner.setText(sentence)
        self.banner.show()
        self.race_failed.emit(sentence)

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        if busy:
            self.map.setCursor(Qt.CursorShape.BusyCursor)  # an arrow with a spinner: the map still takes clicks
        else:
            self.map.unsetCursor()

    @Slot(bool)
    def _on_arrows_toggled(self, _shown: bool) -> None:
        self._redraw_step()
        self.changed.emit()

    @Slot()
    def _redraw_step(self) -> None:
        step = self.current_step
        self.map.show_step(self.paths, step, self.arrows_box.isChecked())
        if self.surface_3d:
            self.surface_3d.show_step(self.paths, step)
        self.step_label.setText(self.tr("step {0} of {1}").format(step, self.shown_steps))
        for name, path in self.paths.items():
            self.table.set_row(name, race_row(path, step, self.surface),
                               path.diverged_at is not None and step >= path.diverged_at)

    def _update_labels(self) -> None:
        self.kappa_label.setText(self.tr("κ = {0}").format(significant(self.kappa, 6)))
        self.lr_label.setText(self.tr("learning rate {0}").format(significant(self.learning_rate, 3)))
        self.momentum_label.setText(self.tr("momentum {0}").format(fixed(self.momentum, 2)))

    @staticmethod
    def _set_quietly(widget, value, setter: str = "setValue") -> None:
        """Set a control without its signal: the caller redraws (or races) once, after all its changes."""
        widget.blockSignals(True)
        getattr(widget, setter)(value)
        widget.blockSignals(False)
