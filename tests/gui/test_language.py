"""The window speaks Simplified Chinese or English, switches at once, and every string has its Chinese."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction

from gui import i18n
from tests.gui.language_check import english_leftovers, english_words, visible_texts

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "scripts"))
import translations  # noqa: E402  (scripts/translations.py)


@pytest.fixture
def chinese():
    """Chinese for the test, English again afterwards (the rest of the suite reads English)."""
    i18n.install("zh_CN", terms=False)
    try:
        yield
    finally:
        i18n.install("en", terms=False)


def chrome_texts(window) -> list[tuple[str, str]]:
    """The window's own texts: its menus and actions, tab titles, status bar, dock title, presenter hint.

    (The Play, Step, Reset and Device actions belong to the training controls, tested with them.)
    """
    menus = window.menus
    actions = [value for value in vars(menus).values() if isinstance(value, QAction)]
    actions += list(menus.language_actions.values())
    texts = [("action", action.text()) for action in actions] + [("tip", action.toolTip()) for action in actions]
    texts += [("menu", menu.title()) for menu in (menus.file_menu, menus.recent_menu, menus.edit_menu, menus.view_menu,
                                                 menus.train_menu, menus.device_menu, menus.help_menu,
                                                 menus.language_menu)]
    texts += [("recent", action.text()) for action in menus.recent_menu.actions()]
    texts += [("tab", window.tabs.tabText(i)) for i in range(window.tabs.count())]
    texts += [("tabTip", window.tabs.tabToolTip(i)) for i in range(window.tabs.count())]
    texts += visible_texts(window.run_status) + [("speed", menus.speed_label.text())]
    texts += [("dock", window.dock.windowTitle()), ("title", window.windowTitle()),
              ("hint", window.presenter.hint.text()), ("status", window.statusBar().currentMessage()),
              ("shortcuts", menus.shortcuts_text())]
    return texts


def test_the_window_chrome_switches_to_chinese_at_once_and_back(make_window, chinese, qtbot):
    window = make_window()

    assert window.windowTitle().startswith("Glassbox — 走进")
    assert window.menus.file_menu.title() == "文件(&F)" and window.tabs.tabText(1) == "网络"
    assert window.dock.windowTitle() == "设置"
    assert window.menus.save_session_action.text() == "保存课堂文件…"
    assert window.device_label.text().startswith("设备：")
    left = [f"{where}: {text!r}" for where, text in chrome_texts(window) if english_words(text)]
    assert left == []

    i18n.install("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "Network")  # Qt posts LanguageChange to the windows
    assert window.menus.file_menu.title() == "&File"
    assert window.device_label.text().startswith("Device: ")
    assert window.menus.save_session_action.text() == "Save Session…"


def test_the_whole_window_has_no_english_left_in_chinese(make_window, chinese, qtbot):
    window = make_window()
    for index in range(window.tabs.count()):  # every tab, shown once (the Landscape tab is built when shown)
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: window.tabs.currentWidget().isVisible())

    assert english_leftovers(window) == []


def test_the_language_menu_switches_and_is_remembered(make_window, settings, qtbot):
    window = make_window()
    try:
        window.menus.language_actions["zh_CN"].trigger()
        assert i18n.current() == "zh_CN"
        qtbot.waitUntil(lambda: window.tabs.tabText(0) == "训练")
        assert settings.value("view/language") == "zh_CN"
        window.menus.language_actions["en"].trigger()
        assert i18n.current() == "en"
        qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Training")
        assert settings.value("view/language") == "en"
    finally:
        i18n.install("en", terms=False)


def test_show_english_terms_puts_the_english_beside_key_terms(make_window, settings, qtbot):
    window = make_window()
    try:
        assert not window.menus.terms_action.isEnabled()  # English has no Chinese terms to explain
        i18n.install("zh_CN")
        qtbot.waitUntil(window.menus.terms_action.isEnabled)
        window.menus.terms_action.trigger()
        qtbot.waitUntil(lambda: window.menus.zoom_in_action.text() == "放大")
        assert settings.value("view/english_terms") in (True, "true")
        assert i18n.showing_terms()
        assert "神经元 (neuron)" in i18n.with_terms("每个神经元")
        assert window.menus.zoom_in_action.text() == "放大"  # only key terms get the English
        shortcuts = window.menus.shortcuts_text()
        assert "权重 (weight)" in shortcuts and shortcuts.count("(weight)") == 1
        window.menus.terms_action.trigger()
        assert "(weight)" not in window.menus.shortcuts_text()
    finally:
        i18n.install("en", terms=False)


def test_with_terms_marks_each_term_once_and_prefers_the_longer_term():
    text = i18n.with_terms("学习率太大时，梯度下降会发散；梯度和学习率")

    assert text == "学习率 (learning rate)太大时，梯度下降 (gradient descent)会发散；梯度 (gradient)和学习率"


@pytest.mark.parametrize("part", translations.PARTS)
def test_every_user_visible_string_has_its_chinese(part):
    """lupdate run on today's sources finds no string without a finished translation."""
    fresh = translations.fresh_extraction(part)
    try:
        missing = translations.missing_in(fresh)
    finally:
        shutil.rmtree(fresh.parent, ignore_errors=True)

    assert missing == [], f"{part}: {len(missing)} strings without Chinese, e.g. {missing[:5]}"


def test_every_shipped_qm_is_compiled_from_its_ts():
    """A .ts edited without `translations.py build` would ship stale Chinese."""
    stale = []
    folder = Path(tempfile.mkdtemp(prefix="glassbox-qm-"))
    try:
        for ts in sorted(translations.I18N.glob("*.ts")):
            fresh = folder / ts.with_suffix(".qm").name
            subprocess.run([translations.tool("pyside6-lrelease"), str(ts), "-qm", str(fresh)], check=True,
                           capture_output=True)
            shipped = ts.with_suffix(".qm")
            if not shipped.exists() or not same_translations(shipped, fresh, ts):
                stale.append(shipped.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    assert stale == [], f"run: python scripts/translations.py build  ({', '.join(stale)})"


def same_translations(shipped: Path, fresh: Path, ts: Path) -> bool:
    if shipped.read_bytes() == fresh.read_bytes():
        return True
    old, new = QTranslator(), QTranslator()
    if not (old.load(str(shipped)) and new.load(str(fresh))):
        return False
    return all(old.translate(context or "", source or "") == new.translate(context or "", source or "")
               for context, source, _translation, _tree in translations.messages(ts))


def test_following_the_system_is_a_choice_of_its_own(make_window, settings):
    window = make_window()
    try:
        window.menus.language_actions["system"].trigger()

        assert settings.value("view/language") == "system"
        assert i18n.current() == i18n.resolve(None)
        assert window.menus.language_actions["system"].isChecked()
    finally:
        i18n.install("en", terms=False)


def test_with_english_terms_an_untranslated_text_stays_as_it_is(qapp):
    from PySide6.QtCore import QCoreApplication

    try:
        i18n.install("zh_CN", terms=True)
        assert QCoreApplication.translate("Names", "tanh") == "tanh"  # not blank
        assert QCoreApplication.translate("No such context", "Some text") == "Some text"
        assert QCoreApplication.translate("MainWindow", "Convolution") == "卷积 (convolution)"
    finally:
        i18n.install("en", terms=False)
