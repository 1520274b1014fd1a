"""The settings of Export Animation: what to film, format, size, frames per second, length, file, estimate.

The form knows nothing of recording: it shows the visible tab's choices (dialog_choices.Choice),
keeps the file's suffix in step with the format, offers the slide sizes and the view's own size,
and says the estimate (frames, memory, time) from core.animation.settings, or the one sentence why
the values cannot be recorded. Its choices are remembered in QSettings under "animation/".
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSpinBox, QWidget)

from core.animation.settings import (DEFAULT_FPS, DEFAULT_SECONDS, DEFAULT_SIZE, FPS_RANGE, GIF_MAX_FPS, MAX_SIZE,
                                     MIN_SIZE, SECONDS_RANGE, check_animation, describe_animation)
from core.errors import GlassboxError
from gui import i18n
from gui.animation.dialog_choices import Choice
from gui.animation.live_source import view_size
from gui.style import theme
from gui.widgets.saved_values import read_int, read_str

PRESET_SIZES = ((640, 360), (960, 540), (1280, 720), (1920, 1080))
VIEW_SIZE = "view"  # the size choice that follows the filmed view's size on screen
FORMATS = (("gif", "GIF"), ("mp4", "MP4 (H.264)"))
KEY = "animation/"  # QSettings group of the remembered choices
FOLDER_KEY = "files/last_folder"  # shared with the window's other save dialogs (gui/window_menus.py)


class AnimationForm(QWidget):
    """The recording's settings; `ready_changed(bool)`: whether they can be recorded as they stand."""

    ready_changed = Signal(bool)

    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.current: list[Choice] = []
        self._file_typed = False  # the teacher named the file: choosing another view keeps the name
        self.ready = False
        self._build()
        self.restore()
        self.retranslate()

    def _build(self) -> None:
        self.what_box = QComboBox()
        self.what_box.currentIndexChanged.connect(self._on_choice_changed)
        self.note = QLabel(wordWrap=True)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet(f"background: {theme.WARNING_BACKGROUND}; color: black; "
                                   f"border-left: 6px solid {theme.VERMILLION}; padding: 4px;")
        self.problem.hide()
        self.format_box = QComboBox()
        for key, text in FORMATS:
            self.format_box.addItem(text, key)
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        self.size_box = QComboBox()
        self.size_box.currentIndexChanged.connect(self.update_estimate)
        self.fps_spin = QSpinBox(minimum=FPS_RANGE[0], maximum=FPS_RANGE[1])
        self.fps_spin.valueChanged.connect(self.update_estimate)
        self.seconds_spin = QSpinBox(minimum=int(SECONDS_RANGE[0]), maximum=int(SECONDS_RANGE[1]))
        self.seconds_spin.valueChanged.connect(self.update_estimate)
        self.file_edit = QLineEdit()
        self.file_edit.textEdited.connect(self._on_file_edited)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        self.estimate = QLabel(wordWrap=True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = [QLabel() for _ in range(6)]
        for label, field in zip(self.labels, (self.what_box, self.format_box, self.size_box, self.fps_spin,
                                              self.seconds_spin, file_row)):
            form.addRow(label, field)
        form.insertRow(1, "", self.note)
        form.insertRow(2, "", self.problem)
        form.addRow("", self.estimate)

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (self.tr("What to record"), self.tr("Format"), self.tr("Size"),
                                             self.tr("Frames per second"), self.tr("Length"), self.tr("File"))):
            label.setText(text)
        self.seconds_spin.setSuffix(self.tr(" s"))
        self.choose_button.setText(self.tr("Choose…"))
        self.what_box.setToolTip(self.tr("What the visible tab can film"))
        self.size_box.setToolTip(self.tr("The film's width × height in pixels; 960×540 suits a 16:9 slide"))
        self.fps_spin.setToolTip(self.tr("More frames per second move more smoothly and make a larger file"))
        self.seconds_spin.setToolTip(self.tr("How long the film plays; a pass or a race is spread over it"))
        self._on_choice_changed()

    def set_enabled(self, on: bool) -> None:
        """While recording, the settings stay as they were recorded with."""
        for widget in (self.what_box, self.format_box, self.size_box, self.fps_spin, self.seconds_spin,
                       self.file_edit, self.choose_button):
            widget.setEnabled(on)

    # ------------------------------------------------------------------ what to film
    def show_choices(self, choices: list[Choice]) -> None:
        """The visible tab's choices; the one chosen before stays chosen where it is still offered."""
        wanted = self.what_box.currentData() or read_str(self.settings, KEY + "what", "")
        self.current = list(choices)
        self.what_box.blockSignals(True)
        self.what_box.clear()
        for choice in self.current:
            self.what_box.addItem(choice.label, choice.key)
        keys = [choice.key for choice in self.current]
        self.what_box.setCurrentIndex(keys.index(wanted) if wanted in keys else 0)
        self.what_box.blockSignals(False)
        self._on_choice_changed()

    def choice(self) -> Choice | None:
        index = self.what_box.currentIndex()
        return self.current[index] if 0 <= index < len(self.current) else None

    @Slot()
    def _on_choice_changed(self, _index: int = 0) -> None:
        choice = self.choice()
        self.note.setText(choice.note if choice else self.tr("This tab has nothing to film."))
        self.problem.setText(choice.problem if choice else "")
        self.problem.setVisible(bool(choice and choice.problem))
        self._fill_sizes()
        self._suggest_file()
        self.update_estimate()

    # ------------------------------------------------------------------ size and format
    def _fill_sizes(self) -> None:
        wanted = self.size_box.currentData() or read_str(self.settings, KEY + "size", "")
        choice = self.choice()
        self.size_box.blockSignals(True)
        self.size_box.clear()
        sizes = list(PRESET_SIZES)
        own = parsed_size(wanted)  # a size set by set_film_size (or remembered from one) stays offered
        if own is not None and own not in sizes:
            sizes.append(own)
        for width, height in sorted(sizes):
            self.size_box.addItem(f"{width}×{height}", f"{width}x{height}")
        if choice is not None:
            width, height = fitted_view_size(choice.widget)
            self.size_box.addItem(self.tr("The view's size ({0}×{1})").format(width, height), VIEW_SIZE)
        index = self.size_box.findData(wanted)
        self.size_box.setCurrentIndex(index if index >= 0 else self.size_box.findData("{0}x{1}".format(*DEFAULT_SIZE)))
        self.size_box.blockSignals(False)

    def set_film_size(self, width: int, height: int) -> None:
        """Film at width × height (offered beside the presets from now on)."""
        data = f"{int(width)}x{int(height)}"
        if self.size_box.findData(data) < 0:
            self.size_box.addItem(f"{int(width)}×{int(height)}", data)
        self.size_box.setCurrentIndex(self.size_box.findData(data))

    def film_size(self) -> tuple[int, int]:
        data = self.size_box.currentData()
        choice = self.choice()
        if data == VIEW_SIZE and choice is not None:
            return fitted_view_size(choice.widget)
        return parsed_size(data) or DEFAULT_SIZE

    def format(self) -> str:
        return self.format_box.currentData() or "gif"

    @Slot(int)
    def _on_format_changed(self, _index: int) -> None:
        self.fps_spin.setMaximum(GIF_MAX_FPS if self.format() == "gif" else FPS_RANGE[1])
        text = self.file_edit.text().strip()
        if text:
            self.file_edit.setText(str(Path(text).with_suffix("." + self.format())))
        self.update_estimate()

    # ------------------------------------------------------------------ the file
    def _suggest_file(self) -> None:
        """A name after the choice in the last folder, unless the teacher named the file."""
        if self._file_typed:
            return
        choice = self.choice()
        folder = read_str(self.settings, FOLDER_KEY, "") or os.path.expanduser("~")
        self.file_edit.setText(str(Path(folder) / f"{choice.stem if choice else 'animation'}.{self.format()}"))

    @Slot(str)
    def _on_file_edited(self, _text: str) -> None:
        self._file_typed = True
        self.update_estimate()

    @Slot()
    def choose_file(self) -> None:
        gif, mp4 = self.tr("GIF animations (*.gif)"), self.tr("MP4 videos (*.mp4)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Animation"), self.file_edit.text(),
                                              f"{gif};;{mp4}" if self.format() == "gif" else f"{mp4};;{gif}")
        if path:
            self.use_file(path)

    def use_file(self, path: str) -> None:
        """Take `path` as the file; its suffix chooses the format (none: the chosen format's)."""
        suffix = Path(path).suffix.lower().lstrip(".")
        if suffix in ("gif", "mp4"):
            self.format_box.setCurrentIndex(self.format_box.findData(suffix))
        else:
            path = f"{path}.{self.format()}"
        self._file_typed = True
        self.file_edit.setText(path)
        self.settings.setValue(FOLDER_KEY, str(Path(path).parent))
        self.update_estimate()

    def path(self) -> str:
        return os.path.expanduser(self.file_edit.text().strip())

    # ------------------------------------------------------------------ estimate
    @Slot()
    def update_estimate(self, *_args) -> None:
        choice = self.choice()
        ready = choice is not None and not choice.problem and bool(self.file_edit.text().strip())
        try:
            estimate = check_animation(f"film.{self.format()}", self.film_size(), self.fps_spin.value(),
                                       self.seconds_spin.value())
        except GlassboxError as error:
            self.estimate.setText(i18n.say(error))
            ready = False
        else:
            self.estimate.setText(self.tr("Estimate: {0}").format(i18n.say(describe_animation(estimate))))
        self.ready = ready
        self.ready_changed.emit(ready)

    # ------------------------------------------------------------------ remembered
    def restore(self) -> None:
        kind = read_str(self.settings, KEY + "format", "gif", choices=("gif", "mp4"))
        self.format_box.setCurrentIndex(self.format_box.findData(kind))
        self._on_format_changed(0)
        self.fps_spin.setValue(read_int(self.settings, KEY + "fps", DEFAULT_FPS[kind], *FPS_RANGE))
        self.seconds_spin.setValue(read_int(self.settings, KEY + "seconds", int(DEFAULT_SECONDS),
                                            int(SECONDS_RANGE[0]), int(SECONDS_RANGE[1])))

    def remember(self) -> None:
        values = {"format": self.format(), "size": self.size_box.currentData(), "fps": self.fps_spin.value(),
                  "seconds": self.seconds_spin.value(), "what": self.what_box.currentData()}
        for name, value in values.items():
            self.settings.setValue(KEY + name, value)
        self.settings.setValue(FOLDER_KEY, str(Path(self.path()).parent))


def parsed_size(data: object) -> tuple[int, int] | None:
    """(width, height) from "960x540"; None for anything else (the view's size, a damaged setting)."""
    try:
        width, height = (int(part) for part in str(data).split("x"))
    except ValueError:
        return None
    return (width, height) if 0 < width <= 10_000 and 0 < height <= 10_000 else None


def fitted_view_size(widget: QWidget) -> tuple[int, int]:
    """The view's size on screen, scaled down (aspect kept) into the largest film there is, and at least the
    smallest: a 4K screen's view still records."""
    width, height = view_size(widget)
    scale = min(1.0, MAX_SIZE[0] / width, MAX_SIZE[1] / height)
    width, height = max(MIN_SIZE[0], int(width * scale)), max(MIN_SIZE[1], int(height * scale))
    return width - width % 2, height - height % 2
