"""ClampedLabel: a status line that keeps its height whatever it is told."""

from gui.widgets.clamped_label import ClampedLabel

LONG = ("The model 'my_model' was not saved because the disk is full; free some space and save it again, "
        "or choose another folder where there is room for it.")


def test_a_long_sentence_ends_in_an_ellipsis_and_shows_whole_in_the_tooltip(qtbot):
    label = ClampedLabel("Short.", lines=2)
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    label.resize(300, label.height())
    height = label.height()
    assert label.shown_text() == "Short." and label.toolTip() == ""
    label.setText(LONG)
    assert label.height() == height  # the layout never moves
    assert label.text() == LONG and label.shown_text().endswith("…") and len(label.shown_text()) < len(LONG)
    assert LONG in label.toolTip()
    label.setToolTip("skipped: 3 files")
    assert LONG in label.toolTip() and "skipped: 3 files" in label.toolTip()
    label.resize(3000, label.height())  # room enough: the whole sentence again
    qtbot.waitUntil(lambda: label.width() == 3000)
    assert label.shown_text() == LONG and label.toolTip() == "skipped: 3 files"
