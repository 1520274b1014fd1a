"""Training as an animation: the network's weights, its decision boundary and the loss curves growing together.

The Network tab (graph, boundary, gradient sizes; no toolbar) sits above the Training tab's
curves, both built offscreen. `reports` are TrainingProgress reports taken while training (with
boundaries and gradients, as the live app asks for them); frame i shows the report that time
i / fps falls on, and the curves of `history` up to that report's step.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.mlp.reports import METRICS
from gui.animation.sources import FrameSource
from gui.network.tab import NetworkTab
from gui.training.curves_view import TrainingView
from gui.training.state import CurvesState

NETWORK_SHARE, CURVES_SHARE = 3, 2  # of the frame's height
LEAST_WIDTH = 900  # two tabs in a narrower frame squeeze their plots unreadably: draw this wide, scale down


class TrainingSource(FrameSource):
    """`reports` (TrainingProgress, oldest first) of the run `info` describes, with its `history`
    (MetricsHistory: the curves) spread over `seconds`."""

    def __init__(self, info, reports, history, size, fps, seconds):
        if not reports:
            raise ValueError("a training animation needs at least one report")
        self.reports = list(reports)
        self.rows = np.column_stack([np.asarray(history.column(name)) for name in METRICS]) if len(history) \
            else np.empty((0, len(METRICS)))
        self.info = info
        figure = QWidget()
        figure.setAutoFillBackground(True)
        figure.setStyleSheet("background: white;")
        self.network = NetworkTab()
        self.network.toolbar.hide()  # a figure for slides: no buttons
        self.network.network_view.set_editable(False)
        # Two tabs in one frame: what repeats or is too small to read at this height gives its room to the rest.
        self.network.gradient_chart.hide()
        self.network.network_view.legend.hide()
        self.curves = TrainingView()
        self.curves.title.hide()  # the caption above says the run and the step
        layout = QVBoxLayout(figure)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.network, NETWORK_SHARE)
        layout.addWidget(self.curves, CURVES_SHARE)
        super().__init__(figure, size, fps, seconds, least_width=LEAST_WIDTH)
        self.network.on_run_started(info)
        self.curves.on_run_started(info)
        self._shown: int | None = None

    def report_at(self, index: int) -> int:
        """Which report frame `index` shows: the first at the start, the last from the hold on."""
        return int(round(self.position(index) * (len(self.reports) - 1)))

    def show(self, index: int) -> None:
        which = self.report_at(index)
        if which == self._shown:
            return
        self._shown = which
        report = self.reports[which]
        self.network.on_progress(report)
        self.network.caption.setText(QCoreApplication.translate("animation", "{0} · step {1}").format(
            self.info.title, report.step))
        rows = self.rows[self.rows[:, 0] <= report.step] if len(self.rows) else self.rows
        # As the live tab grows its curves (its axes widen in jumps, the newest point clear of the legend).
        self.curves.apply_state(CurvesState.of_rows(rows), next_run_keeps=False)
