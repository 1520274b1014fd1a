"""Where the neuron graph's texts go: clear of each other and inside the view, at any size, zoom or language.

Texts on the graph (layer names, values, the loss, class names, the ± buttons) keep their
pixel size while the drawing scales with the widget, so NetworkView first leaves them room:
`_fit_view` chooses the scale at which the drawing plus pixel margins for its texts fills
the view (shortening or staggering the layer names when columns are narrow), `_place_texts`
then puts each text beside what it labels, and `_declutter` hides the few value labels that
would still cover another text (hovering a neuron gives its numbers).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from gui.network import tips
from gui.network.items import zoomed_font
from gui.style import theme
from gui.style.zoom import ZOOM

BAR_LENGTH = 200.0
BAR_GAP = 115.0  # from the output neurons to their probability bars: room for the value labels
VALUE_POINT_SIZE = 14


_SIZES: dict = {}


def text_size(text: str, point_size: float, bold: bool = False) -> tuple[float, float]:
    """Width and height in pixels of a text item showing `text`, laid out as pyqtgraph lays it out (a text
    document, so Chinese glyphs from a fallback font count with their own widths and line heights)."""
    key = (text, point_size, bold, ZOOM.factor)
    size = _SIZES.get(key)
    if size is None:
        document = QTextDocument()
        document.setDefaultFont(zoomed_font(point_size, bold))
        document.setPlainText(text or " ")
        size = _SIZES[key] = (document.idealWidth() + 2, document.size().height())
    return size


def ring(marker):
    """Width of the bias ring around a neuron of this diameter."""
    return np.clip(marker * 0.16, 2.0, 8.0)


class TextPlacement:
    """Mixin of NetworkScene: it expects the structure, the text items and `view_box` on the view."""

    def _core_rect(self) -> tuple[float, float, float, float]:
        """Left, right, top, bottom of the drawing itself (neurons, image, bars) in view units."""
        layout, n = self.net_layout, len(self.sizes)
        left = layout.image_rect[0] if layout.image_side else layout.xs[0] - layout.marker_px[0] / 2
        right = layout.xs[-1] + layout.marker_px[-1] / 2 + (BAR_GAP + BAR_LENGTH if self.bar_item is not None else 0)
        top = min(layout.column_extent(c)[0] for c in range(n))
        bottom = max(layout.column_extent(c)[1] for c in range(n))
        return left, right, top, bottom

    def _margins(self, header_rows: int, button_rows: int, upp: float | None) -> tuple[float, float, float, float]:
        """Pixels each side of the drawing for its texts: names left, values and outputs right, buttons above,
        layer names and layer buttons below."""
        value_w, value_h = text_size("δ −8.88e−8", VALUE_POINT_SIZE)
        left = max((text_size(label.toPlainText(), theme.TITLE_POINT_SIZE)[0] for label in self.input_labels),
                   default=0.0) + 14
        button_h = text_size("+", theme.PLOT_LABEL_POINT_SIZE, True)[1]
        top = button_h + 12 if self.edit_buttons and len(self.sizes) > 2 and button_rows else value_h / 2 + 4
        outputs = tips.loss_text_sample(self._class_names_shown if self.bar_item is not None else ())
        loss_w, loss_h = text_size(outputs, theme.PLOT_LABEL_POINT_SIZE)
        upp = upp or 1.0
        x, y = self._outputs_text_place(upp)
        if self.bar_item is not None:
            right = self._class_label_width() + 12
        else:
            right = value_w + 12
        _, core_right, top_edge, bottom = self._core_rect()
        right = max(right, loss_w - (core_right - x) / upp + 12)
        below = max(0.0, (y - bottom) / upp + loss_h)  # the outputs' text may hang below the drawing
        top = max(top, (top_edge - y) / upp + 4)  # ...or stand above it
        header_h = max(text_size(header.toPlainText(), theme.PLOT_LABEL_POINT_SIZE, True)[1]
                       for header in self.layer_headers)
        layer_h = button_h + 10 if self.edit_buttons else 0.0
        return left, right, top, 10 + (header_h + 4) * header_rows + layer_h + 6 + below

    def _outputs_text_place(self, upp: float) -> tuple[float, float]:
        """Top left of the loss text (and the top-class text): under the output neuron's value; with class bars,
        above the output column, beside the class names or under the bars (`_loss_place`)."""
        layout, scale = self.net_layout, self._marker_scale
        marker = layout.marker_px[-1]
        if self.bar_item is None:
            value_h = text_size("0", VALUE_POINT_SIZE)[1]
            x = layout.xs[-1] + (marker * scale / 2 + ring(marker) * scale + 3) * upp
            return x, layout.positions[-1][0, 1] + (value_h / 2 + 2) * upp
        place = getattr(self, "_loss_place", "above")
        top = layout.column_extent(len(self.sizes) - 1)[0]
        if place == "beside":  # beside the class names, level with the output column's top
            return self._bar_x + BAR_LENGTH + (self._class_label_width() + 12) * upp, top
        x = layout.xs[-1] - marker * scale * upp / 2
        loss_h = text_size(tips.loss_text_sample(self._class_names_shown), theme.PLOT_LABEL_POINT_SIZE)[1]
        if place == "above":  # above the output column, which has no ± buttons
            return x, top - (loss_h + 6) * upp
        label_h = text_size("0", VALUE_POINT_SIZE + 2)[1]  # under the last bar and its class name
        return x, layout.positions[-1][-1, 1] + max(self._bar_height / 2, label_h / 2 * upp) + 4 * upp

    def _class_label_width(self) -> float:
        widest = max(self._class_names_shown, key=len)
        return text_size(tips.class_label(widest, 1.0, True), VALUE_POINT_SIZE + 2)[0]

    def _names_fit(self, upp: float, short: bool, rows: int) -> bool:
        """Whether the layer names, `short` or not, on `rows` staggered rows, clear each other at this scale."""
        gaps = np.diff(self.net_layout.xs) / upp
        n = len(self.sizes)
        widths = [text_size(tips.header(self, c, short), theme.PLOT_LABEL_POINT_SIZE, True)[0] for c in range(n)]
        return all((widths[c] + widths[c + rows]) / 2 + 6 <= gaps[c : c + rows].sum() for c in range(n - rows))

    def _button_rows(self, upp: float) -> int:
        """1, or 0 when neighbouring hidden columns' − + pairs would touch: then the settings edit the widths."""
        gaps = np.diff(self.net_layout.xs) / upp
        pair = 2 * text_size("+", theme.PLOT_LABEL_POINT_SIZE, True)[0] + 6
        return 0 if len(gaps) > 2 and pair + 4 > gaps[1:-1].min() else 1

    def _laid_out(self) -> bool:
        """False until the plot has its real size (a widget never shown nor painted): keep the full names then."""
        return self.isVisible() or not self.plot.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent)

    def _fit_view(self, _view_box=None) -> None:
        """Show the whole drawing with room for its pixel-sized texts around it, at this widget's size.

        Layer names that would collide are shortened ("h3") or staggered on more rows, whichever keeps
        the drawing largest: each choice is tried at the scale its own room allows.
        """
        if self.net_layout is None or not self.layer_headers or getattr(self, "_fitting", False):
            return
        _SIZES.clear()  # fonts may have changed since (a zoom, or a fallback font for Chinese now loaded)
        width, height = self.view_box.width(), self.view_box.height()
        if width < 40 or height < 40:
            return
        left, right, top, bottom = self._core_rect()

        def scale_for(rows: int, button_rows: int):
            """The scale at which the drawing and these margins fill the view; with class bars, the loss text
            goes beside them or under them, whichever leaves the drawing larger."""
            if self.bar_item is None:
                return settle(rows, button_rows)
            found = []
            for place in ("above", "beside", "below"):
                self._loss_place = place
                found.append((*settle(rows, button_rows), place))
            upp, margins, self._loss_place = min(found, key=lambda item: item[0])
            return upp, margins

        def settle(rows: int, button_rows: int):
            """The scale at which the drawing and these margins fill the view (the margins depend on the scale)."""
            upp = None
            for _ in range(12):
                ml, mr, mt, mb = self._margins(rows, button_rows, upp)
                found = max((right - left) / max(width - ml - mr, 40.0), (bottom - top) / max(height - mt - mb, 40.0))
                if upp is not None and abs(found - upp) <= 1e-3 * found:
                    break
                upp = found
            return found, (ml, mr, mt, mb)

        choice, tried = None, []
        for short, rows in ((False, 1), (True, 1), (False, 2), (True, 2), (True, 3)):
            upp, margins = scale_for(rows, 1)
            button_rows = self._button_rows(upp)
            if button_rows == 0:
                upp, margins = scale_for(rows, button_rows)
            tried.append((upp, margins, (short, rows, button_rows)))
            if self._names_fit(upp, short, rows) or not self._laid_out():
                choice = tried[-1]
                break
        # When no choice lets the names clear each other (a small view, zoomed in), the short names on
        # as few rows as keep the drawing largest: more rows would only shrink it further.
        if choice is None:
            choice = min((item for item in tried if item[2][0]), key=lambda item: item[0])
        upp, (ml, mr, mt, mb), self._crowded = choice
        self._fitting = True
        try:
            self.view_box.setRange(xRange=(left - ml * upp, right + mr * upp),
                                   yRange=(top - mt * upp, bottom + mb * upp), padding=0)
        finally:
            self._fitting = False
        self._on_view_changed()

    def _place_texts(self) -> None:
        """Put every text where it is clear of the others at the current scale (texts keep their pixel size)."""
        layout = self.net_layout
        upp = self.view_box.viewPixelSize()[0]
        if layout is None or not self.layer_headers or not upp > 0:
            return
        short, rows, button_rows = getattr(self, "_crowded", (False, 1, 1))
        scale = self._marker_scale
        _, _, _, bottom = self._core_rect()
        place = self._outputs_text_place(upp)
        self.loss_text.setPos(*place)
        loss_h = text_size(tips.loss_text_sample(self._class_names_shown if self.bar_item is not None else ()),
                           theme.PLOT_LABEL_POINT_SIZE)[1]
        bottom = max(bottom, place[1] + loss_h * upp)
        header_h = 0.0
        for column, header in enumerate(self.layer_headers):
            text = tips.header(self, column, short)
            if header.toPlainText() != text:
                header.setText(text)
            header_h = max(header_h, text_size(text, theme.PLOT_LABEL_POINT_SIZE, True)[1],
                           header.textItem.boundingRect().height())
        for column, header in enumerate(self.layer_headers):
            row = column % rows
            header.setPos(layout.xs[column], bottom + (10 + row * (header_h + 4)) * upp)
        button_h = text_size("+", theme.PLOT_LABEL_POINT_SIZE, True)[1]
        layers_y = bottom + (10 + (header_h + 4) * rows + 4) * upp
        middle = float(layout.xs[1:-1].mean()) if len(self.sizes) > 2 else float(layout.xs[[0, -1]].mean())
        for button in self.edit_buttons:
            edit = button.edit
            if edit.kind == "neurons":
                column = edit.layer + 1
                button.setVisible(button.allowed and button_rows > 0)
                lift = 6 + button_h / 2
                button.setPos(layout.xs[column] + edit.change * 3 * upp, layout.column_extent(column)[0] - lift * upp)
            else:
                button.setPos(middle + edit.change * 6 * upp, layers_y)
        self._fit_fonts(self.input_labels, theme.TITLE_POINT_SIZE, layout.spacing[0] / upp)
        if self.bar_item is not None:
            self._fit_fonts(self.class_labels, VALUE_POINT_SIZE + 2, layout.spacing[-1] / upp)
        for label, (x, y) in zip(self.input_labels, layout.positions[0]):
            label.setPos(x - (layout.marker_px[0] * scale / 2 + 8) * upp, y)
        for column, labels in self.value_labels.items():
            marker = layout.marker_px[column]
            away = (marker * scale / 2 + ring(marker) * scale + 3) * upp
            for label, (x, y) in zip(labels, layout.positions[column]):
                label.setPos(x + away, y)
        if self.bar_item is not None:
            self.top_class_text.setPos(*place)
            for label, y in zip(self.class_labels, layout.positions[-1][:, 1]):
                label.setPos(self._bar_x + BAR_LENGTH + 8 * upp, y)
        self._declutter()

    @staticmethod
    def _fit_fonts(items, point_size: float, spacing_px: float) -> None:
        """A column's names smaller (down to 9 points) when its neurons are closer than a line of them."""
        size = point_size
        while size > 9 and text_size("Ag", size)[1] > spacing_px:
            size -= 1
        for item in items:
            if item.point_size != size:
                item.point_size = size
                item.setFont(zoomed_font(size, item.bold))

    def _declutter(self) -> None:
        """Hide the value labels that would cover a name, a button, the outputs or another value, or leave
        the view: hovering a neuron still gives its numbers."""
        self._texts_dirty = False
        if not self._laid_out():  # no real geometry yet: nothing to judge by
            for labels in self.value_labels.values():
                for label in labels:
                    label.setVisible(label.wanted)
            return
        visible = self.view_box.sceneBoundingRect()
        fixed = [*self.layer_headers, *self.input_labels, *self.edit_buttons, self.loss_text, *self.class_labels]
        if self.bar_item is not None:
            fixed.append(self.top_class_text)
        kept = []
        for item in fixed:
            if item.isVisible():
                item.updateTransform()
                kept.append(item.sceneBoundingRect())
        for column in sorted(self.value_labels, reverse=True):  # the outputs' numbers matter most
            for label in self.value_labels[column]:
                if not label.wanted:
                    label.hide()
                    continue
                label.show()
                label.updateTransform()
                rect = label.sceneBoundingRect()
                if visible.contains(rect) and not any(rect.intersects(other) for other in kept):
                    kept.append(rect)
                else:
                    label.hide()
