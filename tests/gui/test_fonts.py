"""Chinese renders on a machine without CJK fonts: the shipped subset holds every character the translations use."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QRawFont
from PySide6.QtWidgets import QApplication

from gui.app import CJK_FONT, cjk_families, prepare_fonts

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "scripts"))
import build_cjk_font  # noqa: E402  (scripts/build_cjk_font.py)


def test_the_shipped_font_holds_every_character_the_translations_bring(qapp):
    font = QRawFont(str(CJK_FONT), 12)
    assert font.isValid()

    used = build_cjk_font.chinese_only_characters()  # the English sources' characters show in English too
    missing = sorted(character for character in used if not font.supportsCharacter(ord(character)))

    assert any("\u4e00" <= character <= "\u9fff" for character in used)
    assert missing == [], f"run: python scripts/build_cjk_font.py  (missing {''.join(missing)!r})"


def test_the_shipped_font_is_small_and_licensed():
    assert CJK_FONT.stat().st_size < 2_000_000
    licence = (CJK_FONT.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence


def test_the_application_font_falls_back_to_the_shipped_font(qapp):
    prepare_fonts(qapp)

    assert cjk_families() == ["Glassbox CJK"]
    assert "Glassbox CJK" in QApplication.font().families()
