"""The decision-boundary view draws the real output map and lets a point be picked."""

import numpy as np

from core.mlp.boundaries import boundary_maps
from core.mlp.config import TrainConfig
from core.mlp.trainer import Trainer
from gui.network.boundary_view import BoundaryView, GradientChart


def trained(dataset):
    trainer = Trainer(TrainConfig(dataset=dataset, n_points=100, device="cpu"))
    for _ in trainer.run(max_steps=100):
        pass
    return trainer


def test_heatmap_follows_the_output_and_points_are_drawn(qtbot):
    trainer = trained("xor")
    view = BoundaryView()
    qtbot.addWidget(view)
    view.set_dataset(trainer.dataset, "sigmoid")
    maps = boundary_maps(trainer.model, trainer.config.features, resolution=16)
    view.show_maps(maps)
    image = view.image.image
    assert image.shape == (16, 16) and image.dtype == np.uint8
    # Confident positive regions are drawn above the middle of the table, negative below.
    assert (image.T[maps.output > 0.9] > 127).all() and (image.T[maps.output < 0.1] < 128).all()
    assert len(view.train_points.data) == len(trainer.dataset.x_train)
    assert len(view.test_points.data) == len(trainer.dataset.x_test)


def test_clicking_a_training_point_names_its_index(qtbot):
    trainer = trained("circle")
    view = BoundaryView()
    qtbot.addWidget(view)
    view.set_dataset(trainer.dataset, "sigmoid")
    points = view.train_points.points()
    with qtbot.waitSignal(view.example_clicked) as blocker:
        view._on_points_clicked(view.train_points, [points[7]])
    assert blocker.args == [7]


def test_multiclass_map_shows_the_winning_class(qtbot):
    trainer = trained("blobs")
    view = BoundaryView()
    qtbot.addWidget(view)
    view.set_dataset(trainer.dataset, "softmax")
    maps = boundary_maps(trainer.model, trainer.config.features, resolution=12)
    view.show_maps(maps)
    np.testing.assert_array_equal(view.image.image.T, maps.output.astype(np.uint8))


def test_gradient_chart_draws_log_bars(qtbot):
    chart = GradientChart()
    qtbot.addWidget(chart)
    chart.show_magnitudes(np.array([1e-7, 1e-4, 1e-2]))
    heights = chart.bars.opts["height"]
    np.testing.assert_allclose(np.diff(heights), [3.0, 2.0])
