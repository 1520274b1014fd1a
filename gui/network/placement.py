"""Where the neuron graph's texts go: clear of each other and inside the view, at any size, zoom or language.

Texts on the graph (layer names, values, the loss, class names, the ± buttons) keep their
pixel size while the drawing scales with the widget, so NetworkView first leaves them room:
`_fit_view` chooses the scale at which the drawing plus pixel margins for its texts fills
the view (shortening or staggering the layer names when columns are narrow). Zoomed in on a
small screen those margins could leave the drawing a clump, so the least needed texts give
way until it takes a fair share of the view (FAIR_SHARE). `_place_texts` then puts each text
beside what it labels, and `_declutter` hides whatever would still cover another text or leave
the view (hovering a neuron gives its numbers; the settings edit the network).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from gui.network import tips
from gui.network.items import zoomed_font
from gui.style import theme
from gui.style.plots import finite_range
from gui.style.zoom import ZOOM

BAR_LENGTH = 200.0
BAR_GAP = 115.0  # from the output neurons to their probability bars: room for the value labels
VALUE_POINT_SIZE = 14
FAIR_SHARE = 0.5  # of the view's height or width: the drawing's least, before texts give way to it


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

    def _margins(self, header_rows: int, button_rows: int, upp: float | None, layer_buttons: bool = True,
                 short: int | None = None) -> tuple[float, float, float, float]:
        """Pixels each side of the drawing for its texts: names left, values and outputs right, buttons above,
        layer names (none when `header_rows` is 0) and layer buttons below."""
        value_w, value_h = text_size("δ −8.88e−8", VALUE_POINT_SIZE)
        left = max((text_size(label.toPlainText(), theme.TITLE_POINT_SIZE)[0] for label in self.input_labels),
                   default=0.0) + 14
        button_h = text_size("+", theme.PLOT_LABEL_POINT_SIZE, True)[1]
        top = button_h + 12 if self.edit_buttons and len(self.sizes) > 2 and button_rows else value_h / 2 + 4
        outputs = tips.loss_text_sample(self._class_names_shown if self.bar_item is not None else ())
        loss_w, loss_h = text_size(outputs, self.loss_text.point_size)
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
        texts = [header.toPlainText() for header in self.layer_headers] if short is None else \
            [self._header_text(column, short) for column in range(len(self.sizes))]
        header_h = max(text_size(text, theme.PLOT_LABEL_POINT_SIZE, True)[1] for text in texts)
        layer_h = button_h + 10 if self.edit_buttons and layer_buttons else 0.0
        if not header_rows and not layer_h:  # nothing below but the lowest value and perhaps the outputs' text
            return left, right, top, max(value_h / 2 + 4, below + 4)
        return left, right, top, 10 + (header_h + 4) * header_rows + layer_h + 6 + below

    def _outputs_text_place(self, upp: float) -> tuple[float, float]:
        """Top left of the loss text (and the top-class text): under the output neuron's value; with class bars,
        above the output column, beside the class names or under the bars (`_loss_place`)."""
        layout, scale = self.net_layout, self._marker_scale
        marker = layout.marker_px[-1]
        place = getattr(self, "_loss_place", "above")
        if self.bar_item is None:
            value_h = text_size("0", VALUE_POINT_SIZE)[1]
            x = layout.xs[-1] + (marker * scale / 2 + ring(marker) * scale + 3) * upp
            if place == "beside":  # from the top margin down, never far below the drawing (over the output's value,
                return x, self._core_rect()[2] - value_h / 2 * upp  # which it repeats: `_declutter` hides that)
            return x, layout.positions[-1][0, 1] + (value_h / 2 + 2) * upp
        top = layout.column_extent(len(self.sizes) - 1)[0]
        if place == "beside":  # beside the class names, level with the output column's top
            return self._bar_x + BAR_LENGTH + (self._class_label_width() + 12) * upp, top
        x = layout.xs[-1] - marker * scale * upp / 2
        loss_h = text_size(tips.loss_text_sample(self._class_names_shown), self.loss_text.point_size)[1]
        if place == "above":  # above the output column, which has no ± buttons
            return x, top - (loss_h + 6) * upp
        label_h = text_size("0", VALUE_POINT_SIZE + 2)[1]  # under the last bar and its class name
        return x, layout.positions[-1][-1, 1] + max(self._bar_height / 2, label_h / 2 * upp) + 4 * upp

    def _class_label_width(self) -> float:
        widest = max(self._class_names_shown, key=len)
        return text_size(tips.class_label(widest, 1.0, True), VALUE_POINT_SIZE + 2)[0]

    def _header_text(self, column: int, short: int) -> str:
        """A column's name: full (`short` 0), short ("h3" and "σ", 1), or the short name alone (2)."""
        text = tips.header(self, column, bool(short))
        return text.split("\n")[0] if short > 1 else text

    def _names_fit(self, upp: float, short: int, rows: int) -> bool:
        """Whether the layer names, `short` or not, on `rows` staggered rows, clear each other at this scale."""
        gaps = np.diff(self.net_layout.xs) / upp
        n = len(self.sizes)
        widths = [text_size(self._header_text(c, short), theme.PLOT_LABEL_POINT_SIZE, True)[0] for c in range(n)]
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
        # The outputs' text at most two fifths of the view's width and four fifths of its height: smaller (down
        # to 9 points) in a view too small for it, zoomed in, so that the drawing beside it keeps its share.
        size = theme.PLOT_LABEL_POINT_SIZE
        sample = tips.loss_text_sample(self._class_names_shown if self.bar_item is not None else ())
        while size > 9 and (text_size(sample, size)[0] > 0.4 * width or text_size(sample, size)[1] > 0.8 * height):
            size -= 1
        for item in (self.loss_text, self.top_class_text) if self.bar_item is not None else (self.loss_text,):
            if item.point_size != size:
                item.point_size = size
                item.setFont(zoomed_font(size, item.bold))

        def scale_for(short: int, rows: int, button_rows: int, layer_buttons: bool):
            """The scale at which the drawing and these margins fill the view; the loss text goes where it
            leaves the drawing largest (with class bars: above, beside or under them; else under the output's
            value, or from the top down over it when hanging under it would shrink the drawing by a tenth)."""
            places = ("under", "beside") if self.bar_item is None else ("above", "beside", "below")
            found = []
            for place in places:
                self._loss_place = place
                found.append((*settle(short, rows, button_rows, layer_buttons), place))
            if self.bar_item is None and found[1][0] > 0.9 * found[0][0]:
                found = found[:1]
            return min(found, key=lambda item: item[0])

        def settle(short: int, rows: int, button_rows: int, layer_buttons: bool):
            """The scale at which the drawing and these margins fill the view (the margins depend on the scale)."""
            upp = None
            for _ in range(12):
                ml, mr, mt, mb = self._margins(rows, button_rows, upp, layer_buttons, short)
                found = max((right - left) / max(width - ml - mr, 40.0), (bottom - top) / max(height - mt - mb, 40.0))
                if upp is not None and abs(found - upp) <= 1e-3 * found:
                    break
                upp = found
            # Margins wider than the view leave the drawing less than the 40 pixels assumed: the scale it gets.
            found = max((right - left + (ml + mr) * found) / width, (bottom - top + (mt + mb) * found) / height)
            return found, (ml, mr, mt, mb)

        def share(upp: float) -> float:
            """How much of the view's height or width the drawing takes at this scale."""
            return max((right - left) / upp / width, (bottom - top) / upp / height)

        # Texts go, least needed first, until the drawing takes a fair share of the view: the layer names
        # shortened or staggered, then the graph's edit buttons (the settings edit the network too), then the
        # activations under the names, then the names (a neuron's tooltip names its layer and activation).
        # Failing that, whatever keeps the drawing largest.
        choice, tried = None, []
        options = [(short, rows, buttons) for buttons in (True, False)
                   for short, rows in ((0, 1), (1, 1), (0, 2), (1, 2), (1, 3))]
        for short, rows, buttons in [*options, (2, 1, False), (2, 2, False), (2, 0, False)]:
            upp, margins, place = scale_for(short, rows, 1 if buttons else 0, buttons)
            button_rows = self._button_rows(upp) if buttons else 0
            if buttons and button_rows == 0:
                upp, margins, place = scale_for(short, rows, button_rows, buttons)
            fits = rows == 0 or self._names_fit(upp, short, rows)
            tried.append((upp, margins, (short, rows, button_rows, buttons), fits, place))
            if not self._laid_out() or (fits and share(upp) >= FAIR_SHARE):
                choice = tried[-1]
                break
        if choice is None:  # the most texts among the choices whose drawing is within 5% of the largest
            best = min(item[0] for item in tried if item[3])
            choice = next(item for item in tried if item[3] and item[0] <= 1.05 * best)
        upp, (ml, mr, mt, mb), self._crowded, _, self._loss_place = choice
        self._fitting = True
        try:
            self.view_box.setRange(xRange=finite_range((left - ml * upp, right + mr * upp)),
                                   yRange=finite_range((top - mt * upp, bottom + mb * upp)), padding=0)
        finally:
            self._fitting = False
        self._on_view_changed()

    def _place_texts(self) -> None:
        """Put every text where it is clear of the others at the current scale (texts keep their pixel size)."""
        layout = self.net_layout
        upp = self.view_box.viewPixelSize()[0]
        if layout is None or not self.layer_headers or not upp > 0:
            return
        short, rows, button_rows, layer_buttons = getattr(self, "_crowded", (0, 1, 1, True))
        scale = self._marker_scale
        _, _, _, bottom = self._core_rect()
        place = self._outputs_text_place(upp)
        self.loss_text.setPos(*place)
        loss_h = text_size(tips.loss_text_sample(self._class_names_shown if self.bar_item is not None else ()),
                           self.loss_text.point_size)[1]
        bottom = max(bottom, place[1] + loss_h * upp)
        header_h = 0.0
        for column, header in enumerate(self.layer_headers):
            text = self._header_text(column, short)
            if header.toPlainText() != text:
                header.setText(text)
            header_h = max(header_h, text_size(text, theme.PLOT_LABEL_POINT_SIZE, True)[1],
                           header.textItem.boundingRect().height())
        for column, header in enumerate(self.layer_headers):
            row = column % max(rows, 1)
            header.setVisible(rows > 0)
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
                button.setVisible(button.allowed and layer_buttons)
                button.setPos(middle + edit.change * 6 * upp, layers_y)
        self._fit_fonts(self.input_labels, theme.TITLE_POINT_SIZE, layout.spacing[0] / upp)
        if self.bar_item is not None:
            self._fit_fonts(self.class_labels, VALUE_POINT_SIZE + 2, layout.spacing[-1] / upp)
        for label, (x, y) in zip(self.input_labels, layout.positions[0]):
            label.show()  # `_declutter` may hide it again
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
        fixed = [self.loss_text, self.top_class_text] if self.bar_item is not None else [self.loss_text]
        kept = []
        for item in fixed:
            if item.isVisible():
                item.updateTransform()
                kept.append(item.sceneBoundingRect())
        # The margins leave these room; where a view too small for them all still crowds them, the least
        # needed go: class names but the top one (the bars and the outputs' text still say it), then layer
        # names, input names and edit buttons (the tooltips and the settings give them).
        for label in sorted(self.class_labels, key=lambda label: "◀" not in label.toPlainText()):
            label.setVisible(label.wanted)
        for item in sorted(self.class_labels, key=lambda label: "◀" not in label.toPlainText()) + [
                *self.layer_headers, *self.input_labels, *self.edit_buttons]:
            if item.isVisible():
                item.updateTransform()
                rect = item.sceneBoundingRect()
                if visible.contains(rect) and not any(rect.intersects(other) for other in kept):
                    kept.append(rect)
                else:
                    item.hide()
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
