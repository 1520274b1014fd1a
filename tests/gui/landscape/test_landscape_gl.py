"""The 3-D landscape under a real X server with OpenGL (Xvfb + Mesa). Opt-in: GLASSBOX_GL_TESTS=1.

Run: Xvfb :55 -screen 0 1600x1000x24 &
     DISPLAY=:55 QT_QPA_PLATFORM=xcb GLASSBOX_GL_TESTS=1 python -m pytest tests/gui/landscape/test_landscape_gl.py
"""

import os

import numpy as np
import pytest

pytestmark = pytest.mark.skipif(
    os.environ.get("GLASSBOX_GL_TESTS") != "1" or not os.environ.get("DISPLAY")
    or os.environ.get("QT_QPA_PLATFORM") == "offscreen",
    reason="3-D OpenGL tests need GLASSBOX_GL_TESTS=1, an X server in DISPLAY (Xvfb) and QT_QPA_PLATFORM=xcb; "
           "the offscreen platform crashes when a GL context is made",
)


def test_the_3d_surface_follows_the_race(qtbot):
    from gui.landscape.race_view import LandscapeView

    view = LandscapeView()
    qtbot.addWidget(view)
    view.resize(1600, 900)
    with qtbot.waitSignal(view.race_computed, timeout=10_000):  # races run in the view's race thread
        view.show()
    qtbot.waitExposed(view)
    assert view.has_3d and view.missing_3d is None
    with qtbot.waitSignal(view.race_computed, timeout=10_000):
        view.set_optimizers("sgd,adam")
    for _ in range(10):
        view.step()
    positions = view.surface_3d.lines["adam"].pos
    assert positions.shape == (11, 3) and np.isfinite(positions).all()
    view.set_surface("rosenbrock")
    with qtbot.waitSignal(view.race_computed, timeout=10_000):
        view.set_learning_rate(1.5)
    for _ in range(20):
        view.step()
    assert np.isfinite(view.surface_3d.lines["sgd"].pos).all()
    image = view.surface_3d.widget.grabFramebuffer()
    assert image.width() > 0
