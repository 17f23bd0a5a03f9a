"""The app's language: the user's choice, else the system's, put in force for our messages and Qt's.

Our own messages use the core's gettext catalogues (exposure_audit.i18n); Qt's dialogs
(file dialogs, standard buttons) use the ``qtbase_<lang>.qm`` that ship inside PySide6.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from exposure_audit import i18n
from ui import prefs

_qt_translator: QTranslator | None = None


def ui_language() -> str:
    """The system's language: the environment as gettext reads it, else (Windows, macOS) the
    language the user chose for the desktop, else English."""
    found = i18n.system_language()
    if found:
        return found
    if sys.platform in ("win32", "darwin"):
        for tag in QLocale.system().uiLanguages():
            code = i18n.language_of(tag)
            if code:
                return code
    return i18n.SOURCE_LANGUAGE


def chosen_language() -> str:
    """The Language setting if one is saved, else the system's language."""
    saved = prefs.language()
    return saved if saved in i18n.LANGUAGES else ui_language()


def apply_language(code: str | None = None) -> str:
    """Put ``code`` (or the chosen language) in force; returns it. Windows built after this
    speak it; built ones are rebuilt by ``ui.app.rebuild_window``."""
    language = i18n.set_language(code or chosen_language())
    QLocale.setDefault(QLocale(language))  # dates and numbers in the language's form
    _install_qt_translation(language)
    return language


def _install_qt_translation(language: str) -> None:
    global _qt_translator
    app = QCoreApplication.instance()
    if app is None:
        return
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if language == i18n.SOURCE_LANGUAGE:
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        _qt_translator = translator
