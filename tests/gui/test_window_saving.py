"""The window's Save View and Export CSV write whole files or nothing; saving a session over another asks first."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def window(make_window, monkeypatch):
    window = make_window()
    window.warnings = []
    monkeypatch.setattr(window, "warn", window.warnings.append)
    return window


def aim_dialog_at(monkeypatch, window, path) -> None:
    monkeypatch.setattr(window.menus, "ask_save_path", lambda *_: str(path))


def test_export_csv_replaces_the_old_file_whole(window, monkeypatch, tmp_path):
    target = tmp_path / "metrics.csv"
    target.write_text("old\n")
    aim_dialog_at(monkeypatch, window, target)
    window.menus.export_metrics()
    assert window.warnings == []
    assert target.read_text().startswith("step")
    assert [name for name in os.listdir(tmp_path) if name.endswith(".tmp")] == []


@pytest.mark.parametrize("kind", ["fifo", "folder", "missing folder", "long name"])
def test_export_csv_to_a_bad_target_is_one_sentence_and_touches_nothing(window, monkeypatch, tmp_path, kind):
    target = {"fifo": tmp_path / "pipe.csv", "folder": tmp_path / "dir.csv",
              "missing folder": tmp_path / "nowhere" / "m.csv", "long name": tmp_path / ("x" * 300 + ".csv")}[kind]
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    aim_dialog_at(monkeypatch, window, target)
    window.menus.export_metrics()  # returns at once: never blocks on the FIFO
    assert len(window.warnings) == 1 and "\n" not in window.warnings[0]
    if kind == "fifo":
        assert target.exists() and not target.is_file()


def test_save_view_writes_a_png_and_a_bad_target_keeps_the_old_file(window, monkeypatch, tmp_path):
    target = tmp_path / "view.png"
    aim_dialog_at(monkeypatch, window, target)
    window.menus.save_view_image()
    assert target.read_bytes().startswith(b"\x89PNG")
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "view.png").write_bytes(b"old")
    blocked.chmod(0o500)
    try:
        aim_dialog_at(monkeypatch, window, blocked / "view.png")
        window.menus.save_view_image()
    finally:
        blocked.chmod(0o700)
    if os.geteuid() != 0:  # root writes anywhere
        assert len(window.warnings) == 1
        assert (blocked / "view.png").read_bytes() == b"old"


def test_saving_a_session_over_an_existing_one_asks_first(window, monkeypatch, tmp_path):
    existing = tmp_path / "lesson.glassbox"
    existing.write_bytes(b"the teacher's lesson")
    aim_dialog_at(monkeypatch, window, tmp_path / "lesson")  # typed without the suffix: the dialog did not ask
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args) or QMessageBox.StandardButton.No)
    saved = []
    monkeypatch.setattr(window.sessions, "save", saved.append)
    window.sessions.save_dialog()
    assert len(asked) == 1 and saved == []
    assert existing.read_bytes() == b"the teacher's lesson"
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window.sessions.save_dialog()
    assert saved == [str(existing)]


def test_the_save_dialog_confirms_overwriting(window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    seen = {}

    def fake(*args, **kwargs):
        seen["options"] = kwargs.get("options", args[5] if len(args) > 5 else None)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    window.menus.export_metrics()
    options = seen["options"]
    assert options is None or not (options & QFileDialog.Option.DontConfirmOverwrite)
