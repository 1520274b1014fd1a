"""Core's error sentences in Chinese: the "core" translations of gui/core_messages.py, used by say().

core/ raises English templates with named values; the window translates the template
(and any Phrase among the values) and fills in the same values.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

import gui.core_messages
import gui.i18n
from core.errors import ConfigError, DivergedError, GlassboxError, ImageLoadError, Phrase
from core.mlp.config import TrainConfig, parse_hidden
from core.optimizers import check_optimizer
from gui.threads import Worker

ROOT = Path(__file__).resolve().parents[2]


def _raised(function, *arguments) -> GlassboxError:
    with pytest.raises(GlassboxError) as caught:
        function(*arguments)
    return caught.value


def _core(text: str) -> str:
    return QCoreApplication.translate("core", text)


@pytest.fixture
def chinese(qapp):
    gui.i18n.install("zh_CN")
    try:
        yield
    finally:
        gui.i18n.install("en")


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= character <= "\u9fff" for character in text)


def test_a_real_core_error_is_said_in_chinese_with_its_value(chinese):
    error = _raised(parse_hidden, "8,x")
    assert isinstance(error, ConfigError)

    said = gui.i18n.say(error)

    assert said == "隐藏层必须是用逗号隔开的整数，例如 8,8，而不是“8,x”。"
    optimizer = gui.i18n.say(_raised(check_optimizer, "adamx"))
    assert _has_chinese(optimizer) and "'adamx'" not in optimizer and "adamx" in optimizer
    assert "sgd, momentum" in optimizer  # the list of choices is the program's own words


def test_formatted_values_keep_their_format_in_chinese(chinese):
    said = gui.i18n.say(DivergedError(17, 123456.789))
    assert said.startswith("训练在第 17 步发散了：损失变成了 1.235e+05。")


def test_phrases_among_the_values_are_translated_too(chinese):
    error = _raised(TrainConfig(learning_rate=-1.0).validated)
    assert error.sentence(_core) == "学习率必须是不超过 1000 的正数，而不是 -1.0。"
    empty = ImageLoadError("{who} is empty (0 bytes); choose another file or save the image again.",
                           who=Phrase("The image"))
    assert empty.sentence(_core) == "该图像是空的（0 字节）；请选择其他文件，或重新保存图像。"


def test_back_in_english_the_sentence_is_the_english_one(chinese):
    error = _raised(parse_hidden, "8,x")
    gui.i18n.install("en")
    assert gui.i18n.say(error) == str(error) == (
        "Hidden layers must be comma-separated whole numbers such as 8,8, not '8,x'.")
    assert error.sentence(_core) == str(error)


def test_an_unknown_or_plain_error_says_its_english(chinese):
    assert gui.i18n.say(ConfigError("A sentence no translator knows.")) == "A sentence no translator knows."
    assert gui.i18n.say(RuntimeError("boom")) == "boom"


def test_a_workers_expected_failure_is_said_in_the_window_language(chinese):
    worker = Worker()
    said: list[str] = []
    worker.failed.connect(said.append)  # same thread: a direct call
    with worker.saying(worker.failed, "unused"):
        parse_hidden("8,x")
    assert said == ["隐藏层必须是用逗号隔开的整数，例如 8,8，而不是“8,x”。"]


def test_every_template_has_a_chinese_translation_with_the_same_fields():
    import string

    def fields(text):
        return sorted((name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)
                      if name is not None)

    tree = ElementTree.parse(ROOT / "assets" / "i18n" / "core.zh_CN.ts")
    translated = {message.findtext("source"): message.find("translation")
                  for context in tree.iter("context") if context.findtext("name") == "core"
                  for message in context.iter("message")}
    for template in gui.core_messages.TEMPLATES:
        translation = translated.get(template)
        assert translation is not None and translation.get("type") is None and translation.text, template
        assert fields(translation.text) == fields(template), template
        assert translation.text != template, template


def test_a_progress_phrase_from_core_is_translated_with_its_title(chinese):
    from core.cnn.image_sets import GENERATED, LoadProgress

    progress = LoadProgress(1, 10, Phrase("drawing {title}", title=GENERATED["digits"][0]))
    assert str(progress.what) == "drawing generated digits"
    assert progress.what.sentence(_core) == "正在绘制生成的数字"


def test_an_unexpected_failure_names_a_core_error_in_the_window_language(chinese):
    sentence = Worker().failure_sentence(_raised(parse_hidden, "8,x"))
    assert "ConfigError" in sentence and "隐藏层必须是用逗号隔开的整数" in sentence
