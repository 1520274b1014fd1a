"""Build the Chinese font the app ships: Noto Sans CJK SC cut down to the characters Glassbox uses.

    python scripts/build_cjk_font.py [--source /path/to/NotoSansCJK-Regular.ttc]

Windows and macOS have CJK fonts; a bare Linux may not, and Qt then draws empty boxes.
The app registers assets/fonts/GlassboxCJK-Regular.otf as the fallback of its font
(gui/app.py). The subset holds every character of every translation in assets/i18n/*.ts
and of the Chinese texts of the built-in lessons (assets/lessons/*.glassbox-lesson), plus common Chinese punctuation, digits and Latin letters, so it stays a few hundred KB.
Run it again after the translations change (tests/gui/test_fonts.py fails until you do).
Noto Sans CJK is licensed under the SIL Open Font License 1.1 (assets/fonts/OFL.txt);
the subset is renamed, as the licence asks of modified versions.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "assets" / "i18n"
LESSONS = ROOT / "assets" / "lessons"
FONTS = ROOT / "assets" / "fonts"
TARGET = FONTS / "GlassboxCJK-Regular.otf"
FAMILY = "Glassbox CJK"
SOURCES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),
)
SIMPLIFIED_CHINESE = "Noto Sans CJK SC"
# Punctuation a Chinese sentence uses, the ASCII range, and a few symbols the views draw.
EXTRA = ("，。、：；？！（）【】《》“”‘’…—～·「」『』〈〉％＋－＝／　" + "".join(chr(c) for c in range(0x20, 0x7F))
         + "×÷±≈≤≥→←↑↓▶◀•°∑∂σηδ")


def translation_characters(folder: Path = I18N) -> set[str]:
    """Every character of every finished translation in the .ts files."""
    found: set[str] = set()
    for path in sorted(folder.glob("*.ts")):
        for translation in ElementTree.parse(path).getroot().iter("translation"):
            found.update(translation.text or "")
            for numerus in translation.iter("numerusform"):
                found.update(numerus.text or "")
    return {character for character in found if ord(character) >= 0x20}


def lesson_characters(folder: Path = LESSONS) -> set[str]:
    """Every character of the Chinese texts of the built-in lessons (each text is {"en": ..., "zh_CN": ...})."""
    import json

    found: set[str] = set()

    def visit(value) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("zh_CN"), str):
                found.update(value["zh_CN"])
            for item in value.values():
                visit(item)
        elif isinstance(value, list):
            for item in value:
                visit(item)

    for path in sorted(folder.glob("*.glassbox-lesson")):
        visit(json.loads(path.read_text(encoding="utf-8")))
    return {character for character in found if ord(character) >= 0x20}


def source_characters(folder: Path = I18N) -> set[str]:
    """Every character of the English sources: the Latin font that shows them in English shows them in Chinese too."""
    found: set[str] = set()
    for path in sorted(folder.glob("*.ts")):
        for source in ElementTree.parse(path).getroot().iter("source"):
            found.update(source.text or "")
    return found


def chinese_only_characters() -> set[str]:
    """The characters only the translations bring: these the shipped font must hold."""
    return (translation_characters() | lesson_characters()) - source_characters()


def source_font(given: str | None) -> tuple[Path, int]:
    """The Noto Sans CJK collection and the index of its Simplified Chinese face."""
    from fontTools.ttLib import TTCollection

    candidates = [Path(given)] if given else [path for path in SOURCES if path.exists()]
    if not candidates or not candidates[0].exists():
        raise SystemExit("error: Noto Sans CJK was not found; install fonts-noto-cjk or pass --source")
    path = candidates[0]
    if path.suffix.lower() != ".ttc":
        return path, 0
    collection = TTCollection(str(path), lazy=True)
    for index, face in enumerate(collection.fonts):
        if face["name"].getDebugName(1) == SIMPLIFIED_CHINESE:
            return path, index
    raise SystemExit(f"error: {path} has no {SIMPLIFIED_CHINESE} face")


def build(source: Path, index: int, characters: set[str], target: Path = TARGET) -> int:
    """Write the subset; returns how many of `characters` it holds."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), fontNumber=index, lazy=False, recalcTimestamp=False)  # the same bytes every run
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(character) for character in characters))
    subsetter.subset(font)
    _rename(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target))
    cmap = font.getBestCmap()
    return sum(ord(character) in cmap for character in characters)


def _rename(font) -> None:
    """A modified OFL font carries a name of its own (the licence reserves "Noto")."""
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16, 21):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 6, 20):
            names.setName("GlassboxCJK-Regular", record.nameID, record.platformID, record.platEncID, record.langID)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = ["GlassboxCJK-Regular"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", help="the Noto Sans CJK .ttc or .otf to cut from")
    options = parser.parse_args(argv)
    source, index = source_font(options.source)
    characters = translation_characters() | lesson_characters() | set(EXTRA)
    held = build(source, index, characters)
    missing = sorted(character for character in characters if character not in _held(TARGET))
    print(f"{TARGET.relative_to(ROOT)}: {held} of {len(characters)} characters, {TARGET.stat().st_size // 1024} KB")
    if missing:
        print(f"not in the source font: {''.join(missing)!r}")
    if not chinese_only_characters() <= _held(TARGET):
        print("error: the font lacks characters only the translations use", file=sys.stderr)
        return 1
    return 0


def _held(path: Path) -> set[str]:
    from fontTools.ttLib import TTFont

    return {chr(code) for code in TTFont(str(path)).getBestCmap()}


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
