"""The window's language: Simplified Chinese or English, chosen at start and switchable at once.

Every user-visible string goes through Qt's translation (`self.tr()` in a QObject,
`QCoreApplication.translate(context, text)` elsewhere). The Chinese lives in
`assets/i18n/<part>.zh_CN.ts` (the sources, edited by people) compiled into `.qm` files
that ship with the app (scripts/translations.py). Installing a translator makes Qt send
every widget a `QEvent.LanguageChange`; a widget answers it by setting its static texts
again (`changeEvent` -> `retranslate()`), and dynamic texts are translated when they are next written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_FOLDER = Path(__file__).resolve().parent.parent / "assets" / "i18n"
SYSTEM = "system"
ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (CHINESE, ENGLISH)

_installed: list[QTranslator] = []
_current = ENGLISH


def resolve(choice: str | None) -> str:
    """"zh_CN" or "en" for a choice of "zh_CN", "en", "system" or None (the system locale decides)."""
    if choice in LANGUAGES:
        return choice
    if choice not in (None, "", SYSTEM):
        raise ValueError(f"unknown language {choice!r}")
    return CHINESE if QLocale.system().name().lower().startswith("zh") else ENGLISH


def current() -> str:
    return _current


def install(choice: str | None) -> str:
    """Switch the whole application to `choice` now; returns the language now in use."""
    global _current
    language = resolve(choice)
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language != ENGLISH:
        for path in _qm_files(language):
            translator = QTranslator(app)
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
    _current = language
    return language


def _qm_files(language: str) -> list[Path]:
    """Qt's own strings (dialog buttons), then ours: later translators are asked first."""
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    ours = sorted(I18N_FOLDER.glob(f"*.{language}.qm"))
    return [path for path in (qt_folder / f"qtbase_{language}.qm",) if path.exists()] + ours


def say(error: BaseException) -> str:
    """One sentence for a core error, in the window's language.

    core/ stays free of Qt: a GlassboxError carries an English `template` with named
    `values` (core/errors.py); the Chinese templates live in the "core" context
    (gui/core_messages.py lists them for lupdate). Any other exception says str(error).
    """
    template = getattr(error, "template", None)
    values = getattr(error, "values", None)
    if not isinstance(template, str) or not isinstance(values, dict):
        return str(error)
    try:
        return QCoreApplication.translate("core", template).format(**values)
    except (KeyError, IndexError, ValueError):
        return str(error)
