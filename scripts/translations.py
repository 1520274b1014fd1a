"""Keep the Chinese translation in step with the source: extract, fill, check and compile.

    python scripts/translations.py update [PART ...]   # re-extract tr() strings into assets/i18n/<part>.zh_CN.ts
    python scripts/translations.py fill PART MAP.json  # put {"English source": "中文"} into that part's .ts
    python scripts/translations.py missing [PART ...]  # list source strings without a finished translation
    python scripts/translations.py build [PART ...]    # compile .ts files into .qm (shipped with the app)

One .ts per part of the program, so the people working on different tabs never edit the
same file. A part is a folder of gui/ (network, convolution, landscape, training, style,
widgets), "window" (the modules directly in gui/), "cli", or "core" (the error
templates of core/, which stays free of Qt: see core_messages.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "assets" / "i18n"
LANGUAGE = "zh_CN"
GUI_PACKAGES = ("network", "convolution", "landscape", "training", "style", "widgets", "autoencoder", "lesson",
                "animation")
PARTS = (*GUI_PACKAGES, "window", "cli", "core")


def ts_path(part: str) -> Path:
    return I18N / f"{part}.{LANGUAGE}.ts"


def qm_path(part: str) -> Path:
    return I18N / f"{part}.{LANGUAGE}.qm"


def sources(part: str) -> list[Path]:
    """The Python files whose translatable strings belong to `part`."""
    if part in GUI_PACKAGES:
        return sorted((ROOT / "gui" / part).rglob("*.py"))
    if part == "window":
        return sorted((ROOT / "gui").glob("*.py"))
    if part == "cli":
        return sorted((ROOT / "cli").rglob("*.py"))
    if part == "core":
        return [ROOT / "gui" / "core_messages.py"] if (ROOT / "gui" / "core_messages.py").exists() else []
    raise SystemExit(f"error: unknown part '{part}'; choose from {', '.join(PARTS)}")


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"error: {name} is not installed; it comes with PySide6 (pip install PySide6).")
    return found


def extract(part: str, into: Path) -> None:
    """Run Qt's lupdate: new strings are added unfinished, translations of unchanged ones are kept."""
    files = [str(path) for path in sources(part) if path.name != "core_messages.py" or part == "core"]
    if part == "window":
        files = [name for name in files if not name.endswith("core_messages.py")]
    if not files:
        return
    subprocess.run([tool("pyside6-lupdate"), *files, "-ts", str(into), "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", LANGUAGE],
                   check=True, capture_output=True)


def update(parts: list[str]) -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    for part in parts:
        extract(part, ts_path(part))
        print(f"{ts_path(part).relative_to(ROOT)}: {len(missing_in(ts_path(part)))} without a translation")


def messages(path: Path):
    """(context, source, translation element) for every message of a .ts file."""
    tree = ElementTree.parse(path)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation"), tree


def missing_in(path: Path) -> list[tuple[str, str]]:
    if not path.exists():
        return []
    return [(context, source) for context, source, translation, _ in messages(path)
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished")
            or not (translation.text or "").strip()]


def fill(part: str, mapping_file: Path) -> None:
    """Write translations from a JSON object {source: translation} (or {context: {source: translation}})."""
    mapping = json.loads(mapping_file.read_text(encoding="utf-8"))
    path = ts_path(part)
    tree = ElementTree.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            scoped = mapping.get(name) if isinstance(mapping.get(name), dict) else None
            text = (scoped or {}).get(source, mapping.get(source))
            if isinstance(text, str) and text.strip():
                translation = message.find("translation")
                translation.text = text
                translation.attrib.pop("type", None)
                filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"{path.relative_to(ROOT)}: {filled} filled, {len(missing_in(path))} still without a translation")


def build(parts: list[str]) -> None:
    for path in sorted(I18N.glob(f"*.{LANGUAGE}.ts")):
        part = path.name.split(".")[0]
        if parts and part not in parts:
            continue
        subprocess.run([tool("pyside6-lrelease"), str(path), "-qm", str(qm_path(part))],
                       check=True, capture_output=True)
        print(f"{qm_path(part).relative_to(ROOT)}")


def fresh_extraction(part: str) -> Path:
    """The .ts lupdate would write today, in a scratch folder (for the completeness test)."""
    folder = Path(tempfile.mkdtemp(prefix="glassbox-ts-"))
    target = folder / ts_path(part).name
    if ts_path(part).exists():
        shutil.copy(ts_path(part), target)
    extract(part, target)
    return target


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("update", "fill", "missing", "build"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "update":
        update(rest or list(PARTS))
    elif command == "fill":
        fill(rest[0], Path(rest[1]))
    elif command == "missing":
        for part in rest or PARTS:
            for context, source in missing_in(fresh_extraction(part)):
                print(f"{part}\t{context}\t{source!r}")
    else:
        build(rest)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
