"""`snapshot --view autoencoder`'s picture: every part readable at 700×450, the plane of codes as tall as the
picture allows, nothing that only a click would explain, and glyphs that shrink when the points are many."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel

from core.autoencoder.trainer import AutoencoderConfig, AutoencoderEvaluation, Reconstructions
from gui.autoencoder.code_plane import MARKER_SIZE, SMALLEST_MARKER, marker_size
from gui.autoencoder.pictures import autoencoder_widget
from gui.autoencoder.tab import planned_layers
from gui.widgets.clamped_label import ELLIPSIS


def results(count: int = 720, bottleneck: int = 2, seed: int = 0):
    rng = np.random.default_rng(seed)
    images = rng.random((count, 28, 28), dtype=np.float32)
    labels = np.arange(count, dtype=np.int64) % 10
    recon = Reconstructions(step=300, originals=images, inputs=images, reconstructions=images[::-1].copy(),
                            codes=rng.random((count, bottleneck), dtype=np.float32), labels=labels,
                            class_names=tuple(str(d) for d in range(10)))
    evaluation = AutoencoderEvaluation(step=300, train_loss=0.2, test_loss=0.21, test_error=0.03,
                                       mean_image_error=0.04, mean_image_loss=0.27)
    curve = np.linspace(0.3, 0.2, 300)
    return recon, curve, evaluation, AutoencoderConfig(bottleneck=bottleneck), planned_layers(bottleneck)


def shown(qtbot, width: int, height: int, **kwargs):
    widget = autoencoder_widget(*results(**kwargs))
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()  # visible, so isVisible() tells what the picture shows
    widget.grab()  # lays out and paints, as the snapshot does
    return widget


def inside(widget, child) -> QRect:
    return QRect(child.mapTo(widget, child.rect().topLeft()), child.size())


@pytest.mark.parametrize("size", [(700, 450), (1024, 768), (1920, 1080)])
def test_the_plane_is_as_tall_as_the_picture_allows_and_every_part_fits(qtbot, size):
    widget = shown(qtbot, *size)
    plot = widget.plane.plot
    assert plot.height() >= 0.8 * size[1]  # the plane takes the picture's height ...
    assert plot.width() >= 0.75 * min(plot.height(), size[0] / 2)  # ... and about as much width, room allowing
    whole = widget.rect()
    boxes = [part.geometry() for part in widget.parts]
    for box in boxes:
        assert whole.contains(box)
    for i, a in enumerate(boxes):  # nothing drawn over anything else
        for b in boxes[i + 1:]:
            assert not a.intersects(b)
    for part in widget.parts:  # every part got at least the room it needs
        assert part.height() >= part.minimumSizeHint().height() - 1
        assert part.height() >= part.minimumHeight()
    column = widget.strip.width()
    for part, least in zip(widget.parts, widget.least_heights(column)):
        assert part.height() >= least
    for part in (widget.diagram.heading, widget.diagram.caption, widget.diagram.boxes):  # inside the diagram too
        assert widget.diagram.rect().contains(part.geometry())

def test_a_picture_explains_nothing_a_click_would_do_and_cuts_no_sentence(qtbot):
    widget = shown(qtbot, 700, 450)
    plane = widget.plane
    assert not plane.interactive and not plane.box.pickable
    for part in (plane.decoded, plane.decoded_caption, plane.cross_x, plane.cross_y, plane.note):
        assert not part.isVisible()
    assert plane.plot.toolTip() == ""
    texts = [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
    assert any(text.startswith("encoder:") for text in texts)
    assert "x → y = sigmoid(W·x + b) → z = sigmoid(W′·y + b′) ≈ x" in texts
    assert not any(text.endswith(ELLIPSIS) for text in texts)
    assert not any("Click" in text for text in texts)


def test_a_wider_bottleneck_says_the_plane_shows_its_first_two_numbers(qtbot):
    widget = shown(qtbot, 700, 450, bottleneck=8)
    note = widget.plane.note
    assert note.isVisible() and "8" in note.text() and "Click" not in note.text()
    assert inside(widget, note).bottom() <= widget.height()
    assert widget.strip.noisy is False and len(widget.strip.row_titles()) == 2


def test_noise_adds_a_row_and_every_part_still_fits_at_700_by_450(qtbot):
    recon, curve, evaluation, _config, layers = results(bottleneck=8)
    widget = autoencoder_widget(recon, curve, evaluation, AutoencoderConfig(bottleneck=8, noise=0.3), layers)
    qtbot.addWidget(widget)
    widget.resize(700, 450)
    widget.show()
    widget.grab()
    assert len(widget.strip.row_titles()) == 3
    assert widget.strip.height() >= 3 * 22  # the images may shrink a little; the words and the curve may not
    boxes = [part.geometry() for part in widget.parts]
    for i, box in enumerate(boxes):
        assert widget.rect().contains(box)
        assert not any(box.intersects(other) for other in boxes[i + 1:])
    for part, least in list(zip(widget.parts, widget.least_heights(widget.strip.width())))[1:]:
        assert part.height() >= least
    diagram = widget.diagram
    assert diagram.boxes.height() >= diagram.boxes.minimumHeight()
    assert diagram.boxes.geometry().bottom() < diagram.caption.geometry().top()


def test_markers_shrink_when_the_points_are_many():
    assert marker_size(50, 300, 300) == MARKER_SIZE  # few points: full size
    crowded = marker_size(720, 300, 300)
    assert SMALLEST_MARKER <= crowded < MARKER_SIZE
    # About 35% of the plot inked: 720 glyphs of side s cover 720·s² of 300·300 px.
    assert crowded == pytest.approx(np.sqrt(0.35 * 300 * 300 / 720))
    assert marker_size(100_000, 300, 300) == SMALLEST_MARKER  # never smaller than readable
    assert marker_size(720, 300, 300, zoom=2.0) >= 2 * SMALLEST_MARKER  # the zoom scales both limits
    assert MARKER_SIZE < marker_size(50, 1000, 1000) <= 1.6 * MARKER_SIZE  # a projected picture: a bit larger


def test_the_plane_draws_smaller_glyphs_for_many_points(qtbot):
    few, many = shown(qtbot, 700, 450, count=40), shown(qtbot, 700, 450, count=1000)
    size = lambda widget: widget.plane.points[0].opts["size"]  # noqa: E731
    assert size(many) < size(few)
    plot = many.plane.plot
    assert size(many) == pytest.approx(marker_size(1000, plot.width(), plot.height()))
