"""KernelPlayground: a kernel slides over the image, one position at a time, with all its arithmetic.

The lab's image is shrunk to a small grid (16–64 px) so every pixel is a visible square, and the same
pipeline runs on a 256 px copy to show what the kernel does to the whole picture. The operations chain as in a CNN: convolution on one channel, ReLU on the
convolution's output, pooling on ReLU's output (choose the Identity kernel to pool the
image itself). The steps come from core.cnn.kernels, computed lazily; the shared
AnimationClock (gui.style.clock) replays them on the GUI thread, and the output map fills in
exactly as the core computes it.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import QBoxLayout, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from core.data.images import LoadedImage
from core.errors import ConfigError
from core.cnn.kernels import KERNELS, kernel
from gui.style import theme
from gui.style.clock import AnimationClock
from gui.style.zoom import ZOOM
from gui.convolution.looks import Looks, flow, in_language, translate
from gui.i18n import say
from gui.convolution.kernel_panels import ArithmeticRow, KernelEditor, MapPanel, PlaybackBar
from gui.convolution.state import PlaygroundState, as_kernel, slider_speed
from gui.convolution.kernel_pipeline import (CHANNELS, FULL_SIDE, GRID_SIDES, OPERATIONS, STEPS_PER_SECOND, Settings,
                                             channel_plane, check_ranges, formula_text, pipeline, resized, shrink)


SIDE_WIDTH = 330  # the controls' column when wide, at 100% zoom
WIDE_WIDTH = 1220  # from this width (at 100%) the controls sit beside the maps and each step takes one row


class KernelPlayground(QWidget):
    """Pick a kernel and an operation, then play, step or jump through every window position."""

    changed = Signal()  # something state() holds changed; playing reports where it stops, not every step

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.looks = Looks(self, language=False)  # fonts follow the zoom
        self.settings = Settings()
        self._image: LoadedImage | None = None
        self._shrunk: dict[int, np.ndarray] = {}
        self._steps = None
        self._index = -1
        self._signed, self._scale, self._plane_shape = True, 1.0, (0, 0)
        self._owed = 0.0  # fractions of a step the clock has earned but not yet shown
        self._pending_step: int | None = None  # a restored position, shown once there are steps
        self.clock = AnimationClock(self)  # tests drive it with clock.advance(seconds)
        self.clock.ticked.connect(self._on_tick)
        self.setAutoFillBackground(True)
        self.setStyleSheet("KernelPlayground { background: white; }")
        self.looks.font(self, theme.PLOT_TICK_POINT_SIZE)
        self._build_controls()
        self._build_panels()
        self._sync_controls()
        self._rebuild()

    # ------------------------------------------------------------------ building
    def _combo(self, items, tip: str) -> QComboBox:
        combo = QComboBox(toolTip=tip)
        for text, data in items:
            combo.addItem(text, data)
        combo.activated.connect(self._on_control_changed)
        return combo

    def _spin(self, low: int, high: int, tip: str) -> QSpinBox:
        spin = QSpinBox(minimum=low, maximum=high, toolTip=tip)
        spin.valueChanged.connect(self._on_control_changed)
        return spin

    def _build_controls(self) -> None:
        tr = in_language
        self.operation_box = self._combo(zip((tr("Convolution"), tr("ReLU"), tr("Max pooling"), tr("Average pooling")),
                                             OPERATIONS), tr("What to watch: the kernel sliding, ReLU, or pooling"))
        self.kernel_box = self._combo([(translate(spec.title), key) for key, spec in KERNELS.items()] + [(tr("Custom"), "custom")],
                                      tr("A classic kernel; edit its numbers below to make your own"))
        for index, spec in enumerate(KERNELS.values()):
            self.kernel_box.setItemData(index, translate(spec.description), Qt.ItemDataRole.ToolTipRole)
        self.size_box = self._combo([("3×3", 3), ("5×5", 5)], tr("How many pixels the kernel covers"))
        self.editor = KernelEditor()
        self.editor.setToolTip(tr("The kernel's numbers: type a value (2, −0.5, 1/9) to make a custom kernel"))
        self.editor.values_edited.connect(self.set_kernel_values)
        self.editor.edit_refused.connect(self._show_message)
        self.message = QLabel("")
        self.looks.font(self.message, theme.PLOT_LABEL_POINT_SIZE, bold=True)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"background: {theme.WARNING_BACKGROUND}; color: black; "
                                   f"border-left: 6px solid {theme.VERMILLION}; padding: 6px;")
        self.message.hide()
        self.channel_box = self._combo(zip((tr("Luminance (grey)"), tr("Red"), tr("Green"), tr("Blue")), CHANNELS),
                                       tr("Which channel of the colour image the kernel sees"))
        self.stride_spin = self._spin(1, 4, tr("Stride: how many pixels the kernel jumps between positions"))
        self.padding_spin = self._spin(0, 3, tr("Padding: rings of zeros added around the image"))
        self.grid_box = self._combo([(tr("{0}×{0} px").format(n), n) for n in GRID_SIDES],
                                    tr("How small the image is made for the animation: fewer pixels, bigger squares"))
        self.pool_size_box = self._combo([("2×2", 2), ("3×3", 3)], tr("The pooling window's size"))
        self.pool_stride_spin = self._spin(1, 3, tr("How far the pooling window jumps between positions"))

        self.side = QWidget()
        self.looks.font(self.side, theme.PLOT_LABEL_POINT_SIZE)
        outer = QVBoxLayout(self.side)
        outer.setContentsMargins(0, 0, 0, 0)
        self.side_row = column = QBoxLayout(QBoxLayout.Direction.TopToBottom)  # a row where it fits (_reflow)
        outer.addLayout(column)
        groups = ((None, ((tr("Show"), self.operation_box), (tr("Grid"), self.grid_box))),
                  (tr("Convolution"), ((tr("Kernel"), self.kernel_box), (tr("Size"), self.size_box), (None, self.editor),
                                       (tr("Channel"), self.channel_box), (tr("Stride"), self.stride_spin),
                                       (tr("Padding"), self.padding_spin))),
                  (tr("Pooling"), ((tr("Window"), self.pool_size_box), (tr("Stride"), self.pool_stride_spin))))
        for title, rows in groups:
            box = QGroupBox(title) if title else QWidget()
            form = QFormLayout(box)
            for label, widget in rows:
                form.addRow(label, widget) if label else form.addRow(widget)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
            column.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        outer.addWidget(self.message)
        outer.addStretch(1)

    def _build_panels(self) -> None:
        tr = in_language
        self.heading = QLabel("")
        self.looks.font(self.heading, theme.TITLE_POINT_SIZE, bold=True)
        self.heading.setWordWrap(True)
        self.input_panel, self.output_panel = MapPanel(tr("Input")), MapPanel(tr("Output, pixel by pixel"))
        self.full_panel = MapPanel(tr("The whole image"))
        maps = QHBoxLayout()
        for panel in (self.input_panel, self.output_panel, self.full_panel):
            maps.addWidget(panel, 1)
        self.arithmetic = ArithmeticRow()
        self.formula = QLabel("")
        self.formula.setWordWrap(True)  # a long formula wraps rather than widening the playground
        self.looks.font(self.formula, theme.TITLE_POINT_SIZE)

        self.playback = PlaybackBar(self, self.back, self.toggle_play, self.step, self.run_to_end)
        self.playback.speed_changed.connect(self._on_speed_changed)

        body = QVBoxLayout()
        body.addWidget(self.heading)
        body.addLayout(maps, 4)
        body.addWidget(self.arithmetic, 3)
        body.addWidget(self.formula)
        body.addWidget(self.playback)
        self.outer = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)  # side by side when wide (_reflow)
        self.outer.addWidget(self.side)
        self.outer.addLayout(body, 1)
        self.wide: bool | None = False
        self._groups_fit = False
        self.outer.setDirection(QBoxLayout.Direction.BottomToTop)

    def retranslate_dynamic(self) -> None:
        """Headings, titles and the arithmetic in the current language, at the same position."""
        self.arithmetic.second.set_caption(in_language("Kernel"))
        self.arithmetic.third.set_caption(in_language("Products"))
        self.playback.retranslate_dynamic()
        self.output_panel.setTitle(in_language("Output, pixel by pixel"))
        self._sync_controls()
        self._pending_step = self._index if self._index >= 0 else None
        self._rebuild()

    def rezoom(self) -> None:
        self.wide = None  # the controls' column and the width from which it sits beside the maps, at the new zoom
        self._reflow(self.width())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._reflow(event.size().width())

    def _reflow(self, width: int) -> None:
        """Wide: the controls in a column beside the maps, each step in one row. Narrow: the steps first,
        stacked, and the controls below them, side by side where they fit."""
        wide = width >= ZOOM.px(WIDE_WIDTH)
        groups_fit = not wide and width >= sum(self.side_row.itemAt(i).widget().minimumSizeHint().width() + 12
                                               for i in range(self.side_row.count()))
        if (wide, groups_fit) == (self.wide, self._groups_fit):
            return
        self.wide, self._groups_fit = wide, groups_fit
        self.outer.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.BottomToTop)
        flow(self.side_row, groups_fit)
        self.side.setMinimumWidth(ZOOM.px(SIDE_WIDTH) if wide else 0)
        self.side.setMaximumWidth(ZOOM.px(SIDE_WIDTH) if wide else 16777215)
        self.arithmetic.set_wide(wide)
        self.playback.set_wide(wide)

    # ------------------------------------------------------------------ public API
    def set_image(self, image: LoadedImage) -> None:
        """The lab's current image; the animation works on a small copy of it."""
        self._image = image
        self._shrunk = {}
        self.message.hide()
        self._rebuild()

    def set_operation(self, name: str) -> bool:
        return self._apply(replace(self.settings, operation=name))

    def set_kernel(self, name: str, size: int = 3) -> bool:
        """A classic kernel by its KERNELS key ("sobel_x"), or "custom" to keep the numbers as they are."""
        if name == "custom":
            return self._apply(replace(self.settings, kernel_name="custom", kernel=resized(self.settings.kernel, size)))
        try:
            values = kernel(name, size)
        except ConfigError as error:
            return self._refuse(say(error))
        return self._apply(replace(self.settings, kernel_name=name, kernel=values))

    @Slot(object)
    def set_kernel_values(self, values) -> bool:
        """Hand-made numbers: the picker switches to Custom."""
        try:
            array = np.array(values, dtype=np.float32)
        except (TypeError, ValueError):
            array = np.full((3, 3), np.nan, np.float32)
        if not np.all(np.isfinite(array)):
            return self._refuse(self.tr("Every kernel value must be a number; the previous kernel is kept."))
        return self._apply(replace(self.settings, kernel_name="custom", kernel=array))

    def set_stride(self, n: int) -> bool:
        return self._apply(replace(self.settings, stride=int(n)))

    def set_padding(self, n: int) -> bool:
        return self._apply(replace(self.settings, padding=int(n)))

    def set_channel(self, name: str) -> bool:
        return self._apply(replace(self.settings, channel=name))

    def set_pooling(self, size: int, stride: int | None = None) -> bool:
        return self._apply(replace(self.settings, pool_size=int(size), pool_stride=int(stride or size)))

    def set_grid(self, side: int) -> bool:
        return self._apply(replace(self.settings, grid=int(side)))

    def set_speed(self, speed: float) -> None:
        """0.1× to 10× of STEPS_PER_SECOND."""
        self.playback.set_speed(speed)

    @property
    def speed(self) -> float:
        return self.playback.speed

    @Slot(float)
    def _on_speed_changed(self, speed: float) -> None:
        self.clock.set_speed(speed)
        self.changed.emit()

    @property
    def current_step_index(self) -> int:
        """The last position shown; −1 before the first step."""
        return self._index

    @property
    def step_count(self) -> int:
        return len(self._steps) if self._steps is not None else 0

    @property
    def playing(self) -> bool:
        return self.clock.running

    def output_so_far(self) -> np.ndarray:
        """The output map as far as the animation has gone: NaN where not yet computed."""
        if self._steps is None:
            return np.zeros((0, 0), np.float32)
        out = np.array(self._steps.output, dtype=np.float32)
        out.reshape(-1)[self._index + 1:] = np.nan
        return out

    def formula_text(self) -> str:
        return self.formula.text()

    # ------------------------------------------------------------------ state
    def state(self) -> PlaygroundState:
        """The settings, the position (or the one waiting for an image) and the speed, as plain data."""
        s = self.settings
        step = self._pending_step if self._pending_step is not None else self._index
        return PlaygroundState(operation=s.operation, kernel_name=s.kernel_name, kernel=as_kernel(s.kernel),
                               channel=s.channel, stride=s.stride, padding=s.padding, pool_size=s.pool_size,
                               pool_stride=s.pool_stride, grid=s.grid, step=step, speed=slider_speed(self.speed))

    def apply_state(self, state: PlaygroundState) -> bool:
        """Show `state`; settings that do not fit the image are refused in one sentence, as when typed."""
        self.set_speed(state.speed)
        values = np.array(state.kernel, dtype=np.float32)
        if state.kernel_name != "custom":
            values = kernel(state.kernel_name, values.shape[0])
        applied = self._apply(Settings(state.operation, state.kernel_name, values, state.channel, state.stride,
                                       state.padding, state.pool_size, state.pool_stride, state.grid))
        self._pending_step = state.step
        self._use_pending_step()
        return applied

    def _use_pending_step(self) -> None:
        if self._pending_step is not None and self._steps is not None:
            self._index = min(self._pending_step, self.step_count - 1)
            self._pending_step = None
            self._show_step()

    # ------------------------------------------------------------------ playback
    def step(self) -> None:
        if self._index + 1 < self.step_count:
            self._index += 1
            self._show_step()

    def back(self) -> None:
        self.pause()
        if self._index >= 0:
            self._index -= 1
            self._show_step()

    def run_to_end(self) -> None:
        self.pause()
        if self.step_count:
            self._index = self.step_count - 1
            self._show_step()

    def play(self) -> None:
        if not self.step_count:
            return
        if self._index >= self.step_count - 1:
            self._index = -1
        self._owed = 0.0
        self.step()  # something moves the moment Play is pressed
        self.clock.start()
        self.playback.show_state(True, self._index, self.step_count)

    def pause(self) -> None:
        playing = self.clock.running
        self.clock.stop()
        self.playback.show_state(False, self._index, self.step_count)
        if playing:
            self.changed.emit()

    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    @Slot(float)
    def _on_tick(self, seconds: float) -> None:
        """`seconds` of animation (wall time × speed) have passed: show the steps they earned."""
        self._owed += seconds * STEPS_PER_SECOND
        whole = int(self._owed)
        if whole:
            self._owed -= whole
            self._index = min(self.step_count - 1, self._index + whole)
            self._show_step()
        if self._index >= self.step_count - 1:
            self.pause()

    # ------------------------------------------------------------------ settings
    @Slot()
    def _on_control_changed(self, *_) -> None:
        s = self.settings
        size = self.size_box.currentData()
        name = self.kernel_box.currentData()
        if name != s.kernel_name or size != s.kernel.shape[0]:
            if name != "custom" and size not in KERNELS[name].sizes:
                size = KERNELS[name].sizes[0]
            self.set_kernel(name, size)
            return
        self._apply(replace(s, operation=self.operation_box.currentData(), channel=self.channel_box.currentData(),
                            stride=self.stride_spin.value(), padding=self.padding_spin.value(),
                            pool_size=self.pool_size_box.currentData(), grid=self.grid_box.currentData(),
                            pool_stride=self.pool_stride_spin.value() if self.pool_size_box.currentData() == s.pool_size
                            else self.pool_size_box.currentData()))

    def _apply(self, candidate: Settings) -> bool:
        """Use the new settings if they make sense for the image; else say why and keep the old."""
        self._pending_step = None
        try:
            check_ranges(candidate)
            if self._image is not None:
                pipeline(self._plane(candidate), candidate)
        except ConfigError as error:
            return self._refuse(say(error))
        self.settings = candidate
        self.message.hide()
        self._sync_controls()
        self._rebuild()
        return True

    def _refuse(self, sentence: str) -> bool:
        self._show_message(sentence)
        self._sync_controls()
        return False

    @Slot(str)
    def _show_message(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.show()

    def _sync_controls(self) -> None:
        s = self.settings
        combos = ((self.operation_box, s.operation), (self.kernel_box, s.kernel_name), (self.channel_box, s.channel),
                  (self.size_box, s.kernel.shape[0]), (self.pool_size_box, s.pool_size), (self.grid_box, s.grid))
        spins = ((self.stride_spin, s.stride), (self.padding_spin, s.padding), (self.pool_stride_spin, s.pool_stride))
        blockers = [QSignalBlocker(widget) for widget, _ in combos + spins]
        for combo, data in combos:
            combo.setCurrentIndex(combo.findData(data))
        for spin, value in spins:
            spin.setValue(value)
        for blocker in blockers:
            blocker.unblock()
        sizes = (3, 5) if s.kernel_name == "custom" else KERNELS[s.kernel_name].sizes
        for row, size in enumerate((3, 5)):
            self.size_box.model().item(row).setEnabled(size in sizes)
        pooling = s.operation in ("max_pool", "avg_pool")
        self.pool_size_box.setEnabled(pooling)
        self.pool_stride_spin.setEnabled(pooling)
        self.editor.show_kernel(s.kernel)
        self.arithmetic.set_operation(s.operation, s.kernel)

    def _plane(self, s: Settings, side: int | None = None) -> np.ndarray:
        side = side or s.grid
        if side not in self._shrunk:
            self._shrunk[side] = shrink(self._image.pixels, side)
        return channel_plane(self._shrunk[side], s.channel)

    # ------------------------------------------------------------------ drawing
    def _rebuild(self) -> None:
        """New steps from the start: nothing computed yet, colours fixed for the whole run."""
        self.pause()
        s, tr = self.settings, in_language
        self._index, self._steps = -1, None
        channel = dict(zip(CHANNELS, (tr("image"), tr("red channel"), tr("green channel"), tr("blue channel"))))
        try:
            if self._image is None:
                raise LookupError
            plane = self._plane(s)
            self._plane_shape = plane.shape
            self._steps, conv = pipeline(plane, s)
            full_steps, full_conv = pipeline(self._plane(s, FULL_SIDE), s)
        except (LookupError, ConfigError) as error:  # no image yet, or one too small for the kept settings
            if isinstance(error, ConfigError):
                self._show_message(say(error))
            self.heading.setText(tr("Open an image to watch a kernel slide over it") if self._image is None else "")
            for panel in (self.input_panel, self.output_panel, self.full_panel):
                panel.show_map(None)
            self.formula.setText("")
            return self._show_step()
        self._signed = bool(conv.min() < 0)
        # Signed maps are centred on 0; unsigned ones keep the image's 0–255 unless they exceed it.
        self._scale = float(np.abs(conv).max()) if self._signed else max(255.0, float(conv.max()))
        # A few extreme pixels (often the zero padding's border) would leave the rest of the image pale.
        full_scale = (float(np.percentile(np.abs(full_conv), 99.5)) or 1.0) if self._signed else self._scale
        full = full_steps.output
        self.full_panel.show_map(full, self._signed, full_scale)
        self.full_panel.setTitle(tr("The whole image ({0}×{1})").format(full.shape[1], full.shape[0]))
        kernel_title = tr("custom") if s.kernel_name == "custom" else translate(KERNELS[s.kernel_name].title)
        self.heading.setText({
            "convolution": tr("Convolution: a {0}×{0} {1} kernel slides over the {2}").format(
                s.kernel.shape[0], kernel_title, channel[s.channel]),
            "relu": tr("ReLU: every negative value of the convolution becomes 0"),
            "max_pool": tr("Max pooling: each window keeps its largest value"),
            "avg_pool": tr("Average pooling: each window keeps its mean")}[s.operation])
        if s.operation == "convolution":
            self.input_panel.show_map(self._steps.padded, False, 255.0)
            self.input_panel.set_frame((s.padding, s.padding, plane.shape[1], plane.shape[0]) if s.padding else None)
            title = tr("Input: the {0}, zeros around it") if s.padding else tr("Input: the {0}")
        else:
            self.input_panel.show_map(self._steps.input, self._signed, self._scale)
            self.input_panel.set_frame(None)
            title = tr("Input: the convolution's output") if s.operation == "relu" else tr("Input: ReLU of the convolution")
        self.input_panel.setTitle(title.format(channel[s.channel]))
        self.arithmetic.legend.show_scale(self._signed, self._scale)
        self.formula.setText(formula_text(self.settings, self._plane_shape, self._steps))
        self._show_step()
        self._use_pending_step()

    def _show_step(self) -> None:
        s, tr, index = self.settings, self.tr, self._index
        total = self.step_count
        self.playback.show_state(self.playing, index, total)
        if not self.playing:
            self.changed.emit()
        if self._steps is not None:
            self.output_panel.show_map(self.output_so_far(), self._signed, self._scale)
        step = self._steps[index] if self._steps is not None and index >= 0 else None
        for panel in (self.input_panel, self.output_panel):
            panel.set_outline(None)
        self.input_panel.set_marker(None)
        if step is None:
            self.arithmetic.clear(tr("Press Step or Play") if total else "")
        elif s.operation == "convolution":
            self.input_panel.set_outline((step.left, step.top, s.kernel.shape[1], s.kernel.shape[0]))
            self.arithmetic.show_convolution(step)
        elif s.operation == "relu":
            self.input_panel.set_outline((step.col, step.row, 1, 1))
            self.arithmetic.show_relu(step, self._signed, self._scale)
            self.output_panel.set_outline((step.col, step.row, 1, 1))
        else:
            self.input_panel.set_outline((step.left, step.top, s.pool_size, s.pool_size))
            if step.winner is not None:
                self.input_panel.set_marker((step.left + step.winner[1], step.top + step.winner[0], 1, 1))
            self.arithmetic.show_pooling(step, self._signed, self._scale)
        if step is not None and s.operation != "relu":
            self.output_panel.set_outline((step.out_col, step.out_row, 1, 1))
