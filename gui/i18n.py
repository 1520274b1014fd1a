"""The window's language: Simplified Chinese or English, chosen at start and switchable at once.

Every user-visible string goes through Qt's translation (`self.tr()` in a QObject,
`QCoreApplication.translate(context, text)` elsewhere). The Chinese lives in
`assets/i18n/<part>.zh_CN.ts` (the sources, edited by people) compiled into `.qm` files
that ship with the app (scripts/translations.py). Installing a translator makes Qt send
every widget a `QEvent.LanguageChange`; a widget answers it by setting its static texts
again (`changeEvent` -> `retranslate()`), and dynamic texts are translated when they are next written.

"Show English terms" (View menu) is one more translator in front of the others: it asks
them, then writes the English beside the glossary's key terms (神经元 (neuron)), so every
view gets it without knowing.
"""

from __future__ import annotations

from pathlib import Path

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_FOLDER = Path(__file__).resolve().parent.parent / "assets" / "i18n"
SYSTEM = "system"
ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (CHINESE, ENGLISH)

_installed: list[QTranslator] = []
_current = ENGLISH
_show_terms = False

# "Show English terms": the key Chinese terms of the glossary, with the English a student meets later.
TERMS = {
    "神经元": "neuron", "权重": "weight", "偏置": "bias", "加权和": "weighted sum", "激活函数": "activation function",
    "前向传播": "forward pass", "反向传播": "backpropagation", "损失函数": "loss function", "损失曲面": "loss landscape",
    "梯度下降": "gradient descent", "梯度消失": "vanishing gradient", "梯度": "gradient", "学习率": "learning rate",
    "优化器": "optimizer", "动量": "momentum", "批量大小": "batch size", "隐藏层": "hidden layer",
    "输入层": "input layer", "输出层": "output layer", "卷积核": "kernel", "特征图": "feature map", "卷积": "convolution",
    "最大池化": "max pooling", "池化": "pooling", "全连接": "fully connected", "决策边界": "decision boundary",
    "局部最小值": "local minimum", "鞍点": "saddle point", "平台区": "plateau", "正则化": "regularization",
    "自编码器": "autoencoder", "准确率": "accuracy", "训练集": "training set", "测试集": "test set", "损失": "loss",
}
_TERM = re.compile("|".join(sorted(map(re.escape, TERMS), key=len, reverse=True)))


def with_terms(text: str) -> str:
    """`text` with "(English)" after the first use of each key term: 学习率 -> 学习率 (learning rate)."""
    seen: set[str] = set()

    def decorate(match: re.Match) -> str:
        term = match.group(0)
        if term in seen:
            return term
        seen.add(term)
        return f"{term} ({TERMS[term]})"

    return _TERM.sub(decorate, text)


class TermsTranslator(QTranslator):
    """Asks the real translators, then adds the English terms to what they answer."""

    def __init__(self, translators: list[QTranslator], parent=None):
        super().__init__(parent)
        self._translators = translators

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 (Qt's virtual)
        for translator in reversed(self._translators):
            found = translator.translate(context, source, disambiguation, n)
            if found:
                return with_terms(found)
        return None  # a null string: Qt then shows the source text (an empty one would blank the text)


def resolve(choice: str | None) -> str:
    """"zh_CN" or "en" for a choice of "zh_CN", "en", "system" or None (the system locale decides)."""
    if choice in LANGUAGES:
        return choice
    if choice not in (None, "", SYSTEM):
        raise ValueError(f"unknown language {choice!r}")
    return CHINESE if QLocale.system().name().lower().startswith("zh") else ENGLISH


def current() -> str:
    return _current


def showing_terms() -> bool:
    return _show_terms


def install(choice: str | None, terms: bool | None = None) -> str:
    """Switch the whole application to `choice` now; returns the language now in use.

    `terms` turns "Show English terms" on or off (None keeps it as it is); it changes only Chinese.
    """
    global _current, _show_terms
    language = resolve(choice)
    if terms is not None:
        _show_terms = bool(terms)
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language != ENGLISH:
        loaded = []
        for path in _qm_files(language):
            translator = QTranslator(app)
            if translator.load(str(path)):
                loaded.append(translator)
        chosen = [TermsTranslator(loaded, app)] if _show_terms and loaded else loaded
        for translator in chosen:
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
        _installed.extend(translator for translator in loaded if translator not in chosen)  # kept alive
    _current = language
    return language


def _qm_files(language: str) -> list[Path]:
    """Qt's own strings (dialog buttons), then ours: later translators are asked first."""
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    ours = sorted(I18N_FOLDER.glob(f"*.{language}.qm"))
    return [path for path in (qt_folder / f"qtbase_{language}.qm",) if path.exists()] + ours


def say(error: object) -> str:
    """One sentence for a core error, in the window's language.

    core/ stays free of Qt: a GlassboxError carries an English `template` with named
    `values` (core/errors.py); the Chinese templates live in the "core" context
    (gui/core_messages.py lists them for lupdate). Any other exception says str(error).
    """
    sentence = getattr(error, "sentence", None)
    if callable(sentence):  # a GlassboxError or a Phrase: the words the program put in are translated too
        return sentence(_translate_core)
    return str(error)


def _translate_core(text: str) -> str:
    return QCoreApplication.translate("core", text)
