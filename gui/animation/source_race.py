"""The optimizer race as an animation: every path growing from the start to its last step.

The Landscape tab's own race view (gui.landscape.race_view.LandscapeView) is built offscreen as
the snapshot draws it (no settings column, no 3-D pane), with the paths the tab (or the command
line) already raced: this source draws them and never races again, so it costs no torch time on
the GUI thread. Frame i shows step round(position × steps); the race table counts along.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from gui.animation.sources import FrameSource
from gui.landscape.race_view import LandscapeView
from gui.landscape.worker import RaceRequest

LEAST_WIDTH = 800  # narrower, the race table no longer fits under the map: draw this wide and scale down
SHORT = 450  # below this height the surface's note gives its room to the map
SIDE_SHARE = 0.55  # the table sits beside the map when it needs at most this share of the width


class _GivenRace(LandscapeView):
    """A race view that draws paths it is given instead of racing: `recompute` shows them as its answer."""

    given: dict | None = None  # None while the base class builds itself: nothing to draw yet

    def __init__(self, paths: dict):
        super().__init__(threaded=False)
        self.given = dict(paths)

    def recompute(self) -> None:
        if self.given is None:
            return
        request = RaceRequest(0, self.surface, tuple(self.given), self.learning_rate, self.steps, self.start,
                              self.momentum)
        self._on_race_computed(request, self.given)  # as if the race thread had answered at once

    def go_to(self, step: int) -> None:
        self._go_to(step)


class RaceSource(FrameSource):
    """`paths` ({optimizer: core.landscape.surfaces.OptimizerPath}, as race() returns them for `race_state`'s
    settings) played from step 0 to the last over `seconds`."""

    def __init__(self, race_state, paths, size, fps, seconds):
        view = _GivenRace(paths)
        view.controls_area.hide()  # a figure for slides: the map, the playback line and the race table
        if view.missing_3d is not None:
            view.missing_3d.hide()
        super().__init__(view, size, fps, seconds, least_width=LEAST_WIDTH)
        if self.drawn[1] < SHORT:
            view.note.hide()  # the surface's one-line lesson: the map needs the height more
        view.apply_state(replace(race_state, optimizers=tuple(paths), show_3d=False, step=0))
        _lay_out_table(view, self.drawn[0])

    def step_at(self, index: int) -> int:
        return int(round(self.position(index) * self.widget.shown_steps))

    def show(self, index: int) -> None:
        self.widget.go_to(self.step_at(index))

    def close(self) -> None:
        self.widget.shutdown()
        super().close()


def _lay_out_table(view: LandscapeView, width: int) -> None:
    """Every row of the race table in sight, without scroll bars: beside the map (where the 3-D pane was) when
    the frame is wide enough for the map to stay the larger part, else under the map as in the tab."""
    table = view.table
    view.go_to(view.shown_steps)  # the last step's words are the longest the table will show
    table.resizeColumnsToContents()
    needed = sum(table.sizeHintForColumn(column) for column in range(table.columnCount())) + 2 * table.frameWidth() + 8
    rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
    tall = table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth() + 2
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if needed <= SIDE_SHARE * width:
        view.splitter.addWidget(table)
        view.splitter.setSizes([width - needed, needed])
    else:
        table.setMinimumHeight(tall)
        table.setMaximumHeight(tall)
    view.go_to(0)
